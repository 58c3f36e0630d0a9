/*!
A student's workbook: the folder with info.toml and the exercise crates they edit.

Everything here that replaces a student's file first copies it to a backup, so nothing a student
wrote is ever lost.
*/

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::{Context, Result, bail};

mod backup;
pub mod state;

use backup::{is_regular, replace};

use crate::course::{Exercise, ExerciseSet, paths};

pub struct Workbook {
    pub root: PathBuf,
}

/// What `reset` did.
pub struct Reset {
    /// Where the student's version was saved, when it differed from the original.
    pub backup: Option<PathBuf>,
}

impl Workbook {
    /// The workbook that holds `start`: the nearest folder upwards with an info.toml.
    pub fn find(start: &Path) -> Result<Self> {
        for dir in start.ancestors() {
            if dir.join(paths::INFO).is_file() {
                return Ok(Self {
                    root: dir.to_owned(),
                });
            }
        }
        bail!(
            "{} is not inside an opslings workbook (no info.toml here or above).\n\
             Run opslings from the folder you cloned, the one with info.toml and exercises/.",
            start.display()
        )
    }

    /// The crate's `src` folder, relative to the root.
    pub fn src(&self, exercise: &Exercise) -> PathBuf {
        PathBuf::from(exercise.dir()).join("src")
    }

    /// The build folder of checks of this workbook's exercises, relative to the root.
    pub fn build_dir(&self, exercise: &Exercise) -> PathBuf {
        PathBuf::from(paths::build_dir(exercise.name()))
    }

    /// Whether every original file is unchanged in the workbook (a FIFO, a device or a folder
    /// where a file should be is a change, and is never opened).
    pub fn is_untouched(&self, set: &ExerciseSet, exercise: &Exercise) -> bool {
        let dir = self.root.join(exercise.dir());
        set.originals(exercise).into_iter().all(|(path, bytes)| {
            let path = dir.join(path);
            is_regular(&path) && fs::read(path).is_ok_and(|b| b == bytes)
        })
    }

    /// Restores the original files of an exercise, after saving the student's crate folder to
    /// `.opslings/backups/<name>-<n>/` when it differs from the original.
    pub fn reset(&self, set: &ExerciseSet, exercise: &Exercise) -> Result<Reset> {
        let dir = self.root.join(exercise.dir());
        let backup = if self.is_untouched(set, exercise) {
            None
        } else {
            Some(self.backup(&dir, exercise.name())?)
        };
        for (path, bytes) in set.originals(exercise) {
            let dest = dir.join(path);
            if let Some(parent) = dest.parent() {
                fs::create_dir_all(parent)
                    .with_context(|| format!("Failed to create {}", parent.display()))?;
            }
            replace(&dest, bytes)
                .with_context(|| format!("Failed to restore {}", dest.display()))?;
        }
        Ok(Reset { backup })
    }

    /// Copies `dir` to a new numbered backup folder and returns it.
    fn backup(&self, dir: &Path, name: &str) -> Result<PathBuf> {
        let mut n = 1;
        let target = loop {
            let candidate = self.root.join(paths::backup_dir(name, n));
            if !candidate.exists() {
                break candidate;
            }
            n += 1;
        };
        // On disk for sure before anything is replaced: a crash must not lose both versions.
        backup::copy_synced(dir, &target).with_context(|| {
            format!(
                "Failed to back up {} to {}; nothing was reset",
                dir.display(),
                target.display()
            )
        })?;
        Ok(target)
    }
}

/// Copies the files below `from` to `to`, skipping build output.
pub fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name() == "target" {
            continue;
        }
        if path.is_dir() {
            copy_tree(&path, &to.join(entry.file_name()))?;
        } else {
            fs::copy(&path, to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

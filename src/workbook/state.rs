/*!
The student's progress, kept in `.opslings/state.toml` in the workbook.

It is rewritten after every change, atomically (a temporary file renamed over the old one), so a
crash or a full disk never leaves half a file. A file that cannot be read is never overwritten:
the student is told what is wrong and decides.

Several opslings may work in one workbook at once (watch mode in one terminal, `run` or `hint` in
another), so a change is never written from a copy read earlier: [`StateFile::update`] takes an
advisory lock on `.opslings/state.lock`, reads the file again inside it, applies the change and
writes the result before letting go.
*/

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::course::{Exercise, ExerciseSet, info::line_column, paths};

const VERSION: u32 = 1;

/// What is saved.
#[derive(Debug, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct State {
    format_version: u32,
    /// The exercise the student is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// Exercises that passed. Names the set no longer has are kept, in case they come back.
    #[serde(default)]
    pub done: BTreeSet<String>,
    /// How many hints of each task have been shown: per exercise, one count per task.
    #[serde(default)]
    pub task_hints: BTreeMap<String, Vec<usize>>,
    /// The task each exercise was on at its last check (from 1).
    #[serde(default)]
    pub tasks: BTreeMap<String, usize>,
    /// Hints shown before exercises had tasks: read so that such a file still loads, never
    /// written again.
    #[serde(default, skip_serializing)]
    hints: BTreeMap<String, usize>,
    /// Whether the welcome message was shown.
    #[serde(default)]
    pub welcomed: bool,
}

/// The state file of a workbook.
pub struct StateFile {
    path: PathBuf,
    pub state: State,
}

impl StateFile {
    pub fn path_in(root: &Path) -> PathBuf {
        root.join(paths::state_file())
    }

    /// Reads the state, or starts afresh when there is none yet.
    pub fn load(root: &Path) -> Result<Self> {
        let path = Self::path_in(root);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let state = State {
                    format_version: VERSION,
                    ..State::default()
                };
                return Ok(Self { path, state });
            }
            Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                bail!("{} is not text. {DAMAGED_HELP}", path.display())
            }
            Err(e) => return Err(e).with_context(|| format!("Failed to read {}", path.display())),
        };
        let state: State = toml::from_str(&text).map_err(|e| {
            let (line, column) = line_column(&text, e.span().map_or(0, |s| s.start));
            anyhow::anyhow!(
                "{}:{line}:{column}: the progress file is damaged: {}. {DAMAGED_HELP}",
                path.display(),
                e.message().trim_end()
            )
        })?;
        if state.format_version != VERSION {
            bail!(
                "{} was written by another version of opslings (format {}, this one reads {VERSION}). {DAMAGED_HELP}",
                path.display(),
                state.format_version
            );
        }
        Ok(Self { path, state })
    }

    /// Applies `change` to the state as it is on disk now, and writes it, holding the workbook's
    /// state lock throughout so that no other process's change is lost.
    pub fn update<R>(&mut self, change: impl FnOnce(&mut Self) -> R) -> Result<R> {
        let root = self.root();
        let _lock = lock(&root)?;
        *self = Self::load(&root)?;
        let result = change(self);
        self.save()?;
        Ok(result)
    }

    /// The workbook folder: the state file is `<root>/.opslings/state.toml`.
    fn root(&self) -> PathBuf {
        let dir = self.path.parent().expect("the state file is in .opslings/");
        dir.parent().unwrap_or(Path::new(".")).to_owned()
    }

    /// Writes the state atomically.
    fn save(&self) -> Result<()> {
        let dir = self.path.parent().expect("the state file is in .opslings/");
        let fail = || format!("Failed to save your progress to {}", self.path.display());
        fs::create_dir_all(dir).with_context(fail)?;
        let text = toml::to_string(&self.state).expect("the state is plain data");
        let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(fail)?;
        tmp.write_all(b"# opslings progress: written by opslings, safe to delete to start over\n")
            .and_then(|()| tmp.write_all(text.as_bytes()))
            .and_then(|()| tmp.as_file().sync_all())
            .with_context(fail)?;
        tmp.persist(&self.path)
            .map_err(|e| e.error)
            .with_context(fail)?;
        Ok(())
    }

    /// The exercise to work on: the saved one if it still exists, else the first not done.
    pub fn current<'a>(&self, set: &'a ExerciseSet) -> Option<&'a Exercise> {
        if let Some(current) = self.state.current.as_deref().and_then(|n| set.get(n)) {
            return Some(current);
        }
        set.exercises
            .iter()
            .find(|e| !self.state.done.contains(e.name()))
    }

    /// Marks `name` done and moves on to the next exercise not done (after it, then from the
    /// start). Returns the new current exercise, or `None` when all are done.
    pub fn complete<'a>(&mut self, set: &'a ExerciseSet, name: &str) -> Option<&'a Exercise> {
        self.state.done.insert(name.to_owned());
        let start = set.position(name).map_or(0, |i| i + 1);
        let n = set.exercises.len();
        let next = (0..n)
            .map(|k| &set.exercises[(start + k) % n])
            .find(|e| !self.state.done.contains(e.name()));
        self.state.current = next.map(|e| e.name().to_owned());
        next
    }

    /// How many hints of task `task` (from 1) of `name` have been shown.
    pub fn hints_shown(&self, name: &str, task: usize) -> usize {
        let shown = self.state.task_hints.get(name);
        shown
            .and_then(|counts| counts.get(task.saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    }

    /// Records that `count` hints of task `task` of `name` have been shown.
    pub fn set_hints_shown(&mut self, name: &str, task: usize, count: usize) {
        let counts = self.state.task_hints.entry(name.to_owned()).or_default();
        let index = task.saturating_sub(1);
        if counts.len() <= index {
            counts.resize(index + 1, 0);
        }
        counts[index] = count;
    }

    /// The task `name` was on at its last check: 1 before any.
    pub fn task(&self, name: &str) -> usize {
        self.state.tasks.get(name).copied().unwrap_or(1)
    }

    /// Records the task `name` is on; whether that changed anything.
    pub fn set_task(&mut self, name: &str, task: usize) -> bool {
        self.state.tasks.insert(name.to_owned(), task) != Some(task)
    }

    pub fn is_done(&self, name: &str) -> bool {
        self.state.done.contains(name)
    }

    pub fn solved(&self, set: &ExerciseSet) -> usize {
        set.exercises
            .iter()
            .filter(|e| self.is_done(e.name()))
            .count()
    }
}

/// Holds the workbook's state lock until dropped.
fn lock(root: &Path) -> Result<fs::File> {
    let path = root.join(paths::state_lock());
    crate::lock::exclusive(&path, &|| false)
        .with_context(|| format!("Failed to lock {} to save your progress", path.display()))
        .map(|file| file.expect("a lock that never gives up is always taken"))
}

const DAMAGED_HELP: &str = "opslings left the file as it is. Your exercise files are not \
affected: to start the progress record over, move the file away or delete it, then run opslings again";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_starts_afresh_and_a_saved_one_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = StateFile::load(dir.path()).unwrap();
        assert_eq!(file.state.done.len(), 0);
        file.update(|file| {
            file.state.current = Some("b".into());
            file.state.done.insert("a".into());
            file.set_hints_shown("b", 2, 1);
            file.set_task("b", 2);
        })
        .unwrap();
        let again = StateFile::load(dir.path()).unwrap();
        assert_eq!(again.state, file.state);
        assert_eq!(
            (again.hints_shown("b", 1), again.hints_shown("b", 2)),
            (0, 1)
        );
        assert_eq!((again.task("b"), again.task("a")), (2, 1));
    }

    #[test]
    fn an_update_applies_to_what_another_process_wrote_since() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = StateFile::load(dir.path()).unwrap();
        let mut second = StateFile::load(dir.path()).unwrap();
        first
            .update(|file| file.state.done.insert("a".into()))
            .unwrap();
        second
            .update(|file| file.state.done.insert("b".into()))
            .unwrap();
        let again = StateFile::load(dir.path()).unwrap();
        assert!(again.is_done("a") && again.is_done("b"));
    }

    #[test]
    fn a_file_from_before_tasks_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = StateFile::path_in(dir.path());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(
            &path,
            "format_version = 1\ndone = [\"a\"]\n[hints]\na = 2\n",
        )
        .unwrap();
        let file = StateFile::load(dir.path()).unwrap();
        assert!(file.is_done("a"));
        assert_eq!(file.hints_shown("a", 1), 0);
    }

    #[test]
    fn a_damaged_file_is_reported_with_its_line_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = StateFile::path_in(dir.path());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "format_version = 1\ndone = [\"a\"\ncurrent = 3\n").unwrap();
        let err = StateFile::load(dir.path()).err().unwrap().to_string();
        assert!(err.contains("state.toml:3:"), "{err}");
        assert!(err.contains("left the file as it is"), "{err}");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "format_version = 1\ndone = [\"a\"\ncurrent = 3\n"
        );
    }

    #[test]
    fn a_foreign_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = StateFile::path_in(dir.path());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "format_version = 7\n").unwrap();
        let err = StateFile::load(dir.path()).err().unwrap().to_string();
        assert!(
            err.contains("another version of opslings (format 7"),
            "{err}"
        );
        fs::write(&path, "[user]\nname = 'x'\n").unwrap();
        assert!(StateFile::load(dir.path()).is_err());
    }
}

/*!
Taking a student's sources out of their workbook: only the regular `.rs` files below each
exercise's `src/`, copied into the private build tree. No symbolic link is followed anywhere on
the way (a linked exercise folder or `src/` is refused, a linked file skipped), so a student
cannot point the grader at a file outside the workbook; nothing but a regular file is opened,
so a FIFO or a device cannot hang the grade; every copy is a new file in a fresh folder; and
the sources of one exercise are capped in size.
*/

use std::{
    fs::{self, File, OpenOptions},
    io::{self, Read},
    path::Path,
};

use crate::course::Exercise;

/// How many bytes of sources one exercise may have; beyond that the copy stops.
const MAX_SOURCE_BYTES: u64 = 4 * 1024 * 1024;
/// How deep folders below `src/` may nest.
const MAX_DEPTH: usize = 8;

/// Why a workbook could not be graded at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum WorkbookError {
    #[error("no such folder")]
    NoSuchFolder,
    #[error("is not a folder")]
    NotAFolder,
    #[error("cannot be read: {0}")]
    Unreadable(String),
    #[error("is not an opslings workbook: it has no exercises/ folder")]
    NotAWorkbook,
    #[error("its exercises/ folder cannot be read: {0}")]
    ExercisesUnreadable(String),
}

/// Why one exercise's sources could not be taken from a workbook.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum SourceError {
    #[error("{src}: the folder is missing")]
    FolderMissing { src: String },
    #[error("{src}/lib.rs is missing")]
    LibMissing { src: String },
    #[error("{src}: more than {} MiB of sources", MAX_SOURCE_BYTES / 1024 / 1024)]
    TooLarge { src: String },
    #[error("{src}: {detail}")]
    Unreadable { src: String, detail: String },
    #[error("{path} is a symbolic link: only what is inside the workbook is graded")]
    Linked { path: String },
}

/// Copies the sources of every exercise of the workbook `dir` to `to`, at the same paths.
/// The outer error is a workbook that cannot be read; the inner ones, exercises.
pub(super) fn copy_workbook(
    exercises: &[Exercise],
    dir: &Path,
    to: &Path,
) -> Result<Vec<Result<(), SourceError>>, WorkbookError> {
    match fs::metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(WorkbookError::NoSuchFolder),
        Err(e) => return Err(WorkbookError::Unreadable(e.to_string())),
        Ok(meta) if !meta.is_dir() => return Err(WorkbookError::NotAFolder),
        Ok(_) => {}
    }
    if let Err(e) = fs::read_dir(dir.join("exercises")) {
        return Err(if e.kind() == io::ErrorKind::NotFound {
            WorkbookError::NotAWorkbook
        } else {
            WorkbookError::ExercisesUnreadable(e.to_string())
        });
    }
    Ok(exercises
        .iter()
        .map(|exercise| {
            let src = format!("{}/src", exercise.dir());
            if let Some(path) = linked_on_the_way(dir, &src) {
                return Err(SourceError::Linked { path });
            }
            let mut budget = MAX_SOURCE_BYTES;
            copy_sources(&dir.join(&src), &to.join(&src), 0, &mut budget).map_err(|problem| {
                match problem {
                    Problem::Missing => SourceError::FolderMissing { src: src.clone() },
                    Problem::TooLarge => SourceError::TooLarge { src: src.clone() },
                    Problem::Io(detail) => SourceError::Unreadable {
                        src: src.clone(),
                        detail,
                    },
                }
            })?;
            if !to.join(&src).join("lib.rs").is_file() {
                return Err(SourceError::LibMissing { src });
            }
            Ok(())
        })
        .collect())
}

/// The first folder from the workbook down to `src` (a relative path) that is a symbolic link.
fn linked_on_the_way(workbook: &Path, src: &str) -> Option<String> {
    let mut path = workbook.to_path_buf();
    let mut shown = String::new();
    for part in src.split('/') {
        path.push(part);
        shown = if shown.is_empty() {
            part.to_owned()
        } else {
            format!("{shown}/{part}")
        };
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some(shown);
        }
    }
    None
}

/// What went wrong below one `src/`.
#[derive(Debug)]
enum Problem {
    Missing,
    TooLarge,
    Io(String),
}

/// Copies the regular `.rs` files below `from` to `to`. Links are not followed, so a student
/// cannot point the grader at a file outside the workbook.
fn copy_sources(from: &Path, to: &Path, depth: usize, budget: &mut u64) -> Result<(), Problem> {
    let entries = fs::read_dir(from).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Problem::Missing,
        _ => Problem::Io(format!("cannot be read: {e}")),
    })?;
    fs::create_dir_all(to).map_err(|e| Problem::Io(format!("cannot copy: {e}")))?;
    for entry in entries {
        let entry = entry.map_err(|e| Problem::Io(format!("cannot be listed: {e}")))?;
        let path = entry.path();
        let meta =
            fs::symlink_metadata(&path).map_err(|e| Problem::Io(format!("cannot be read: {e}")))?;
        let dest = to.join(entry.file_name());
        if meta.is_dir() && depth < MAX_DEPTH {
            copy_sources(&path, &dest, depth + 1, budget)?;
        } else if meta.is_file() && path.extension().is_some_and(|x| x == "rs") {
            if meta.len() > *budget {
                return Err(Problem::TooLarge);
            }
            *budget -= meta.len();
            copy_file(&path, &dest, meta.len())
                .map_err(|e| Problem::Io(format!("{}: {e}", path.display())))?;
        }
    }
    Ok(())
}

/// Copies one regular file into a new file. Opened without following a link and without
/// blocking, then checked again: a file swapped for a FIFO or a link since it was listed is
/// refused rather than waited on.
fn copy_file(from: &Path, to: &Path, len: u64) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
        options.custom_flags(flags.bits() as i32);
    }
    let mut source = options.open(from)?;
    if !source.metadata()?.is_file() {
        return Err(io::Error::other("is not a regular file"));
    }
    let mut copy = File::create_new(to)?;
    // Bounded by the size it had when listed, should it grow meanwhile.
    io::copy(&mut (&mut source).take(len), &mut copy)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_regular_rust_files_below_src_are_copied() {
        let from = tempfile::tempdir().unwrap();
        let to = tempfile::tempdir().unwrap();
        let src = from.path();
        fs::write(src.join("lib.rs"), "pub mod a;").unwrap();
        fs::create_dir(src.join("a")).unwrap();
        fs::write(src.join("a/mod.rs"), "").unwrap();
        fs::write(src.join("notes.txt"), "").unwrap();
        fs::write(src.join("build.rs"), "").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("/etc/hostname", src.join("linked.rs")).unwrap();
        let mut budget = MAX_SOURCE_BYTES;
        copy_sources(src, to.path(), 0, &mut budget).unwrap();
        let mut copied: Vec<String> = walk(to.path());
        copied.sort();
        // build.rs is a plain source file here: nothing ever runs it as a build script.
        assert_eq!(copied, ["a/mod.rs", "build.rs", "lib.rs"]);
        assert_eq!(budget, MAX_SOURCE_BYTES - 10);
    }

    #[test]
    fn too_many_sources_are_refused() {
        let from = tempfile::tempdir().unwrap();
        let to = tempfile::tempdir().unwrap();
        fs::write(from.path().join("lib.rs"), "x".repeat(100)).unwrap();
        let mut budget = 99;
        let err = copy_sources(from.path(), to.path(), 0, &mut budget).unwrap_err();
        assert!(matches!(err, Problem::TooLarge), "{err:?}");
    }

    fn walk(dir: &Path) -> Vec<String> {
        let mut files = Vec::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                files.extend(walk(&path).into_iter().map(|f| format!("{name}/{f}")));
            } else {
                files.push(name);
            }
        }
        files
    }
}

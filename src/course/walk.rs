// Which files below a course folder belong to the exercise set. Shared with build.rs (through
// `#[path]`), so the binary's copy and a course read from disk hold the same files.

use std::{
    fs, io,
    path::{Path, PathBuf},
};

/// Every file below `dir` that belongs to a course, skipping build output and hidden files
/// (editor swap files, state). Links are not followed. A folder that does not exist holds none.
pub(crate) fn course_files(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" || name == "Cargo.lock" {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() {
            course_files(&entry.path(), files)?;
        } else if kind.is_file() {
            files.push(entry.path());
        }
    }
    Ok(())
}

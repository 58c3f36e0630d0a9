/*!
Taking a student's sources out of their workbook: only the regular `.rs` files below each
exercise's `src/`, copied into the private build tree. Links are not followed, so a student
cannot point the grader at a file outside the workbook, and the sources of one exercise are
capped in size.
*/

use std::{fs, path::Path};

use crate::exercise::Exercise;

/// How many bytes of sources one exercise may have; beyond that the copy stops.
const MAX_SOURCE_BYTES: u64 = 4 * 1024 * 1024;
/// How deep folders below `src/` may nest.
const MAX_DEPTH: usize = 8;

/// Copies the sources of every exercise of the workbook `dir` to `to`, at the same paths.
/// The outer error is a workbook that cannot be read; the inner ones, exercises.
pub fn copy_workbook(
    exercises: &[Exercise],
    dir: &Path,
    to: &Path,
) -> Result<Vec<Result<(), String>>, String> {
    match fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err("no such folder".into()),
        Err(e) => return Err(format!("cannot be read: {e}")),
        Ok(meta) if !meta.is_dir() => return Err("is not a folder".into()),
        Ok(_) => {}
    }
    if let Err(e) = fs::read_dir(dir.join("exercises")) {
        return Err(if e.kind() == std::io::ErrorKind::NotFound {
            "is not an opslings workbook: it has no exercises/ folder".into()
        } else {
            format!("its exercises/ folder cannot be read: {e}")
        });
    }
    Ok(exercises
        .iter()
        .map(|exercise| {
            let src = format!("{}/src", exercise.dir());
            let mut budget = MAX_SOURCE_BYTES;
            copy_sources(&dir.join(&src), &to.join(&src), 0, &mut budget)
                .map_err(|e| format!("{src}: {e}"))?;
            if !to.join(&src).join("lib.rs").is_file() {
                return Err(format!("{src}/lib.rs is missing"));
            }
            Ok(())
        })
        .collect())
}

/// Copies the regular `.rs` files below `from` to `to`. Links are not followed, so a student
/// cannot point the grader at a file outside the workbook.
fn copy_sources(from: &Path, to: &Path, depth: usize, budget: &mut u64) -> Result<(), String> {
    let entries = fs::read_dir(from).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "the folder is missing".to_owned(),
        _ => format!("cannot be read: {e}"),
    })?;
    fs::create_dir_all(to).map_err(|e| format!("cannot copy: {e}"))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot be listed: {e}"))?;
        let path = entry.path();
        let meta = fs::symlink_metadata(&path).map_err(|e| format!("cannot be read: {e}"))?;
        let dest = to.join(entry.file_name());
        if meta.is_dir() && depth < MAX_DEPTH {
            copy_sources(&path, &dest, depth + 1, budget)?;
        } else if meta.is_file() && path.extension().is_some_and(|x| x == "rs") {
            if meta.len() > *budget {
                return Err(format!(
                    "more than {} MiB of sources",
                    MAX_SOURCE_BYTES / 1024 / 1024
                ));
            }
            *budget -= meta.len();
            fs::copy(&path, &dest).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
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
        assert!(err.contains("MiB of sources"), "{err}");
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

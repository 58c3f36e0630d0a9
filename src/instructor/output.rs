/*!
The report file of `--output`: checked before any work starts (a grade can take an hour, and a
typo in the path should not cost it), then written whole or not at all, with the permissions any
new file gets (0644 under the usual umask), so that a CI job can collect it.
*/

use std::{
    io::Write,
    path::{Path, PathBuf},
};

use anyhow::{Context, Result, bail};
use tempfile::{Builder, NamedTempFile};

/// Fails, saying why, when a report could not be written to `path`.
pub(super) fn check_writable(path: Option<&Path>) -> Result<()> {
    let Some(path) = path else { return Ok(()) };
    let refuse = |why: &str| -> Result<()> {
        bail!(
            "Cannot write the report to {}: {why}. Nothing was checked: choose another \
             --output path and run again",
            path.display()
        )
    };
    if path.is_dir() {
        return refuse("it is a folder");
    }
    let dir = folder_of(path);
    if !dir.is_dir() {
        return refuse(&format!("the folder {} does not exist", dir.display()));
    }
    // Only trying tells for sure (permissions, a read-only file system, ACLs).
    if let Err(e) = new_file_in(&dir) {
        return refuse(&format!(
            "no file can be created in {} ({e})",
            dir.display()
        ));
    }
    Ok(())
}

/// Writes `path` whole or not at all, so that a CI job never collects half a report.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail = || format!("Failed to write the report to {}", path.display());
    let mut file = new_file_in(&folder_of(path)).with_context(fail)?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .with_context(fail)?;
    file.persist(path).with_context(fail)?;
    Ok(())
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file in `dir` with the mode a new file gets (tempfile's own is 0600).
fn new_file_in(dir: &Path) -> std::io::Result<NamedTempFile> {
    let mut builder = Builder::new();
    builder.prefix(".opslings-report-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The umask applies to it, as to any file a program creates.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn a_report_gets_the_mode_of_a_new_file() {
        let dir = tempfile::tempdir().unwrap();
        let probe = dir.path().join("probe");
        std::fs::write(&probe, "").unwrap();
        let report = dir.path().join("report.json");
        write_atomically(&report, b"{}").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&report), mode(&probe));
    }

    #[test]
    fn a_folder_or_a_missing_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = check_writable(Some(dir.path())).unwrap_err().to_string();
        assert!(err.contains("it is a folder"), "{err}");
        let missing = dir.path().join("no/such/report.xml");
        let err = check_writable(Some(&missing)).unwrap_err().to_string();
        assert!(err.contains("does not exist"), "{err}");
        assert!(check_writable(Some(&dir.path().join("ok.xml"))).is_ok());
    }
}

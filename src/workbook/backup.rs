/*!
The file work of `reset`: a backup that is on disk (files and folders synced) before anything
is replaced, and originals put back by renaming a new file over the old path, so that what is
there (a FIFO, a device, a symlink) is never opened.
*/

use std::{
    fs,
    io::{self, Write},
    path::Path,
};

/// Whether `path` is a regular file, without following a symlink or opening it.
pub(super) fn is_regular(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
}

/// Copies the regular files and folders below `from` to `to` (skipping build output, and files
/// of other kinds, which cannot be read without risk of blocking), syncing each one.
pub(super) fn copy_synced(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if entry.file_name() == "target" {
            continue;
        }
        let dest = to.join(entry.file_name());
        if kind.is_dir() {
            copy_synced(&entry.path(), &dest)?;
        } else if kind.is_file() {
            fs::copy(entry.path(), &dest)?;
            fs::File::open(&dest)?.sync_all()?;
        }
    }
    sync_dir(to)?;
    if let Some(parent) = to.parent() {
        sync_dir(parent)?;
    }
    Ok(())
}

/// Puts `bytes` at `path`: written to a new file beside it, synced, then renamed over it.
pub(super) fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The mode a file the student created gets, not tempfile's private 0600.
        let mode = fs::symlink_metadata(path)
            .ok()
            .filter(|m| m.file_type().is_file())
            .map_or(0o644, |m| m.permissions().mode());
        file.as_file()
            .set_permissions(fs::Permissions::from_mode(mode))?;
    }
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Makes the entries of `dir` durable (Unix; elsewhere folders cannot be opened to sync).
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/*!
Advisory file locks between opslings processes working in one workbook: one for the progress
file, one per exercise build folder. The system drops a lock when its holder dies, so a killed
opslings never leaves one behind. Where there is no `flock` (not Unix), locking does nothing.
*/

use std::{
    fs::{self, File},
    io,
    path::Path,
    thread,
    time::Duration,
};

/// How often a lock held by another process is tried again.
const RETRY: Duration = Duration::from_millis(5);

/// Takes an exclusive lock on `path` (created if needed), waiting for other holders. It is held
/// until the file returned is dropped. `None` when `give_up` said to stop waiting first.
pub(crate) fn exclusive(path: &Path, give_up: &dyn Fn() -> bool) -> io::Result<Option<File>> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)?;
    loop {
        if try_lock(&file)? {
            return Ok(Some(file));
        }
        if give_up() {
            return Ok(None);
        }
        thread::sleep(RETRY);
    }
}

#[cfg(unix)]
fn try_lock(file: &File) -> io::Result<bool> {
    use rustix::{fs::FlockOperation, io::Errno};
    match rustix::fs::flock(file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(true),
        Err(Errno::WOULDBLOCK) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> io::Result<bool> {
    Ok(true)
}

/*!
Failures of the machine, not of the student's code: a full disk, a folder opslings may not
write, a read-only file system. rustc and the linker report them as errors of the build, so
their messages are read for the system's own words, and the check ends with an error that
names the cause and the folder instead of a verdict that blames the code.
*/

use std::{
    fmt, io,
    path::{Path, PathBuf},
};

/// What went wrong with the storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    DiskFull,
    PermissionDenied,
    ReadOnly,
}

impl Cause {
    /// The cause in `text` (a compiler's or linker's messages), if it names one.
    pub fn find(text: &str) -> Option<Self> {
        const WORDS: &[(&str, Cause)] = &[
            ("No space left on device", Cause::DiskFull),
            ("(os error 28)", Cause::DiskFull),
            ("Disk quota exceeded", Cause::DiskFull),
            ("File too large", Cause::DiskFull),
            ("(os error 13)", Cause::PermissionDenied),
            ("Read-only file system", Cause::ReadOnly),
            ("(os error 30)", Cause::ReadOnly),
        ];
        WORDS
            .iter()
            .find(|(words, _)| text.contains(words))
            .map(|&(_, cause)| cause)
    }

    /// The cause of a failed build in `build`: the system's words in `text`, else a disk left
    /// with (almost) no space, which a linker writing through a memory map reports only as a
    /// crash (SIGBUS).
    /// A file the code itself names (`include_str!`) that cannot be read is the code's fault:
    /// in the sandbox, that is what reaching outside it looks like.
    pub fn of_build(text: &str, build: &Path) -> Option<Self> {
        let system: Vec<&str> = text
            .lines()
            .filter(|line| !line.contains("couldn't read"))
            .collect();
        Self::find(&system.join("\n")).or_else(|| nearly_full(build).then_some(Self::DiskFull))
    }

    /// The cause of an I/O error, if it is one of these.
    pub fn of(error: &io::Error) -> Option<Self> {
        match error.kind() {
            io::ErrorKind::StorageFull
            | io::ErrorKind::QuotaExceeded
            | io::ErrorKind::FileTooLarge => Some(Self::DiskFull),
            io::ErrorKind::PermissionDenied => Some(Self::PermissionDenied),
            io::ErrorKind::ReadOnlyFilesystem => Some(Self::ReadOnly),
            _ => None,
        }
    }
}

/// Whether the file system of `dir` has less than 1 MiB free for opslings.
#[cfg(unix)]
fn nearly_full(dir: &Path) -> bool {
    rustix::fs::statvfs(dir).is_ok_and(|s| s.f_bavail.saturating_mul(s.f_frsize) < 1 << 20)
}

#[cfg(not(unix))]
fn nearly_full(_dir: &Path) -> bool {
    false
}

/// A check that could not be made because of the storage; the code was not judged.
#[derive(Debug, thiserror::Error)]
pub struct StorageError {
    pub cause: Cause,
    /// The folder the build was in.
    pub build: PathBuf,
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let build = self.build.display();
        match self.cause {
            Cause::DiskFull => write!(
                f,
                "The disk is full: the check could not write to {build}. Your code was not \
                 checked. Free some space (the workbook's target/ folder is safe to delete) and \
                 check again"
            ),
            Cause::PermissionDenied => write!(
                f,
                "Permission denied writing to {build}: the check could not build there. Your \
                 code was not checked. Make the folder yours and writable (or delete it; \
                 opslings makes it again) and check again"
            ),
            Cause::ReadOnly => write!(
                f,
                "{build} is on a read-only file system: the check could not build there. Your \
                 code was not checked. Work in a copy of the workbook on a writable disk"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_s_words_name_the_cause_and_code_errors_name_none() {
        let ld = "error: linking with `cc` failed\n  = note: /usr/bin/ld: final link failed: \
                  No space left on device";
        assert_eq!(Cause::find(ld), Some(Cause::DiskFull));
        let rustc = "error: couldn't create a temp dir: Permission denied (os error 13)";
        assert_eq!(Cause::find(rustc), Some(Cause::PermissionDenied));
        assert_eq!(Cause::find("error[E0308]: mismatched types"), None);
    }

    #[test]
    fn a_file_the_code_includes_is_the_code_s_fault() {
        let dir = tempfile::tempdir().unwrap();
        let include =
            "error: couldn't read `/course/solutions/a.rs`: Permission denied (os error 13)";
        assert_eq!(Cause::of_build(include, dir.path()), None);
        let temp = "error: couldn't create a temp dir: Permission denied (os error 13)";
        assert_eq!(
            Cause::of_build(temp, dir.path()),
            Some(Cause::PermissionDenied)
        );
    }
}

//! # backup_verifier: a backup counts once it has been restored
//!
//! A backup job that reports success proves only that it wrote something. The proof that the
//! data can come back is a restore test: restore into a scratch place and compare what came
//! back with the manifest the backup job recorded (each file's path, size and checksum).
//!
//! ## Task 1: A backup counts once it has been restored
//!
//! ## The task
//!
//! Write [`verify`], which checks a restored tree against a manifest, and [`Report::is_ok`].
//! Each path gets at most one finding:
//!
//! - **missing**: in the manifest, but not in the restored tree's listing;
//! - **unreadable**: in both, but reading it failed (whatever the error);
//! - **corrupt**: in both and read, but its size or its checksum ([`fnv1a64`] of its bytes)
//!   differs from the manifest's;
//! - **extra**: in the restored tree's listing, but not in the manifest.
//!
//! A file in both whose size and checksum match is verified: the report counts those. Findings
//! are sorted by path (byte order, as `str` compares), whatever order the tree lists its files
//! in. Since a path has at most one finding, that order is total: the kinds are interleaved by
//! path, not grouped. The restore is OK only when there is no finding of any kind.

use std::collections::BTreeMap;

/// The 64-bit FNV-1a hash of `bytes`: a fast checksum that catches accidental damage (it is
/// not meant to resist deliberate tampering).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// What the manifest records about one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    /// Length in bytes.
    pub size: u64,
    /// [`fnv1a64`] of the content.
    pub checksum: u64,
}

impl Expected {
    /// The record of a file with this content, as the backup job writes it.
    pub fn of(content: &[u8]) -> Self {
        Self {
            size: content.len() as u64,
            checksum: fnv1a64(content),
        }
    }
}

/// The backup's manifest: every file it holds, by path.
pub type Manifest = BTreeMap<String, Expected>;

/// Why a file of the restored tree could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// No such file.
    NotFound,
    /// The restore process may not read it.
    PermissionDenied,
    /// The storage failed while reading.
    Io,
}

/// The restored tree: a file system in production, an in-memory map in tests.
pub trait RestoredTree {
    /// Paths of every file in the tree, in no particular order.
    fn list(&self) -> Vec<String>;
    /// The content of the file at `path`.
    fn read(&self, path: &str) -> Result<Vec<u8>, ReadError>;
}

/// What is wrong with one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// In the manifest, absent from the restored tree.
    Missing,
    /// Restored, but reading it failed.
    Unreadable(ReadError),
    /// Restored and read, but its size or checksum differs from the manifest.
    Corrupt {
        /// What the manifest recorded.
        expected: Expected,
        /// What the restored file has.
        actual: Expected,
    },
    /// In the restored tree, absent from the manifest.
    Extra,
}

/// One problem found at one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The file's path.
    pub path: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// The outcome of a restore test.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Files of the manifest restored with the right size and checksum.
    pub verified: usize,
    /// Every problem, sorted by path.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether the restore gave back exactly what was backed up.
    pub fn is_ok(&self) -> bool {
        // TODO: OK only without any finding, of any kind.
        todo!()
    }
}

/// Checks the restored `tree` against the backup's `manifest`.
pub fn verify(manifest: &Manifest, tree: &impl RestoredTree) -> Report {
    // TODO: find the missing, unreadable, corrupt and extra files, count the verified ones,
    // and sort the findings by path.
    todo!()
}

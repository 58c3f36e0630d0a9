//! # backup_verifier: a backup counts once it has been restored
//!
//! A backup job that reports success proves only that it wrote something. The proof that the
//! data can come back is a restore test: restore into a scratch place and compare what came
//! back with the manifest the backup job recorded (each file's path, size and checksum). The
//! Google SRE book makes the same point in chapter 26, "Data Integrity: What You Read Is What
//! You Wrote": nobody wants backups, what they want are restores.
//!
//! Why record the size as well as the checksum, when a file of another length has another
//! checksum anyway (barring a collision)? Because the size is cheap: a file system reports it
//! without reading the file, so a truncated or half-copied restore shows up before a single
//! byte is read, and a report that shows both says at once whether a file came back short.
//! Here the record is compared as a whole: a file is intact only when both agree.
//!
//! ## Task 1: Check every file of the manifest
//!
//! Write [`verify`] for the files of the manifest, and [`Report::is_ok`]. Each path of the
//! manifest is, in the order of these rules:
//!
//! - **missing**: not in the restored tree's listing ([`RestoredTree::list`]);
//! - **unreadable**: listed, but reading it failed, whatever the error: even
//!   [`ReadError::NotFound`] (the file vanished between the listing and the read) is
//!   unreadable, not missing, since the restore did list it;
//! - **corrupt**: listed and read, but its size or its checksum ([`fnv1a64`] of its bytes)
//!   differs from the manifest's;
//! - otherwise **verified**: the report counts those, and has no finding for them.
//!
//! The restore is OK only when there is no finding of any kind.
//!
//! Example: a manifest of `etc/app.toml` and `db/users.csv`, restored with `etc/app.toml`
//! intact and no `db/users.csv`, gives `verified: 1`, the one finding
//! `db/users.csv: Missing`, and `is_ok() == false`.
//!
//! ## Task 2: Report extra files, with every finding in path order
//!
//! - **extra**: a path in the restored tree's listing but not in the manifest. It is not read:
//!   there is nothing to compare it with, so whether it reads does not matter.
//! - Each path gets at most one finding. Findings are sorted by path (byte order, as `str`
//!   compares), whatever order the tree lists its files in: the kinds are interleaved by path,
//!   not grouped.
//!
//! Example: a manifest of only `etc/app.toml`, restored with it intact plus the unlisted
//! `tmp/restore.lock` and `a.txt`, gives `verified: 1` and the findings `a.txt: Extra` then
//! `tmp/restore.lock: Extra`; had the manifest also held a `db/users.csv` that did not come
//! back, its `Missing` finding would sit between the two.
//!
//! ## Beyond this exercise
//!
//! Real restore tests also check what a file list cannot: that the database starts and
//! answers queries, that permissions and ownership came back, and how long the restore took
//! against the RTO. Tools that must resist tampering record a cryptographic hash such as
//! SHA-256 instead of FNV-1a.

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

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ReadError::NotFound => "file not found",
            ReadError::PermissionDenied => "permission denied",
            ReadError::Io => "I/O error",
        })
    }
}

impl std::error::Error for ReadError {}

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

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

use std::collections::{BTreeMap, BTreeSet};

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
        // An extra file is a finding too: the restore holds something the backup did not
        // record, from an older restore or from a manifest that is incomplete.
        self.findings.is_empty()
    }
}

/// Checks the restored `tree` against the backup's `manifest`.
pub fn verify(manifest: &Manifest, tree: &impl RestoredTree) -> Report {
    let listed: BTreeSet<String> = tree.list().into_iter().collect();
    let mut report = Report::default();
    for (path, expected) in manifest {
        match check_file(tree, &listed, path, expected) {
            None => report.verified += 1,
            Some(problem) => report.findings.push(Finding {
                path: path.clone(),
                problem,
            }),
        }
    }
    // Extra files are not read: that they exist at all is the finding.
    let extra = listed
        .into_iter()
        .filter(|path| !manifest.contains_key(path));
    report.findings.extend(extra.map(|path| Finding {
        path,
        problem: Problem::Extra,
    }));
    // Each loop went in path order, but the two lists still have to be merged by path.
    report.findings.sort_by(|a, b| a.path.cmp(&b.path));
    report
}

/// What is wrong with one file of the manifest, or `None` when it was restored intact.
fn check_file(
    tree: &impl RestoredTree,
    listed: &BTreeSet<String>,
    path: &str,
    expected: &Expected,
) -> Option<Problem> {
    if !listed.contains(path) {
        return Some(Problem::Missing);
    }
    let content = match tree.read(path) {
        Ok(content) => content,
        Err(error) => return Some(Problem::Unreadable(error)),
    };
    // Size and checksum both: a size alone misses flipped bits, and a checksum alone would
    // accept a file that the manifest says should be longer.
    let actual = Expected::of(&content);
    (actual != *expected).then_some(Problem::Corrupt {
        expected: *expected,
        actual,
    })
}

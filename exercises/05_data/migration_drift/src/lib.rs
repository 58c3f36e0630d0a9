//! # Migration drift
//!
//! A migration tool changes a database schema one numbered script at a time, oldest first, and
//! writes each script it ran into a history table: its version, its name and a checksum of its
//! text. An applied script is frozen: if someone edits its file later, databases migrated
//! before the edit and after it no longer have the same schema. That silent difference is
//! called *drift*, and the tool must stop rather than guess.
//!
//! Implement [`pending`]: compare the `history` (oldest first, as recorded) with the
//! migration files `on_disk` (in any order) and return the migrations still to apply, lowest
//! version first. Versions start at 1. Check in this order and return the first problem found:
//!
//! 1. two files on disk share a version: [`MigrationError::DuplicateVersion`] (the lowest one);
//! 2. each history entry, in history order: no file on disk has its version,
//!    [`MigrationError::MissingOnDisk`]; the file's [`checksum`] differs from the recorded
//!    one, [`MigrationError::Drift`];
//! 3. the versions on disk, sorted, must run 1, 2, 3, ... without a hole:
//!    [`MigrationError::Gap`] names the first missing version;
//! 4. no unapplied file may sit below an applied one: [`MigrationError::OutOfOrder`] names the
//!    lowest such file and the first applied version above it.
//!
//! ## Task 1: Migration_drift

/// A migration file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    pub version: u32,
    pub name: String,
    /// The text of the script, exactly as it is on disk.
    pub script: String,
}

/// One row of the history table: a migration that was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub version: u32,
    pub name: String,
    /// The [`checksum`] of the script at the time it was applied.
    pub checksum: u64,
}

/// Why the tool refuses to migrate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// Two files on disk carry this version.
    DuplicateVersion { version: u32 },
    /// The history says this migration was applied, but its file is gone.
    MissingOnDisk { version: u32, name: String },
    /// The file of an applied migration was edited after it ran.
    Drift {
        version: u32,
        name: String,
        recorded: u64,
        on_disk: u64,
    },
    /// No file on disk carries this version, yet higher versions exist.
    Gap { missing: u32 },
    /// `pending` was never applied, but the higher version `applied_after` was.
    OutOfOrder { pending: u32, applied_after: u32 },
}

/// The checksum the history records: 64-bit FNV-1a over the bytes of the script. Any change,
/// even in whitespace, changes it.
pub fn checksum(script: &str) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    script.bytes().fold(OFFSET_BASIS, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

/// The migrations still to apply, lowest version first, or the first problem found.
pub fn pending<'a>(
    history: &[Applied],
    on_disk: &'a [Migration],
) -> Result<Vec<&'a Migration>, MigrationError> {
    // TODO: the unapplied migrations, lowest version first, or the first problem found by
    // the four checks, run in the order the module documentation lists them.
    todo!()
}

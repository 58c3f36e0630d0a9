//! # migration_drift: an applied migration is frozen
//!
//! A migration tool changes a database schema one numbered script at a time, oldest first, and
//! writes each script it ran into a history table: its version, its name and a checksum of its
//! text. An applied script is frozen: if someone edits its file later, databases migrated
//! before the edit and after it no longer have the same schema. That silent difference is
//! called *drift*, and the tool must stop rather than guess. Flyway, for one, does exactly
//! this: its `validate` command compares the checksums in its `flyway_schema_history` table
//! with the files, and fails on a mismatch, on an applied migration that is no longer found
//! and, unless `outOfOrder` is enabled, on a file that would run below an applied version
//! (Flyway's documentation, "Validate" and "outOfOrder").
//!
//! [`pending`] compares the `history` (oldest first, as recorded) with the migration files
//! `on_disk` (in any order). Versions start at 1.
//!
//! ## Task 1: List the pending migrations in version order
//!
//! - A file is pending when no history entry has its version.
//! - The pending files are returned lowest version first, whatever the order on disk.
//!
//! Example: files 3, 1, 4, 2 on disk and a history of 1 and 2: the pending migrations are
//! 3 then 4.
//!
//! ## Task 2: Refuse an applied migration that was edited or deleted
//!
//! For each history entry, in history order (the first problem found is returned):
//!
//! - no file on disk has its version: [`MigrationError::MissingOnDisk`];
//! - the file's [`checksum`] (of its script, not of its name) differs from the recorded one:
//!   [`MigrationError::Drift`], with both checksums. A file that was never applied may still be
//!   edited.
//!
//! Example: version 2 ran as `ALTER TABLE users ADD COLUMN email TEXT;` and its file now ends
//! in `TEXT NOT NULL;`: `Drift { version: 2, name: "add_email", recorded, on_disk }`.
//!
//! ## Task 3: Refuse duplicate versions, gaps and out-of-order files
//!
//! The checks run in this order, the first problem found is returned:
//!
//! 1. two files on disk share a version: [`MigrationError::DuplicateVersion`] (the lowest);
//! 2. the history checks of task 2;
//! 3. the versions on disk, sorted, must run 1, 2, 3, ... without a hole:
//!    [`MigrationError::Gap`] names the first missing version;
//! 4. no unapplied file may sit below an applied one: [`MigrationError::OutOfOrder`] names the
//!    lowest such file and the first applied version above it.
//!
//! Example: files 1 to 4 with only 1 and 3 applied give `OutOfOrder { pending: 2,
//! applied_after: 3 }`; files 1, 2 and 4 give `Gap { missing: 3 }`.
//!
//! ## Beyond this exercise
//!
//! The gap rule is this exercise's: Flyway accepts versions such as 1, 2, 5 as long as they
//! only grow, and records a CRC32 checksum rather than FNV-1a. Real tools also offer `repair`
//! (accept the edited file's new checksum on purpose) and repeatable migrations, which are
//! meant to be edited and run again whenever their checksum changes.

/// A migration file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// Its version number, from 1.
    pub version: u32,
    /// Its name, for people: it plays no part in the checks.
    pub name: String,
    /// The text of the script, exactly as it is on disk.
    pub script: String,
}

/// One row of the history table: a migration that was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The version that ran.
    pub version: u32,
    /// Its name when it ran.
    pub name: String,
    /// The [`checksum`] of the script at the time it was applied.
    pub checksum: u64,
}

/// Why the tool refuses to migrate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationError {
    /// Two files on disk carry this version.
    DuplicateVersion {
        /// The version (the lowest, if several are shared).
        version: u32,
    },
    /// The history says this migration was applied, but its file is gone.
    MissingOnDisk {
        /// The version the history records.
        version: u32,
        /// Its name in the history.
        name: String,
    },
    /// The file of an applied migration was edited after it ran.
    Drift {
        /// The migration's version.
        version: u32,
        /// Its name in the history.
        name: String,
        /// The checksum the history recorded when it ran.
        recorded: u64,
        /// The checksum of the file now.
        on_disk: u64,
    },
    /// No file on disk carries this version, yet higher versions exist.
    Gap {
        /// The first missing version.
        missing: u32,
    },
    /// `pending` was never applied, but the higher version `applied_after` was.
    OutOfOrder {
        /// The lowest unapplied version below an applied one.
        pending: u32,
        /// The first applied version above it.
        applied_after: u32,
    },
}

impl std::fmt::Display for MigrationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MigrationError::DuplicateVersion { version } => {
                write!(f, "two migration files have version {version}")
            }
            MigrationError::MissingOnDisk { version, name } => {
                write!(
                    f,
                    "applied migration {version} ({name}) has no file on disk"
                )
            }
            MigrationError::Drift {
                version,
                name,
                recorded,
                on_disk,
            } => write!(
                f,
                "applied migration {version} ({name}) was edited: checksum {recorded:#018x} \
                 recorded, {on_disk:#018x} on disk"
            ),
            MigrationError::Gap { missing } => write!(f, "no migration file has version {missing}"),
            MigrationError::OutOfOrder {
                pending,
                applied_after,
            } => write!(
                f,
                "migration {pending} was never applied, but {applied_after} above it was"
            ),
        }
    }
}

impl std::error::Error for MigrationError {}

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
    let mut files: Vec<&Migration> = on_disk.iter().collect();
    files.sort_by_key(|m| m.version);

    // Once sorted, two files with one version sit next to each other.
    if let Some(pair) = files.windows(2).find(|w| w[0].version == w[1].version) {
        return Err(MigrationError::DuplicateVersion {
            version: pair[0].version,
        });
    }

    for applied in history {
        let Some(file) = files.iter().find(|m| m.version == applied.version) else {
            return Err(MigrationError::MissingOnDisk {
                version: applied.version,
                name: applied.name.clone(),
            });
        };
        let on_disk = checksum(&file.script);
        if on_disk != applied.checksum {
            return Err(MigrationError::Drift {
                version: applied.version,
                name: applied.name.clone(),
                recorded: applied.checksum,
                on_disk,
            });
        }
    }

    for (expected, file) in (1..).zip(&files) {
        if file.version != expected {
            return Err(MigrationError::Gap { missing: expected });
        }
    }

    // Walk up the versions: once a file is pending, every file above it must be pending too,
    // or the schema would be built in a different order here than everywhere else.
    let mut todo: Vec<&Migration> = Vec::new();
    for file in files {
        let applied = history.iter().any(|a| a.version == file.version);
        match (applied, todo.first()) {
            (true, Some(first)) => {
                return Err(MigrationError::OutOfOrder {
                    pending: first.version,
                    applied_after: file.version,
                })
            }
            (true, None) => {}
            (false, _) => todo.push(file),
        }
    }
    Ok(todo)
}

//! # reversible_migrations: undo a schema change, newest first, or know why you cannot
//!
//! Rolling back code is easy: deploy the previous artifact. Rolling back a schema is not,
//! because the database holds data the artifact never had. A migration can be undone only if
//! each of its changes has an inverse that needs nothing the change threw away: a column that
//! was added can be dropped again, a rename can be renamed back, but a dropped column or table
//! took its data with it and no "down" script can bring that back. Rails, for one, can
//! recreate a removed column on the way down if told its type, but empty (the Rails guide
//! "Active Record Migrations", on reversible migrations): the shape comes back, the values do
//! not.
//!
//! ## Task 1: Undo each kind of change
//!
//! [`Change::inverse`]: the change that undoes this one.
//!
//! - `CreateTable` is undone by `DropTable`, `AddColumn` by `DropColumn`, a rename by the
//!   rename back.
//! - `DropTable` and `DropColumn` have no inverse (`None`): their data is gone.
//!
//! Undoing an addition is not free either. Dropping an added column (or a created table)
//! also drops every value written to it since the migration ran: the schema goes back, and
//! that newer data is lost. This exercise counts such a rollback as possible; before running
//! one for real, check whether anything written since must be kept (copy it elsewhere first,
//! or fix forward instead).
//!
//! Example: `AddColumn { table: "users", column: "email" }` is undone by `DropColumn { table:
//! "users", column: "email" }`; `DropColumn { .. }.inverse()` is `None`.
//!
//! ## Task 2: Plan the way down, newest change first
//!
//! [`plan_rollback`] from version `current` back to version `target`:
//!
//! - the migrations with `target < version <= current`, newest first, and within each
//!   migration its changes last first, each replaced by its inverse;
//! - a `target` above `current` is refused: [`RollbackError::TargetAhead`];
//! - an irreversible change met on the way down is refused: [`RollbackError::Irreversible`],
//!   naming the first one met.
//!
//! Example: migration 2 created `orders` then added `users.email`, migration 3 renamed
//! `users.name` to `full_name`; from 3 back to 1 the plan is: rename `full_name` back to `name`
//! (3), drop `users.email` (2), drop table `orders` (2).
//!
//! ## Beyond this exercise
//!
//! Running the plan and choosing between rolling back the artifact, the schema too, or fixing
//! forward is the next exercise, `rollback_decision`. Real tools write the down script by hand
//! or derive it as here; either way it handles shape, not the data written since.

/// One change to the schema, as a migration's "up" script makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Create `table` with these columns.
    CreateTable {
        /// The table.
        table: String,
        /// Its columns.
        columns: Vec<String>,
    },
    /// Drop `table` and its rows.
    DropTable {
        /// The table.
        table: String,
    },
    /// Add an empty `column` to `table`.
    AddColumn {
        /// The table.
        table: String,
        /// The new column.
        column: String,
    },
    /// Drop `column` of `table`, and its values.
    DropColumn {
        /// The table.
        table: String,
        /// The column dropped.
        column: String,
    },
    /// Rename column `from` of `table` to `to`, keeping its values.
    RenameColumn {
        /// The table.
        table: String,
        /// The old name.
        from: String,
        /// The new name.
        to: String,
    },
}

impl Change {
    /// The change that undoes this one, or `None` if undoing it would need data it destroyed.
    pub fn inverse(&self) -> Option<Change> {
        match self {
            Change::CreateTable { table, .. } => Some(Change::DropTable {
                table: table.clone(),
            }),
            Change::AddColumn { table, column } => Some(Change::DropColumn {
                table: table.clone(),
                column: column.clone(),
            }),
            Change::RenameColumn { table, from, to } => Some(Change::RenameColumn {
                table: table.clone(),
                from: to.clone(),
                to: from.clone(),
            }),
            // The rows went with the drop: recreating an empty shape is not a rollback.
            Change::DropTable { .. } | Change::DropColumn { .. } => None,
        }
    }
}

/// A numbered migration: its changes, applied first to last on the way up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// Its version number.
    pub version: u32,
    /// Its name.
    pub name: String,
    /// Its changes, in the order they run on the way up.
    pub changes: Vec<Change>,
}

/// A change to make on the way down, and the migration it undoes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownStep {
    /// The version of the migration this step undoes.
    pub version: u32,
    /// The change to make.
    pub change: Change,
}

/// Why a rollback is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RollbackError {
    /// The target is above the current version: that is a migration, not a rollback.
    TargetAhead {
        /// The schema's version now.
        current: u32,
        /// The version asked for.
        target: u32,
    },
    /// This change of this migration destroyed data and cannot be undone.
    Irreversible {
        /// The migration's version.
        version: u32,
        /// The migration's name.
        name: String,
        /// The change that destroyed data.
        change: Change,
    },
}

impl std::fmt::Display for RollbackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RollbackError::TargetAhead { current, target } => {
                write!(
                    f,
                    "version {target} is ahead of the current {current}: that is a migration"
                )
            }
            RollbackError::Irreversible { version, name, .. } => {
                write!(
                    f,
                    "migration {version} ({name}) destroyed data and cannot be undone"
                )
            }
        }
    }
}

impl std::error::Error for RollbackError {}

/// The down steps from version `current` back to version `target`. `migrations` is sorted
/// by version; those above `current` were never applied and are ignored.
pub fn plan_rollback(
    migrations: &[Migration],
    current: u32,
    target: u32,
) -> Result<Vec<DownStep>, RollbackError> {
    if target > current {
        return Err(RollbackError::TargetAhead { current, target });
    }
    let mut plan = Vec::new();
    let to_undo = migrations
        .iter()
        .rev()
        .filter(|m| m.version > target && m.version <= current);
    for migration in to_undo {
        // Undo in the mirror order of the way up: the last change made is the first undone.
        for change in migration.changes.iter().rev() {
            let Some(inverse) = change.inverse() else {
                return Err(RollbackError::Irreversible {
                    version: migration.version,
                    name: migration.name.clone(),
                    change: change.clone(),
                });
            };
            plan.push(DownStep {
                version: migration.version,
                change: inverse,
            });
        }
    }
    Ok(plan)
}

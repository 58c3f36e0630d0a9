//! # Reversible migrations
//!
//! Rolling back code is easy: deploy the previous artifact. Rolling back a schema is not,
//! because the database holds data the artifact never had. A migration can be undone only if
//! each of its changes has an inverse that needs nothing the change threw away: a column that
//! was added can be dropped again, a rename can be renamed back, but a dropped column or table
//! took its data with it and no "down" script can bring that back.
//!
//! Implement, in this order:
//!
//! - [`Change::inverse`]: the change that undoes this one, or `None` when the change destroyed
//!   data (a drop of a table or a column).
//! - [`plan_rollback`]: the down steps that take the schema from version `current` back to
//!   version `target`: the migrations above `target` and up to `current`, newest first, and
//!   within each migration its changes last first, each replaced by its inverse. A rollback to
//!   a version above `current` is refused, and so is one that meets an irreversible change
//!   (name the first one met on the way down).
//! - [`apply_plan`]: run the down steps against a [`Schema`] as one transaction: either all of
//!   them apply, or the schema is left exactly as it was and the failing step is reported.
//! - [`decide_rollback`]: a bad deploy must be rolled back. If the previous artifact still
//!   works with the current schema, roll back the artifact alone and leave the data be;
//!   otherwise the schema must first go back to the newest version the previous artifact
//!   supports, if that rollback is possible at all; if it is not, the only way out is forward.
//!
//! ## Task 1: Reversible_migrations

use std::collections::{BTreeMap, BTreeSet};

/// One change to the schema, as a migration's "up" script makes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    CreateTable {
        table: String,
        columns: Vec<String>,
    },
    DropTable {
        table: String,
    },
    AddColumn {
        table: String,
        column: String,
    },
    DropColumn {
        table: String,
        column: String,
    },
    RenameColumn {
        table: String,
        from: String,
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
    pub version: u32,
    pub name: String,
    pub changes: Vec<Change>,
}

/// A change to make on the way down, and the migration it undoes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownStep {
    pub version: u32,
    pub change: Change,
}

/// Why a change does not fit the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaError {
    NoSuchTable { table: String },
    TableExists { table: String },
    NoSuchColumn { table: String, column: String },
    ColumnExists { table: String, column: String },
}

/// Why a rollback is refused or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RollbackError {
    /// The target is above the current version: that is a migration, not a rollback.
    TargetAhead { current: u32, target: u32 },
    /// This change of this migration destroyed data and cannot be undone.
    Irreversible {
        version: u32,
        name: String,
        change: Change,
    },
    /// The down step of this migration does not fit the schema; nothing was changed.
    StepFailed { version: u32, error: SchemaError },
}

/// What to do about a bad deploy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The previous artifact runs on the current schema: redeploy it, leave the data alone.
    ArtifactOnly,
    /// Roll the schema back to `target` with `plan`, then redeploy the previous artifact.
    ArtifactAndSchema { target: u32, plan: Vec<DownStep> },
    /// The schema cannot go back: fix the bug with a new release instead.
    FixForward { reason: RollbackError },
}

/// An in-memory schema: each table and the names of its columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schema {
    pub tables: BTreeMap<String, BTreeSet<String>>,
}

impl Schema {
    /// Applies one change, or leaves the schema untouched and says why it does not fit.
    pub fn apply(&mut self, change: &Change) -> Result<(), SchemaError> {
        match change {
            Change::CreateTable { table, columns } => {
                if self.tables.contains_key(table) {
                    return Err(SchemaError::TableExists {
                        table: table.clone(),
                    });
                }
                self.tables
                    .insert(table.clone(), columns.iter().cloned().collect());
            }
            Change::DropTable { table } => {
                if self.tables.remove(table).is_none() {
                    return Err(SchemaError::NoSuchTable {
                        table: table.clone(),
                    });
                }
            }
            Change::AddColumn { table, column } => {
                if !self.columns(table)?.insert(column.clone()) {
                    return Err(SchemaError::ColumnExists {
                        table: table.clone(),
                        column: column.clone(),
                    });
                }
            }
            Change::DropColumn { table, column } => {
                if !self.columns(table)?.remove(column) {
                    return Err(SchemaError::NoSuchColumn {
                        table: table.clone(),
                        column: column.clone(),
                    });
                }
            }
            Change::RenameColumn { table, from, to } => {
                let columns = self.columns(table)?;
                if !columns.contains(from) {
                    return Err(SchemaError::NoSuchColumn {
                        table: table.clone(),
                        column: from.clone(),
                    });
                }
                if columns.contains(to) {
                    return Err(SchemaError::ColumnExists {
                        table: table.clone(),
                        column: to.clone(),
                    });
                }
                columns.remove(from);
                columns.insert(to.clone());
            }
        }
        Ok(())
    }

    fn columns(&mut self, table: &str) -> Result<&mut BTreeSet<String>, SchemaError> {
        self.tables
            .get_mut(table)
            .ok_or_else(|| SchemaError::NoSuchTable {
                table: table.to_string(),
            })
    }
}

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

/// Runs the plan as one transaction: all steps, or none and the first step that failed.
pub fn apply_plan(schema: &mut Schema, plan: &[DownStep]) -> Result<(), RollbackError> {
    // Work on a copy and publish it only once every step fitted.
    let mut draft = schema.clone();
    for step in plan {
        draft
            .apply(&step.change)
            .map_err(|error| RollbackError::StepFailed {
                version: step.version,
                error,
            })?;
    }
    *schema = draft;
    Ok(())
}

/// What to do when the artifact deployed on schema version `current` misbehaves and the
/// previous artifact works with schema versions up to `previous_supports`.
pub fn decide_rollback(migrations: &[Migration], current: u32, previous_supports: u32) -> Decision {
    if current <= previous_supports {
        return Decision::ArtifactOnly;
    }
    match plan_rollback(migrations, current, previous_supports) {
        Ok(plan) => Decision::ArtifactAndSchema {
            target: previous_supports,
            plan,
        },
        Err(reason) => Decision::FixForward { reason },
    }
}

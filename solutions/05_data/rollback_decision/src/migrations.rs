//! The migrations, their inverses, the in-memory schema and the rollback plan: given. The
//! inverses and the plan are the model answer of the exercise `reversible_migrations`.

use std::collections::{BTreeMap, BTreeSet};

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

/// Why a change does not fit the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaError {
    /// The change needs `table`, which does not exist.
    NoSuchTable {
        /// The table.
        table: String,
    },
    /// The change creates `table`, which exists already.
    TableExists {
        /// The table.
        table: String,
    },
    /// The change needs `column` of `table`, which does not exist.
    NoSuchColumn {
        /// The table.
        table: String,
        /// The column.
        column: String,
    },
    /// The change creates `column` of `table`, which exists already.
    ColumnExists {
        /// The table.
        table: String,
        /// The column.
        column: String,
    },
}

impl std::fmt::Display for SchemaError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SchemaError::NoSuchTable { table } => write!(f, "no table {table}"),
            SchemaError::TableExists { table } => write!(f, "table {table} already exists"),
            SchemaError::NoSuchColumn { table, column } => write!(f, "no column {table}.{column}"),
            SchemaError::ColumnExists { table, column } => {
                write!(f, "column {table}.{column} already exists")
            }
        }
    }
}

impl std::error::Error for SchemaError {}

/// Why a rollback is refused or failed.
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
    /// The down step of this migration does not fit the schema; nothing was changed.
    StepFailed {
        /// The version of the migration the failing step undoes.
        version: u32,
        /// Why the step did not fit.
        error: SchemaError,
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
            RollbackError::StepFailed { version, error } => {
                write!(f, "undoing migration {version} failed: {error}")
            }
        }
    }
}

impl std::error::Error for RollbackError {}

/// An in-memory schema: each table and the names of its columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schema {
    /// Each table's name and the names of its columns.
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

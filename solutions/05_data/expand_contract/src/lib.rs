//! # expand_contract: rename a column while old and new code both run
//!
//! Renaming a column in one step breaks whichever app version is not yet (or no longer)
//! deployed: during a rolling deploy the old and the new version serve traffic side by side.
//! The zero-downtime way is *expand/contract*, also called parallel change (Danilo Sato,
//! "ParallelChange", on Martin Fowler's bliki; Ambler and Sadalage, "Refactoring Databases"):
//! add the new column, get the data into it, move the apps over one small step at a time, and
//! drop the old column only once nothing uses it.
//!
//! The table starts with the `Old` column, full of data, and no `New` column; version 1 of the
//! app ([`BEFORE`]) reads and writes `Old`. A plan is a list of [`Step`]s, numbered from 0.
//!
//! ## Task 1: Write the six phases of a safe rename
//!
//! [`rename_plan`]: add the new column; deploy version 2 (reads `Old`, writes both); backfill;
//! deploy version 3 (reads `New`, writes both); deploy version 4 (reads and writes `New`
//! only); drop the old column.
//!
//! Example: the plan starts `[Step::AddNewColumn, Step::Deploy(App::new(2, Column::Old,
//! Writes::Both)), Step::Backfill, ...]`.
//!
//! ## Task 2: Catch a version that uses a missing column
//!
//! [`check`] follows the table through the plan, keeping which columns exist, and returns the
//! first breakage (or `Ok(())`). At each step:
//!
//! 1. The step changes the table first: [`Step::AddNewColumn`] creates `New`;
//!    [`Step::DropOldColumn`] removes `Old`; [`Step::Backfill`] with no `New` column is
//!    [`Breakage::BackfillWithoutColumn`]. A [`Step::Deploy`] leaves the table alone.
//! 2. The apps running during a step are the current version, and for a deploy also the new
//!    version (older first). After a deploy only the new version runs.
//! 3. Each running app, older first, breaks if it reads or writes a column that does not exist:
//!    [`Breakage::MissingColumn`], checking `Old` before `New`.
//!
//! Example: `check(BEFORE, &[Step::AddNewColumn, Step::DropOldColumn])` is
//! `Err(MissingColumn { step: 1, version: 1, column: Column::Old })`: the rename done in the
//! schema alone pulls the column from under version 1.
//!
//! ## Task 3: Catch a version that reads an incomplete column
//!
//! Keep also which columns are *complete* (every row has a value): `Old` is at the start, `New`
//! is not when it is added, and a backfill makes `New` complete.
//!
//! - After the step's own change (so that a backfill while an old version still ignores `New`
//!   does not count), rows written by a running app that does not write a column lack a value
//!   there: that column is no longer complete (until a later backfill, for `New`).
//! - Then each running app, older first, breaks with [`Breakage::MissingColumn`] as in task 2,
//!   or else with [`Breakage::IncompleteRead`] if it reads a column that is not complete.
//!
//! Example: `check(BEFORE, &[Step::AddNewColumn, Step::Backfill,
//! Step::Deploy(App::new(3, Column::New, Writes::Both))])` is `Err(IncompleteRead { step: 2,
//! version: 3, column: Column::New })`: version 1 kept writing only `Old` during and after the
//! backfill.
//!
//! ## Beyond this exercise
//!
//! Real plans also watch the database: adding a column with a default, building an index or
//! backfilling millions of rows can lock a busy table, so backfills run in small batches; and a
//! rollback plan exists for every step up to the contract, which alone destroys data.

/// The two columns of the rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The column being renamed away from.
    Old,
    /// The column being renamed to.
    New,
}

/// Which columns an app version writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    /// The old column only.
    Old,
    /// The new column only.
    New,
    /// Both columns (dual write).
    Both,
}

/// One version of the app: the column it reads from and the columns it writes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct App {
    /// The app's version number.
    pub version: u32,
    /// The column it reads.
    pub reads: Column,
    /// The columns it writes.
    pub writes: Writes,
}

impl App {
    /// Version `version`, reading `reads` and writing `writes`.
    pub const fn new(version: u32, reads: Column, writes: Writes) -> App {
        App {
            version,
            reads,
            writes,
        }
    }

    /// Whether this version writes `column`.
    pub fn writes_to(self, column: Column) -> bool {
        matches!(
            (self.writes, column),
            (Writes::Both, _) | (Writes::Old, Column::Old) | (Writes::New, Column::New)
        )
    }

    /// Whether this version reads or writes `column`.
    pub fn touches(self, column: Column) -> bool {
        self.reads == column || self.writes_to(column)
    }
}

/// The version running before the rename starts.
pub const BEFORE: App = App {
    version: 1,
    reads: Column::Old,
    writes: Writes::Old,
};

/// One step of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Expand the schema: add the `New` column, empty.
    AddNewColumn,
    /// Roll out this app version, replacing the one running.
    Deploy(App),
    /// Copy every row's value from `Old` into `New`.
    Backfill,
    /// Contract the schema: drop the `Old` column.
    DropOldColumn,
}

/// The first thing that goes wrong in a plan, and at which step (counted from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakage {
    /// App `version` reads or writes `column`, which does not exist.
    MissingColumn {
        /// The step, from 0.
        step: usize,
        /// The app version that breaks.
        version: u32,
        /// The column it lacks.
        column: Column,
    },
    /// App `version` reads `column` while some rows have no value in it.
    IncompleteRead {
        /// The step, from 0.
        step: usize,
        /// The app version that breaks.
        version: u32,
        /// The incomplete column it reads.
        column: Column,
    },
    /// A backfill ran before the `New` column was added.
    BackfillWithoutColumn {
        /// The step, from 0.
        step: usize,
    },
}

impl std::fmt::Display for Breakage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Breakage::MissingColumn {
                step,
                version,
                column,
            } => write!(
                f,
                "step {step}: version {version} uses the missing {column:?} column"
            ),
            Breakage::IncompleteRead {
                step,
                version,
                column,
            } => write!(
                f,
                "step {step}: version {version} reads the incomplete {column:?} column"
            ),
            Breakage::BackfillWithoutColumn { step } => {
                write!(f, "step {step}: backfill before the New column exists")
            }
        }
    }
}

impl std::error::Error for Breakage {}

/// The six phases of a safe rename: add the new column; deploy version 2 (dual write, still
/// reading the old column); backfill; deploy version 3 (switch reads); deploy version 4 (stop
/// writing the old column); drop the old column.
pub fn rename_plan() -> Vec<Step> {
    vec![
        Step::AddNewColumn,
        Step::Deploy(App::new(2, Column::Old, Writes::Both)),
        Step::Backfill,
        Step::Deploy(App::new(3, Column::New, Writes::Both)),
        Step::Deploy(App::new(4, Column::New, Writes::New)),
        Step::DropOldColumn,
    ]
}

/// What is known about one column during the rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnState {
    /// The column is in the table.
    pub exists: bool,
    /// Every row has a value in this column.
    pub complete: bool,
}

/// The two columns of the table as a plan goes along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    /// The `Old` column.
    pub old: ColumnState,
    /// The `New` column.
    pub new: ColumnState,
}

impl Table {
    /// Before the rename: `Old` exists and is full of data, `New` does not exist.
    pub fn before() -> Self {
        Table {
            old: ColumnState {
                exists: true,
                complete: true,
            },
            new: ColumnState {
                exists: false,
                complete: false,
            },
        }
    }

    /// The state of `column`, to read or to change.
    pub fn column(&mut self, column: Column) -> &mut ColumnState {
        match column {
            Column::Old => &mut self.old,
            Column::New => &mut self.new,
        }
    }
}

/// Runs `steps` starting from `running`; `Ok(())` if no app version breaks along the way.
pub fn check(running: App, steps: &[Step]) -> Result<(), Breakage> {
    let mut table = Table::before();
    let mut current = running;
    for (step, &change) in steps.iter().enumerate() {
        let mut apps = vec![current];
        match change {
            Step::AddNewColumn => {
                table.new = ColumnState {
                    exists: true,
                    complete: false,
                }
            }
            Step::DropOldColumn => table.old.exists = false,
            Step::Backfill if !table.new.exists => {
                return Err(Breakage::BackfillWithoutColumn { step })
            }
            Step::Backfill => table.new.complete = true,
            Step::Deploy(next) => {
                apps.push(next);
                current = next;
            }
        }

        // One running app that skips a column is enough to leave rows without a value there.
        for column in [Column::Old, Column::New] {
            if apps.iter().any(|app| !app.writes_to(column)) {
                table.column(column).complete = false;
            }
        }

        for app in &apps {
            for column in [Column::Old, Column::New] {
                if app.touches(column) && !table.column(column).exists {
                    return Err(Breakage::MissingColumn {
                        step,
                        version: app.version,
                        column,
                    });
                }
            }
            if !table.column(app.reads).complete {
                return Err(Breakage::IncompleteRead {
                    step,
                    version: app.version,
                    column: app.reads,
                });
            }
        }
    }
    Ok(())
}

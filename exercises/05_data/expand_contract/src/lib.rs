//! # Expand and contract
//!
//! Renaming a column in one step breaks whichever app version is not yet (or no longer)
//! deployed: during a rolling deploy the old and the new version serve traffic side by side.
//! The zero-downtime way is *expand/contract*: add the new column, get the data into it, move
//! the apps over one small step at a time, and drop the old column only once nothing uses it.
//!
//! The table starts with the `Old` column, full of data, and no `New` column; version 1 of the
//! app ([`BEFORE`]) reads and writes `Old`. A plan is a list of [`Step`]s. Follow the table
//! through it, keeping which columns exist and which are *complete* (every row has a value):
//!
//! 1. The step changes the table first: [`Step::AddNewColumn`] creates `New`, empty, so not
//!    complete; [`Step::DropOldColumn`] removes `Old`; [`Step::Backfill`] copies every row's
//!    value into `New`, making it complete (with no `New` column it is
//!    [`Breakage::BackfillWithoutColumn`]). A [`Step::Deploy`] leaves the table alone.
//! 2. The apps running during a step are the current version, and for a deploy also the new
//!    version (older first). After a deploy only the new version runs.
//! 3. Rows written by a running app that does not write a column lack a value there: that
//!    column is no longer complete (until a later backfill, for `New`).
//! 4. Then each running app, older first, breaks if it reads or writes a column that does not
//!    exist ([`Breakage::MissingColumn`], checking `Old` before `New`), or else if it reads a
//!    column that is not complete ([`Breakage::IncompleteRead`]).
//!
//! Implement [`rename_plan`], the six phases of a safe rename, and [`check`], which returns the
//! first breakage of a plan. Steps are numbered from 0.
//!
//! ## Task 1: Expand_contract

/// The two columns of the rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Old,
    New,
}

/// Which columns an app version writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writes {
    Old,
    New,
    Both,
}

/// One version of the app: the column it reads from and the columns it writes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct App {
    pub version: u32,
    pub reads: Column,
    pub writes: Writes,
}

impl App {
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
        step: usize,
        version: u32,
        column: Column,
    },
    /// App `version` reads `column` while some rows have no value in it.
    IncompleteRead {
        step: usize,
        version: u32,
        column: Column,
    },
    /// A backfill ran before the `New` column was added.
    BackfillWithoutColumn { step: usize },
}

/// The six phases of a safe rename: add the new column; deploy version 2 (dual write, still
/// reading the old column); backfill; deploy version 3 (switch reads); deploy version 4 (stop
/// writing the old column); drop the old column.
pub fn rename_plan() -> Vec<Step> {
    // TODO: the six steps of a zero-downtime rename, in order.
    todo!()
}

/// What is known about one column during the rename.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnState {
    pub exists: bool,
    /// Every row has a value in this column.
    pub complete: bool,
}

/// The two columns of the table as a plan goes along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub old: ColumnState,
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
    // TODO: follow the table through the steps, applying the four rules of the module
    // documentation at each step, and return the first breakage.
    todo!()
}

use expand_contract::{check, rename_plan, App, Breakage, Column, Step, Writes, BEFORE};

fn app(version: u32, reads: Column, writes: Writes) -> App {
    App {
        version,
        reads,
        writes,
    }
}

/// Version 2: dual write, still reading the old column.
fn dual_write() -> App {
    app(2, Column::Old, Writes::Both)
}

/// Version 3: reads the new column, still writes both.
fn switch_reads() -> App {
    app(3, Column::New, Writes::Both)
}

/// Version 4: reads and writes the new column only.
fn new_only() -> App {
    app(4, Column::New, Writes::New)
}

// Task 1: Write the six phases of a safe rename
#[test]
fn app_versions_say_what_they_write_and_touch() {
    let v = app(9, Column::New, Writes::Old);
    assert!(
        v.writes_to(Column::Old),
        "Writes::Old writes the old column"
    );
    assert!(
        !v.writes_to(Column::New),
        "Writes::Old does not write the new column"
    );
    assert!(v.touches(Column::New), "an app touches the column it reads");
    assert!(
        v.touches(Column::Old),
        "an app touches the column it writes"
    );
    let both = app(9, Column::Old, Writes::Both);
    assert!(
        both.writes_to(Column::Old) && both.writes_to(Column::New),
        "Writes::Both writes both columns"
    );
    let new = app(9, Column::New, Writes::New);
    assert!(
        new.writes_to(Column::New) && !new.touches(Column::Old),
        "an app reading and writing the new column never touches the old one"
    );
}

#[test]
fn rename_plan_has_the_six_phases_in_order() {
    assert_eq!(
        rename_plan(),
        vec![
            Step::AddNewColumn,
            Step::Deploy(dual_write()),
            Step::Backfill,
            Step::Deploy(switch_reads()),
            Step::Deploy(new_only()),
            Step::DropOldColumn,
        ],
        "expand (add the new column), dual write (v2), backfill, switch reads (v3), stop \
         writing the old column (v4), contract (drop the old column)"
    );
}

// Task 2: Catch a version that uses a missing column
#[test]
fn deploying_the_renamed_code_first_breaks_the_new_version() {
    assert_eq!(
        check(BEFORE, &[Step::Deploy(switch_reads()), Step::AddNewColumn]),
        Err(Breakage::MissingColumn {
            step: 0,
            version: 3,
            column: Column::New,
        }),
        "code that uses the new column cannot run before the schema has it"
    );
}

#[test]
fn dropping_the_old_column_in_place_breaks_the_running_version() {
    assert_eq!(
        check(
            BEFORE,
            &[
                Step::AddNewColumn,
                Step::DropOldColumn,
                Step::Deploy(new_only())
            ]
        ),
        Err(Breakage::MissingColumn {
            step: 1,
            version: 1,
            column: Column::Old,
        }),
        "a rename done in the schema alone pulls the column from under version 1"
    );
    assert_eq!(
        check(
            BEFORE,
            &[
                Step::AddNewColumn,
                Step::Deploy(dual_write()),
                Step::Backfill,
                Step::Deploy(switch_reads()),
                Step::DropOldColumn,
            ]
        ),
        Err(Breakage::MissingColumn {
            step: 4,
            version: 3,
            column: Column::Old,
        }),
        "version 3 still writes the old column: dropping it before v4 is out breaks v3"
    );
}

#[test]
fn a_backfill_needs_the_new_column() {
    assert_eq!(
        check(BEFORE, &[Step::Backfill, Step::AddNewColumn]),
        Err(Breakage::BackfillWithoutColumn { step: 0 }),
        "there is nothing to backfill into before the new column is added"
    );
    assert_eq!(
        check(
            BEFORE,
            &[Step::AddNewColumn, Step::DropOldColumn, Step::Backfill]
        ),
        Err(Breakage::MissingColumn {
            step: 1,
            version: 1,
            column: Column::Old,
        }),
        "the plan breaks at its first bad step, here the drop at step 1"
    );
}

#[test]
fn breakages_are_displayed_in_words() {
    assert_eq!(
        Breakage::MissingColumn {
            step: 1,
            version: 1,
            column: Column::Old,
        }
        .to_string(),
        "step 1: version 1 uses the missing Old column",
        "a missing column names the step, the version and the column"
    );
    assert_eq!(
        Breakage::IncompleteRead {
            step: 2,
            version: 3,
            column: Column::New,
        }
        .to_string(),
        "step 2: version 3 reads the incomplete New column",
        "an incomplete read names the step, the version and the column"
    );
    assert_eq!(
        Breakage::BackfillWithoutColumn { step: 0 }.to_string(),
        "step 0: backfill before the New column exists",
        "a backfill with nowhere to go names its step"
    );
}

// Task 3: Catch a version that reads an incomplete column
#[test]
fn stopping_old_writes_first_breaks_the_version_still_serving() {
    assert_eq!(
        check(BEFORE, &[Step::Deploy(new_only())]),
        Err(Breakage::IncompleteRead {
            step: 0,
            version: 1,
            column: Column::Old,
        }),
        "v4 writes only the new column, so rows it writes lack the old one that v1, still \
         serving during the rollout, reads: v1 breaks first"
    );
}

#[test]
fn reading_the_new_column_before_the_backfill_sees_missing_values() {
    assert_eq!(
        check(BEFORE, &[Step::AddNewColumn, Step::Deploy(switch_reads())]),
        Err(Breakage::IncompleteRead {
            step: 1,
            version: 3,
            column: Column::New,
        }),
        "a freshly added column is empty: reading it before a backfill gets no values"
    );
    assert_eq!(
        check(
            BEFORE,
            &[
                Step::AddNewColumn,
                Step::Deploy(dual_write()),
                Step::Deploy(switch_reads()),
            ]
        ),
        Err(Breakage::IncompleteRead {
            step: 2,
            version: 3,
            column: Column::New,
        }),
        "dual writing fills the new column for new rows only: old rows need the backfill"
    );
}

#[test]
fn backfill_before_dual_write_misses_the_rows_written_meanwhile() {
    assert_eq!(
        check(
            BEFORE,
            &[
                Step::AddNewColumn,
                Step::Backfill,
                Step::Deploy(dual_write()),
                Step::Deploy(switch_reads()),
            ]
        ),
        Err(Breakage::IncompleteRead {
            step: 3,
            version: 3,
            column: Column::New,
        }),
        "version 1 kept writing only the old column during and after the backfill, so the \
         new column is not complete when version 3 reads it"
    );
    assert_eq!(
        check(
            BEFORE,
            &[
                Step::AddNewColumn,
                Step::Backfill,
                Step::Deploy(switch_reads())
            ]
        ),
        Err(Breakage::IncompleteRead {
            step: 2,
            version: 3,
            column: Column::New,
        }),
        "while version 3 rolls out, version 1 still serves traffic and leaves the new column \
         empty for its rows"
    );
}

#[test]
fn a_backfill_after_dual_write_completes_the_new_column() {
    assert_eq!(
        check(
            BEFORE,
            &[
                Step::AddNewColumn,
                Step::Deploy(dual_write()),
                Step::Backfill,
                Step::Deploy(switch_reads()),
            ]
        ),
        Ok(()),
        "once every running version writes both columns, a backfill makes the new one complete"
    );
    assert_eq!(
        check(
            BEFORE,
            &[
                Step::AddNewColumn,
                Step::Backfill,
                Step::Deploy(dual_write()),
                Step::Backfill,
                Step::Deploy(switch_reads()),
            ]
        ),
        Ok(()),
        "a second backfill once dual writing is in place catches the rows the first one missed"
    );
}

#[test]
fn switching_reads_and_stopping_old_writes_at_once_breaks_the_old_version() {
    assert_eq!(
        check(
            BEFORE,
            &[
                Step::AddNewColumn,
                Step::Deploy(dual_write()),
                Step::Backfill,
                Step::Deploy(new_only()),
            ]
        ),
        Err(Breakage::IncompleteRead {
            step: 3,
            version: 2,
            column: Column::Old,
        }),
        "during the rollout of v4, v2 still reads the old column, which v4 no longer writes"
    );
}

#[test]
fn the_older_version_is_checked_first_during_a_rollout() {
    assert_eq!(
        check(
            BEFORE,
            &[
                Step::AddNewColumn,
                Step::Deploy(app(2, Column::Old, Writes::New))
            ]
        ),
        Err(Breakage::IncompleteRead {
            step: 1,
            version: 1,
            column: Column::Old,
        }),
        "v2 stops writing the old column that both v1 and v2 read: v1, the older, is reported"
    );
}

#[test]
fn a_missing_column_is_reported_before_an_incomplete_read() {
    let writes_new = app(7, Column::Old, Writes::New);
    assert_eq!(
        check(
            writes_new,
            &[Step::Deploy(app(8, Column::Old, Writes::Old))]
        ),
        Err(Breakage::MissingColumn {
            step: 0,
            version: 7,
            column: Column::New,
        }),
        "v7 writes a new column that does not exist (and reads an incomplete old one): the \
         missing column comes first"
    );
    let reads_new_writes_old = app(7, Column::New, Writes::Old);
    assert_eq!(
        check(reads_new_writes_old, &[Step::DropOldColumn]),
        Err(Breakage::MissingColumn {
            step: 0,
            version: 7,
            column: Column::Old,
        }),
        "v7 touches two missing columns: the old one is checked before the new one"
    );
}

#[test]
fn the_check_starts_from_the_running_version_given() {
    assert_eq!(
        check(dual_write(), &[Step::AddNewColumn]),
        Ok(()),
        "a version that writes both columns runs fine once the new column exists"
    );
    assert_eq!(
        check(
            dual_write(),
            &[
                Step::AddNewColumn,
                Step::Backfill,
                Step::Deploy(switch_reads())
            ]
        ),
        Ok(()),
        "started from v2 (already dual writing), a backfill right after the expand is enough"
    );
    assert_eq!(
        check(
            dual_write(),
            &[Step::AddNewColumn, Step::Deploy(switch_reads())]
        ),
        Err(Breakage::IncompleteRead {
            step: 1,
            version: 3,
            column: Column::New,
        }),
        "even with every version dual writing, rows from before the expand have no new value \
         until a backfill"
    );
}

#[test]
fn the_rename_plan_breaks_no_version() {
    assert_eq!(
        check(BEFORE, &rename_plan()),
        Ok(()),
        "every version running side by side during the six phases keeps working"
    );
    assert_eq!(
        check(BEFORE, &[]),
        Ok(()),
        "an empty plan changes nothing and breaks nothing"
    );
}

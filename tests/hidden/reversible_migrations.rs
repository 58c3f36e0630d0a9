use reversible_migrations::{plan_rollback, Change, DownStep, Migration, RollbackError};

fn s(text: &str) -> String {
    text.to_string()
}

fn create(table: &str, columns: &[&str]) -> Change {
    Change::CreateTable {
        table: s(table),
        columns: columns.iter().map(|c| s(c)).collect(),
    }
}

fn drop_table(table: &str) -> Change {
    Change::DropTable { table: s(table) }
}

fn add(table: &str, column: &str) -> Change {
    Change::AddColumn {
        table: s(table),
        column: s(column),
    }
}

fn drop_column(table: &str, column: &str) -> Change {
    Change::DropColumn {
        table: s(table),
        column: s(column),
    }
}

fn rename(table: &str, from: &str, to: &str) -> Change {
    Change::RenameColumn {
        table: s(table),
        from: s(from),
        to: s(to),
    }
}

fn migration(version: u32, name: &str, changes: Vec<Change>) -> Migration {
    Migration {
        version,
        name: s(name),
        changes,
    }
}

fn step(version: u32, change: Change) -> DownStep {
    DownStep { version, change }
}

/// Five migrations; only version 5 destroys data.
fn history() -> Vec<Migration> {
    vec![
        migration(1, "create_users", vec![create("users", &["id", "name"])]),
        migration(
            2,
            "orders_and_email",
            vec![create("orders", &["id"]), add("users", "email")],
        ),
        migration(3, "rename_name", vec![rename("users", "name", "full_name")]),
        migration(
            4,
            "order_details",
            vec![add("orders", "total"), add("orders", "placed_at")],
        ),
        migration(5, "drop_full_name", vec![drop_column("users", "full_name")]),
    ]
}

// Task 1: Undo each kind of change
#[test]
fn additive_changes_have_an_inverse() {
    assert_eq!(
        create("users", &["id", "name"]).inverse(),
        Some(drop_table("users")),
        "a created table is undone by dropping it"
    );
    assert_eq!(
        add("users", "email").inverse(),
        Some(drop_column("users", "email")),
        "an added column is undone by dropping it"
    );
    assert_eq!(
        rename("users", "name", "full_name").inverse(),
        Some(rename("users", "full_name", "name")),
        "a rename is undone by renaming back"
    );
}

#[test]
fn destructive_changes_have_no_inverse() {
    assert_eq!(
        drop_table("users").inverse(),
        None,
        "a dropped table took its rows with it: there is nothing to undo it with"
    );
    assert_eq!(
        drop_column("users", "email").inverse(),
        None,
        "a dropped column took its values with it: there is nothing to undo it with"
    );
}

// Task 2: Plan the way down, newest change first
#[test]
fn rollback_undoes_newest_migration_first_and_last_change_first() {
    let plan = plan_rollback(&history(), 4, 1);
    assert_eq!(
        plan,
        Ok(vec![
            step(4, drop_column("orders", "placed_at")),
            step(4, drop_column("orders", "total")),
            step(3, rename("users", "full_name", "name")),
            step(2, drop_column("users", "email")),
            step(2, drop_table("orders")),
        ]),
        "from 4 down to 1: undo 4, then 3, then 2, each migration's changes in reverse order"
    );
}

#[test]
fn rollback_stops_at_the_target_and_ignores_unapplied_migrations() {
    assert_eq!(
        plan_rollback(&history(), 3, 2),
        Ok(vec![step(3, rename("users", "full_name", "name"))]),
        "from 3 to 2 only migration 3 is undone: 2 is the target and stays, 4 and 5 never ran \
         (5 would even be irreversible)"
    );
    assert_eq!(
        plan_rollback(&history(), 2, 0),
        Ok(vec![
            step(2, drop_column("users", "email")),
            step(2, drop_table("orders")),
            step(1, drop_table("users")),
        ]),
        "target 0 undoes every applied migration, down to the empty schema"
    );
}

#[test]
fn rollback_to_the_current_version_is_an_empty_plan() {
    assert_eq!(
        plan_rollback(&history(), 5, 5),
        Ok(vec![]),
        "already at the target: nothing to undo, and the irreversible migration 5 stays applied"
    );
}

#[test]
fn rollback_to_a_version_ahead_is_refused() {
    assert_eq!(
        plan_rollback(&history(), 2, 3),
        Err(RollbackError::TargetAhead {
            current: 2,
            target: 3,
        }),
        "going from 2 to 3 is a migration, not a rollback"
    );
}

#[test]
fn irreversible_change_blocks_the_rollback_and_is_named() {
    assert_eq!(
        plan_rollback(&history(), 5, 3),
        Err(RollbackError::Irreversible {
            version: 5,
            name: s("drop_full_name"),
            change: drop_column("users", "full_name"),
        }),
        "migration 5 dropped users.full_name: its values are gone, so no rollback past 5"
    );

    let mut migrations = history();
    migrations[1].changes.push(drop_table("legacy"));
    migrations[1].changes.push(add("users", "phone"));
    migrations[1].changes.push(drop_column("users", "fax"));
    assert_eq!(
        plan_rollback(&migrations, 4, 1),
        Err(RollbackError::Irreversible {
            version: 2,
            name: s("orders_and_email"),
            change: drop_column("users", "fax"),
        }),
        "going down, the last change of migration 2 (dropping users.fax) is the first \
         irreversible change met"
    );
}

#[test]
fn refusals_are_displayed_in_words() {
    assert_eq!(
        RollbackError::TargetAhead {
            current: 2,
            target: 3,
        }
        .to_string(),
        "version 3 is ahead of the current 2: that is a migration",
        "a refused target says why in words"
    );
    assert_eq!(
        RollbackError::Irreversible {
            version: 5,
            name: s("drop_full_name"),
            change: drop_column("users", "full_name"),
        }
        .to_string(),
        "migration 5 (drop_full_name) destroyed data and cannot be undone",
        "an irreversible migration is named in words"
    );
}

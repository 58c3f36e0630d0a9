use reversible_migrations::{
    apply_plan, decide_rollback, plan_rollback, Change, Decision, DownStep, Migration,
    RollbackError, Schema, SchemaError,
};

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

/// The schema after running the migrations up to and including `version`.
fn schema_at(version: u32) -> Schema {
    let mut schema = Schema::default();
    for m in history().iter().filter(|m| m.version <= version) {
        for change in &m.changes {
            schema
                .apply(change)
                .expect("the test history applies cleanly");
        }
    }
    schema
}

fn columns(schema: &Schema, table: &str) -> Vec<String> {
    schema
        .tables
        .get(table)
        .map(|c| c.iter().cloned().collect())
        .unwrap_or_default()
}

// Task 1
#[test]
fn schema_applies_each_kind_of_change() {
    let mut schema = Schema::default();
    schema.apply(&create("users", &["id", "name"])).unwrap();
    assert_eq!(
        columns(&schema, "users"),
        vec![s("id"), s("name")],
        "creating a table gives it its columns"
    );
    schema.apply(&add("users", "email")).unwrap();
    schema.apply(&rename("users", "name", "full_name")).unwrap();
    schema.apply(&drop_column("users", "id")).unwrap();
    assert_eq!(
        columns(&schema, "users"),
        vec![s("email"), s("full_name")],
        "add email, rename name to full_name, drop id"
    );
    schema.apply(&drop_table("users")).unwrap();
    assert!(schema.tables.is_empty(), "dropping the table removes it");
}

#[test]
fn schema_refuses_a_change_that_does_not_fit() {
    let base = schema_at(1);
    let cases = [
        (
            create("users", &["id"]),
            SchemaError::TableExists { table: s("users") },
        ),
        (
            drop_table("orders"),
            SchemaError::NoSuchTable { table: s("orders") },
        ),
        (
            add("orders", "id"),
            SchemaError::NoSuchTable { table: s("orders") },
        ),
        (
            add("users", "name"),
            SchemaError::ColumnExists {
                table: s("users"),
                column: s("name"),
            },
        ),
        (
            drop_column("users", "email"),
            SchemaError::NoSuchColumn {
                table: s("users"),
                column: s("email"),
            },
        ),
        (
            rename("users", "email", "mail"),
            SchemaError::NoSuchColumn {
                table: s("users"),
                column: s("email"),
            },
        ),
        (
            rename("users", "name", "id"),
            SchemaError::ColumnExists {
                table: s("users"),
                column: s("id"),
            },
        ),
    ];
    for (change, error) in cases {
        let mut schema = base.clone();
        assert_eq!(
            schema.apply(&change),
            Err(error),
            "{change:?} does not fit a schema with users(id, name)"
        );
        assert_eq!(schema, base, "a refused change leaves the schema as it was");
    }
}

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
fn applying_the_plan_gives_back_the_earlier_schema() {
    let mut schema = schema_at(4);
    let plan = plan_rollback(&history(), 4, 1).unwrap();
    assert_eq!(apply_plan(&mut schema, &plan), Ok(()), "the plan fits");
    assert_eq!(
        schema,
        schema_at(1),
        "rolled back from 4 to 1, the schema is the one version 1 built"
    );
    let mut schema = schema_at(3);
    assert_eq!(apply_plan(&mut schema, &[]), Ok(()), "an empty plan fits");
    assert_eq!(schema, schema_at(3), "an empty plan changes nothing");
}

#[test]
fn a_failed_rollback_leaves_the_schema_untouched() {
    let mut schema = schema_at(4);
    let mut plan = plan_rollback(&history(), 4, 1).unwrap();
    plan.insert(3, step(3, drop_column("users", "nickname")));
    let before = schema.clone();
    assert_eq!(
        apply_plan(&mut schema, &plan),
        Err(RollbackError::StepFailed {
            version: 3,
            error: SchemaError::NoSuchColumn {
                table: s("users"),
                column: s("nickname"),
            },
        }),
        "the fourth step drops a column that does not exist: report it with its migration"
    );
    assert_eq!(
        schema, before,
        "a rollback is one transaction: the three steps before the failure must not stick"
    );
}

#[test]
fn previous_artifact_on_a_schema_it_supports_means_artifact_only() {
    assert_eq!(
        decide_rollback(&history(), 4, 4),
        Decision::ArtifactOnly,
        "the previous artifact works with schema 4 and the schema is at 4: redeploy it, \
         leave the data alone"
    );
    assert_eq!(
        decide_rollback(&history(), 4, 6),
        Decision::ArtifactOnly,
        "the previous artifact also works with newer schemas than 4: artifact alone"
    );
}

#[test]
fn schema_the_previous_artifact_cannot_use_is_rolled_back_first() {
    assert_eq!(
        decide_rollback(&history(), 4, 2),
        Decision::ArtifactAndSchema {
            target: 2,
            plan: vec![
                step(4, drop_column("orders", "placed_at")),
                step(4, drop_column("orders", "total")),
                step(3, rename("users", "full_name", "name")),
            ],
        },
        "the previous artifact needs schema 2 at most: undo 4 and 3, then redeploy it"
    );
    assert_eq!(
        decide_rollback(&history(), 4, 3),
        Decision::ArtifactAndSchema {
            target: 3,
            plan: vec![
                step(4, drop_column("orders", "placed_at")),
                step(4, drop_column("orders", "total")),
            ],
        },
        "one version behind: undo migration 4 only"
    );
}

#[test]
fn irreversible_schema_change_means_fix_forward() {
    assert_eq!(
        decide_rollback(&history(), 5, 4),
        Decision::FixForward {
            reason: RollbackError::Irreversible {
                version: 5,
                name: s("drop_full_name"),
                change: drop_column("users", "full_name"),
            },
        },
        "the previous artifact needs users.full_name, which migration 5 dropped for good: \
         the only way out is a fixed new release"
    );
}

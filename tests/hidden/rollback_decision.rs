use rollback_decision::{
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

// Task 1: Apply the plan as one transaction
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
fn failures_are_displayed_in_words() {
    let error = RollbackError::StepFailed {
        version: 3,
        error: SchemaError::NoSuchColumn {
            table: s("users"),
            column: s("nickname"),
        },
    };
    assert_eq!(
        error.to_string(),
        "undoing migration 3 failed: no column users.nickname",
        "a failed step names its migration and why the change did not fit"
    );
    for (text, expected) in [
        (
            SchemaError::NoSuchTable { table: s("orders") }.to_string(),
            "no table orders",
        ),
        (
            SchemaError::TableExists { table: s("users") }.to_string(),
            "table users already exists",
        ),
        (
            SchemaError::ColumnExists {
                table: s("users"),
                column: s("id"),
            }
            .to_string(),
            "column users.id already exists",
        ),
        (
            RollbackError::TargetAhead {
                current: 2,
                target: 3,
            }
            .to_string(),
            "version 3 is ahead of the current 2: that is a migration",
        ),
        (
            RollbackError::Irreversible {
                version: 5,
                name: s("drop_full_name"),
                change: drop_column("users", "full_name"),
            }
            .to_string(),
            "migration 5 (drop_full_name) destroyed data and cannot be undone",
        ),
    ] {
        assert_eq!(text, expected, "each refusal says in words what is wrong");
    }
}

// Task 2: Choose between the artifact, the schema, or fixing forward
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

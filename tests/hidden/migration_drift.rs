use migration_drift::{checksum, pending, Applied, Migration, MigrationError};

fn file(version: u32, name: &str, script: &str) -> Migration {
    Migration {
        version,
        name: name.to_string(),
        script: script.to_string(),
    }
}

fn applied(m: &Migration) -> Applied {
    Applied {
        version: m.version,
        name: m.name.clone(),
        checksum: checksum(&m.script),
    }
}

fn disk() -> Vec<Migration> {
    vec![
        file(
            1,
            "create_users",
            "CREATE TABLE users (id BIGINT PRIMARY KEY);",
        ),
        file(2, "add_email", "ALTER TABLE users ADD COLUMN email TEXT;"),
        file(
            3,
            "create_orders",
            "CREATE TABLE orders (id BIGINT PRIMARY KEY);",
        ),
        file(
            4,
            "index_email",
            "CREATE INDEX users_email ON users (email);",
        ),
    ]
}

fn versions(result: Result<Vec<&Migration>, MigrationError>) -> Vec<u32> {
    match result {
        Ok(list) => list.iter().map(|m| m.version).collect(),
        Err(e) => panic!("expected a list of pending migrations, got the error {e:?}"),
    }
}

// Task 1: List the pending migrations in version order
#[test]
fn fresh_database_has_every_migration_pending_in_version_order() {
    let mut files = disk();
    files.swap(0, 3);
    files.swap(1, 2);
    assert_eq!(
        versions(pending(&[], &files)),
        vec![1, 2, 3, 4],
        "with an empty history every file is pending, sorted by version whatever the order on disk"
    );
}

#[test]
fn only_migrations_above_the_history_are_pending() {
    let files = disk();
    let history = vec![applied(&files[0]), applied(&files[1])];
    let result = pending(&history, &files);
    assert_eq!(
        versions(result.clone()),
        vec![3, 4],
        "versions 1 and 2 are in the history, so only 3 and 4 remain"
    );
    let names: Vec<&str> = result.unwrap().iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["create_orders", "index_email"],
        "the pending list holds the migration files themselves"
    );
}

#[test]
fn fully_migrated_database_has_nothing_pending() {
    let files = disk();
    let history: Vec<Applied> = files.iter().map(applied).collect();
    assert_eq!(
        versions(pending(&history, &files)),
        Vec::<u32>::new(),
        "every file is in the history with its checksum: nothing to do"
    );
    assert_eq!(
        versions(pending(&[], &[])),
        Vec::<u32>::new(),
        "no files and no history: nothing to do and nothing wrong"
    );
}

// Task 2: Refuse an applied migration that was edited or deleted
#[test]
fn checksum_is_fnv1a_64_over_the_script_bytes() {
    assert_eq!(
        checksum(""),
        0xcbf2_9ce4_8422_2325,
        "the FNV-1a checksum of an empty script is the 64-bit offset basis"
    );
    assert_eq!(
        checksum("a"),
        0xaf63_dc4c_8601_ec8c,
        "the FNV-1a checksum of \"a\" is 0xaf63dc4c8601ec8c"
    );
    assert_eq!(
        checksum("foobar"),
        0x85944171f73967e8,
        "the FNV-1a checksum of \"foobar\" is 0x85944171f73967e8"
    );
    assert_ne!(
        checksum("ALTER TABLE users ADD COLUMN email TEXT;"),
        checksum("ALTER TABLE users ADD COLUMN email TEXT; "),
        "a trailing space is an edit too: the checksum must change"
    );
}

#[test]
fn editing_an_applied_migration_is_drift() {
    let files = disk();
    let history: Vec<Applied> = files[..3].iter().map(applied).collect();
    let mut edited = files.clone();
    edited[1].script = "ALTER TABLE users ADD COLUMN email TEXT NOT NULL;".to_string();
    assert_eq!(
        pending(&history, &edited),
        Err(MigrationError::Drift {
            version: 2,
            name: "add_email".to_string(),
            recorded: checksum("ALTER TABLE users ADD COLUMN email TEXT;"),
            on_disk: checksum("ALTER TABLE users ADD COLUMN email TEXT NOT NULL;"),
        }),
        "version 2 ran with one script and its file now holds another: that is drift, \
         reported with the recorded and the current checksums"
    );
}

#[test]
fn drift_is_judged_by_the_script_not_the_name() {
    let files = disk();
    let history: Vec<Applied> = files.iter().map(applied).collect();
    let mut renamed = files.clone();
    renamed[0].name = "create_users_table".to_string();
    assert_eq!(
        versions(pending(&history, &renamed)),
        Vec::<u32>::new(),
        "renaming a file without touching its script leaves the checksum as recorded: no drift"
    );
}

#[test]
fn editing_a_pending_migration_is_not_drift() {
    let files = disk();
    let history = vec![applied(&files[0])];
    let mut edited = files.clone();
    edited[3].script = "CREATE UNIQUE INDEX users_email ON users (email);".to_string();
    assert_eq!(
        versions(pending(&history, &edited)),
        vec![2, 3, 4],
        "a migration that never ran may still be edited: only applied ones are frozen"
    );
}

#[test]
fn applied_migration_deleted_from_disk_is_missing() {
    let files = disk();
    let history: Vec<Applied> = files.iter().map(applied).collect();
    let without_last = &files[..3];
    assert_eq!(
        pending(&history, without_last),
        Err(MigrationError::MissingOnDisk {
            version: 4,
            name: "index_email".to_string(),
        }),
        "the history says version 4 ran, but no file carries version 4"
    );
}

#[test]
fn the_first_problem_in_history_order_is_reported() {
    let files = disk();
    let history: Vec<Applied> = files.iter().map(applied).collect();
    let mut edited = files.clone();
    edited[1].script.push('\n');
    edited[2].script.push('\n');
    assert!(
        matches!(
            pending(&history, &edited),
            Err(MigrationError::Drift { version: 2, .. })
        ),
        "versions 2 and 3 both drifted: the first one in history order, 2, is reported"
    );
    let mut edited = files.clone();
    edited[2].script.push('\n');
    edited.remove(1);
    assert!(
        matches!(
            pending(&history, &edited),
            Err(MigrationError::MissingOnDisk { version: 2, .. })
        ),
        "version 2 is missing and version 3 drifted: version 2 comes first in the history"
    );
}

// Task 3: Refuse duplicate versions, gaps and out-of-order files
#[test]
fn two_files_with_one_version_are_refused() {
    let mut files = disk();
    files.insert(
        0,
        file(3, "create_invoices", "CREATE TABLE invoices (id BIGINT);"),
    );
    files.push(file(
        2,
        "add_phone",
        "ALTER TABLE users ADD COLUMN phone TEXT;",
    ));
    assert_eq!(
        pending(&[], &files),
        Err(MigrationError::DuplicateVersion { version: 2 }),
        "versions 2 and 3 each appear twice (not next to each other on disk): \
         the lowest duplicated version, 2, is reported"
    );
}

#[test]
fn a_hole_in_the_versions_is_a_gap() {
    let mut files = disk();
    files.remove(2);
    assert_eq!(
        pending(&[], &files),
        Err(MigrationError::Gap { missing: 3 }),
        "files 1, 2 and 4 leave a hole at version 3"
    );
    let files = disk().split_off(2);
    assert_eq!(
        pending(&[], &files),
        Err(MigrationError::Gap { missing: 1 }),
        "versions start at 1: files 3 and 4 alone lack versions 1 and 2, and 1 comes first"
    );
    let mut files = disk();
    files.push(file(8, "later", "SELECT 1;"));
    files.push(file(9, "even_later", "SELECT 2;"));
    assert_eq!(
        pending(&[], &files),
        Err(MigrationError::Gap { missing: 5 }),
        "files 1 to 4, then 8 and 9: versions 5 to 7 are missing, and 5 comes first"
    );
}

#[test]
fn a_file_below_an_applied_version_is_out_of_order() {
    let files = disk();
    let history = vec![applied(&files[0]), applied(&files[2]), applied(&files[3])];
    assert_eq!(
        pending(&history, &files),
        Err(MigrationError::OutOfOrder {
            pending: 2,
            applied_after: 3,
        }),
        "version 2 never ran but version 3 did: applying 2 now would build the schema in \
         another order than everywhere else"
    );
    let history = vec![applied(&files[0]), applied(&files[3])];
    assert_eq!(
        pending(&history, &files),
        Err(MigrationError::OutOfOrder {
            pending: 2,
            applied_after: 4,
        }),
        "versions 2 and 3 never ran but 4 did: report the lowest stray file, 2, and the first \
         applied version above it, 4"
    );
}

#[test]
fn checks_run_in_the_documented_order() {
    let files = disk();
    let history: Vec<Applied> = files[..2].iter().map(applied).collect();

    let mut both = files.clone();
    both[0].script.push(' ');
    both.push(file(4, "again", "SELECT 1;"));
    assert_eq!(
        pending(&history, &both),
        Err(MigrationError::DuplicateVersion { version: 4 }),
        "a duplicate version is checked before the history"
    );

    let mut drift_and_gap = files.clone();
    drift_and_gap[1].script.push(' ');
    drift_and_gap.remove(2);
    assert!(
        matches!(
            pending(&history, &drift_and_gap),
            Err(MigrationError::Drift { version: 2, .. })
        ),
        "drift of an applied migration is checked before gaps"
    );

    let mut missing_and_gap = files.clone();
    missing_and_gap.remove(1);
    assert!(
        matches!(
            pending(&history, &missing_and_gap),
            Err(MigrationError::MissingOnDisk { version: 2, .. })
        ),
        "an applied migration missing on disk is reported before the gap it leaves"
    );

    let mut gap_and_order = files.clone();
    gap_and_order.push(file(6, "later", "SELECT 1;"));
    let history = vec![applied(&files[0]), applied(&files[2])];
    assert_eq!(
        pending(&history, &gap_and_order),
        Err(MigrationError::Gap { missing: 5 }),
        "a gap is checked before out-of-order files"
    );
}

#[test]
fn errors_are_displayed_in_words() {
    assert_eq!(
        MigrationError::Drift {
            version: 2,
            name: "add_email".to_string(),
            recorded: 1,
            on_disk: 255,
        }
        .to_string(),
        "applied migration 2 (add_email) was edited: checksum 0x0000000000000001 recorded, \
         0x00000000000000ff on disk",
        "a drift message names the migration and both checksums"
    );
    for (error, text) in [
        (
            MigrationError::DuplicateVersion { version: 3 },
            "two migration files have version 3",
        ),
        (
            MigrationError::MissingOnDisk {
                version: 4,
                name: "index_email".to_string(),
            },
            "applied migration 4 (index_email) has no file on disk",
        ),
        (
            MigrationError::Gap { missing: 5 },
            "no migration file has version 5",
        ),
        (
            MigrationError::OutOfOrder {
                pending: 2,
                applied_after: 3,
            },
            "migration 2 was never applied, but 3 above it was",
        ),
    ] {
        assert_eq!(
            error.to_string(),
            text,
            "each refusal says what is wrong in words"
        );
    }
}

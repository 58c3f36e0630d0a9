use backup_verifier::{
    fnv1a64, verify, Expected, Finding, Manifest, Problem, ReadError, Report, RestoredTree,
};

/// An in-memory restored tree that lists its files in the order they were added (not sorted).
#[derive(Default)]
struct Tree {
    files: Vec<(String, Result<Vec<u8>, ReadError>)>,
}

impl Tree {
    fn with(mut self, path: &str, content: &[u8]) -> Self {
        self.files.push((path.to_string(), Ok(content.to_vec())));
        self
    }

    fn with_broken(mut self, path: &str, error: ReadError) -> Self {
        self.files.push((path.to_string(), Err(error)));
        self
    }
}

impl RestoredTree for Tree {
    fn list(&self) -> Vec<String> {
        self.files.iter().map(|(path, _)| path.clone()).collect()
    }

    fn read(&self, path: &str) -> Result<Vec<u8>, ReadError> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map_or(Err(ReadError::NotFound), |(_, content)| content.clone())
    }
}

/// The manifest a backup job writes for these files.
fn manifest(files: &[(&str, &[u8])]) -> Manifest {
    files
        .iter()
        .map(|(path, content)| (path.to_string(), Expected::of(content)))
        .collect()
}

const CONFIG: &[u8] = b"listen = 8080\n";
const USERS: &[u8] = b"id,name\n1,ada\n2,grace\n";
const LOGO: &[u8] = b"\x89PNG\r\n\x1a\n";

fn backup() -> Manifest {
    manifest(&[
        ("etc/app.toml", CONFIG),
        ("db/users.csv", USERS),
        ("www/logo.png", LOGO),
    ])
}

fn finding(path: &str, problem: Problem) -> Finding {
    Finding {
        path: path.to_string(),
        problem,
    }
}

// Task 1: Check every file of the manifest
#[test]
fn checksum_is_fnv1a_64() {
    assert_eq!(
        fnv1a64(b""),
        0xcbf2_9ce4_8422_2325,
        "FNV-1a 64 of no bytes is its offset basis"
    );
    assert_eq!(
        fnv1a64(b"a"),
        0xaf63_dc4c_8601_ec8c,
        "FNV-1a 64 of \"a\" must match the reference value"
    );
    assert_eq!(
        fnv1a64(b"foobar"),
        0x8594_4171_f739_67e8,
        "FNV-1a 64 of \"foobar\" must match the reference value"
    );
    assert_eq!(
        Expected::of(b"foobar"),
        Expected {
            size: 6,
            checksum: 0x8594_4171_f739_67e8
        },
        "the manifest records a file's length in bytes and its FNV-1a 64 checksum"
    );
}

#[test]
fn a_faithful_restore_is_ok() {
    let tree = Tree::default()
        .with("www/logo.png", LOGO)
        .with("etc/app.toml", CONFIG)
        .with("db/users.csv", USERS);
    let report = verify(&backup(), &tree);
    assert_eq!(
        report.findings,
        vec![],
        "every file came back with the right size and checksum: there is nothing to report"
    );
    assert_eq!(
        report.verified, 3,
        "all 3 files of the manifest were restored intact, so 3 are verified"
    );
    assert!(
        report.is_ok(),
        "a restore that gave back exactly what was backed up is OK"
    );
}

#[test]
fn a_file_absent_from_the_restore_is_missing() {
    let tree = Tree::default()
        .with("etc/app.toml", CONFIG)
        .with("www/logo.png", LOGO);
    let report = verify(&backup(), &tree);
    assert_eq!(
        report.findings,
        vec![finding("db/users.csv", Problem::Missing)],
        "db/users.csv is in the manifest but the restore does not have it: it is missing"
    );
    assert_eq!(
        report.verified, 2,
        "the 2 files that came back intact are verified"
    );
    assert!(!report.is_ok(), "a restore with a missing file is not OK");
}

#[test]
fn a_file_with_damaged_bytes_is_corrupt() {
    let damaged = b"id,name\n1,ada\n2,gracE\n";
    let tree = Tree::default()
        .with("etc/app.toml", CONFIG)
        .with("db/users.csv", damaged)
        .with("www/logo.png", LOGO);
    let report = verify(&backup(), &tree);
    assert_eq!(
        report.findings,
        vec![finding(
            "db/users.csv",
            Problem::Corrupt {
                expected: Expected::of(USERS),
                actual: Expected::of(damaged),
            }
        )],
        "db/users.csv has the right size but one changed byte: its checksum differs, so it is \
         corrupt (with the manifest's size and checksum as expected, the file's as actual)"
    );
    assert_eq!(report.verified, 2, "the 2 intact files are verified");
    assert!(!report.is_ok(), "a restore with a corrupt file is not OK");
}

#[test]
fn a_truncated_file_is_corrupt() {
    let truncated = &USERS[..10];
    let tree = Tree::default()
        .with("etc/app.toml", CONFIG)
        .with("db/users.csv", truncated)
        .with("www/logo.png", LOGO);
    let report = verify(&backup(), &tree);
    assert_eq!(
        report.findings,
        vec![finding(
            "db/users.csv",
            Problem::Corrupt {
                expected: Expected::of(USERS),
                actual: Expected::of(truncated),
            }
        )],
        "db/users.csv came back cut short: a truncated file is corrupt"
    );
}

#[test]
fn a_size_mismatch_alone_is_corruption() {
    let mut recorded = backup();
    recorded.insert(
        "db/users.csv".to_string(),
        Expected {
            size: USERS.len() as u64 + 1,
            checksum: fnv1a64(USERS),
        },
    );
    let tree = Tree::default()
        .with("etc/app.toml", CONFIG)
        .with("db/users.csv", USERS)
        .with("www/logo.png", LOGO);
    let report = verify(&recorded, &tree);
    assert_eq!(
        report.findings,
        vec![finding(
            "db/users.csv",
            Problem::Corrupt {
                expected: Expected {
                    size: USERS.len() as u64 + 1,
                    checksum: fnv1a64(USERS),
                },
                actual: Expected::of(USERS),
            }
        )],
        "the checksum matches but the manifest says the file is 1 byte longer: a size \
         mismatch alone makes the file corrupt"
    );
    assert_eq!(
        report.verified, 2,
        "a file with the wrong size is not verified, even if its checksum matches"
    );
}

#[test]
fn a_file_that_cannot_be_read_is_unreadable_with_its_error() {
    let tree = Tree::default()
        .with("etc/app.toml", CONFIG)
        .with_broken("db/users.csv", ReadError::PermissionDenied)
        .with_broken("www/logo.png", ReadError::Io);
    let report = verify(&backup(), &tree);
    assert_eq!(
        report.findings,
        vec![
            finding(
                "db/users.csv",
                Problem::Unreadable(ReadError::PermissionDenied)
            ),
            finding("www/logo.png", Problem::Unreadable(ReadError::Io)),
        ],
        "files that were restored but could not be read are unreadable, each with the error \
         its read returned"
    );
    assert_eq!(report.verified, 1, "only etc/app.toml could be verified");
    assert!(!report.is_ok(), "a restore with unreadable files is not OK");
}

#[test]
fn a_listed_file_that_reads_as_not_found_is_unreadable_not_missing() {
    let tree = Tree::default()
        .with("etc/app.toml", CONFIG)
        .with_broken("db/users.csv", ReadError::NotFound)
        .with("www/logo.png", LOGO);
    let report = verify(&backup(), &tree);
    assert_eq!(
        report.findings,
        vec![finding(
            "db/users.csv",
            Problem::Unreadable(ReadError::NotFound)
        )],
        "db/users.csv was listed by the restore but its read said NotFound (it vanished after \
         the listing): it is unreadable with that error, not missing, since the restore did \
         list it"
    );
}

#[test]
fn an_empty_restore_misses_every_file() {
    let report = verify(&backup(), &Tree::default());
    assert_eq!(
        report.findings,
        vec![
            finding("db/users.csv", Problem::Missing),
            finding("etc/app.toml", Problem::Missing),
            finding("www/logo.png", Problem::Missing),
        ],
        "a restore that produced nothing is missing every file of the manifest, in path order"
    );
    assert_eq!(
        report.verified, 0,
        "nothing came back, so nothing is verified"
    );
}

#[test]
fn an_empty_backup_restored_to_an_empty_tree_is_ok() {
    let report = verify(&Manifest::new(), &Tree::default());
    assert_eq!(
        report,
        Report::default(),
        "nothing backed up and nothing restored: no finding, nothing verified"
    );
    assert!(
        report.is_ok(),
        "an empty restore of an empty backup has nothing wrong with it"
    );
}

#[test]
fn read_errors_are_displayed_in_words() {
    let messages: Vec<String> = [
        ReadError::NotFound,
        ReadError::PermissionDenied,
        ReadError::Io,
    ]
    .iter()
    .map(|e| e.to_string())
    .collect();
    assert_eq!(
        messages,
        vec!["file not found", "permission denied", "I/O error"],
        "each read error has a message an operator can read in the restore report"
    );
}

// Task 2: Report extra files, with every finding in path order
#[test]
fn a_file_not_in_the_manifest_is_extra() {
    let tree = Tree::default()
        .with("etc/app.toml", CONFIG)
        .with("db/users.csv", USERS)
        .with("tmp/restore.lock", b"")
        .with("www/logo.png", LOGO);
    let report = verify(&backup(), &tree);
    assert_eq!(
        report.findings,
        vec![finding("tmp/restore.lock", Problem::Extra)],
        "tmp/restore.lock was restored but the backup never recorded it: it is extra"
    );
    assert_eq!(
        report.verified, 3,
        "the 3 files of the manifest are verified; an extra file does not count as verified"
    );
    assert!(
        !report.is_ok(),
        "a restore with a file the backup did not hold is not OK: the restore is not an exact \
         copy of the backup"
    );
}

#[test]
fn an_extra_file_is_extra_even_if_unreadable() {
    let tree = Tree::default()
        .with("etc/app.toml", CONFIG)
        .with("db/users.csv", USERS)
        .with("www/logo.png", LOGO)
        .with_broken("lost+found/0001", ReadError::PermissionDenied);
    let report = verify(&backup(), &tree);
    assert_eq!(
        report.findings,
        vec![finding("lost+found/0001", Problem::Extra)],
        "a file outside the manifest is extra, and only extra: there is nothing to compare it \
         with, so whether it reads does not matter"
    );
}

#[test]
fn findings_are_sorted_by_path_across_kinds() {
    let recorded = manifest(&[
        ("b/missing", b"1"),
        ("d/corrupt", b"22"),
        ("Z/unreadable", b"333"),
        ("f/intact", b"4444"),
    ]);
    let tree = Tree::default()
        .with("f/intact", b"4444")
        .with("g/extra", b"")
        .with_broken("Z/unreadable", ReadError::Io)
        .with("d/corrupt", b"2x")
        .with("a/extra", b"")
        .with("c/extra", b"");
    let report = verify(&recorded, &tree);
    let order: Vec<&str> = report.findings.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        order,
        vec![
            "Z/unreadable",
            "a/extra",
            "b/missing",
            "c/extra",
            "d/corrupt",
            "g/extra"
        ],
        "findings must be sorted by path in byte order (uppercase before lowercase), with the \
         kinds interleaved, whatever order the tree lists its files in"
    );
    assert_eq!(
        report.findings[3],
        finding("c/extra", Problem::Extra),
        "c/extra is reported as extra"
    );
    assert_eq!(report.verified, 1, "only f/intact is verified");
}

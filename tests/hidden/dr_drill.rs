use std::collections::BTreeMap;

use dr_drill::{
    checksum, drill, restore_minutes, verify, Attempt, Backup, Disaster, DrillReport, Objectives,
    Outcome, RestoreSpeed, Run, Schedule, Verification,
};

/// Hourly backups from minute 0, each taking 10 minutes.
const HOURLY: Schedule = Schedule {
    first_at: 0,
    every: 60,
    takes: 10,
};

/// 5 minutes of setup, then 100 bytes a minute.
const SPEED: RestoreSpeed = RestoreSpeed {
    setup: 5,
    bytes_per_minute: 100,
};

const OBJECTIVES: Objectives = Objectives { rpo: 60, rto: 30 };

/// A backup whose manifest matches its files.
fn backup(files: &[(&str, usize)]) -> Backup {
    let mut backup = Backup::default();
    for (index, &(path, size)) in files.iter().enumerate() {
        let contents: Vec<u8> = (0..size).map(|i| (i + index) as u8).collect();
        backup
            .manifest
            .insert(path.to_string(), checksum(&contents));
        backup.files.insert(path.to_string(), contents);
    }
    backup
}

/// The usual database backup: 250 bytes, restored in 5 + 3 = 8 minutes.
fn database() -> Backup {
    backup(&[("orders.db", 150), ("users.db", 100)])
}

/// Flips one byte of a file: same size, other contents.
fn corrupt(mut backup: Backup, path: &str) -> Backup {
    let contents = backup.files.get_mut(path).expect("file to corrupt");
    contents[0] ^= 0xff;
    backup
}

fn lose(mut backup: Backup, path: &str) -> Backup {
    backup.files.remove(path);
    backup
}

/// A store holding a clean database backup for each of these runs.
fn store(starts: &[u64]) -> BTreeMap<u64, Backup> {
    starts.iter().map(|&start| (start, database())).collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

fn attempt(started_at: u64, outcome: Outcome) -> Attempt {
    Attempt {
        started_at,
        outcome,
    }
}

fn starts(runs: &[Run]) -> Vec<u64> {
    runs.iter().map(|run| run.started_at).collect()
}

// Task 1: List the backups finished by a given minute
#[test]
fn a_backup_counts_once_its_run_has_finished() {
    assert_eq!(
        starts(&HOURLY.completed_by(250)),
        vec![0, 60, 120, 180, 240],
        "hourly runs taking 10 minutes: by minute 250 the run started at 240 has just finished"
    );
    assert_eq!(
        starts(&HOURLY.completed_by(249)),
        vec![0, 60, 120, 180],
        "at minute 249 the run started at 240 is still running: it is not a backup yet"
    );
    assert_eq!(
        HOURLY.completed_by(10),
        vec![Run {
            started_at: 0,
            finished_at: 10,
        }],
        "the first run finishes at minute 10 and counts from that minute"
    );
    assert_eq!(
        HOURLY.completed_by(9),
        vec![],
        "before the first run finishes there is no backup at all"
    );
}

#[test]
fn runs_follow_the_schedule_from_its_first_start() {
    let schedule = Schedule {
        first_at: 30,
        every: 60,
        takes: 45,
    };
    assert_eq!(
        schedule.completed_by(200),
        vec![
            Run {
                started_at: 30,
                finished_at: 75,
            },
            Run {
                started_at: 90,
                finished_at: 135,
            },
            Run {
                started_at: 150,
                finished_at: 195,
            },
        ],
        "runs start at 30, 90, 150, 210... and finish 45 minutes later: three have finished \
         by minute 200, oldest first"
    );
    assert_eq!(
        schedule.completed_by(29),
        vec![],
        "nothing has run before the schedule's first start"
    );
}

// Task 2: Verify a restore against its manifest
#[test]
fn the_checksum_is_64_bit_fnv_1a() {
    assert_eq!(
        checksum(b""),
        0xcbf2_9ce4_8422_2325,
        "the checksum of nothing is the FNV-1a offset basis (the given checksum is not to be \
         changed)"
    );
    assert_eq!(
        checksum(b"a"),
        0xaf63_dc4c_8601_ec8c,
        "the FNV-1a checksum of \"a\" is 0xaf63dc4c8601ec8c"
    );
    assert_eq!(
        checksum(b"foobar"),
        0x8594_4171_f739_67e8,
        "the FNV-1a checksum of \"foobar\" is 0x85944171f73967e8"
    );
}

#[test]
fn a_restore_matching_its_manifest_is_clean() {
    let verification = verify(&database());
    assert_eq!(
        verification,
        Verification::default(),
        "every file came back with the checksum the manifest records: nothing to report"
    );
    assert!(
        verification.is_clean(),
        "a verification with nothing missing and nothing corrupt is clean"
    );
}

#[test]
fn verification_reports_missing_and_corrupt_files_by_path() {
    let restored = backup(&[
        ("a.db", 10),
        ("b.db", 10),
        ("c.db", 10),
        ("d.db", 10),
        ("e.db", 10),
    ]);
    let restored = lose(lose(restored, "d.db"), "b.db");
    let restored = corrupt(corrupt(restored, "e.db"), "c.db");
    let verification = verify(&restored);
    assert_eq!(
        verification,
        Verification {
            missing: strings(&["b.db", "d.db"]),
            corrupt: strings(&["c.db", "e.db"]),
        },
        "b.db and d.db did not come back (missing); c.db and e.db came back with other \
         contents (corrupt); each list sorted by path"
    );
    assert!(
        !verification.is_clean(),
        "a restore with missing or corrupt files is not clean"
    );
}

#[test]
fn a_file_of_the_right_size_with_other_bytes_is_corrupt() {
    let restored = corrupt(database(), "users.db");
    assert_eq!(
        verify(&restored),
        Verification {
            missing: vec![],
            corrupt: strings(&["users.db"]),
        },
        "only the checksum tells a damaged file from a good one of the same size"
    );
    let only_missing = Verification {
        missing: strings(&["users.db"]),
        corrupt: vec![],
    };
    assert!(
        !only_missing.is_clean(),
        "a missing file alone makes a restore unusable"
    );
    let only_corrupt = Verification {
        missing: vec![],
        corrupt: strings(&["users.db"]),
    };
    assert!(
        !only_corrupt.is_clean(),
        "a corrupt file alone makes a restore unusable"
    );
}

#[test]
fn files_outside_the_manifest_are_ignored() {
    let mut restored = database();
    restored
        .files
        .insert("scratch.tmp".to_string(), vec![1, 2, 3]);
    assert_eq!(
        verify(&restored),
        Verification::default(),
        "the manifest says what the backup must hold: a stray file it does not list is neither \
         missing nor corrupt"
    );
    assert!(
        verify(&restored).is_clean(),
        "a restore with every manifest file intact is clean, stray files or not"
    );
}

// Task 3: Time a restore
#[test]
fn restoring_takes_the_setup_plus_a_minute_per_started_slice_of_bytes() {
    assert_eq!(
        restore_minutes(&database(), &SPEED),
        8,
        "250 bytes at 100 bytes a minute need 3 minutes (the last one partly used), plus 5 of \
         setup"
    );
    assert_eq!(
        restore_minutes(&backup(&[("a.db", 200)]), &SPEED),
        7,
        "exactly 200 bytes take exactly 2 minutes, plus 5 of setup"
    );
    assert_eq!(
        restore_minutes(&backup(&[("a.db", 201)]), &SPEED),
        8,
        "201 bytes spill into a third minute"
    );
    assert_eq!(
        restore_minutes(&Backup::default(), &SPEED),
        5,
        "an empty backup still costs the setup"
    );
    assert_eq!(
        restore_minutes(&lose(database(), "orders.db"), &SPEED),
        6,
        "only the bytes that come back are restored: 100 bytes, one minute, plus setup"
    );
}

// Task 4: Play the drill
#[test]
fn the_drill_restores_the_newest_finished_backup() {
    let report = drill(
        &HOURLY,
        &store(&[0, 60, 120, 180, 240]),
        &Disaster {
            at: 250,
            detect: 10,
        },
        &SPEED,
        &OBJECTIVES,
    );
    assert_eq!(
        report,
        DrillReport {
            attempts: vec![attempt(240, Outcome::Restored)],
            restored_from: Some(240),
            data_lost: Some(10),
            downtime: 18,
            rpo_met: true,
            rto_met: true,
        },
        "disaster at 250: the run started at 240 restores clean, losing the 10 minutes of \
         writes since it started; 10 minutes to detect plus 8 to restore is 18 minutes down"
    );
}

#[test]
fn a_run_still_going_at_the_disaster_is_not_tried() {
    let report = drill(
        &HOURLY,
        &store(&[0, 60, 120, 180, 240]),
        &Disaster {
            at: 245,
            detect: 10,
        },
        &SPEED,
        &OBJECTIVES,
    );
    assert_eq!(
        report.attempts,
        vec![attempt(180, Outcome::Restored)],
        "at 245 the run started at 240 has not finished: the newest backup is the one from 180"
    );
    assert_eq!(
        report.data_lost,
        Some(65),
        "restoring the run from 180 after a disaster at 245 loses 65 minutes of writes"
    );
    assert!(
        !report.rpo_met,
        "losing 65 minutes of writes misses an RPO of 60"
    );
}

#[test]
fn a_corrupt_latest_backup_forces_the_previous_one() {
    let mut backups = store(&[0, 60, 120, 180]);
    backups.insert(240, corrupt(database(), "orders.db"));
    let report = drill(
        &HOURLY,
        &backups,
        &Disaster {
            at: 250,
            detect: 10,
        },
        &SPEED,
        &OBJECTIVES,
    );
    assert_eq!(
        report,
        DrillReport {
            attempts: vec![
                attempt(
                    240,
                    Outcome::Rejected(Verification {
                        missing: vec![],
                        corrupt: strings(&["orders.db"]),
                    }),
                ),
                attempt(180, Outcome::Restored),
            ],
            restored_from: Some(180),
            data_lost: Some(70),
            downtime: 26,
            rpo_met: false,
            rto_met: true,
        },
        "the backup from 240 fails verification, so the one from 180 goes back in service: 70 \
         minutes of writes are lost (over the RPO of 60), and the time spent restoring the bad \
         backup counts: 10 + 8 + 8 = 26 minutes down"
    );
}

#[test]
fn a_backup_missing_from_the_store_is_skipped_at_no_cost() {
    let report = drill(
        &HOURLY,
        &store(&[0, 60, 120, 180]),
        &Disaster {
            at: 250,
            detect: 10,
        },
        &SPEED,
        &OBJECTIVES,
    );
    assert_eq!(
        report.attempts,
        vec![
            attempt(240, Outcome::Missing),
            attempt(180, Outcome::Restored)
        ],
        "the run from 240 should have left a backup but the store has none: it is recorded as \
         missing and the run from 180 is restored"
    );
    assert_eq!(
        (report.data_lost, report.downtime),
        (Some(70), 18),
        "70 minutes of writes lost; nothing to restore costs no time, so 10 + 8 minutes down"
    );
}

#[test]
fn when_no_backup_verifies_all_the_data_is_lost() {
    let backups: BTreeMap<u64, Backup> = [
        (0, lose(database(), "users.db")),
        (60, corrupt(database(), "users.db")),
    ]
    .into_iter()
    .collect();
    let report = drill(
        &HOURLY,
        &backups,
        &Disaster {
            at: 100,
            detect: 10,
        },
        &SPEED,
        &Objectives {
            rpo: 1_000,
            rto: 1_000,
        },
    );
    assert_eq!(
        report,
        DrillReport {
            attempts: vec![
                attempt(
                    60,
                    Outcome::Rejected(Verification {
                        missing: vec![],
                        corrupt: strings(&["users.db"]),
                    }),
                ),
                attempt(
                    0,
                    Outcome::Rejected(Verification {
                        missing: strings(&["users.db"]),
                        corrupt: vec![],
                    }),
                ),
            ],
            restored_from: None,
            data_lost: None,
            downtime: 10 + 8 + 7,
            rpo_met: false,
            rto_met: false,
        },
        "both backups fail verification: every attempt is recorded and timed (10 to detect, 8 \
         and 7 to restore), all the data is lost and the service is not back, so neither \
         objective is met, however generous"
    );
}

#[test]
fn a_disaster_before_the_first_backup_finishes_loses_everything() {
    let report = drill(
        &HOURLY,
        &store(&[0]),
        &Disaster { at: 5, detect: 3 },
        &SPEED,
        &OBJECTIVES,
    );
    assert_eq!(
        report,
        DrillReport {
            attempts: vec![],
            restored_from: None,
            data_lost: None,
            downtime: 3,
            rpo_met: false,
            rto_met: false,
        },
        "at minute 5 the first run is still going: there is nothing to restore"
    );
}

#[test]
fn objectives_are_met_at_exactly_their_value() {
    let backups = store(&[0, 60, 120, 180, 240]);
    let disaster = Disaster {
        at: 249,
        detect: 22,
    };
    let exact = Objectives { rpo: 69, rto: 30 };
    let report = drill(&HOURLY, &backups, &disaster, &SPEED, &exact);
    assert_eq!(
        (report.data_lost, report.downtime),
        (Some(69), 30),
        "disaster at 249, run from 180 restored: 69 minutes lost; 22 + 8 = 30 minutes down"
    );
    assert!(
        report.rpo_met && report.rto_met,
        "losing exactly 69 minutes meets an RPO of 69, and 30 minutes down meets an RTO of 30"
    );
    let tighter = Objectives { rpo: 68, rto: 29 };
    let report = drill(&HOURLY, &backups, &disaster, &SPEED, &tighter);
    assert!(
        !report.rpo_met,
        "losing 69 minutes misses an RPO of 68 minutes"
    );
    assert!(
        !report.rto_met,
        "30 minutes down misses an RTO of 29 minutes"
    );
}

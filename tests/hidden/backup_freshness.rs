use backup_freshness::{freshness, Backup, Freshness, Schedule};

const HOUR: u64 = 3_600;

fn backup(id: u32, taken_at_secs: u64) -> Backup {
    Backup { id, taken_at_secs }
}

/// Daily backups with 2 hours of grace.
fn daily() -> Schedule {
    Schedule {
        every_secs: 24 * HOUR,
        grace_secs: 2 * HOUR,
    }
}

// Task 1: Find the age of the newest backup
#[test]
fn the_age_is_that_of_the_newest_backup_wherever_it_is_listed() {
    let list = vec![backup(1, 1_000), backup(2, 5_000), backup(3, 3_000)];
    assert_eq!(
        freshness(&list, 5_000 + 10 * HOUR, daily()),
        Freshness::OnSchedule {
            age_secs: 10 * HOUR
        },
        "the newest backup (5000 s) is listed second, not last: at 5000 s + 10 h it is 10 h \
         old, within 24 h plus 2 h grace"
    );
}

#[test]
fn no_backup_at_all_is_its_own_finding() {
    assert_eq!(
        freshness(&[], 3 * HOUR, daily()),
        Freshness::NoBackups,
        "no backup at all is its own finding, not an age"
    );
}

#[test]
fn a_backup_stamped_after_now_counts_as_just_taken() {
    let schedule = Schedule {
        every_secs: HOUR,
        grace_secs: 600,
    };
    assert_eq!(
        freshness(&[backup(1, 500), backup(2, 9_000)], 8_000, schedule),
        Freshness::OnSchedule { age_secs: 0 },
        "the newest backup is stamped 9000 s, after now (8000 s): clock skew, so its age is 0, \
         not a negative or wrapped-around number"
    );
}

#[test]
fn a_backup_taken_right_now_is_zero_seconds_old() {
    assert_eq!(
        freshness(&[backup(1, 7_200)], 7_200, daily()),
        Freshness::OnSchedule { age_secs: 0 },
        "a backup taken at the very instant of the check is 0 s old"
    );
}

// Task 2: Judge the age against the schedule and its grace
#[test]
fn exactly_the_interval_plus_the_grace_is_still_on_schedule() {
    let list = vec![backup(1, 5_000)];
    assert_eq!(
        freshness(&list, 5_000 + 26 * HOUR, daily()),
        Freshness::OnSchedule {
            age_secs: 26 * HOUR
        },
        "exactly 24 h plus 2 h grace old is still on schedule: the bound is included"
    );
}

#[test]
fn one_second_past_the_grace_is_overdue_by_one_second() {
    let list = vec![backup(1, 5_000)];
    assert_eq!(
        freshness(&list, 5_000 + 26 * HOUR + 1, daily()),
        Freshness::Overdue {
            age_secs: 26 * HOUR + 1,
            late_secs: 1,
        },
        "one second past interval plus grace, the backup is overdue by 1 s"
    );
}

#[test]
fn lateness_is_counted_from_the_end_of_the_grace() {
    let schedule = Schedule {
        every_secs: HOUR,
        grace_secs: 600,
    };
    assert_eq!(
        freshness(&[backup(1, 0)], 3 * HOUR, schedule),
        Freshness::Overdue {
            age_secs: 3 * HOUR,
            late_secs: 2 * HOUR - 600,
        },
        "an hourly backup last taken 3 h ago is late by 3 h minus (1 h + 10 min), not by \
         3 h minus 1 h"
    );
}

#[test]
fn the_grace_is_added_to_the_interval() {
    let schedule = Schedule {
        every_secs: HOUR,
        grace_secs: 600,
    };
    assert_eq!(
        freshness(&[backup(1, 0)], HOUR + 300, schedule),
        Freshness::OnSchedule {
            age_secs: HOUR + 300
        },
        "1 h 5 min old is past the hourly interval but within its 10 min grace: on schedule"
    );
}

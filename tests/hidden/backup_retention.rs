use backup_retention::{civil_date, period, retain, Backup, Kept, Policy, Retention, Rule};

const HOUR: u64 = 3_600;
const DAY: u64 = 86_400;

fn is_leap(year: u64) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Seconds since the epoch of `year-month-day hour:00` UTC, counted the slow, obvious way.
fn at(year: u64, month: u64, day: u64, hour: u64) -> u64 {
    let mut days = 0;
    for y in 1970..year {
        days += if is_leap(y) { 366 } else { 365 };
    }
    let lengths = [
        31,
        if is_leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    days += lengths[..(month - 1) as usize].iter().sum::<u64>();
    days += day - 1;
    days * DAY + hour * HOUR
}

fn backup(id: u32, taken_at_secs: u64) -> Backup {
    Backup { id, taken_at_secs }
}

fn kept(id: u32, rules: &[Rule]) -> Kept {
    Kept {
        id,
        rules: rules.to_vec(),
    }
}

fn policy(daily: usize, weekly: usize, monthly: usize) -> Policy {
    Policy {
        daily,
        weekly,
        monthly,
    }
}

/// Ten backups around the end of February 2024, out of order. 2024-03-04 is a Monday, there
/// is no backup on 2024-03-02, and 2024 is a leap year.
fn backups() -> Vec<Backup> {
    vec![
        backup(7, at(2024, 2, 18, 2)),   // Sunday
        backup(1, at(2024, 3, 4, 2)),    // Monday
        backup(10, at(2023, 12, 31, 2)), // Sunday
        backup(4, at(2024, 3, 1, 2)),    // Friday
        backup(2, at(2024, 3, 4, 14)),   // Monday, later the same day
        backup(9, at(2024, 1, 15, 2)),   // Monday
        backup(5, at(2024, 2, 29, 2)),   // Thursday
        backup(3, at(2024, 3, 3, 2)),    // Sunday
        backup(8, at(2024, 1, 31, 2)),   // Wednesday
        backup(6, at(2024, 2, 25, 2)),   // Sunday
    ]
}

fn ids(keep: &[Kept]) -> Vec<u32> {
    keep.iter().map(|k| k.id).collect()
}

// Task 1: Number the day, week and month of a backup
#[test]
fn civil_date_converts_epoch_seconds_to_utc_dates() {
    let cases = [
        (0, (1970, 1, 1)),
        (5_097_600, (1970, 3, 1)),
        (31_536_000, (1971, 1, 1)),
        (68_169_600, (1972, 2, 29)),
        (946_684_799, (1999, 12, 31)),
        (951_825_600, (2000, 2, 29)),
        (951_868_800, (2000, 3, 1)),
        (1_698_710_400, (2023, 10, 31)),
        (1_706_659_200, (2024, 1, 31)),
        (1_709_164_800, (2024, 2, 29)),
        (1_709_251_200, (2024, 3, 1)),
        (1_735_603_200, (2024, 12, 31)),
        (4_107_456_000, (2100, 2, 28)),
        (4_107_542_400, (2100, 3, 1)),
    ];
    for (secs, date) in cases {
        assert_eq!(
            civil_date(secs),
            date,
            "{secs} s after the epoch is {date:?} in UTC"
        );
    }
}

#[test]
fn days_are_counted_from_the_epoch() {
    assert_eq!(period(Rule::Daily, 0), 0, "1970-01-01 is day 0");
    assert_eq!(
        period(Rule::Daily, DAY - 1),
        0,
        "23:59:59 on 1970-01-01 is still day 0"
    );
    assert_eq!(period(Rule::Daily, DAY), 1, "midnight starts day 1");
    assert_eq!(
        period(Rule::Daily, at(2024, 2, 29, 23)),
        19_782,
        "2024-02-29 is day 19782"
    );
}

#[test]
fn weeks_start_on_monday() {
    assert_eq!(
        period(Rule::Weekly, 0),
        0,
        "Thursday 1970-01-01 is in week 0, which began on Monday 1969-12-29"
    );
    assert_eq!(
        period(Rule::Weekly, 4 * DAY - 1),
        0,
        "Sunday 1970-01-04 at 23:59:59 is the last second of week 0"
    );
    assert_eq!(
        period(Rule::Weekly, 4 * DAY),
        1,
        "Monday 1970-01-05 at midnight starts week 1"
    );
    assert_eq!(
        period(Rule::Weekly, at(2024, 3, 4, 0)),
        period(Rule::Weekly, at(2024, 3, 10, 23)),
        "Monday 2024-03-04 and Sunday 2024-03-10 are in one week"
    );
    assert_eq!(
        period(Rule::Weekly, at(2024, 3, 4, 0)),
        period(Rule::Weekly, at(2024, 3, 3, 23)) + 1,
        "Sunday 2024-03-03 belongs to the week before Monday 2024-03-04"
    );
}

#[test]
fn months_are_calendar_months() {
    assert_eq!(
        period(Rule::Monthly, 0),
        1970 * 12,
        "January 1970 is month 1970 * 12 + 0"
    );
    assert_eq!(
        period(Rule::Monthly, at(2024, 2, 29, 23)),
        2024 * 12 + 1,
        "February 2024 is month 2024 * 12 + 1"
    );
    assert_eq!(
        period(Rule::Monthly, at(2024, 3, 1, 0)),
        2024 * 12 + 2,
        "March starts right after the leap day"
    );
    assert_eq!(
        period(Rule::Monthly, at(2024, 1, 1, 0)),
        period(Rule::Monthly, at(2023, 12, 31, 23)) + 1,
        "January 2024 follows December 2023"
    );
}

// Task 2: Keep the newest backup of each period, rule by rule
#[test]
fn grandfather_father_son_keeps_the_newest_of_each_period() {
    assert_eq!(
        retain(&backups(), policy(3, 3, 3)),
        Retention {
            keep: vec![
                kept(2, &[Rule::Daily, Rule::Weekly, Rule::Monthly]),
                kept(3, &[Rule::Daily, Rule::Weekly]),
                kept(4, &[Rule::Daily]),
                kept(5, &[Rule::Monthly]),
                kept(6, &[Rule::Weekly]),
                kept(8, &[Rule::Monthly]),
            ],
            delete: vec![1, 7, 9, 10],
        },
        "days: 2 (newest on 03-04), 3, 4 (03-02 has none and does not count); weeks from \
         Monday: 2, 3 (week of 02-26), 6 (week of 02-19); months: 2, 5 (02-29), 8 (01-31)"
    );
}

#[test]
fn each_rule_counts_its_periods_on_its_own() {
    assert_eq!(
        ids(&retain(&backups(), policy(2, 2, 0)).keep),
        vec![2, 3],
        "the two newest days and the two newest weeks both pick 2 and 3: a backup kept by \
         the daily rule still counts for the weekly one"
    );
    assert_eq!(
        retain(&backups(), policy(0, 2, 0)).keep,
        vec![kept(2, &[Rule::Weekly]), kept(3, &[Rule::Weekly])],
        "weekly alone: the newest backup of each of the two newest weeks"
    );
}

#[test]
fn a_count_keeps_exactly_that_many_periods() {
    assert_eq!(
        ids(&retain(&backups(), policy(1, 0, 0)).keep),
        vec![2],
        "keep one day: only the newest backup"
    );
    assert_eq!(
        ids(&retain(&backups(), policy(0, 0, 2)).keep),
        vec![2, 5],
        "keep two months: March (2) and February (5)"
    );
    assert_eq!(
        retain(&backups(), policy(0, 0, 0)),
        Retention {
            keep: vec![],
            delete: vec![2, 1, 3, 4, 5, 6, 7, 8, 9, 10],
        },
        "a policy that keeps nothing deletes everything, newest first"
    );
}

#[test]
fn a_generous_policy_keeps_one_backup_per_period_only() {
    let result = retain(&backups(), policy(100, 0, 0));
    assert_eq!(
        ids(&result.keep),
        vec![2, 3, 4, 5, 6, 7, 8, 9, 10],
        "with room for 100 days, every day keeps its newest backup"
    );
    assert_eq!(
        result.delete,
        vec![1],
        "the earlier backup of 2024-03-04 is not the newest of its day"
    );
    assert_eq!(
        ids(&retain(&backups(), policy(0, 0, 100)).keep),
        vec![2, 5, 8, 10],
        "with room for 100 months, each of March, February, January and December keeps one"
    );
    assert_eq!(
        retain(&[], policy(7, 4, 12)),
        Retention::default(),
        "no backups: nothing to keep or delete"
    );
}

#[test]
fn backups_taken_at_the_same_second_are_ordered_by_id() {
    let t = at(2024, 5, 1, 3);
    let list = vec![
        backup(12, t),
        backup(30, t - DAY),
        backup(11, t),
        backup(20, t - DAY),
    ];
    assert_eq!(
        retain(&list, policy(2, 0, 0)),
        Retention {
            keep: vec![kept(11, &[Rule::Daily]), kept(20, &[Rule::Daily])],
            delete: vec![12, 30],
        },
        "at the same second the lower id counts as newer, so it is the one each day keeps"
    );
}

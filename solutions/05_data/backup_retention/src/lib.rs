//! # backup_retention: keep the newest backup of each day, week and month
//!
//! Keeping every backup forever costs too much; keeping only the last few leaves nothing to go
//! back to when a problem is noticed weeks late. The classic compromise is
//! *grandfather-father-son* rotation: keep one backup for each of the last few days (sons),
//! weeks (fathers) and months (grandfathers). restic's `forget --keep-daily n --keep-weekly n
//! --keep-monthly n` works this way (the restic documentation, "Removing backup snapshots"):
//! for the last n days, weeks or months *that have a backup*, it keeps the newest one of each.
//!
//! Backup times are counted in seconds since the Unix epoch, UTC, as backup tools stamp them
//! (so `*_secs`, not milliseconds). A day runs from midnight to midnight, a week from Monday
//! 00:00 to the next Monday (as in ISO 8601; 1970-01-01 was a Thursday), a month is a calendar
//! month ([`civil_date`], given, turns a time into a date).
//!
//! ## Task 1: Number the day, week and month of a backup
//!
//! [`period`]: the number of the period a time falls in:
//!
//! - days since 1970-01-01;
//! - weeks since the one that began on Monday 1969-12-29 (so 1970-01-01 is in week 0 and
//!   Monday 1970-01-05 starts week 1);
//! - months as `year * 12 + month - 1`.
//!
//! Example: 2024-03-04 02:00 UTC (1_709_517_600 s, a Monday) is day 19_786, week 2_827 and
//! month 24_290; the Sunday before, 2024-03-03, is day 19_785 and week 2_826.
//!
//! ## Task 2: Keep the newest backup of each period, rule by rule
//!
//! [`retain`]: for each rule of the [`Policy`] on its own, walk the backups from newest to
//! oldest and keep the newest backup of each period, until the rule has kept its count of
//! periods.
//!
//! - Periods without any backup do not count.
//! - A backup kept by several rules lists them all (in the order daily, weekly, monthly);
//!   every other backup is deleted.
//! - Both lists run newest first; among backups taken at the same second, the lower id counts
//!   as the newer.
//!
//! Example: backups on Friday 1 March, Sunday 3 March and Monday 4 March 2024 (ids 4, 3, 1),
//! with one daily and two weekly: 1 is kept by daily and weekly, 3 by weekly (the newest of
//! the week before), 4 is deleted.
//!
//! ## Beyond this exercise
//!
//! Real tools also keep the last n backups whatever their dates, yearly ones, and everything
//! within a duration; they count periods in the local time zone where the schedule is set;
//! and they never delete the only copy of data that a restore test has not yet proved. A
//! watchdog on the newest backup's age (the exercise `backup_freshness`) tells when the
//! backups themselves have stopped.

/// One backup: an id and when it was taken, in seconds since the epoch (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backup {
    /// The backup's id.
    pub id: u32,
    /// When it was taken, in seconds since the epoch (UTC).
    pub taken_at_secs: u64,
}

/// How many periods of each kind to keep a backup for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Days to keep a backup for.
    pub daily: usize,
    /// Weeks (Monday to Sunday) to keep a backup for.
    pub weekly: usize,
    /// Calendar months to keep a backup for.
    pub monthly: usize,
}

/// A retention rule: one kind of period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// One backup per day.
    Daily,
    /// One backup per week.
    Weekly,
    /// One backup per calendar month.
    Monthly,
}

/// A backup that stays, and every rule that keeps it (in the order daily, weekly, monthly).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    /// The backup's id.
    pub id: u32,
    /// The rules that keep it.
    pub rules: Vec<Rule>,
}

/// The outcome of a retention run, both lists newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Retention {
    /// The backups that stay, with their reasons.
    pub keep: Vec<Kept>,
    /// The ids of the backups to delete.
    pub delete: Vec<u32>,
}

const SECS_PER_DAY: u64 = 86_400;

/// The calendar date `(year, month 1-12, day 1-31)` of a time, in UTC.
pub fn civil_date(taken_at_secs: u64) -> (u64, u64, u64) {
    // Days counted from 0000-03-01, so that the leap day ends each 4-year cycle.
    let days = taken_at_secs / SECS_PER_DAY + 719_468;
    let era = days / 146_097;
    let day_of_era = days % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // 0 = March
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

/// The number of the period of kind `rule` that `taken_at_secs` falls in.
pub fn period(rule: Rule, taken_at_secs: u64) -> u64 {
    let day = taken_at_secs / SECS_PER_DAY;
    match rule {
        Rule::Daily => day,
        // Day 0 was a Thursday: shifting by 3 days makes each week start on a Monday.
        Rule::Weekly => (day + 3) / 7,
        Rule::Monthly => {
            let (year, month, _) = civil_date(taken_at_secs);
            year * 12 + month - 1
        }
    }
}

/// Which backups the policy keeps, why, and which it deletes.
pub fn retain(backups: &[Backup], policy: Policy) -> Retention {
    let mut newest_first: Vec<Backup> = backups.to_vec();
    newest_first.sort_by(|a, b| b.taken_at_secs.cmp(&a.taken_at_secs).then(a.id.cmp(&b.id)));

    let mut rules: Vec<Vec<Rule>> = vec![Vec::new(); newest_first.len()];
    for (rule, count) in [
        (Rule::Daily, policy.daily),
        (Rule::Weekly, policy.weekly),
        (Rule::Monthly, policy.monthly),
    ] {
        let mut last_period = None;
        let mut kept = 0;
        for (i, backup) in newest_first.iter().enumerate() {
            if kept == count {
                break;
            }
            // Newest first: the first backup met in a period is the newest one of it.
            let p = period(rule, backup.taken_at_secs);
            if last_period != Some(p) {
                last_period = Some(p);
                kept += 1;
                rules[i].push(rule);
            }
        }
    }

    let mut retention = Retention::default();
    for (backup, rules) in newest_first.iter().zip(rules) {
        if rules.is_empty() {
            retention.delete.push(backup.id);
        } else {
            retention.keep.push(Kept {
                id: backup.id,
                rules,
            });
        }
    }
    retention
}

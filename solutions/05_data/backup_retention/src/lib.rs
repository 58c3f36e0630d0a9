//! # Backup retention
//!
//! Keeping every backup forever costs too much; keeping only the last few leaves nothing to go
//! back to when a problem is noticed weeks late. The classic compromise is
//! *grandfather-father-son* rotation: keep one backup for each of the last few days (sons),
//! weeks (fathers) and months (grandfathers).
//!
//! Times are seconds since the Unix epoch, UTC. A day runs from midnight to midnight, a week
//! from Monday 00:00 to the next Monday (1970-01-01 was a Thursday), a month is a calendar
//! month ([`civil_date`] turns a time into a date).
//!
//! Implement:
//!
//! - [`period`]: the number of the day, week or month a time falls in: days since 1970-01-01,
//!   weeks since the one that began on Monday 1969-12-29, and months as `year * 12 + month - 1`.
//! - [`retain`]: for each rule of the [`Policy`] on its own, walk the backups from newest to
//!   oldest and keep the newest backup of each period, until the rule has kept its count of
//!   periods. Periods without any backup do not count. A backup kept by several rules lists
//!   them all (daily, weekly, monthly); every other backup is deleted. Both lists run newest
//!   first; among backups taken at the same second, the lower id counts as the newer.
//! - [`freshness`]: whether the newest backup is recent enough for the [`Schedule`].
//!
//! ## Task 1: Backup_retention

/// One backup: an id and when it was taken, in seconds since the epoch (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backup {
    pub id: u32,
    pub taken_at: u64,
}

/// How many periods of each kind to keep a backup for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub daily: usize,
    pub weekly: usize,
    pub monthly: usize,
}

/// A retention rule: one kind of period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Daily,
    Weekly,
    Monthly,
}

/// A backup that stays, and every rule that keeps it (in the order daily, weekly, monthly).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kept {
    pub id: u32,
    pub rules: Vec<Rule>,
}

/// The outcome of a retention run, both lists newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Retention {
    pub keep: Vec<Kept>,
    pub delete: Vec<u32>,
}

/// How often backups are taken, and how late one may be before it counts as missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub every_secs: u64,
    pub grace_secs: u64,
}

/// Whether the newest backup is as recent as the schedule promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// There is no backup at all.
    NoBackups,
    /// The newest backup is `age_secs` old, within `every_secs + grace_secs`.
    OnSchedule { age_secs: u64 },
    /// The newest backup is `age_secs` old, `late_secs` past `every_secs + grace_secs`.
    Overdue { age_secs: u64, late_secs: u64 },
}

const SECS_PER_DAY: u64 = 86_400;

/// The calendar date `(year, month 1-12, day 1-31)` of a time, in UTC.
pub fn civil_date(taken_at: u64) -> (u64, u64, u64) {
    // Days counted from 0000-03-01, so that the leap day ends each 4-year cycle.
    let days = taken_at / SECS_PER_DAY + 719_468;
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

/// The number of the period of kind `rule` that `taken_at` falls in.
pub fn period(rule: Rule, taken_at: u64) -> u64 {
    let day = taken_at / SECS_PER_DAY;
    match rule {
        Rule::Daily => day,
        // Day 0 was a Thursday: shifting by 3 days makes each week start on a Monday.
        Rule::Weekly => (day + 3) / 7,
        Rule::Monthly => {
            let (year, month, _) = civil_date(taken_at);
            year * 12 + month - 1
        }
    }
}

/// Which backups the policy keeps, why, and which it deletes.
pub fn retain(backups: &[Backup], policy: Policy) -> Retention {
    let mut newest_first: Vec<Backup> = backups.to_vec();
    newest_first.sort_by(|a, b| b.taken_at.cmp(&a.taken_at).then(a.id.cmp(&b.id)));

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
            let p = period(rule, backup.taken_at);
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

/// How fresh the newest backup is at `now`. A backup stamped after `now` (clock skew) counts
/// as just taken.
pub fn freshness(backups: &[Backup], now: u64, schedule: Schedule) -> Freshness {
    let Some(newest) = backups.iter().map(|b| b.taken_at).max() else {
        return Freshness::NoBackups;
    };
    let age_secs = now.saturating_sub(newest);
    let allowed = schedule.every_secs + schedule.grace_secs;
    if age_secs <= allowed {
        Freshness::OnSchedule { age_secs }
    } else {
        Freshness::Overdue {
            age_secs,
            late_secs: age_secs - allowed,
        }
    }
}

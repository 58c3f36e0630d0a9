//! # backup_freshness: notice when the backups have silently stopped
//!
//! The worst backup failure makes no noise: the job stops running (a moved credential, a full
//! disk, a cron entry lost in a migration) and nobody finds out until a restore is needed. The
//! defence is a watchdog that looks at the result rather than the job: how old is the newest
//! backup, and is that older than the schedule allows? Alerting on the age of the last success
//! rather than on failures is the usual pattern for batch jobs (the Prometheus documentation,
//! "Instrumentation", on batch jobs: export the time of the last success).
//!
//! Backup times are counted in seconds since the Unix epoch, as backup tools stamp them (so
//! `*_secs`, not milliseconds); the watchdog is told the time as `now_secs`.
//!
//! ## Task 1: Find the age of the newest backup
//!
//! [`freshness`] at `now_secs`:
//!
//! - with no backup at all: [`Freshness::NoBackups`];
//! - otherwise the newest backup is the one with the largest `taken_at_secs`, wherever it is
//!   listed, and its age is `now_secs - taken_at_secs`;
//! - a backup stamped after `now_secs` (clock skew) counts as just taken: age 0.
//!
//! Example: backups at 1_000, 5_000 and 3_000 s, judged at 41_000 s against a daily schedule,
//! give `OnSchedule { age_secs: 36_000 }` (10 hours).
//!
//! ## Task 2: Judge the age against the schedule and its grace
//!
//! - An age up to `every_secs + grace_secs`, that bound included, is
//!   [`Freshness::OnSchedule`].
//! - Beyond it, [`Freshness::Overdue`], with `late_secs` the excess over the bound.
//!
//! Example: a daily schedule (`every_secs` 86_400) with 2 hours of grace (7_200): a newest
//! backup 93_600 s old (26 h) is on schedule; 93_601 s old is overdue with `late_secs: 1`.
//!
//! ## Beyond this exercise
//!
//! A fresh backup is not yet a good one: the watchdog says that backups are still being
//! taken, the restore test (`backup_verifier`) that they can come back. Real monitoring also
//! checks each backup's size against the last ones (a backup that shrank by half is
//! suspicious) and alerts on the age of the newest *verified* backup.

/// One backup: an id and when it was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backup {
    /// The backup's id.
    pub id: u32,
    /// When it was taken, in seconds since the epoch (UTC).
    pub taken_at_secs: u64,
}

/// How often backups are taken, and how late one may be before it counts as missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// Seconds between two backups.
    pub every_secs: u64,
    /// How late a backup may be, in seconds, before it counts as missed.
    pub grace_secs: u64,
}

/// Whether the newest backup is as recent as the schedule promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    /// There is no backup at all.
    NoBackups,
    /// The newest backup is `age_secs` old, within `every_secs + grace_secs`.
    OnSchedule {
        /// The age of the newest backup.
        age_secs: u64,
    },
    /// The newest backup is `age_secs` old, `late_secs` past `every_secs + grace_secs`.
    Overdue {
        /// The age of the newest backup.
        age_secs: u64,
        /// How far past `every_secs + grace_secs` it is.
        late_secs: u64,
    },
}

/// How fresh the newest backup is at `now_secs`.
pub fn freshness(backups: &[Backup], now_secs: u64, schedule: Schedule) -> Freshness {
    let Some(newest) = backups.iter().map(|b| b.taken_at_secs).max() else {
        return Freshness::NoBackups;
    };
    // A clock that runs behind the backup host's must not make the age wrap around.
    let age_secs = now_secs.saturating_sub(newest);
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

//! # dr_drill: play a disaster, from the backups to the achieved RPO and RTO (quiz)
//!
//! Until it has been restored and checked, nobody knows whether a backup works: "nobody really
//! wants to make backups; what people really want are restores" (Google, *Site Reliability
//! Engineering*, ch. 26 "Data Integrity"). The AWS Well-Architected Reliability pillar asks the
//! same (REL13: test the disaster-recovery implementation to validate it). Play a disaster from
//! start to finish: backups run on a schedule, disaster strikes, the newest backup is restored
//! and checked against its manifest, and the drill reports the data lost (the achieved RPO) and
//! the time the service was down (the achieved RTO) against the objectives. This quiz brings
//! together 05_data (backups, verification) and 09_recovery (RPO, RTO). All times are in
//! **minutes**, the unit recovery objectives are stated in.
//!
//! ## Task 1: List the backups finished by a given minute
//!
//! [`Schedule::completed_by`]: a run starts every `every` minutes from `first_at` and finishes
//! `takes` minutes later; list the runs finished at or before the minute asked about, oldest
//! first (one finishing at that very minute counts).
//!
//! Example: hourly runs from minute 0 taking 10 minutes: by minute 250, the runs started at 0,
//! 60, 120, 180 and 240; by minute 249, only up to 180; by minute 9, none.
//!
//! ## Task 2: Verify a restore against its manifest
//!
//! [`verify`]: every file the manifest lists must come back with the checksum it records
//! ([`checksum`] is given): a file absent is *missing*, a file with another checksum is
//! *corrupt*; both lists sorted by path. Files that came back but are not in the manifest are
//! ignored. [`Verification::is_clean`]: nothing missing and nothing corrupt.
//!
//! Example: a manifest of `orders.db` and `users.db`, with `users.db` absent and `orders.db`
//! changed: `missing: ["users.db"], corrupt: ["orders.db"]`, not clean.
//!
//! ## Task 3: Time a restore
//!
//! [`restore_minutes`]: the setup time plus one minute for every `bytes_per_minute` bytes of
//! the files that come back, a last partial minute counting as a whole one.
//!
//! Example: 250 bytes at 100 bytes a minute with 5 minutes of setup: 5 + 3 = 8; exactly 200
//! bytes: 7.
//!
//! ## Task 4: Play the drill
//!
//! [`drill`]:
//! - try the runs completed by the disaster, newest first, and record each attempt;
//! - a run the store does not have is [`Outcome::Missing`] and costs no time; any other is
//!   restored and verified, which costs its restore time whether or not it passes;
//! - the first one that verifies clean is put back in service ([`Outcome::Restored`]) and the
//!   drill stops: the data lost is the writes since that run *started*;
//! - the downtime is the detection time plus every restore attempted;
//! - an objective is met when the figure is at most the objective; with nothing restored,
//!   neither is met (and `data_lost` is `None`: all the data is gone).
//!
//! Example: hourly runs from 0 taking 10 minutes, every backup clean and of 250 bytes, the
//! disaster at 250, detected after 10 minutes: the run from 240 is restored; 10 minutes of data
//! lost, 10 + 8 = 18 minutes down; an RPO of 60 and an RTO of 30 are both met.
//!
//! ## Beyond this exercise
//!
//! A real drill restores into an isolated environment and checks the data with the
//! application (row counts, invariants), not only checksums; it replays logs on top of the
//! backup to come closer to the disaster (see `rpo_check`), and it is repeated on a schedule,
//! because a backup that restored last quarter proves little about tonight's.

use std::collections::BTreeMap;

/// A duration or a point in time, in minutes.
pub type Minutes = u64;

/// When backups run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    /// When the first run starts.
    pub first_at: Minutes,
    /// Minutes between two starts, greater than zero.
    pub every: Minutes,
    /// Minutes a run takes.
    pub takes: Minutes,
}

/// One run of the backup job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// The backup holds the data as it was at this minute.
    pub started_at: Minutes,
    /// The backup exists, and can be restored, from this minute on.
    pub finished_at: Minutes,
}

impl Schedule {
    /// The runs finished at or before `at`, oldest first.
    pub fn completed_by(&self, at: Minutes) -> Vec<Run> {
        // TODO (Task 1): the runs finished at or before `at`, oldest first.
        todo!()
    }
}

/// A stored backup.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Backup {
    /// Each file's path and the checksum of its contents, recorded when the backup was taken.
    pub manifest: BTreeMap<String, u64>,
    /// The files a restore gives back: path and contents.
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Where backups are kept, looked up by the minute their run started.
pub trait BackupStore {
    /// The backup of the run started at `started_at`, if the store has it.
    fn fetch(&self, started_at: Minutes) -> Option<&Backup>;
}

impl BackupStore for BTreeMap<Minutes, Backup> {
    fn fetch(&self, started_at: Minutes) -> Option<&Backup> {
        self.get(&started_at)
    }
}

/// The checksum of a file's contents (64-bit FNV-1a).
pub fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// What is wrong with a restored backup, paths sorted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Verification {
    /// Files of the manifest that did not come back.
    pub missing: Vec<String>,
    /// Files that came back with another checksum.
    pub corrupt: Vec<String>,
}

impl Verification {
    /// Whether the restore can go back in service.
    pub fn is_clean(&self) -> bool {
        // TODO (Task 2): clean when nothing is missing and nothing is corrupt.
        todo!()
    }
}

/// Checks what a restore gives back against the backup's manifest.
pub fn verify(backup: &Backup) -> Verification {
    // TODO (Task 2): the manifest's files that did not come back, and those that came back with
    // another checksum, each list sorted by path.
    todo!()
}

/// How fast backups come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestoreSpeed {
    /// Fixed cost of one restore: fetching, preparing, verifying.
    pub setup: Minutes,
    /// Bytes restored per minute, greater than zero.
    pub bytes_per_minute: u64,
}

/// Minutes to restore a backup.
pub fn restore_minutes(backup: &Backup, speed: &RestoreSpeed) -> Minutes {
    // TODO (Task 3): the setup time plus the minutes needed for all the bytes of the backup's files.
    todo!()
}

/// The objectives the drill is judged against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Objectives {
    /// The most minutes of writes that may be lost.
    pub rpo: Minutes,
    /// The most minutes the service may be down.
    pub rto: Minutes,
}

/// The disaster and how the team responds to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disaster {
    /// The minute it strikes.
    pub at: Minutes,
    /// Minutes from the disaster until the first restore starts.
    pub detect: Minutes,
}

/// What happened to one backup the drill tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The schedule says it ran, but the store does not have it.
    Missing,
    /// Restored, but it failed verification.
    Rejected(Verification),
    /// Restored, verified clean, and put back in service.
    Restored,
}

/// One backup tried, identified by the minute its run started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// The start of the backup's run.
    pub started_at: Minutes,
    /// What happened to it.
    pub outcome: Outcome,
}

/// The drill's findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillReport {
    /// Every backup tried, in the order tried.
    pub attempts: Vec<Attempt>,
    /// The start of the run now in service, if any backup was restored.
    pub restored_from: Option<Minutes>,
    /// Minutes of writes lost; `None` when nothing was restored and all the data is gone.
    pub data_lost: Option<Minutes>,
    /// From the disaster to the end of the last restore attempted.
    pub downtime: Minutes,
    /// Whether the data lost is within the RPO.
    pub rpo_met: bool,
    /// Whether the downtime is within the RTO.
    pub rto_met: bool,
}

/// Plays the disaster: finds, restores and verifies backups until one is clean.
pub fn drill(
    schedule: &Schedule,
    store: &impl BackupStore,
    disaster: &Disaster,
    speed: &RestoreSpeed,
    objectives: &Objectives,
) -> DrillReport {
    // TODO (Task 4): try the completed runs newest first until one restores clean, keeping the
    // record of each attempt and the time spent; then the data lost, the downtime and
    // the verdict on each objective.
    todo!()
}

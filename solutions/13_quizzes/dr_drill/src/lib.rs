//! # Quiz: disaster-recovery drill
//!
//! Until it has been restored and checked, nobody knows whether a backup works. Play a
//! disaster from start to finish: backups run on a schedule, disaster strikes, the newest
//! backup is restored and checked against its manifest, and the drill reports the data lost
//! (the achieved RPO) and the time the service was down (the achieved RTO) against the
//! objectives. All times are in minutes.
//!
//! 1. [`Schedule::completed_by`]: the runs finished by a given minute. A run starts every
//!    `every` minutes from `first_at` and finishes `takes` minutes later; one finishing at the
//!    very minute asked about counts.
//! 2. [`verify`]: every file the manifest lists must come back with the checksum it records
//!    ([`checksum`] is given): a file absent is *missing*, a file with another checksum is
//!    *corrupt*. Both lists are sorted by path.
//! 3. [`restore_minutes`]: the setup time plus one minute for every `bytes_per_minute` bytes
//!    restored, a last partial minute counting as a whole one.
//! 4. [`drill`]: try the runs completed by the disaster, newest first. A run the store does not
//!    have is *missing* and costs no time; any other is restored and verified, which costs its
//!    restore time whether or not it passes. The first one that verifies clean is put back in
//!    service: the data lost is the writes since that run *started*. The downtime is the
//!    detection time plus every restore attempted. An objective is met when the figure is at
//!    most the objective; with nothing restored, neither is met.
//!
//! Implement the four, and [`Verification::is_clean`].
//!
//! ## Task 1: Disaster-recovery drill

use std::collections::BTreeMap;

/// A duration or a point in time, in minutes.
pub type Minutes = u64;

/// When backups run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
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
        // The first run finishes at `first_at + takes`, then one more every `every` minutes.
        let Some(since_first) = at.checked_sub(self.first_at + self.takes) else {
            return Vec::new();
        };
        (0..=since_first / self.every)
            .map(|n| {
                let started_at = self.first_at + n * self.every;
                Run {
                    started_at,
                    finished_at: started_at + self.takes,
                }
            })
            .collect()
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
    pub missing: Vec<String>,
    pub corrupt: Vec<String>,
}

impl Verification {
    /// Whether the restore can go back in service.
    pub fn is_clean(&self) -> bool {
        self.missing.is_empty() && self.corrupt.is_empty()
    }
}

/// Checks what a restore gives back against the backup's manifest.
pub fn verify(backup: &Backup) -> Verification {
    let mut verification = Verification::default();
    // The manifest is a BTreeMap: walking it yields the paths already sorted.
    for (path, expected) in &backup.manifest {
        match backup.files.get(path) {
            None => verification.missing.push(path.clone()),
            Some(contents) if checksum(contents) != *expected => {
                verification.corrupt.push(path.clone())
            }
            Some(_) => {}
        }
    }
    verification
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
    let bytes: u64 = backup
        .files
        .values()
        .map(|contents| contents.len() as u64)
        .sum();
    speed.setup + bytes.div_ceil(speed.bytes_per_minute)
}

/// The objectives the drill is judged against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Objectives {
    pub rpo: Minutes,
    pub rto: Minutes,
}

/// The disaster and how the team responds to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disaster {
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
    pub started_at: Minutes,
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
    pub rpo_met: bool,
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
    let mut attempts = Vec::new();
    let mut downtime = disaster.detect;
    let mut restored_from = None;
    for run in schedule.completed_by(disaster.at).iter().rev() {
        let outcome = match store.fetch(run.started_at) {
            None => Outcome::Missing,
            Some(backup) => {
                // A restore that fails verification still took its time.
                downtime += restore_minutes(backup, speed);
                let verification = verify(backup);
                if verification.is_clean() {
                    Outcome::Restored
                } else {
                    Outcome::Rejected(verification)
                }
            }
        };
        let restored = outcome == Outcome::Restored;
        attempts.push(Attempt {
            started_at: run.started_at,
            outcome,
        });
        if restored {
            restored_from = Some(run.started_at);
            break;
        }
    }
    let data_lost = restored_from.map(|started_at| disaster.at - started_at);
    DrillReport {
        attempts,
        restored_from,
        data_lost,
        downtime,
        rpo_met: data_lost.is_some_and(|lost| lost <= objectives.rpo),
        rto_met: restored_from.is_some() && downtime <= objectives.rto,
    }
}

//! # restore_drill: time a restore against the RTO, and find the step worth speeding up
//!
//! A backup is only as good as its restore, and a restore only as good as its time: a drill
//! runs the recovery for real and compares its length with the RTO, the longest downtime the
//! business accepts (the course's section 5.8.2). When the drill misses, the question is which
//! step to make faster. The restore lasts as long as its critical path (the exercise
//! `restore_critical_path`; [`timeline`] here is its model answer, given), so a step off that
//! path is not worth a minute of effort. Even on the path, the gain is not simply the step's
//! own length: once it is faster, a parallel branch may become the longest and take over.
//!
//! Every time is a whole number of minutes (`u64`): restore runbooks and RTOs are planned in
//! minutes.
//!
//! ## Task 1: Time the restore as if one step took no time
//!
//! [`what_if_instant`]: the total of the restore (the `total_minutes` of its [`timeline`]) when
//! the step called `name` takes 0 minutes and every other step keeps its length. The errors of
//! the runbook are passed on.
//!
//! Example, with the runbook `fetch_base` (30), `decrypt` (15, after `fetch_base`), `load`
//! (60, after `decrypt`), `rebuild_indexes` (25, after `load`), `replay_wal` (20, after `load`
//! and `fetch_wal`), `fetch_wal` (10), `verify` (10, after `replay_wal` and
//! `rebuild_indexes`): the restore takes 140 minutes; with an instant `load` it takes 80,
//! with an instant `rebuild_indexes` 135 (`replay_wal` now decides), and with an instant
//! `fetch_wal`, which is off the critical path, still 140.
//!
//! ## Task 2: Judge the drill and name the step worth speeding up
//!
//! [`drill`] returns a [`Report`]:
//!
//! - the [`timeline`];
//! - whether it meets the RTO: finishing exactly at `rto_minutes` meets it;
//! - the step to speed up: of the steps **on the critical path**, the one that, were it
//!   instant, would leave the shortest restore, with that total; on a tie the one earliest on
//!   the path. There is none when there are no steps.
//!
//! Example: the runbook above with an RTO of 120 minutes misses it (140 > 120), and the step
//! to speed up is `load`, which would leave 80 minutes.
//!
//! ## Beyond this exercise
//!
//! Making a step instant is a bound, not a plan: real work buys a few minutes at a time
//! (parallel restore streams, a closer copy of the backup, pre-provisioned machines), and the
//! drill is run again afterwards to see which path now decides. A drill also measures what a
//! plan cannot, such as the time people take to notice, decide and start.

mod timeline;

pub use timeline::{dependencies, finish_times, latest, timeline, DrillError, Step, Timeline};

/// The step worth speeding up, and the total the restore would take if it took no time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeedUp {
    /// The step's name.
    pub step: String,
    /// The restore's total, in minutes, with that step instant.
    pub total_if_instant_minutes: u64,
}

/// The result of a drill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The restore's timeline.
    pub timeline: Timeline,
    /// Whether the restore finishes within the RTO.
    pub meets_rto: bool,
    /// The step worth speeding up; `None` for an empty runbook.
    pub speed_up: Option<SpeedUp>,
}

/// The total of the restore, in minutes, if the step called `name` took no time.
pub fn what_if_instant(steps: &[Step], name: &str) -> Result<u64, DrillError> {
    // TODO: the same runbook with that one step at 0 minutes, and its total.
    todo!()
}

/// Times the restore against an RTO of `rto_minutes` and names the step worth speeding up.
pub fn drill(steps: &[Step], rto_minutes: u64) -> Result<Report, DrillError> {
    // TODO: the timeline, the verdict against the RTO, and the critical-path step whose
    // instant version leaves the shortest restore (the earliest on a tie).
    todo!()
}

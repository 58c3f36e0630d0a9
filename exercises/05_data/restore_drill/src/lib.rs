//! # Restore drill
//!
//! A backup nobody has restored is a hope, not a plan. A restore drill runs the whole recovery
//! for real and times it against the RTO, the longest outage the business accepts. A restore
//! is a set of steps (fetch the base backup, decrypt it, load it, replay the logs, rebuild the
//! indexes, warm the cache, switch traffic...), some of which must wait for others while the
//! rest run in parallel. The restore takes as long as its *critical path*: the chain of
//! waiting steps that finishes last. Speeding up a step off that path gains nothing.
//!
//! Implement:
//!
//! - [`timeline`]: each step starts once every step in its `after` list has finished (at once
//!   if the list is empty) and runs for its `duration`. Return the total time (when the last
//!   step finishes) and the critical path, first step first. Walk it back from the step that
//!   finishes last, each time to the predecessor that finishes last; on a tie take the one
//!   listed first (in the input for the last step, in `after` for a predecessor). Refuse, in
//!   this order: a name used twice ([`DrillError::DuplicateStep`], at the first step whose
//!   name an earlier step already has); a dependency on no known step
//!   ([`DrillError::UnknownDependency`], the first in input order); steps that wait on a
//!   cycle and so can never start ([`DrillError::Cycle`], all of them, in input order).
//! - [`drill`]: the timeline, whether it meets the RTO (finishing exactly at the RTO does),
//!   and which step to speed up: the step of the critical path that, were it instant, would
//!   shorten the restore most (the earliest on the path on a tie), with the total it would
//!   leave. There is none when there are no steps.
//!
//! ## Task 1: Restore_drill

use std::time::Duration;

/// One step of the restore runbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub name: String,
    pub duration: Duration,
    /// The steps that must finish before this one can start.
    pub after: Vec<String>,
}

/// Why the runbook cannot be timed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DrillError {
    /// Two steps have this name.
    DuplicateStep { name: String },
    /// `step` waits for `needs`, which is not a step of the runbook.
    UnknownDependency { step: String, needs: String },
    /// These steps wait, directly or not, on a cycle: they can never start.
    Cycle { steps: Vec<String> },
}

/// How long the restore takes, and the chain of steps that decides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub total: Duration,
    pub critical_path: Vec<String>,
}

/// The step worth speeding up, and the total time if it took no time at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeedUp {
    pub step: String,
    pub total_if_instant: Duration,
}

/// The result of a drill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub timeline: Timeline,
    pub meets_rto: bool,
    pub speed_up: Option<SpeedUp>,
}

/// The total restore time and the critical path of `steps`.
pub fn timeline(steps: &[Step]) -> Result<Timeline, DrillError> {
    // TODO: refuse bad runbooks (the three checks, in order), then the finish time of every
    // step, the total, and the critical path walked back from the step that finishes last.
    todo!()
}

/// Times the restore against the `rto` and names the step worth speeding up.
pub fn drill(steps: &[Step], rto: Duration) -> Result<Report, DrillError> {
    // TODO: the timeline, the verdict against `rto`, and the critical-path step whose
    // removal would leave the shortest restore.
    todo!()
}

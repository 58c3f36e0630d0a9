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

use std::collections::HashMap;
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
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, step) in steps.iter().enumerate() {
        if index.insert(step.name.as_str(), i).is_some() {
            return Err(DrillError::DuplicateStep {
                name: step.name.clone(),
            });
        }
    }
    let mut deps: Vec<Vec<usize>> = Vec::with_capacity(steps.len());
    for step in steps {
        let mut own = Vec::with_capacity(step.after.len());
        for needs in &step.after {
            let Some(&d) = index.get(needs.as_str()) else {
                return Err(DrillError::UnknownDependency {
                    step: step.name.clone(),
                    needs: needs.clone(),
                });
            };
            own.push(d);
        }
        deps.push(own);
    }

    // Schedule in passes: a step is timed once all its predecessors are. A pass that times
    // nothing new means the rest wait on a cycle.
    let mut finish: Vec<Option<Duration>> = vec![None; steps.len()];
    loop {
        let mut progress = false;
        for i in 0..steps.len() {
            if finish[i].is_some() {
                continue;
            }
            let ready: Option<Vec<Duration>> = deps[i].iter().map(|&d| finish[d]).collect();
            if let Some(ends) = ready {
                let start = ends.into_iter().max().unwrap_or_default();
                finish[i] = Some(start + steps[i].duration);
                progress = true;
            }
        }
        if !progress {
            break;
        }
    }
    let stuck: Vec<String> = steps
        .iter()
        .zip(&finish)
        .filter(|(_, f)| f.is_none())
        .map(|(s, _)| s.name.clone())
        .collect();
    if !stuck.is_empty() {
        return Err(DrillError::Cycle { steps: stuck });
    }
    let finish: Vec<Duration> = finish.into_iter().flatten().collect();

    let Some(mut last) = latest(0..steps.len(), &finish) else {
        return Ok(Timeline {
            total: Duration::ZERO,
            critical_path: Vec::new(),
        });
    };
    let total = finish[last];
    let mut path = vec![steps[last].name.clone()];
    while let Some(before) = latest(deps[last].iter().copied(), &finish) {
        path.push(steps[before].name.clone());
        last = before;
    }
    path.reverse();
    Ok(Timeline {
        total,
        critical_path: path,
    })
}

/// The first of `candidates` with the latest finish time.
fn latest(candidates: impl Iterator<Item = usize>, finish: &[Duration]) -> Option<usize> {
    candidates.fold(None, |best, i| match best {
        Some(b) if finish[b] >= finish[i] => Some(b),
        _ => Some(i),
    })
}

/// Times the restore against the `rto` and names the step worth speeding up.
pub fn drill(steps: &[Step], rto: Duration) -> Result<Report, DrillError> {
    let timeline = timeline(steps)?;
    let mut speed_up: Option<SpeedUp> = None;
    for name in &timeline.critical_path {
        // What if this one step took no time? Parallel branches may then take over.
        let what_if: Vec<Step> = steps
            .iter()
            .map(|s| Step {
                duration: if &s.name == name {
                    Duration::ZERO
                } else {
                    s.duration
                },
                ..s.clone()
            })
            .collect();
        let total_if_instant = self::timeline(&what_if)?.total;
        if speed_up
            .as_ref()
            .is_none_or(|best| total_if_instant < best.total_if_instant)
        {
            speed_up = Some(SpeedUp {
                step: name.clone(),
                total_if_instant,
            });
        }
    }
    Ok(Report {
        meets_rto: timeline.total <= rto,
        timeline,
        speed_up,
    })
}

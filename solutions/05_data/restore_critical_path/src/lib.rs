//! # restore_critical_path: a restore takes as long as its longest chain of waits
//!
//! A restore is a runbook of steps (fetch the base backup, decrypt it, load it, replay the
//! logs, rebuild the indexes, switch traffic...), some of which must wait for others while the
//! rest run in parallel. It does not take the sum of its steps: it takes as long as its
//! *critical path*, the chain of waiting steps that ends last. That is the chain to work on
//! when a drill misses the RTO (the recovery time objective, the longest tolerable downtime:
//! the course's section 5.8.2). Critical-path scheduling itself comes from project management:
//! the critical path method (CPM), developed at DuPont in the late 1950s.
//!
//! Restore runbooks and RTOs are planned in minutes, so every time here is a whole number of
//! minutes (`u64`), counted from the start of the restore. [`dependencies`] (given) refuses a
//! name used twice and a wait for a step that does not exist, and turns each step's `after`
//! list into indices.
//!
//! ## Task 1: Time every step from the steps it waits for
//!
//! [`finish_times`]: the minute at which each step finishes, in the order of the input.
//!
//! - A step starts once every step of its `after` list has finished (at minute 0 if the list is
//!   empty), and finishes `minutes` later.
//! - The steps may be listed in any order: a step may come before the steps it waits for.
//! - Steps that wait, directly or not, on a cycle can never start: refuse them with
//!   [`DrillError::Cycle`], listing all of them (the cycle and every step waiting on it), in
//!   input order. The errors of [`dependencies`] come first.
//!
//! Example: `fetch` (30 min), `decrypt` (15 min, after `fetch`), `provision` (20 min) finish
//! at `[30, 45, 20]`; `a` after `b` and `b` after `a` give `Cycle { steps: ["a", "b"] }`.
//!
//! ## Task 2: Walk the critical path back from the last step
//!
//! [`timeline`]: the total (when the last step finishes, 0 for no steps) and the critical path,
//! first step first.
//!
//! - The path ends with the step that finishes last; on a tie, the one listed first in the
//!   input.
//! - From there, step back each time to the predecessor that finishes last; on a tie, the one
//!   listed first in `after`. Stop at a step that waits for nothing.
//! - [`latest`] (given) picks the first of several candidates with the latest finish time.
//!
//! Example: `copy_snapshot` (50), `request_key` (45), `unwrap_key` (10, after `request_key`),
//! `decrypt` (5, after `copy_snapshot` and `unwrap_key`) take 60 minutes, and the critical
//! path is `request_key`, `unwrap_key`, `decrypt`: the short `unwrap_key` finishes at 55, after
//! `copy_snapshot`.
//!
//! ## Beyond this exercise
//!
//! Real durations vary from drill to drill, so planners keep a margin or time each step's
//! spread (PERT); steps also compete for shared resources (one network link, one database),
//! which a pure dependency graph ignores.

use std::collections::HashMap;

/// One step of the restore runbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The step's name, unique in the runbook.
    pub name: String,
    /// How long the step runs, in minutes.
    pub minutes: u64,
    /// The names of the steps that must finish before this one can start.
    pub after: Vec<String>,
}

/// Why the runbook cannot be timed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DrillError {
    /// Two steps have this name.
    DuplicateStep {
        /// The name used twice.
        name: String,
    },
    /// `step` waits for `needs`, which is not a step of the runbook.
    UnknownDependency {
        /// The step that waits.
        step: String,
        /// The name it waits for.
        needs: String,
    },
    /// These steps wait, directly or not, on a cycle: they can never start.
    Cycle {
        /// Every such step, in input order.
        steps: Vec<String>,
    },
}

impl std::fmt::Display for DrillError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DrillError::DuplicateStep { name } => write!(f, "two steps are called {name}"),
            DrillError::UnknownDependency { step, needs } => {
                write!(
                    f,
                    "{step} waits for {needs}, which is no step of the runbook"
                )
            }
            DrillError::Cycle { steps } => {
                write!(f, "these steps can never start: {}", steps.join(", "))
            }
        }
    }
}

impl std::error::Error for DrillError {}

/// How long the restore takes, and the chain of steps that decides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// When the last step finishes, in minutes from the start.
    pub total_minutes: u64,
    /// The critical path, first step first.
    pub critical_path: Vec<String>,
}

/// For each step, the indices of the steps it waits for, in the order of its `after` list.
/// Refuses, in this order, a name used twice (the first step whose name an earlier step
/// already has) and a wait for an unknown step (the first in input order).
pub fn dependencies(steps: &[Step]) -> Result<Vec<Vec<usize>>, DrillError> {
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, step) in steps.iter().enumerate() {
        if index.insert(step.name.as_str(), i).is_some() {
            return Err(DrillError::DuplicateStep {
                name: step.name.clone(),
            });
        }
    }
    steps
        .iter()
        .map(|step| {
            step.after
                .iter()
                .map(|needs| {
                    index.get(needs.as_str()).copied().ok_or_else(|| {
                        DrillError::UnknownDependency {
                            step: step.name.clone(),
                            needs: needs.clone(),
                        }
                    })
                })
                .collect()
        })
        .collect()
}

/// The first of `candidates` with the latest finish time, or `None` if there are none.
pub fn latest(candidates: impl IntoIterator<Item = usize>, finish: &[u64]) -> Option<usize> {
    candidates.into_iter().fold(None, |best, i| match best {
        Some(b) if finish[b] >= finish[i] => Some(b),
        _ => Some(i),
    })
}

/// The minute at which each step finishes, in input order.
pub fn finish_times(steps: &[Step]) -> Result<Vec<u64>, DrillError> {
    let deps = dependencies(steps)?;
    // Time the steps in passes: a step is timed once all its predecessors are. A pass that
    // times nothing new means the rest wait on a cycle.
    let mut finish: Vec<Option<u64>> = vec![None; steps.len()];
    let mut progress = true;
    while progress {
        progress = false;
        for i in 0..steps.len() {
            if finish[i].is_some() {
                continue;
            }
            let ends: Option<Vec<u64>> = deps[i].iter().map(|&d| finish[d]).collect();
            if let Some(ends) = ends {
                let start = ends.into_iter().max().unwrap_or(0);
                finish[i] = Some(start + steps[i].minutes);
                progress = true;
            }
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
    Ok(finish.into_iter().flatten().collect())
}

/// The total restore time and the critical path of `steps`.
pub fn timeline(steps: &[Step]) -> Result<Timeline, DrillError> {
    let finish = finish_times(steps)?;
    let deps = dependencies(steps)?;
    let Some(mut last) = latest(0..steps.len(), &finish) else {
        return Ok(Timeline {
            total_minutes: 0,
            critical_path: Vec::new(),
        });
    };
    let total_minutes = finish[last];
    // Walk back: the step that held each one up is the predecessor that finished last.
    let mut path = vec![steps[last].name.clone()];
    while let Some(before) = latest(deps[last].iter().copied(), &finish) {
        path.push(steps[before].name.clone());
        last = before;
    }
    path.reverse();
    Ok(Timeline {
        total_minutes,
        critical_path: path,
    })
}

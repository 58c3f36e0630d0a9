//! The timeline of a restore runbook, given: it is the model answer of the exercise
//! `restore_critical_path`. Every time is a whole number of minutes.

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

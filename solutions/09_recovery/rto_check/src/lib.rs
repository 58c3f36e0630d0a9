//! # RTO check
//!
//! The recovery time objective (RTO) is the longest the service may stay down. Its clock
//! starts when the outage starts, not when someone notices: detecting the outage and deciding
//! to recover count as much as the recovery itself. Decide whether a runbook meets an RTO, by
//! how much it misses, and which steps make it as slow as it is.
//!
//! Rules (all times in minutes):
//! - a runbook is a list of stages run one after the other; the steps of a stage run in
//!   parallel, so a stage lasts as long as its slowest step (an empty stage takes no time);
//! - the total is the detection time, then the decision time, then every stage. A runbook
//!   whose steps are all automated needs no decision: it starts on its own once the outage is
//!   detected. A single manual step puts a human, and the decision time, back in the loop;
//! - the slowest path is the slowest step of each stage, in order (the first listed on a tie;
//!   nothing for an empty stage);
//! - the runbook meets the RTO when the total is at most the RTO; otherwise `over_by` says
//!   how many minutes must be cut (zero when it meets it).
//!
//! Implement [`stage_minutes`], [`needs_decision`] and [`check`].
//!
//! ## Task 1: Rto_check

/// A duration, in minutes.
pub type Minutes = u64;

/// One action of the runbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub name: String,
    pub minutes: Minutes,
    /// Run by a machine (true) or by a person (false).
    pub automated: bool,
}

impl Step {
    /// A step a person carries out.
    pub fn manual(name: &str, minutes: Minutes) -> Step {
        Step {
            name: name.to_string(),
            minutes,
            automated: false,
        }
    }

    /// A step a machine carries out.
    pub fn automated(name: &str, minutes: Minutes) -> Step {
        Step {
            name: name.to_string(),
            minutes,
            automated: true,
        }
    }
}

/// A recovery runbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Runbook {
    /// From the start of the outage until it is detected.
    pub detect: Minutes,
    /// From detection until a person decides to run the runbook.
    pub decide: Minutes,
    /// Stages in the order they run; the steps of each stage run in parallel.
    pub stages: Vec<Vec<Step>>,
}

/// The answer of a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Minutes from the start of the outage to the end of the recovery.
    pub total: Minutes,
    pub meets: bool,
    /// Minutes to cut for the runbook to meet the RTO; zero when it does.
    pub over_by: Minutes,
    /// Names of the slowest step of each stage, in the order they run.
    pub slowest_path: Vec<String>,
}

/// How long a stage of parallel steps lasts.
pub fn stage_minutes(stage: &[Step]) -> Minutes {
    stage.iter().map(|step| step.minutes).max().unwrap_or(0)
}

/// Whether a person must decide before the runbook starts.
pub fn needs_decision(runbook: &Runbook) -> bool {
    runbook.stages.iter().flatten().any(|step| !step.automated)
}

/// Times the runbook from the start of the outage and checks it against the RTO.
pub fn check(runbook: &Runbook, rto: Minutes) -> Verdict {
    let decide = if needs_decision(runbook) {
        runbook.decide
    } else {
        0
    };
    let stages: Minutes = runbook
        .stages
        .iter()
        .map(|stage| stage_minutes(stage))
        .sum();
    let total = runbook.detect + decide + stages;

    let slowest_path = runbook
        .stages
        .iter()
        .filter_map(|stage| {
            // `max_by_key` keeps the last of equal keys: walking backwards keeps the first.
            stage.iter().rev().max_by_key(|step| step.minutes)
        })
        .map(|step| step.name.clone())
        .collect();

    Verdict {
        total,
        meets: total <= rto,
        over_by: total.saturating_sub(rto),
        slowest_path,
    }
}

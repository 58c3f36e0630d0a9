//! # rto_check: time a runbook from the start of the outage, and find what makes it slow
//!
//! The recovery time objective (RTO) is the longest the service may stay down. Its clock
//! starts when the outage starts, not when someone notices: detecting the outage and deciding
//! to recover count as much as the recovery itself (AWS, "Disaster Recovery of Workloads on
//! AWS", defines the RTO as the delay between the interruption and the restoration of service;
//! the Google SRE Workbook, ch. 9 "Incident Response", on the cost of getting humans in the
//! loop). Decide whether a runbook meets an RTO, by how much it misses, and which steps make
//! it as slow as it is. Times are in **minutes**, the unit RTOs are stated in.
//!
//! ## Task 1: Time a stage of parallel steps
//!
//! The steps of a stage run in parallel, so [`stage_minutes`] is the time of its slowest step;
//! an empty stage takes no time.
//!
//! Example: steps of 30, 45 and 20 minutes: 45 (not 95).
//!
//! ## Task 2: Tell when a human must decide
//!
//! [`needs_decision`]: a runbook whose steps are all automated starts on its own once the
//! outage is detected; a single manual step, in any stage, puts a human (and the decision
//! time) back in the loop. A runbook with no steps has nothing to decide.
//!
//! Example: "promote replica" and "repoint DNS", both automated: no decision. Add a manual
//! "smoke test": a decision is needed.
//!
//! ## Task 3: Time the runbook from the start of the outage
//!
//! In [`check`], `total` is the detection time, then the decision time (only if one is
//! needed), then every stage one after the other.
//!
//! Example: detection 5, decision 10, stages lasting 20, 40, 10 and 5 with a manual step among
//! them: 5 + 10 + 75 = 90 minutes.
//!
//! ## Task 4: Name the slowest path
//!
//! `slowest_path` names the slowest step of each stage, in the order the stages run (the first
//! listed on a tie; nothing for an empty stage): the steps to speed up first.
//!
//! Example: for the runbook of Task 3, `["provision server", "restore database", "replay
//! logs", "smoke test"]`.
//!
//! ## Task 5: Meet or miss the RTO
//!
//! The runbook meets the RTO when the total is at most the RTO; otherwise `over_by` says how
//! many minutes must be cut (zero when it meets it).
//!
//! Example: a total of 90 against an RTO of 60: `meets: false, over_by: 30`; against 90:
//! `meets: true, over_by: 0`.
//!
//! ## Beyond this exercise
//!
//! Real steps have dependencies rather than neat stages (a critical path over a graph), their
//! durations vary from one drill to the next (plan with the slow ones), and the only trustworthy
//! figures are those measured in a rehearsal: the quiz `dr_drill` plays one.

/// A duration, in minutes.
pub type Minutes = u64;

/// One action of the runbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What the step does.
    pub name: String,
    /// How long it takes.
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
    /// True when the total is at most the RTO.
    pub meets: bool,
    /// Minutes to cut for the runbook to meet the RTO; zero when it does.
    pub over_by: Minutes,
    /// Names of the slowest step of each stage, in the order they run.
    pub slowest_path: Vec<String>,
}

/// How long a stage of parallel steps lasts.
pub fn stage_minutes(stage: &[Step]) -> Minutes {
    // TODO (Task 1): the time of the slowest step; an empty stage takes no time.
    todo!()
}

/// Whether a person must decide before the runbook starts.
pub fn needs_decision(runbook: &Runbook) -> bool {
    // TODO (Task 2): whether any step of any stage is manual.
    todo!()
}

/// Times the runbook from the start of the outage and checks it against the RTO.
pub fn check(runbook: &Runbook, rto: Minutes) -> Verdict {
    // TODO: the total from the start of the outage (Task 3), the slowest step of each stage
    // (Task 4), whether it meets the RTO and the minutes over it (Task 5).
    todo!()
}

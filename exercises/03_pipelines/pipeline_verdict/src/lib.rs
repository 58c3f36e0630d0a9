//! # pipeline_verdict: a run passes only if every required stage passed
//!
//! A pipeline is the list of checks a change must get through before it may be merged or
//! released: lint, unit tests, a security scan, a build. Which of them are *required* is policy,
//! decided ahead of time and kept apart from the run itself, so that a run cannot make itself
//! green by leaving something out. The verdict therefore starts from the required list and asks
//! of each entry: did this stage pass? A stage that failed, was skipped, was cancelled or never
//! reported at all is not a pass. GitHub's branch protection works this way: a required status
//! check that never reported keeps the pull request blocked ("Expected — waiting for status to
//! be reported").
//!
//! ## Task 1: List the required stages that block the run
//!
//! - [`blocking`] returns the names in `required` whose stage did not pass, in the order of
//!   `required`.
//! - A stage passes only with the status [`Status::Passed`]. `Failed`, `Skipped` and `Cancelled`
//!   block, and so does a required stage with no result at all.
//! - A stage may have run more than once (a re-run after a flaky failure): the **last** result
//!   for that name in `results` is the one that counts.
//! - Stages that are not required never block, whatever their status.
//!
//! Example: required `["lint", "test", "scan"]`, results `lint Passed`, `test Failed`,
//! `docs Failed`, `test Passed` (a re-run) → blocking is `["scan"]`: `test` passed on its
//! re-run, `docs` is not required, and `scan` never reported.
//!
//! ## Task 2: Give the verdict of the run
//!
//! [`passes`] is true exactly when no required stage blocks. A pipeline that requires nothing
//! passes (there is nothing to wait for).
//!
//! Example: with the inputs above `passes` is false; if a `scan Passed` result is appended, it
//! is true.
//!
//! ## Beyond this exercise
//!
//! Real CI systems have more statuses (pending, neutral, timed out) and their own traps:
//! GitHub Actions reports a job skipped by an `if:` condition as *success* to branch protection,
//! so a required check can "pass" without running; guard against that by requiring a final job
//! that fails unless its dependencies really succeeded. Required checks are also usually tied to
//! the app that reports them, so that another workflow cannot post a fake success under the
//! same name.

/// The outcome of one stage of a pipeline run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The stage ran and succeeded.
    Passed,
    /// The stage ran and failed.
    Failed,
    /// The stage did not run (for instance because a stage it needs failed).
    Skipped,
    /// The stage was stopped before it finished.
    Cancelled,
}

/// One result reported by a pipeline run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageResult {
    /// The stage's name, as policy refers to it.
    pub stage: String,
    /// What happened to it.
    pub status: Status,
}

impl StageResult {
    /// A result for the stage `stage`.
    pub fn new(stage: &str, status: Status) -> Self {
        Self {
            stage: stage.to_string(),
            status,
        }
    }
}

/// The required stages (from `required`, in its order) that did not pass in `results`.
pub fn blocking<'a>(required: &[&'a str], results: &[StageResult]) -> Vec<&'a str> {
    // TODO: for each required name, find its latest result; keep the names that did not pass.
    todo!()
}

/// Whether the run passes: every required stage passed.
pub fn passes(required: &[&str], results: &[StageResult]) -> bool {
    // TODO: the verdict, from the blocking stages.
    todo!()
}

//! # stage_waves: a pipeline as a graph of stages, run in dependency waves
//!
//! A pipeline file does not list its stages in a fixed line: each stage says which stages it
//! *needs* (GitLab CI's `needs:`, GitHub Actions' `needs:`), and the runner works out the order.
//! Stages that do not depend on each other run side by side, which is what keeps a pipeline
//! fast; a stage whose inputs failed is not run at all, which is what keeps it honest. Two
//! operational facts follow: a dependency cycle can never start, so it must be refused with a
//! message that says where the cycle is, and a failure should stop only the stages that depend
//! on it, so that the other checks still report (one red stage should not hide three others).
//!
//! Stage names are unique within a pipeline (this is assumed, not checked).
//!
//! ## Task 1: Plan the stages in dependency waves
//!
//! [`waves`] returns the stages grouped into waves:
//! - first, every need must name a stage of the pipeline; otherwise the error is
//!   [`GraphError::UnknownNeed`] for the first such need (stages in the order given, each
//!   stage's needs in its order);
//! - the first wave holds the stages with no needs; each next wave holds every stage not yet
//!   planned whose needs are **all in earlier waves** (never in the same wave);
//! - inside a wave, stages keep the order in which the pipeline lists them.
//!
//! Example: `lint`, `unit`, `build` (needs nothing), `image` (needs `build`), `e2e` (needs
//! `image`, `unit`), `sbom` (needs `build`) → `[[lint, unit, build], [image, sbom], [e2e]]`.
//!
//! ## Task 2: Name the cycle that stops the plan
//!
//! When stages remain but none of them can go into the next wave, they wait on each other and
//! [`waves`] returns [`GraphError::Cycle`] naming one cycle, found like this: start at the first
//! remaining stage (in pipeline order), move to its first need that is also remaining (in its
//! needs' order), and repeat until you reach a stage already on your path. The cycle is the path
//! from that stage's first visit to its second, both included.
//!
//! Example: `a` (needs `b`), `b` (needs `c`), `c` (needs `b`), `d` (needs nothing) → the path is
//! `a → b → c → b`, so the error is `Cycle(["b", "c", "b"])` (`a` only waits on the cycle).
//! A stage that needs itself gives `Cycle(["x", "x"])`.
//!
//! ## Task 3: Run the waves, skipping only what depends on a failure
//!
//! [`run`] plans first: a graph error is returned before any stage runs. Then it goes through
//! the waves in order, each stage in its wave's order:
//! - a stage whose needs all passed is executed: `execute(name)` returning true makes it
//!   [`Outcome::Passed`], false makes it [`Outcome::Failed`];
//! - a stage with a need that failed or was skipped is [`Outcome::Skipped`], and is not
//!   executed; so a failure skips its dependants, their dependants, and so on;
//! - every other stage still runs. The result lists every stage with its outcome, in run order.
//!
//! Example: in the pipeline of task 1, if `build` fails, `image`, `sbom` and `e2e` are
//! skipped; `lint` and `unit` still run, and the result is `lint Passed, unit Passed,
//! build Failed, image Skipped, sbom Skipped, e2e Skipped`.
//!
//! ## Beyond this exercise
//!
//! Real runners do not wait for a whole wave: GitLab and GitHub start a job as soon as its own
//! needs are done, and they bound the jobs running at once by the runners available. They also
//! let a stage run when a need failed (`when: on_failure`, `if: failure()`, `allow_failure`)
//! for clean-up and notifications, cancel a run's remaining stages when a newer commit arrives,
//! and check the graph when the pipeline file is saved rather than when it runs.

use std::collections::HashSet;

/// One stage of a pipeline and the stages it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// The stage's name, unique in its pipeline.
    pub name: String,
    /// The names of the stages that must pass before this one may run.
    pub needs: Vec<String>,
}

impl Stage {
    /// A stage named `name` that needs the stages `needs`.
    pub fn new(name: &str, needs: &[&str]) -> Self {
        Self {
            name: name.to_string(),
            needs: needs.iter().map(|n| n.to_string()).collect(),
        }
    }
}

/// Why a pipeline's stages cannot be planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphError {
    /// `stage` needs `need`, which is not a stage of the pipeline.
    UnknownNeed {
        /// The stage with the bad need.
        stage: String,
        /// The name that matches no stage.
        need: String,
    },
    /// These stages wait on each other; the first name is repeated at the end.
    Cycle(Vec<String>),
}

impl std::fmt::Display for GraphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GraphError::UnknownNeed { stage, need } => {
                write!(f, "stage {stage} needs {need}, which is not a stage")
            }
            GraphError::Cycle(path) => write!(f, "dependency cycle: {}", path.join(" -> ")),
        }
    }
}

impl std::error::Error for GraphError {}

/// What happened to one stage in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Executed and succeeded.
    Passed,
    /// Executed and failed.
    Failed,
    /// Not executed, because a stage it needs failed or was skipped.
    Skipped,
}

/// The stages grouped into dependency waves, or why they cannot be.
pub fn waves(stages: &[Stage]) -> Result<Vec<Vec<String>>, GraphError> {
    for stage in stages {
        let unknown = stage
            .needs
            .iter()
            .find(|need| !stages.iter().any(|s| &s.name == *need));
        if let Some(need) = unknown {
            return Err(GraphError::UnknownNeed {
                stage: stage.name.clone(),
                need: need.clone(),
            });
        }
    }
    let mut planned: HashSet<&str> = HashSet::new();
    let mut waves = Vec::new();
    while planned.len() < stages.len() {
        let wave: Vec<&str> = stages
            .iter()
            .filter(|s| !planned.contains(s.name.as_str()))
            .filter(|s| s.needs.iter().all(|n| planned.contains(n.as_str())))
            .map(|s| s.name.as_str())
            .collect();
        if wave.is_empty() {
            return Err(GraphError::Cycle(find_cycle(stages, &planned)));
        }
        // Only now are this wave's stages planned: a stage never shares a wave with its needs.
        planned.extend(&wave);
        waves.push(wave.into_iter().map(String::from).collect());
    }
    Ok(waves)
}

/// One cycle among the stages not in `planned`, found as task 2 describes. Every remaining
/// stage has at least one remaining need (or it would have been planned), so the walk never
/// gets stuck, and with finitely many stages it must come back to one it has seen.
fn find_cycle(stages: &[Stage], planned: &HashSet<&str>) -> Vec<String> {
    let remaining = |name: &&String| !planned.contains(name.as_str());
    let mut path: Vec<&String> = vec![stages.iter().map(|s| &s.name).find(remaining).unwrap()];
    loop {
        let current = stages.iter().find(|s| &s.name == path[path.len() - 1]);
        let next = current.unwrap().needs.iter().find(remaining).unwrap();
        if let Some(first_visit) = path.iter().position(|p| *p == next) {
            let mut cycle: Vec<String> =
                path[first_visit..].iter().map(|p| p.to_string()).collect();
            cycle.push(next.clone());
            return cycle;
        }
        path.push(next);
    }
}

/// Runs the pipeline wave by wave, executing each stage whose needs all passed, and returns
/// every stage's outcome in run order.
pub fn run(
    stages: &[Stage],
    mut execute: impl FnMut(&str) -> bool,
) -> Result<Vec<(String, Outcome)>, GraphError> {
    let plan = waves(stages)?;
    let mut outcomes: Vec<(String, Outcome)> = Vec::new();
    for name in plan.into_iter().flatten() {
        let stage = stages.iter().find(|s| s.name == name).unwrap();
        // Every need ran in an earlier wave, so its outcome is already known.
        let needs_passed = stage
            .needs
            .iter()
            .all(|need| outcomes.contains(&(need.clone(), Outcome::Passed)));
        let outcome = if !needs_passed {
            Outcome::Skipped
        } else if execute(&name) {
            Outcome::Passed
        } else {
            Outcome::Failed
        };
        outcomes.push((name, outcome));
    }
    Ok(outcomes)
}

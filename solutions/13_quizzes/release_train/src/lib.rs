//! # Quiz: release_train, from one build to all of production, or back
//!
//! A release train carries **one** artifact, named by its digest, through every stage: built
//! once, checked by the pipeline's gates, validated in staging, then released to production
//! as a canary whose share grows step by step while it is judged against the baseline, until
//! it is promoted to all traffic or rolled back. [`ReleaseTrain::handle`] takes one [`Event`]
//! at a time and moves the train through its [`Stage`]s. Write `Sample::error_ppm`,
//! `traffic_percent` and `handle` (`same_artifact` is given; add private helpers as you like).
//!
//! ## Task 1: Gate the build and validate it in staging
//!
//! - `Built` + [`Event::Gates`]: the tests must have passed and there must be no critical
//!   vulnerability. If so the artifact goes to `Staging`; if not, the train stops with
//!   `Rejected(Rejection::Gates(..))` listing **every** failure, tests first.
//! - `Staging` + [`Event::StagingChecked`]: healthy starts the canary at its first step
//!   (`Canary { step: 0, holds: 0 }`), or promotes at once if the policy has no canary steps;
//!   unhealthy stops the train with `Rejected(Rejection::Staging)`.
//!
//! Example: failing tests and 2 critical findings give `Rejected(Gates([TestsFailed,
//! CriticalVulnerabilities { count: 2 }]))`; passing gates then a healthy staging check give
//! `Canary { step: 0, holds: 0 }`, with `traffic_percent()` 5 for steps `[5, 25, 50]`.
//!
//! ## Task 2: Grow the canary step by step against its baseline
//!
//! `Canary` + [`Event::CanaryWindow`] judges one analysis window, in this order:
//! - either population with fewer than `min_requests` requests (or none) is a *hold*: same
//!   step, one more hold; a hold beyond `max_holds` at that step rolls back with `NoVerdict`
//!   (no evidence in time, no promotion);
//! - the canary's error rate above `ceiling_ppm` rolls back (`AboveCeiling`);
//! - the canary's rate above the baseline's plus `margin_ppm` rolls back
//!   (`WorseThanBaseline`); exactly at it is fine;
//! - otherwise the step passes: the next step with no holds, or `Promoted` after the last.
//!
//! Error rates are in parts per million, rounded down (1 % = 10 000 ppm); 0 with no requests.
//! [`ReleaseTrain::traffic_percent`] is the current step's percentage during the canary, 100
//! once promoted, 0 otherwise.
//!
//! Example: with a minimum of 1 000 requests, a margin of 2 000 ppm and a ceiling of
//! 50 000 ppm, a window with 9 errors in 1 000 canary requests against 10 in 10 000 for the
//! baseline rolls back as `WorseThanBaseline { canary_ppm: 9_000, baseline_ppm: 1_000 }`;
//! three clean windows take the traffic from 5 % to 25 %, 50 % and 100 %.
//!
//! ## Task 3: Refuse events out of stage or for another artifact
//!
//! Refusals leave the train as it was:
//! - an event that does not belong to the current stage (any event once the train is
//!   promoted, rejected or rolled back) gives [`TrainError::WrongStage`];
//! - a staging check or canary window for another digest gives [`TrainError::WrongArtifact`]:
//!   the artifact judged must be the one that was built. The stage is checked first.
//!
//! Example: a canary window right after the build gives `WrongStage { stage: Built }`; a staging
//! check of `sha256:60303ae22b99` on a train built from `sha256:9f86d081884c` gives
//! `WrongArtifact`, and the train stays in `Staging`.
//!
//! ## Beyond this quiz
//!
//! Real release trains (Spinnaker pipelines, Argo Rollouts, Flagger) pause for manual
//! judgement, wait a minimum time at each step, analyse several metrics, and on a rollback
//! also scale the canary down and alert someone. Promotion between environments, here a single
//! staging check, is usually several environments with their own gates.

/// What one population served during an analysis window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// Requests served.
    pub requests: u64,
    /// Of which failed (never more than `requests`).
    pub errors: u64,
}

impl Sample {
    /// The error rate in ppm, rounded down; 0 with no requests.
    pub fn error_ppm(&self) -> u64 {
        if self.requests == 0 {
            return 0;
        }
        (u128::from(self.errors) * 1_000_000 / u128::from(self.requests)) as u64
    }
}

/// The rules of the train.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Requests each population needs before a window gives a verdict.
    pub min_requests: u64,
    /// How far above the baseline's error rate the canary's may be, in ppm.
    pub margin_ppm: u64,
    /// The canary's error rate must never be above this, in ppm.
    pub ceiling_ppm: u64,
    /// The canary's share of production at each step, in percent (e.g. 5, 25, 50).
    pub canary_steps: Vec<u32>,
    /// Holds allowed at one step; one more rolls back.
    pub max_holds: u32,
}

/// A gate the artifact did not pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GateFailure {
    /// The test suite failed.
    TestsFailed,
    /// The security scan found critical vulnerabilities.
    CriticalVulnerabilities {
        /// How many.
        count: u32,
    },
}

/// Why the train stopped before production.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    /// The gates failed, every failure listed.
    Gates(Vec<GateFailure>),
    /// The artifact was not healthy in staging.
    Staging,
}

/// Why the canary was rolled back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RollbackReason {
    /// The canary's error rate was above the ceiling.
    AboveCeiling {
        /// Its rate.
        canary_ppm: u64,
    },
    /// The canary's error rate was above the baseline's plus the margin.
    WorseThanBaseline {
        /// The canary's rate.
        canary_ppm: u64,
        /// The baseline's rate.
        baseline_ppm: u64,
    },
    /// Too many windows in a row without enough data.
    NoVerdict {
        /// The holds at that step, the last one included.
        holds: u32,
    },
}

/// Where the train is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    /// Built, waiting for the gates.
    Built,
    /// Deployed to staging, waiting for its check.
    Staging,
    /// In production as a canary at `canary_steps[step]` percent.
    Canary {
        /// The index of the current step.
        step: usize,
        /// Holds at this step so far.
        holds: u32,
    },
    /// All of production runs the artifact.
    Promoted,
    /// Stopped before production.
    Rejected(Rejection),
    /// Taken out of production.
    RolledBack(RollbackReason),
}

/// Something the train is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    /// The pipeline's gates ran.
    Gates {
        /// Whether the test suite passed.
        tests_passed: bool,
        /// Critical findings of the security scan.
        critical_vulnerabilities: u32,
    },
    /// Staging was checked, running the artifact `digest`.
    StagingChecked {
        /// What staging runs.
        digest: &'a str,
        /// Whether its checks passed.
        healthy: bool,
    },
    /// One canary analysis window, the canary running `digest`.
    CanaryWindow {
        /// What the canary runs.
        digest: &'a str,
        /// The canary's traffic.
        canary: Sample,
        /// The baseline's traffic over the same window.
        baseline: Sample,
    },
}

/// Why an event was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrainError {
    /// The event does not belong to the current stage.
    WrongStage {
        /// The current stage.
        stage: Stage,
    },
    /// The event is about another artifact than the one built.
    WrongArtifact {
        /// The digest built.
        expected: String,
        /// The digest reported.
        found: String,
    },
}

impl std::fmt::Display for TrainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::WrongStage { stage } => write!(f, "event not expected at stage {stage:?}"),
            Self::WrongArtifact { expected, found } => {
                write!(f, "artifact {found} is not the one built ({expected})")
            }
        }
    }
}

impl std::error::Error for TrainError {}

/// One artifact on its way to production.
#[derive(Debug, Clone)]
pub struct ReleaseTrain {
    digest: String,
    policy: Policy,
    stage: Stage,
}

impl ReleaseTrain {
    /// A train for the artifact `digest`, just built.
    pub fn build(digest: &str, policy: Policy) -> Self {
        Self {
            digest: digest.to_string(),
            policy,
            stage: Stage::Built,
        }
    }

    /// Where the train is.
    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// The share of production on the new artifact, in percent.
    pub fn traffic_percent(&self) -> u32 {
        match self.stage {
            Stage::Canary { step, .. } => self.policy.canary_steps[step],
            Stage::Promoted => 100,
            _ => 0,
        }
    }

    /// Moves the train on one event, or refuses it and changes nothing.
    pub fn handle(&mut self, event: Event<'_>) -> Result<&Stage, TrainError> {
        let next = match (&self.stage, event) {
            (
                Stage::Built,
                Event::Gates {
                    tests_passed,
                    critical_vulnerabilities,
                },
            ) => {
                let mut failures = Vec::new();
                if !tests_passed {
                    failures.push(GateFailure::TestsFailed);
                }
                if critical_vulnerabilities > 0 {
                    failures.push(GateFailure::CriticalVulnerabilities {
                        count: critical_vulnerabilities,
                    });
                }
                if failures.is_empty() {
                    Stage::Staging
                } else {
                    Stage::Rejected(Rejection::Gates(failures))
                }
            }
            (Stage::Staging, Event::StagingChecked { digest, healthy }) => {
                self.same_artifact(digest)?;
                match (healthy, self.policy.canary_steps.is_empty()) {
                    (false, _) => Stage::Rejected(Rejection::Staging),
                    (true, true) => Stage::Promoted,
                    (true, false) => Stage::Canary { step: 0, holds: 0 },
                }
            }
            (
                &Stage::Canary { step, holds },
                Event::CanaryWindow {
                    digest,
                    canary,
                    baseline,
                },
            ) => {
                self.same_artifact(digest)?;
                self.judge(step, holds, &canary, &baseline)
            }
            (stage, _) => {
                return Err(TrainError::WrongStage {
                    stage: stage.clone(),
                })
            }
        };
        self.stage = next;
        Ok(&self.stage)
    }

    /// Refuses news about any artifact but the one built: what was validated is what ships.
    fn same_artifact(&self, digest: &str) -> Result<(), TrainError> {
        if digest == self.digest {
            Ok(())
        } else {
            Err(TrainError::WrongArtifact {
                expected: self.digest.clone(),
                found: digest.to_string(),
            })
        }
    }

    /// The stage after one canary window at `step`, with `holds` so far.
    fn judge(&self, step: usize, holds: u32, canary: &Sample, baseline: &Sample) -> Stage {
        let p = &self.policy;
        let enough = |s: &Sample| s.requests > 0 && s.requests >= p.min_requests;
        if !enough(canary) || !enough(baseline) {
            let holds = holds + 1;
            return if holds > p.max_holds {
                Stage::RolledBack(RollbackReason::NoVerdict { holds })
            } else {
                Stage::Canary { step, holds }
            };
        }
        let (canary_ppm, baseline_ppm) = (canary.error_ppm(), baseline.error_ppm());
        if canary_ppm > p.ceiling_ppm {
            return Stage::RolledBack(RollbackReason::AboveCeiling { canary_ppm });
        }
        if canary_ppm > baseline_ppm.saturating_add(p.margin_ppm) {
            return Stage::RolledBack(RollbackReason::WorseThanBaseline {
                canary_ppm,
                baseline_ppm,
            });
        }
        if step + 1 < p.canary_steps.len() {
            Stage::Canary {
                step: step + 1,
                holds: 0,
            }
        } else {
            Stage::Promoted
        }
    }
}

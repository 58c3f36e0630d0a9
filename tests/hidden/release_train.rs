use release_train::{
    Event, GateFailure, Policy, Rejection, ReleaseTrain, RollbackReason, Sample, Stage, TrainError,
};

const DIGEST: &str = "sha256:9f86d081884c";
const OTHER: &str = "sha256:60303ae22b99";

fn policy() -> Policy {
    Policy {
        min_requests: 1_000,
        margin_ppm: 2_000,
        ceiling_ppm: 50_000,
        canary_steps: vec![5, 25, 50],
        max_holds: 2,
    }
}

fn sample(requests: u64, errors: u64) -> Sample {
    Sample { requests, errors }
}

const GATES_OK: Event<'static> = Event::Gates {
    tests_passed: true,
    critical_vulnerabilities: 0,
};

fn staging(digest: &str, healthy: bool) -> Event<'_> {
    Event::StagingChecked { digest, healthy }
}

fn window(canary: Sample, baseline: Sample) -> Event<'static> {
    Event::CanaryWindow {
        digest: DIGEST,
        canary,
        baseline,
    }
}

/// A clean window: both sides have enough requests and the same low error rate.
fn clean() -> Event<'static> {
    window(sample(2_000, 2), sample(20_000, 20))
}

/// A window without enough canary requests.
fn thin() -> Event<'static> {
    window(sample(999, 0), sample(20_000, 20))
}

/// A train that passed its gates and staging: canary at 5 %.
fn in_canary(policy: Policy) -> ReleaseTrain {
    let mut train = ReleaseTrain::build(DIGEST, policy);
    train.handle(GATES_OK).unwrap();
    train.handle(staging(DIGEST, true)).unwrap();
    train
}

// Task 1: Gate the build and validate it in staging
#[test]
fn passing_gates_deploy_the_build_to_staging() {
    let mut train = ReleaseTrain::build(DIGEST, policy());
    assert_eq!(train.stage(), &Stage::Built, "a new train starts Built");
    assert_eq!(
        train.handle(GATES_OK),
        Ok(&Stage::Staging),
        "tests passed and no critical vulnerability: the artifact goes to staging"
    );
    assert_eq!(
        train.traffic_percent(),
        0,
        "staging is not production: no user traffic yet"
    );
}

#[test]
fn failing_gates_reject_with_every_failure() {
    let mut train = ReleaseTrain::build(DIGEST, policy());
    assert_eq!(
        train.handle(Event::Gates {
            tests_passed: false,
            critical_vulnerabilities: 2
        }),
        Ok(&Stage::Rejected(Rejection::Gates(vec![
            GateFailure::TestsFailed,
            GateFailure::CriticalVulnerabilities { count: 2 }
        ]))),
        "both gates failed: the rejection lists both, tests first, so that they can be fixed \
         in one go"
    );
    let mut vulnerable = ReleaseTrain::build(DIGEST, policy());
    assert_eq!(
        vulnerable.handle(Event::Gates {
            tests_passed: true,
            critical_vulnerabilities: 1
        }),
        Ok(&Stage::Rejected(Rejection::Gates(vec![
            GateFailure::CriticalVulnerabilities { count: 1 }
        ]))),
        "one critical vulnerability is enough to stop the train, even with passing tests"
    );
    let mut failing = ReleaseTrain::build(DIGEST, policy());
    assert_eq!(
        failing.handle(Event::Gates {
            tests_passed: false,
            critical_vulnerabilities: 0
        }),
        Ok(&Stage::Rejected(Rejection::Gates(vec![
            GateFailure::TestsFailed
        ]))),
        "failing tests stop the train, even with a clean scan"
    );
}

#[test]
fn a_healthy_staging_starts_the_canary_at_its_first_step() {
    let mut train = ReleaseTrain::build(DIGEST, policy());
    train.handle(GATES_OK).unwrap();
    assert_eq!(
        train.handle(staging(DIGEST, true)),
        Ok(&Stage::Canary { step: 0, holds: 0 }),
        "staging validated the artifact: it goes to production as a canary, first step"
    );
    assert_eq!(
        train.traffic_percent(),
        5,
        "the first canary step gives the new artifact 5 % of production"
    );
}

#[test]
fn an_unhealthy_staging_rejects_before_production() {
    let mut train = ReleaseTrain::build(DIGEST, policy());
    train.handle(GATES_OK).unwrap();
    assert_eq!(
        train.handle(staging(DIGEST, false)),
        Ok(&Stage::Rejected(Rejection::Staging)),
        "the artifact failed in staging: it never reaches production"
    );
    assert_eq!(
        train.traffic_percent(),
        0,
        "a rejected artifact gets no traffic"
    );
}

#[test]
fn without_canary_steps_staging_promotes_at_once() {
    let no_canary = Policy {
        canary_steps: vec![],
        ..policy()
    };
    let train = in_canary(no_canary);
    assert_eq!(
        train.stage(),
        &Stage::Promoted,
        "with no canary steps, a healthy staging check promotes the artifact to all traffic"
    );
    assert_eq!(
        train.traffic_percent(),
        100,
        "promoted means 100 % of production"
    );
}

// Task 2: Grow the canary step by step against its baseline
#[test]
fn a_canary_that_passes_every_step_is_promoted() {
    let mut train = in_canary(policy());
    let mut traffic = vec![train.traffic_percent()];
    for _ in 0..3 {
        train.handle(clean()).unwrap();
        traffic.push(train.traffic_percent());
    }
    assert_eq!(
        traffic,
        vec![5, 25, 50, 100],
        "each clean window moves the canary to the next step, and past the last step it is \
         promoted to all of production"
    );
    assert_eq!(
        train.stage(),
        &Stage::Promoted,
        "three clean windows promote it"
    );
}

#[test]
fn a_canary_worse_than_its_baseline_is_rolled_back() {
    let mut train = in_canary(policy());
    assert_eq!(
        train.handle(window(sample(1_000, 9), sample(10_000, 10))),
        Ok(&Stage::RolledBack(RollbackReason::WorseThanBaseline {
            canary_ppm: 9_000,
            baseline_ppm: 1_000
        })),
        "0.9 % is under the 5 % ceiling, but nine times the baseline's 0.1 %: roll back"
    );
    assert_eq!(
        train.traffic_percent(),
        0,
        "a rolled-back canary gets no traffic"
    );
}

#[test]
fn the_baseline_decides_what_counts_as_worse() {
    let mut train = in_canary(policy());
    assert_eq!(
        train.handle(window(sample(1_000, 9), sample(10_000, 80))),
        Ok(&Stage::Canary { step: 1, holds: 0 }),
        "the baseline is at 0.8 % too: the canary's 0.9 % is within the 0.2 % margin, so it \
         moves on"
    );
    assert_eq!(
        train.handle(window(sample(1_000, 3), sample(1_000, 1))),
        Ok(&Stage::Canary { step: 2, holds: 0 }),
        "exactly the baseline's 1000 ppm plus the 2000 ppm margin is still fine"
    );
}

#[test]
fn the_ceiling_rolls_back_whatever_the_baseline_does() {
    let mut train = in_canary(policy());
    assert_eq!(
        train.handle(window(sample(1_000, 51), sample(1_000, 60))),
        Ok(&Stage::RolledBack(RollbackReason::AboveCeiling {
            canary_ppm: 51_000
        })),
        "5.1 % errors is above the 5 % ceiling: roll back, even though the baseline is worse"
    );
    let mut at_ceiling = in_canary(policy());
    assert_eq!(
        at_ceiling.handle(window(sample(1_000, 50), sample(1_000, 50))),
        Ok(&Stage::Canary { step: 1, holds: 0 }),
        "exactly at the 50 000 ppm ceiling (and equal to the baseline) is not above it"
    );
}

#[test]
fn too_few_requests_hold_until_max_holds_then_roll_back() {
    let mut train = in_canary(policy());
    assert_eq!(
        train.handle(thin()),
        Ok(&Stage::Canary { step: 0, holds: 1 }),
        "999 canary requests is one short of the minimum: hold at the same step"
    );
    assert_eq!(
        train.handle(window(sample(5_000, 0), sample(999, 0))),
        Ok(&Stage::Canary { step: 0, holds: 2 }),
        "the baseline needs the minimum sample too: a second hold"
    );
    assert_eq!(
        train.traffic_percent(),
        5,
        "a hold keeps the canary's share"
    );
    assert_eq!(
        train.handle(thin()),
        Ok(&Stage::RolledBack(RollbackReason::NoVerdict { holds: 3 })),
        "a third hold is beyond max_holds = 2: no evidence in time, no promotion"
    );
}

#[test]
fn holds_start_again_at_each_step() {
    let mut train = in_canary(policy());
    train.handle(thin()).unwrap();
    train.handle(thin()).unwrap();
    assert_eq!(
        train.handle(clean()),
        Ok(&Stage::Canary { step: 1, holds: 0 }),
        "two holds, then a clean window: the next step starts with no hold"
    );
    train.handle(thin()).unwrap();
    assert_eq!(
        train.handle(thin()),
        Ok(&Stage::Canary { step: 1, holds: 2 }),
        "two holds at the new step are still within max_holds"
    );
}

#[test]
fn an_empty_window_is_a_hold_even_without_a_minimum() {
    let no_minimum = Policy {
        min_requests: 0,
        ..policy()
    };
    let mut train = in_canary(no_minimum);
    assert_eq!(
        train.handle(window(sample(0, 0), sample(1_000, 0))),
        Ok(&Stage::Canary { step: 0, holds: 1 }),
        "a canary that served nothing says nothing: hold, whatever the policy's minimum"
    );
}

#[test]
fn error_rates_are_ppm_rounded_down_without_overflow() {
    assert_eq!(sample(2_000, 3).error_ppm(), 1_500, "3 in 2000 is 1500 ppm");
    assert_eq!(
        sample(3, 2).error_ppm(),
        666_666,
        "2 in 3 is 666 666.66… ppm, rounded down"
    );
    assert_eq!(
        sample(u64::MAX, u64::MAX).error_ppm(),
        1_000_000,
        "all of u64::MAX requests failing is 1 000 000 ppm, without overflow"
    );
    assert_eq!(sample(0, 0).error_ppm(), 0, "no requests is a rate of 0");
}

// Task 3: Refuse events out of stage or for another artifact
#[test]
fn an_event_out_of_stage_is_refused_and_changes_nothing() {
    let mut train = ReleaseTrain::build(DIGEST, policy());
    assert_eq!(
        train.handle(clean()),
        Err(TrainError::WrongStage {
            stage: Stage::Built
        }),
        "a canary window before the gates and staging is refused: no shortcut to production"
    );
    assert_eq!(
        train.handle(staging(DIGEST, true)),
        Err(TrainError::WrongStage {
            stage: Stage::Built
        }),
        "staging cannot be validated before the gates have passed"
    );
    assert_eq!(
        train.stage(),
        &Stage::Built,
        "refusals leave the train Built"
    );
    train.handle(GATES_OK).unwrap();
    assert_eq!(
        train.handle(GATES_OK),
        Err(TrainError::WrongStage {
            stage: Stage::Staging
        }),
        "the gates run once per train"
    );
    train.handle(staging(DIGEST, true)).unwrap();
    assert_eq!(
        train.handle(staging(DIGEST, true)),
        Err(TrainError::WrongStage {
            stage: Stage::Canary { step: 0, holds: 0 }
        }),
        "during the canary a staging check is out of place"
    );
}

#[test]
fn a_staging_check_of_another_artifact_is_refused() {
    let mut train = ReleaseTrain::build(DIGEST, policy());
    train.handle(GATES_OK).unwrap();
    assert_eq!(
        train.handle(staging(OTHER, true)),
        Err(TrainError::WrongArtifact {
            expected: DIGEST.to_string(),
            found: OTHER.to_string()
        }),
        "staging runs another build than the one that passed the gates: its health proves \
         nothing about this artifact"
    );
    assert_eq!(
        train.stage(),
        &Stage::Staging,
        "the refusal changes nothing"
    );
    assert_eq!(
        train.handle(staging(DIGEST, true)),
        Ok(&Stage::Canary { step: 0, holds: 0 }),
        "the check of the right artifact is then accepted"
    );
}

#[test]
fn a_canary_window_of_another_artifact_is_refused() {
    let mut train = in_canary(policy());
    train.handle(thin()).unwrap();
    assert_eq!(
        train.handle(Event::CanaryWindow {
            digest: OTHER,
            canary: sample(1_000, 0),
            baseline: sample(1_000, 0)
        }),
        Err(TrainError::WrongArtifact {
            expected: DIGEST.to_string(),
            found: OTHER.to_string()
        }),
        "production's canary runs a rebuilt artifact, not the one validated in staging: the \
         window is refused"
    );
    assert_eq!(
        train.stage(),
        &Stage::Canary { step: 0, holds: 1 },
        "the refused window neither moves the canary on nor counts as a hold"
    );
}

#[test]
fn the_stage_is_checked_before_the_artifact() {
    let mut train = ReleaseTrain::build(DIGEST, policy());
    assert_eq!(
        train.handle(staging(OTHER, true)),
        Err(TrainError::WrongStage {
            stage: Stage::Built
        }),
        "a staging check in the wrong stage is refused as such, whatever its digest"
    );
}

#[test]
fn a_finished_train_accepts_nothing() {
    let mut promoted = in_canary(Policy {
        canary_steps: vec![50],
        ..policy()
    });
    promoted.handle(clean()).unwrap();
    assert_eq!(
        promoted.stage(),
        &Stage::Promoted,
        "one step, one clean window: promoted"
    );
    assert_eq!(
        promoted.handle(clean()),
        Err(TrainError::WrongStage {
            stage: Stage::Promoted
        }),
        "a promoted train is done: more canary windows are refused"
    );
    let mut rolled_back = in_canary(policy());
    rolled_back
        .handle(window(sample(1_000, 100), sample(1_000, 0)))
        .unwrap();
    assert_eq!(
        rolled_back.handle(clean()),
        Err(TrainError::WrongStage {
            stage: Stage::RolledBack(RollbackReason::AboveCeiling {
                canary_ppm: 100_000
            })
        }),
        "a rolled-back train is done: a clean window afterwards does not revive it"
    );
    let mut rejected = ReleaseTrain::build(DIGEST, policy());
    rejected.handle(GATES_OK).unwrap();
    rejected.handle(staging(DIGEST, false)).unwrap();
    assert_eq!(
        rejected.handle(staging(DIGEST, true)),
        Err(TrainError::WrongStage {
            stage: Stage::Rejected(Rejection::Staging)
        }),
        "a rejected train is done: a new build starts a new train"
    );
}

#[test]
fn refusals_explain_themselves() {
    let message = TrainError::WrongArtifact {
        expected: DIGEST.to_string(),
        found: OTHER.to_string(),
    }
    .to_string();
    assert!(
        message.contains(DIGEST) && message.contains(OTHER),
        "a wrong-artifact refusal names both digests: {message:?}"
    );
    let message = TrainError::WrongStage {
        stage: Stage::Promoted,
    }
    .to_string();
    assert!(
        message.contains("Promoted"),
        "a wrong-stage refusal names the stage: {message:?}"
    );
}

use pipeline_verdict::{blocking, passes, StageResult, Status};

fn r(stage: &str, status: Status) -> StageResult {
    StageResult::new(stage, status)
}

// Task 1: List the required stages that block the run
#[test]
fn a_failed_required_stage_blocks_the_run() {
    let results = [
        r("lint", Status::Passed),
        r("test", Status::Failed),
        r("scan", Status::Passed),
    ];
    assert_eq!(
        blocking(&["lint", "test", "scan"], &results),
        vec!["test"],
        "a required stage that failed blocks; the ones that passed do not"
    );
}

#[test]
fn a_skipped_or_cancelled_required_stage_is_not_a_pass() {
    let results = [
        r("lint", Status::Skipped),
        r("test", Status::Cancelled),
        r("scan", Status::Passed),
    ];
    assert_eq!(
        blocking(&["lint", "test", "scan"], &results),
        vec!["lint", "test"],
        "only Passed is a pass: a required stage that was skipped or cancelled never proved \
         anything, so it blocks like a failure"
    );
}

#[test]
fn a_required_stage_that_never_reported_blocks() {
    let results = [r("lint", Status::Passed)];
    assert_eq!(
        blocking(&["lint", "scan"], &results),
        vec!["scan"],
        "the required list is the policy: a required stage with no result at all (it never \
         ran) blocks the run"
    );
}

#[test]
fn stages_that_are_not_required_never_block() {
    let results = [
        r("docs", Status::Failed),
        r("bench", Status::Skipped),
        r("test", Status::Passed),
    ];
    assert_eq!(
        blocking(&["test"], &results),
        Vec::<&str>::new(),
        "failing or skipped stages that policy does not require do not block"
    );
}

#[test]
fn the_last_result_of_a_rerun_is_the_one_that_counts() {
    let rerun_passed = [r("test", Status::Failed), r("test", Status::Passed)];
    assert_eq!(
        blocking(&["test"], &rerun_passed),
        Vec::<&str>::new(),
        "a stage that failed and then passed on its re-run counts as passed: the last result wins"
    );
    let rerun_failed = [r("test", Status::Passed), r("test", Status::Failed)];
    assert_eq!(
        blocking(&["test"], &rerun_failed),
        vec!["test"],
        "a stage that passed and then failed on its re-run blocks: the last result wins, not \
         any pass"
    );
}

#[test]
fn blocking_stages_come_in_the_order_of_the_policy() {
    let results = [
        r("scan", Status::Failed),
        r("lint", Status::Failed),
        r("build", Status::Passed),
    ];
    assert_eq!(
        blocking(&["lint", "build", "test", "scan"], &results),
        vec!["lint", "test", "scan"],
        "the blocking stages are listed in the order of the required list (lint, test, scan), \
         not in the order the results arrived"
    );
}

#[test]
fn the_worked_example_blocks_only_on_the_missing_scan() {
    let results = [
        r("lint", Status::Passed),
        r("test", Status::Failed),
        r("docs", Status::Failed),
        r("test", Status::Passed),
    ];
    assert_eq!(
        blocking(&["lint", "test", "scan"], &results),
        vec!["scan"],
        "test passed on its re-run, docs is not required, scan never reported"
    );
}

// Task 2: Give the verdict of the run
#[test]
fn a_run_passes_when_every_required_stage_passed() {
    let mut results = vec![
        r("lint", Status::Passed),
        r("test", Status::Failed),
        r("docs", Status::Failed),
        r("test", Status::Passed),
    ];
    assert!(
        !passes(&["lint", "test", "scan"], &results),
        "the run does not pass while the required scan has not reported"
    );
    results.push(r("scan", Status::Passed));
    assert!(
        passes(&["lint", "test", "scan"], &results),
        "once scan passed too, every required stage passed, so the run passes (the failed, \
         optional docs stage does not matter)"
    );
}

#[test]
fn a_run_with_a_skipped_required_stage_does_not_pass() {
    let results = [r("test", Status::Passed), r("scan", Status::Skipped)];
    assert!(
        !passes(&["test", "scan"], &results),
        "a skipped required stage is not a pass, so the run does not pass"
    );
}

#[test]
fn a_pipeline_that_requires_nothing_passes() {
    assert!(
        passes(&[], &[r("docs", Status::Failed)]),
        "with no required stage there is nothing to wait for: the run passes"
    );
}

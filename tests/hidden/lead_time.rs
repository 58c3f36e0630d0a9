use lead_time::{is_elite, lead_time_min};

const COMMIT_S: u64 = 1_700_000_000;

// Task 1: Measure the lead time of one change
#[test]
fn lead_time_is_the_deployment_minus_the_commit_in_minutes() {
    assert_eq!(
        lead_time_min(COMMIT_S, Some(COMMIT_S + 2 * 3_600 + 15 * 60)),
        Some(135),
        "deployed 2 h 15 min after its commit, the change has a lead time of 135 minutes"
    );
    assert_eq!(
        lead_time_min(COMMIT_S, Some(COMMIT_S + 3 * 86_400)),
        Some(3 * 1_440),
        "three days from commit to production are 4 320 minutes"
    );
}

#[test]
fn partial_minutes_are_rounded_down() {
    assert_eq!(
        lead_time_min(COMMIT_S, Some(COMMIT_S + 3_599)),
        Some(59),
        "59 min 59 s is 59 whole minutes: the lead time is rounded down"
    );
    assert_eq!(
        lead_time_min(COMMIT_S, Some(COMMIT_S + 59)),
        Some(0),
        "a change deployed 59 s after its commit took 0 whole minutes"
    );
}

#[test]
fn a_change_not_yet_deployed_has_no_lead_time() {
    assert_eq!(
        lead_time_min(COMMIT_S, None),
        None,
        "a change still waiting for its deployment has no lead time yet, not 0"
    );
}

#[test]
fn a_deployment_recorded_before_its_commit_has_a_lead_time_of_zero() {
    assert_eq!(
        lead_time_min(COMMIT_S, Some(COMMIT_S - 10)),
        Some(0),
        "clock skew put the deployment 10 s before the commit: the lead time is 0, never negative"
    );
    assert_eq!(
        lead_time_min(COMMIT_S, Some(COMMIT_S)),
        Some(0),
        "deployed the same second it was committed: 0 minutes"
    );
}

// Task 2: Tell whether a lead time is elite
#[test]
fn less_than_one_hour_is_elite_and_one_hour_is_not() {
    assert!(
        is_elite(59),
        "59 minutes is less than one hour: the 2021 report's elite bar"
    );
    assert!(is_elite(0), "a change deployed within the minute is elite");
    assert!(
        !is_elite(60),
        "60 minutes is one hour, not less than one hour: not elite"
    );
    assert!(
        !is_elite(1_440),
        "a day from commit to production is well outside the elite bar"
    );
}

#[test]
fn a_change_deployed_59_min_59_s_after_its_commit_is_elite() {
    let lead = lead_time_min(COMMIT_S, Some(COMMIT_S + 3_599)).unwrap();
    assert!(
        is_elite(lead),
        "59 min 59 s is still less than one hour: the whole change is elite"
    );
    let lead = lead_time_min(COMMIT_S, Some(COMMIT_S + 3_600)).unwrap();
    assert!(
        !is_elite(lead),
        "exactly one hour from commit to production is not less than one hour"
    );
}

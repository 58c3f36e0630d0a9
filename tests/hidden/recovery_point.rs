use recovery_point::{data_lost, last_good_copy, meets_rpo};

// Task 1: Measure the data lost since the last good copy
#[test]
fn the_data_lost_is_the_gap_between_the_copy_and_the_failure() {
    assert_eq!(
        data_lost(120, 150),
        30,
        "a copy from minute 120 and a failure at 150 lose 30 minutes of writes"
    );
    assert_eq!(
        data_lost(0, 1_440),
        1_440,
        "a copy from a day before the failure loses a day of writes"
    );
}

#[test]
fn a_copy_from_the_minute_of_the_failure_loses_nothing() {
    assert_eq!(
        data_lost(150, 150),
        0,
        "a copy from the very minute of the failure loses nothing"
    );
}

// Task 2: Check the loss against the RPO
#[test]
fn losing_exactly_the_rpo_meets_it() {
    assert!(
        meets_rpo(120, 150, 30),
        "30 minutes lost meets an RPO of 30 minutes"
    );
    assert!(
        !meets_rpo(120, 150, 29),
        "30 minutes lost misses an RPO of 29 minutes"
    );
    assert!(
        meets_rpo(120, 150, 60),
        "30 minutes lost meets an RPO of an hour"
    );
}

#[test]
fn an_rpo_of_zero_needs_a_copy_from_the_failure_itself() {
    assert!(
        meets_rpo(150, 150, 0),
        "a copy from the minute of the failure meets an RPO of zero"
    );
    assert!(
        !meets_rpo(149, 150, 0),
        "one minute of writes lost misses an RPO of zero"
    );
}

// Task 3: Find the last good copy before a failure
#[test]
fn the_last_good_copy_is_the_latest_before_the_failure() {
    assert_eq!(
        last_good_copy(&[0, 60, 120, 180], 150),
        Some(120),
        "copy 120 is the latest at or before minute 150; copy 180 came after the failure"
    );
    assert_eq!(
        last_good_copy(&[120, 0, 180, 60], 150),
        Some(120),
        "the copies can be listed in any order"
    );
}

#[test]
fn a_copy_from_the_minute_of_the_failure_is_good() {
    assert_eq!(
        last_good_copy(&[0, 60, 120], 60),
        Some(60),
        "a copy from minute 60 is good for a failure at minute 60"
    );
}

#[test]
fn without_a_copy_from_before_the_failure_everything_is_lost() {
    assert_eq!(
        last_good_copy(&[90, 120], 60),
        None,
        "copies from after the failure cannot be recovered to"
    );
    assert_eq!(
        last_good_copy(&[], 60),
        None,
        "with no copies at all, nothing can be recovered"
    );
}

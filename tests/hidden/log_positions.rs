use log_positions::{failover_loss, fresh_enough, lag};

// Task 1: Measure a replica's lag in log positions
#[test]
fn lag_is_the_primary_position_minus_the_replica_position() {
    assert_eq!(
        lag(120, 100),
        20,
        "a replica at 100 behind a primary at 120 misses 20 transactions"
    );
    assert_eq!(lag(7, 0), 7, "an empty replica misses the whole log");
}

#[test]
fn a_caught_up_replica_has_no_lag() {
    assert_eq!(
        lag(120, 120),
        0,
        "a replica at the primary's position has applied everything"
    );
}

#[test]
fn a_replica_reported_ahead_of_the_primary_has_no_lag() {
    assert_eq!(
        lag(120, 125),
        0,
        "a newer replica report is no lag, never a negative one"
    );
    assert_eq!(
        lag(0, u64::MAX),
        0,
        "a replica far ahead of the report still has no lag, and no panic"
    );
}

// Task 2: Tell whether a replica is fresh enough to read from
#[test]
fn a_lag_exactly_at_the_bound_is_fresh_enough() {
    assert!(
        fresh_enough(120, 100, 20),
        "a lag of 20 is within a bound of 20"
    );
    assert!(
        !fresh_enough(120, 100, 19),
        "a lag of 20 is over a bound of 19"
    );
    assert!(
        fresh_enough(120, 100, 25),
        "a lag of 20 is within a bound of 25"
    );
}

#[test]
fn a_zero_bound_accepts_only_caught_up_replicas() {
    assert!(
        fresh_enough(50, 50, 0),
        "a caught-up replica meets a bound of 0"
    );
    assert!(
        !fresh_enough(50, 49, 0),
        "one missing transaction is over a bound of 0"
    );
    assert!(
        fresh_enough(50, 60, 0),
        "a replica reported ahead has no lag, so it meets a bound of 0"
    );
}

// Task 3: Find what the best failover would lose
#[test]
fn the_failover_loss_is_the_lag_of_the_replica_furthest_ahead() {
    assert_eq!(
        failover_loss(120, &[100, 117, 90]),
        Some(3),
        "promoting the replica at 117 loses 3 transactions"
    );
    assert_eq!(
        failover_loss(120, &[117, 100, 90]),
        Some(3),
        "the best replica can be listed anywhere"
    );
    assert_eq!(
        failover_loss(120, &[90, 100, 117]),
        Some(3),
        "the best replica can be listed last"
    );
}

#[test]
fn a_caught_up_replica_means_a_failover_loses_nothing() {
    assert_eq!(
        failover_loss(120, &[100, 120]),
        Some(0),
        "a replica at the primary's position loses nothing"
    );
    assert_eq!(
        failover_loss(120, &[130]),
        Some(0),
        "a replica reported ahead loses nothing either"
    );
}

#[test]
fn without_replicas_there_is_no_failover() {
    assert_eq!(
        failover_loss(120, &[]),
        None,
        "with no replica, nothing can be promoted and everything is at risk"
    );
}

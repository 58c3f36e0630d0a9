use circuit_breaker::{CircuitBreaker, Config, Rejected, State};

const CONFIG: Config = Config {
    failure_threshold: 3,
    open_timeout_ms: 5_000,
    half_open_trials: 2,
};

/// Lets one call through at `now_ms` and reports it failed, asserting it was let through.
fn fail_at(breaker: &mut CircuitBreaker, now_ms: u64) {
    assert_eq!(
        breaker.try_call(now_ms),
        Ok(()),
        "at {now_ms} ms the breaker should have let this call through"
    );
    breaker.record_failure(now_ms);
}

/// Lets one call through at `now_ms` and reports it succeeded, asserting it was let through.
fn succeed_at(breaker: &mut CircuitBreaker, now_ms: u64) {
    assert_eq!(
        breaker.try_call(now_ms),
        Ok(()),
        "at {now_ms} ms the breaker should have let this call through"
    );
    breaker.record_success();
}

/// A breaker opened by 3 failures at 1000 ms: half-open from 6000 ms.
fn opened_at_1000() -> CircuitBreaker {
    let mut breaker = CircuitBreaker::new(CONFIG);
    for _ in 0..3 {
        fail_at(&mut breaker, 1_000);
    }
    breaker
}

// Task 1: Open after too many consecutive failures
#[test]
fn a_new_breaker_is_closed_and_lets_calls_through() {
    let mut breaker = CircuitBreaker::new(CONFIG);
    assert_eq!(
        breaker.state(0),
        State::Closed,
        "a new breaker starts closed"
    );
    for now in [0, 10, 20] {
        assert_eq!(
            breaker.try_call(now),
            Ok(()),
            "a closed breaker lets every call through"
        );
        breaker.record_success();
    }
    assert_eq!(
        breaker.state(20),
        State::Closed,
        "successes keep a breaker closed"
    );
}

#[test]
fn failures_below_the_threshold_keep_it_closed() {
    let mut breaker = CircuitBreaker::new(CONFIG);
    fail_at(&mut breaker, 100);
    fail_at(&mut breaker, 200);
    assert_eq!(
        breaker.state(200),
        State::Closed,
        "2 consecutive failures are below the threshold of 3: the breaker stays closed"
    );
    assert_eq!(
        breaker.try_call(300),
        Ok(()),
        "below the threshold, calls still go through"
    );
}

#[test]
fn opens_at_exactly_the_failure_threshold() {
    let mut breaker = CircuitBreaker::new(CONFIG);
    fail_at(&mut breaker, 100);
    fail_at(&mut breaker, 200);
    fail_at(&mut breaker, 300);
    assert_eq!(
        breaker.state(300),
        State::Open,
        "the 3rd consecutive failure reaches the threshold of 3: the breaker must open"
    );
    assert!(
        matches!(breaker.try_call(300), Err(Rejected::Open { .. })),
        "an open breaker rejects calls at once"
    );
}

#[test]
fn a_threshold_of_one_opens_on_the_first_failure() {
    let mut breaker = CircuitBreaker::new(Config {
        failure_threshold: 1,
        ..CONFIG
    });
    fail_at(&mut breaker, 100);
    assert_eq!(
        breaker.state(100),
        State::Open,
        "with a threshold of 1, a single failure opens the breaker"
    );
}

#[test]
fn a_success_resets_the_failure_count() {
    let mut breaker = CircuitBreaker::new(CONFIG);
    fail_at(&mut breaker, 100);
    fail_at(&mut breaker, 200);
    succeed_at(&mut breaker, 300);
    fail_at(&mut breaker, 400);
    fail_at(&mut breaker, 500);
    assert_eq!(
        breaker.state(500),
        State::Closed,
        "2 failures, a success, 2 failures: only consecutive failures count, so the breaker stays \
         closed"
    );
    fail_at(&mut breaker, 600);
    assert_eq!(
        breaker.state(600),
        State::Open,
        "a 3rd failure in a row after the success reaches the threshold: the breaker opens"
    );
}

#[test]
fn an_open_breaker_rejects_with_the_time_left() {
    let mut breaker = opened_at_1000();
    assert_eq!(
        breaker.try_call(1_000),
        Err(Rejected::Open {
            retry_after_ms: 5_000
        }),
        "opened at 1000 ms with a 5000 ms timeout: at 1000 ms trials start in 5000 ms"
    );
    assert_eq!(
        breaker.try_call(4_500),
        Err(Rejected::Open {
            retry_after_ms: 1_500
        }),
        "at 4500 ms, trials start in 1500 ms"
    );
    assert_eq!(
        breaker.try_call(5_999),
        Err(Rejected::Open { retry_after_ms: 1 }),
        "at 5999 ms the timeout has 1 ms left: still open"
    );
    assert_eq!(
        breaker.state(5_999),
        State::Open,
        "rejected calls do not change the state: still open at 5999 ms"
    );
}

#[test]
fn the_timeout_counts_from_the_failure_that_opened_it() {
    let mut breaker = CircuitBreaker::new(CONFIG);
    fail_at(&mut breaker, 100);
    fail_at(&mut breaker, 2_000);
    fail_at(&mut breaker, 3_000);
    assert_eq!(
        breaker.try_call(3_000),
        Err(Rejected::Open {
            retry_after_ms: 5_000
        }),
        "the breaker opened at 3000 ms (the 3rd failure), so the 5000 ms timeout counts from \
         there, not from the first failure"
    );
    assert_eq!(
        breaker.state(7_999),
        State::Open,
        "opened at 3000 ms, still open at 7999 ms"
    );
    assert_eq!(
        breaker.state(8_000),
        State::HalfOpen,
        "opened at 3000 ms, half-open at 8000 ms"
    );
}

#[test]
fn late_reports_while_open_change_nothing() {
    let mut breaker = CircuitBreaker::new(CONFIG);
    for _ in 0..4 {
        assert_eq!(
            breaker.try_call(1_000),
            Ok(()),
            "a closed breaker lets calls through"
        );
    }
    breaker.record_failure(1_000);
    breaker.record_failure(1_000);
    breaker.record_failure(1_000);
    breaker.record_failure(3_000);
    breaker.record_success();
    assert_eq!(
        breaker.try_call(3_000),
        Err(Rejected::Open {
            retry_after_ms: 3_000
        }),
        "opened at 1000 ms: a late failure (3000 ms) and a late success reported while open \
         change nothing, trials still start at 6000 ms"
    );
}

#[test]
fn a_rejection_reads_as_its_cause() {
    let text = Rejected::Open {
        retry_after_ms: 1_500,
    }
    .to_string();
    assert!(
        text.contains("1500"),
        "an open breaker's rejection says when trials start, got {text:?}"
    );
    assert_ne!(
        Rejected::TrialsInFlight.to_string(),
        text,
        "the two rejections read differently"
    );
}

// Task 2: Half-open exactly when the timeout has passed
#[test]
fn the_boundary_is_opened_at_plus_the_timeout_on_both_sides() {
    let mut breaker = opened_at_1000();
    assert_eq!(
        breaker.try_call(5_999),
        Err(Rejected::Open { retry_after_ms: 1 }),
        "at 5999 ms, 1 ms before opened_at + open_timeout_ms = 6000 ms, the breaker is still \
         open and rejects"
    );
    assert_eq!(
        breaker.try_call(6_000),
        Ok(()),
        "at 6000 ms = opened_at + open_timeout_ms exactly, the breaker is half-open and the \
         call goes through as a trial"
    );
}

#[test]
fn half_opens_exactly_when_the_timeout_has_elapsed() {
    let mut breaker = opened_at_1000();
    assert_eq!(
        breaker.state(6_000),
        State::HalfOpen,
        "opened at 1000 ms with a 5000 ms timeout, the breaker is half-open at 6000 ms exactly"
    );
    assert_eq!(
        breaker.try_call(6_000),
        Ok(()),
        "at 6000 ms the timeout has elapsed: a trial call goes through"
    );
    assert_eq!(
        breaker.state(6_000),
        State::HalfOpen,
        "while trials are running, the breaker stays half-open"
    );
}

#[test]
fn half_opens_long_after_the_timeout_too() {
    let mut breaker = opened_at_1000();
    assert_eq!(
        breaker.state(60_000),
        State::HalfOpen,
        "long after the timeout, the breaker is half-open"
    );
    assert_eq!(
        breaker.try_call(60_000),
        Ok(()),
        "a call long after the timeout is a trial and goes through"
    );
}

#[test]
fn half_open_rejects_calls_beyond_the_trials() {
    let mut breaker = opened_at_1000();
    for (now, nth) in [(6_000, "1st"), (6_001, "2nd")] {
        assert_eq!(
            breaker.try_call(now),
            Ok(()),
            "{nth} of 2 trial calls goes through"
        );
    }
    for now in [6_002, 9_000, 60_000] {
        assert_eq!(
            breaker.try_call(now),
            Err(Rejected::TrialsInFlight),
            "at {now} ms both trials are out: the call is rejected as TrialsInFlight, not as Open"
        );
    }
    assert_eq!(
        breaker.state(60_000),
        State::HalfOpen,
        "with trials out the breaker stays half-open, however long they take"
    );
}

#[test]
fn a_zero_timeout_half_opens_at_the_instant_it_opened() {
    let mut breaker = CircuitBreaker::new(Config {
        failure_threshold: 1,
        open_timeout_ms: 0,
        half_open_trials: 1,
    });
    fail_at(&mut breaker, 700);
    assert_eq!(
        breaker.try_call(700),
        Ok(()),
        "with a 0 ms timeout, opened at 700 ms, the breaker is half-open from 700 ms itself"
    );
    assert_eq!(
        breaker.try_call(700),
        Err(Rejected::TrialsInFlight),
        "its one trial is out: the next call is rejected"
    );
}

// Task 3: Close after the trials succeed, reopen on a trial failure
#[test]
fn half_open_lets_through_at_most_the_trial_calls() {
    let mut breaker = opened_at_1000();
    assert_eq!(
        breaker.try_call(6_000),
        Ok(()),
        "1st of 2 trial calls goes through"
    );
    assert_eq!(
        breaker.try_call(6_001),
        Ok(()),
        "2nd of 2 trial calls goes through"
    );
    assert_eq!(
        breaker.try_call(6_002),
        Err(Rejected::TrialsInFlight),
        "a 3rd call while 2 trials are out is rejected as TrialsInFlight (not as Open)"
    );
    breaker.record_success();
    assert_eq!(
        breaker.try_call(6_003),
        Err(Rejected::TrialsInFlight),
        "half-open lets 2 trial calls through in all: after one success, a new call is still \
         rejected until the other trial reports"
    );
}

#[test]
fn closes_after_all_trial_calls_succeed() {
    let mut breaker = opened_at_1000();
    succeed_at(&mut breaker, 6_000);
    assert_eq!(
        breaker.state(6_000),
        State::HalfOpen,
        "1 trial success of 2: the breaker stays half-open"
    );
    succeed_at(&mut breaker, 6_100);
    assert_eq!(
        breaker.state(6_100),
        State::Closed,
        "2 trial successes of 2: the dependency is back, the breaker closes"
    );
    assert_eq!(
        breaker.try_call(6_200),
        Ok(()),
        "a closed breaker lets calls through again"
    );
}

#[test]
fn a_single_trial_success_closes_when_one_trial_is_allowed() {
    let mut breaker = CircuitBreaker::new(Config {
        half_open_trials: 1,
        ..CONFIG
    });
    for _ in 0..3 {
        fail_at(&mut breaker, 1_000);
    }
    assert_eq!(
        breaker.try_call(6_000),
        Ok(()),
        "the one trial call goes through"
    );
    assert_eq!(
        breaker.try_call(6_000),
        Err(Rejected::TrialsInFlight),
        "with half_open_trials = 1, a 2nd call while the trial is out is rejected"
    );
    breaker.record_success();
    assert_eq!(
        breaker.state(6_000),
        State::Closed,
        "with half_open_trials = 1, the one trial success closes the breaker"
    );
}

#[test]
fn a_trial_failure_reopens_with_a_fresh_timeout() {
    let mut breaker = opened_at_1000();
    succeed_at(&mut breaker, 6_000);
    fail_at(&mut breaker, 6_500);
    assert_eq!(
        breaker.state(6_500),
        State::Open,
        "a failed trial call opens the breaker again, even after a trial success"
    );
    assert_eq!(
        breaker.try_call(6_500),
        Err(Rejected::Open {
            retry_after_ms: 5_000
        }),
        "reopened at 6500 ms: the fresh 5000 ms timeout counts from the failed trial"
    );
    assert_eq!(
        breaker.state(11_499),
        State::Open,
        "reopened at 6500 ms, still open at 11499 ms"
    );
    assert_eq!(
        breaker.state(11_500),
        State::HalfOpen,
        "reopened at 6500 ms, half-open again at 11500 ms"
    );
}

#[test]
fn each_half_open_period_starts_with_fresh_trials() {
    let mut breaker = opened_at_1000();
    succeed_at(&mut breaker, 6_000);
    fail_at(&mut breaker, 6_000);
    assert_eq!(
        breaker.try_call(11_000),
        Ok(()),
        "a new half-open period lets its 1st trial call through"
    );
    assert_eq!(
        breaker.try_call(11_000),
        Ok(()),
        "a new half-open period lets 2 trial calls through again, whatever happened in the last one"
    );
    breaker.record_success();
    assert_eq!(
        breaker.state(11_000),
        State::HalfOpen,
        "the success of the previous half-open period does not carry over: 1 success of 2, \
         still half-open"
    );
    breaker.record_success();
    assert_eq!(
        breaker.state(11_000),
        State::Closed,
        "2 successes in this half-open period close the breaker"
    );
}

#[test]
fn after_closing_the_failure_count_starts_from_zero() {
    let mut breaker = opened_at_1000();
    succeed_at(&mut breaker, 6_000);
    succeed_at(&mut breaker, 6_000);
    fail_at(&mut breaker, 7_000);
    fail_at(&mut breaker, 7_100);
    assert_eq!(
        breaker.state(7_100),
        State::Closed,
        "a breaker that closed after its trials counts failures from 0: 2 new failures are \
         below the threshold of 3"
    );
    fail_at(&mut breaker, 7_200);
    assert_eq!(
        breaker.state(7_200),
        State::Open,
        "3 new consecutive failures open it again"
    );
}

#[test]
fn reports_while_open_are_ignored() {
    let mut breaker = CircuitBreaker::new(CONFIG);
    for now in [1_000, 1_000, 1_000, 1_000] {
        assert_eq!(
            breaker.try_call(now),
            Ok(()),
            "a closed breaker lets calls through"
        );
    }
    // Four calls are out; three fail and open the breaker, the fourth reports late.
    breaker.record_failure(1_000);
    breaker.record_failure(1_000);
    breaker.record_failure(1_000);
    breaker.record_failure(3_000);
    assert_eq!(
        breaker.try_call(3_000),
        Err(Rejected::Open {
            retry_after_ms: 3_000
        }),
        "a late failure reported while open must not restart the timeout: opened at 1000 ms, \
         trials still start at 6000 ms"
    );
    breaker.record_success();
    assert_eq!(
        breaker.state(3_000),
        State::Open,
        "a late success reported while open changes nothing: the breaker stays open"
    );
    assert_eq!(
        breaker.try_call(6_000),
        Ok(()),
        "at 6000 ms the first trial goes through"
    );
    assert_eq!(
        breaker.try_call(6_000),
        Ok(()),
        "the late success did not use up a trial: the 2nd trial goes through too"
    );
}

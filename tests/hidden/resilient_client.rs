use std::collections::VecDeque;

use resilient_client::{
    backoff_ms, AttemptError, BreakerState, CallError, CallReport, Failure, Policy, PolicyError,
    Reply, ResilientClient, Transport,
};

const POLICY: Policy = Policy {
    attempt_timeout_ms: 100,
    call_deadline_ms: 1_000,
    max_attempts: 4,
    backoff_base_ms: 50,
    backoff_cap_ms: 200,
    failure_threshold: 2,
    open_for_ms: 5_000,
};

/// A scripted network: hands out the replies in order and records when each attempt was sent.
#[derive(Default)]
struct Script {
    replies: VecDeque<Reply>,
    sent_at: Vec<u64>,
}

impl Script {
    fn new(replies: Vec<Reply>) -> Self {
        Self {
            replies: replies.into(),
            sent_at: Vec::new(),
        }
    }
}

impl Transport for Script {
    fn send(&mut self, at_ms: u64) -> Reply {
        self.sent_at.push(at_ms);
        self.replies.pop_front().unwrap_or_else(|| {
            panic!(
                "the client sent attempt {} at {at_ms} ms, more than the test scripted",
                self.sent_at.len()
            )
        })
    }
}

fn ok(latency_ms: u64) -> Reply {
    Reply {
        latency_ms,
        result: Ok("200 OK".to_string()),
    }
}

fn unavailable(latency_ms: u64) -> Reply {
    Reply {
        latency_ms,
        result: Err(Failure::Unavailable),
    }
}

fn bad_request(latency_ms: u64) -> Reply {
    Reply {
        latency_ms,
        result: Err(Failure::BadRequest),
    }
}

/// A reply far slower than any timeout: the attempt can only time out.
fn hangs() -> Reply {
    ok(60_000)
}

fn client(policy: Policy) -> ResilientClient {
    ResilientClient::new(policy).expect("the test policy is valid")
}

fn report(result: Result<&str, CallError>, attempts: u32, finished_at_ms: u64) -> CallReport {
    CallReport {
        result: result.map(str::to_string),
        attempts,
        finished_at_ms,
    }
}

/// One call at `now_ms` whose 4 attempts all get `Unavailable` after 10 ms: it ends at
/// `now_ms + 390` (attempts at +0, +60, +170, +380).
fn failed_call(c: &mut ResilientClient, now_ms: u64) -> CallReport {
    let mut net = Script::new(vec![unavailable(10); 4]);
    let r = c.call(now_ms, &mut net);
    assert_eq!(
        r,
        report(
            Err(CallError::RetriesExhausted {
                last: AttemptError::Unavailable
            }),
            4,
            now_ms + 390
        ),
        "four Unavailable replies use up the 4 attempts"
    );
    r
}

// Task 1: Back off between attempts
#[test]
fn backoff_doubles_from_the_base_up_to_the_cap() {
    assert_eq!(
        backoff_ms(&POLICY, 1),
        50,
        "after the first attempt the wait is the base, 50 ms"
    );
    assert_eq!(
        backoff_ms(&POLICY, 2),
        100,
        "after the second it doubles to 100 ms"
    );
    assert_eq!(
        backoff_ms(&POLICY, 3),
        200,
        "after the third it is 200 ms, the cap"
    );
    assert_eq!(
        backoff_ms(&POLICY, 4),
        200,
        "400 ms would pass the cap: 200 ms"
    );
    assert_eq!(
        backoff_ms(&POLICY, 80),
        200,
        "far along, the doubling must neither overflow nor escape the cap"
    );
}

#[test]
fn policies_with_a_zero_setting_are_refused() {
    let cases = [
        (
            Policy {
                attempt_timeout_ms: 0,
                ..POLICY
            },
            PolicyError::ZeroAttemptTimeout,
            "an attempt timeout of 0 gives no attempt any time",
        ),
        (
            Policy {
                call_deadline_ms: 0,
                ..POLICY
            },
            PolicyError::ZeroCallDeadline,
            "a deadline of 0 ends every call before it starts",
        ),
        (
            Policy {
                max_attempts: 0,
                ..POLICY
            },
            PolicyError::ZeroMaxAttempts,
            "a call needs at least one attempt",
        ),
        (
            Policy {
                failure_threshold: 0,
                ..POLICY
            },
            PolicyError::ZeroFailureThreshold,
            "a threshold of 0 would open the breaker before any failure",
        ),
    ];
    for (policy, error, why) in cases {
        assert_eq!(ResilientClient::new(policy).err(), Some(error), "{why}");
    }
}

#[test]
fn errors_explain_themselves() {
    let message = CallError::CircuitOpen { retry_in_ms: 4_000 }.to_string();
    assert!(
        message.contains("4000"),
        "an open circuit should say when to retry, got {message:?}"
    );
    let message = CallError::RetriesExhausted {
        last: AttemptError::Timeout,
    }
    .to_string();
    assert!(
        message.contains(&AttemptError::Timeout.to_string()),
        "exhausted retries should say how the last attempt failed, got {message:?}"
    );
    for error in [
        CallError::BadRequest,
        CallError::DeadlineExceeded,
        CallError::RetriesExhausted {
            last: AttemptError::Unavailable,
        },
    ] {
        assert!(!error.to_string().is_empty(), "{error:?} needs a message");
    }
    assert!(
        PolicyError::ZeroMaxAttempts
            .to_string()
            .contains("max_attempts"),
        "a policy error names the setting"
    );
    assert_ne!(
        AttemptError::Timeout.to_string(),
        AttemptError::Unavailable.to_string(),
        "a timeout and an unavailable server need different messages"
    );
    assert!(
        !AttemptError::Timeout.to_string().is_empty(),
        "a timed-out attempt needs a message"
    );
    let _: &dyn std::error::Error = &CallError::BadRequest;
    let _: &dyn std::error::Error = &PolicyError::ZeroCallDeadline;
    let _: &dyn std::error::Error = &AttemptError::Timeout;
}

// Task 2: Retry the attempts of one call
#[test]
fn a_quick_success_returns_after_one_attempt() {
    let mut c = client(POLICY);
    let mut net = Script::new(vec![ok(30)]);
    assert_eq!(
        c.call(1_000, &mut net),
        report(Ok("200 OK"), 1, 1_030),
        "the reply arrives 30 ms after the call starts at 1000 ms"
    );
    assert_eq!(
        net.sent_at,
        [1_000],
        "the attempt is sent when the call starts"
    );
}

#[test]
fn unavailable_replies_are_retried_after_the_backoff() {
    let mut c = client(POLICY);
    let mut net = Script::new(vec![unavailable(10), unavailable(10), ok(10)]);
    assert_eq!(
        c.call(0, &mut net),
        report(Ok("200 OK"), 3, 180),
        "two Unavailable replies are retried; the third attempt succeeds at 170 + 10 ms"
    );
    assert_eq!(
        net.sent_at,
        [0, 60, 170],
        "each retry waits its backoff after the failed reply: 10 + 50, then 70 + 100"
    );
}

#[test]
fn a_slow_reply_times_out_at_the_attempt_timeout() {
    let mut c = client(POLICY);
    let mut net = Script::new(vec![hangs(), ok(100)]);
    assert_eq!(
        c.call(0, &mut net),
        report(Ok("200 OK"), 2, 250),
        "the first attempt is abandoned at 100 ms, the retry at 150 ms gets its reply in \
         exactly the 100 ms allowed, which still counts"
    );
    assert_eq!(
        net.sent_at,
        [0, 150],
        "the retry waits the 50 ms backoff after the timeout"
    );
}

#[test]
fn retries_stop_after_max_attempts_with_the_last_error() {
    let mut c = client(POLICY);
    let mut net = Script::new(vec![unavailable(10), hangs(), hangs(), hangs()]);
    assert_eq!(
        c.call(10_000, &mut net),
        report(
            Err(CallError::RetriesExhausted {
                last: AttemptError::Timeout
            }),
            4,
            10_660
        ),
        "4 attempts at most; the last one timed out, so that is the error reported"
    );
    assert_eq!(
        net.sent_at,
        [10_000, 10_060, 10_260, 10_560],
        "attempts follow the backoff"
    );
}

#[test]
fn a_bad_request_is_not_retried() {
    let mut c = client(POLICY);
    let mut net = Script::new(vec![bad_request(20)]);
    assert_eq!(
        c.call(0, &mut net),
        report(Err(CallError::BadRequest), 1, 20),
        "retrying cannot fix a bad request: the call ends with the first reply"
    );
}

// Task 3: Keep the whole call within its deadline
#[test]
fn the_deadline_cuts_the_last_wait_short() {
    let policy = Policy {
        max_attempts: 10,
        ..POLICY
    };
    let mut c = client(policy);
    let mut net = Script::new(vec![hangs(); 5]);
    assert_eq!(
        c.call(0, &mut net),
        report(Err(CallError::DeadlineExceeded), 5, 1_000),
        "the fifth attempt starts at 950 ms with only 50 ms left before the 1000 ms deadline: \
         the call gives up at the deadline, not at 1050 ms"
    );
    assert_eq!(
        net.sent_at,
        [0, 150, 350, 650, 950],
        "timeouts of 100 ms and backoffs of 50, 100, 200, 200"
    );
    let five = Policy {
        max_attempts: 5,
        ..POLICY
    };
    let mut c = client(five);
    let mut net = Script::new(vec![hangs(); 5]);
    assert_eq!(
        c.call(0, &mut net).result,
        Err(CallError::DeadlineExceeded),
        "even when it is the last attempt allowed, an attempt cut short by the deadline ends \
         the call with DeadlineExceeded: the deadline, not the attempt count, stopped it"
    );
}

#[test]
fn a_reply_within_the_time_left_before_the_deadline_is_served() {
    let policy = Policy {
        max_attempts: 10,
        ..POLICY
    };
    let mut c = client(policy);
    let mut net = Script::new(vec![hangs(), hangs(), hangs(), hangs(), ok(50)]);
    assert_eq!(
        c.call(0, &mut net),
        report(Ok("200 OK"), 5, 1_000),
        "the fifth attempt at 950 ms gets its reply after 50 ms, right at the deadline: served"
    );
}

#[test]
fn no_attempt_starts_when_the_backoff_would_reach_the_deadline() {
    let long_wait = Policy {
        max_attempts: 10,
        call_deadline_ms: 1_150,
        ..POLICY
    };
    let mut c = client(long_wait);
    let mut net = Script::new(vec![unavailable(80); 5]);
    assert_eq!(
        c.call(0, &mut net),
        report(Err(CallError::DeadlineExceeded), 5, 950),
        "after the fifth failure at 950 ms a 200 ms backoff ends exactly at the 1150 ms \
         deadline: no attempt could run, so the call fails at once, at 950 ms"
    );
    let a_bit_longer = Policy {
        call_deadline_ms: 1_151,
        ..long_wait
    };
    let mut c = client(a_bit_longer);
    let mut net = Script::new(vec![
        unavailable(80),
        unavailable(80),
        unavailable(80),
        unavailable(80),
        unavailable(80),
        ok(1),
    ]);
    assert_eq!(
        c.call(0, &mut net),
        report(Ok("200 OK"), 6, 1_151),
        "with a 1151 ms deadline the sixth attempt starts at 1150 ms with 1 ms left, enough \
         for a 1 ms reply"
    );
}

// Task 4: Open the breaker after failed calls in a row
#[test]
fn the_breaker_counts_failed_calls_not_failed_attempts() {
    let mut c = client(POLICY);
    failed_call(&mut c, 0);
    assert_eq!(
        c.state(390),
        BreakerState::Closed,
        "one failed call of 4 attempts is one failure, below the threshold of 2"
    );
    failed_call(&mut c, 1_000);
    assert_eq!(
        c.state(1_390),
        BreakerState::Open,
        "the second failed call in a row reaches the threshold: the breaker opens"
    );
}

#[test]
fn calls_that_miss_the_deadline_count_as_failures() {
    let policy = Policy {
        max_attempts: 10,
        ..POLICY
    };
    let mut c = client(policy);
    for start in [0, 2_000] {
        let mut net = Script::new(vec![hangs(); 5]);
        c.call(start, &mut net);
    }
    assert_eq!(
        c.state(3_000),
        BreakerState::Open,
        "two calls in a row ended by the deadline are two failures: the breaker opens"
    );
}

#[test]
fn a_new_client_and_a_success_keep_the_breaker_closed() {
    let mut c = client(POLICY);
    assert_eq!(
        c.state(0),
        BreakerState::Closed,
        "a new client starts closed"
    );
    c.call(1_000, &mut Script::new(vec![ok(30)]));
    assert_eq!(
        c.state(1_030),
        BreakerState::Closed,
        "a success keeps the breaker closed"
    );
}

#[test]
fn an_open_breaker_fails_fast_without_touching_the_transport() {
    let mut c = client(POLICY);
    failed_call(&mut c, 0);
    failed_call(&mut c, 1_000);
    let mut net = Script::new(vec![]);
    assert_eq!(
        c.call(2_390, &mut net),
        report(Err(CallError::CircuitOpen { retry_in_ms: 4_000 }), 0, 2_390),
        "the breaker opened when the second call finished, at 1390 ms, for 5000 ms: 4000 ms \
         are left, and the call fails at once"
    );
    assert!(
        net.sent_at.is_empty(),
        "an open breaker must not send anything"
    );
    assert_eq!(
        c.state(6_389),
        BreakerState::Open,
        "still open 1 ms before 6390 ms"
    );
    assert_eq!(
        c.state(6_390),
        BreakerState::HalfOpen,
        "half-open once the 5000 ms are over"
    );
}

#[test]
fn a_success_or_a_bad_request_resets_the_failure_count() {
    let mut c = client(POLICY);
    failed_call(&mut c, 0);
    c.call(1_000, &mut Script::new(vec![ok(10)]));
    failed_call(&mut c, 2_000);
    assert_eq!(
        c.state(2_390),
        BreakerState::Closed,
        "fail, success, fail: never 2 failed calls in a row"
    );
    c.call(3_000, &mut Script::new(vec![bad_request(10)]));
    assert_eq!(
        c.state(3_010),
        BreakerState::Closed,
        "a bad request is the caller's fault, not a failure of the server"
    );
    failed_call(&mut c, 4_000);
    assert_eq!(
        c.state(4_390),
        BreakerState::Closed,
        "fail, bad request, fail: the server answered the bad request, so the count restarted"
    );
}

// Task 5: Let one trial through when half-open
#[test]
fn a_half_open_breaker_allows_a_single_trial_attempt() {
    let mut c = client(POLICY);
    failed_call(&mut c, 0);
    failed_call(&mut c, 1_000);
    let mut net = Script::new(vec![unavailable(10)]);
    assert_eq!(
        c.call(6_390, &mut net),
        report(
            Err(CallError::RetriesExhausted {
                last: AttemptError::Unavailable
            }),
            1,
            6_400
        ),
        "the trial call gets one attempt only: a recovering server must not get a burst of retries"
    );
    assert_eq!(
        c.state(6_400),
        BreakerState::Open,
        "a failed trial opens the breaker again"
    );
    let mut net = Script::new(vec![]);
    assert_eq!(
        c.call(11_399, &mut net).result,
        Err(CallError::CircuitOpen { retry_in_ms: 1 }),
        "it is open again for 5000 ms from the end of the trial at 6400 ms"
    );
    assert_eq!(
        c.state(11_400),
        BreakerState::HalfOpen,
        "then half-open again"
    );
}

#[test]
fn a_successful_trial_closes_the_breaker_with_a_fresh_count() {
    let mut c = client(POLICY);
    failed_call(&mut c, 0);
    failed_call(&mut c, 1_000);
    let mut net = Script::new(vec![ok(10)]);
    assert_eq!(
        c.call(7_000, &mut net),
        report(Ok("200 OK"), 1, 7_010),
        "after the open period a successful trial goes through"
    );
    assert_eq!(
        c.state(7_010),
        BreakerState::Closed,
        "a successful trial closes the breaker"
    );
    failed_call(&mut c, 8_000);
    assert_eq!(
        c.state(8_390),
        BreakerState::Closed,
        "the failures before the trial are forgotten: one new failed call is below the threshold"
    );
}

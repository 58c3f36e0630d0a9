use retry_backoff::{retry, Policy, RandomSource, RetryError, Retryable, Sleeper, SplitMix64};

/// Errors of a remote call in these tests.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CallError {
    /// Transient; carries the attempt that timed out, to tell errors apart.
    Timeout(u32),
    /// Transient.
    Unavailable,
    /// Permanent: the request itself is wrong.
    BadRequest,
}

impl Retryable for CallError {
    fn is_retryable(&self) -> bool {
        !matches!(self, CallError::BadRequest)
    }
}

/// A random source that records every `max` it is asked for and answers with `pick(max)`.
struct Scripted {
    asked: Vec<u64>,
    pick: fn(u64) -> u64,
}

/// Always draws the ceiling itself, so waits equal their ceilings.
fn highest() -> Scripted {
    Scripted {
        asked: Vec::new(),
        pick: |max| max,
    }
}

/// Always draws 0.
fn lowest() -> Scripted {
    Scripted {
        asked: Vec::new(),
        pick: |_| 0,
    }
}

/// Always draws half the ceiling, rounded down.
fn halfway() -> Scripted {
    Scripted {
        asked: Vec::new(),
        pick: |max| max / 2,
    }
}

impl RandomSource for Scripted {
    fn up_to(&mut self, max: u64) -> u64 {
        self.asked.push(max);
        (self.pick)(max)
    }
}

/// Records every wait instead of sleeping.
#[derive(Default)]
struct Recorder {
    waits: Vec<u64>,
}

impl Sleeper for Recorder {
    fn sleep_ms(&mut self, ms: u64) {
        self.waits.push(ms);
    }
}

const POLICY: Policy = Policy {
    max_attempts: 4,
    base_delay_ms: 100,
    max_delay_ms: 1_000,
};

struct Run {
    result: Result<u32, RetryError<CallError>>,
    /// The attempt numbers the operation was called with.
    calls: Vec<u32>,
    waits: Vec<u64>,
}

/// Runs `retry` over an operation whose answer to attempt `n` is `answer(n)`.
fn run(
    policy: &Policy,
    rng: &mut impl RandomSource,
    answer: impl Fn(u32) -> Result<u32, CallError>,
) -> Run {
    let mut sleeper = Recorder::default();
    let mut calls = Vec::new();
    let result = retry(policy, rng, &mut sleeper, |attempt| {
        calls.push(attempt);
        assert!(
            calls.len() <= 50,
            "the operation was called more than 50 times: the retry loop must stop after \
             max_attempts calls"
        );
        answer(attempt)
    });
    Run {
        result,
        calls,
        waits: sleeper.waits,
    }
}

// Task 1: Compute the capped, doubling ceiling
#[test]
fn ceiling_doubles_from_the_base_delay() {
    let ceilings: Vec<u64> = (1..=4).map(|n| POLICY.ceiling_for(n)).collect();
    assert_eq!(
        ceilings,
        vec![100, 200, 400, 800],
        "with a base of 100 ms the ceilings after attempts 1 to 4 are base × 2^(n−1): the \
         first failure waits at most the base itself, and each later one doubles it"
    );
}

#[test]
fn ceiling_is_capped_at_the_max_delay() {
    let ceilings: Vec<u64> = (5..=8).map(|n| POLICY.ceiling_for(n)).collect();
    assert_eq!(
        ceilings,
        vec![1_000; 4],
        "from attempt 5 on, base × 2^(n−1) is 1600 ms or more, so the ceiling is the 1000 ms cap"
    );
    let uneven = Policy {
        base_delay_ms: 300,
        ..POLICY
    };
    let ceilings: Vec<u64> = (1..=4).map(|n| uneven.ceiling_for(n)).collect();
    assert_eq!(
        ceilings,
        vec![300, 600, 1_000, 1_000],
        "with a base of 300 ms and a cap of 1000 ms, 1200 ms after attempt 3 is capped to 1000"
    );
}

#[test]
fn a_base_above_the_cap_is_capped_from_the_first_attempt() {
    let policy = Policy {
        base_delay_ms: 5_000,
        ..POLICY
    };
    assert_eq!(
        policy.ceiling_for(1),
        1_000,
        "the cap holds for every wait: a 5000 ms base under a 1000 ms cap gives a ceiling of \
         1000 ms even after the first attempt"
    );
}

#[test]
fn ceiling_never_overflows_for_late_attempts() {
    for attempt in [40, 64, 65, 100, 1_000, u32::MAX] {
        assert_eq!(
            POLICY.ceiling_for(attempt),
            1_000,
            "after attempt {attempt} the ceiling is still the 1000 ms cap (doubling that many \
             times must not overflow or wrap around)"
        );
    }
    let uncapped = Policy {
        max_attempts: 100,
        base_delay_ms: 1,
        max_delay_ms: u64::MAX,
    };
    assert_eq!(
        uncapped.ceiling_for(64),
        1 << 63,
        "with a base of 1 ms, the ceiling after attempt 64 is 2^63 ms"
    );
    assert_eq!(
        uncapped.ceiling_for(65),
        u64::MAX,
        "2^64 ms does not fit in a u64: the ceiling must saturate at u64::MAX, not wrap to 0"
    );
    let odd = Policy {
        base_delay_ms: 3,
        ..uncapped
    };
    assert_eq!(
        odd.ceiling_for(64),
        u64::MAX,
        "3 × 2^63 ms does not fit in a u64: the ceiling must saturate at u64::MAX, not wrap around"
    );
}

// Task 2: Draw the wait with full jitter
#[test]
fn delay_is_one_uniform_draw_up_to_the_ceiling() {
    let mut rng = halfway();
    assert_eq!(
        POLICY.delay_for(3, &mut rng),
        200,
        "full jitter: the wait after attempt 3 is the number drawn from 0..=400 (here 200), \
         not the ceiling plus or times anything"
    );
    assert_eq!(
        rng.asked,
        vec![400],
        "the wait after attempt 3 takes exactly one draw from 0..=400, its ceiling"
    );
    assert_eq!(
        POLICY.delay_for(3, &mut lowest()),
        0,
        "full jitter may draw no wait at all: a draw of 0 is a wait of 0 ms"
    );
    assert_eq!(
        POLICY.delay_for(3, &mut highest()),
        400,
        "full jitter may draw the ceiling itself: a draw of 400 is a wait of 400 ms"
    );
}

#[test]
fn jitter_is_drawn_below_the_capped_ceiling() {
    let mut rng = halfway();
    let delay = POLICY.delay_for(6, &mut rng);
    assert_eq!(
        rng.asked,
        vec![1_000],
        "after attempt 6 the draw must be from 0..=1000 (the cap), not from the uncapped 3200: \
         cap first, then jitter"
    );
    assert_eq!(
        delay, 500,
        "the wait is the drawn number itself (half of the 1000 ms cap here)"
    );
}

#[test]
fn splitmix_is_deterministic_and_uniform_over_its_range() {
    assert_eq!(
        SplitMix64::new(0).next_u64(),
        0xe220_a839_7b1d_cdaf,
        "SplitMix64 seeded with 0 must give the reference first output"
    );
    let mut a = SplitMix64::new(42);
    let mut b = SplitMix64::new(42);
    for _ in 0..5 {
        assert_eq!(
            a.up_to(u64::MAX),
            b.next_u64(),
            "a draw from the whole u64 range is the generator's raw output"
        );
    }
    let mut rng = SplitMix64::new(1);
    let mut seen = [0u32; 4];
    for _ in 0..4_000 {
        let n = rng.up_to(3);
        assert!(n <= 3, "up_to(3) drew {n}, outside 0..=3");
        seen[n as usize] += 1;
    }
    for (n, count) in seen.iter().enumerate() {
        assert!(
            (800..=1_200).contains(count),
            "over 4000 draws from 0..=3, {n} came {count} times instead of about 1000"
        );
    }
    assert_eq!(
        SplitMix64::new(9).up_to(0),
        0,
        "a draw from 0..=0 is always 0"
    );
}

// Task 3: Retry transient failures, and stop in time
#[test]
fn a_first_success_returns_at_once() {
    let mut rng = highest();
    let run = run(&POLICY, &mut rng, |_| Ok(42));
    assert_eq!(run.result, Ok(42), "a call that succeeds returns its value");
    assert_eq!(
        run.calls,
        vec![1],
        "a call that succeeds at once is made exactly once"
    );
    assert!(
        run.waits.is_empty() && rng.asked.is_empty(),
        "no failure, no wait and no draw: waits {:?}, draws {:?}",
        run.waits,
        rng.asked
    );
}

#[test]
fn transient_failures_are_retried_after_growing_waits() {
    let mut rng = highest();
    let run = run(&POLICY, &mut rng, |attempt| match attempt {
        1 => Err(CallError::Timeout(1)),
        2 => Err(CallError::Unavailable),
        n => Ok(n * 10),
    });
    assert_eq!(
        run.result,
        Ok(30),
        "the third attempt succeeds, so retry returns its value"
    );
    assert_eq!(
        run.calls,
        vec![1, 2, 3],
        "the operation is called with the attempt numbers 1, 2, 3"
    );
    assert_eq!(
        run.waits,
        vec![100, 200],
        "drawing the ceiling each time, the waits after attempts 1 and 2 are 100 ms and 200 ms"
    );
    assert_eq!(
        rng.asked,
        vec![100, 200],
        "each wait takes one draw, bounded by that attempt's ceiling"
    );
}

#[test]
fn retry_waits_are_the_jittered_draws() {
    let answer = |attempt| match attempt {
        1 | 2 => Err(CallError::Unavailable),
        _ => Ok(0),
    };
    assert_eq!(
        run(&POLICY, &mut halfway(), answer).waits,
        vec![50, 100],
        "the waits are the numbers drawn below each ceiling (half of 100 and of 200 here), \
         not the ceilings themselves"
    );
    assert_eq!(
        run(&POLICY, &mut lowest(), answer).waits,
        vec![0, 0],
        "when every draw is 0, every wait is 0 ms: full jitter reaches all the way down to 0"
    );
}

#[test]
fn gives_up_after_max_attempts_without_a_final_wait() {
    let mut rng = highest();
    let run = run(&POLICY, &mut rng, |attempt| {
        Err(CallError::Timeout(attempt))
    });
    assert_eq!(
        run.result,
        Err(RetryError::Exhausted {
            last_error: CallError::Timeout(4),
            attempts: 4
        }),
        "after 4 transient failures with max_attempts = 4, retry gives up with the last error"
    );
    assert_eq!(
        run.calls,
        vec![1, 2, 3, 4],
        "max_attempts = 4 allows exactly 4 calls, the first one included"
    );
    assert_eq!(
        run.waits,
        vec![100, 200, 400],
        "4 attempts need only 3 waits: nothing follows the last attempt, so no wait after it"
    );
    assert_eq!(
        rng.asked,
        vec![100, 200, 400],
        "one draw per wait, and none for the wait that does not happen after the last attempt"
    );
}

#[test]
fn waits_stay_at_the_cap_on_long_retries() {
    let policy = Policy {
        max_attempts: 7,
        ..POLICY
    };
    let run = run(&policy, &mut highest(), |_| Err(CallError::Unavailable));
    assert_eq!(
        run.waits,
        vec![100, 200, 400, 800, 1_000, 1_000],
        "with 7 attempts the 6 waits grow 100, 200, 400, 800 and then stay at the 1000 ms cap"
    );
}

#[test]
fn a_permanent_error_is_returned_at_once() {
    let mut rng = highest();
    let run = run(&POLICY, &mut rng, |attempt| match attempt {
        1 => Err(CallError::Timeout(1)),
        2 => Err(CallError::BadRequest),
        _ => Ok(0),
    });
    assert_eq!(
        run.result,
        Err(RetryError::Permanent {
            error: CallError::BadRequest,
            attempts: 2
        }),
        "a non-retryable error ends the retries at once and is returned with the 2 calls made"
    );
    assert_eq!(
        run.calls,
        vec![1, 2],
        "after a non-retryable error the operation is not called again"
    );
    assert_eq!(
        run.waits,
        vec![100],
        "only the transient failure of attempt 1 is followed by a wait; a permanent error is not"
    );
}

#[test]
fn a_permanent_first_error_needs_no_wait() {
    let mut rng = highest();
    let run = run(&POLICY, &mut rng, |_| Err(CallError::BadRequest));
    assert_eq!(
        run.result,
        Err(RetryError::Permanent {
            error: CallError::BadRequest,
            attempts: 1
        }),
        "a bad request fails the same way every time: return it after the first call"
    );
    assert!(
        run.waits.is_empty() && rng.asked.is_empty(),
        "a permanent error is returned without waiting or drawing: waits {:?}, draws {:?}",
        run.waits,
        rng.asked
    );
}

#[test]
fn a_single_attempt_policy_never_retries() {
    let policy = Policy {
        max_attempts: 1,
        ..POLICY
    };
    let run = run(&policy, &mut highest(), |attempt| {
        Err(CallError::Timeout(attempt))
    });
    assert_eq!(
        run.result,
        Err(RetryError::Exhausted {
            last_error: CallError::Timeout(1),
            attempts: 1
        }),
        "max_attempts = 1 means one call and no retry"
    );
    assert!(
        run.waits.is_empty(),
        "with a single attempt there is nothing to wait for, yet it waited {:?}",
        run.waits
    );
}

#[test]
fn zero_max_attempts_still_calls_once() {
    let policy = Policy {
        max_attempts: 0,
        ..POLICY
    };
    let failing = run(&policy, &mut highest(), |attempt| {
        Err(CallError::Timeout(attempt))
    });
    assert_eq!(
        failing.calls,
        vec![1],
        "the operation is always called at least once, even with max_attempts = 0"
    );
    assert_eq!(
        failing.result,
        Err(RetryError::Exhausted {
            last_error: CallError::Timeout(1),
            attempts: 1
        }),
        "with max_attempts = 0, a transient failure of the one call is returned as Exhausted"
    );
    let succeeding = run(&policy, &mut highest(), |_| Ok(7));
    assert_eq!(
        succeeding.result,
        Ok(7),
        "with max_attempts = 0, the one call made can still succeed"
    );
}

#[test]
fn seeded_jitter_replays_exactly_and_stays_below_the_ceilings() {
    let policy = Policy {
        max_attempts: 8,
        ..POLICY
    };
    let first = run(&policy, &mut SplitMix64::new(7), |_| {
        Err(CallError::Unavailable)
    });
    let again = run(&policy, &mut SplitMix64::new(7), |_| {
        Err(CallError::Unavailable)
    });
    assert_eq!(
        first.waits, again.waits,
        "the same seed must give the same waits: a retry schedule can be replayed exactly"
    );
    assert_eq!(first.waits.len(), 7, "8 attempts are separated by 7 waits");
    for (i, wait) in first.waits.iter().enumerate() {
        let attempt = i as u32 + 1;
        assert!(
            *wait <= policy.ceiling_for(attempt),
            "the wait after attempt {attempt} ({wait} ms) is above its ceiling of {} ms",
            policy.ceiling_for(attempt)
        );
    }
}

#[test]
fn a_retry_error_says_how_many_attempts_were_made_and_why() {
    let exhausted: RetryError<&str> = RetryError::Exhausted {
        last_error: "timed out",
        attempts: 4,
    };
    let text = exhausted.to_string();
    assert!(
        text.contains('4') && text.contains("timed out"),
        "an exhausted retry reads as the attempts made and the last error, got {text:?}"
    );
    let permanent: RetryError<&str> = RetryError::Permanent {
        error: "bad request",
        attempts: 2,
    };
    let text = permanent.to_string();
    assert!(
        text.contains('2') && text.contains("bad request"),
        "a permanent failure reads as the attempts made and the error, got {text:?}"
    );
}

//! # circuit_breaker: stop calling a dependency that keeps failing
//!
//! When a dependency is down, calling it anyway wastes the caller's threads and time and piles
//! more load on a service trying to recover; failures then cascade up the call chain. A circuit
//! breaker sits in front of the dependency, counts its failures, and past a threshold rejects
//! calls at once (fails fast) for a while, then lets a few trial calls through to see whether
//! the dependency is back. Michael Nygard's *Release It!* named the pattern and its three
//! states; Resilience4j's `CircuitBreaker` is a widely used implementation, with a number of
//! "permitted calls in half-open state" like `half_open_trials` here.
//!
//! Using it: ask [`CircuitBreaker::try_call`] before each call; if it is let through, make the
//! call and report how it went with [`CircuitBreaker::record_success`] or
//! [`CircuitBreaker::record_failure`] (a timeout is a failure). [`CircuitBreaker::state`] is
//! given. Times are milliseconds on the caller's clock.
//!
//! ## Task 1: Open after too many consecutive failures
//!
//! - **Closed**: every call goes through. Each failure adds one to a count of consecutive
//!   failures and each success resets it to 0. When the count reaches `failure_threshold`, the
//!   breaker opens, at the instant of that failure (`opened_at_ms`).
//! - **Open**: every call is rejected with [`Rejected::Open`] and the time left until
//!   `opened_at_ms + open_timeout_ms`.
//! - Reports that arrive while the breaker is open come from calls made before it opened:
//!   they change nothing (a late failure does not restart the timeout).
//!
//! Example: threshold 3, timeout 5 000 ms; failures at 100, 2 000 and 3 000 ms open the
//! breaker at 3 000 ms, and `try_call(4_500)` is `Err(Open { retry_after_ms: 3_500 })`.
//!
//! ## Task 2: Half-open exactly when the timeout has passed
//!
//! - The breaker is open while `now_ms < opened_at_ms + open_timeout_ms`, and half-open from
//!   `opened_at_ms + open_timeout_ms` on: that instant included, and however long after.
//! - The first call in a new half-open period starts it with no trial made yet. Up to
//!   `half_open_trials` trial calls go through in all; any call beyond them is rejected with
//!   [`Rejected::TrialsInFlight`].
//!
//! Example: opened at 1 000 ms with a 5 000 ms timeout and 2 trials, `try_call(5_999)` is
//! `Err(Open { retry_after_ms: 1 })`; `try_call(6_000)` and `try_call(6_001)` are `Ok(())`;
//! a third, `try_call(6_002)`, is `Err(TrialsInFlight)`.
//!
//! ## Task 3: Close after the trials succeed, reopen on a trial failure
//!
//! - When `half_open_trials` trial calls have succeeded, the breaker closes, with a failure
//!   count of 0.
//! - The first trial failure opens it again, with a fresh timeout counted from that failure;
//!   the next half-open period starts with fresh trials.
//!
//! Example: opened at 1 000 ms with 2 trials, successes of the trials made at 6 000 and
//! 6 001 ms close it; had the second failed at 6 500 ms, it would be open until 11 500 ms.
//!
//! ## Beyond this exercise
//!
//! Here the breaker opens on consecutive failures; real ones usually look at a failure *rate*
//! over a sliding window of calls or time, with a minimum number of calls (Resilience4j) or a
//! volume threshold (Hystrix), and may count slow calls as failures. A breaker's rejection
//! should go with a fallback (a cached answer, a degraded page), not just an error.

/// How the breaker reacts to failures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// Consecutive failures that open the breaker (at least 1).
    pub failure_threshold: u32,
    /// How long the breaker stays open before it lets trial calls through.
    pub open_timeout_ms: u64,
    /// Trial calls let through while half-open; all of them must succeed to close (at least 1).
    pub half_open_trials: u32,
}

/// The state of the breaker, as seen from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Calls go through; failures are counted.
    Closed,
    /// Calls are rejected at once.
    Open,
    /// A few trial calls go through to probe the dependency.
    HalfOpen,
}

/// Why a call was not let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    /// The breaker is open; trial calls start in `retry_after_ms`.
    Open {
        /// Milliseconds left until the breaker is half-open.
        retry_after_ms: u64,
    },
    /// The breaker is half-open and has already let all its trial calls through.
    TrialsInFlight,
}

impl std::fmt::Display for Rejected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rejected::Open { retry_after_ms } => {
                write!(f, "circuit open: trial calls start in {retry_after_ms} ms")
            }
            Rejected::TrialsInFlight => write!(f, "circuit half-open: all trial calls are out"),
        }
    }
}

impl std::error::Error for Rejected {}

/// What the breaker remembers in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Closed {
        /// Consecutive failures so far.
        failures: u32,
    },
    Open {
        /// When the failure that opened the breaker happened.
        opened_at_ms: u64,
    },
    HalfOpen {
        /// Trial calls let through so far.
        admitted: u32,
        /// Trial calls that succeeded so far.
        successes: u32,
    },
}

/// A circuit breaker in front of one dependency.
#[derive(Debug, Clone)]
pub struct CircuitBreaker {
    config: Config,
    phase: Phase,
}

impl CircuitBreaker {
    /// A closed breaker with no failures counted.
    pub fn new(config: Config) -> Self {
        Self {
            config,
            phase: Phase::Closed { failures: 0 },
        }
    }

    /// Opens the breaker as of `now_ms`: a fresh open timeout, counted from this instant.
    fn open(&mut self, now_ms: u64) {
        self.phase = Phase::Open {
            opened_at_ms: now_ms,
        };
    }

    /// The instant from which a breaker opened at `opened_at_ms` is half-open.
    fn half_open_at_ms(&self, opened_at_ms: u64) -> u64 {
        opened_at_ms.saturating_add(self.config.open_timeout_ms)
    }

    /// The state at time `now_ms`: an open breaker whose timeout has elapsed is half-open.
    pub fn state(&self, now_ms: u64) -> State {
        match self.phase {
            Phase::Closed { .. } => State::Closed,
            // Half-open from `opened_at_ms + open_timeout_ms` on, that instant included.
            Phase::Open { opened_at_ms } if now_ms < self.half_open_at_ms(opened_at_ms) => {
                State::Open
            }
            Phase::Open { .. } | Phase::HalfOpen { .. } => State::HalfOpen,
        }
    }

    /// Asks to make one call at time `now_ms`: `Ok` lets it through, and its outcome must then
    /// be reported.
    pub fn try_call(&mut self, now_ms: u64) -> Result<(), Rejected> {
        // TODO (Task 1): closed lets through, open rejects with the time left.
        // TODO (Task 2): an open breaker whose timeout has come starts a half-open period,
        // which lets through at most `half_open_trials` trials.
        todo!()
    }

    /// Reports that a call that was let through succeeded.
    pub fn record_success(&mut self) {
        // TODO (Task 1): a success resets the failure count of a closed breaker.
        // TODO (Task 3): a trial success counts towards closing a half-open breaker.
        todo!()
    }

    /// Reports that a call that was let through failed at time `now_ms`.
    pub fn record_failure(&mut self, now_ms: u64) {
        // TODO (Task 1): count the failure, and open the breaker at the threshold.
        // TODO (Task 3): a trial failure opens the breaker again.
        todo!()
    }
}

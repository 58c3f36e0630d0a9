//! # circuit_breaker: stop calling a dependency that keeps failing
//!
//! When a dependency is down, calling it anyway wastes the caller's threads and time and piles
//! more load on a service trying to recover; failures then cascade up the call chain. A circuit
//! breaker sits in front of the dependency, counts its failures, and past a threshold rejects
//! calls at once (fails fast) for a while, then lets a few trial calls through to see whether
//! the dependency is back.
//!
//! ## Task 1: Stop calling a dependency that keeps failing
//!
//! ## The states and their transitions (times in milliseconds, from the caller's clock)
//!
//! - **Closed**: every call goes through. Each failure adds one to a count of consecutive
//!   failures and each success resets it to 0. When the count reaches `failure_threshold`, the
//!   breaker opens.
//! - **Open**: every call is rejected with the time left until trials begin. After
//!   `open_timeout_ms`, counted from the failure that opened it, the breaker is half-open.
//! - **HalfOpen**: up to `half_open_trials` trial calls go through in all; any call beyond
//!   them is rejected. When that many trial calls have succeeded, the breaker closes (with a
//!   failure count of 0). The first trial failure opens it again, with a fresh timeout counted
//!   from that failure.
//!
//! Using it: ask [`CircuitBreaker::try_call`] before each call; if it is let through, make the
//! call and report how it went with [`CircuitBreaker::record_success`] or
//! [`CircuitBreaker::record_failure`] (a timeout is a failure). Reports that arrive while the
//! breaker is open come from calls made before it opened: they are ignored.

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

/// What the breaker remembers in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Closed {
        /// Consecutive failures so far.
        failures: u32,
    },
    Open {
        /// When the breaker turns half-open.
        until_ms: u64,
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

    /// The state at time `now_ms`: an open breaker whose timeout has elapsed is half-open.
    pub fn state(&self, now_ms: u64) -> State {
        match self.phase {
            Phase::Closed { .. } => State::Closed,
            Phase::Open { until_ms } if now_ms < until_ms => State::Open,
            // The timeout has elapsed: the next call will be a trial.
            Phase::Open { .. } | Phase::HalfOpen { .. } => State::HalfOpen,
        }
    }

    /// Asks to make one call at time `now_ms`: `Ok` lets it through, and its outcome must then
    /// be reported.
    pub fn try_call(&mut self, now_ms: u64) -> Result<(), Rejected> {
        match self.phase {
            Phase::Closed { .. } => Ok(()),
            Phase::Open { until_ms } if now_ms < until_ms => Err(Rejected::Open {
                retry_after_ms: until_ms - now_ms,
            }),
            // The timeout has elapsed: this call is the first trial of a new half-open period.
            Phase::Open { .. } => {
                self.phase = Phase::HalfOpen {
                    admitted: 1,
                    successes: 0,
                };
                Ok(())
            }
            Phase::HalfOpen {
                admitted,
                successes,
            } if admitted < self.config.half_open_trials => {
                self.phase = Phase::HalfOpen {
                    admitted: admitted + 1,
                    successes,
                };
                Ok(())
            }
            // Only a few probes: a dependency that has just come back must not receive the
            // whole backlog at once.
            Phase::HalfOpen { .. } => Err(Rejected::TrialsInFlight),
        }
    }

    /// Reports that a call that was let through succeeded.
    pub fn record_success(&mut self) {
        match &mut self.phase {
            // Only consecutive failures count: one success shows the dependency answers.
            Phase::Closed { failures } => *failures = 0,
            Phase::HalfOpen { successes, .. } => {
                *successes += 1;
                if *successes >= self.config.half_open_trials {
                    self.phase = Phase::Closed { failures: 0 };
                }
            }
            // A call made before the breaker opened: it changes nothing.
            Phase::Open { .. } => {}
        }
    }

    /// Reports that a call that was let through failed at time `now_ms`.
    pub fn record_failure(&mut self, now_ms: u64) {
        let open_now = match &mut self.phase {
            Phase::Closed { failures } => {
                *failures += 1;
                *failures >= self.config.failure_threshold
            }
            // One failed trial is enough: the dependency is not back yet.
            Phase::HalfOpen { .. } => true,
            // Already open: a late report must not push the timeout further away.
            Phase::Open { .. } => false,
        };
        if open_now {
            self.phase = Phase::Open {
                until_ms: now_ms.saturating_add(self.config.open_timeout_ms),
            };
        }
    }
}

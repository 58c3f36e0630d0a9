//! # resilient_client: timeouts, retries with backoff and a circuit breaker in one client (quiz)
//!
//! One call of [`ResilientClient::call`] goes through three layers, outermost first: the
//! circuit breaker (Nygard, *Release It!*, 2nd ed., ch. 5; Fowler, "CircuitBreaker"), the
//! retries inside the call's deadline, and the timeout of each attempt (Google, *Site
//! Reliability Engineering*, ch. 22 "Addressing Cascading Failures"; the Amazon Builders'
//! Library, "Timeouts, retries, and backoff with jitter"). This quiz brings together the
//! 10_resilience track. Time is simulated: the call starts at `now_ms`, each attempt is sent
//! with [`Transport::send`] at the current time, and the call reports when it finished. All
//! times are in milliseconds. Simplification: the backoff has no jitter, so that the tests
//! can check every instant (`retry_backoff` showed why real clients add it).
//!
//! [`ResilientClient::new`] (validation) and [`ResilientClient::call`] (which puts the private
//! helpers together: `admit`, then `attempt_until_done` with one attempt for a trial, then
//! `record`) are given. The breaker sees one outcome per call, never per attempt.
//!
//! ## Task 1: Back off between attempts
//!
//! [`backoff_ms`]: after failed attempt `n` (from 1) the client waits `backoff_base_ms ×
//! 2^(n−1)`, at most `backoff_cap_ms`, without overflowing for large `n`.
//!
//! Example: base 50, cap 200: waits of 50, 100, 200, 200 after attempts 1 to 4.
//!
//! ## Task 2: Retry the attempts of one call
//!
//! In `attempt_until_done`, keep one running clock from the call's start:
//! - an attempt waits for its reply up to `attempt_timeout_ms`; a reply whose latency is within
//!   the wait arrives (the clock moves by the latency); otherwise the attempt times out
//!   ([`AttemptError::Timeout`]) and the clock moves by the wait;
//! - a successful reply ends the call; [`Failure::BadRequest`] ends it too with
//!   [`CallError::BadRequest`]: retrying cannot fix the request. `Unavailable` and timeouts
//!   are retried after `backoff_ms` of the attempt's number;
//! - with no attempt left, the call fails with [`CallError::RetriesExhausted`] and the last
//!   attempt's error.
//!
//! Example: with a timeout of 100, backoffs of 50 doubling up to 200, 4 attempts allowed and
//! replies `Unavailable` after 10 ms: attempts at 0, 60, 170 and 380, and `RetriesExhausted { last:
//! Unavailable }` at 390.
//!
//! ## Task 3: Keep the whole call within its deadline
//!
//! The deadline is `call_deadline_ms` after the call starts.
//! - An attempt waits at most until the deadline if that comes before its own timeout; when it
//!   was the deadline that cut the wait short, the call ends there with
//!   [`CallError::DeadlineExceeded`]. A reply within the time left is still served.
//! - If the backoff would reach or pass the deadline, no attempt could start in time: the call
//!   fails at once with `DeadlineExceeded` (at the end of the failed attempt).
//!
//! Example: a timeout of 100, a deadline of 1000, backoffs of 50 doubling up to 200, every
//! reply hanging: attempts at 0, 150, 350, 650 and 950; the fifth is cut short at 1000:
//! `DeadlineExceeded` at 1000 after 5 attempts. With a deadline of 1150 and `Unavailable`
//! after 80 ms, the fifth attempt fails at 950 and the 200 ms backoff would reach the
//! deadline: `DeadlineExceeded` at 950.
//!
//! ## Task 4: Open the breaker after failed calls in a row
//!
//! - `record` (closed breaker): count the calls in a row that failed (`RetriesExhausted` or
//!   `DeadlineExceeded`); any other outcome resets the count, `BadRequest` included (the server
//!   answered). At `failure_threshold` the breaker opens, from the time the failing call
//!   finished, for `open_for_ms`.
//! - [`ResilientClient::state`]: `Closed`, `Open` before the open period ends, `HalfOpen` from
//!   its end on.
//! - `admit`: while the breaker is open, the call fails at once with [`CallError::CircuitOpen`]
//!   (0 attempts, finished at `now_ms`, `retry_in_ms` until it half-opens), and the transport
//!   is not touched.
//!
//! Example: threshold 2, open for 5000: two failed calls, the second finishing at 1390, open
//! the breaker; a call at 2390 gets `CircuitOpen { retry_in_ms: 4000 }`; at 6390 it is
//! half-open.
//!
//! ## Task 5: Let one trial through when half-open
//!
//! Once the open period is over, `admit` lets the next call through as a *trial* (the given
//! `call` then allows it a single attempt, whatever `max_attempts` says). In `record`, a failed
//! trial opens the breaker again from the trial's end; any other outcome closes it with a fresh
//! count.
//!
//! Example: half-open at 6390, a trial answered `Unavailable` after 10 ms fails at 6400 after 1
//! attempt and the breaker is open until 11 400; a successful trial closes it.
//!
//! ## Beyond this exercise
//!
//! Real clients add jitter to the backoff, share a retry budget across calls (`retry_budget`),
//! let a half-open breaker admit a few trials rather than one, and pass the remaining deadline
//! on to the server (`deadline_budget`).

/// How the server answered a request that reached it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Overloaded or down for a moment: worth another try.
    Unavailable,
    /// The request itself is wrong: trying again gives the same answer.
    BadRequest,
}

/// What the transport would deliver for one attempt, and how long it takes to arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// How long the reply takes to arrive after the attempt is sent.
    pub latency_ms: u64,
    /// The body, or how the server failed.
    pub result: Result<String, Failure>,
}

/// The network, in memory.
pub trait Transport {
    /// Sends one attempt at time `at_ms`.
    fn send(&mut self, at_ms: u64) -> Reply;
}

/// The client's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The longest one attempt waits for its reply.
    pub attempt_timeout_ms: u64,
    /// The whole call, retries and waits included, must end by `start + call_deadline_ms`.
    pub call_deadline_ms: u64,
    /// Attempts allowed per call, the first included.
    pub max_attempts: u32,
    /// The wait after the first failed attempt.
    pub backoff_base_ms: u64,
    /// No wait is longer than this.
    pub backoff_cap_ms: u64,
    /// Failed calls in a row that open the breaker.
    pub failure_threshold: u32,
    /// How long the breaker stays open before it lets a trial through.
    pub open_for_ms: u64,
}

/// A setting that makes no sense at zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyError {
    /// `attempt_timeout_ms` is 0.
    ZeroAttemptTimeout,
    /// `call_deadline_ms` is 0.
    ZeroCallDeadline,
    /// `max_attempts` is 0.
    ZeroMaxAttempts,
    /// `failure_threshold` is 0.
    ZeroFailureThreshold,
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let setting = match self {
            PolicyError::ZeroAttemptTimeout => "attempt_timeout_ms",
            PolicyError::ZeroCallDeadline => "call_deadline_ms",
            PolicyError::ZeroMaxAttempts => "max_attempts",
            PolicyError::ZeroFailureThreshold => "failure_threshold",
        };
        write!(f, "{setting} must not be zero")
    }
}

impl std::error::Error for PolicyError {}

/// Why one attempt failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptError {
    /// No reply within the attempt's wait.
    Timeout,
    /// The server answered `Unavailable`.
    Unavailable,
}

impl std::fmt::Display for AttemptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AttemptError::Timeout => write!(f, "the attempt timed out"),
            AttemptError::Unavailable => write!(f, "the server was unavailable"),
        }
    }
}

impl std::error::Error for AttemptError {}

/// Why a call failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallError {
    /// The breaker is open: nothing was sent.
    CircuitOpen {
        /// Milliseconds until the breaker half-opens.
        retry_in_ms: u64,
    },
    /// The server refused the request itself: not retried.
    BadRequest,
    /// Every attempt allowed failed.
    RetriesExhausted {
        /// How the last attempt failed.
        last: AttemptError,
    },
    /// The call's deadline passed before a reply arrived.
    DeadlineExceeded,
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::CircuitOpen { retry_in_ms } => {
                write!(f, "the circuit is open: retry in {retry_in_ms} ms")
            }
            CallError::BadRequest => write!(f, "the server refused the request"),
            CallError::RetriesExhausted { last } => {
                write!(f, "every attempt failed, the last one because {last}")
            }
            CallError::DeadlineExceeded => write!(f, "the call's deadline passed"),
        }
    }
}

impl std::error::Error for CallError {}

/// What the breaker does with the next call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    /// Calls go through.
    Closed,
    /// Calls fail fast.
    Open,
    /// The next call is a trial.
    HalfOpen,
}

/// The outcome of one call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallReport {
    /// The body, or why the call failed.
    pub result: Result<String, CallError>,
    /// Attempts sent to the transport.
    pub attempts: u32,
    /// When the call ended.
    pub finished_at_ms: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Breaker {
    Closed {
        failed_calls: u32,
    },
    /// Open until `until_ms`, half-open from then on.
    Open {
        until_ms: u64,
    },
}

/// A client with a circuit breaker, retries and timeouts.
#[derive(Debug)]
pub struct ResilientClient {
    policy: Policy,
    breaker: Breaker,
}

/// The wait after failed attempt `attempt` (from 1): `backoff_base_ms * 2^(attempt - 1)`, at
/// most `backoff_cap_ms`.
pub fn backoff_ms(policy: &Policy, attempt: u32) -> u64 {
    let factor = 2u64.saturating_pow(attempt.saturating_sub(1));
    policy
        .backoff_base_ms
        .saturating_mul(factor)
        .min(policy.backoff_cap_ms)
}

impl ResilientClient {
    /// A client with a closed breaker, if no setting that must not be zero is zero.
    pub fn new(policy: Policy) -> Result<Self, PolicyError> {
        if policy.attempt_timeout_ms == 0 {
            return Err(PolicyError::ZeroAttemptTimeout);
        }
        if policy.call_deadline_ms == 0 {
            return Err(PolicyError::ZeroCallDeadline);
        }
        if policy.max_attempts == 0 {
            return Err(PolicyError::ZeroMaxAttempts);
        }
        if policy.failure_threshold == 0 {
            return Err(PolicyError::ZeroFailureThreshold);
        }
        Ok(Self {
            policy,
            breaker: Breaker::Closed { failed_calls: 0 },
        })
    }

    /// What the breaker would do with a call at `now_ms`.
    pub fn state(&self, now_ms: u64) -> BreakerState {
        match self.breaker {
            Breaker::Closed { .. } => BreakerState::Closed,
            Breaker::Open { until_ms } if now_ms < until_ms => BreakerState::Open,
            Breaker::Open { .. } => BreakerState::HalfOpen,
        }
    }

    /// Makes one call at `now_ms` through the breaker, the retries and the timeouts.
    pub fn call(&mut self, now_ms: u64, transport: &mut impl Transport) -> CallReport {
        let trial = match self.admit(now_ms) {
            Ok(trial) => trial,
            Err(fail_fast) => return fail_fast,
        };
        // A recovering server gets one probe, not a burst of retries.
        let max_attempts = if trial { 1 } else { self.policy.max_attempts };
        let report = self.attempt_until_done(now_ms, max_attempts, transport);
        self.record(&report, trial);
        report
    }

    /// Whether a call at `now_ms` may go through (`Ok(true)` for a half-open trial), or the
    /// report of a call failed fast by the open breaker.
    fn admit(&self, now_ms: u64) -> Result<bool, CallReport> {
        match self.breaker {
            Breaker::Closed { .. } => Ok(false),
            Breaker::Open { until_ms } if now_ms < until_ms => Err(CallReport {
                result: Err(CallError::CircuitOpen {
                    retry_in_ms: until_ms - now_ms,
                }),
                attempts: 0,
                finished_at_ms: now_ms,
            }),
            // Half-open: this call is the trial.
            Breaker::Open { .. } => Ok(true),
        }
    }

    /// The retry loop of one call started at `start_ms`, with at most `max_attempts` attempts.
    fn attempt_until_done(
        &self,
        start_ms: u64,
        max_attempts: u32,
        transport: &mut impl Transport,
    ) -> CallReport {
        let policy = &self.policy;
        let deadline_ms = start_ms + policy.call_deadline_ms;
        let mut now_ms = start_ms;
        let mut attempts = 0;
        let finish = |result, attempts, finished_at_ms| CallReport {
            result,
            attempts,
            finished_at_ms,
        };
        loop {
            attempts += 1;
            // The deadline may cut an attempt's wait short.
            let wait_ms = policy.attempt_timeout_ms.min(deadline_ms - now_ms);
            let reply = transport.send(now_ms);
            let error = if reply.latency_ms <= wait_ms {
                now_ms += reply.latency_ms;
                match reply.result {
                    Ok(body) => return finish(Ok(body), attempts, now_ms),
                    Err(Failure::BadRequest) => {
                        return finish(Err(CallError::BadRequest), attempts, now_ms)
                    }
                    Err(Failure::Unavailable) => AttemptError::Unavailable,
                }
            } else {
                now_ms += wait_ms;
                if wait_ms < policy.attempt_timeout_ms {
                    return finish(Err(CallError::DeadlineExceeded), attempts, now_ms);
                }
                AttemptError::Timeout
            };
            if attempts == max_attempts {
                return finish(
                    Err(CallError::RetriesExhausted { last: error }),
                    attempts,
                    now_ms,
                );
            }
            let backoff = backoff_ms(policy, attempts);
            // No attempt could start before the deadline: give up now rather than wait.
            if now_ms + backoff >= deadline_ms {
                return finish(Err(CallError::DeadlineExceeded), attempts, now_ms);
            }
            now_ms += backoff;
        }
    }

    /// Feeds the outcome of a call that reached the transport to the breaker.
    fn record(&mut self, report: &CallReport, trial: bool) {
        let failed = matches!(
            report.result,
            Err(CallError::RetriesExhausted { .. } | CallError::DeadlineExceeded)
        );
        // A success or a bad request (the server answered) resets the count, as does a trial.
        let failed_calls = match self.breaker {
            Breaker::Closed { failed_calls } if failed => failed_calls + 1,
            _ => 0,
        };
        self.breaker = if failed && (trial || failed_calls >= self.policy.failure_threshold) {
            Breaker::Open {
                until_ms: report.finished_at_ms + self.policy.open_for_ms,
            }
        } else {
            Breaker::Closed { failed_calls }
        };
    }
}

//! Quiz: a resilient client (timeouts + retries with backoff + a circuit breaker).
//!
//! One call of `ResilientClient::call` goes through three layers, outermost first:
//! 1. the circuit breaker: while it is open, the call fails at once with `CircuitOpen`, and the
//!    transport is not touched. It sees one outcome per call, never per attempt.
//! 2. the retries, inside the call's deadline (`call_deadline_ms` after the call starts).
//! 3. the timeout of each attempt.
//!
//! Time is simulated: the call starts at `now_ms`, each attempt is sent with `Transport::send`
//! at the current time, and the call reports when it finished. All times in milliseconds.
//!
//! Attempts:
//! - an attempt may wait for a reply up to `attempt_timeout_ms`, or up to the deadline if that
//!   comes first. A reply whose latency is within that wait arrives; otherwise the client stops
//!   waiting when the wait runs out (a `Timeout`), or with `DeadlineExceeded` when it was the
//!   deadline that cut the wait short.
//! - a successful reply ends the call. `BadRequest` ends it too: retrying cannot fix the
//!   request. `Unavailable` and timeouts are retried.
//! - after failed attempt `n` (from 1) the client waits `backoff_ms(policy, n)`: the base,
//!   doubled after each attempt, capped. With no attempt left the call fails with
//!   `RetriesExhausted` and the last attempt's error. If the wait would reach or pass the
//!   deadline, no attempt could start in time: the call fails at once with `DeadlineExceeded`.
//!
//! The breaker:
//! - closed: counts calls in a row that failed (`RetriesExhausted` or `DeadlineExceeded`). Any
//!   other outcome resets the count, `BadRequest` included: the server answered. At
//!   `failure_threshold` it opens, from the time the failing call finished.
//! - open for `open_for_ms`; from then on it is half-open: the next call is a trial, with a
//!   single attempt whatever `max_attempts` says. If the trial fails, the breaker opens again
//!   from the trial's end; any other outcome closes it.
//!
//! Write `backoff_ms`, `ResilientClient::new`, `state` and `call` (add private helpers and
//! change the breaker's private state as you see fit).
//!
//! ## Task 1: A resilient client (timeouts + retries with backoff + a circuit breaker).

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
    pub latency_ms: u64,
    pub result: Result<String, Failure>,
}

/// The network, in memory.
pub trait Transport {
    /// Sends one attempt at time `at_ms`.
    fn send(&mut self, at_ms: u64) -> Reply;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub attempt_timeout_ms: u64,
    /// The whole call, retries and waits included, must end by `start + call_deadline_ms`.
    pub call_deadline_ms: u64,
    pub max_attempts: u32,
    pub backoff_base_ms: u64,
    pub backoff_cap_ms: u64,
    /// Failed calls in a row that open the breaker.
    pub failure_threshold: u32,
    pub open_for_ms: u64,
}

/// A setting that makes no sense at zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyError {
    ZeroAttemptTimeout,
    ZeroCallDeadline,
    ZeroMaxAttempts,
    ZeroFailureThreshold,
}

/// Why one attempt failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptError {
    Timeout,
    Unavailable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallError {
    /// The breaker is open: nothing was sent. It half-opens in `retry_in_ms`.
    CircuitOpen {
        retry_in_ms: u64,
    },
    BadRequest,
    /// Every attempt allowed failed; `last` is how the last one failed.
    RetriesExhausted {
        last: AttemptError,
    },
    DeadlineExceeded,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    Closed,
    Open,
    HalfOpen,
}

/// The outcome of one call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallReport {
    pub result: Result<String, CallError>,
    /// Attempts sent to the transport.
    pub attempts: u32,
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

#[derive(Debug)]
pub struct ResilientClient {
    policy: Policy,
    breaker: Breaker,
}

/// The wait after failed attempt `attempt` (from 1): `backoff_base_ms * 2^(attempt - 1)`, at
/// most `backoff_cap_ms`.
pub fn backoff_ms(policy: &Policy, attempt: u32) -> u64 {
    // TODO: the doubling wait, capped.
    todo!()
}

impl ResilientClient {
    pub fn new(policy: Policy) -> Result<Self, PolicyError> {
        // TODO: refuse a policy with a zero timeout, deadline, attempt count or threshold;
        // start with a closed breaker.
        todo!()
    }

    pub fn state(&self, now_ms: u64) -> BreakerState {
        // TODO: closed, open, or half-open once the open period is over.
        todo!()
    }

    pub fn call(&mut self, now_ms: u64, transport: &mut impl Transport) -> CallReport {
        // TODO: let the breaker decide (fail fast, a normal call, or a single-attempt trial),
        // run the attempts with their timeouts, backoff and the deadline, then give the
        // call's outcome to the breaker.
        todo!()
    }
}

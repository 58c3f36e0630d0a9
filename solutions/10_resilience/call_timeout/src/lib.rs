//! # call_timeout: an answer that arrives after the budget is a failure
//!
//! A call without a timeout can wait forever, and while it waits it holds a thread, a
//! connection and memory. A timeout bounds the wait: the caller sends at `sent_at_ms`, waits at
//! most `timeout_ms`, and then gives up. Once it has given up the caller has moved on (it has
//! answered its own client with an error, or retried elsewhere), so an answer that comes later
//! is worth nothing, even a successful one: for the caller, that call failed. Michael Nygard's
//! *Release It!* lists timeouts first among the stability patterns, and the AWS Builders'
//! Library article "Timeouts, retries, and backoff with jitter" explains how to pick one from
//! the latency the dependency really has (a high percentile such as p99.9).
//!
//! Times are milliseconds on the caller's monotonic clock.
//!
//! ## Task 1: Compute the instant the caller gives up
//!
//! - The caller gives up at `sent_at_ms + timeout_ms`.
//! - An instant past the end of the clock is the end of the clock (`u64::MAX`), never a
//!   wrapped-around small number.
//!
//! Example: `gives_up_at_ms(1_000, 250)` is `1_250`; `gives_up_at_ms(u64::MAX - 5, 100)` is
//! `u64::MAX`.
//!
//! ## Task 2: Count a late answer as a timeout
//!
//! - A reply whose `at_ms` is at or before the instant the caller gives up counts: its `Ok`
//!   value is returned as `Ok`, its error `e` as `Err(CallError::Failed(e))`.
//! - A reply after that instant, success or not, is `Err(CallError::TimedOut { gave_up_at_ms })`;
//!   so is no reply at all (`None`).
//!
//! Example: sent at 1 000 ms with a 250 ms timeout, `Ok(7)` at 1 250 ms gives `Ok(7)`, but
//! `Ok(7)` at 1 251 ms gives `Err(CallError::TimedOut { gave_up_at_ms: 1_250 })`.
//!
//! ## Beyond this exercise
//!
//! Here the reply is known in advance; a real client races the reply against a timer and
//! cancels the call when the timer wins, so that the server can stop working on it too.
//! The work may still have happened on the server: a timed-out write is "unknown", not "not
//! done", which is why retried calls must be safe to repeat.

use std::fmt;

/// A reply from the remote side: when it arrived, and what it said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply<T, E> {
    /// The instant the reply reached the caller, on the caller's clock.
    pub at_ms: u64,
    /// What the remote side answered.
    pub result: Result<T, E>,
}

/// Why a call failed, as the caller sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallError<E> {
    /// The remote side answered in time, with an error.
    Failed(E),
    /// No answer came before the caller gave up at `gave_up_at_ms`.
    TimedOut {
        /// The instant the caller stopped waiting.
        gave_up_at_ms: u64,
    },
}

impl<E: fmt::Display> fmt::Display for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Failed(e) => write!(f, "the call failed: {e}"),
            CallError::TimedOut { gave_up_at_ms } => {
                write!(f, "no answer in time: gave up at {gave_up_at_ms} ms")
            }
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for CallError<E> {}

/// The instant a caller that sent at `sent_at_ms` and waits `timeout_ms` gives up.
pub fn gives_up_at_ms(sent_at_ms: u64, timeout_ms: u64) -> u64 {
    // Saturating: a deadline past the end of the clock is the end of the clock.
    sent_at_ms.saturating_add(timeout_ms)
}

/// The caller's view of a call sent at `sent_at_ms` with `timeout_ms`, given the reply that
/// came back (`None`: none ever came).
pub fn judge<T, E>(
    sent_at_ms: u64,
    timeout_ms: u64,
    reply: Option<Reply<T, E>>,
) -> Result<T, CallError<E>> {
    let gave_up_at_ms = gives_up_at_ms(sent_at_ms, timeout_ms);
    match reply {
        // An answer exactly at the deadline is still in time.
        Some(reply) if reply.at_ms <= gave_up_at_ms => reply.result.map_err(CallError::Failed),
        // Late or missing: the caller has already moved on, whatever the answer says.
        _ => Err(CallError::TimedOut { gave_up_at_ms }),
    }
}

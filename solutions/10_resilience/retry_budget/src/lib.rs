//! # retry_budget: retries capped at a share of recent traffic
//!
//! Retrying a failed call helps when the failure was a passing blip, and hurts when the
//! dependency is failing because it is overloaded: every client that retries multiplies the
//! load on a service that is already drowning (a *retry storm*). A retry budget keeps retries a
//! small share of the traffic, so a client never turns one request into many against a
//! dependency that is down. The Google SRE book ("Handling Overload") recommends exactly this:
//! a per-client budget that allows retries only while they are under 10 % of requests, on top
//! of a per-request limit of 3 attempts. This exercise follows the shape of Finagle's
//! `RetryBudget` (a percentage of recent requests plus a small minimum).
//!
//! Times are milliseconds on a monotonic clock: `now_ms` never decreases from one call to the
//! next.
//!
//! ## Task 1: Forget what has left the window
//!
//! - The budget looks at a sliding window of the last `window_ms` milliseconds: an event
//!   (request or retry) recorded at `t` is in the window at `now` while `now - t < window_ms`,
//!   and gone from `now - t == window_ms` on.
//! - Events that have left the window are dropped from memory, so that the budget never keeps
//!   more than one window's worth of events.
//!
//! Example: with a 1 000 ms window, 20 requests recorded at 500 ms are all in
//! `window(1_499)` and none is left in `window(1_500)`.
//!
//! ## Task 2: Allow retries only within the budget
//!
//! - First attempts are recorded with [`RetryBudget::record_request`]; retries do not count as
//!   requests (they would pay for themselves).
//! - At most `min_retries + requests * retry_percent / 100` retries (the division rounds down)
//!   may be sent within the window; the small minimum lets a quiet client still retry.
//!   [`RetryBudget::available`] is that number minus the retries already sent in the window,
//!   and never less than zero (requests can leave the window before the retries they paid for).
//! - [`RetryBudget::try_retry`] allows a retry and records it only if one is available; a
//!   refused retry is not sent, so it is not recorded, and the refusal reports the window's
//!   counts.
//!
//! Example: with 10 % and a minimum of 2, 30 requests at 0 ms make 5 retries available
//! (3 earned + 2); five `try_retry(10)` succeed and the sixth is
//! `Err(BudgetExhausted { requests: 30, retries: 5 })`. 29 requests make 4 available.
//!
//! ## Beyond this exercise
//!
//! Finagle counts its minimum per second and decays old deposits; gRPC's retry throttling and
//! the AWS SDKs use a token bucket that failures drain and successes refill. The SRE book adds
//! a server-side signal: a backend that is overloaded answers "overloaded, do not retry", and a
//! request is retried at one layer only, since retries at every layer multiply.

use std::collections::VecDeque;

/// How generous the budget is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetConfig {
    /// Length of the sliding window, in milliseconds.
    pub window_ms: u64,
    /// Retries allowed per 100 first attempts in the window.
    pub retry_percent: u64,
    /// Retries allowed in the window whatever the traffic.
    pub min_retries: u64,
}

/// What the window holds at some instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// First attempts recorded in the window.
    pub requests: u64,
    /// Retries sent in the window.
    pub retries: u64,
}

/// A retry was refused: the window already holds as many retries as its requests allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetExhausted {
    /// First attempts in the window when the retry was refused.
    pub requests: u64,
    /// Retries already sent in the window.
    pub retries: u64,
}

impl std::fmt::Display for BudgetExhausted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "retry budget exhausted: {} retries already sent for {} requests in the window",
            self.retries, self.requests
        )
    }
}

impl std::error::Error for BudgetExhausted {}

/// Counts first attempts and retries over a sliding window and decides whether a retry may go.
#[derive(Debug, Clone)]
pub struct RetryBudget {
    config: BudgetConfig,
    /// Times of first attempts still in the window, oldest first.
    requests: VecDeque<u64>,
    /// Times of retries sent and still in the window, oldest first.
    retries: VecDeque<u64>,
}

impl RetryBudget {
    /// An empty budget: no request and no retry recorded yet.
    pub fn new(config: BudgetConfig) -> Self {
        RetryBudget {
            config,
            requests: VecDeque::new(),
            retries: VecDeque::new(),
        }
    }

    /// Records a first attempt sent at `now_ms`.
    pub fn record_request(&mut self, now_ms: u64) {
        // Forgetting first keeps memory bounded by the window even when nothing ever retries.
        self.forget_old_events(now_ms);
        self.requests.push_back(now_ms);
    }

    /// The requests and retries in the window at `now_ms`.
    pub fn window(&mut self, now_ms: u64) -> Window {
        self.forget_old_events(now_ms);
        Window {
            requests: self.requests.len() as u64,
            retries: self.retries.len() as u64,
        }
    }

    /// How many events (requests and retries) the budget keeps in memory.
    pub fn tracked(&self) -> usize {
        self.requests.len() + self.retries.len()
    }

    /// Drops every request and retry that has left the window at `now_ms`.
    fn forget_old_events(&mut self, now_ms: u64) {
        let window_ms = self.config.window_ms;
        for log in [&mut self.requests, &mut self.retries] {
            // Both logs are in time order, so the old events are all at the front.
            while log
                .front()
                .is_some_and(|&t| now_ms.saturating_sub(t) >= window_ms)
            {
                log.pop_front();
            }
        }
    }

    /// How many more retries may be sent at `now_ms`.
    pub fn available(&mut self, now_ms: u64) -> u64 {
        let Window { requests, retries } = self.window(now_ms);
        let allowed = self.config.min_retries + requests * self.config.retry_percent / 100;
        // Requests can leave the window before the retries they paid for: never below zero.
        allowed.saturating_sub(retries)
    }

    /// Asks to send one retry at `now_ms`: records it and allows it if the budget has room.
    pub fn try_retry(&mut self, now_ms: u64) -> Result<(), BudgetExhausted> {
        if self.available(now_ms) == 0 {
            let Window { requests, retries } = self.window(now_ms);
            return Err(BudgetExhausted { requests, retries });
        }
        self.retries.push_back(now_ms);
        Ok(())
    }
}

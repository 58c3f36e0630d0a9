//! # Retry budget
//!
//! Retrying a failed call helps when the failure was a passing blip, and hurts when the
//! dependency is failing because it is overloaded: every client that retries multiplies the
//! load on a service that is already drowning (a *retry storm*). A retry budget keeps retries a
//! small share of the traffic, so a client never turns one request into many against a
//! dependency that is down.
//!
//! The rule, over a sliding window of the last `window_ms` milliseconds:
//!
//! - first attempts are recorded with [`RetryBudget::record_request`]; retries do not count
//!   as requests (they would pay for themselves);
//! - at most `min_retries + requests * retry_percent / 100` retries (the division rounds down)
//!   may be sent within the window; the small minimum lets a quiet client still retry;
//! - a retry that is refused is not sent, so it does not count;
//! - an event recorded at `t` is in the window at `now` while `now - t < window_ms`.
//!
//! Time comes in as milliseconds on a monotonic clock: `now_ms` never decreases from one call
//! to the next. Implement `forget_old_events`, [`RetryBudget::available`] and
//! [`RetryBudget::try_retry`].
//!
//! ## Task 1: Retry_budget

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
    pub requests: u64,
    pub retries: u64,
}

/// A retry was refused: the window already holds as many retries as its requests allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetExhausted {
    pub requests: u64,
    pub retries: u64,
}

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

//! # error_budget: how much unreliability is left to spend
//!
//! No service needs to be perfect: users cannot tell 99.999 % from 100 % through their own
//! flaky networks, and every extra nine costs more and slows change down. So an SLO sets a
//! target below 100 %, and the gap is an **error budget**: the failures the service may have
//! in the window without missing its objective (Google's SRE book, chapters "Embracing Risk"
//! and "Service Level Objectives"). While budget is left, the team ships; once it is
//! overspent, changes stop until reliability is back (the SRE Workbook's "Example Error Budget
//! Policy": "halt all changes and releases other than P0 issues or security fixes").
//!
//! The SLI is the SRE Workbook's ("Implementing SLOs"): **good events over valid events**.
//! Here an event is one request in the request log, in the SLO's rolling window.
//!
//! ## Task 1: Count the good and the valid requests in the window
//!
//! - A request counts when it is inside the window: not after `now_ms`, and younger than
//!   `window_ms` (a request exactly `window_ms` old has left the window).
//! - A server error (status 500–599) is valid and bad.
//! - A client error (status 400–499) is the client's fault: not valid at all when the SLO
//!   excludes client errors; otherwise valid and good (the service answered correctly).
//! - Every other status (1xx, 2xx, 3xx) is valid and good.
//!
//! Example: at `now_ms = 1_000` with a window of 1 000 ms, excluding client errors, requests at
//! 0 (200), 1 (200), 500 (404), 900 (503) and 1 000 (301) give `Sli { good: 2, valid: 3 }`: the
//! one at 0 is exactly 1 000 ms old and the 404 does not count.
//!
//! ## Task 2: Work out the budget left
//!
//! - The budget allows `valid × (1_000_000 − target_ppm) / 1_000_000` bad events, rounded
//!   down: an allowance of 9.7 failures is 9.
//! - The bad events spent it: `valid − good`.
//! - What remains is allowed minus spent; below zero, the budget is overspent.
//!
//! Example: 970 valid and 950 good against 99 % (`990_000`) allow 9, spend 20 and leave −11.
//!
//! ## Task 3: Decide whether a change may ship
//!
//! - While the budget is not overspent (remaining 0 or more), every change may ship.
//! - Once it is overspent, only P0 fixes and security fixes may ship.
//!
//! Example: with −11 remaining a [`Change::Feature`] must wait and a [`Change::SecurityFix`]
//! ships; with 0 remaining both ship.
//!
//! ## Beyond this exercise
//!
//! Real SLOs are usually measured from load-balancer or server metrics, not logs, and define
//! "good" with latency too (served successfully *and* within 300 ms). Which statuses are
//! valid is a decision written into the SLO: some count 429 (throttled) as the service's
//! failure, since the client did nothing wrong. And a policy decides more than shipping:
//! who signs off on exceptions, and when a single incident that burns a large share of the
//! budget demands a post-mortem. Alerting on how *fast* the budget burns is track 08.

/// One request from the request log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// When it was served.
    pub at_ms: u64,
    /// Its HTTP status code (100–599).
    pub status: u16,
}

/// A service level objective on the availability of requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slo {
    /// The target: the share of valid requests that must be good, in ppm (99.9 % = 999_000).
    pub target_ppm: u32,
    /// The length of the rolling window the SLO is measured over.
    pub window_ms: u64,
    /// Whether client errors (4xx) are left out of the valid requests.
    pub excludes_client_errors: bool,
}

/// A service level indicator: `good` events out of `valid` events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sli {
    /// Events that went well.
    pub good: u64,
    /// Events that count at all.
    pub valid: u64,
}

/// The state of an error budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Bad events the SLO allows in the window.
    pub allowed: u64,
    /// Bad events that happened.
    pub spent: u64,
    /// `allowed − spent`: negative when the budget is overspent.
    pub remaining: i64,
}

/// A change that wants to ship.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// New functionality.
    Feature,
    /// A fix for a bug that is not a P0.
    BugFix,
    /// A fix for a P0 issue (the most severe kind).
    P0Fix,
    /// A fix for a security problem.
    SecurityFix,
}

/// The SLI of `slo` over the requests of `log` inside its window ending at `now_ms`.
pub fn sli(log: &[Request], slo: &Slo, now_ms: u64) -> Sli {
    let mut result = Sli { good: 0, valid: 0 };
    // `at_ms <= now_ms` first, so that the age below cannot underflow.
    let in_window = log
        .iter()
        .filter(|r| r.at_ms <= now_ms && now_ms - r.at_ms < slo.window_ms);
    for request in in_window {
        match request.status {
            500..=599 => result.valid += 1,
            400..=499 if slo.excludes_client_errors => {}
            _ => {
                result.valid += 1;
                result.good += 1;
            }
        }
    }
    result
}

/// The error budget of an SLO with target `target_ppm`, given what was measured.
pub fn budget(sli: Sli, target_ppm: u32) -> Budget {
    let allowed_ppm = u128::from(1_000_000 - target_ppm);
    // Multiply before dividing (in u128, so it cannot overflow); the division rounds down.
    let allowed = (u128::from(sli.valid) * allowed_ppm / 1_000_000) as u64;
    let spent = sli.valid - sli.good;
    Budget {
        allowed,
        spent,
        remaining: allowed as i64 - spent as i64,
    }
}

/// Whether `change` may ship under the error budget policy, given the budget left.
pub fn may_release(budget: &Budget, change: Change) -> bool {
    budget.remaining >= 0 || matches!(change, Change::P0Fix | Change::SecurityFix)
}

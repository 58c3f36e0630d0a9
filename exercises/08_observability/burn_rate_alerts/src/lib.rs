//! # burn_rate_alerts: page on how fast the error budget burns
//!
//! An SLO of 99.9 % over 30 days leaves an *error budget* of 0.1 % of requests. Alerting on
//! "the error ratio is above 0.1 % right now" pages for every blip; alerting on the 30-day
//! total pages when the budget is already gone. The SRE Workbook (chapter 5, "Alerting on
//! SLOs") recommends alerting on the **burn rate**, how many times faster than "exactly on
//! budget" the budget is being spent, over several windows at once:
//!
//! `burn rate = error ratio / (1 − SLO)`: 1 spends the budget exactly by the end of the period;
//! 14.4 spends a 30-day budget in 50 hours.
//!
//! | severity | long window | short window | burn rate | budget spent in the long window |
//! |---|---|---|---|---|
//! | page   | 1 hour  | 5 minutes  | 14.4 | 2 % |
//! | page   | 6 hours | 30 minutes | 6    | 5 % |
//! | ticket | 3 days  | 6 hours    | 1    | 10 % |
//!
//! A rule fires when the burn rate reaches its threshold over **both** its windows: the long
//! window makes the alert significant, the short one (1/12 of it) makes it stop soon after the
//! problem does. Everything here is in integers: SLOs in ppm (999 000 is 99.9 %), budgets in
//! basis points, burn rates in thousandths (14 400 is 14.4), windows in minutes.
//!
//! ## Task 1: Compute the burn rate of a window
//!
//! - `burn_rate_milli = 1000 × (errors / requests) / (1 − SLO)`, rounded down.
//! - A window without requests burns nothing: 0.
//! - An SLO of 100 % (1 000 000 ppm) has no budget: any error burns it at an unbounded rate
//!   (`u64::MAX`), no error at 0.
//!
//! Example: 2 000 errors in 100 000 requests against 99.9 % is a ratio of 2 %, twenty times
//! the 0.1 % budget: 20 000. 150 in 10 000 is 15 000; 1 in 3 000 is 333.
//!
//! ## Task 2: Derive a threshold from the budget it spends
//!
//! The burn rate that spends `budget_bp` of the budget within `window_minutes`, over an SLO
//! period of `period_minutes`, is `budget × period / window`, in thousandths rounded down.
//!
//! Example: 2 % (200 bp) in 1 hour of a 30-day period (43 200 minutes) is 14 400; 5 % in
//! 6 hours is 6 000; 10 % in 3 days is 1 000: the table above.
//!
//! ## Task 3: Decide between page, ticket and nothing
//!
//! - Each of [`RULES`] fires when the burn rate over its long window **and** over its short
//!   window is at or above its threshold (`≥`).
//! - The result is the most severe rule that fires: a page beats a ticket; `None` when no rule
//!   fires.
//!
//! Example, against 99.9 %: 1 hour at 20 000 and 5 minutes at 15 000 page. With the same hour
//! but 5 minutes at 500 (the problem has stopped) the fast page rule does not fire.
//!
//! ## Beyond this exercise
//!
//! The Workbook writes these rules in PromQL over recording rules such as
//! `job:slo_errors_per_request:ratio_rate1h` (with `>`: at exactly the threshold the two
//! readings differ). Real alerting adds a `for:` duration or hysteresis so that alerts do not
//! flap (the quiz `slo_alerting`), low-traffic services need synthetic traffic or minimum
//! counts (3 errors in 10 requests is a burn of 300), and a latency SLO burns its budget the
//! same way with "slow" in place of "error".

/// How loudly to tell a human.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Someone looks at it within a working day.
    Ticket,
    /// Someone is woken up now.
    Page,
}

/// Errors and requests counted over one window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Requests that failed the SLI (never more than `requests`).
    pub errors: u64,
    /// All valid requests.
    pub requests: u64,
}

/// The windows the rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// 5 minutes.
    FiveMinutes,
    /// 30 minutes.
    ThirtyMinutes,
    /// 1 hour.
    OneHour,
    /// 6 hours.
    SixHours,
    /// 3 days.
    ThreeDays,
}

/// The counts of every window, ending now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Windows {
    /// The last 5 minutes.
    pub five_minutes: Counts,
    /// The last 30 minutes.
    pub thirty_minutes: Counts,
    /// The last hour.
    pub one_hour: Counts,
    /// The last 6 hours.
    pub six_hours: Counts,
    /// The last 3 days.
    pub three_days: Counts,
}

impl Windows {
    /// The counts of one window.
    pub fn get(&self, window: Window) -> Counts {
        match window {
            Window::FiveMinutes => self.five_minutes,
            Window::ThirtyMinutes => self.thirty_minutes,
            Window::OneHour => self.one_hour,
            Window::SixHours => self.six_hours,
            Window::ThreeDays => self.three_days,
        }
    }
}

/// One multi-window burn-rate rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// What firing means.
    pub severity: Severity,
    /// The window that makes the alert significant.
    pub long: Window,
    /// The window that lets it stop soon after the problem does.
    pub short: Window,
    /// The share of the period's budget a burn at the threshold spends in the long window.
    pub budget_bp: u64,
    /// The threshold, in thousandths of a burn rate.
    pub burn_milli: u64,
}

/// The SRE Workbook's recommended rules for a 30-day SLO, in its order.
#[rustfmt::skip]
pub const RULES: [Rule; 3] = [
    Rule { severity: Severity::Page, long: Window::OneHour, short: Window::FiveMinutes, budget_bp: 200, burn_milli: 14_400 },
    Rule { severity: Severity::Page, long: Window::SixHours, short: Window::ThirtyMinutes, budget_bp: 500, burn_milli: 6_000 },
    Rule { severity: Severity::Ticket, long: Window::ThreeDays, short: Window::SixHours, budget_bp: 1_000, burn_milli: 1_000 },
];

/// The burn rate of `counts` against `slo_ppm`, in thousandths, rounded down.
pub fn burn_rate_milli(counts: Counts, slo_ppm: u64) -> u64 {
    // TODO: the rules of Task 1, in u128 so that nothing overflows.
    todo!()
}

/// The burn rate (in thousandths, rounded down) that spends `budget_bp` of the budget in
/// `window_minutes` (more than 0) of a `period_minutes` SLO period.
pub fn burn_rate_for_budget_milli(budget_bp: u64, window_minutes: u64, period_minutes: u64) -> u64 {
    // TODO: budget × period / window, scaled from basis points to thousandths.
    todo!()
}

/// The most severe of [`RULES`] that fires, or `None`.
pub fn evaluate(windows: &Windows, slo_ppm: u64) -> Option<Severity> {
    // TODO: the rules of Task 3.
    todo!()
}

//! # devops_roi: what a DevOps change returns, and when it has paid for itself
//!
//! Someone pays for a transformation: engineers' time away from features, tools, training.
//! The usual case for it counts what comes back (DORA's white paper "The ROI of DevOps
//! Transformation", Forsgren, Humble and Kim, 2017): less **downtime** (minutes saved times
//! what a minute of outage costs the business) and less **toil and unplanned work** (hours
//! that go back to engineering). Two numbers summarise it: the **return on investment** over
//! a horizon, (gain − cost) / cost, and the **payback month**, when the money saved has
//! covered the money spent. Savings start late: the change must be built and rolled out
//! first (the "J-curve" of transformations, DORA 2018), so the model has a ramp.
//!
//! Money is in integer cents (`i64` where it can go negative), time in whole months.
//!
//! ## Task 1: Work out the monthly saving
//!
//! - Downtime minutes saved × the cost of a minute of downtime, plus toil hours saved × an
//!   engineer's cost per hour. "Saved" is before − after and may be negative (a change that
//!   makes something worse costs money).
//!
//! Example: downtime 300 → 60 min a month at 5 000 cents a minute, toil 400 → 150 h at
//! 10 000 cents an hour: 1 200 000 + 2 500 000 = 3 700 000 cents a month.
//!
//! ## Task 2: Find the payback month
//!
//! - The investment is spent before month 1. Every month from month 1 costs the run cost;
//!   the saving comes in every month after the first `ramp_months`.
//! - The payback month is the first month `m` (from 1) at whose end the money saved so far
//!   covers everything spent so far (equal covers). With a saving no larger than the run
//!   cost, it never does: `None`.
//!
//! Example: 12 000 000 invested, 100 000 a month to run, a ramp of 2 months, the saving
//! above: −12 000 000, −12 100 000, −12 200 000, then +3 600 000 a month; −1 400 000 after
//! month 5, +2 200 000 after month 6: month 6.
//!
//! ## Task 3: Work out the return on investment
//!
//! - Over `horizon_months`: the gain is the saving of every month after the ramp, the cost is
//!   the investment plus the run cost of every month. ROI = (gain − cost) / cost in basis
//!   points (1/100 of a percent), **rounded down** (towards minus infinity: a loss is never
//!   shown smaller). No cost at all: `None`.
//!
//! Example: over 12 months, gain 10 × 3 700 000 = 37 000 000, cost 13 200 000: 18 030 bp
//! (180.3 %). Over 3 months: gain 3 700 000, cost 12 300 000: −6 992 bp (−6 991.9 rounded
//! down).
//!
//! ## Beyond this exercise
//!
//! The figures are estimates, and the honest part is stating them: what a minute of downtime
//! costs (lost revenue, refunds, reputation), how much freed time really turns into features.
//! DORA's white paper adds the value of faster delivery (revenue that arrives sooner) and of
//! retaining engineers; finance would discount future months (net present value) rather than
//! add them up flat, and would compare against the best other use of the money, not against
//! doing nothing. Savings also change over time: the first toil automated is the cheapest.

/// What the change costs and when it starts to pay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// Spent once, before month 1.
    pub investment_cents: u64,
    /// Spent every month from month 1 (tools, upkeep).
    pub run_cents_per_month: u64,
    /// Months before any saving comes in (building and rolling out).
    pub ramp_months: u32,
}

/// The operational load in a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Load {
    /// Minutes of downtime a month.
    pub downtime_min: u64,
    /// Hours of toil and unplanned work a month.
    pub toil_hours: u64,
}

/// What time costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rates {
    /// What a minute of downtime costs the business.
    pub downtime_cents_per_min: u64,
    /// What an hour of an engineer costs.
    pub engineer_cents_per_hour: u64,
}

/// The saving per month of going from `before` to `after` (negative if it got worse).
pub fn monthly_saving(before: Load, after: Load, rates: Rates) -> i64 {
    // TODO: minutes saved × their cost, plus hours saved × theirs; signed.
    todo!()
}

/// The first month at whose end the savings cover the spending; `None` if never.
pub fn payback_month(change: Change, saving_cents: i64) -> Option<u32> {
    // TODO: give up if a month after the ramp does not gain; otherwise run the months.
    todo!()
}

/// The ROI over `horizon_months` in basis points, rounded down; `None` without cost.
pub fn roi_bp(change: Change, saving_cents: i64, horizon_months: u32) -> Option<i64> {
    // TODO: gain and cost over the horizon; (gain − cost) / cost, rounded towards −∞.
    todo!()
}

//! # nines_downtime: what "three nines" allows, in minutes and seconds
//!
//! An availability target is a percentage, but an on-call engineer thinks in minutes: how long
//! may the service be down this month before the objective is missed? The two are the same
//! number seen from both ends. A target of 99.9 % ("three nines") allows 0.1 % of the period
//! as downtime: 43 min 12 s in 30 days, 8 h 45 min 36 s in 365 days. Each extra nine divides
//! the allowance by ten. This is the time-based availability of Google's SRE book, chapter
//! "Embracing Risk": uptime divided by the whole period.
//!
//! Availability here is in **parts per million** (ppm): 99.9 % is `999_000`, 99.99 % is
//! `999_900`, 99.999 % is `999_990`. Basis points (1/10 000) could not even write five nines.
//! Times are in milliseconds.
//!
//! ## Task 1: Turn an availability target into allowed downtime
//!
//! - The allowed downtime is `period_ms × (1_000_000 − target_ppm) / 1_000_000`.
//! - Round **down** to a whole millisecond: an allowance must never be more than the target
//!   permits.
//! - It must not overflow for any period a `u64` can hold (multiply in a wider type).
//!
//! Example: `allowed_downtime_ms(999_000, days_ms(30))` is `2_592_000` (43 min 12 s), and
//! `allowed_downtime_ms(999_000, days_ms(365))` is `31_536_000` (8 h 45 min 36 s).
//!
//! ## Task 2: Measure availability from downtime
//!
//! - The measured availability is `(period_ms − downtime_ms) × 1_000_000 / period_ms`.
//! - Round **down** to a whole ppm: a service at 99.8999 % has not met 99.9 %, so it must not
//!   be reported as 999_000.
//! - Downtime longer than the period counts as the whole period (availability 0).
//!
//! Example: one second more than the allowance, `measured_ppm(2_593_000, days_ms(30))`, is
//! `998_999`: the 99.9 % target is missed.
//!
//! ## Beyond this exercise
//!
//! Real SLOs are rarely "minutes of downtime": the SRE book prefers aggregate availability,
//! good requests over all requests, because a partial outage is neither up nor down. The
//! period matters too: a rolling 30-day window and a calendar month give different answers.

/// Milliseconds in one day.
pub const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// One whole availability: 100 % in parts per million.
pub const FULL_PPM: u32 = 1_000_000;

/// The length of `days` days in milliseconds.
pub fn days_ms(days: u64) -> u64 {
    days * DAY_MS
}

/// The most downtime (ms) that a target of `target_ppm` allows over `period_ms`, rounded down.
/// `target_ppm` is at most [`FULL_PPM`].
pub fn allowed_downtime_ms(target_ppm: u32, period_ms: u64) -> u64 {
    // TODO: the unavailable share of the period, rounded down, computed without overflow.
    todo!()
}

/// The availability (ppm, rounded down) of a service down `downtime_ms` out of `period_ms`.
/// `period_ms` is never 0.
pub fn measured_ppm(downtime_ms: u64, period_ms: u64) -> u32 {
    // TODO: uptime over the period in ppm, rounded down; downtime beyond the period is capped.
    todo!()
}

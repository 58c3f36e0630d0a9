//! # counter_rate: how fast a counter grows, across restarts
//!
//! A *counter* is the most common metric: a number that only ever goes up (requests served,
//! bytes sent, errors), exported by the process and scraped every few seconds. Its raw value
//! means little; what matters is how much it grew over a window (`increase`) and how fast
//! (`rate`, per second). The catch is restarts: a process that restarts starts its counters
//! again from 0, so the series goes 950, 980, 12. Subtracting naively gives a negative increase;
//! Prometheus instead reads every drop as a *counter reset* and counts the new value from 0.
//! (Prometheus documentation: "Metric types", Counter; "Query functions", `rate()` and
//! `increase()`: "breaks in monotonicity (such as counter resets due to target restarts) are
//! automatically adjusted for".)
//!
//! Samples are given in strictly increasing `at_ms` order.
//!
//! ## Task 1: Add up the increase across counter resets
//!
//! - Between two consecutive samples, the counter grew by `new − old`.
//! - If the value dropped (`new < old`), the counter was reset in between and has counted
//!   `new` since it restarted from 0: it grew by `new`. An equal value is no reset: it grew by 0.
//! - The increase of a series is the sum over its consecutive pairs; fewer than two samples
//!   increase by 0.
//!
//! Example: values 100, 130, 160, 20, 60 (a restart between 160 and 20) increase by
//! 30 + 30 + 20 + 40 = 120.
//!
//! ## Task 2: Select the samples of a range window
//!
//! A range `[1m]` evaluated at `now` covers the instants `now − range < t ≤ now`: left-open and
//! right-closed, as in Prometheus 3 (a sample exactly one range ago is out, one at `now` is in).
//! A window that would begin before time 0 holds every sample from 0 to `now`.
//!
//! Example: with samples at 0, 15 000, 30 000, 45 000 and 60 000 ms, the window of 60 000 ms
//! at `now_ms = 60_000` holds the last four; at `now_ms = 30_000` it holds 0, 15 000, 30 000.
//!
//! ## Task 3: Compute increase and rate over a window
//!
//! - [`increase`] is the increase (Task 1) of the samples in the window (Task 2).
//! - [`rate`] is that increase divided by the seconds between the window's first and last
//!   samples: the per-second speed of the counter over the time the samples really cover.
//!   It is a real number by nature, so it is an `f64` (the tests allow 1e-9 of rounding).
//! - Both are `None` when the window holds fewer than two samples: one value has no slope.
//!
//! Example (the samples of Task 1 at 0, 15 000, …, 60 000 ms): over 60 000 ms at
//! `now_ms = 60_000`, the window holds 130, 160, 20, 60: the increase is 90 and the rate
//! 90 / 45 s = 2.0 per second.
//!
//! ## Beyond this exercise
//!
//! Prometheus extrapolates. Its `rate()` stretches the increase seen between the first and
//! last samples out to the window's edges when they lie within 1.1 average scrape intervals
//! of those samples (otherwise by half an interval only, and never back past the point where
//! the counter would have been 0), then divides by the whole range; when the samples reach
//! close to both edges, that comes to the rate computed here. `increase()`
//! is then `rate()` × the range: it would say 120 in the example, not 90, and is often
//! fractional for an integer counter. Real queries also `sum` rates across instances (rate
//! first, then sum, never the other way round, or resets cancel out) and know nothing about
//! increments lost between the last scrape and a crash: an increase is a lower bound.

/// One scrape of a counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// When it was scraped, in milliseconds.
    pub at_ms: u64,
    /// The counter's value at that moment.
    pub value: u64,
}

/// How much the counter grew across `samples` (in time order), counting a drop as a reset.
pub fn increase_between(samples: &[Sample]) -> u64 {
    samples
        .windows(2)
        .map(|pair| {
            let (old, new) = (pair[0].value, pair[1].value);
            // A drop means the process restarted and counted `new` from 0 since.
            if new < old {
                new
            } else {
                new - old
            }
        })
        .sum()
}

/// The samples with `now_ms − range_ms < at_ms ≤ now_ms` (all of them from 0 if the window
/// would begin before time 0).
pub fn in_window(samples: &[Sample], now_ms: u64, range_ms: u64) -> &[Sample] {
    // Samples are in time order, so the window is a contiguous slice. `checked_sub`: a window
    // beginning before time 0 excludes nothing at its left edge (not even a sample at 0).
    let from = match now_ms.checked_sub(range_ms) {
        Some(start) => samples.partition_point(|s| s.at_ms <= start),
        None => 0,
    };
    let to = samples.partition_point(|s| s.at_ms <= now_ms);
    &samples[from..to]
}

/// The counter's increase over the window of `range_ms` ending at `now_ms`, or `None` when the
/// window holds fewer than two samples.
pub fn increase(samples: &[Sample], now_ms: u64, range_ms: u64) -> Option<u64> {
    let window = in_window(samples, now_ms, range_ms);
    (window.len() >= 2).then(|| increase_between(window))
}

/// The counter's increase per second over that window, divided by the seconds between its
/// first and last samples; `None` when the window holds fewer than two samples.
pub fn rate(samples: &[Sample], now_ms: u64, range_ms: u64) -> Option<f64> {
    let window = in_window(samples, now_ms, range_ms);
    let (first, last) = (window.first()?, window.last()?);
    if window.len() < 2 {
        return None;
    }
    // Timestamps are strictly increasing, so two samples span a positive time.
    let seconds = (last.at_ms - first.at_ms) as f64 / 1000.0;
    Some(increase_between(window) as f64 / seconds)
}

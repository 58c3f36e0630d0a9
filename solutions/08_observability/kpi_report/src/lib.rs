//! # kpi_report: the numbers on the dashboard, from raw events
//!
//! Every dashboard number is a ratio or a rate over raw events, and most dashboard mistakes
//! are a wrong denominator. Some numbers are *operational* (cache hit ratio, error rate,
//! throughput): they say how the system behaves, and the error rate is the kind of SLI an SLO
//! is written on. Others are *KPIs*, key performance indicators of the business (conversion,
//! churn): they say whether the system serves its purpose. An SLO protects the first kind so
//! that the second kind is not hurt; a KPI moves for reasons no SLO sees (a price change).
//!
//! All ratios are in basis points (1/100 of a percent), rounded down, and `None` when their
//! denominator is empty: "no data" is not "0 %". The given [`ratio_bp`] does exactly that; the
//! tasks are about what to count above and below the line.
//!
//! ## Task 1: Compute the cache hit ratio over cacheable requests
//!
//! `hits / (hits + misses)`. Requests that cannot be cached (a POST, a personalised page)
//! never had a chance to hit: they are left out of both counts.
//!
//! Example: 6 hits, 2 misses and 12 uncacheable requests give 6 / 8 = 7 500 bp, not 6 / 20.
//!
//! ## Task 2: Compute the error rate
//!
//! The share of all requests answered with a 5xx status (500 to 599): the server's failures.
//! A 4xx is the client's mistake (a bad request, a missing page) and is not an error here.
//!
//! Example: statuses 200, 201, 404, 500, 503, 200, 200, 200 give 2 / 8 = 2 500 bp.
//!
//! ## Task 3: Compute the throughput of a time window
//!
//! Requests with `from_ms ≤ at_ms < to_ms`, per second of the window, in thousandths of a
//! request per second (milli-rps), rounded down; `None` for a window that is not longer than 0.
//!
//! Example: 90 requests in `0..60_000` are 1 500 milli-rps (1.5 per second).
//!
//! ## Task 4: Compute the conversion of sessions into purchases
//!
//! The share of started sessions with at least one purchase. A session that bought twice
//! converted once; a purchase from a session that never started (in this data) counts for
//! nothing. The order of the events does not matter.
//!
//! Example: sessions 1, 2, 3, 4 started; purchases by 2, 2 and 9: 1 / 4 = 2 500 bp.
//!
//! ## Beyond this exercise
//!
//! Real pipelines compute these from metrics (`rate(cache_hits_total[5m])` over
//! `rate(cache_lookups_total[5m])`) rather than from every event, per route and per region,
//! and decide carefully what a "valid" request is (health checks, bots and 429s are common
//! exclusions). Business KPIs live in analytics systems, with attribution windows, cohorts and
//! deduplication across devices far beyond one session id.

use std::collections::HashSet;

/// What the cache did for a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cache {
    /// The request could not be served from a cache at all.
    NotCacheable,
    /// Served from the cache.
    Hit,
    /// Cacheable, but fetched from the origin.
    Miss,
}

/// One served request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Request {
    /// When it arrived, in milliseconds.
    pub at_ms: u64,
    /// The HTTP status of the answer.
    pub status: u16,
    /// What the cache did.
    pub cache: Cache,
}

/// A step of a user's visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionEvent {
    /// A session began.
    Started {
        /// The session's id.
        session: u64,
    },
    /// A session bought something.
    Purchased {
        /// The session's id.
        session: u64,
    },
}

/// `part / whole` in basis points rounded down, `None` when `whole` is 0 (given: every task
/// ends with it).
pub fn ratio_bp(part: usize, whole: usize) -> Option<u64> {
    (whole > 0).then(|| part as u64 * 10_000 / whole as u64)
}

/// Hits over cacheable requests, in basis points; `None` without cacheable requests.
pub fn cache_hit_ratio_bp(requests: &[Request]) -> Option<u64> {
    let hits = requests.iter().filter(|r| r.cache == Cache::Hit).count();
    let misses = requests.iter().filter(|r| r.cache == Cache::Miss).count();
    // Uncacheable requests are in neither count: they never had a chance to hit.
    ratio_bp(hits, hits + misses)
}

/// 5xx answers over all requests, in basis points; `None` without requests.
pub fn error_rate_bp(requests: &[Request]) -> Option<u64> {
    let errors = requests
        .iter()
        .filter(|r| (500..=599).contains(&r.status))
        .count();
    ratio_bp(errors, requests.len())
}

/// Requests in `from_ms..to_ms` per second, in thousandths; `None` for an empty window.
pub fn throughput_milli_rps(requests: &[Request], from_ms: u64, to_ms: u64) -> Option<u64> {
    if to_ms <= from_ms {
        return None;
    }
    let count = requests
        .iter()
        .filter(|r| (from_ms..to_ms).contains(&r.at_ms))
        .count() as u64;
    // count / ((to − from) / 1000) per second, times 1000 for thousandths.
    Some(count * 1_000_000 / (to_ms - from_ms))
}

/// Sessions with a purchase over sessions started, in basis points; `None` without sessions.
pub fn conversion_bp(events: &[SessionEvent]) -> Option<u64> {
    let mut started = HashSet::new();
    let mut bought = HashSet::new();
    for event in events {
        match *event {
            SessionEvent::Started { session } => started.insert(session),
            SessionEvent::Purchased { session } => bought.insert(session),
        };
    }
    // Sets: a session counts once however often it bought; only started sessions count.
    ratio_bp(bought.intersection(&started).count(), started.len())
}

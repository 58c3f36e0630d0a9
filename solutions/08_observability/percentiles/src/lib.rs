//! # percentiles: p50, p90, p99, and why they do not average
//!
//! An average latency hides the requests users complain about: a service can average 20 ms
//! while one request in a hundred takes two seconds. So latency is reported as percentiles:
//! p50 (the median: half the requests were at least this fast), p90, p99 (only 1 % were
//! slower). This exercise uses the *nearest-rank* definition, the simplest one that returns a
//! latency that was actually observed.
//!
//! A percentile summarises one set of samples; it cannot be combined with others. The p99s of
//! two hosts say nothing exact about the p99 of both together, yet dashboards average them
//! every day. What does combine is a count: how many requests were within a threshold.
//!
//! ## Task 1: Pick nearest-rank percentiles
//!
//! - Sort the `n` latencies in increasing order and number them from 1.
//! - The `p`-th percentile (`p` from 1 to 100) is the latency of rank `⌈p × n / 100⌉`
//!   (the smallest rank with at least `p` % of the samples at or below it). No interpolation.
//! - No samples, or `p` outside `1..=100`, give `None`.
//! - [`Summary::of`] gives p50, p90 and p99 at once.
//!
//! Example: for `[40, 10, 30, 20, 50]`, p50 is rank ⌈2.5⌉ = 3, i.e. 30; p90 is rank
//! ⌈4.5⌉ = 5, i.e. 50; p20 is rank ⌈1.0⌉ = 1, i.e. 10.
//!
//! ## Task 2: Compute the fleet percentile from every sample
//!
//! The percentile of a fleet is the percentile of all its hosts' samples put together. The
//! helper [`mean_of_host_percentiles`] does what many dashboards do instead; it is here so the
//! tests can show the two disagree.
//!
//! Example: host A served 98 requests in 10 ms and 2 in 300 ms (its p99 is 300); host B served
//! 100 requests in 12 ms (its p99 is 12). The mean of the host p99s is 156 ms, but the fleet's
//! 200 samples put rank ⌈198⌉ at 12 ms: the fleet p99 is 12.
//!
//! ## Task 3: Combine what does add up: requests within a threshold
//!
//! - [`count_within`] counts a host's requests at or below a latency threshold, and its total.
//! - [`fleet_share_ppm`] adds the counts of every host and gives the share within the
//!   threshold in parts per million, rounded down; `None` when there were no requests at all.
//!
//! Example: hosts with (within, total) of (98, 100) and (100, 100) give 198 of 200 within:
//! 990 000 ppm, i.e. 99 %.
//!
//! ## Beyond this exercise
//!
//! Other definitions interpolate between ranks (Prometheus' `quantile` over a set of series,
//! NumPy's default), so the "same" p99 differs between tools on small samples. Monitoring
//! systems seldom keep every sample: they keep histograms (the next exercise) or sketches
//! (t-digest, DDSketch) that *can* be merged across hosts with a bounded error. A latency SLO
//! is best written the Task 3 way, "99 % of requests within 300 ms", precisely because counts
//! add up where percentiles do not.

/// The latencies users usually look at, from one set of samples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// The median.
    pub p50: u64,
    /// 90 % of the samples are at or below this.
    pub p90: u64,
    /// 99 % of the samples are at or below this.
    pub p99: u64,
}

/// The nearest-rank `p`-th percentile of `latencies_ms`, or `None` when there are no samples or
/// `p` is not in `1..=100`.
pub fn percentile(latencies_ms: &[u64], p: u32) -> Option<u64> {
    if latencies_ms.is_empty() || !(1..=100).contains(&p) {
        return None;
    }
    let mut sorted = latencies_ms.to_vec();
    sorted.sort_unstable();
    // The rank in integers, rounded up: no float can land a hair below a whole rank.
    let rank = (p as usize * sorted.len()).div_ceil(100);
    Some(sorted[rank - 1])
}

impl Summary {
    /// p50, p90 and p99 of `latencies_ms`, or `None` when there are no samples.
    pub fn of(latencies_ms: &[u64]) -> Option<Summary> {
        Some(Summary {
            p50: percentile(latencies_ms, 50)?,
            p90: percentile(latencies_ms, 90)?,
            p99: percentile(latencies_ms, 99)?,
        })
    }
}

/// The nearest-rank `p`-th percentile of all the hosts' samples together.
pub fn fleet_percentile(hosts: &[Vec<u64>], p: u32) -> Option<u64> {
    let all: Vec<u64> = hosts.iter().flatten().copied().collect();
    percentile(&all, p)
}

/// The mean (rounded down) of each host's own `p`-th percentile, hosts without samples left
/// out: a number many dashboards show, and not a percentile of anything.
pub fn mean_of_host_percentiles(hosts: &[Vec<u64>], p: u32) -> Option<u64> {
    let each: Vec<u64> = hosts.iter().filter_map(|h| percentile(h, p)).collect();
    let count = each.len() as u64;
    (count > 0).then(|| each.iter().sum::<u64>() / count)
}

/// One host's requests: how many were within the threshold, out of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HostCount {
    /// Requests at or below the threshold.
    pub within: u64,
    /// All requests.
    pub total: u64,
}

/// Counts the latencies at or below `threshold_ms`, and all of them.
pub fn count_within(latencies_ms: &[u64], threshold_ms: u64) -> HostCount {
    HostCount {
        within: latencies_ms.iter().filter(|&&l| l <= threshold_ms).count() as u64,
        total: latencies_ms.len() as u64,
    }
}

/// The share of all the hosts' requests within the threshold, in ppm rounded down; `None` when
/// there were no requests.
pub fn fleet_share_ppm(counts: &[HostCount]) -> Option<u64> {
    // Counts add up across hosts; shares (like percentiles) do not.
    let within: u64 = counts.iter().map(|c| c.within).sum();
    let total: u64 = counts.iter().map(|c| c.total).sum();
    (total > 0).then(|| within * 1_000_000 / total)
}

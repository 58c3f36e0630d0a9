//! # histogram_quantile: a p99 from bucket counts, as Prometheus estimates it
//!
//! Keeping every latency sample costs too much, and percentiles of different hosts cannot be
//! combined. So services export a *histogram*: for a fixed list of upper bounds (`le`, "less or
//! equal"), the number of observations at or below each bound, plus the total in a last bucket
//! `le="+Inf"`. Counts of different hosts add up bucket by bucket, and a quantile is then
//! estimated from the buckets. This is Prometheus' `histogram_quantile()`, whose rules (from its
//! documentation and `promql/quantile.go`) this exercise follows in integers.
//!
//! Here bounds are milliseconds as `i64` (a histogram of clock offsets has negative bounds),
//! the quantile `q_bp` is in basis points (9 900 is the 0.99-quantile, p99) and counts are
//! cumulative: `count` is the number of observations `≤ le_ms`.
//!
//! ## Task 1: Find the bucket the rank falls in
//!
//! - The rank is `q × total`, where the total is the `+Inf` bucket's count.
//! - The rank falls in the first finite bucket whose cumulative count is at least the rank;
//!   if no finite bucket reaches it, it falls in the `+Inf` bucket.
//! - The rank is a fraction (`q_bp × total / 10 000`): compare it exactly, without rounding.
//!
//! Example, with the [`latencies`] histogram (`le` 100, 200, 400, 800 ms holding 50, 80, 95,
//! 99 observations, 100 in all): p90 has rank 90 and falls in bucket 2 (`le` 400, 95 ≥ 90);
//! p50 has rank 50 and falls in bucket 0 (50 ≥ 50); p99.5 has rank 99.5, which no finite
//! bucket reaches: `+Inf`.
//!
//! ## Task 2: Interpolate linearly inside the bucket
//!
//! - Inside its bucket, the estimate assumes the observations are spread evenly between the
//!   bucket's lower edge (the previous bucket's bound) and its upper bound:
//!   `start + (end − start) × (rank − count below) / (count in the bucket)`.
//! - The lowest bucket starts at 0 when its bound is positive. When its bound is 0 or negative,
//!   no lower edge is known and the estimate is that bound itself.
//! - The result is rounded down (towards −∞, also for negative results).
//!
//! Example: p90 of [`latencies`] is `200 + 200 × (90 − 80) / 15` = 333.3, so 333 ms; p25 is
//! `0 + 100 × 25 / 50` = 50 ms.
//!
//! ## Task 3: Apply the +Inf rule and reject what is not a histogram
//!
//! - A rank in the `+Inf` bucket has no upper bound to interpolate to: the estimate is the
//!   upper bound of the last finite bucket (p99.5 of [`latencies`] is 800).
//! - Errors, checked in this order: `q_bp` outside `1..=10 000` ([`QuantileError::OutOfRange`]);
//!   no finite bucket ([`QuantileError::NoFiniteBucket`]); bounds not strictly increasing, or a
//!   count lower than the one before it, `+Inf` included ([`QuantileError::NotCumulative`]);
//!   a total of 0 ([`QuantileError::NoObservations`]).
//!
//! Example: p99.5 and p100 of [`latencies`] are both 800; a histogram with only the `+Inf`
//! bucket is `Err(NoFiniteBucket)` whatever its count, and `q_bp = 0` is `Err(OutOfRange)`.
//!
//! ## Beyond this exercise
//!
//! Prometheus works in `f64` and answers instead of failing: NaN for no observations or no
//! `+Inf` bucket, −Inf/+Inf for q < 0 or q > 1; it sorts buckets, merges equal bounds and
//! forces decreasing counts up ("monotonicity") with a warning. It is normally applied to
//! `rate(..._bucket[5m])` summed across instances, not to raw counts. The estimate is only as
//! good as the buckets: with a bucket from 400 to 800 ms, a p99 of "800" may be 401. Pick bounds
//! near your SLO threshold, or use native histograms, whose exponential buckets are fine
//! everywhere.

/// One cumulative bucket: how many observations were at or below `le_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    /// The upper bound, in milliseconds.
    pub le_ms: i64,
    /// Observations at or below the bound (cumulative).
    pub count: u64,
}

/// A histogram: the finite buckets in order, and the `+Inf` bucket's count (the total).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    /// The finite buckets, by increasing bound.
    pub buckets: Vec<Bucket>,
    /// The count of the `le="+Inf"` bucket: every observation.
    pub inf_count: u64,
}

/// The example histogram of the doc: `le` 100, 200, 400, 800 ms, 100 observations.
pub fn latencies() -> Histogram {
    let bounds = [(100, 50), (200, 80), (400, 95), (800, 99)];
    Histogram {
        buckets: bounds
            .iter()
            .map(|&(le_ms, count)| Bucket { le_ms, count })
            .collect(),
        inf_count: 100,
    }
}

/// Where a rank falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Located {
    /// In the finite bucket of this index.
    Bucket(usize),
    /// Beyond every finite bucket.
    Inf,
}

/// Why no quantile can be estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuantileError {
    /// The quantile is not in `1..=10_000` basis points.
    OutOfRange,
    /// There is only the `+Inf` bucket.
    NoFiniteBucket,
    /// Bounds do not increase strictly, or a count is lower than the previous one.
    NotCumulative,
    /// The histogram holds no observation.
    NoObservations,
}

impl std::fmt::Display for QuantileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            QuantileError::OutOfRange => "the quantile must be between 1 and 10000 basis points",
            QuantileError::NoFiniteBucket => "the histogram has no finite bucket",
            QuantileError::NotCumulative => "bucket bounds or counts are not cumulative",
            QuantileError::NoObservations => "the histogram holds no observation",
        })
    }
}

impl std::error::Error for QuantileError {}

impl Histogram {
    /// The bucket in which the rank of the quantile `q_bp` falls (a valid histogram is assumed).
    pub fn locate(&self, q_bp: u32) -> Located {
        // TODO: the first finite bucket whose count reaches q × total, else +Inf (exactly:
        // compare count × 10 000 with q_bp × total).
        todo!()
    }
}

/// The `q_bp` quantile of `histogram`, in milliseconds rounded down, as `histogram_quantile`
/// estimates it.
pub fn histogram_quantile(q_bp: u32, histogram: &Histogram) -> Result<i64, QuantileError> {
    // TODO: the checks of Task 3, then locate the rank and interpolate (Task 2), or apply the
    // +Inf rule.
    todo!()
}

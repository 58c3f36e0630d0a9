use histogram_quantile::{
    histogram_quantile, latencies, Bucket, Histogram, Located, QuantileError,
};

/// A histogram from `(le_ms, cumulative count)` pairs and the `+Inf` count.
fn histogram(bounds: &[(i64, u64)], inf_count: u64) -> Histogram {
    Histogram {
        buckets: bounds
            .iter()
            .map(|&(le_ms, count)| Bucket { le_ms, count })
            .collect(),
        inf_count,
    }
}

/// Clock offsets: `le` −10, 0, 10 ms holding 3, 10, 18 of 20 observations.
fn clock_offsets() -> Histogram {
    histogram(&[(-10, 3), (0, 10), (10, 18)], 20)
}

// Task 1: Find the bucket the rank falls in
#[test]
fn the_rank_falls_in_the_first_bucket_whose_count_reaches_it() {
    let h = latencies();
    assert_eq!(
        h.locate(9_000),
        Located::Bucket(2),
        "p90 of 100 observations has rank 90: buckets hold 50, 80, 95 cumulatively, so the \
         first to reach 90 is bucket 2 (le 400)"
    );
    assert_eq!(
        h.locate(5_000),
        Located::Bucket(0),
        "p50 has rank 50 and bucket 0 holds exactly 50: a count equal to the rank reaches it"
    );
    assert_eq!(
        h.locate(5_100),
        Located::Bucket(1),
        "p51 has rank 51, one more than bucket 0 holds: bucket 1"
    );
    assert_eq!(
        h.locate(9_900),
        Located::Bucket(3),
        "p99 has rank 99 and bucket 3 (le 800) holds 99"
    );
}

#[test]
fn a_rank_beyond_every_finite_bucket_falls_in_inf() {
    let h = latencies();
    assert_eq!(
        h.locate(9_950),
        Located::Inf,
        "p99.5 has rank 99.5; the last finite bucket holds 99: the rank is in +Inf"
    );
    assert_eq!(
        h.locate(10_000),
        Located::Inf,
        "the maximum (rank 100) lies in +Inf when a finite bucket holds fewer than all"
    );
}

#[test]
fn the_rank_is_a_fraction_compared_exactly() {
    let h = histogram(&[(10, 0), (20, 1), (30, 3)], 3);
    assert_eq!(
        h.locate(100),
        Located::Bucket(1),
        "p1 of 3 observations has rank 0.03: an empty bucket (count 0) does not reach it, so it \
         falls in bucket 1 (a rank rounded down to 0 would wrongly pick bucket 0)"
    );
    assert_eq!(
        h.locate(3_333),
        Located::Bucket(1),
        "rank 0.9999 is reached by bucket 1's count of 1"
    );
    assert_eq!(
        h.locate(3_334),
        Located::Bucket(2),
        "rank 1.0002 is just above bucket 1's count of 1: bucket 2 (a rank rounded to 1 would \
         stop one bucket early)"
    );
}

// Task 2: Interpolate linearly inside the bucket
#[test]
fn the_estimate_interpolates_linearly_inside_its_bucket() {
    let h = latencies();
    assert_eq!(
        histogram_quantile(9_000, &h),
        Ok(333),
        "p90: 200 + (400 − 200) × (90 − 80) / 15 = 333.3, rounded down to 333"
    );
    assert_eq!(
        histogram_quantile(8_500, &h),
        Ok(266),
        "p85: 200 + 200 × 5 / 15 = 266.7, rounded down to 266"
    );
    assert_eq!(
        histogram_quantile(9_500, &h),
        Ok(400),
        "p95 has rank 95, all of bucket 2: its upper bound, 400"
    );
    assert_eq!(
        histogram_quantile(9_900, &h),
        Ok(800),
        "p99: 400 + 400 × (99 − 95) / 4 = 800"
    );
}

#[test]
fn the_lowest_bucket_interpolates_from_zero() {
    let h = latencies();
    assert_eq!(
        histogram_quantile(2_500, &h),
        Ok(50),
        "p25 has rank 25 in the lowest bucket (0 to 100 ms, 50 observations): 100 × 25 / 50 = 50"
    );
    assert_eq!(
        histogram_quantile(1_000, &h),
        Ok(20),
        "p10: 100 × 10 / 50 = 20"
    );
    let offset = histogram(&[(50, 10), (100, 20)], 20);
    assert_eq!(
        histogram_quantile(2_500, &offset),
        Ok(25),
        "a lowest bucket le 50 starts at 0, not at its own bound: p25 (rank 5 of its 10) is 25"
    );
}

#[test]
fn a_lowest_bound_of_zero_or_below_is_the_estimate_itself() {
    assert_eq!(
        histogram_quantile(1_000, &clock_offsets()),
        Ok(-10),
        "p10 of the clock offsets (rank 2) falls in the lowest bucket, le −10: no lower edge \
         is known, so the estimate is −10"
    );
    let at_zero = histogram(&[(0, 4), (10, 8)], 8);
    assert_eq!(
        histogram_quantile(2_500, &at_zero),
        Ok(0),
        "a lowest bucket le 0 has no known lower edge either: the estimate is 0"
    );
}

#[test]
fn estimates_round_down_also_below_zero() {
    let h = clock_offsets();
    assert_eq!(
        histogram_quantile(4_000, &h),
        Ok(-3),
        "p40 (rank 8): −10 + 10 × (8 − 3) / 7 = −2.86, rounded down to −3 (not towards 0)"
    );
    assert_eq!(
        histogram_quantile(5_000, &h),
        Ok(0),
        "p50 (rank 10): −10 + 10 × 7 / 7 = 0"
    );
    assert_eq!(
        histogram_quantile(7_500, &h),
        Ok(6),
        "p75 (rank 15): 0 + 10 × (15 − 10) / 8 = 6.25, rounded down to 6"
    );
}

#[test]
fn large_counts_and_wide_buckets_do_not_overflow() {
    let years = histogram(
        &[
            (1_000, 4_000_000_000_000_000_000),
            (60_000, 8_000_000_000_000_000_000),
        ],
        8_000_000_000_000_000_000,
    );
    assert_eq!(
        histogram_quantile(7_500, &years),
        Ok(30_500),
        "p75 of 8e18 observations: 1000 + 59 000 × (6e18 − 4e18) / 4e18 = 30 500"
    );
}

// Task 3: Apply the +Inf rule and reject what is not a histogram
#[test]
fn a_rank_in_inf_gives_the_last_finite_bound() {
    let h = latencies();
    assert_eq!(
        histogram_quantile(9_950, &h),
        Ok(800),
        "p99.5 falls in +Inf, which has no upper bound: the estimate is the last finite bound, \
         800"
    );
    assert_eq!(
        histogram_quantile(10_000, &h),
        Ok(800),
        "the maximum falls in +Inf too: 800"
    );
    let one = histogram(&[(250, 0)], 7);
    assert_eq!(
        histogram_quantile(5_000, &one),
        Ok(250),
        "when every observation is above the only finite bound, any quantile is that bound"
    );
}

#[test]
fn the_quantile_must_lie_between_1_and_10000_basis_points() {
    let h = latencies();
    assert_eq!(
        histogram_quantile(0, &h),
        Err(QuantileError::OutOfRange),
        "q = 0 is refused here (Prometheus would return the lower edge or NaN)"
    );
    assert_eq!(
        histogram_quantile(10_001, &h),
        Err(QuantileError::OutOfRange),
        "q above 1 is no quantile"
    );
    assert_eq!(
        histogram_quantile(0, &histogram(&[], 0)),
        Err(QuantileError::OutOfRange),
        "the quantile is checked first, before the histogram"
    );
}

#[test]
fn a_histogram_needs_a_finite_bucket() {
    assert_eq!(
        histogram_quantile(5_000, &histogram(&[], 12)),
        Err(QuantileError::NoFiniteBucket),
        "with only +Inf there is no bound to report"
    );
    assert_eq!(
        histogram_quantile(5_000, &histogram(&[], 0)),
        Err(QuantileError::NoFiniteBucket),
        "a missing finite bucket is reported before a total of 0"
    );
}

#[test]
fn bounds_must_increase_strictly() {
    let equal = histogram(&[(100, 1), (100, 2)], 3);
    assert_eq!(
        histogram_quantile(5_000, &equal),
        Err(QuantileError::NotCumulative),
        "two buckets with the same bound le 100 are not a histogram here"
    );
    let decreasing = histogram(&[(200, 1), (100, 2)], 3);
    assert_eq!(
        histogram_quantile(5_000, &decreasing),
        Err(QuantileError::NotCumulative),
        "bounds 200 then 100 are out of order"
    );
}

#[test]
fn counts_must_never_decrease_up_to_inf() {
    let dropping = histogram(&[(100, 5), (200, 4)], 6);
    assert_eq!(
        histogram_quantile(5_000, &dropping),
        Err(QuantileError::NotCumulative),
        "5 observations ≤ 100 ms but only 4 ≤ 200 ms cannot be cumulative"
    );
    let inf_below = histogram(&[(100, 5), (200, 9)], 8);
    assert_eq!(
        histogram_quantile(5_000, &inf_below),
        Err(QuantileError::NotCumulative),
        "+Inf counts every observation: 8 in all is fewer than the 9 ≤ 200 ms"
    );
    let flat = histogram(&[(100, 5), (200, 5)], 5);
    assert_eq!(
        histogram_quantile(10_000, &flat),
        Ok(100),
        "equal counts are cumulative (an empty bucket): the maximum is reached by le 100"
    );
    assert!(
        histogram_quantile(5_000, &histogram(&[(100, 6), (200, 6)], 6)).is_ok(),
        "a +Inf count equal to the last bucket's is fine: nothing above 200 ms"
    );
}

#[test]
fn a_histogram_without_observations_has_no_quantile() {
    assert_eq!(
        histogram_quantile(9_900, &histogram(&[(100, 0), (200, 0)], 0)),
        Err(QuantileError::NoObservations),
        "no observation at all: there is no p99 (Prometheus says NaN)"
    );
}

#[test]
fn each_error_says_what_is_wrong() {
    let errors = [
        QuantileError::OutOfRange,
        QuantileError::NoFiniteBucket,
        QuantileError::NotCumulative,
        QuantileError::NoObservations,
    ];
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    for (error, message) in errors.iter().zip(&messages) {
        assert!(
            !message.is_empty(),
            "{error:?} must explain itself in its Display"
        );
    }
    let mut distinct = messages.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        4,
        "each error has its own message: {messages:?}"
    );
}

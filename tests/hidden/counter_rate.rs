use counter_rate::{in_window, increase, increase_between, rate, Sample};

/// Samples from `(at_ms, value)` pairs.
fn series(points: &[(u64, u64)]) -> Vec<Sample> {
    points
        .iter()
        .map(|&(at_ms, value)| Sample { at_ms, value })
        .collect()
}

/// The example of the doc: scraped every 15 s, restarted between 30 s and 45 s.
fn restarted() -> Vec<Sample> {
    series(&[
        (0, 100),
        (15_000, 130),
        (30_000, 160),
        (45_000, 20),
        (60_000, 60),
    ])
}

fn times(samples: &[Sample]) -> Vec<u64> {
    samples.iter().map(|s| s.at_ms).collect()
}

fn close(actual: Option<f64>, expected: f64) -> bool {
    actual.is_some_and(|r| (r - expected).abs() < 1e-9)
}

// Task 1: Add up the increase across counter resets
#[test]
fn increase_adds_up_the_growth_between_consecutive_samples() {
    let steady = series(&[(0, 5), (15_000, 12), (30_000, 40)]);
    assert_eq!(
        increase_between(&steady),
        35,
        "5 → 12 → 40 grew by 7 and then by 28: 35 in all"
    );
}

#[test]
fn a_drop_is_a_reset_and_the_new_value_counts_from_zero() {
    assert_eq!(
        increase_between(&restarted()),
        120,
        "100, 130, 160, 20, 60: the drop to 20 is a restart, after which the counter counted \
         20 from 0, so the increase is 30 + 30 + 20 + 40 = 120 (not 30 + 30 − 140 + 40)"
    );
    let to_zero = series(&[(0, 900), (15_000, 0), (30_000, 7)]);
    assert_eq!(
        increase_between(&to_zero),
        7,
        "900 → 0 is a reset that counted nothing yet, then 0 → 7: the increase is 7"
    );
}

#[test]
fn an_unchanged_value_is_no_reset() {
    let idle = series(&[(0, 130), (15_000, 130), (30_000, 130)]);
    assert_eq!(
        increase_between(&idle),
        0,
        "a counter that stays at 130 did not grow, and did not restart either: only a drop is \
         a reset"
    );
}

#[test]
fn several_restarts_each_count_from_zero() {
    let flapping = series(&[(0, 50), (15_000, 10), (30_000, 4), (45_000, 9), (60_000, 3)]);
    assert_eq!(
        increase_between(&flapping),
        10 + 4 + 5 + 3,
        "50 → 10 → 4 → 9 → 3 holds three resets: 10, then 4, then +5, then 3 after the last \
         restart"
    );
}

#[test]
fn fewer_than_two_samples_increase_by_nothing() {
    assert_eq!(increase_between(&[]), 0, "no samples, no increase");
    assert_eq!(
        increase_between(&series(&[(0, 500)])),
        0,
        "a single sample of 500 says nothing about growth: its value is not an increase"
    );
}

// Task 2: Select the samples of a range window
#[test]
fn the_window_is_left_open_and_right_closed() {
    let samples = restarted();
    assert_eq!(
        times(in_window(&samples, 60_000, 60_000)),
        vec![15_000, 30_000, 45_000, 60_000],
        "a 60 s window at 60 s covers 0 < t ≤ 60 000: the sample exactly one range ago (at 0) \
         is out, the one at now is in"
    );
    assert_eq!(
        times(in_window(&samples, 50_000, 30_000)),
        vec![30_000, 45_000],
        "a 30 s window at 50 s covers 20 000 < t ≤ 50 000"
    );
}

#[test]
fn samples_after_now_are_outside_the_window() {
    let samples = restarted();
    assert_eq!(
        times(in_window(&samples, 30_000, 60_000)),
        vec![0, 15_000, 30_000],
        "evaluated at 30 s, the samples at 45 s and 60 s lie in the future of the window"
    );
    assert!(
        in_window(&samples, 40_000, 5_000).is_empty(),
        "no sample was scraped in 35 000 < t ≤ 40 000: the window is empty"
    );
}

#[test]
fn a_window_beginning_before_time_zero_holds_everything_from_zero() {
    let samples = restarted();
    assert_eq!(
        times(in_window(&samples, 15_000, 60_000)),
        vec![0, 15_000],
        "a 60 s window at 15 s would begin at −45 s: the sample at 0 lies inside it"
    );
    assert_eq!(
        times(in_window(&samples, 0, 0)),
        Vec::<u64>::new(),
        "an empty range at 0 covers 0 < t ≤ 0: nothing"
    );
}

// Task 3: Compute increase and rate over a window
#[test]
fn increase_over_a_window_counts_only_the_samples_inside_it() {
    assert_eq!(
        increase(&restarted(), 60_000, 60_000),
        Some(90),
        "the 60 s window at 60 s holds 130, 160, 20, 60: the increase is 30 + 20 + 40 = 90 \
         (the growth from 100 at 0 s lies outside the left-open window)"
    );
    assert_eq!(
        increase(&restarted(), 30_000, 60_000),
        Some(60),
        "at 30 s the window holds 100, 130, 160: an increase of 60"
    );
}

#[test]
fn rate_divides_by_the_time_the_samples_span() {
    assert!(
        close(rate(&restarted(), 60_000, 60_000), 2.0),
        "an increase of 90 between samples 45 s apart is 2.0 per second (not 90 / 60 s = 1.5 \
         and not per millisecond), got {:?}",
        rate(&restarted(), 60_000, 60_000)
    );
    let sparse = series(&[(0, 0), (10_000, 30), (50_000, 70)]);
    assert!(
        close(rate(&sparse, 100_000, 100_000), 1.0),
        "a 100 s window at 100 s holds the samples at 10 s (30) and 50 s (70): 40 over the 40 s \
         they span is 1.0 per second, not 40 / 100 s, got {:?}",
        rate(&sparse, 100_000, 100_000)
    );
}

#[test]
fn rate_across_a_reset_stays_positive() {
    let samples = series(&[(0, 160), (15_000, 20), (30_000, 50)]);
    assert!(
        close(rate(&samples, 30_000, 60_000), 50.0 / 30.0),
        "160 → 20 → 50 over 30 s: 20 + 30 = 50 counted after the restart, 50 / 30 s per \
         second, got {:?}",
        rate(&samples, 30_000, 60_000)
    );
}

#[test]
fn a_window_with_fewer_than_two_samples_has_no_increase_and_no_rate() {
    let samples = restarted();
    assert_eq!(
        increase(&samples, 45_000, 15_000),
        None,
        "the window 30 000 < t ≤ 45 000 holds only the sample at 45 s: one value has no slope"
    );
    assert_eq!(
        rate(&samples, 45_000, 15_000),
        None,
        "with a single sample in the window there is no rate either"
    );
    assert_eq!(
        rate(&samples, 100_000, 30_000),
        None,
        "a window after the last scrape holds no sample: no rate (a stale series, not a rate \
         of 0)"
    );
    assert_eq!(
        increase(&samples, 100_000, 30_000),
        None,
        "a window after the last scrape holds no sample: no increase"
    );
}

use nines_downtime::{allowed_downtime_ms, days_ms, measured_ppm, FULL_PPM};

const MINUTE_MS: u64 = 60 * 1000;
const HOUR_MS: u64 = 60 * MINUTE_MS;

// Task 1: Turn an availability target into allowed downtime
#[test]
fn three_nines_allow_43_minutes_12_seconds_in_30_days() {
    assert_eq!(
        allowed_downtime_ms(999_000, days_ms(30)),
        43 * MINUTE_MS + 12_000,
        "99.9 % leaves 0.1 % of 30 days as downtime: 43 min 12 s"
    );
}

#[test]
fn three_nines_allow_8_hours_45_minutes_36_seconds_in_365_days() {
    assert_eq!(
        allowed_downtime_ms(999_000, days_ms(365)),
        8 * HOUR_MS + 45 * MINUTE_MS + 36_000,
        "99.9 % leaves 0.1 % of 365 days as downtime: 8 h 45 min 36 s"
    );
}

#[test]
fn each_extra_nine_divides_the_allowance_by_ten() {
    let month = days_ms(30);
    for (target_ppm, expected_ms, label) in [
        (990_000, 7 * HOUR_MS + 12 * MINUTE_MS, "99 %: 7 h 12 min"),
        (999_900, 4 * MINUTE_MS + 19_200, "99.99 %: 4 min 19.2 s"),
        (999_990, 25_920, "99.999 %: 25.92 s"),
        (999_999, 2_592, "99.9999 %: 2.592 s"),
    ] {
        assert_eq!(
            allowed_downtime_ms(target_ppm, month),
            expected_ms,
            "over 30 days, {label} of downtime is allowed"
        );
    }
}

#[test]
fn the_allowance_is_rounded_down_to_a_whole_millisecond() {
    assert_eq!(
        allowed_downtime_ms(999_000, 999),
        0,
        "0.1 % of 999 ms is 0.999 ms: rounded down, no downtime is allowed at all"
    );
    assert_eq!(
        allowed_downtime_ms(999_000, 1_999),
        1,
        "0.1 % of 1 999 ms is 1.999 ms: rounded down to 1 ms, never up to 2"
    );
}

#[test]
fn a_target_of_one_hundred_percent_allows_no_downtime_and_zero_allows_all() {
    assert_eq!(
        allowed_downtime_ms(FULL_PPM, days_ms(365)),
        0,
        "100 % allows no downtime at all"
    );
    assert_eq!(
        allowed_downtime_ms(0, days_ms(30)),
        days_ms(30),
        "0 % allows the whole period as downtime"
    );
}

#[test]
fn the_allowance_of_the_longest_period_does_not_overflow() {
    assert_eq!(
        allowed_downtime_ms(999_000, u64::MAX),
        u64::MAX / 1000,
        "0.1 % of u64::MAX ms is u64::MAX / 1000: multiply in a type wider than u64"
    );
}

// Task 2: Measure availability from downtime
#[test]
fn downtime_equal_to_the_allowance_measures_exactly_the_target() {
    assert_eq!(
        measured_ppm(43 * MINUTE_MS + 12_000, days_ms(30)),
        999_000,
        "43 min 12 s down in 30 days is exactly 99.9 %"
    );
    assert_eq!(
        measured_ppm(8 * HOUR_MS + 45 * MINUTE_MS + 36_000, days_ms(365)),
        999_000,
        "8 h 45 min 36 s down in 365 days is exactly 99.9 %"
    );
}

#[test]
fn one_second_over_the_allowance_misses_three_nines() {
    assert_eq!(
        measured_ppm(43 * MINUTE_MS + 13_000, days_ms(30)),
        998_999,
        "43 min 13 s down in 30 days is 99.89996 %: rounded down to 998 999 ppm, below 99.9 % \
         (rounding to the nearest ppm would wrongly report the target as met)"
    );
}

#[test]
fn no_downtime_is_full_availability() {
    assert_eq!(
        measured_ppm(0, days_ms(30)),
        FULL_PPM,
        "a service never down is 100 % available"
    );
    assert_eq!(
        measured_ppm(1, days_ms(30)),
        999_999,
        "1 ms down in 30 days is not 100 %: rounded down to 999 999 ppm"
    );
}

#[test]
fn downtime_longer_than_the_period_counts_as_the_whole_period() {
    assert_eq!(
        measured_ppm(days_ms(31), days_ms(30)),
        0,
        "more downtime than the period itself means the service was never up: 0 ppm"
    );
    assert_eq!(
        measured_ppm(days_ms(30), days_ms(30)),
        0,
        "down for the whole period is 0 ppm"
    );
    assert_eq!(
        measured_ppm(10, 10),
        0,
        "down for the whole of a short period is 0 ppm too: no sliver of uptime is left over"
    );
}

#[test]
fn measuring_the_longest_period_does_not_overflow() {
    assert_eq!(
        measured_ppm(u64::MAX / 2, u64::MAX),
        500_000,
        "half of u64::MAX ms down is 50 %: multiply in a type wider than u64"
    );
}

use canary_analysis::{analyse, Policy, Regression, Sample, Verdict};

const POLICY: Policy = Policy {
    min_requests: 1_000,
    margin_ppm: 2_000,
    ceiling_ppm: 50_000,
};

fn sample(requests: u64, errors: u64) -> Sample {
    Sample { requests, errors }
}

// Task 1: Measure the error rate in parts per million
#[test]
fn error_rate_is_in_parts_per_million() {
    assert_eq!(
        sample(2_000, 3).error_ppm(),
        1_500,
        "3 errors in 2000 requests is 0.15 %, that is 1500 ppm"
    );
    assert_eq!(sample(10_000, 100).error_ppm(), 10_000, "1 % is 10 000 ppm");
    assert_eq!(
        sample(50, 50).error_ppm(),
        1_000_000,
        "every request failing is 1 000 000 ppm"
    );
    assert_eq!(sample(50, 0).error_ppm(), 0, "no errors is 0 ppm");
}

#[test]
fn error_rate_rounds_down() {
    assert_eq!(
        sample(3, 1).error_ppm(),
        333_333,
        "1 error in 3 requests is 333 333.33… ppm, rounded down to 333 333"
    );
    assert_eq!(
        sample(3, 2).error_ppm(),
        666_666,
        "2 errors in 3 requests is 666 666.66… ppm, rounded down (not to nearest) to 666 666"
    );
}

#[test]
fn error_rate_does_not_overflow_on_large_counts() {
    let huge = sample(u64::MAX, u64::MAX / 2);
    assert_eq!(
        huge.error_ppm(),
        499_999,
        "half of u64::MAX requests failing is just under 500 000 ppm: errors × 10^6 must be \
         computed without overflowing"
    );
    assert_eq!(
        sample(u64::MAX, u64::MAX).error_ppm(),
        1_000_000,
        "all of u64::MAX requests failing is 1 000 000 ppm"
    );
}

#[test]
fn no_requests_is_a_rate_of_zero() {
    assert_eq!(
        sample(0, 0).error_ppm(),
        0,
        "a population that served nothing has a rate of 0 (and no division by zero)"
    );
}

// Task 2: Promote, hold or roll back
#[test]
fn a_canary_much_worse_than_its_baseline_is_rolled_back_under_the_ceiling() {
    assert_eq!(
        analyse(&POLICY, &sample(1_000, 9), &sample(10_000, 10)),
        Verdict::RollBack(Regression::WorseThanBaseline {
            canary_ppm: 9_000,
            baseline_ppm: 1_000
        }),
        "0.9 % errors is far under the 5 % ceiling, but nine times the baseline's 0.1 %: \
         compared with its baseline the canary is a regression"
    );
}

#[test]
fn a_canary_no_worse_than_a_suffering_baseline_is_promoted() {
    assert_eq!(
        analyse(&POLICY, &sample(1_000, 9), &sample(10_000, 80)),
        Verdict::Promote,
        "the baseline is at 8000 ppm too (a shared dependency is failing): the canary's 9000 \
         ppm is within the 2000 ppm margin, so the errors are not the new version's fault"
    );
}

#[test]
fn exactly_at_the_margin_is_still_a_promotion() {
    assert_eq!(
        analyse(&POLICY, &sample(1_000, 3), &sample(1_000, 1)),
        Verdict::Promote,
        "the canary's 3000 ppm is exactly the baseline's 1000 plus the 2000 margin: allowed"
    );
    assert_eq!(
        analyse(&POLICY, &sample(1_000_000, 3_001), &sample(1_000, 1)),
        Verdict::RollBack(Regression::WorseThanBaseline {
            canary_ppm: 3_001,
            baseline_ppm: 1_000
        }),
        "1 ppm above the baseline plus the margin is a regression"
    );
}

#[test]
fn the_ceiling_rolls_back_whatever_the_baseline_does() {
    assert_eq!(
        analyse(&POLICY, &sample(1_000, 51), &sample(1_000, 60)),
        Verdict::RollBack(Regression::AboveCeiling { canary_ppm: 51_000 }),
        "the canary's 5.1 % is above the 5 % ceiling: it is rolled back even though the \
         baseline is worse"
    );
    assert_eq!(
        analyse(&POLICY, &sample(1_000, 50), &sample(1_000, 50)),
        Verdict::Promote,
        "exactly at the 50 000 ppm ceiling (and equal to the baseline) is not above it"
    );
}

#[test]
fn the_ceiling_is_checked_before_the_baseline() {
    assert_eq!(
        analyse(&POLICY, &sample(1_000, 100), &sample(1_000, 1)),
        Verdict::RollBack(Regression::AboveCeiling {
            canary_ppm: 100_000
        }),
        "a canary at 10 % breaks both rules: the ceiling is checked first"
    );
}

#[test]
fn no_verdict_before_the_canary_has_the_minimum_sample() {
    assert_eq!(
        analyse(&POLICY, &sample(999, 9), &sample(10_000, 10)),
        Verdict::Hold,
        "999 canary requests is one short of the minimum of 1000: hold, even though the rate \
         looks bad"
    );
    assert_eq!(
        analyse(&POLICY, &sample(999, 0), &sample(10_000, 10)),
        Verdict::Hold,
        "999 clean canary requests are not enough to promote either"
    );
    assert_eq!(
        analyse(&POLICY, &sample(999, 999), &sample(10_000, 10)),
        Verdict::Hold,
        "below the minimum sample not even the ceiling gives a verdict"
    );
}

#[test]
fn the_baseline_needs_the_minimum_sample_too() {
    assert_eq!(
        analyse(&POLICY, &sample(5_000, 0), &sample(999, 0)),
        Verdict::Hold,
        "the baseline has served only 999 requests: its rate is noise, so no comparison yet"
    );
    assert_eq!(
        analyse(&POLICY, &sample(1_000, 0), &sample(1_000, 0)),
        Verdict::Promote,
        "exactly the minimum of 1000 requests on both sides is enough for a verdict"
    );
}

#[test]
fn an_empty_population_is_never_enough() {
    let no_minimum = Policy {
        min_requests: 0,
        ..POLICY
    };
    assert_eq!(
        analyse(&no_minimum, &sample(0, 0), &sample(1_000, 0)),
        Verdict::Hold,
        "a canary that served no request says nothing about the release, whatever the policy"
    );
    assert_eq!(
        analyse(&no_minimum, &sample(1_000, 0), &sample(0, 0)),
        Verdict::Hold,
        "an empty baseline gives nothing to compare with"
    );
}

#[test]
fn a_huge_margin_does_not_overflow() {
    let lenient = Policy {
        margin_ppm: u64::MAX,
        ceiling_ppm: u64::MAX,
        ..POLICY
    };
    assert_eq!(
        analyse(&lenient, &sample(1_000, 1_000), &sample(1_000, 10)),
        Verdict::Promote,
        "with a margin of u64::MAX nothing is worse than the baseline (and adding it must not \
         overflow)"
    );
}

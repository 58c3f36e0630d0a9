use error_budget::{budget, may_release, sli, Budget, Change, Request, Sli, Slo};

const DAY_MS: u64 = 24 * 60 * 60 * 1000;

fn req(at_ms: u64, status: u16) -> Request {
    Request { at_ms, status }
}

/// 99.9 % over four weeks, client errors excluded.
fn four_weeks(excludes_client_errors: bool) -> Slo {
    Slo {
        target_ppm: 999_000,
        window_ms: 28 * DAY_MS,
        excludes_client_errors,
    }
}

fn counts(good: u64, valid: u64) -> Sli {
    Sli { good, valid }
}

fn left(remaining: i64) -> Budget {
    Budget {
        allowed: 0,
        spent: 0,
        remaining,
    }
}

// Task 1: Count the good and the valid requests in the window
#[test]
fn server_errors_are_bad_and_other_answers_good() {
    let now = 30 * DAY_MS;
    let log = [
        req(now, 200),
        req(now, 204),
        req(now, 301),
        req(now, 399),
        req(now, 101),
        req(now, 500),
        req(now, 503),
        req(now, 599),
    ];
    assert_eq!(
        sli(&log, &four_weeks(true), now),
        counts(5, 8),
        "1xx, 2xx and 3xx are good; 500, 503 and 599 are valid but bad"
    );
}

#[test]
fn client_errors_are_not_valid_when_the_slo_excludes_them() {
    let now = 30 * DAY_MS;
    let log = [
        req(now, 200),
        req(now, 400),
        req(now, 404),
        req(now, 499),
        req(now, 500),
    ];
    assert_eq!(
        sli(&log, &four_weeks(true), now),
        counts(1, 2),
        "400, 404 and 499 are the client's errors: with the SLO excluding them they are \
         neither good nor valid"
    );
}

#[test]
fn client_errors_are_good_answers_when_the_slo_counts_them() {
    let now = 30 * DAY_MS;
    let log = [
        req(now, 200),
        req(now, 400),
        req(now, 404),
        req(now, 499),
        req(now, 500),
    ];
    assert_eq!(
        sli(&log, &four_weeks(false), now),
        counts(4, 5),
        "an SLO that does not exclude client errors counts 4xx as valid, and as good: the \
         service answered a wrong request correctly"
    );
}

#[test]
fn a_request_exactly_one_window_old_has_left_the_window() {
    let slo = Slo {
        target_ppm: 990_000,
        window_ms: 1_000,
        excludes_client_errors: true,
    };
    let log = [
        req(0, 500),
        req(1, 200),
        req(500, 404),
        req(900, 503),
        req(1_000, 301),
    ];
    assert_eq!(
        sli(&log, &slo, 1_000),
        counts(2, 3),
        "at 1 000 with a 1 000 ms window: the 500 at 0 is exactly 1 000 ms old and out; the \
         200 at 1 and the 301 at 1 000 are good, the 503 at 900 bad, the 404 not valid"
    );
}

#[test]
fn requests_after_now_are_not_counted() {
    let now = 30 * DAY_MS;
    let log = [req(now, 200), req(now + 1, 500), req(now + DAY_MS, 200)];
    assert_eq!(
        sli(&log, &four_weeks(true), now),
        counts(1, 1),
        "requests logged after now_ms are not part of the window that ends at now_ms"
    );
}

#[test]
fn a_window_longer_than_the_time_so_far_counts_everything_since_zero() {
    let log = [req(0, 200), req(5, 503), req(9, 200)];
    assert_eq!(
        sli(&log, &four_weeks(true), 10),
        counts(2, 3),
        "at 10 ms with a four-week window, every request since time 0 is in the window"
    );
}

// Task 2: Work out the budget left
#[test]
fn three_nines_of_a_million_requests_allow_a_thousand_failures() {
    assert_eq!(
        budget(counts(999_600, 1_000_000), 999_000),
        Budget {
            allowed: 1_000,
            spent: 400,
            remaining: 600
        },
        "99.9 % of 1 000 000 valid requests allows 0.1 %, 1 000 bad ones; 400 spent leave 600"
    );
}

#[test]
fn the_allowance_is_rounded_down() {
    assert_eq!(
        budget(counts(970, 970), 990_000).allowed,
        9,
        "1 % of 970 valid requests is 9.7 failures: rounded down, 9 are allowed"
    );
    assert_eq!(
        budget(counts(999, 999), 999_000).allowed,
        0,
        "0.1 % of 999 valid requests is 0.999: not even one failure is allowed"
    );
}

#[test]
fn an_overspent_budget_goes_below_zero() {
    assert_eq!(
        budget(counts(950, 970), 990_000),
        Budget {
            allowed: 9,
            spent: 20,
            remaining: -11
        },
        "20 bad requests against an allowance of 9: overspent by 11"
    );
}

#[test]
fn a_budget_spent_exactly_has_nothing_left_but_is_not_overspent() {
    assert_eq!(
        budget(counts(999_000, 1_000_000), 999_000),
        Budget {
            allowed: 1_000,
            spent: 1_000,
            remaining: 0
        },
        "1 000 bad requests against an allowance of 1 000 leave exactly 0"
    );
}

#[test]
fn a_perfect_target_allows_no_failure_at_all() {
    assert_eq!(
        budget(counts(999_999, 1_000_000), 1_000_000),
        Budget {
            allowed: 0,
            spent: 1,
            remaining: -1
        },
        "an SLO of 100 % has no budget: a single failure overspends it"
    );
}

#[test]
fn no_valid_requests_spend_nothing() {
    assert_eq!(
        budget(counts(0, 0), 999_000),
        Budget {
            allowed: 0,
            spent: 0,
            remaining: 0
        },
        "a window with no valid request has no allowance and nothing spent"
    );
}

#[test]
fn counting_client_errors_makes_the_budget_larger() {
    let now = 30 * DAY_MS;
    let mut log = vec![req(now, 500); 2];
    log.extend(vec![req(now, 200); 998]);
    log.extend(vec![req(now, 404); 1_000]);
    assert_eq!(
        budget(sli(&log, &four_weeks(true), now), 999_000),
        Budget {
            allowed: 1,
            spent: 2,
            remaining: -1
        },
        "excluding the 1 000 client errors: 1 000 valid, 1 allowed, 2 spent"
    );
    assert_eq!(
        budget(sli(&log, &four_weeks(false), now), 999_000),
        Budget {
            allowed: 2,
            spent: 2,
            remaining: 0
        },
        "counting them as good: 2 000 valid, 2 allowed, the same 2 spent"
    );
}

// Task 3: Decide whether a change may ship
#[test]
fn every_change_ships_while_budget_remains() {
    for change in [
        Change::Feature,
        Change::BugFix,
        Change::P0Fix,
        Change::SecurityFix,
    ] {
        assert!(
            may_release(&left(600), change),
            "with 600 failures of budget left, a {change:?} may ship"
        );
    }
}

#[test]
fn a_budget_spent_exactly_still_lets_changes_ship() {
    assert!(
        may_release(&left(0), Change::Feature),
        "0 remaining is spent but not exceeded: a feature may still ship"
    );
}

#[test]
fn an_overspent_budget_halts_features_and_ordinary_fixes() {
    for change in [Change::Feature, Change::BugFix] {
        assert!(
            !may_release(&left(-1), change),
            "overspent by even one failure, a {change:?} must wait until the service is back \
             within its SLO"
        );
    }
}

#[test]
fn p0_and_security_fixes_ship_even_when_overspent() {
    for change in [Change::P0Fix, Change::SecurityFix] {
        assert!(
            may_release(&left(-11), change),
            "the policy halts everything but P0 and security fixes: a {change:?} ships"
        );
    }
}

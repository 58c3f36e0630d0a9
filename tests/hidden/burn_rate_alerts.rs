use burn_rate_alerts::{
    burn_rate_for_budget_milli, burn_rate_milli, evaluate, Counts, Severity, Window, Windows, RULES,
};

const SLO: u64 = 999_000; // 99.9 %
const THIRTY_DAYS: u64 = 30 * 24 * 60;

fn counts(errors: u64, requests: u64) -> Counts {
    Counts { errors, requests }
}

fn minutes(window: Window) -> u64 {
    match window {
        Window::FiveMinutes => 5,
        Window::ThirtyMinutes => 30,
        Window::OneHour => 60,
        Window::SixHours => 360,
        Window::ThreeDays => 3 * 24 * 60,
    }
}

/// Every window at the same error ratio: `errors` per 10 000 requests.
fn steady(errors_per_10k: u64) -> Windows {
    let c = counts(errors_per_10k, 10_000);
    Windows {
        five_minutes: c,
        thirty_minutes: c,
        one_hour: c,
        six_hours: c,
        three_days: c,
    }
}

// Task 1: Compute the burn rate of a window
#[test]
fn the_burn_rate_is_the_error_ratio_over_the_budget() {
    assert_eq!(
        burn_rate_milli(counts(2_000, 100_000), SLO),
        20_000,
        "2 % errors against a 0.1 % budget burn it 20 times too fast: 20 000 thousandths"
    );
    assert_eq!(
        burn_rate_milli(counts(150, 10_000), SLO),
        15_000,
        "1.5 % errors against 0.1 %: a burn rate of 15"
    );
    assert_eq!(
        burn_rate_milli(counts(1, 1_000), SLO),
        1_000,
        "0.1 % errors against 99.9 % spend the budget exactly on time: a burn rate of 1"
    );
}

#[test]
fn the_budget_depends_on_the_slo() {
    assert_eq!(
        burn_rate_milli(counts(5, 100), 990_000),
        5_000,
        "5 % errors against a 99 % SLO (1 % budget): a burn rate of 5"
    );
    assert_eq!(
        burn_rate_milli(counts(1, 10_000), 999_900),
        1_000,
        "0.01 % errors against 99.99 %: exactly on budget"
    );
    assert_eq!(
        burn_rate_milli(counts(3, 10), SLO),
        300_000,
        "3 errors in 10 requests against 99.9 % is a burn rate of 300"
    );
}

#[test]
fn the_burn_rate_rounds_down() {
    assert_eq!(
        burn_rate_milli(counts(1, 3_000), SLO),
        333,
        "1 in 3000 is 0.0333 % of a 0.1 % budget: 333.3, rounded down"
    );
    assert_eq!(
        burn_rate_milli(counts(2, 3_000), SLO),
        666,
        "2 in 3000: 666.7, rounded down to 666 (not 667)"
    );
}

#[test]
fn no_errors_burn_nothing() {
    assert_eq!(
        burn_rate_milli(counts(0, 0), SLO),
        0,
        "a window without requests burns no budget"
    );
    assert_eq!(
        burn_rate_milli(counts(0, 50_000), SLO),
        0,
        "50 000 good requests burn no budget"
    );
}

#[test]
fn a_100_percent_slo_has_no_budget_to_burn() {
    assert_eq!(
        burn_rate_milli(counts(1, 1_000_000), 1_000_000),
        u64::MAX,
        "against 100 % a single error burns a budget of 0 at an unbounded rate"
    );
    assert_eq!(
        burn_rate_milli(counts(0, 1_000_000), 1_000_000),
        0,
        "against 100 %, no error is still no burn"
    );
}

#[test]
fn large_counts_do_not_overflow() {
    assert_eq!(
        burn_rate_milli(counts(1_000_000_000_000_000, 10_000_000_000_000_000), SLO),
        100_000,
        "10 % errors of 10^16 requests against 0.1 %: a burn rate of 100, computed without \
         overflowing"
    );
}

// Task 2: Derive a threshold from the budget it spends
#[test]
fn the_workbook_thresholds_spend_2_5_and_10_percent() {
    assert_eq!(
        burn_rate_for_budget_milli(200, 60, THIRTY_DAYS),
        14_400,
        "2 % of a 30-day budget in 1 hour: 0.02 × 720 h / 1 h = 14.4"
    );
    assert_eq!(
        burn_rate_for_budget_milli(500, 360, THIRTY_DAYS),
        6_000,
        "5 % in 6 hours: 0.05 × 720 / 6 = 6"
    );
    assert_eq!(
        burn_rate_for_budget_milli(1_000, 4_320, THIRTY_DAYS),
        1_000,
        "10 % in 3 days: 0.1 × 720 / 72 = 1"
    );
    for rule in RULES {
        assert_eq!(
            burn_rate_for_budget_milli(rule.budget_bp, minutes(rule.long), THIRTY_DAYS),
            rule.burn_milli,
            "the rule over {:?} spends {} bp of the budget at its threshold",
            rule.long,
            rule.budget_bp
        );
    }
}

#[test]
fn a_derived_threshold_rounds_down() {
    assert_eq!(
        burn_rate_for_budget_milli(1, 7, THIRTY_DAYS),
        617,
        "0.01 % of 43 200 minutes in 7 minutes: 0.6171, rounded down to 617"
    );
    assert_eq!(
        burn_rate_for_budget_milli(200, 60, 28 * 24 * 60),
        13_440,
        "over a 28-day period 2 % in an hour is a burn rate of 13.44"
    );
}

// Task 3: Decide between page, ticket and nothing
#[test]
fn a_fast_burn_over_one_hour_and_five_minutes_pages() {
    let windows = Windows {
        one_hour: counts(2_000, 100_000),
        five_minutes: counts(150, 10_000),
        ..Windows::default()
    };
    assert_eq!(
        evaluate(&windows, SLO),
        Some(Severity::Page),
        "burn rates of 20 over 1 h and 15 over 5 min are both ≥ 14.4: page"
    );
}

#[test]
fn a_burn_that_has_stopped_no_longer_pages() {
    let windows = Windows {
        one_hour: counts(2_000, 100_000),
        five_minutes: counts(5, 10_000),
        ..Windows::default()
    };
    assert_eq!(
        evaluate(&windows, SLO),
        None,
        "the last hour burned at 20 but the last 5 minutes only at 0.5: the problem is over, \
         the short window stops the page"
    );
}

#[test]
fn a_short_spike_alone_does_not_page() {
    let windows = Windows {
        five_minutes: counts(5_000, 10_000),
        thirty_minutes: counts(5_000, 10_000),
        one_hour: counts(100, 10_000),
        ..Windows::default()
    };
    assert_eq!(
        evaluate(&windows, SLO),
        None,
        "5 and 30 minutes at a burn of 500 are not enough while the hour is at 10 and 6 hours \
         saw nothing: both windows of a rule must burn"
    );
}

#[test]
fn the_slow_page_needs_six_hours_and_thirty_minutes() {
    let windows = Windows {
        six_hours: counts(70, 10_000),
        thirty_minutes: counts(70, 10_000),
        one_hour: counts(70, 10_000),
        five_minutes: counts(70, 10_000),
        ..Windows::default()
    };
    assert_eq!(
        evaluate(&windows, SLO),
        Some(Severity::Page),
        "a burn of 7 over 6 h and 30 min (≥ 6) pages, although it is below 14.4"
    );
    let recovered = Windows {
        thirty_minutes: counts(10, 10_000),
        ..windows
    };
    assert_eq!(
        evaluate(&recovered, SLO),
        None,
        "6 h at 7 but the last 30 min at 1: the slow page rule does not fire"
    );
}

#[test]
fn the_ticket_needs_three_days_and_six_hours() {
    assert_eq!(
        evaluate(&steady(15), SLO),
        Some(Severity::Ticket),
        "a steady burn of 1.5 on every window is below both page thresholds but at least 1 \
         over 3 days and 6 hours: a ticket"
    );
    let recovered = Windows {
        six_hours: counts(5, 10_000),
        ..steady(15)
    };
    assert_eq!(
        evaluate(&recovered, SLO),
        None,
        "3 days at 1.5 but the last 6 hours at 0.5: no ticket"
    );
}

#[test]
fn a_burn_exactly_at_the_threshold_fires() {
    let at = Windows {
        one_hour: counts(144, 10_000),
        five_minutes: counts(144, 10_000),
        ..Windows::default()
    };
    assert_eq!(
        evaluate(&at, SLO),
        Some(Severity::Page),
        "1.44 % errors against 0.1 % is a burn of exactly 14.4 on both windows: ≥ fires"
    );
    let below = Windows {
        one_hour: counts(143, 10_000),
        ..at
    };
    assert_eq!(
        evaluate(&below, SLO),
        None,
        "a burn of 14.3 over the hour is below 14.4"
    );
    assert_eq!(
        evaluate(&steady(10), SLO),
        Some(Severity::Ticket),
        "a burn of exactly 1 everywhere reaches the ticket threshold"
    );
    assert_eq!(
        evaluate(&steady(9), SLO),
        None,
        "a burn of 0.9 reaches none"
    );
}

#[test]
fn a_page_beats_a_ticket() {
    assert_eq!(
        evaluate(&steady(200), SLO),
        Some(Severity::Page),
        "a burn of 20 everywhere fires all three rules: the most severe, a page, wins"
    );
    assert_eq!(
        evaluate(&steady(60), SLO),
        Some(Severity::Page),
        "a burn of 6 everywhere fires the slow page rule and the ticket rule: page"
    );
}

#[test]
fn the_same_errors_burn_slower_against_a_looser_slo() {
    assert_eq!(
        evaluate(&steady(200), 990_000),
        Some(Severity::Ticket),
        "2 % errors against a 99 % SLO are a burn of 2: a ticket, not a page"
    );
    assert_eq!(
        evaluate(&Windows::default(), SLO),
        None,
        "no traffic at all fires nothing"
    );
}

use devops_roi::{monthly_saving, payback_month, roi_bp, Change, Load, Rates};

fn load(downtime_min: u64, toil_hours: u64) -> Load {
    Load {
        downtime_min,
        toil_hours,
    }
}

fn rates() -> Rates {
    Rates {
        downtime_cents_per_min: 5_000,
        engineer_cents_per_hour: 10_000,
    }
}

fn change(investment_cents: u64, run_cents_per_month: u64, ramp_months: u32) -> Change {
    Change {
        investment_cents,
        run_cents_per_month,
        ramp_months,
    }
}

/// The doc's change: 12 000 000 invested, 100 000 a month, two months of ramp.
fn doc_change() -> Change {
    change(12_000_000, 100_000, 2)
}

const DOC_SAVING: i64 = 3_700_000;

// Task 1: Work out the monthly saving
#[test]
fn the_doc_example_saves_downtime_and_toil() {
    assert_eq!(
        monthly_saving(load(300, 400), load(60, 150), rates()),
        DOC_SAVING,
        "240 min of downtime at 5 000 cents plus 250 h of toil at 10 000 cents: 3 700 000 cents"
    );
}

#[test]
fn each_saving_is_priced_at_its_own_rate() {
    assert_eq!(
        monthly_saving(load(10, 0), load(0, 0), rates()),
        50_000,
        "10 min of downtime saved at 5 000 cents a minute"
    );
    assert_eq!(
        monthly_saving(load(0, 10), load(0, 0), rates()),
        100_000,
        "10 h of toil saved at 10 000 cents an hour"
    );
}

#[test]
fn a_change_that_makes_something_worse_costs_money() {
    assert_eq!(
        monthly_saving(load(100, 100), load(40, 130), rates()),
        60 * 5_000 - 30 * 10_000,
        "60 min less downtime, but 30 h more toil: 300 000 − 300 000 = 0"
    );
    assert_eq!(
        monthly_saving(load(100, 100), load(110, 100), rates()),
        -50_000,
        "10 more minutes of downtime a month is a negative saving"
    );
}

// Task 2: Find the payback month
#[test]
fn the_doc_example_pays_back_in_month_six() {
    assert_eq!(
        payback_month(doc_change(), DOC_SAVING),
        Some(6),
        "−1 400 000 after month 5, +2 200 000 after month 6"
    );
}

#[test]
fn savings_that_exactly_cover_the_spending_pay_back() {
    assert_eq!(
        payback_month(change(1_000, 0, 0), 500),
        Some(2),
        "500 a month against 1 000 invested: covered exactly at the end of month 2"
    );
}

#[test]
fn the_ramp_delays_the_savings() {
    assert_eq!(
        payback_month(change(1_000, 0, 3), 1_000),
        Some(4),
        "three months of building save nothing; month 4 brings the 1 000 back"
    );
}

#[test]
fn the_run_cost_is_paid_during_the_ramp_too() {
    assert_eq!(
        payback_month(change(0, 100, 2), 300),
        Some(3),
        "nothing invested, but months 1 and 2 cost 100 each with no saving: −200, then +200 \
         in month 3 covers it exactly"
    );
}

#[test]
fn a_change_with_nothing_to_pay_back_pays_back_in_month_one() {
    assert_eq!(
        payback_month(change(0, 0, 0), 1),
        Some(1),
        "months are counted from 1: the first month's end is the first chance to be even"
    );
}

#[test]
fn a_saving_no_larger_than_the_run_cost_never_pays_back() {
    assert_eq!(
        payback_month(change(1_000, 500, 0), 500),
        None,
        "a saving that only pays the running cost leaves the investment unpaid forever"
    );
    assert_eq!(
        payback_month(change(1_000, 500, 0), 499),
        None,
        "every month loses money"
    );
    assert_eq!(
        payback_month(change(1_000, 0, 0), -10),
        None,
        "a negative saving never pays anything back"
    );
    assert_eq!(
        payback_month(change(1_000, 500, 0), 501),
        Some(1_000),
        "1 a month net: 1 000 months, but it does pay back"
    );
}

// Task 3: Work out the return on investment
#[test]
fn the_doc_example_returns_180_percent_over_a_year() {
    assert_eq!(
        roi_bp(doc_change(), DOC_SAVING, 12),
        Some(18_030),
        "gain 10 × 3 700 000, cost 12 000 000 + 12 × 100 000: (37.0 − 13.2) / 13.2 = 1.8030…"
    );
}

#[test]
fn a_loss_is_rounded_down_not_towards_zero() {
    assert_eq!(
        roi_bp(doc_change(), DOC_SAVING, 3),
        Some(-6_992),
        "over 3 months: (3 700 000 − 12 300 000) / 12 300 000 is −6 991.9 bp, rounded down to \
         −6 992, not truncated to −6 991"
    );
}

#[test]
fn an_exact_return_is_kept() {
    assert_eq!(
        roi_bp(change(1_000, 0, 0), 300, 10),
        Some(20_000),
        "gain 3 000 on a cost of 1 000: (3 000 − 1 000) / 1 000 = 200 % = 20 000 bp"
    );
}

#[test]
fn a_horizon_inside_the_ramp_loses_everything() {
    assert_eq!(
        roi_bp(doc_change(), DOC_SAVING, 1),
        Some(-10_000),
        "one month into a two-month ramp nothing has been saved: −100 %"
    );
    assert_eq!(
        roi_bp(doc_change(), DOC_SAVING, 2),
        Some(-10_000),
        "at the end of the ramp, still nothing saved"
    );
}

#[test]
fn without_any_cost_there_is_no_return_on_it() {
    assert_eq!(
        roi_bp(change(0, 0, 0), 1_000, 12),
        None,
        "nothing was spent: a return on nothing is not a number"
    );
    assert_eq!(
        roi_bp(change(0, 100, 0), 100, 12),
        Some(0),
        "only running costs, saved back exactly: 0 %"
    );
}

use replica_durability::{
    annual_loss_probability, copies_needed, independent_copies, window_failure_probability, Level,
    Replica, MAX_COPIES, YEAR_MS,
};

const HOUR_MS: u64 = 60 * 60 * 1000;
const DAY_MS: u64 = 24 * HOUR_MS;

/// Probabilities are `f64`: an answer within a relative 1e-9 of the exact value is right.
fn assert_close(actual: f64, expected: f64, why: &str) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs(),
        "{why}: expected {expected:e}, got {actual:e}"
    );
}

fn replicas(places: &[(&str, &str, &str)]) -> Vec<Replica> {
    places
        .iter()
        .map(|&(zone, rack, host)| Replica::new(zone, rack, host))
        .collect()
}

// Task 1: Count the copies that fail independently
#[test]
fn replicas_in_one_domain_count_as_one_copy() {
    let spread = replicas(&[("a", "r1", "h1"), ("a", "r1", "h2"), ("b", "r1", "h1")]);
    for (level, expected) in [(Level::Host, 3), (Level::Rack, 2), (Level::Zone, 2)] {
        assert_eq!(
            independent_copies(&spread, level),
            expected,
            "(a, r1, h1), (a, r1, h2), (b, r1, h1) at {level:?} level: the two replicas on \
             rack r1 of zone a share that rack and that zone"
        );
    }
}

#[test]
fn three_replicas_on_one_host_are_a_single_copy() {
    let stacked = replicas(&[("a", "r1", "h1"), ("a", "r1", "h1"), ("a", "r1", "h1")]);
    for level in [Level::Host, Level::Rack, Level::Zone] {
        assert_eq!(
            independent_copies(&stacked, level),
            1,
            "three replicas on one host die with that host: one copy at {level:?} level"
        );
    }
}

#[test]
fn a_rack_name_is_unique_only_inside_its_zone() {
    let twins = replicas(&[("a", "r1", "h1"), ("b", "r1", "h1")]);
    assert_eq!(
        independent_copies(&twins, Level::Rack),
        2,
        "rack r1 of zone a and rack r1 of zone b are two racks"
    );
    assert_eq!(
        independent_copies(&twins, Level::Host),
        2,
        "host h1 of rack r1 in zone a and host h1 of rack r1 in zone b are two hosts"
    );
}

#[test]
fn a_host_name_is_unique_only_inside_its_rack() {
    let twins = replicas(&[("a", "r1", "h1"), ("a", "r2", "h1")]);
    assert_eq!(
        independent_copies(&twins, Level::Host),
        2,
        "host h1 of rack r1 and host h1 of rack r2 are two hosts"
    );
    assert_eq!(
        independent_copies(&twins, Level::Zone),
        1,
        "but both racks are in zone a: one copy when a zone fails"
    );
}

#[test]
fn no_replicas_are_no_copies() {
    assert_eq!(
        independent_copies(&[], Level::Zone),
        0,
        "no replicas, no copies"
    );
}

// Task 2: The chance that a copy fails during a repair window
#[test]
fn a_day_of_repair_at_two_percent_a_year_is_two_percent_over_365() {
    assert_close(
        window_failure_probability(0.02, DAY_MS),
        0.02 / 365.0,
        "AFR 2 % over a 24 h window: 0.02 × 1/365",
    );
}

#[test]
fn the_chance_grows_with_the_repair_window() {
    assert_close(
        window_failure_probability(0.02, 7 * DAY_MS),
        0.02 * 7.0 / 365.0,
        "a week of repair is seven times the exposure of a day",
    );
    assert_close(
        window_failure_probability(0.3, YEAR_MS),
        0.3,
        "a window of a whole year is the AFR itself",
    );
    assert_eq!(
        window_failure_probability(0.02, 0),
        0.0,
        "an instant repair leaves no window to fail in"
    );
}

#[test]
fn the_chance_in_a_window_is_never_more_than_one() {
    assert_eq!(
        window_failure_probability(0.5, 3 * YEAR_MS),
        1.0,
        "AFR 50 % over a three-year window is 1.5 by the formula: a probability stops at 1"
    );
}

// Task 3: The chance of losing the data in a year
#[test]
fn three_copies_lose_data_when_two_more_fail_within_the_repair() {
    let q = 0.02 / 365.0;
    assert_close(
        annual_loss_probability(3, 0.02, DAY_MS),
        3.0 * 0.02 * q * q,
        "3 copies, AFR 2 %, 24 h repair: 3 × 0.02 × q² ≈ 1.8e-10 a year",
    );
    let q = 0.02 / (365.0 * 24.0);
    assert_close(
        annual_loss_probability(3, 0.02, HOUR_MS),
        3.0 * 0.02 * q * q,
        "the same 3 copies repaired in 1 h: ≈ 3.1e-13, a shorter window, far fewer losses",
    );
}

#[test]
fn one_copy_is_lost_at_its_failure_rate_and_two_need_a_second_failure() {
    assert_close(
        annual_loss_probability(1, 0.02, DAY_MS),
        0.02,
        "a single copy is lost whenever it fails: 2 % a year",
    );
    assert_close(
        annual_loss_probability(2, 0.02, DAY_MS),
        2.0 * 0.02 * (0.02 / 365.0),
        "two copies: either fails (2 × 0.02 a year), then the other within the day",
    );
}

#[test]
fn data_with_no_copy_is_already_lost() {
    assert_eq!(
        annual_loss_probability(0, 0.02, DAY_MS),
        1.0,
        "no copy at all: the loss is certain"
    );
}

#[test]
fn replicas_sharing_a_rack_protect_no_better_than_one_copy() {
    let one_rack = replicas(&[("a", "r1", "h1"), ("a", "r1", "h2"), ("a", "r1", "h3")]);
    let three_racks = replicas(&[("a", "r1", "h1"), ("a", "r2", "h1"), ("a", "r3", "h1")]);
    let loss =
        |rs: &[Replica]| annual_loss_probability(independent_copies(rs, Level::Rack), 0.02, DAY_MS);
    assert_close(
        loss(&one_rack),
        0.02,
        "three replicas in one rack are lost with the rack: 2 % a year",
    );
    assert_close(
        loss(&three_racks),
        3.0 * 0.02 * (0.02 / 365.0) * (0.02 / 365.0),
        "the same three replicas in three racks: ≈ 1.8e-10 a year",
    );
}

#[test]
fn the_capped_window_chance_goes_into_the_loss() {
    assert_close(
        annual_loss_probability(2, 0.1, 20 * YEAR_MS),
        0.2,
        "a 20-year repair window makes q = 1 (not 2): 2 × 0.1 × 1",
    );
}

#[test]
fn the_annual_loss_is_never_more_than_one() {
    assert_eq!(
        annual_loss_probability(3, 0.9, YEAR_MS),
        1.0,
        "3 × 0.9 × 0.9² is 2.187 by the formula: a probability stops at 1"
    );
}

// Task 4: How many independent copies a durability target needs
#[test]
fn eleven_nines_need_four_copies_with_a_day_of_repair_and_three_with_an_hour() {
    assert_eq!(
        copies_needed(0.02, DAY_MS, 1e-11),
        Some(4),
        "AFR 2 %, 24 h repair: 3 copies lose ≈ 1.8e-10 a year, 4 copies ≈ 1.3e-14"
    );
    assert_eq!(
        copies_needed(0.02, HOUR_MS, 1e-11),
        Some(3),
        "AFR 2 %, 1 h repair: 3 copies lose ≈ 3.1e-13 a year, already enough"
    );
}

#[test]
fn a_loss_exactly_at_the_target_meets_it() {
    let half_year = YEAR_MS / 2;
    assert_eq!(
        copies_needed(0.5, half_year, 0.25),
        Some(2),
        "AFR 50 %, half a year of repair: 2 copies lose exactly 2 × 0.5 × 0.25 = 0.25, \
         which is at most 0.25"
    );
    assert_eq!(
        copies_needed(0.02, DAY_MS, 0.02),
        Some(1),
        "one copy loses exactly its AFR of 2 %, which meets a target of 2 %"
    );
}

#[test]
fn at_least_one_copy_is_always_needed() {
    assert_eq!(
        copies_needed(0.5, YEAR_MS, 1.0),
        Some(1),
        "even a target that tolerates certain loss needs one copy to store anything"
    );
}

#[test]
fn sixteen_copies_are_the_most_considered() {
    assert_eq!(MAX_COPIES, 16, "the doc promises 16 as the limit");
    assert_eq!(
        copies_needed(0.5, YEAR_MS, 3e-4),
        Some(16),
        "AFR 50 %, a year of repair (q = 0.5): 15 copies lose 15/2^15 ≈ 4.6e-4, \
         16 copies 16/2^16 ≈ 2.4e-4"
    );
    assert_eq!(
        copies_needed(0.5, YEAR_MS, 2e-4),
        None,
        "the same target at 2e-4 would need 17 copies, more than 16: no answer"
    );
}

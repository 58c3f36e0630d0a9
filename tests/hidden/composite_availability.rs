use composite_availability::{k_of_n, redundant, serial, Block};

/// Availabilities are probabilities in `f64`: any answer within 1e-12 of the exact value is
/// right (a thousandth of a ppm is 1e-9; the rounding of an `f64` is about 1e-16).
fn assert_close(actual: f64, expected: f64, why: &str) {
    assert!(
        (actual - expected).abs() <= 1e-12,
        "{why}: expected {expected}, got {actual}"
    );
}

fn part(a: f64) -> Block {
    Block::Part(a)
}

// Task 1: Chain serial dependencies
#[test]
fn serial_dependencies_multiply() {
    assert_close(
        serial(&[0.999, 0.999, 0.999]),
        0.997002999,
        "three 99.9 % parts that must all be up give 0.999³ = 99.7003 %",
    );
    assert_close(
        serial(&[0.9999, 0.999, 0.99]),
        0.988911099,
        "99.99 % × 99.9 % × 99 %: a chain is less available than its weakest link",
    );
}

#[test]
fn a_single_dependency_is_its_own_availability() {
    assert_close(serial(&[0.995]), 0.995, "a chain of one part is that part");
}

#[test]
fn a_chain_of_no_dependencies_cannot_break() {
    assert_close(
        serial(&[]),
        1.0,
        "with nothing to depend on, nothing can fail: 1.0",
    );
}

// Task 2: Combine redundant copies
#[test]
fn redundant_copies_are_down_only_when_all_are_down() {
    assert_close(
        redundant(&[0.99, 0.999]),
        0.99999,
        "99 % and 99.9 % side by side are down together 0.01 × 0.001 of the time: 99.999 %",
    );
    assert_close(
        redundant(&[0.9, 0.9, 0.9]),
        0.999,
        "three 90 % copies are all down 0.1³ of the time: 99.9 %",
    );
}

#[test]
fn a_copy_that_is_never_up_adds_nothing() {
    assert_close(
        redundant(&[0.99, 0.0]),
        0.99,
        "a standby that is always down does not raise availability",
    );
    assert_close(redundant(&[0.99]), 0.99, "one copy alone is just that copy");
}

#[test]
fn no_copies_at_all_cannot_serve() {
    assert_close(
        redundant(&[]),
        0.0,
        "with no copy to serve, the availability is 0.0",
    );
}

// Task 3: Require k of n identical parts
#[test]
fn two_of_three_sums_the_cases_with_two_and_with_three_up() {
    assert_close(
        k_of_n(2, 3, 0.99),
        0.999702,
        "2 of 3 at 99 %: exactly two up 3 × 0.99² × 0.01, plus all three up 0.99³",
    );
}

#[test]
fn a_majority_of_five_and_of_seven_sum_every_case_from_k_to_n() {
    assert_close(
        k_of_n(3, 5, 0.99),
        0.9999901494,
        "3 of 5 at 99 %: the cases with 3, 4 and 5 up, each weighted by C(5, i)",
    );
    assert_close(
        k_of_n(4, 7, 0.999),
        0.9999999999650839,
        "4 of 7 at 99.9 %: the cases with 4, 5, 6 and 7 up, each weighted by C(7, i)",
    );
}

#[test]
fn all_of_n_is_serial_and_one_of_n_is_redundant() {
    assert_close(
        k_of_n(3, 3, 0.99),
        0.970299,
        "needing all 3 of 3 is a serial chain: 0.99³",
    );
    assert_close(
        k_of_n(1, 3, 0.99),
        0.999999,
        "needing any 1 of 3 is plain redundancy: 1 − 0.01³",
    );
}

#[test]
fn needing_none_always_holds_and_needing_more_than_n_never_does() {
    assert_close(
        k_of_n(0, 3, 0.0),
        1.0,
        "k = 0 needs nothing, so it holds even when every part is down",
    );
    assert_close(
        k_of_n(4, 3, 1.0),
        0.0,
        "4 of 3 can never be up, even when every part always is",
    );
}

// Task 4: Evaluate a whole system
#[test]
fn a_part_is_its_own_availability() {
    assert_close(
        part(0.9995).availability(),
        0.9995,
        "a part is what it says",
    );
}

#[test]
fn a_three_tier_system_multiplies_its_tiers() {
    let system = Block::Serial(vec![
        Block::AnyOf(vec![part(0.999), part(0.999)]),
        Block::KOfN {
            k: 2,
            n: 3,
            each: Box::new(part(0.99)),
        },
        part(0.9995),
    ]);
    assert_close(
        system.availability(),
        0.999999 * 0.999702 * 0.9995,
        "load balancer pair (either) × 2 of 3 app servers × one database",
    );
}

#[test]
fn redundant_chains_are_evaluated_chain_first() {
    let region = || Block::Serial(vec![part(0.999), part(0.999)]);
    let system = Block::AnyOf(vec![region(), region()]);
    assert_close(
        system.availability(),
        1.0 - 0.001999 * 0.001999,
        "two regions, each a chain at 0.999² = 0.998001, of which either will do",
    );
}

#[test]
fn k_of_n_copies_may_themselves_be_chains() {
    let cell = Block::Serial(vec![part(0.999), part(0.99)]);
    let system = Block::KOfN {
        k: 2,
        n: 3,
        each: Box::new(cell),
    };
    let a = 0.999 * 0.99;
    assert_close(
        system.availability(),
        3.0 * a * a * (1.0 - a) + a * a * a,
        "2 of 3 cells, each cell a chain at 0.999 × 0.99",
    );
}

#[test]
fn empty_groups_keep_their_rules_inside_a_tree() {
    assert_close(
        Block::Serial(vec![]).availability(),
        1.0,
        "an empty serial block cannot break",
    );
    assert_close(
        Block::AnyOf(vec![]).availability(),
        0.0,
        "an empty redundant block cannot serve",
    );
}

use autoscaler::{desired_replicas, Autoscaler, Policy, Scaling};

/// Target 500 m, 1 to 30 replicas, the HPA's 5-minute window, and a database large enough
/// never to matter.
const ROOMY: Policy = Policy {
    target_milli: 500,
    min_replicas: 1,
    max_replicas: 30,
    scale_down_window_ms: 300_000,
    pool_size: 1,
    max_db_connections: 1_000,
};

fn uncapped(replicas: u32) -> Scaling {
    Scaling {
        replicas,
        capped_from: None,
    }
}

// Task 1: Compute the desired replicas with the HPA formula
#[test]
fn the_formula_scales_by_the_ratio_and_rounds_up() {
    assert_eq!(
        desired_replicas(3, 900, 500),
        6,
        "3 replicas at 900 m against 500 m: ceil(3 × 1.8) = ceil(5.4) = 6"
    );
    assert_eq!(
        desired_replicas(4, 200, 500),
        2,
        "4 replicas at 200 m against 500 m: ceil(4 × 0.4) = ceil(1.6) = 2"
    );
    assert_eq!(
        desired_replicas(3, 1_150, 1_000),
        4,
        "3 replicas at 1150 m against 1000 m: 3.45 rounds up to 4, since a fraction of a \
         pod's load still needs a pod (rounding to nearest would give 3)"
    );
}

#[test]
fn a_ratio_within_ten_percent_changes_nothing() {
    assert_eq!(
        desired_replicas(10, 540, 500),
        10,
        "a ratio of 1.08 is within the 10 % tolerance: 10 replicas stay 10 (the formula \
         would give 11)"
    );
    assert_eq!(
        desired_replicas(100, 460, 500),
        100,
        "a ratio of 0.92 leaves 100 replicas at 100, not the formula's 92"
    );
}

#[test]
fn the_tolerance_includes_both_edges() {
    assert_eq!(
        desired_replicas(10, 1_100, 1_000),
        10,
        "a ratio of exactly 1.1 is still within the tolerance: no change"
    );
    assert_eq!(
        desired_replicas(10, 900, 1_000),
        10,
        "a ratio of exactly 0.9 is still within the tolerance: no change (the formula alone \
         gives 9)"
    );
}

#[test]
fn just_outside_the_tolerance_the_formula_applies() {
    assert_eq!(
        desired_replicas(10, 1_101, 1_000),
        12,
        "a ratio of 1.101 is outside the tolerance: ceil(11.01) = 12"
    );
    assert_eq!(
        desired_replicas(10, 899, 1_000),
        9,
        "a ratio of 0.899 is outside the tolerance: ceil(8.99) = 9"
    );
    assert_eq!(
        desired_replicas(10, 11_001, 10_000),
        12,
        "a ratio of 1.1001 is outside the tolerance: compare exactly, a ratio rounded to \
         thousandths (1.100) would wrongly count as inside"
    );
    assert_eq!(
        desired_replicas(100, 8_999, 10_000),
        90,
        "a ratio of 0.8999 is outside the tolerance: ceil(89.99) = 90"
    );
}

#[test]
fn no_load_recommends_zero_replicas() {
    assert_eq!(
        desired_replicas(5, 0, 500),
        0,
        "replicas doing nothing recommend 0: it is the minimum that keeps any running"
    );
}

#[test]
fn the_formula_neither_overflows_nor_wraps() {
    assert_eq!(
        desired_replicas(100_000, 1_000_000_000_000_000, 1_000_000_000_000),
        100_000_000,
        "100 000 replicas at 1000 times the target want 10^8: the product 10^20 does not fit \
         in a u64, the answer does"
    );
    assert_eq!(
        desired_replicas(1_000_000, 10_000_000, 1),
        u32::MAX,
        "10^13 replicas do not fit in a u32: the recommendation saturates at u32::MAX"
    );
}

// Task 2: Keep replicas between the minimum and the maximum
#[test]
fn the_maximum_caps_a_scale_up() {
    let mut scaler = Autoscaler::new(Policy {
        min_replicas: 2,
        max_replicas: 10,
        ..ROOMY
    });
    assert_eq!(
        scaler.recommend(0, 3, 2_000),
        uncapped(10),
        "3 replicas at four times the target want 12, but the maximum is 10"
    );
}

#[test]
fn the_minimum_floors_a_scale_down() {
    let mut scaler = Autoscaler::new(Policy {
        min_replicas: 2,
        max_replicas: 10,
        ..ROOMY
    });
    assert_eq!(
        scaler.recommend(0, 4, 100),
        uncapped(2),
        "4 replicas at a fifth of the target want ceil(0.8) = 1, but the minimum is 2"
    );
}

#[test]
fn the_minimum_holds_even_when_the_load_is_on_target() {
    let mut scaler = Autoscaler::new(Policy {
        min_replicas: 3,
        ..ROOMY
    });
    assert_eq!(
        scaler.recommend(0, 1, 500),
        uncapped(3),
        "one replica exactly on target would stay at 1, but the minimum is 3"
    );
}

// Task 3: Stabilise scale-down over the last five minutes
#[test]
fn scale_down_waits_for_the_highest_recommendation_of_the_window() {
    let mut scaler = Autoscaler::new(ROOMY);
    assert_eq!(
        scaler.recommend(0, 4, 1_000),
        uncapped(8),
        "4 replicas at twice the target scale up to 8 at once"
    );
    assert_eq!(
        scaler.recommend(60_000, 8, 250),
        uncapped(8),
        "a minute later the load halves and the formula says 4, but 8 was recommended within \
         the last 5 minutes: stay at 8"
    );
    assert_eq!(
        scaler.recommend(299_999, 8, 250),
        uncapped(8),
        "at 299 999 ms the recommendation of 8 made at 0 is still inside the 300 000 ms window"
    );
    assert_eq!(
        scaler.recommend(300_000, 8, 250),
        uncapped(4),
        "at 300 000 ms the recommendation made at 0 is exactly a window old and has left it; \
         the highest left is 4"
    );
}

#[test]
fn scaling_up_uses_the_new_recommendation_at_once() {
    let mut scaler = Autoscaler::new(ROOMY);
    assert_eq!(scaler.recommend(0, 10, 1_000), uncapped(20));
    assert_eq!(
        scaler.recommend(10_000, 10, 600),
        uncapped(12),
        "still at 10 replicas, a ratio of 1.2 recommends 12: a scale-up takes the new \
         recommendation, not the higher one of 10 s ago"
    );
}

#[test]
fn stabilising_a_scale_down_never_scales_up() {
    let mut scaler = Autoscaler::new(ROOMY);
    assert_eq!(scaler.recommend(0, 10, 1_000), uncapped(20));
    assert_eq!(
        scaler.recommend(10_000, 10, 250),
        uncapped(10),
        "the replicas stayed at 10 and the load fell: the formula says 5, the window holds a \
         20, but a falling load must never add replicas: stay at 10"
    );
}

#[test]
fn the_window_keeps_its_highest_recommendation_not_its_oldest() {
    let mut scaler = Autoscaler::new(ROOMY);
    assert_eq!(scaler.recommend(0, 10, 250), uncapped(5));
    assert_eq!(scaler.recommend(60_000, 5, 700), uncapped(7));
    assert_eq!(
        scaler.recommend(120_000, 7, 250),
        uncapped(7),
        "the window holds 5, 7 and now 4 (ceil 3.5): the highest, 7, decides, not the oldest"
    );
}

#[test]
fn a_window_of_zero_scales_down_at_once() {
    let mut scaler = Autoscaler::new(Policy {
        scale_down_window_ms: 0,
        ..ROOMY
    });
    assert_eq!(scaler.recommend(0, 4, 1_000), uncapped(8));
    assert_eq!(
        scaler.recommend(1, 8, 250),
        uncapped(4),
        "without a stabilisation window the scale-down follows the formula at once"
    );
}

// Task 4: Cap replicas by the database's connection limit
#[test]
fn the_database_cap_binds_above_its_connection_limit() {
    let mut scaler = Autoscaler::new(Policy {
        pool_size: 10,
        max_db_connections: 100,
        ..ROOMY
    });
    assert_eq!(
        scaler.recommend(0, 6, 1_000),
        Scaling {
            replicas: 10,
            capped_from: Some(12),
        },
        "12 replicas × 10 connections would need 120 of the database's 100: run 10 and report \
         that the database held back a scale-up to 12"
    );
}

#[test]
fn a_recommendation_exactly_at_the_cap_does_not_bind() {
    let mut scaler = Autoscaler::new(Policy {
        pool_size: 10,
        max_db_connections: 100,
        ..ROOMY
    });
    assert_eq!(
        scaler.recommend(0, 5, 1_000),
        uncapped(10),
        "10 replicas × 10 connections is exactly the database's 100: allowed, and the cap \
         did not bind"
    );
}

#[test]
fn the_cap_rounds_down_to_whole_replicas() {
    let mut scaler = Autoscaler::new(Policy {
        pool_size: 15,
        max_db_connections: 100,
        ..ROOMY
    });
    assert_eq!(
        scaler.recommend(0, 6, 1_000),
        Scaling {
            replicas: 6,
            capped_from: Some(12),
        },
        "with pools of 15, 100 connections serve 6 replicas (90); a 7th would need 105"
    );
}

#[test]
fn the_cap_wins_over_the_minimum() {
    let mut scaler = Autoscaler::new(Policy {
        min_replicas: 8,
        pool_size: 20,
        max_db_connections: 100,
        ..ROOMY
    });
    assert_eq!(
        scaler.recommend(0, 8, 500),
        Scaling {
            replicas: 5,
            capped_from: Some(8),
        },
        "the minimum asks for 8 replicas but the database serves 5 pools of 20: more would \
         not serve more, they would take the database down, so run 5 and report it"
    );
}

#[test]
fn the_cap_reports_what_the_maximum_allowed_not_the_raw_formula() {
    let mut scaler = Autoscaler::new(Policy {
        max_replicas: 10,
        pool_size: 10,
        max_db_connections: 80,
        ..ROOMY
    });
    assert_eq!(
        scaler.recommend(0, 6, 1_000),
        Scaling {
            replicas: 8,
            capped_from: Some(10),
        },
        "the formula says 12 and the maximum allows 10: the database holds that 10 back to 8, \
         so the report names 10, what would have run without the database"
    );
}

use rolling_update::{resolve, Budget, Limits, Step, Strategy, StrategyError};
use std::sync::mpsc;
use std::time::Duration;

/// Runs `rolling_update::plan` on another thread, so that a plan that never ends fails the
/// test with a message instead of hanging it.
fn plan(strategy: &Strategy, replicas: u32) -> Result<Vec<Step>, StrategyError> {
    let (tx, rx) = mpsc::channel();
    let strategy = *strategy;
    std::thread::spawn(move || {
        let _ = tx.send(rolling_update::plan(&strategy, replicas));
    });
    rx.recv_timeout(Duration::from_secs(3)).unwrap_or_else(|_| {
        panic!(
            "plan({strategy:?}, {replicas}) did not finish within 3 s: every round must remove \
             an old pod or add a new one, and the plan ends once no old pod is left"
        )
    })
}

fn strategy(max_surge: Budget, max_unavailable: Budget) -> Strategy {
    Strategy {
        max_surge,
        max_unavailable,
    }
}

fn steps(pairs: &[(u32, u32)]) -> Vec<Step> {
    pairs.iter().map(|&(old, new)| Step { old, new }).collect()
}

use Budget::{Count, Percent};

// Task 1: Resolve maxSurge and maxUnavailable into pod counts
#[test]
fn the_defaults_round_surge_up_and_unavailability_down() {
    assert_eq!(
        resolve(&Strategy::default(), 10),
        Ok(Limits {
            surge: 3,
            unavailable: 2
        }),
        "25 % of 10 replicas is 2.5: maxSurge rounds up to 3, maxUnavailable rounds down to 2"
    );
    assert_eq!(
        resolve(&Strategy::default(), 3),
        Ok(Limits {
            surge: 1,
            unavailable: 0
        }),
        "25 % of 3 is 0.75: a surge of 1 and no pod unavailable, so 3 stay Ready and at most \
         4 run, as in the Kubernetes docs"
    );
    assert_eq!(
        resolve(&Strategy::default(), 4),
        Ok(Limits {
            surge: 1,
            unavailable: 1
        }),
        "25 % of 4 is exactly 1 either way: between 3 and 5 pods, as in the Kubernetes docs"
    );
}

#[test]
fn percentages_round_in_opposite_directions() {
    assert_eq!(
        resolve(&strategy(Percent(30), Percent(30)), 7),
        Ok(Limits {
            surge: 3,
            unavailable: 2
        }),
        "30 % of 7 is 2.1: maxSurge rounds up to 3, maxUnavailable rounds down to 2"
    );
    assert_eq!(
        resolve(&strategy(Percent(1), Percent(25)), 1),
        Ok(Limits {
            surge: 1,
            unavailable: 0
        }),
        "1 % of 1 replica is 0.01: any surge rounds up to a whole pod"
    );
}

#[test]
fn counts_are_taken_as_written() {
    assert_eq!(
        resolve(&strategy(Count(2), Count(0)), 5),
        Ok(Limits {
            surge: 2,
            unavailable: 0
        }),
        "maxSurge 2 and maxUnavailable 0 are pod counts, not percentages"
    );
    assert_eq!(
        resolve(&strategy(Count(0), Count(7)), 5),
        Ok(Limits {
            surge: 0,
            unavailable: 7
        }),
        "a count is taken as written, even above the number of replicas"
    );
}

#[test]
fn both_written_as_zero_is_refused() {
    for (surge, unavailable) in [
        (Count(0), Count(0)),
        (Percent(0), Percent(0)),
        (Count(0), Percent(0)),
        (Percent(0), Count(0)),
    ] {
        assert_eq!(
            resolve(&strategy(surge, unavailable), 10),
            Err(StrategyError::BothZero),
            "maxSurge {surge:?} and maxUnavailable {unavailable:?} are both zero: no pod could \
             ever be added or removed, so Kubernetes refuses the Deployment"
        );
    }
}

#[test]
fn max_unavailable_may_not_exceed_100_percent() {
    assert_eq!(
        resolve(&strategy(Percent(25), Percent(101)), 10),
        Err(StrategyError::UnavailableAbove100Percent),
        "maxUnavailable 101 % is refused"
    );
    assert_eq!(
        resolve(&strategy(Percent(25), Percent(100)), 10),
        Ok(Limits {
            surge: 3,
            unavailable: 10
        }),
        "maxUnavailable 100 % is allowed: every pod may be down"
    );
    assert_eq!(
        resolve(&strategy(Percent(200), Count(0)), 10),
        Ok(Limits {
            surge: 20,
            unavailable: 0
        }),
        "maxSurge may be above 100 %: 200 % of 10 is 20 extra pods"
    );
}

#[test]
fn limits_that_resolve_to_zero_allow_one_pod_down() {
    assert_eq!(
        resolve(&strategy(Count(0), Percent(25)), 3),
        Ok(Limits {
            surge: 0,
            unavailable: 1
        }),
        "maxSurge 0 and 25 % of 3 rounded down give 0 and 0: the controller sets \
         maxUnavailable to 1 so that the rollout can proceed"
    );
    assert_eq!(
        resolve(&strategy(Percent(0), Percent(10)), 5),
        Ok(Limits {
            surge: 0,
            unavailable: 1
        }),
        "0 % and 10 % of 5 (0.5 rounded down) resolve to 0 and 0: maxUnavailable becomes 1"
    );
    assert_eq!(
        resolve(&Strategy::default(), 0),
        Ok(Limits {
            surge: 0,
            unavailable: 1
        }),
        "with 0 replicas the defaults resolve to 0 and 0 as well"
    );
}

#[test]
fn large_percentages_do_not_overflow() {
    assert_eq!(
        resolve(&strategy(Percent(1_000), Percent(100)), u32::MAX),
        Ok(Limits {
            surge: u32::MAX,
            unavailable: u32::MAX
        }),
        "1000 % of u32::MAX pods does not fit in a u32: the surge saturates, and 100 % of \
         u32::MAX is u32::MAX (the product is computed without overflowing)"
    );
}

#[test]
fn refusals_name_the_settings() {
    let both = StrategyError::BothZero.to_string();
    assert!(
        both.contains("maxSurge") && both.contains("maxUnavailable"),
        "the both-zero refusal names both settings: {both:?}"
    );
    let above = StrategyError::UnavailableAbove100Percent.to_string();
    assert!(
        above.contains("maxUnavailable") && above.contains("100"),
        "the over-100 % refusal names maxUnavailable and the limit: {above:?}"
    );
}

// Task 2: Plan the rollout round by round
#[test]
fn three_replicas_with_the_defaults_replace_one_pod_at_a_time() {
    assert_eq!(
        plan(&Strategy::default(), 3),
        Ok(steps(&[(3, 0), (3, 1), (2, 2), (1, 3), (0, 3)])),
        "surge 1, unavailable 0: one new pod first, then each round one old pod goes as one \
         more new pod starts, never fewer than 3 Ready nor more than 4 in all"
    );
}

#[test]
fn ten_replicas_with_the_defaults_finish_in_three_rounds() {
    assert_eq!(
        plan(&Strategy::default(), 10),
        Ok(steps(&[(10, 0), (8, 5), (3, 10), (0, 10)])),
        "surge 3, unavailable 2: 2 old pods go and 5 new start (13 in all), then 5 more old go \
         while 8 stay Ready, then the last 3"
    );
}

#[test]
fn surge_only_adds_before_it_removes() {
    assert_eq!(
        plan(&strategy(Count(1), Count(0)), 2),
        Ok(steps(&[(2, 0), (2, 1), (1, 2), (0, 2)])),
        "maxUnavailable 0: no old pod may go before a new one is Ready"
    );
    assert_eq!(
        plan(&strategy(Percent(100), Count(0)), 4),
        Ok(steps(&[(4, 0), (4, 4), (0, 4)])),
        "a surge of 100 % starts a whole new set beside the old one, then removes the old"
    );
}

#[test]
fn unavailability_only_removes_before_it_adds() {
    assert_eq!(
        plan(&strategy(Count(0), Count(1)), 2),
        Ok(steps(&[(2, 0), (1, 1), (0, 2)])),
        "maxSurge 0: an old pod must go to make room for each new one"
    );
    assert_eq!(
        plan(&strategy(Count(0), Percent(100)), 4),
        Ok(steps(&[(4, 0), (0, 4)])),
        "maxUnavailable 100 % and no surge: every old pod goes at once, then the new ones start"
    );
}

#[test]
fn the_zero_fallback_lets_the_rollout_finish() {
    assert_eq!(
        plan(&strategy(Count(0), Percent(25)), 3),
        Ok(steps(&[(3, 0), (2, 1), (1, 2), (0, 3)])),
        "limits that resolve to 0 and 0 become 0 and 1: one pod at a time, and the plan ends"
    );
}

#[test]
fn a_refused_strategy_has_no_plan() {
    assert_eq!(
        plan(&strategy(Count(0), Percent(0)), 3),
        Err(StrategyError::BothZero),
        "a strategy Kubernetes refuses cannot be planned"
    );
}

#[test]
fn no_replicas_need_no_rounds() {
    assert_eq!(
        plan(&Strategy::default(), 0),
        Ok(steps(&[(0, 0)])),
        "with 0 replicas the start is already the end"
    );
}

#[test]
fn every_plan_stays_within_both_limits() {
    let strategies = [
        Strategy::default(),
        strategy(Percent(50), Percent(0)),
        strategy(Count(2), Count(3)),
        strategy(Percent(10), Percent(10)),
        strategy(Count(0), Count(2)),
        strategy(Count(5), Count(0)),
    ];
    for s in strategies {
        for replicas in 1..=12 {
            let limits = resolve(&s, replicas).unwrap();
            let plan = plan(&s, replicas).unwrap();
            assert_eq!(
                plan.first(),
                Some(&Step {
                    old: replicas,
                    new: 0
                }),
                "{s:?} with {replicas} replicas: the plan starts with every pod old"
            );
            assert_eq!(
                plan.last(),
                Some(&Step {
                    old: 0,
                    new: replicas
                }),
                "{s:?} with {replicas} replicas: the plan ends with every pod new"
            );
            for pair in plan.windows(2) {
                let (before, after) = (pair[0], pair[1]);
                assert!(
                    after.old + after.new <= replicas + limits.surge,
                    "{s:?} with {replicas} replicas: {after:?} has more than replicas + surge \
                     ({}) pods",
                    replicas + limits.surge
                );
                assert!(
                    after.old + before.new >= replicas.saturating_sub(limits.unavailable),
                    "{s:?} with {replicas} replicas: going from {before:?} to {after:?} leaves \
                     fewer than replicas − unavailable Ready pods"
                );
                assert!(
                    after.old < before.old || after.new > before.new,
                    "{s:?} with {replicas} replicas: every round makes progress, but {before:?} \
                     was followed by {after:?}"
                );
            }
        }
    }
}

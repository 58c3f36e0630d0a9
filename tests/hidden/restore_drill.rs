use restore_drill::{drill, timeline, DrillError, Report, SpeedUp, Step, Timeline};
use std::time::Duration;

fn min(m: u64) -> Duration {
    Duration::from_secs(60 * m)
}

fn step(name: &str, minutes: u64, after: &[&str]) -> Step {
    Step {
        name: name.to_string(),
        duration: min(minutes),
        after: after.iter().map(|a| a.to_string()).collect(),
    }
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|n| n.to_string()).collect()
}

/// A database restore. Finish times: fetch_base 30, fetch_wal 10, decrypt 45, load 105,
/// replay_wal 125, rebuild_indexes 130, provision_app 20, verify 140, switch_traffic 145.
fn runbook() -> Vec<Step> {
    vec![
        step("fetch_base", 30, &[]),
        step("fetch_wal", 10, &[]),
        step("decrypt", 15, &["fetch_base"]),
        step("load", 60, &["decrypt"]),
        step("replay_wal", 20, &["load", "fetch_wal"]),
        step("rebuild_indexes", 25, &["load"]),
        step("provision_app", 20, &[]),
        step("verify", 10, &["replay_wal", "rebuild_indexes"]),
        step("switch_traffic", 5, &["verify", "provision_app"]),
    ]
}

// Task 1
#[test]
fn restore_time_is_the_critical_path_not_the_sum() {
    let t = timeline(&runbook()).expect("the runbook is valid");
    assert_eq!(
        t.total,
        min(145),
        "parallel steps overlap: the restore ends when switch_traffic does, at 145 min \
         (the durations add up to 195 min)"
    );
    assert_eq!(
        t.critical_path,
        names(&[
            "fetch_base",
            "decrypt",
            "load",
            "rebuild_indexes",
            "verify",
            "switch_traffic"
        ]),
        "walking back from switch_traffic through the predecessor that finished last each time"
    );
}

#[test]
fn the_path_follows_the_predecessor_that_finishes_last() {
    let steps = vec![
        step("copy_snapshot", 50, &[]),
        step("request_key", 45, &[]),
        step("unwrap_key", 10, &["request_key"]),
        step("decrypt", 5, &["copy_snapshot", "unwrap_key"]),
    ];
    assert_eq!(
        timeline(&steps),
        Ok(Timeline {
            total: min(60),
            critical_path: names(&["request_key", "unwrap_key", "decrypt"]),
        }),
        "unwrap_key is short but finishes at 55 min, after copy_snapshot (50 min): decrypt \
         waits for it, so it is on the critical path"
    );
}

#[test]
fn ties_go_to_the_step_listed_first() {
    let twins = vec![step("restore_a", 10, &[]), step("restore_b", 10, &[])];
    assert_eq!(
        timeline(&twins).unwrap().critical_path,
        names(&["restore_a"]),
        "two steps finish last together: the one listed first ends the path"
    );
    let mut swapped = twins.clone();
    swapped.reverse();
    assert_eq!(
        timeline(&swapped).unwrap().critical_path,
        names(&["restore_b"]),
        "listed the other way round, the other twin ends the path"
    );
    let join = vec![
        step("restore_a", 10, &[]),
        step("restore_b", 10, &[]),
        step("check", 1, &["restore_b", "restore_a"]),
    ];
    assert_eq!(
        timeline(&join).unwrap().critical_path,
        names(&["restore_b", "check"]),
        "check waits for two steps finishing together: follow the one its `after` lists first"
    );
}

#[test]
fn an_empty_runbook_takes_no_time() {
    assert_eq!(
        timeline(&[]),
        Ok(Timeline {
            total: Duration::ZERO,
            critical_path: vec![],
        }),
        "no steps: nothing to wait for"
    );
    assert_eq!(
        drill(&[], min(1)),
        Ok(Report {
            timeline: Timeline {
                total: Duration::ZERO,
                critical_path: vec![],
            },
            meets_rto: true,
            speed_up: None,
        }),
        "no steps: the RTO is met and there is no step to speed up"
    );
}

#[test]
fn drill_meets_the_rto_when_it_finishes_in_time() {
    let report = drill(&runbook(), min(150)).unwrap();
    assert!(report.meets_rto, "145 min of restore fits a 150 min RTO");
    assert_eq!(
        report.timeline,
        timeline(&runbook()).unwrap(),
        "the report carries the timeline"
    );
    assert!(
        drill(&runbook(), min(145)).unwrap().meets_rto,
        "finishing exactly at the RTO meets it"
    );
    assert!(
        !drill(&runbook(), min(144)).unwrap().meets_rto,
        "145 min of restore misses a 144 min RTO"
    );
}

#[test]
fn the_step_to_speed_up_gains_the_most_when_made_instant() {
    assert_eq!(
        drill(&runbook(), min(120)).unwrap().speed_up,
        Some(SpeedUp {
            step: "load".to_string(),
            total_if_instant: min(85),
        }),
        "an instant load would save 60 min: more than any other step on the critical path"
    );
}

#[test]
fn speeding_up_the_longest_step_is_not_always_best() {
    let mut steps = runbook();
    steps[5].duration = min(70); // rebuild_indexes: now ends at 175, the restore at 190
    let report = drill(&steps, min(120)).unwrap();
    assert_eq!(
        report.timeline.total,
        min(190),
        "load ends at 105, indexes at 175"
    );
    assert_eq!(
        report.speed_up,
        Some(SpeedUp {
            step: "load".to_string(),
            total_if_instant: min(130),
        }),
        "an instant rebuild_indexes (70 min) would save only 50 min, because replay_wal \
         then decides the path; an instant load (60 min) saves 60 min"
    );
}

#[test]
fn a_parallel_twin_can_cancel_any_gain() {
    let steps = vec![
        step("restore_shard_1", 40, &[]),
        step("restore_shard_2", 40, &[]),
    ];
    assert_eq!(
        drill(&steps, min(30)).unwrap().speed_up,
        Some(SpeedUp {
            step: "restore_shard_1".to_string(),
            total_if_instant: min(40),
        }),
        "making one shard instant leaves the other at 40 min: the best single step gains nothing"
    );
    let chain = vec![step("fetch", 10, &[]), step("load", 10, &["fetch"])];
    assert_eq!(
        drill(&chain, min(30)).unwrap().speed_up,
        Some(SpeedUp {
            step: "fetch".to_string(),
            total_if_instant: min(10),
        }),
        "both steps of the chain would save 10 min: the earlier one on the path is named"
    );
}

#[test]
fn a_name_used_twice_is_refused() {
    let steps = vec![
        step("fetch", 1, &[]),
        step("load", 1, &["fetch"]),
        step("load", 1, &[]),
        step("fetch", 1, &[]),
    ];
    assert_eq!(
        timeline(&steps),
        Err(DrillError::DuplicateStep {
            name: "load".to_string()
        }),
        "the third step reuses the name `load`: that is the first repeat in input order"
    );
}

#[test]
fn a_dependency_on_an_unknown_step_is_refused() {
    let steps = vec![
        step("fetch", 1, &[]),
        step("load", 1, &["fetch", "decrypt"]),
        step("verify", 1, &["checksum"]),
    ];
    assert_eq!(
        timeline(&steps),
        Err(DrillError::UnknownDependency {
            step: "load".to_string(),
            needs: "decrypt".to_string(),
        }),
        "load waits for `decrypt`, which no step is called"
    );
    assert_eq!(
        drill(&steps, min(10)),
        Err(DrillError::UnknownDependency {
            step: "load".to_string(),
            needs: "decrypt".to_string(),
        }),
        "a drill over a broken runbook reports the same problem"
    );
}

#[test]
fn steps_waiting_on_a_cycle_are_refused() {
    let steps = vec![
        step("a", 1, &["c"]),
        step("b", 1, &["a"]),
        step("standalone", 1, &[]),
        step("c", 1, &["b"]),
        step("after_b", 1, &["b", "standalone"]),
        step("after_standalone", 1, &["standalone"]),
    ];
    assert_eq!(
        timeline(&steps),
        Err(DrillError::Cycle {
            steps: names(&["a", "b", "c", "after_b"]),
        }),
        "a, b and c wait on each other, and after_b waits on b: none of them can ever start"
    );
    assert_eq!(
        timeline(&[step("loop", 1, &["loop"])]),
        Err(DrillError::Cycle {
            steps: names(&["loop"]),
        }),
        "a step waiting for itself never starts"
    );
}

#[test]
fn steps_may_be_listed_in_any_order() {
    let mut steps = runbook();
    steps.reverse();
    let t = timeline(&steps).unwrap();
    assert_eq!(
        t.total,
        min(145),
        "listing a step before the ones it waits for changes nothing"
    );
    assert_eq!(
        t.critical_path,
        names(&[
            "fetch_base",
            "decrypt",
            "load",
            "rebuild_indexes",
            "verify",
            "switch_traffic"
        ]),
        "the critical path does not depend on the order of the list"
    );
}

#[test]
fn problems_are_reported_in_the_documented_order() {
    let dup_and_unknown = vec![
        step("x", 1, &["ghost"]),
        step("y", 1, &[]),
        step("y", 1, &[]),
    ];
    assert_eq!(
        timeline(&dup_and_unknown),
        Err(DrillError::DuplicateStep {
            name: "y".to_string()
        }),
        "duplicate names are checked before dependencies"
    );
    let unknown_and_cycle = vec![step("x", 1, &["x"]), step("y", 1, &["ghost"])];
    assert_eq!(
        timeline(&unknown_and_cycle),
        Err(DrillError::UnknownDependency {
            step: "y".to_string(),
            needs: "ghost".to_string(),
        }),
        "unknown dependencies are checked before cycles"
    );
}

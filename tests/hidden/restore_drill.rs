use restore_drill::{
    drill, timeline, what_if_instant, DrillError, Report, SpeedUp, Step, Timeline,
};

fn step(name: &str, minutes: u64, after: &[&str]) -> Step {
    Step {
        name: name.to_string(),
        minutes,
        after: after.iter().map(|a| a.to_string()).collect(),
    }
}

/// A database restore. Finish times: fetch_base 30, fetch_wal 10, decrypt 45, load 105,
/// replay_wal 125, rebuild_indexes 130, provision_app 20, verify 140, switch_traffic 145.
/// Critical path: fetch_base, decrypt, load, rebuild_indexes, verify, switch_traffic.
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

fn speed_up(step: &str, total_if_instant_minutes: u64) -> Option<SpeedUp> {
    Some(SpeedUp {
        step: step.to_string(),
        total_if_instant_minutes,
    })
}

// Task 1: Time the restore as if one step took no time
#[test]
fn an_instant_step_on_the_critical_path_shortens_the_restore() {
    assert_eq!(
        what_if_instant(&runbook(), "load"),
        Ok(85),
        "load (60 min) is on the critical path of a 145 min restore: made instant, every step \
         after it moves 60 min earlier and the restore takes 85 min"
    );
}

#[test]
fn an_instant_step_off_the_critical_path_gains_nothing() {
    for name in ["fetch_wal", "provision_app"] {
        assert_eq!(
            what_if_instant(&runbook(), name),
            Ok(145),
            "{name} is off the critical path: made instant, the restore still takes 145 min"
        );
    }
}

#[test]
fn a_parallel_branch_can_take_over_from_the_step_made_instant() {
    assert_eq!(
        what_if_instant(&runbook(), "rebuild_indexes"),
        Ok(140),
        "an instant rebuild_indexes does not save its 25 min: replay_wal (ending at 125) now \
         holds up verify, so the restore takes 140 min, not 145 - 25 = 120"
    );
}

#[test]
fn only_the_named_step_is_made_instant() {
    let steps = vec![step("fetch", 10, &[]), step("load", 20, &["fetch"])];
    assert_eq!(
        what_if_instant(&steps, "fetch"),
        Ok(20),
        "with fetch instant, load still takes its 20 min"
    );
}

#[test]
fn a_what_if_over_a_broken_runbook_reports_the_problem() {
    let steps = vec![step("fetch", 1, &[]), step("load", 1, &["decrypt"])];
    assert_eq!(
        what_if_instant(&steps, "fetch"),
        Err(DrillError::UnknownDependency {
            step: "load".to_string(),
            needs: "decrypt".to_string(),
        }),
        "a runbook that cannot be timed cannot be timed with one step instant either"
    );
}

#[test]
fn a_broken_runbook_is_explained_in_words() {
    assert_eq!(
        DrillError::UnknownDependency {
            step: "load".to_string(),
            needs: "decrypt".to_string(),
        }
        .to_string(),
        "load waits for decrypt, which is no step of the runbook",
        "the drill's report of a broken runbook names the waiting step and what it waits for"
    );
}

// Task 2: Judge the drill and name the step worth speeding up
#[test]
fn drill_meets_the_rto_when_it_finishes_in_time() {
    let report = drill(&runbook(), 150).unwrap();
    assert!(report.meets_rto, "145 min of restore fits a 150 min RTO");
    assert_eq!(
        report.timeline,
        timeline(&runbook()).unwrap(),
        "the report carries the timeline"
    );
    assert!(
        drill(&runbook(), 145).unwrap().meets_rto,
        "finishing exactly at the RTO meets it"
    );
    assert!(
        !drill(&runbook(), 144).unwrap().meets_rto,
        "145 min of restore misses a 144 min RTO"
    );
}

#[test]
fn the_step_to_speed_up_gains_the_most_when_made_instant() {
    assert_eq!(
        drill(&runbook(), 120).unwrap().speed_up,
        speed_up("load", 85),
        "an instant load would save 60 min: more than any other step on the critical path"
    );
}

#[test]
fn speeding_up_the_longest_step_is_not_always_best() {
    let mut steps = runbook();
    steps[5].minutes = 70; // rebuild_indexes: now ends at 175, the restore at 190
    let report = drill(&steps, 120).unwrap();
    assert_eq!(
        report.timeline.total_minutes, 190,
        "load ends at 105, indexes at 175"
    );
    assert_eq!(
        report.speed_up,
        speed_up("load", 130),
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
        drill(&steps, 30).unwrap().speed_up,
        speed_up("restore_shard_1", 40),
        "making one shard instant leaves the other at 40 min: the best single step gains nothing"
    );
    let chain = vec![step("fetch", 10, &[]), step("load", 10, &["fetch"])];
    assert_eq!(
        drill(&chain, 30).unwrap().speed_up,
        speed_up("fetch", 10),
        "both steps of the chain would save 10 min: the earlier one on the path is named"
    );
}

#[test]
fn a_step_off_the_critical_path_is_never_named() {
    let steps = vec![
        step("warm_cache", 1, &[]),
        step("restore_shard_1", 40, &[]),
        step("restore_shard_2", 40, &[]),
    ];
    assert_eq!(
        drill(&steps, 30).unwrap().speed_up,
        speed_up("restore_shard_1", 40),
        "no single step shortens this restore; warm_cache is listed first but is off the \
         critical path, so the step named is restore_shard_1, the one on the path"
    );
}

#[test]
fn an_empty_runbook_has_nothing_to_speed_up() {
    assert_eq!(
        drill(&[], 1),
        Ok(Report {
            timeline: Timeline {
                total_minutes: 0,
                critical_path: vec![],
            },
            meets_rto: true,
            speed_up: None,
        }),
        "no steps: the RTO is met and there is no step to speed up"
    );
}

#[test]
fn a_drill_over_a_broken_runbook_reports_the_problem() {
    let steps = vec![
        step("fetch", 1, &[]),
        step("load", 1, &["fetch", "decrypt"]),
    ];
    assert_eq!(
        drill(&steps, 10),
        Err(DrillError::UnknownDependency {
            step: "load".to_string(),
            needs: "decrypt".to_string(),
        }),
        "a drill over a runbook that cannot be timed reports why"
    );
}

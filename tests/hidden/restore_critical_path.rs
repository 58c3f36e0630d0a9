use restore_critical_path::{finish_times, timeline, DrillError, Step, Timeline};

fn step(name: &str, minutes: u64, after: &[&str]) -> Step {
    Step {
        name: name.to_string(),
        minutes,
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

// Task 1: Time every step from the steps it waits for
#[test]
fn each_step_finishes_its_duration_after_its_last_predecessor() {
    assert_eq!(
        finish_times(&runbook()),
        Ok(vec![30, 10, 45, 105, 125, 130, 20, 140, 145]),
        "steps without predecessors start at minute 0; replay_wal waits for load (105) and \
         fetch_wal (10), so it starts at 105, the later of the two, and ends at 125"
    );
    assert_eq!(
        finish_times(&[]),
        Ok(vec![]),
        "no steps: no finish times, and nothing wrong"
    );
}

#[test]
fn steps_may_be_listed_before_the_steps_they_wait_for() {
    let mut steps = runbook();
    steps.reverse();
    assert_eq!(
        finish_times(&steps),
        Ok(vec![145, 140, 20, 130, 125, 105, 45, 10, 30]),
        "listing switch_traffic first changes nothing: each step still finishes at the same \
         minute, reported in the order of the input"
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
        finish_times(&steps),
        Err(DrillError::Cycle {
            steps: names(&["a", "b", "c", "after_b"]),
        }),
        "a, b and c wait on each other, and after_b waits on b: none of them can ever start, \
         and all four are named in input order"
    );
    assert_eq!(
        finish_times(&[step("loop", 1, &["loop"])]),
        Err(DrillError::Cycle {
            steps: names(&["loop"]),
        }),
        "a step waiting for itself never starts"
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
        finish_times(&steps),
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
        finish_times(&steps),
        Err(DrillError::UnknownDependency {
            step: "load".to_string(),
            needs: "decrypt".to_string(),
        }),
        "load waits for `decrypt`, which no step is called"
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
        finish_times(&dup_and_unknown),
        Err(DrillError::DuplicateStep {
            name: "y".to_string()
        }),
        "duplicate names are checked before dependencies"
    );
    let unknown_and_cycle = vec![step("x", 1, &["x"]), step("y", 1, &["ghost"])];
    assert_eq!(
        finish_times(&unknown_and_cycle),
        Err(DrillError::UnknownDependency {
            step: "y".to_string(),
            needs: "ghost".to_string(),
        }),
        "unknown dependencies are checked before cycles"
    );
}

#[test]
fn errors_are_displayed_in_words() {
    assert_eq!(
        DrillError::Cycle {
            steps: names(&["a", "b"])
        }
        .to_string(),
        "these steps can never start: a, b",
        "a cycle names every step that can never start"
    );
    assert_eq!(
        DrillError::DuplicateStep {
            name: "load".to_string()
        }
        .to_string(),
        "two steps are called load",
        "a duplicate names the name used twice"
    );
    assert_eq!(
        DrillError::UnknownDependency {
            step: "load".to_string(),
            needs: "decrypt".to_string()
        }
        .to_string(),
        "load waits for decrypt, which is no step of the runbook",
        "an unknown dependency names the waiting step and what it waits for"
    );
}

// Task 2: Walk the critical path back from the last step
#[test]
fn restore_time_is_the_critical_path_not_the_sum() {
    let t = timeline(&runbook()).expect("the runbook is valid");
    assert_eq!(
        t.total_minutes, 145,
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
            total_minutes: 60,
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
            total_minutes: 0,
            critical_path: vec![],
        }),
        "no steps: nothing to wait for, a total of 0 and an empty path"
    );
}

#[test]
fn the_critical_path_does_not_depend_on_the_order_of_the_list() {
    let mut steps = runbook();
    steps.reverse();
    let t = timeline(&steps).unwrap();
    assert_eq!(
        t.total_minutes, 145,
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
        "the critical path is still listed first step first"
    );
}

#[test]
fn a_broken_runbook_has_no_timeline() {
    assert_eq!(
        timeline(&[step("a", 1, &["b"]), step("b", 1, &["a"])]),
        Err(DrillError::Cycle {
            steps: names(&["a", "b"])
        }),
        "a runbook whose steps can never start cannot be timed: the timeline reports why"
    );
}

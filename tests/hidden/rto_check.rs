use rto_check::{check, needs_decision, stage_minutes, Runbook, Step, Verdict};

fn names(steps: &[&str]) -> Vec<String> {
    steps.iter().map(|step| step.to_string()).collect()
}

/// Detection 1, decision 15 (not needed), two automated one-minute stages.
fn automated_failover() -> Runbook {
    Runbook {
        detect: 1,
        decide: 15,
        stages: vec![
            vec![Step::automated("promote replica", 1)],
            vec![Step::automated("repoint DNS", 1)],
        ],
    }
}

/// Detection 5, decision 10, then a restore from backup onto a fresh server.
fn restore_from_backup() -> Runbook {
    Runbook {
        detect: 5,
        decide: 10,
        stages: vec![
            vec![
                Step::automated("provision server", 20),
                Step::manual("fetch backup", 15),
            ],
            vec![Step::automated("restore database", 40)],
            vec![
                Step::automated("replay logs", 10),
                Step::automated("deploy app", 8),
            ],
            vec![Step::manual("smoke test", 5)],
        ],
    }
}

// Task 1: Time a stage of parallel steps
#[test]
fn a_stage_lasts_as_long_as_its_slowest_step() {
    let stage = [
        Step::automated("restore database", 30),
        Step::automated("rebuild search index", 45),
        Step::manual("warm caches", 20),
    ];
    assert_eq!(
        stage_minutes(&stage),
        45,
        "steps of one stage run in parallel: the stage takes its slowest step's 45 minutes, \
         not the sum of 95"
    );
    assert_eq!(
        stage_minutes(&stage[..1]),
        30,
        "a stage of one step takes that step's time"
    );
    assert_eq!(stage_minutes(&[]), 0, "an empty stage takes no time");
}

// Task 2: Tell when a human must decide
#[test]
fn any_manual_step_needs_a_human_decision() {
    let mut runbook = Runbook {
        detect: 1,
        decide: 15,
        stages: vec![
            vec![Step::automated("promote replica", 1)],
            vec![
                Step::automated("repoint DNS", 1),
                Step::automated("flush caches", 1),
            ],
        ],
    };
    assert!(
        !needs_decision(&runbook),
        "a fully automated runbook starts by itself: nobody needs to decide"
    );
    runbook.stages[1].push(Step::manual("post status page", 1));
    assert!(
        needs_decision(&runbook),
        "one manual step, even in a later stage, means a person is in the loop"
    );
    runbook.stages = vec![];
    assert!(
        !needs_decision(&runbook),
        "a runbook with no steps has nothing for a person to decide"
    );
}

// Task 3: Time the runbook from the start of the outage
#[test]
fn the_clock_starts_with_the_outage_not_with_the_page() {
    let runbook = Runbook {
        detect: 10,
        decide: 5,
        stages: vec![vec![Step::manual("restore", 30)]],
    };
    assert_eq!(
        check(&runbook, 60).total,
        45,
        "10 minutes to detect, 5 to decide and 30 to restore: 45 minutes down"
    );
}

#[test]
fn stages_run_one_after_another() {
    let verdict = check(&restore_from_backup(), 120);
    assert_eq!(
        verdict.total,
        5 + 10 + 20 + 40 + 10 + 5,
        "detection 5, decision 10, then stages of 20, 40, 10 and 5 minutes one after another"
    );
}

#[test]
fn a_fully_automated_runbook_skips_the_decision() {
    let runbook = automated_failover();
    assert_eq!(
        check(&runbook, 3).total,
        3,
        "automated failover: 1 minute to detect, no decision, 1 + 1 to fail over: 3 minutes"
    );
    let mut with_a_person = runbook.clone();
    with_a_person.stages[0].push(Step::manual("approve failover", 0));
    assert_eq!(
        check(&with_a_person, 3).total,
        18,
        "a single manual step, even an instant one, waits for the 15-minute decision: 18 minutes"
    );
}

#[test]
fn an_empty_runbook_takes_detection_only() {
    let runbook = Runbook {
        detect: 7,
        decide: 30,
        stages: vec![vec![], vec![]],
    };
    assert_eq!(
        check(&runbook, 7).total,
        7,
        "no steps at all: no decision, and empty stages take no time"
    );
}

// Task 4: Name the slowest path
#[test]
fn the_slowest_path_names_the_slowest_step_of_each_stage() {
    assert_eq!(
        check(&restore_from_backup(), 120).slowest_path,
        names(&[
            "provision server",
            "restore database",
            "replay logs",
            "smoke test"
        ]),
        "the server (20) outlasts the backup fetch (15), the log replay (10) outlasts the \
         deploy (8): speeding up the fetch or the deploy would gain nothing"
    );
}

#[test]
fn on_a_tie_the_path_keeps_the_step_listed_first() {
    let runbook = Runbook {
        detect: 0,
        decide: 0,
        stages: vec![
            vec![
                Step::automated("restore orders", 20),
                Step::automated("restore users", 20),
                Step::automated("restore audit log", 20),
            ],
            vec![],
            vec![Step::automated("open traffic", 5)],
        ],
    };
    assert_eq!(
        check(&runbook, 25).slowest_path,
        names(&["restore orders", "open traffic"]),
        "three steps tie at 20 minutes: the first listed is on the path; the empty stage \
         adds nothing"
    );
}

#[test]
fn empty_stages_add_nothing_to_the_slowest_path() {
    let runbook = Runbook {
        detect: 7,
        decide: 30,
        stages: vec![vec![], vec![Step::automated("restart", 2)], vec![]],
    };
    assert_eq!(
        check(&runbook, 60).slowest_path,
        names(&["restart"]),
        "an empty stage has no slowest step: only the restart is on the path"
    );
}

// Task 5: Meet or miss the RTO
#[test]
fn a_total_equal_to_the_rto_meets_it() {
    let runbook = restore_from_backup();
    assert_eq!(
        check(&runbook, 90),
        Verdict {
            total: 90,
            meets: true,
            over_by: 0,
            slowest_path: names(&[
                "provision server",
                "restore database",
                "replay logs",
                "smoke test"
            ]),
        },
        "recovering in exactly 90 minutes meets an RTO of 90 minutes, with nothing to cut"
    );
    let verdict = check(&runbook, 89);
    assert!(
        !verdict.meets,
        "recovering in 90 minutes misses an RTO of 89 minutes"
    );
    assert_eq!(
        verdict.over_by, 1,
        "90 minutes against an RTO of 89: one minute to cut"
    );
}

#[test]
fn a_missed_rto_says_how_much_to_cut() {
    let verdict = check(&restore_from_backup(), 60);
    assert_eq!(
        (verdict.meets, verdict.over_by),
        (false, 30),
        "90 minutes against an RTO of 60: 30 minutes must go"
    );
    assert_eq!(
        check(&restore_from_backup(), 1_000).over_by,
        0,
        "well within the RTO there is nothing to cut"
    );
}

#[test]
fn a_one_minute_rto_needs_automation() {
    let manual = Runbook {
        detect: 0,
        decide: 2,
        stages: vec![vec![Step::manual("promote replica", 0)]],
    };
    assert!(
        !check(&manual, 1).meets,
        "even an instant manual failover waits for the 2-minute decision: a 1-minute RTO is \
         out of reach"
    );
    let automated = Runbook {
        stages: vec![vec![Step::automated("promote replica", 1)]],
        ..manual
    };
    assert!(
        check(&automated, 1).meets,
        "an automated 1-minute failover with instant detection meets a 1-minute RTO"
    );
}

#[test]
fn an_automated_failover_meets_a_three_minute_rto_until_a_person_is_needed() {
    let runbook = automated_failover();
    assert_eq!(
        check(&runbook, 3),
        Verdict {
            total: 3,
            meets: true,
            over_by: 0,
            slowest_path: names(&["promote replica", "repoint DNS"]),
        },
        "automated failover takes 3 minutes: an RTO of 3 minutes is met, nothing to cut"
    );
    let mut with_a_person = runbook.clone();
    with_a_person.stages[0].push(Step::manual("approve failover", 0));
    assert_eq!(
        check(&with_a_person, 3),
        Verdict {
            total: 18,
            meets: false,
            over_by: 15,
            slowest_path: names(&["promote replica", "repoint DNS"]),
        },
        "with a manual approval the decision adds 15 minutes: 18, 15 over the RTO"
    );
}

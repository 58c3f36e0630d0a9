use flow_efficiency::{
    batch_lead_min, flow, largest_wait, single_leads_min, small_batches_win, Flow, Stage,
};

fn stage(name: &str, wait_min: u64, work_min: u64) -> Stage {
    Stage {
        name: name.to_string(),
        wait_min,
        work_min,
    }
}

/// The doc's value stream, with the wall: a day-long hand-off to operations.
fn walled() -> Vec<Stage> {
    vec![
        stage("build", 0, 60),
        stage("review", 120, 30),
        stage("ops hand-off", 960, 30),
    ]
}

/// The same stream with the hand-off automated.
fn automated() -> Vec<Stage> {
    vec![
        stage("build", 0, 60),
        stage("review", 120, 30),
        stage("ops hand-off", 10, 30),
    ]
}

// Task 1: Measure the flow efficiency of one change
#[test]
fn the_doc_example_spends_a_tenth_of_its_lead_time_working() {
    assert_eq!(
        flow(&walled()),
        Flow {
            lead_min: 1_200,
            active_min: 120,
            efficiency_permille: Some(100)
        },
        "waits 1 080 + work 120 is a lead time of 1 200 min, of which 120 are work: 100 ‰"
    );
}

#[test]
fn removing_the_hand_off_wait_raises_the_flow_efficiency() {
    assert_eq!(
        flow(&automated()),
        Flow {
            lead_min: 250,
            active_min: 120,
            efficiency_permille: Some(480)
        },
        "the same work with a 10 min hand-off: 120 of 250 min, 480 ‰; nobody worked faster"
    );
}

#[test]
fn flow_efficiency_is_rounded_down() {
    assert_eq!(
        flow(&[stage("a", 1, 2)]).efficiency_permille,
        Some(666),
        "2 of 3 min working is 666.7 ‰, rounded down to 666 (never more efficient than it is)"
    );
    assert_eq!(
        flow(&[stage("a", 2_999, 1)]).efficiency_permille,
        Some(0),
        "1 min of work in 3 000 is 0.33 ‰, rounded down to 0"
    );
}

#[test]
fn a_stream_without_waits_is_fully_efficient() {
    assert_eq!(
        flow(&[stage("a", 0, 5), stage("b", 0, 7)]).efficiency_permille,
        Some(1_000),
        "all 12 min of lead time are work: 1 000 ‰"
    );
}

#[test]
fn a_stream_without_lead_time_has_no_efficiency() {
    assert_eq!(
        flow(&[]),
        Flow {
            lead_min: 0,
            active_min: 0,
            efficiency_permille: None
        },
        "no stages: no lead time, and no efficiency (not a division by zero)"
    );
    assert_eq!(
        flow(&[stage("a", 0, 0)]).efficiency_permille,
        None,
        "a stage that takes no time gives no lead time either"
    );
}

// Task 2: Find the largest wait
#[test]
fn the_doc_example_waits_longest_for_the_ops_hand_off() {
    assert_eq!(
        largest_wait(&walled()),
        Some("ops hand-off".to_string()),
        "960 min waiting for operations is the largest wait, ahead of review's 120"
    );
}

#[test]
fn the_largest_wait_is_by_waiting_not_by_working() {
    let stages = [stage("test", 5, 600), stage("approval", 30, 1)];
    assert_eq!(
        largest_wait(&stages),
        Some("approval".to_string()),
        "test works 600 min but waits 5; approval waits 30: the waits decide"
    );
}

#[test]
fn a_tie_between_waits_goes_to_the_earliest_stage() {
    let stages = [
        stage("a", 10, 1),
        stage("b", 40, 1),
        stage("c", 40, 1),
        stage("d", 20, 1),
    ];
    assert_eq!(
        largest_wait(&stages),
        Some("b".to_string()),
        "b and c both wait 40 min: the earlier stage, b"
    );
}

#[test]
fn a_stream_that_never_waits_has_no_largest_wait() {
    assert_eq!(
        largest_wait(&[stage("a", 0, 5), stage("b", 0, 7)]),
        None,
        "every wait is 0: there is no wait to start with"
    );
    assert_eq!(largest_wait(&[]), None, "no stages, no wait");
}

// Task 3: Compare a batch with single changes
#[test]
fn a_batch_pays_each_hand_off_once_and_the_work_of_every_change() {
    assert_eq!(
        batch_lead_min(&walled(), 4),
        1_560,
        "waits 1 080 once, work 120 four times: 1 560 min for every change of the batch"
    );
    assert_eq!(
        batch_lead_min(&walled(), 1),
        1_200,
        "a batch of one is the lead time of one change"
    );
}

#[test]
fn single_changes_queue_behind_the_busiest_stage() {
    assert_eq!(
        single_leads_min(&walled(), 4),
        vec![1_200, 2_190, 3_180, 4_170],
        "the ops hand-off is busy 990 min per change, so each change is delivered 990 min \
         after the one before it"
    );
    assert_eq!(
        single_leads_min(&automated(), 4),
        vec![250, 400, 550, 700],
        "with the hand-off automated, review (150 min per change) is the busiest stage"
    );
}

#[test]
fn a_change_waits_for_a_busy_stage_downstream() {
    assert_eq!(
        single_leads_min(&[stage("code", 0, 10), stage("qa", 0, 100)], 3),
        vec![110, 210, 310],
        "the second change leaves code at 20 but qa is busy until 110: it is done at 210"
    );
}

#[test]
fn a_change_cannot_start_a_stage_before_it_arrives() {
    assert_eq!(
        single_leads_min(&[stage("code", 0, 100), stage("qa", 0, 10)], 3),
        vec![110, 210, 310],
        "qa is free, but each change reaches it only when code is done with it"
    );
}

#[test]
fn stages_work_on_different_changes_at_the_same_time() {
    assert_eq!(
        single_leads_min(&[stage("code", 0, 50), stage("qa", 0, 50)], 2),
        vec![100, 150],
        "while qa tests the first change, code works on the second: 150, not 200"
    );
}

#[test]
fn with_the_wall_the_batch_wins_and_without_it_small_batches_do() {
    assert!(
        !small_batches_win(&walled(), 4),
        "singles average 2 685 min against the batch's 1 560: with a day-long hand-off, \
         batching is the rational answer, and that is how walls make batches"
    );
    assert!(
        small_batches_win(&automated(), 4),
        "automate the hand-off and singles average 475 min against the batch's 610"
    );
}

#[test]
fn small_batches_win_only_when_strictly_faster_on_average() {
    assert!(
        !small_batches_win(&[stage("deploy", 10, 10)], 2),
        "singles at 20 and 40 average 30, the batch takes 10 + 2 × 10 = 30: a tie is no win"
    );
    assert!(
        small_batches_win(&[stage("deploy", 1, 2)], 2),
        "singles at 3 and 6 average 4.5, below the batch's 5: a half minute counts, so do \
         not round the mean up"
    );
}

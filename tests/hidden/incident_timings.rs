use incident_timings::{mean, phases, problems, timings, Incident, Mean, Phases, Problem, Stamp};

fn incident(
    id: &str,
    started: Option<u64>,
    detected: Option<u64>,
    acknowledged: Option<u64>,
    restored: Option<u64>,
) -> Incident {
    Incident {
        id: id.to_string(),
        started_min: started,
        detected_min: detected,
        acknowledged_min: acknowledged,
        restored_min: restored,
    }
}

fn complete(id: &str, started: u64, detected: u64, acknowledged: u64, restored: u64) -> Incident {
    incident(
        id,
        Some(started),
        Some(detected),
        Some(acknowledged),
        Some(restored),
    )
}

fn missing(id: &str, stamp: Stamp) -> Problem {
    Problem::Missing(id.to_string(), stamp)
}

fn out_of_order(id: &str, first: Stamp, then: Stamp) -> Problem {
    Problem::OutOfOrder(id.to_string(), first, then)
}

fn mean_of(minutes: u64, incidents: usize) -> Option<Mean> {
    Some(Mean { minutes, incidents })
}

// Task 1: Find every problem in a timeline
#[test]
fn a_complete_timeline_in_order_has_no_problems() {
    assert_eq!(
        problems(&complete("a1", 0, 10, 16, 60)),
        vec![],
        "started, detected, acknowledged and restored, in that order: nothing to report"
    );
}

#[test]
fn moments_recorded_at_the_same_minute_are_in_order() {
    assert_eq!(
        problems(&complete("a2", 30, 30, 30, 30)),
        vec![],
        "an alert that fired the minute the failure started, acknowledged and fixed that same \
         minute, is a timeline in order"
    );
}

#[test]
fn every_missing_timestamp_is_reported_in_timeline_order() {
    assert_eq!(
        problems(&incident("b1", None, None, None, None)),
        vec![
            missing("b1", Stamp::Started),
            missing("b1", Stamp::Detected),
            missing("b1", Stamp::Acknowledged),
            missing("b1", Stamp::Restored),
        ],
        "four holes are four problems, from the start of the timeline to its end"
    );
    assert_eq!(
        problems(&incident("b2", Some(0), Some(5), None, Some(20))),
        vec![missing("b2", Stamp::Acknowledged)],
        "only the acknowledgement is missing"
    );
}

#[test]
fn a_moment_recorded_before_the_one_before_it_is_out_of_order() {
    assert_eq!(
        problems(&incident("q7", Some(100), Some(90), None, Some(80))),
        vec![
            out_of_order("q7", Stamp::Started, Stamp::Detected),
            missing("q7", Stamp::Acknowledged),
            out_of_order("q7", Stamp::Detected, Stamp::Restored),
        ],
        "detected (90) before started (100), acknowledgement missing, restored (80) before \
         detected (90): three problems, in timeline order"
    );
    assert_eq!(
        problems(&complete("q8", 0, 10, 8, 30)),
        vec![out_of_order("q8", Stamp::Detected, Stamp::Acknowledged)],
        "acknowledged at 8, before the detection at 10"
    );
}

#[test]
fn disorder_is_found_across_a_missing_timestamp() {
    assert_eq!(
        problems(&incident("g1", Some(50), None, Some(40), Some(70))),
        vec![
            missing("g1", Stamp::Detected),
            out_of_order("g1", Stamp::Started, Stamp::Acknowledged),
        ],
        "with no detection recorded, the acknowledgement (40) is compared with the start (50), \
         the last moment recorded before it"
    );
}

#[test]
fn problems_say_which_incident_and_which_moment() {
    let text = missing("db-42", Stamp::Acknowledged).to_string();
    assert!(
        text.contains("db-42") && text.contains("Acknowledged"),
        "a missing timestamp names its incident and its moment, got {text:?}"
    );
    let text = out_of_order("db-43", Stamp::Detected, Stamp::Restored).to_string();
    assert!(
        text.contains("db-43") && text.contains("Detected") && text.contains("Restored"),
        "a timeline out of order names its incident and both moments, got {text:?}"
    );
}

// Task 2: Measure the phases of one incident
#[test]
fn phases_are_the_gaps_between_their_two_moments() {
    assert_eq!(
        phases(&complete("a1", 0, 10, 16, 60)),
        Phases {
            to_detect: Some(10),
            to_acknowledge: Some(6),
            to_restore: Some(60),
        },
        "10 minutes to detect, 6 from detection to acknowledgement, 60 from start to restore"
    );
    assert_eq!(
        phases(&complete("a3", 1_000, 1_003, 1_010, 1_045)).to_restore,
        Some(45),
        "time to restore runs from the start, not from the detection: 45, not 42"
    );
}

#[test]
fn a_missing_timestamp_leaves_out_only_the_phases_that_need_it() {
    assert_eq!(
        phases(&incident("c3", Some(200), Some(204), None, Some(230))),
        Phases {
            to_detect: Some(4),
            to_acknowledge: None,
            to_restore: Some(30),
        },
        "without an acknowledgement there is no time to acknowledge; the rest is measured"
    );
    assert_eq!(
        phases(&incident("c4", None, Some(204), Some(210), Some(230))),
        Phases {
            to_detect: None,
            to_acknowledge: Some(6),
            to_restore: None,
        },
        "without a start there is no time to detect and none to restore"
    );
    assert_eq!(
        phases(&incident("c5", Some(200), None, Some(210), Some(230))),
        Phases {
            to_detect: None,
            to_acknowledge: None,
            to_restore: Some(30),
        },
        "without a detection, neither detecting nor acknowledging can be timed"
    );
}

#[test]
fn a_timeline_out_of_order_gives_no_phases() {
    assert_eq!(
        phases(&complete("q8", 0, 10, 8, 30)),
        Phases {
            to_detect: None,
            to_acknowledge: None,
            to_restore: None,
        },
        "an acknowledgement before its detection means the timeline cannot be trusted: even \
         the start and restore that look fine are not measured"
    );
}

// Task 3: Average the phases over all incidents
#[test]
fn the_doc_example_gives_its_report() {
    let incidents = [
        complete("a1", 0, 10, 16, 60),
        complete("b1", 100, 103, 110, 145),
        incident("c3", Some(200), Some(204), None, Some(230)),
    ];
    let report = timings(&incidents);
    assert_eq!(
        report.mttd,
        mean_of(6, 3),
        "10, 3 and 4 minutes to detect: 17 / 3 is 5.67, 6 over 3 incidents"
    );
    assert_eq!(
        report.mtta,
        mean_of(7, 2),
        "6 and 7 minutes to acknowledge: 6.5 rounds up to 7, over the 2 incidents that have one"
    );
    assert_eq!(
        report.mttr,
        mean_of(45, 3),
        "60, 45 and 30 minutes to restore: 45 over 3"
    );
    assert_eq!(
        report.problems,
        vec![missing("c3", Stamp::Acknowledged)],
        "the incident left out of MTTA is reported, not silently skipped"
    );
}

#[test]
fn means_round_to_the_nearest_minute_with_halves_up() {
    assert_eq!(mean(&[1, 2]), mean_of(2, 2), "1.5 rounds up to 2");
    assert_eq!(mean(&[1, 1, 2]), mean_of(1, 3), "1.33 rounds down to 1");
    assert_eq!(mean(&[1, 2, 2]), mean_of(2, 3), "1.67 rounds up to 2");
    assert_eq!(mean(&[0, 0, 0, 1]), mean_of(0, 4), "0.25 rounds down to 0");
    assert_eq!(mean(&[7]), mean_of(7, 1), "one incident is its own mean");
    assert_eq!(mean(&[]), None, "no incident has no mean, not a mean of 0");
}

#[test]
fn problems_of_every_incident_are_listed_in_incident_order() {
    let incidents = [
        incident("z9", Some(0), None, Some(5), Some(9)),
        complete("ok", 0, 1, 2, 3),
        incident("a1", None, Some(1), Some(2), None),
    ];
    assert_eq!(
        timings(&incidents).problems,
        vec![
            missing("z9", Stamp::Detected),
            missing("a1", Stamp::Started),
            missing("a1", Stamp::Restored),
        ],
        "the problems come incident by incident, in the order the incidents were given"
    );
}

#[test]
fn an_incident_out_of_order_counts_in_no_mean_but_is_reported() {
    let incidents = [complete("a1", 0, 10, 16, 60), complete("q8", 0, 10, 8, 30)];
    let report = timings(&incidents);
    assert_eq!(
        (report.mttd, report.mtta, report.mttr),
        (mean_of(10, 1), mean_of(6, 1), mean_of(60, 1)),
        "only a1 is measured: q8's timeline is out of order"
    );
    assert_eq!(
        report.problems,
        vec![out_of_order("q8", Stamp::Detected, Stamp::Acknowledged)],
        "q8 is reported as out of order"
    );
}

#[test]
fn without_incidents_there_are_no_means_and_no_problems() {
    let report = timings(&[]);
    assert_eq!(
        (report.mttd, report.mtta, report.mttr),
        (None, None, None),
        "no incident: no MTTD, MTTA or MTTR (not 0 minutes)"
    );
    assert_eq!(report.problems, vec![], "nothing to report");
}

use incident_review::{
    delivery, parse, review, timelines, Action, Delivery, Event, Finding, Kind, LogError,
    Postmortem, Timeline,
};

fn ev(at_ms: u64, kind: Kind) -> Event {
    Event { at_ms, kind }
}

fn s(x: &str) -> String {
    x.to_string()
}

fn events(log: &str) -> Vec<Event> {
    let (events, errors) = parse(log);
    assert_eq!(errors, vec![], "the test's log is well formed");
    events
}

fn timeline(
    incident: &str,
    cause: Option<&str>,
    started: Option<u64>,
    detected: Option<u64>,
    restored: Option<u64>,
) -> Timeline {
    Timeline {
        incident: s(incident),
        cause: cause.map(s),
        started_ms: started,
        detected_ms: detected,
        restored_ms: restored,
    }
}

fn action(what: &str, owner: Option<&str>, due_ms: Option<u64>) -> Action {
    Action {
        what: s(what),
        owner: owner.map(s),
        due_ms,
    }
}

fn postmortem(incident: &str, ttr: u64, causes: &[&str], actions: Vec<Action>) -> Postmortem {
    Postmortem {
        incident: s(incident),
        stated_ttr_ms: ttr,
        causes: causes.iter().map(|c| s(c)).collect(),
        actions,
    }
}

/// A week of logs merged from the deploy system, the SLO monitor and the pager.
const WEEK: &str = "\
1000 deploy d1
2000 deploy d2
2600 detected i1
2500 impact i1 d2
3000 deploy d3
2700 detected i1
4100 restored i1
5000 impact i2 d2
5200 detected i2
6000 restored i2
7000 impact i3 hotfix-x
7400 detected i3
";

// Task 1: Parse the log
#[test]
fn the_doc_example_parses_two_events_and_reports_two_lines() {
    assert_eq!(
        parse("100 deploy d1\n\n150 impact i1 d1\nsoon detected i1\n170 page i1"),
        (
            vec![
                ev(100, Kind::Deploy(s("d1"))),
                ev(150, Kind::Impact(s("i1"), Some(s("d1"))))
            ],
            vec![LogError::BadTime(4), LogError::UnknownKind(5, s("page"))]
        ),
        "the blank line 2 is skipped but still counted; 'soon' is no time; 'page' is no kind"
    );
}

#[test]
fn every_kind_parses_with_its_fields() {
    assert_eq!(
        parse("1 deploy d9\n2 impact i1\n3 impact i2 d9\n4 detected i1\n5 restored i1"),
        (
            vec![
                ev(1, Kind::Deploy(s("d9"))),
                ev(2, Kind::Impact(s("i1"), None)),
                ev(3, Kind::Impact(s("i2"), Some(s("d9")))),
                ev(4, Kind::Detected(s("i1"))),
                ev(5, Kind::Restored(s("i1"))),
            ],
            vec![]
        ),
        "an impact may name the deploy that caused it, or not"
    );
}

#[test]
fn whitespace_only_lines_are_blank_and_fields_may_be_spaced_out() {
    assert_eq!(
        parse("   \n\t\n7   deploy\td1  "),
        (vec![ev(7, Kind::Deploy(s("d1")))], vec![]),
        "fields are separated by any whitespace; a line of spaces is blank"
    );
}

#[test]
fn the_time_is_checked_before_the_kind_and_the_kind_before_the_fields() {
    assert_eq!(
        parse(
            "-5 deploy d1\nx page\n9 page a b c\n9 deploy\n9 deploy d1 d2\n\
             9 impact i1 d1 x\n9 restored\n9"
        ),
        (
            vec![],
            vec![
                LogError::BadTime(1),
                LogError::BadTime(2),
                LogError::UnknownKind(3, s("page")),
                LogError::WrongFields(4),
                LogError::WrongFields(5),
                LogError::WrongFields(6),
                LogError::WrongFields(7),
                LogError::WrongFields(8),
            ]
        ),
        "a negative or missing time is BadTime whatever follows; an unknown kind is reported \
         however many fields it has; a known kind with the wrong count, or no kind at all, is \
         WrongFields"
    );
}

// Task 2: Build the timelines
#[test]
fn events_are_put_in_time_order_before_the_timelines_are_built() {
    assert_eq!(
        timelines(&events(WEEK)),
        vec![
            timeline("i1", Some("d2"), Some(2_500), Some(2_600), Some(4_100)),
            timeline("i2", Some("d2"), Some(5_000), Some(5_200), Some(6_000)),
            timeline("i3", Some("hotfix-x"), Some(7_000), Some(7_400), None),
        ],
        "i1's alert is logged before its impact but happened after it; the re-fired alert at \
         2 700 changes nothing; deploys have no timeline; i3 is still open"
    );
}

#[test]
fn each_moment_keeps_its_first_time() {
    let log =
        "10 impact a\n20 detected a\n30 detected a\n40 restored a\n50 impact a\n60 restored a";
    assert_eq!(
        timelines(&events(log)),
        vec![timeline("a", None, Some(10), Some(20), Some(40))],
        "repeats of an alert, an impact or a restore do not move the first time"
    );
}

#[test]
fn the_cause_comes_from_the_first_impact_in_time() {
    let log = "90 impact a d2\n50 impact a d1\n95 restored a";
    assert_eq!(
        timelines(&events(log)),
        vec![timeline("a", Some("d1"), Some(50), None, Some(95))],
        "the impact at 50 is the first, even though it is logged second: its cause, d1, stands"
    );
    let log = "50 impact a\n90 impact a d2";
    assert_eq!(
        timelines(&events(log))[0].cause,
        None,
        "a later impact line does not add a cause the first one did not give"
    );
}

#[test]
fn timelines_are_listed_by_their_first_event_in_time() {
    let log = "300 impact late\n100 detected early\n300 restored late\n400 restored early";
    assert_eq!(
        timelines(&events(log))
            .iter()
            .map(|t| t.incident.as_str())
            .collect::<Vec<_>>(),
        vec!["early", "late"],
        "'early' was first heard of at 100, 'late' at 300, whatever the order of the lines"
    );
}

#[test]
fn events_at_the_same_time_keep_the_log_order() {
    let log = "100 detected b\n100 detected a";
    assert_eq!(
        timelines(&events(log)),
        vec![
            timeline("b", None, None, Some(100), None),
            timeline("a", None, None, Some(100), None)
        ],
        "at the same millisecond the log's order decides; an incident without an impact line \
         has no start"
    );
}

// Task 3: Measure the delivery
#[test]
fn the_week_fails_one_deploy_in_three_and_restores_in_1_300_ms() {
    let e = events(WEEK);
    assert_eq!(
        delivery(&e, &timelines(&e)),
        Delivery {
            change_failure_permille: Some(334),
            mttr_ms: Some((1_300, 2)),
        },
        "d2 caused i1 and i2 but is one failed deploy of three: 333.3 ‰ rounded up to 334; \
         hotfix-x is no deploy of the log; i1 took 1 600 ms and i2 1 000, i3 is still open"
    );
}

#[test]
fn the_mean_time_to_restore_is_rounded_up() {
    let t = [
        timeline("a", None, Some(0), None, Some(10)),
        timeline("b", None, Some(0), None, Some(11)),
    ];
    assert_eq!(
        delivery(&[], &t).mttr_ms,
        Some((11, 2)),
        "10 and 11 ms average 10.5, rounded up to 11"
    );
}

#[test]
fn incidents_without_a_start_or_a_restore_are_left_out_of_the_mean() {
    let t = [
        timeline("a", None, Some(100), None, Some(400)),
        timeline("b", None, None, Some(10), Some(20)),
        timeline("c", None, Some(0), None, None),
    ];
    assert_eq!(
        delivery(&[], &t).mttr_ms,
        Some((300, 1)),
        "only a has both moments: a mean of 300 over 1 incident"
    );
    assert_eq!(
        delivery(&[], &t[1..]).mttr_ms,
        None,
        "nothing restored from a known start: no mean"
    );
}

#[test]
fn change_failure_counts_deploys_of_the_log_only() {
    let e = vec![
        ev(1, Kind::Deploy(s("d1"))),
        ev(2, Kind::Deploy(s("d2"))),
        ev(3, Kind::Deploy(s("d3"))),
        ev(4, Kind::Deploy(s("d4"))),
    ];
    let t = [
        timeline("a", Some("d3"), Some(5), None, None),
        timeline("b", Some("manual-change"), Some(6), None, None),
    ];
    assert_eq!(
        delivery(&e, &t).change_failure_permille,
        Some(250),
        "one of four deploys caused an incident: exactly 250 ‰; the manual change is not a deploy"
    );
    assert_eq!(
        delivery(&[], &t).change_failure_permille,
        None,
        "no deploys: no change failure rate"
    );
    assert_eq!(
        delivery(&e[..1], &[]).change_failure_permille,
        Some(0),
        "a deploy that caused nothing: 0 ‰"
    );
}

// Task 4: Review the post-mortems
#[test]
fn a_complete_post_mortem_that_matches_the_log_has_no_findings() {
    let t = timelines(&events(WEEK));
    let pms = [
        postmortem(
            "i1",
            1_600,
            &["no canary for config"],
            vec![action("add canary", Some("ana"), Some(9_000))],
        ),
        postmortem("i2", 1_000, &["same config path"], vec![]),
    ];
    assert_eq!(
        review(&t, &pms),
        vec![],
        "both restored incidents are written up, with causes, owned and dated actions and the \
         log's times; i3 is still open and needs no post-mortem yet"
    );
}

#[test]
fn a_restored_incident_without_a_post_mortem_is_missing() {
    let t = timelines(&events(WEEK));
    let pms = [
        postmortem("i2", 1_000, &["c"], vec![]),
        postmortem("i9", 5, &[], vec![]),
    ];
    assert_eq!(
        review(&t, &pms),
        vec![Finding::Missing(s("i1"))],
        "i1 was restored and nobody wrote it up; a post-mortem of i9, unknown to the log, is \
         not reviewed"
    );
}

#[test]
fn every_problem_of_a_post_mortem_is_found_in_order() {
    let t = timelines(&events(WEEK));
    let pms = [
        postmortem(
            "i1",
            1_500,
            &[],
            vec![
                action("fix alert", None, Some(9_000)),
                action("write runbook", Some("ben"), Some(9_000)),
                action("add canary", Some("ana"), None),
                action("review config", None, None),
            ],
        ),
        postmortem("i2", 1_000, &["c"], vec![]),
    ];
    assert_eq!(
        review(&t, &pms),
        vec![
            Finding::NoCause(s("i1")),
            Finding::Incomplete(s("i1"), s("fix alert")),
            Finding::Incomplete(s("i1"), s("add canary")),
            Finding::Incomplete(s("i1"), s("review config")),
            Finding::WrongTimeToRestore(s("i1"), 1_500, 1_600),
        ],
        "no cause; three actions lacking an owner, a date or both (one finding each); and a \
         stated 1 500 ms against the log's 1 600"
    );
}

#[test]
fn the_time_to_restore_is_checked_only_when_the_log_has_both_ends() {
    let t = [timeline("a", None, None, Some(10), Some(50))];
    let pms = [postmortem("a", 999, &["c"], vec![])];
    assert_eq!(
        review(&t, &pms),
        vec![],
        "the log never recorded a's start: there is nothing to hold the stated time against"
    );
}

#[test]
fn from_raw_log_to_findings() {
    let log = "\
100 deploy d1
200 deploy d2
250 impact x d1
900 restored x
950 oops
300 detected x
1000 impact y d1
1300 restored y
";
    let (e, errors) = parse(log);
    assert_eq!(
        errors,
        vec![LogError::UnknownKind(5, s("oops"))],
        "one broken line"
    );
    let t = timelines(&e);
    assert_eq!(
        delivery(&e, &t),
        Delivery {
            change_failure_permille: Some(500),
            mttr_ms: Some((475, 2)),
        },
        "d1 failed, d2 did not: 500 ‰; x took 650 ms and y 300, a mean of 475"
    );
    assert_eq!(
        review(
            &t,
            &[postmortem(
                "x",
                650,
                &["c"],
                vec![action("a", Some("o"), Some(1))]
            )]
        ),
        vec![Finding::Missing(s("y"))],
        "x's post-mortem matches the log; y, restored, has none"
    );
}

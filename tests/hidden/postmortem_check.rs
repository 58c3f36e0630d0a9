use postmortem_check::{
    action_item_problems, blame_problems, check, missing_sections, ActionItem, Postmortem, Problem,
    TimelineEntry, BLAMEFUL_PHRASES,
};

fn line(at: &str, what: &str) -> TimelineEntry {
    TimelineEntry {
        at: at.to_string(),
        what: what.to_string(),
    }
}

fn item(owner: Option<&str>, due: Option<&str>) -> ActionItem {
    ActionItem {
        what: "add a confirmation step to the delete command".to_string(),
        owner: owner.map(str::to_string),
        due: due.map(str::to_string),
    }
}

fn causes(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

/// A complete, blameless post-mortem; tests break one part at a time.
fn good() -> Postmortem {
    Postmortem {
        impact: "checkout failed for 38 % of users for 47 minutes".to_string(),
        timeline: vec![
            line("14:02", "a cleanup job deleted the orders replica"),
            line("14:09", "error-rate alert paged the on-call"),
            line("14:49", "traffic moved to the standby"),
        ],
        root_causes: causes(&[
            "the cleanup job could target production without any confirmation",
            "the replica had no deletion protection",
        ]),
        action_items: vec![
            item(Some("dana"), Some("2024-07-01")),
            item(Some("team-storage"), Some("2024-07-15")),
        ],
    }
}

const PEOPLE: &[&str] = &["alice", "bob"];

// Task 1: Find the missing sections
#[test]
fn a_complete_postmortem_has_no_missing_section() {
    assert_eq!(
        missing_sections(&good()),
        vec![],
        "impact, timeline, root causes and action items are all there"
    );
}

#[test]
fn each_missing_section_is_reported_in_document_order() {
    let empty = Postmortem {
        impact: String::new(),
        timeline: vec![],
        root_causes: vec![],
        action_items: vec![],
    };
    assert_eq!(
        missing_sections(&empty),
        vec![
            Problem::NoImpact,
            Problem::NoTimeline,
            Problem::NoRootCause,
            Problem::NoActionItems,
        ],
        "an empty document misses all four sections, reported in this order"
    );
    let no_timeline = Postmortem {
        timeline: vec![],
        ..good()
    };
    assert_eq!(
        missing_sections(&no_timeline),
        vec![Problem::NoTimeline],
        "only the timeline is missing"
    );
    let no_actions = Postmortem {
        action_items: vec![],
        ..good()
    };
    assert_eq!(
        missing_sections(&no_actions),
        vec![Problem::NoActionItems],
        "a post-mortem with no action items prevents nothing"
    );
}

#[test]
fn an_impact_of_only_whitespace_is_missing() {
    let pm = Postmortem {
        impact: " \n\t ".to_string(),
        root_causes: vec![],
        ..good()
    };
    assert_eq!(
        missing_sections(&pm),
        vec![Problem::NoImpact, Problem::NoRootCause],
        "whitespace describes no impact; with no root cause either, both are reported"
    );
}

// Task 2: Check that every action item has an owner and a due date
#[test]
fn the_doc_example_reports_each_missing_owner_and_date() {
    let items = [
        item(Some("dana"), Some("2024-07-01")),
        item(None, Some("")),
        item(Some("  "), Some("2024-08-01")),
    ];
    assert_eq!(
        action_item_problems(&items),
        vec![
            Problem::NoOwner(1),
            Problem::NoDueDate(1),
            Problem::NoOwner(2),
        ],
        "item 1 has neither owner nor date (an empty date is none), item 2 has a blank owner"
    );
}

#[test]
fn a_missing_due_date_alone_is_reported() {
    let items = [item(Some("dana"), None), item(Some("erin"), Some(" "))];
    assert_eq!(
        action_item_problems(&items),
        vec![Problem::NoDueDate(0), Problem::NoDueDate(1)],
        "an owner without a date still makes an action item nobody has to finish"
    );
}

#[test]
fn action_items_with_owner_and_date_pass() {
    assert_eq!(
        action_item_problems(&good().action_items),
        vec![],
        "every item has an owner and a due date"
    );
}

// Task 3: Find the root causes that blame someone
#[test]
fn the_doc_example_finds_the_person_and_both_phrasings() {
    let found = blame_problems(
        &causes(&[
            "Bob's fault: he was careless",
            "no confirmation step before deleting a production database",
        ]),
        PEOPLE,
    );
    assert_eq!(
        found,
        vec![
            Problem::NamesPerson(0, "bob".to_string()),
            Problem::BlamefulPhrase(0, "'s fault"),
            Problem::BlamefulPhrase(0, "careless"),
        ],
        "cause 0 names bob and uses two blameful phrasings; cause 1 is about the system"
    );
}

#[test]
fn people_are_found_as_whole_words_without_regard_to_case() {
    let found = blame_problems(
        &causes(&[
            "ALICE pushed the config",
            "malice is not a person here, nor is bobsled",
            "deploy by alice2, not by alice",
        ]),
        PEOPLE,
    );
    assert_eq!(
        found,
        vec![
            Problem::NamesPerson(0, "alice".to_string()),
            Problem::NamesPerson(2, "alice".to_string()),
        ],
        "ALICE is alice; malice, bobsled and alice2 are other words"
    );
}

#[test]
fn people_come_in_roster_order_and_causes_in_document_order() {
    let found = blame_problems(
        &causes(&["the pool ran dry", "bob and alice both restarted it"]),
        PEOPLE,
    );
    assert_eq!(
        found,
        vec![
            Problem::NamesPerson(1, "alice".to_string()),
            Problem::NamesPerson(1, "bob".to_string()),
        ],
        "in cause 1, alice comes first because she comes first in the list of people"
    );
}

#[test]
fn every_blameful_phrasing_is_caught_without_regard_to_case() {
    for phrase in BLAMEFUL_PHRASES {
        let cause = format!("Root cause: {}", phrase.to_uppercase());
        assert_eq!(
            blame_problems(&causes(&[&cause]), &[]),
            vec![Problem::BlamefulPhrase(0, phrase)],
            "{cause:?} uses the blameful phrasing {phrase:?}"
        );
    }
}

#[test]
fn a_cause_about_the_system_is_blameless() {
    assert_eq!(
        blame_problems(&good().root_causes, PEOPLE),
        vec![],
        "causes about missing confirmations and protections blame nobody"
    );
}

// Task 4: Report every problem
#[test]
fn every_problem_is_reported_sections_then_blame_then_action_items() {
    let pm = Postmortem {
        impact: String::new(),
        timeline: vec![],
        root_causes: causes(&["human error by alice"]),
        action_items: vec![item(None, None)],
    };
    assert_eq!(
        check(&pm, PEOPLE),
        vec![
            Problem::NoImpact,
            Problem::NoTimeline,
            Problem::NamesPerson(0, "alice".to_string()),
            Problem::BlamefulPhrase(0, "human error"),
            Problem::NoOwner(0),
            Problem::NoDueDate(0),
        ],
        "every problem at once, not only the first: sections, then blame, then action items"
    );
}

#[test]
fn a_good_postmortem_has_no_problem() {
    assert_eq!(
        check(&good(), PEOPLE),
        vec![],
        "complete and blameless: ready to share"
    );
}

#[test]
fn problems_describe_themselves() {
    let cases = [
        (Problem::NoImpact, "impact"),
        (Problem::NoTimeline, "timeline"),
        (Problem::NoRootCause, "root cause"),
        (Problem::NoActionItems, "action items"),
        (Problem::NoOwner(3), "3"),
        (Problem::NoDueDate(4), "4"),
        (Problem::NamesPerson(5, "bob".to_string()), "bob"),
        (Problem::BlamefulPhrase(6, "careless"), "careless"),
    ];
    for (problem, expected) in cases {
        let text = problem.to_string();
        assert!(
            text.contains(expected),
            "{problem:?} should say {expected:?}, got {text:?}"
        );
    }
}

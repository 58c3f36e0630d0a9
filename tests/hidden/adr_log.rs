use adr_log::{audit, follow, in_force, Adr, ChainError, Problem, Status};

fn adr(number: u32, topic: &str, status: Status, superseded_by: Option<u32>) -> Adr {
    Adr {
        number,
        topic: topic.to_string(),
        status,
        superseded_by,
    }
}

/// A healthy log: orders-db went PostgreSQL → Aurora → Spanner; deploy is decided; events
/// is only proposed; feature-flags was retired.
fn healthy() -> Vec<Adr> {
    vec![
        adr(1, "orders-db", Status::Superseded, Some(4)),
        adr(2, "deploy", Status::Accepted, None),
        adr(3, "events", Status::Proposed, None),
        adr(4, "orders-db", Status::Superseded, Some(6)),
        adr(5, "feature-flags", Status::Deprecated, None),
        adr(6, "orders-db", Status::Accepted, None),
    ]
}

/// The doc's broken log of task 3.
fn broken() -> Vec<Adr> {
    vec![
        adr(7, "cache", Status::Superseded, None),
        adr(8, "queue", Status::Superseded, Some(9)),
        adr(9, "queue", Status::Superseded, Some(8)),
        adr(10, "auth", Status::Accepted, Some(12)),
    ]
}

// Task 1: Follow a supersede chain to its end
#[test]
fn a_chain_ends_at_the_record_nothing_supersedes() {
    assert_eq!(
        follow(&healthy(), 1),
        Ok(6),
        "1 is superseded by 4 and 4 by 6: the chain from 1 ends at 6"
    );
    assert_eq!(
        follow(&healthy(), 4),
        Ok(6),
        "from the middle of the chain, the same end"
    );
}

#[test]
fn a_record_without_a_link_is_its_own_end() {
    assert_eq!(
        follow(&healthy(), 2),
        Ok(2),
        "nothing supersedes 2: it ends its own chain"
    );
    assert_eq!(
        follow(&healthy(), 5),
        Ok(5),
        "a deprecated record without a link ends its chain too (the status is not followed)"
    );
}

#[test]
fn a_start_not_in_the_log_is_unknown() {
    assert_eq!(
        follow(&healthy(), 42),
        Err(ChainError::Unknown(42)),
        "there is no ADR 42 to start from"
    );
}

#[test]
fn a_link_to_a_missing_record_is_dangling_and_names_the_record_with_the_link() {
    let log = [
        adr(20, "t", Status::Superseded, Some(21)),
        adr(21, "t", Status::Superseded, Some(99)),
    ];
    assert_eq!(
        follow(&log, 20),
        Err(ChainError::Dangling { from: 21, to: 99 }),
        "20 → 21 is fine; 21 links to 99, which nobody wrote: the break is at 21"
    );
}

#[test]
fn two_records_superseding_each_other_are_one_cycle_from_either_end() {
    assert_eq!(
        follow(&broken(), 8),
        Err(ChainError::Cycle(vec![8, 9])),
        "8 → 9 → 8 is a loop, listed from its lowest number"
    );
    assert_eq!(
        follow(&broken(), 9),
        Err(ChainError::Cycle(vec![8, 9])),
        "from 9 the walk is 9 → 8 → 9: the same loop, still listed from 8"
    );
}

#[test]
fn a_record_superseding_itself_is_a_cycle_of_one() {
    let log = [adr(5, "t", Status::Superseded, Some(5))];
    assert_eq!(
        follow(&log, 5),
        Err(ChainError::Cycle(vec![5])),
        "5 superseded by 5 would be followed forever"
    );
}

#[test]
fn a_walk_into_a_loop_reports_only_the_loop_in_link_order() {
    let log = [
        adr(40, "t", Status::Superseded, Some(32)),
        adr(30, "t", Status::Superseded, Some(32)),
        adr(32, "t", Status::Superseded, Some(31)),
        adr(31, "t", Status::Superseded, Some(30)),
    ];
    assert_eq!(
        follow(&log, 40),
        Err(ChainError::Cycle(vec![30, 32, 31])),
        "40 leads into the loop 32 → 31 → 30 → 32; 40 is not on it, and the loop is listed \
         in link order from its lowest number: 30, 32, 31"
    );
}

#[test]
fn chain_errors_say_what_is_broken() {
    assert_eq!(
        ChainError::Unknown(42).to_string(),
        "ADR 42 is not in the log",
        "the message of an unknown record"
    );
    assert_eq!(
        ChainError::Dangling { from: 21, to: 99 }.to_string(),
        "ADR 21 is superseded by ADR 99, which is not in the log",
        "the message of a dangling link"
    );
    assert_eq!(
        ChainError::Cycle(vec![8, 9]).to_string(),
        "ADRs supersede each other in a loop: [8, 9]",
        "the message of a loop"
    );
}

// Task 2: Find the decision in force for a topic
#[test]
fn the_decision_in_force_is_the_end_of_the_topics_chain() {
    assert_eq!(
        in_force(&healthy(), "orders-db"),
        Ok(Some(6)),
        "orders-db went 1 → 4 → 6, and 6 is accepted"
    );
    assert_eq!(
        in_force(&healthy(), "deploy"),
        Ok(Some(2)),
        "deploy has one accepted record, 2"
    );
}

#[test]
fn the_chain_starts_at_the_topics_lowest_numbered_record() {
    let log = [
        adr(5, "cache", Status::Deprecated, None),
        adr(3, "cache", Status::Superseded, Some(7)),
        adr(7, "cache", Status::Accepted, None),
    ];
    assert_eq!(
        in_force(&log, "cache"),
        Ok(Some(7)),
        "the first decision on cache is 3 (not 5, which comes first in the file): 3 → 7"
    );
}

#[test]
fn a_proposal_is_not_in_force_yet() {
    assert_eq!(
        in_force(&healthy(), "events"),
        Ok(None),
        "events has only a proposed record: nothing is decided"
    );
    let log = [
        adr(1, "cache", Status::Superseded, Some(2)),
        adr(2, "cache", Status::Proposed, None),
    ];
    assert_eq!(
        in_force(&log, "cache"),
        Ok(None),
        "a chain that ends in a proposal ends in nothing decided"
    );
}

#[test]
fn a_deprecated_decision_is_not_in_force() {
    assert_eq!(
        in_force(&healthy(), "feature-flags"),
        Ok(None),
        "feature-flags was retired without a replacement"
    );
    let log = [
        adr(1, "cache", Status::Superseded, Some(2)),
        adr(2, "cache", Status::Deprecated, None),
    ];
    assert_eq!(
        in_force(&log, "cache"),
        Ok(None),
        "superseded by a record that was later deprecated: nothing is in force"
    );
}

#[test]
fn a_topic_without_records_has_no_decision() {
    assert_eq!(
        in_force(&healthy(), "observability"),
        Ok(None),
        "nobody has decided anything about observability"
    );
}

#[test]
fn a_broken_chain_is_its_error() {
    assert_eq!(
        in_force(&broken(), "queue"),
        Err(ChainError::Cycle(vec![8, 9])),
        "queue's chain loops: there is no answer to give, only the loop"
    );
    assert_eq!(
        in_force(&broken(), "auth"),
        Err(ChainError::Dangling { from: 10, to: 12 }),
        "auth's chain points at a record that does not exist"
    );
}

// Task 3: Audit the log
#[test]
fn the_doc_example_has_four_problems_in_record_order() {
    assert_eq!(
        audit(&broken()),
        vec![
            Problem::NoSuccessor(7),
            Problem::Cycle(vec![8, 9]),
            Problem::NotMarkedSuperseded(10),
            Problem::Dangling { from: 10, to: 12 },
        ],
        "7 is superseded by nothing; 8 and 9 are one loop, reported once; 10 is accepted but \
         links on, to a record that does not exist"
    );
}

#[test]
fn a_healthy_log_has_no_problems() {
    assert_eq!(
        audit(&healthy()),
        vec![],
        "every superseded record links to an existing one, and nothing else links"
    );
}

#[test]
fn a_deprecated_record_with_a_link_is_not_marked_superseded() {
    let log = [
        adr(1, "t", Status::Deprecated, Some(2)),
        adr(2, "t", Status::Accepted, None),
        adr(3, "u", Status::Proposed, Some(2)),
    ];
    assert_eq!(
        audit(&log),
        vec![
            Problem::NotMarkedSuperseded(1),
            Problem::NotMarkedSuperseded(3)
        ],
        "a link means superseded: a deprecated or proposed record with one is inconsistent"
    );
}

#[test]
fn a_record_leading_into_a_loop_does_not_report_it_again() {
    let log = [
        adr(11, "queue", Status::Superseded, Some(8)),
        adr(8, "queue", Status::Superseded, Some(9)),
        adr(9, "queue", Status::Superseded, Some(8)),
    ];
    assert_eq!(
        audit(&log),
        vec![Problem::Cycle(vec![8, 9])],
        "11 is the first record to find the loop 8 → 9; 8 and 9 find the same one"
    );
}

#[test]
fn a_dangling_link_is_reported_by_the_record_that_has_it() {
    let log = [
        adr(20, "t", Status::Superseded, Some(21)),
        adr(21, "t", Status::Superseded, Some(99)),
    ];
    assert_eq!(
        audit(&log),
        vec![Problem::Dangling { from: 21, to: 99 }],
        "only 21's link is broken; 20's chain runs into it but 20 links to a real record"
    );
}

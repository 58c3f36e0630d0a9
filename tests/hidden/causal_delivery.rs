use causal_delivery::{compare, Message, Order, Process};

fn msg(sender: usize, clock: &[u64], body: &str) -> Message {
    Message {
        sender,
        clock: clock.to_vec(),
        body: body.to_string(),
    }
}

fn bodies(messages: &[Message]) -> Vec<&str> {
    messages.iter().map(|m| m.body.as_str()).collect()
}

// Task 1: Compare two vector clocks
#[test]
fn a_clock_below_in_every_entry_happened_before() {
    assert_eq!(
        compare(&[1, 2, 0], &[1, 3, 0]),
        Order::Before,
        "[1, 2, 0] ≤ [1, 3, 0] entry by entry and they differ: happened before"
    );
    assert_eq!(
        compare(&[1, 3, 0], &[1, 2, 0]),
        Order::After,
        "[1, 3, 0] is the mirror: happened after"
    );
    assert_eq!(
        compare(&[0, 0, 0], &[2, 1, 4]),
        Order::Before,
        "the empty history happened before everything"
    );
}

#[test]
fn equal_clocks_are_equal() {
    assert_eq!(
        compare(&[2, 1, 4], &[2, 1, 4]),
        Order::Equal,
        "the same clock is neither before nor after itself"
    );
}

#[test]
fn clocks_that_each_know_something_new_are_concurrent() {
    assert_eq!(
        compare(&[2, 0], &[1, 1]),
        Order::Concurrent,
        "[2, 0] is ahead in entry 0, [1, 1] in entry 1: neither happened before the other"
    );
    assert_eq!(
        compare(&[1, 1], &[2, 0]),
        Order::Concurrent,
        "concurrency is symmetric"
    );
    assert_eq!(
        compare(&[0, 5, 3], &[1, 5, 2]),
        Order::Concurrent,
        "one entry ahead on each side is enough to be concurrent, whatever the others are"
    );
    assert_eq!(
        compare(&[1, 0, 0], &[0, 2, 2]),
        Order::Concurrent,
        "[0, 2, 2] has seen more messages in all, but not message 1 of process 0: concurrent, \
         not after"
    );
}

// Task 2: Stamp a message when it is sent
#[test]
fn sending_counts_the_message_in_the_own_entry() {
    let mut p = Process::new(1, 3);
    let first = p.send("hello");
    assert_eq!(
        first,
        msg(1, &[0, 1, 0], "hello"),
        "process 1's first message is numbered 1 in entry 1 and depends on nothing"
    );
    let second = p.send("again");
    assert_eq!(
        second.clock,
        vec![0, 2, 0],
        "the second message of process 1 is numbered 2"
    );
    assert_eq!(
        p.clock(),
        &[0, 2, 0],
        "the process's own clock counts both messages"
    );
}

#[test]
fn a_message_carries_what_its_sender_had_delivered() {
    let mut p = Process::with_clock(1, &[2, 0, 0]);
    assert_eq!(
        p.send("reply").clock,
        vec![2, 1, 0],
        "process 1 had delivered 2 messages of process 0: its message depends on them"
    );
}

// Task 3: Decide whether a message can be delivered
#[test]
fn the_next_message_with_its_dependencies_delivered_can_be_delivered() {
    let p = Process::with_clock(2, &[1, 0, 0]);
    assert!(
        p.deliverable(&msg(1, &[1, 1, 0], "reply")),
        "the first message of process 1 depends only on message 1 of process 0, delivered here"
    );
    assert!(
        p.deliverable(&msg(0, &[2, 0, 0], "more")),
        "message 2 of process 0 comes right after message 1, delivered here"
    );
}

#[test]
fn a_message_whose_dependency_is_missing_waits() {
    let p = Process::with_clock(2, &[1, 0, 0]);
    assert!(
        !p.deliverable(&msg(1, &[2, 1, 0], "reply")),
        "this message depends on message 2 of process 0, which has not been delivered here"
    );
}

#[test]
fn a_message_that_skips_one_from_its_sender_waits() {
    let p = Process::with_clock(2, &[1, 0, 0]);
    assert!(
        !p.deliverable(&msg(0, &[3, 0, 0], "third")),
        "message 3 of process 0 cannot come before message 2"
    );
}

#[test]
fn a_message_delivered_already_cannot_be_delivered_again() {
    let p = Process::with_clock(2, &[1, 0, 0]);
    assert!(
        !p.deliverable(&msg(0, &[1, 0, 0], "first")),
        "message 1 of process 0 has been delivered here already"
    );
}

// Task 4: Buffer messages and deliver them in causal order
#[test]
fn a_reply_waits_for_the_message_it_answers() {
    let mut alice = Process::new(0, 3);
    let mut bob = Process::new(1, 3);
    let mut carol = Process::new(2, 3);
    let question = alice.send("lost my keys");
    assert_eq!(bodies(&bob.receive(question.clone())), vec!["lost my keys"]);
    let answer = bob.send("in the kitchen");
    assert_eq!(
        carol.receive(answer),
        vec![],
        "Carol gets the answer before the question: it must wait in the buffer"
    );
    assert_eq!(carol.buffered().len(), 1, "the answer is buffered");
    assert_eq!(
        bodies(&carol.receive(question)),
        vec!["lost my keys", "in the kitchen"],
        "the question arrives: it is delivered, and then the answer that waited for it"
    );
    assert_eq!(carol.clock(), &[1, 1, 0], "Carol has delivered one of each");
    assert!(carol.buffered().is_empty(), "nothing is left waiting");
}

#[test]
fn messages_from_one_sender_are_delivered_in_the_order_sent() {
    let mut p = Process::new(2, 3);
    assert_eq!(p.receive(msg(0, &[3, 0, 0], "third")), vec![]);
    assert_eq!(p.receive(msg(0, &[2, 0, 0], "second")), vec![]);
    assert_eq!(
        bodies(&p.receive(msg(0, &[1, 0, 0], "first"))),
        vec!["first", "second", "third"],
        "the first message unblocks the second, which unblocks the third"
    );
}

#[test]
fn concurrent_messages_are_delivered_lowest_sender_first_whatever_their_arrival() {
    let base = msg(2, &[0, 0, 1, 0], "base");
    let from_0 = msg(0, &[1, 0, 1, 0], "from 0");
    let from_1 = msg(1, &[0, 1, 1, 0], "from 1");
    for arrival in [
        [from_0.clone(), from_1.clone()],
        [from_1.clone(), from_0.clone()],
    ] {
        let mut p = Process::new(3, 4);
        for m in arrival {
            assert_eq!(
                p.receive(m),
                vec![],
                "both depend on the base message: they wait"
            );
        }
        assert_eq!(
            bodies(&p.receive(base.clone())),
            vec!["base", "from 0", "from 1"],
            "after the base, the two concurrent messages can both be delivered: the one from \
             the lower sender comes first, whichever arrived first"
        );
    }
}

#[test]
fn a_message_in_order_is_delivered_at_once() {
    let mut p = Process::new(1, 2);
    let delivered = p.receive(msg(0, &[1, 0], "hi"));
    assert_eq!(
        delivered,
        vec![msg(0, &[1, 0], "hi")],
        "a message whose dependencies are met is delivered on arrival, unchanged"
    );
    assert_eq!(
        p.clock(),
        &[1, 0],
        "delivering it counts it in the sender's entry"
    );
}

#[test]
fn duplicates_are_ignored_delivered_or_waiting() {
    let mut p = Process::new(2, 3);
    let first = msg(0, &[1, 0, 0], "first");
    let second = msg(0, &[2, 0, 0], "second");
    assert_eq!(p.receive(first.clone()).len(), 1);
    assert_eq!(
        p.receive(first),
        vec![],
        "a message delivered already is not delivered again"
    );
    let later = msg(0, &[3, 0, 0], "third");
    assert_eq!(p.receive(later.clone()), vec![]);
    assert_eq!(
        p.receive(later),
        vec![],
        "a second copy of a waiting message is ignored"
    );
    assert_eq!(p.buffered().len(), 1, "only one copy waits in the buffer");
    assert_eq!(
        bodies(&p.receive(second)),
        vec!["second", "third"],
        "each message is delivered exactly once"
    );
    assert_eq!(p.clock(), &[3, 0, 0]);
}

#[test]
fn own_messages_coming_back_are_not_delivered_again() {
    let mut p = Process::new(0, 2);
    let mine = p.send("mine");
    assert_eq!(
        p.receive(mine),
        vec![],
        "a process counts its own message when it sends it: the copy the network brings back \
         is a duplicate"
    );
    assert_eq!(p.clock(), &[1, 0]);
}

#[test]
fn a_message_waiting_on_two_senders_needs_both() {
    let mut p = Process::new(3, 4);
    let needs_both = msg(2, &[1, 1, 1, 0], "summary");
    assert_eq!(p.receive(needs_both), vec![]);
    assert_eq!(
        bodies(&p.receive(msg(0, &[1, 0, 0, 0], "a"))),
        vec!["a"],
        "the summary also depends on message 1 of process 1: it keeps waiting"
    );
    assert_eq!(
        bodies(&p.receive(msg(1, &[0, 1, 0, 0], "b"))),
        vec!["b", "summary"],
        "with both dependencies delivered, the summary follows"
    );
}

use load_shedding::{
    Decision, Limits, LimitsError, LoadShedder, Priority, Request, Shed, ShedReason,
};

use Priority::{BestEffort, Critical, Normal};

const LIMITS: Limits = Limits {
    best_effort: 2,
    normal: 4,
    critical: 6,
};

fn req(id: u64, priority: Priority) -> Request {
    Request { id, priority }
}

fn shedder() -> LoadShedder {
    LoadShedder::new(LIMITS).expect("limits 2 / 4 / 6 are valid")
}

/// Offers every request and checks that each one is admitted without dropping anything.
fn fill(shedder: &mut LoadShedder, requests: &[Request]) {
    for &request in requests {
        let depth = shedder.depth();
        assert_eq!(
            shedder.offer(request),
            Decision::Admitted,
            "request {} ({:?}) arrives at depth {depth}, below its limit: it is simply admitted",
            request.id,
            request.priority,
        );
    }
}

fn served_ids(shedder: &mut LoadShedder) -> Vec<u64> {
    std::iter::from_fn(|| shedder.serve())
        .map(|r| r.id)
        .collect()
}

// Task 1: Give each priority its queue-depth limit
#[test]
fn each_priority_has_its_own_depth_limit() {
    assert_eq!(
        LIMITS.limit_for(BestEffort),
        2,
        "best-effort work uses the best_effort limit"
    );
    assert_eq!(
        LIMITS.limit_for(Normal),
        4,
        "normal work uses the normal limit"
    );
    assert_eq!(
        LIMITS.limit_for(Critical),
        6,
        "critical work uses the critical limit (the capacity)"
    );
}

#[test]
fn a_queue_with_no_capacity_is_refused() {
    let none = Limits {
        best_effort: 0,
        normal: 0,
        critical: 0,
    };
    assert_eq!(
        LoadShedder::new(none).err(),
        Some(LimitsError::ZeroCapacity),
        "a critical limit of 0 means even critical work could never be queued"
    );
}

#[test]
fn limits_that_favour_less_important_work_are_refused() {
    let best_effort_above_normal = Limits {
        best_effort: 3,
        normal: 2,
        critical: 5,
    };
    assert_eq!(
        LoadShedder::new(best_effort_above_normal).err(),
        Some(LimitsError::NotOrdered),
        "best-effort work must never be allowed deeper into the queue than normal work"
    );
    let normal_above_critical = Limits {
        best_effort: 1,
        normal: 5,
        critical: 4,
    };
    assert_eq!(
        LoadShedder::new(normal_above_critical).err(),
        Some(LimitsError::NotOrdered),
        "normal work must never be allowed deeper into the queue than critical work"
    );
    let all_equal = Limits {
        best_effort: 3,
        normal: 3,
        critical: 3,
    };
    assert!(
        LoadShedder::new(all_equal).is_ok(),
        "equal limits are allowed: the queue then sheds only by dropping less important work"
    );
}

#[test]
fn a_limit_error_reads_as_its_cause() {
    assert_ne!(
        LimitsError::ZeroCapacity.to_string(),
        LimitsError::NotOrdered.to_string(),
        "the two errors read differently"
    );
    assert!(
        LimitsError::ZeroCapacity.to_string().contains('0'),
        "a zero capacity says so"
    );
}

// Task 2: Admit below the limit, and log every rejection
#[test]
fn best_effort_is_rejected_once_the_depth_reaches_its_limit() {
    let mut s = shedder();
    fill(&mut s, &[req(1, BestEffort), req(2, BestEffort)]);
    assert_eq!(
        s.offer(req(3, BestEffort)),
        Decision::Rejected,
        "at depth 2 the best-effort limit of 2 is reached: best-effort work is turned away"
    );
    assert_eq!(s.depth(), 2, "a rejected request must not join the queue");
}

#[test]
fn more_important_work_is_still_admitted_above_a_lower_limit() {
    let mut s = shedder();
    fill(&mut s, &[req(1, BestEffort), req(2, BestEffort)]);
    fill(&mut s, &[req(3, Normal), req(4, Normal)]);
    fill(&mut s, &[req(5, Critical), req(6, Critical)]);
    assert_eq!(
        s.depth(),
        6,
        "six requests were admitted, one under each limit in turn"
    );
    assert!(
        s.shed().is_empty(),
        "nothing was shed while every request was under its limit"
    );
}

#[test]
fn a_rejection_is_logged_with_its_reason() {
    let mut s = shedder();
    fill(&mut s, &[req(1, Normal), req(2, Normal)]);
    assert_eq!(
        s.offer(req(3, BestEffort)),
        Decision::Rejected,
        "at depth 2 best-effort work is over its limit of 2"
    );
    assert_eq!(
        s.shed(),
        &[Shed {
            request: req(3, BestEffort),
            reason: ShedReason::Rejected
        }],
        "the rejected request is in the shed log, as Rejected"
    );
    assert_eq!(
        s.shed_count(BestEffort),
        1,
        "and it counts as one best-effort request shed"
    );
}

#[test]
fn critical_work_is_admitted_up_to_the_capacity_and_no_further() {
    let mut s = shedder();
    fill(
        &mut s,
        &[
            req(1, Critical),
            req(2, Critical),
            req(3, Critical),
            req(4, Critical),
            req(5, Critical),
            req(6, Critical),
        ],
    );
    assert_eq!(
        s.offer(req(7, Critical)),
        Decision::Rejected,
        "at depth 6, the capacity, a 7th critical request is rejected: nothing below it to drop"
    );
    assert_eq!(s.depth(), 6, "the queue never holds more than its capacity");
}

#[test]
fn serve_takes_the_most_important_and_oldest_request_first() {
    let mut s = shedder();
    fill(
        &mut s,
        &[
            req(1, BestEffort),
            req(2, Normal),
            req(3, Critical),
            req(4, Normal),
        ],
    );
    fill(&mut s, &[req(5, Critical)]);
    assert_eq!(
        served_ids(&mut s),
        vec![3, 5, 2, 4, 1],
        "critical work is served first, then normal, then best-effort; oldest first within each"
    );
    assert_eq!(s.depth(), 0, "serving everything empties the queue");
}

#[test]
fn serving_makes_room_for_work_that_was_over_its_limit() {
    let mut s = shedder();
    fill(&mut s, &[req(1, Normal), req(2, Normal)]);
    assert_eq!(
        s.offer(req(3, BestEffort)),
        Decision::Rejected,
        "at depth 2 best-effort work is over its limit"
    );
    s.serve();
    assert_eq!(
        s.offer(req(4, BestEffort)),
        Decision::Admitted,
        "after one request is served the depth is 1, below the best-effort limit again"
    );
}

// Task 3: Make room by dropping the request that would be served last
#[test]
fn over_its_limit_a_request_drops_the_newest_of_the_lowest_queued_priority() {
    let mut s = shedder();
    fill(
        &mut s,
        &[
            req(1, BestEffort),
            req(2, BestEffort),
            req(3, Normal),
            req(4, Normal),
        ],
    );
    assert_eq!(
        s.offer(req(5, Normal)),
        Decision::AdmittedByDropping {
            dropped: req(2, BestEffort)
        },
        "at depth 4 the normal limit is reached; the queued request served last is the newest \
         best-effort one (id 2), so it is dropped to make room"
    );
    assert_eq!(
        s.depth(),
        4,
        "dropping one and admitting one keeps the depth at 4"
    );
    assert_eq!(
        served_ids(&mut s),
        vec![3, 4, 5, 1],
        "the dropped request is gone and the new one is queued behind the other normal work"
    );
}

#[test]
fn equal_priority_work_is_never_dropped_to_make_room() {
    let mut s = shedder();
    fill(
        &mut s,
        &[
            req(1, Normal),
            req(2, Normal),
            req(3, Normal),
            req(4, Normal),
        ],
    );
    assert_eq!(
        s.offer(req(5, Normal)),
        Decision::Rejected,
        "a normal request over the normal limit may only displace less important work, and \
         only normal work is queued"
    );
    assert_eq!(
        s.shed(),
        &[Shed {
            request: req(5, Normal),
            reason: ShedReason::Rejected
        }],
        "the newcomer is the one shed, rejected at the door; queued work keeps its place"
    );
    assert_eq!(
        served_ids(&mut s),
        vec![1, 2, 3, 4],
        "the queue is untouched"
    );
}

#[test]
fn critical_work_drops_best_effort_before_normal_work() {
    let mut s = shedder();
    fill(
        &mut s,
        &[
            req(1, Normal),
            req(2, BestEffort),
            req(3, Normal),
            req(4, Critical),
        ],
    );
    fill(&mut s, &[req(5, Critical), req(6, Critical)]);
    assert_eq!(
        s.offer(req(7, Critical)),
        Decision::AdmittedByDropping {
            dropped: req(2, BestEffort)
        },
        "the queue is at capacity: the least important queued work (best-effort id 2) goes first"
    );
    assert_eq!(
        s.offer(req(8, Critical)),
        Decision::AdmittedByDropping {
            dropped: req(3, Normal)
        },
        "with no best-effort work left, the newest normal request (id 3) is dropped next"
    );
    assert_eq!(
        s.offer(req(9, Critical)),
        Decision::AdmittedByDropping {
            dropped: req(1, Normal)
        },
        "then the remaining normal request (id 1)"
    );
    assert_eq!(
        s.offer(req(10, Critical)),
        Decision::Rejected,
        "a queue full of critical work has nothing less important to drop: the newcomer is rejected"
    );
    assert_eq!(s.depth(), 6, "the depth never goes above the capacity of 6");
}

#[test]
fn the_shed_log_records_rejections_and_drops_in_order() {
    let mut s = shedder();
    fill(&mut s, &[req(1, BestEffort), req(2, BestEffort)]);
    s.offer(req(3, BestEffort));
    fill(&mut s, &[req(4, Normal), req(5, Normal)]);
    s.offer(req(6, Normal));
    s.offer(req(7, BestEffort));
    assert_eq!(
        s.shed(),
        &[
            Shed {
                request: req(3, BestEffort),
                reason: ShedReason::Rejected
            },
            Shed {
                request: req(2, BestEffort),
                reason: ShedReason::Dropped
            },
            Shed {
                request: req(7, BestEffort),
                reason: ShedReason::Rejected
            },
        ],
        "the log lists every shed request in the order it was shed, with how it was shed"
    );
}

#[test]
fn shed_counts_include_rejected_and_dropped_requests() {
    let mut s = shedder();
    fill(&mut s, &[req(1, BestEffort), req(2, BestEffort)]);
    s.offer(req(3, BestEffort));
    fill(&mut s, &[req(4, Normal), req(5, Normal)]);
    s.offer(req(6, Normal));
    s.offer(req(7, Normal));
    s.offer(req(8, Normal));
    assert_eq!(
        s.shed_count(BestEffort),
        3,
        "one best-effort request was rejected and two were dropped for normal work"
    );
    assert_eq!(
        s.shed_count(Normal),
        1,
        "the last normal request found nothing to drop"
    );
    assert_eq!(
        s.shed_count(Critical),
        0,
        "no critical work was offered, so none was shed"
    );
}

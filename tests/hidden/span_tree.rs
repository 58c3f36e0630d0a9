use span_tree::{checkout, critical_path, hotspot, self_time_ms, Span};

fn span(id: u32, parent: Option<u32>, start_ms: u64, end_ms: u64) -> Span {
    Span {
        id,
        parent,
        start_ms,
        end_ms,
    }
}

// Task 1: Compute a span's self time
#[test]
fn overlapping_children_are_subtracted_once() {
    assert_eq!(
        self_time_ms(&checkout(), 1),
        Some(15),
        "the root's children cover 5..25, 20..50 (overlapping: 5..50 is 45 ms), 60..95 and \
         90..100 once clipped (60..100 is 40 ms): 100 − 85 = 15 ms of self time"
    );
}

#[test]
fn a_leaf_spends_its_whole_duration_on_its_own() {
    let spans = checkout();
    assert_eq!(
        self_time_ms(&spans, 5),
        Some(25),
        "the bank call (65..90) has no children: all 25 ms are its own"
    );
    assert_eq!(
        self_time_ms(&spans, 3),
        Some(30),
        "the cart call (20..50) has no children: 30 ms"
    );
    assert_eq!(
        self_time_ms(&spans, 4),
        Some(10),
        "the payment call (60..95) waited 25 ms for the bank: 10 ms of its own"
    );
}

#[test]
fn only_direct_children_count() {
    let spans = [
        span(1, None, 0, 100),
        span(2, Some(1), 0, 10),
        span(3, Some(2), 50, 60),
    ];
    assert_eq!(
        self_time_ms(&spans, 1),
        Some(90),
        "span 3 (50..60) is a grandchild of the root, called from span 2: the root waited only \
         for its own child (0..10), so it has 90 ms of self time"
    );
}

#[test]
fn a_child_reaching_outside_its_parent_is_clipped() {
    let spans = [
        span(1, None, 10, 50),
        span(2, Some(1), 40, 80),
        span(3, Some(1), 0, 20),
    ];
    assert_eq!(
        self_time_ms(&spans, 1),
        Some(20),
        "within the root's 10..50, the child 40..80 covers 40..50 and the child 0..20 (clock \
         skew) covers 10..20: 40 − 10 − 10 = 20 ms"
    );
}

#[test]
fn a_child_entirely_outside_its_parent_takes_nothing_away() {
    let spans = [span(1, None, 0, 100), span(2, Some(1), 120, 150)];
    assert_eq!(
        self_time_ms(&spans, 1),
        Some(100),
        "a fire-and-forget child that started after the root ended does not reduce the root's \
         100 ms"
    );
}

#[test]
fn contained_and_touching_children_are_merged() {
    let contained = [
        span(1, None, 0, 100),
        span(2, Some(1), 10, 90),
        span(3, Some(1), 20, 30),
    ];
    assert_eq!(
        self_time_ms(&contained, 1),
        Some(20),
        "20..30 lies inside 10..90: together they cover 80 ms, not 90"
    );
    let touching = [
        span(1, None, 0, 100),
        span(3, Some(1), 20, 30),
        span(2, Some(1), 10, 20),
    ];
    assert_eq!(
        self_time_ms(&touching, 1),
        Some(80),
        "10..20 and 20..30 (listed out of order) cover 20 ms together"
    );
}

#[test]
fn an_unknown_span_has_no_self_time() {
    assert_eq!(
        self_time_ms(&checkout(), 9),
        None,
        "there is no span 9 in the checkout trace"
    );
    assert_eq!(
        self_time_ms(&[span(1, None, 7, 7)], 1),
        Some(0),
        "a span that took no time has 0 ms of self time"
    );
}

// Task 2: Follow the critical path
#[test]
fn the_critical_path_follows_the_child_that_ends_last() {
    assert_eq!(
        critical_path(&checkout()),
        vec![1, 4, 5],
        "the root waited last for the payment call (ends at 95; audit ends after the root), \
         and the payment call for the bank"
    );
    let spans = [
        span(1, None, 0, 100),
        span(2, Some(1), 0, 70),
        span(3, Some(1), 60, 90),
    ];
    assert_eq!(
        critical_path(&spans),
        vec![1, 3],
        "span 2 is the longest child (70 ms) but span 3 ends last (at 90): the root was \
         waiting for span 3"
    );
}

#[test]
fn a_child_outliving_its_parent_is_not_on_the_path() {
    let spans = [
        span(1, None, 0, 100),
        span(2, Some(1), 0, 100),
        span(3, Some(1), 50, 120),
    ];
    assert_eq!(
        critical_path(&spans),
        vec![1, 2],
        "span 3 ends at 120, after the root: the root did not wait for it. Span 2 ends exactly \
         with the root (100 ≤ 100) and is on the path"
    );
}

#[test]
fn on_a_tie_the_child_listed_first_is_followed() {
    let spans = [
        span(1, None, 0, 100),
        span(7, Some(1), 30, 80),
        span(3, Some(1), 10, 80),
        span(5, Some(1), 20, 60),
    ];
    assert_eq!(
        critical_path(&spans),
        vec![1, 7],
        "spans 7 and 3 both end at 80: the one listed first (7) is followed"
    );
}

#[test]
fn the_path_starts_at_the_root_wherever_it_is_listed() {
    let spans = [
        span(4, Some(2), 30, 40),
        span(2, None, 0, 50),
        span(3, Some(4), 32, 38),
    ];
    assert_eq!(
        critical_path(&spans),
        vec![2, 4, 3],
        "the root is the span without a parent (2), even when it is not listed first"
    );
    assert_eq!(
        critical_path(&[span(1, None, 0, 5)]),
        vec![1],
        "a trace of one span is its own critical path"
    );
    assert!(
        critical_path(&[]).is_empty(),
        "an empty trace has an empty path"
    );
}

// Task 3: Find the hotspot on the critical path
#[test]
fn the_hotspot_is_the_largest_self_time_on_the_path() {
    assert_eq!(
        hotspot(&checkout()),
        Some(5),
        "on the path 1, 4, 5 the self times are 15, 10, 25 ms: the bank call (5). The audit \
         (40 ms) and the cart (30 ms) are slower on their own but off the path: making them \
         faster would not shorten the request"
    );
}

#[test]
fn on_a_tie_the_span_nearest_the_root_is_the_hotspot() {
    let spans = [
        span(1, None, 0, 100),
        span(2, Some(1), 50, 100),
        span(3, Some(2), 50, 50),
    ];
    assert_eq!(
        hotspot(&spans),
        Some(1),
        "the root and span 2 both have 50 ms of self time: the first on the path from the root \
         wins"
    );
}

#[test]
fn an_empty_trace_has_no_hotspot() {
    assert_eq!(hotspot(&[]), None, "no spans, no hotspot");
}

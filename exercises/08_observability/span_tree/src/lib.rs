//! # span_tree: where the time of one request went
//!
//! A trace records one request as a tree of *spans*: the root span is the whole request as the
//! first service saw it, and every call it made (to another service, a database, a queue) is a
//! child span with its own start and end, down to the leaves. Two questions come up in every
//! latency investigation, and a tracing UI (Jaeger, Tempo, Zipkin) answers both:
//!
//! - **self time**: how long a span spent on its own, not waiting for its children;
//! - **critical path**: the chain of spans that the request's end actually waited for.
//!   Speeding up a span off that path (one that ran in parallel with a slower sibling) does not
//!   make the request any faster.
//!
//! Spans are given as a flat list, as a trace backend stores them; each has a unique `id` and
//! the `parent` it was called from. The trace is well formed: exactly one root (no parent),
//! every parent present. Times are milliseconds; a span covers `start_ms..end_ms`.
//!
//! ## Task 1: Compute a span's self time
//!
//! - Self time = the span's duration minus the time covered by *at least one* of its direct
//!   children. Children may overlap (parallel calls): overlapping time counts once.
//! - Only the part of a child inside its parent's interval counts: a fire-and-forget child
//!   that goes on after its parent ended takes nothing more away.
//! - An unknown id gives `None`.
//!
//! Example ([`checkout`]): the root (0..100) has children 5..25, 20..50, 60..95 and 90..130;
//! clipped to 0..100 they cover 5..50 and 60..100, 85 ms in all: its self time is 15 ms.
//!
//! ## Task 2: Follow the critical path
//!
//! - Start at the root. From a span, go on to the child that ends last, among the children that
//!   end no later than the span itself (a child that outlived its parent did not hold it up);
//!   if several end at the same moment, the one listed first. Stop at a span without such a
//!   child.
//! - The path is the list of ids from the root; an empty trace has an empty path.
//!
//! Example: in [`checkout`] the path is `[1, 4, 5]`: the root, the payment call (ends at 95;
//! the audit call ends at 130, after the root) and the bank call inside it.
//!
//! ## Task 3: Find the hotspot on the critical path
//!
//! The hotspot is the span of the critical path with the largest self time (the first one from
//! the root on a tie): shortening it shortens the request. `None` for an empty trace.
//!
//! Example: on the path of [`checkout`] the self times are 15, 10 and 25 ms: the hotspot is the
//! bank call, 5. The cart call (30 ms of self time) ran in parallel and is off the path.
//!
//! ## Beyond this exercise
//!
//! Jaeger's critical-path view goes further: within a parent it also walks back in time
//! (after the last child, the sibling that ended before that child started, and so on), and
//! credits the parent's own gaps in between, so the path is a sequence of segments whose
//! lengths add up to the request's latency. Real traces also have clock skew between hosts
//! (a child seeming to start before its parent), missing spans, and links between traces
//! (a message consumed by another request); OpenTelemetry defines the span model.

/// One timed step of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Unique within the trace.
    pub id: u32,
    /// The span this one was called from; `None` for the root.
    pub parent: Option<u32>,
    /// When it started, in milliseconds.
    pub start_ms: u64,
    /// When it ended, in milliseconds (never before `start_ms`).
    pub end_ms: u64,
}

/// The example trace of the doc: a checkout request.
///
/// ```text
/// 1 GET /checkout  0..100
/// ├─ 2 auth        5..25
/// ├─ 3 cart       20..50
/// ├─ 4 payment    60..95
/// │  └─ 5 bank    65..90
/// └─ 6 audit      90..130   (fire and forget)
/// ```
pub fn checkout() -> Vec<Span> {
    let span = |id, parent, start_ms, end_ms| Span {
        id,
        parent,
        start_ms,
        end_ms,
    };
    vec![
        span(1, None, 0, 100),
        span(2, Some(1), 5, 25),
        span(3, Some(1), 20, 50),
        span(4, Some(1), 60, 95),
        span(5, Some(4), 65, 90),
        span(6, Some(1), 90, 130),
    ]
}

/// The time span `id` spent on its own, in milliseconds; `None` if there is no such span.
pub fn self_time_ms(spans: &[Span], id: u32) -> Option<u64> {
    // TODO: the children's intervals, clipped to the span, sorted and merged; subtract what
    // they cover from the span's duration.
    todo!()
}

/// The ids of the critical path, from the root.
pub fn critical_path(spans: &[Span]) -> Vec<u32> {
    // TODO: from the root, keep following the child that ends last within its parent.
    todo!()
}

/// The span of the critical path with the largest self time (the first on a tie).
pub fn hotspot(spans: &[Span]) -> Option<u32> {
    // TODO: the self times of the spans on the critical path.
    todo!()
}

//! # three_pillars: metrics, logs and traces, told apart by their shape
//!
//! Observability is being able to work out, from what a system emits, which internal state
//! produced what its users saw. What it emits comes in three kinds, the *three pillars*:
//!
//! - a **metric** is a named number sampled over time (`http_requests_total` is 1027): cheap
//!   to keep, easy to add up and to alert on, but it has forgotten the individual requests;
//! - a **log** is one event with a message and its context (`level=error msg="payment
//!   declined" order=42`): the detail of what happened, at the cost of volume;
//! - a **trace** is made of **spans**, one timed step of one request each, tied together by a
//!   trace id shared by every service the request crossed, and a span id of its own.
//!
//! A collector that receives records from many agents must route each one to the right store.
//! (The split follows the OpenTelemetry signals: metrics, logs, traces.)
//!
//! ## Task 1: Route each telemetry record to its pillar
//!
//! Check the rules in this order; the first that holds decides:
//!
//! - a record with a trace id, a span id **and** a duration is a span: [`Pillar::Trace`];
//! - otherwise a record with a message is a log event: [`Pillar::Log`], even if it carries a
//!   trace id (a log line *correlated* with a trace is still a log line) or a value;
//! - otherwise a record with a metric name **and** a value is a sample: [`Pillar::Metric`];
//! - anything else is not telemetry we can store: `None`.
//!
//! Example: `Record { trace_id: Some("4bf9".into()), span_id: Some("00f0".into()),
//! duration_ms: Some(12), ..Default::default() }` is `Some(Pillar::Trace)`; the same record
//! without its duration but with `message: Some("retrying".into())` is `Some(Pillar::Log)`.
//!
//! ## Beyond this exercise
//!
//! Real collectors (the OpenTelemetry Collector, Vector, Fluent Bit) do not guess: each signal
//! arrives on its own protocol endpoint with its own schema. Telling them apart by their shape
//! is what you do when you read one in a raw dump, and the shape is the point: a number to add
//! up, an event to read, a timed step of a request to place in its tree.

/// The three kinds of telemetry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pillar {
    /// A named number sampled over time.
    Metric,
    /// One discrete event with a message.
    Log,
    /// One span: a timed step of one request.
    Trace,
}

/// One record as a collector receives it; every field is optional on the wire.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Record {
    /// A metric name, such as `http_requests_total`.
    pub metric: Option<String>,
    /// A numeric value.
    pub value: Option<i64>,
    /// A human-readable message.
    pub message: Option<String>,
    /// The id shared by every span (and correlated log) of one request.
    pub trace_id: Option<String>,
    /// The id of one span within its trace.
    pub span_id: Option<String>,
    /// How long the step took, in milliseconds.
    pub duration_ms: Option<u64>,
}

/// The pillar a record belongs to, or `None` when it is none of the three.
pub fn pillar(record: &Record) -> Option<Pillar> {
    // TODO: apply the rules of Task 1, in their order.
    todo!()
}

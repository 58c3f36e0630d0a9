use three_pillars::{pillar, Pillar, Record};

fn span() -> Record {
    Record {
        trace_id: Some("4bf92f3577b34da6".into()),
        span_id: Some("00f067aa0ba902b7".into()),
        duration_ms: Some(12),
        ..Default::default()
    }
}

fn sample() -> Record {
    Record {
        metric: Some("http_requests_total".into()),
        value: Some(1027),
        ..Default::default()
    }
}

// Task 1: Route each telemetry record to its pillar
#[test]
fn a_record_with_trace_id_span_id_and_duration_is_a_span() {
    assert_eq!(
        pillar(&span()),
        Some(Pillar::Trace),
        "a trace id, a span id and a duration make a span: one timed step of one request"
    );
    let chatty = Record {
        message: Some("charging card".into()),
        value: Some(3),
        ..span()
    };
    assert_eq!(
        pillar(&chatty),
        Some(Pillar::Trace),
        "a span with a message (an event attached to it) is still a span: the span rule is \
         checked first"
    );
}

#[test]
fn a_span_needs_all_three_of_its_ids_and_duration() {
    let cases = [
        (
            "trace id",
            Record {
                trace_id: None,
                ..span()
            },
        ),
        (
            "span id",
            Record {
                span_id: None,
                ..span()
            },
        ),
        (
            "duration",
            Record {
                duration_ms: None,
                ..span()
            },
        ),
    ];
    for (missing, record) in cases {
        assert_eq!(
            pillar(&record),
            None,
            "without its {missing} a record is not a span (and, with no message and no \
             metric, not telemetry at all)"
        );
    }
}

#[test]
fn a_message_makes_a_log_event_even_when_correlated_with_a_trace() {
    let log = Record {
        message: Some("payment declined".into()),
        ..Default::default()
    };
    assert_eq!(
        pillar(&log),
        Some(Pillar::Log),
        "a message alone is a log event"
    );
    let correlated = Record {
        duration_ms: None,
        message: Some("retrying".into()),
        ..span()
    };
    assert_eq!(
        pillar(&correlated),
        Some(Pillar::Log),
        "a log line carrying a trace id and a span id but no duration is a log event \
         correlated with the trace, not a span"
    );
    let with_number = Record {
        message: Some("queue full".into()),
        ..sample()
    };
    assert_eq!(
        pillar(&with_number),
        Some(Pillar::Log),
        "a log line that carries a metric name and a value is still one event: the log rule \
         comes before the metric rule"
    );
}

#[test]
fn a_metric_name_with_a_value_is_a_metric_sample() {
    assert_eq!(
        pillar(&sample()),
        Some(Pillar::Metric),
        "http_requests_total = 1027 is a named number: a metric sample"
    );
    let zero = Record {
        value: Some(0),
        ..sample()
    };
    assert_eq!(
        pillar(&zero),
        Some(Pillar::Metric),
        "a value of 0 is still a value: the sample is a metric"
    );
}

#[test]
fn a_metric_needs_both_its_name_and_its_value() {
    let nameless = Record {
        metric: None,
        ..sample()
    };
    assert_eq!(
        pillar(&nameless),
        None,
        "a number without a metric name cannot be stored as a time series"
    );
    let valueless = Record {
        value: None,
        ..sample()
    };
    assert_eq!(
        pillar(&valueless),
        None,
        "a metric name without a value is no sample"
    );
}

#[test]
fn an_empty_record_is_not_telemetry() {
    assert_eq!(
        pillar(&Record::default()),
        None,
        "a record with no field set belongs to no pillar"
    );
}

use event_stream::{collate, render, render_value, Event, Level};

fn event(ts_ms: u64, level: Level, msg: &str, fields: &[(&str, &str)]) -> Event {
    Event {
        ts_ms,
        level,
        msg: msg.to_string(),
        fields: fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    }
}

fn info(ts_ms: u64, msg: &str) -> Event {
    event(ts_ms, Level::Info, msg, &[])
}

// Task 1: Write a value bare, or quoted and escaped onto one line
#[test]
fn a_plain_value_is_written_bare() {
    for value in [
        "42",
        "GET",
        "/api/v1/users",
        "a:b,c",
        "ünïcödé",
        "-",
        "10.0.0.7:5432",
    ] {
        assert_eq!(
            render_value(value),
            value,
            "{value:?} has no space, `=`, `\"`, `\\` or control character: written as it is"
        );
    }
}

#[test]
fn spaces_equals_quotes_and_backslashes_force_quotes() {
    for (value, written) in [
        ("user logged in", r#""user logged in""#),
        ("a=b", r#""a=b""#),
        ("=", r#""=""#),
        (r#"a="b""#, r#""a=\"b\"""#),
        (r#"say "hi""#, r#""say \"hi\"""#),
        (r"C:\tmp", r#""C:\\tmp""#),
    ] {
        assert_eq!(
            render_value(value),
            written,
            "{value:?} is quoted, with `\"` written as \\\" and `\\` as \\\\"
        );
    }
}

#[test]
fn the_empty_value_is_written_as_two_quotes() {
    assert_eq!(
        render_value(""),
        r#""""#,
        "an empty value bare would leave `key=` followed by the next field: write \"\""
    );
}

#[test]
fn line_breaks_and_tabs_are_escaped_onto_one_line() {
    let trace = "boom\n  at main\r\n\tat start";
    let written = render_value(trace);
    assert_eq!(
        written, r#""boom\n  at main\r\n\tat start""#,
        "a newline is written as \\n, a carriage return as \\r, a tab as \\t, inside quotes"
    );
    assert!(
        !written.contains('\n') && !written.contains('\r'),
        "a multi-line message must stay one event on one line: {written:?}"
    );
}

#[test]
fn other_control_characters_are_escaped_as_unicode() {
    assert_eq!(
        render_value("\u{1b}[31mred"),
        r#""\u001b[31mred""#,
        "a terminal escape (ESC, a control character) is quoted and written as \\u001b"
    );
    assert_eq!(
        render_value("a\u{0}b\u{7f}\u{85}"),
        r#""a\u0000b\u007f\u0085""#,
        "NUL, DEL and NEL are control characters too, each as \\u and 4 hex digits"
    );
}

// Task 2: Render one event as one line
#[test]
fn the_worked_example_is_one_logfmt_line() {
    let e = event(
        1_700_000_000_123,
        Level::Info,
        "user logged in",
        &[("user", "42")],
    );
    assert_eq!(
        render(&e),
        r#"ts=1700000000123 level=info msg="user logged in" user=42"#,
        "ts, level and msg first, then the fields, separated by single spaces"
    );
}

#[test]
fn fields_keep_their_order_and_their_values_are_escaped() {
    let e = event(
        5,
        Level::Warn,
        "slow",
        &[("zone", "eu west"), ("attempt", "2"), ("note", "")],
    );
    assert_eq!(
        render(&e),
        r#"ts=5 level=warn msg=slow zone="eu west" attempt=2 note="""#,
        "fields come in the order given (not sorted), each value as render_value writes it"
    );
}

#[test]
fn an_event_without_fields_has_three_pairs() {
    assert_eq!(
        render(&event(0, Level::Error, "boom", &[])),
        "ts=0 level=error msg=boom",
        "no fields: just ts, level and msg, with no trailing space"
    );
    assert_eq!(
        render(&event(1, Level::Debug, "x", &[])),
        "ts=1 level=debug msg=x",
        "the level is written in lower case"
    );
}

#[test]
fn a_stack_trace_stays_one_event_on_one_line() {
    let e = event(
        9,
        Level::Error,
        "panicked at 'boom'\n  at main.rs:3",
        &[("trace", "a\nb")],
    );
    let line = render(&e);
    assert_eq!(
        line, r#"ts=9 level=error msg="panicked at 'boom'\n  at main.rs:3" trace="a\nb""#,
        "every newline of the message and of the fields is escaped"
    );
    assert_eq!(line.lines().count(), 1, "one event, one line");
}

// Task 3: Collate the streams of several processes by time
#[test]
fn the_worked_example_interleaves_two_processes_by_time() {
    let streams = [
        ("web.1", vec![info(1000, "a"), info(3000, "c")]),
        ("worker.1", vec![info(2000, "b")]),
    ];
    assert_eq!(
        collate(&streams),
        vec![
            "ts=1000 level=info msg=a proc=web.1",
            "ts=2000 level=info msg=b proc=worker.1",
            "ts=3000 level=info msg=c proc=web.1",
        ],
        "one stream in time order, each line tagged with the process that wrote it"
    );
}

#[test]
fn at_the_same_time_the_process_name_decides() {
    let streams = [
        ("web.1", vec![info(1000, "from web")]),
        ("api.1", vec![info(1000, "from api")]),
    ];
    assert_eq!(
        collate(&streams),
        vec![
            r#"ts=1000 level=info msg="from api" proc=api.1"#,
            r#"ts=1000 level=info msg="from web" proc=web.1"#,
        ],
        "two events at 1000 ms: api.1 comes before web.1, whatever order the streams are in"
    );
}

#[test]
fn one_process_keeps_its_own_order_at_the_same_time() {
    let streams = [(
        "web.1",
        vec![
            info(1000, "first"),
            info(1000, "second"),
            info(1000, "third"),
        ],
    )];
    assert_eq!(
        collate(&streams),
        vec![
            "ts=1000 level=info msg=first proc=web.1",
            "ts=1000 level=info msg=second proc=web.1",
            "ts=1000 level=info msg=third proc=web.1",
        ],
        "events of one process at the same millisecond stay in the order it wrote them"
    );
}

#[test]
fn events_are_ordered_by_time_even_within_a_stream() {
    let streams = [("web.1", vec![info(2000, "late"), info(1000, "early")])];
    assert_eq!(
        collate(&streams),
        vec![
            "ts=1000 level=info msg=early proc=web.1",
            "ts=2000 level=info msg=late proc=web.1",
        ],
        "the collated stream is in time order"
    );
}

#[test]
fn the_proc_field_comes_last_and_is_escaped() {
    let streams = [(
        "web 1",
        vec![event(7, Level::Warn, "slow", &[("ms", "950")])],
    )];
    assert_eq!(
        collate(&streams),
        vec![r#"ts=7 level=warn msg=slow ms=950 proc="web 1""#],
        "proc is added after the event's own fields, and quoted like any value"
    );
    assert_eq!(collate(&[]), Vec::<String>::new(), "no streams, no lines");
}

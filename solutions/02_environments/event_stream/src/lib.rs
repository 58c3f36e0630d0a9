//! # event_stream: logs as a stream of events, one structured event per line
//!
//! A twelve-factor app does not manage log files (factor XI). Each process writes its events,
//! unbuffered, to stdout, one event per line; the execution environment captures the streams of
//! all processes, collates them in time order and routes them to wherever they are kept and
//! searched. "One event per line" is what makes that work: a log router splits on newlines, so
//! a multi-line message (a stack trace, a pasted SQL query) that is written raw becomes several
//! broken events. Writing each event in *logfmt* (`key=value` pairs, values quoted and escaped
//! when needed) keeps every event on one line and every field findable.
//!
//! Output is sans-IO here: lines are returned as `String`s (what would go to stdout), never
//! written to a file.
//!
//! ## Task 1: Write a value bare, or quoted and escaped onto one line
//!
//! [`render_value`]:
//! - a value is written as it is if it is not empty and holds no space, `=`, `"`, `\` and no
//!   control character (`char::is_control`);
//! - otherwise it is written between double quotes, with `"` as `\"`, `\` as `\\`, a newline
//!   as `\n`, a carriage return as `\r`, a tab as `\t`, and any other control character as
//!   `\u` and its code in 4 lowercase hex digits (ESC is `\u001b`), as Go's logfmt encoder and
//!   JSON write them; everything else as it is.
//!
//! Example: `42` → `42`; `user logged in` → `"user logged in"`; `a="b"` → `"a=\"b\""`;
//! the two lines `boom` and `  at main` → `"boom\n  at main"`; the empty value → `""`.
//!
//! ## Task 2: Render one event as one line
//!
//! [`render`] writes `ts=`, `level=` and `msg=` first, then the event's own fields in their
//! order, separated by single spaces, each value as [`render_value`] writes it (the time as its
//! number of milliseconds, the level by [`Level::as_str`]). Keys are written as given.
//!
//! Example: at 1700000000123 ms, level info, message `user logged in`, field `user=42` →
//! `ts=1700000000123 level=info msg="user logged in" user=42`.
//!
//! ## Task 3: Collate the streams of several processes by time
//!
//! [`collate`] merges the events of several processes into one stream, as a log router does:
//! - events ordered by time; at the same time, by process name; from the same process at the
//!   same time, in the order that process wrote them;
//! - each line is the event rendered with one more field at the end, `proc=` and the process
//!   name.
//!
//! Example: `web.1` writes an event at 1000 and one at 3000, `worker.1` one at 2000: the lines
//! come at 1000 (`… proc=web.1`), 2000 (`… proc=worker.1`), 3000 (`… proc=web.1`).
//!
//! ## Beyond this exercise
//!
//! logfmt has no formal grammar. The reference encoder (go-logfmt) differs in details: it
//! writes an empty value bare (`key=`) and does not quote for a lone `\`. Many platforms prefer
//! JSON lines (one JSON object per line, same idea). Collating by timestamps trusts the clocks
//! of every host, and they drift: real routers (Logplex, Fluentd, Vector) keep each stream's
//! own order and stamp events on arrival too. Trace and span IDs in every event (track 08) tie
//! the lines of one request together across processes.

/// How serious an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Detail for developers.
    Debug,
    /// Normal operation.
    Info,
    /// Something unexpected that the service survived.
    Warn,
    /// Something failed.
    Error,
}

impl Level {
    /// The level as written in a line: `debug`, `info`, `warn` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Debug => "debug",
            Level::Info => "info",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }
}

/// One event a process reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When it happened, in milliseconds since the Unix epoch.
    pub ts_ms: u64,
    /// How serious it is.
    pub level: Level,
    /// What happened, possibly on several lines.
    pub msg: String,
    /// Further fields, in the order they are to be written.
    pub fields: Vec<(String, String)>,
}

/// A value as logfmt writes it: bare, or quoted and escaped onto one line (Task 1).
pub fn render_value(value: &str) -> String {
    let needs_quotes = value.is_empty()
        || value
            .chars()
            .any(|c| matches!(c, ' ' | '=' | '"' | '\\') || c.is_control());
    if !needs_quotes {
        return value.to_string();
    }
    let mut quoted = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            // A raw newline would end the event here and start a broken one.
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            // Every control character is below U+10000: four hex digits always suffice.
            c if c.is_control() => quoted.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// One event as one logfmt line (Task 2).
pub fn render(event: &Event) -> String {
    let mut parts = vec![
        format!("ts={}", event.ts_ms),
        format!("level={}", event.level.as_str()),
        format!("msg={}", render_value(&event.msg)),
    ];
    for (key, value) in &event.fields {
        parts.push(format!("{key}={}", render_value(value)));
    }
    parts.join(" ")
}

/// The events of every `(process name, its events)` stream as one time-ordered stream of
/// lines, each with the `proc` field (Task 3).
pub fn collate(streams: &[(&str, Vec<Event>)]) -> Vec<String> {
    let mut all: Vec<(&str, &Event)> = streams
        .iter()
        .flat_map(|(name, events)| events.iter().map(move |event| (*name, event)))
        .collect();
    // `sort_by_key` is stable: events equal in time and process keep the order written.
    all.sort_by_key(|(name, event)| (event.ts_ms, *name));
    all.into_iter()
        .map(|(name, event)| {
            let mut tagged = event.clone();
            tagged.fields.push(("proc".to_string(), name.to_string()));
            render(&tagged)
        })
        .collect()
}

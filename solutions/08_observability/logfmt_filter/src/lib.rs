//! # logfmt_filter: structured log lines, parsed and searched
//!
//! A log line such as `payment declined for order 42` is easy to write and hard to search:
//! every question needs a new regular expression. A *structured* log line is a set of fields a
//! machine can read, one event per line, and grep-able by humans too. *logfmt*, described by
//! Brandur Leach (brandur.org/logfmt, from Heroku's logging; the Go package `kr/logfmt`
//! documents its grammar), writes it as `key=value` pairs:
//!
//! ```text
//! at=2026-12-01T20:03:07Z level=warn msg="payment declined" order=42 dyno=web.2 retry
//! ```
//!
//! ## Task 1: Parse a logfmt line into its fields
//!
//! - Pairs are separated by one or more spaces; spaces at either end are ignored.
//! - A key is a run of characters other than space and `=`; it cannot be empty.
//! - `key=value`: an unquoted value runs up to the next space and may be empty (`key=`) or
//!   contain `=` (`path=/a?b=c` has the value `/a?b=c`).
//! - `key="..."`: a quoted value may hold spaces; inside it `\"` stands for `"`, `\\` for `\`
//!   and `\n` for a newline. Any other escape is [`ParseError::BadEscape`] (at the backslash);
//!   a quote still open at the end of the line is [`ParseError::UnterminatedQuote`] (at the
//!   opening quote). An empty key is [`ParseError::MissingKey`] (where the key should start).
//! - A bare key without `=` is a flag: its value is `"true"`.
//! - Fields keep their order; positions are byte offsets into the line.
//!
//! Example: `level=warn msg="card \"declined\"" retry` parses to `[("level", "warn"),
//! ("msg", "card \"declined\""), ("retry", "true")]`; ` =5` is `MissingKey { at: 1 }`.
//!
//! ## Task 2: Select the lines that match a query
//!
//! A line matches a [`Query`] when:
//!
//! - it parses (Task 1);
//! - its `level` field is a known level at or above `min_level`: [`Level::parse`] (given)
//!   reads `debug`, `info`, `warn` or `warning`, and `error`, in any case, and levels are
//!   ordered `Debug < Info < Warn < Error`;
//! - if the query names a field, that field's value (unescaped; the first one if the key
//!   repeats, as [`first`] finds it) equals the given value exactly.
//!
//! Lines that do not parse, or lack a known level, never match: a search must not fail on one
//! bad line. Matching lines are returned whole, in their order.
//!
//! Example: with `min_level: Warn` and `field: Some(("order", "42"))`, the line at the top of
//! this page matches; `level=info order=42` and `level=error order=43` do not.
//!
//! ## Beyond this exercise
//!
//! logfmt has no formal grammar: parsers differ on unicode in keys, on tabs, on a value that
//! starts quoted and goes on. Loki and Grafana parse it at query time (`| logfmt | level="warn"`);
//! JSON lines are the other common structured format. Real pipelines also attach the trace id
//! to every line so that logs and traces can be joined, and never log secrets in a field.

/// Why a line is not valid logfmt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// A pair starts with `=`: no key (byte offset where the key should start).
    MissingKey {
        /// Byte offset.
        at: usize,
    },
    /// A quoted value is not closed (byte offset of its opening quote).
    UnterminatedQuote {
        /// Byte offset.
        at: usize,
    },
    /// A backslash is followed by something other than `"`, `\` or `n` (its byte offset).
    BadEscape {
        /// Byte offset.
        at: usize,
    },
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::MissingKey { at } => write!(f, "a value without a key at byte {at}"),
            ParseError::UnterminatedQuote { at } => {
                write!(f, "the quote at byte {at} is not closed")
            }
            ParseError::BadEscape { at } => write!(f, "unknown escape at byte {at}"),
        }
    }
}

impl std::error::Error for ParseError {}

/// The fields of one line, in order: `(key, value)`.
pub type Fields = Vec<(String, String)>;

/// The value of the first field named `key`, if any.
pub fn first<'a>(fields: &'a Fields, key: &str) -> Option<&'a str> {
    fields
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Parses one logfmt line.
pub fn parse(line: &str) -> Result<Fields, ParseError> {
    let mut fields = Vec::new();
    let mut chars = line.char_indices().peekable();
    loop {
        while chars.next_if(|&(_, c)| c == ' ').is_some() {}
        let Some(&(start, _)) = chars.peek() else {
            return Ok(fields);
        };
        let mut key = String::new();
        while let Some((_, c)) = chars.next_if(|&(_, c)| c != ' ' && c != '=') {
            key.push(c);
        }
        if key.is_empty() {
            return Err(ParseError::MissingKey { at: start });
        }
        if chars.next_if(|&(_, c)| c == '=').is_none() {
            // A bare key is a flag that is set.
            fields.push((key, "true".to_string()));
            continue;
        }
        let mut value = String::new();
        if let Some((quote, _)) = chars.next_if(|&(_, c)| c == '"') {
            loop {
                match chars.next() {
                    None => return Err(ParseError::UnterminatedQuote { at: quote }),
                    Some((_, '"')) => break,
                    Some((at, '\\')) => match chars.next() {
                        Some((_, '"')) => value.push('"'),
                        Some((_, '\\')) => value.push('\\'),
                        Some((_, 'n')) => value.push('\n'),
                        // A backslash at the very end leaves the quote open.
                        None => return Err(ParseError::UnterminatedQuote { at: quote }),
                        Some(_) => return Err(ParseError::BadEscape { at }),
                    },
                    Some((_, c)) => value.push(c),
                }
            }
        } else {
            while let Some((_, c)) = chars.next_if(|&(_, c)| c != ' ') {
                value.push(c);
            }
        }
        fields.push((key, value));
    }
}

/// How severe an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Detail for developers.
    Debug,
    /// Normal operation.
    Info,
    /// Something unexpected that was handled.
    Warn,
    /// Something failed.
    Error,
}

impl Level {
    /// Reads a level name, in any case; `warning` is `Warn`.
    pub fn parse(name: &str) -> Option<Level> {
        match name.to_ascii_lowercase().as_str() {
            "debug" => Some(Level::Debug),
            "info" => Some(Level::Info),
            "warn" | "warning" => Some(Level::Warn),
            "error" => Some(Level::Error),
            _ => None,
        }
    }
}

/// What to look for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    /// The least severe level that matches.
    pub min_level: Level,
    /// A field that must hold exactly this value: `(key, value)`.
    pub field: Option<(String, String)>,
}

/// The lines that match `query`, whole and in order.
pub fn select<'a>(lines: &[&'a str], query: &Query) -> Vec<&'a str> {
    lines
        .iter()
        .copied()
        .filter(|line| {
            // A line that does not parse is skipped, never an error for the whole search.
            let Ok(fields) = parse(line) else {
                return false;
            };
            let severe = first(&fields, "level")
                .and_then(Level::parse)
                .is_some_and(|level| level >= query.min_level);
            let wanted = match &query.field {
                Some((key, value)) => first(&fields, key) == Some(value.as_str()),
                None => true,
            };
            severe && wanted
        })
        .collect()
}

/*!
info.toml: the ordered list of exercises and their metadata.

The schema is versioned by `format_version`. Every error names the file, the line and the column,
and says what to do, because the person reading it is editing that file right now.
*/

use std::{collections::HashMap, fmt, ops::Range, time::Duration};

use serde::Deserialize;
use toml::Spanned;

/// The only `format_version` this runner reads.
pub const FORMAT_VERSION: u32 = 1;
/// How long student code may run when an exercise does not say.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(10);

/// info.toml as written, with the position of every value that a later check may complain about.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInfo {
    format_version: Spanned<u32>,
    welcome_message: String,
    final_message: String,
    exercises: Vec<RawExercise>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    name: Spanned<String>,
    topic: Spanned<String>,
    hints: Spanned<Vec<String>>,
    time_limit_secs: Option<Spanned<u64>>,
    weight: Option<Spanned<u32>>,
}

/// The checked contents of info.toml.
#[derive(Debug)]
pub struct Info {
    /// Shown once, when a student starts.
    pub welcome_message: String,
    /// Shown when every exercise is done.
    pub final_message: String,
    /// In the order a student works through them.
    pub exercises: Vec<ExerciseInfo>,
}

/// One exercise's entry.
#[derive(Clone, Debug)]
pub struct ExerciseInfo {
    /// The crate's name, unique in the set; also the name of its hidden test file.
    pub name: String,
    /// The topic folder under exercises/, such as `10_resilience`.
    pub topic: String,
    /// Revealed one at a time, each more specific than the last.
    pub hints: Vec<String>,
    /// How long the hidden tests may run before they are stopped.
    pub time_limit: Duration,
    /// Points in a grade.
    pub weight: u32,
    /// Where the entry's name stands in info.toml, so that later checks can point at it.
    pub span: Range<usize>,
}

/// An error at a place in a file, rendered as `file:line:column: message` plus what to do.
#[derive(Debug)]
pub struct LocatedError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: String,
}

impl LocatedError {
    pub fn new(file: &str, source: &str, at: usize, message: String, help: &str) -> Self {
        let (line, column) = line_column(source, at);
        Self {
            file: file.to_owned(),
            line,
            column,
            message,
            help: help.to_owned(),
        }
    }
}

impl fmt::Display for LocatedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if !self.help.is_empty() {
            write!(f, "\n  help: {}", self.help)?;
        }
        Ok(())
    }
}

impl std::error::Error for LocatedError {}

/// 1-based line and column (in characters) of byte offset `at`.
pub fn line_column(source: &str, at: usize) -> (usize, usize) {
    let before = &source[..at.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

impl Info {
    /// Parses and checks info.toml. `file` is how to name it in messages.
    pub fn parse(file: &str, source: &str) -> Result<Self, LocatedError> {
        let at = |span: Range<usize>, message: String, help: &str| {
            LocatedError::new(file, source, span.start, message, help)
        };
        let raw: RawInfo = toml::from_str(source).map_err(|e| {
            let start = e.span().map_or(0, |s| s.start);
            let message = e.message().trim_end().to_owned();
            LocatedError::new(file, source, start, message, SCHEMA_HELP)
        })?;

        if *raw.format_version.get_ref() != FORMAT_VERSION {
            return Err(at(
                raw.format_version.span(),
                format!(
                    "format_version {} is not one this opslings reads (it reads {FORMAT_VERSION})",
                    raw.format_version.get_ref()
                ),
                "update opslings (`git pull`, then `cargo run`), or write the file in format 1",
            ));
        }
        if raw.exercises.is_empty() {
            return Err(at(
                0..0,
                "there are no exercises".into(),
                "add an [[exercises]] table for each exercise, in the order students take them",
            ));
        }

        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        let mut exercises = Vec::with_capacity(raw.exercises.len());
        for ex in raw.exercises {
            let name_span = ex.name.span();
            let name = ex.name.into_inner();
            if !is_crate_name(&name) {
                return Err(at(
                    name_span,
                    format!("exercise name `{name}` is not a valid crate name"),
                    "use lowercase letters, digits and `_`, starting with a letter",
                ));
            }
            if let Some(first) = seen.get(&name) {
                let (line, _) = line_column(source, first.start);
                return Err(at(
                    name_span,
                    format!("exercise `{name}` is listed twice (first on line {line})"),
                    "give each exercise a unique name, or remove the second entry",
                ));
            }
            seen.insert(name.clone(), name_span.clone());

            let topic_span = ex.topic.span();
            let topic = ex.topic.into_inner();
            if !is_topic_name(&topic) {
                return Err(at(
                    topic_span,
                    format!("topic `{topic}` is not a topic folder name"),
                    "name topics like `10_resilience`: two digits, `_`, lowercase words",
                ));
            }
            let hints_span = ex.hints.span();
            let hints = ex.hints.into_inner();
            if hints.is_empty() || hints.iter().any(|h| h.trim().is_empty()) {
                return Err(at(
                    hints_span,
                    format!("exercise `{name}` needs hints, and none may be empty"),
                    "write one to three hints, each more specific than the last",
                ));
            }
            let time_limit = match ex.time_limit_secs {
                Some(secs) if *secs.get_ref() == 0 || *secs.get_ref() > 600 => {
                    return Err(at(
                        secs.span(),
                        "time_limit_secs must be between 1 and 600".into(),
                        "leave it out to use the default of 10 seconds",
                    ));
                }
                Some(secs) => Duration::from_secs(secs.into_inner()),
                None => DEFAULT_TIME_LIMIT,
            };
            let weight = match ex.weight {
                Some(w) if *w.get_ref() == 0 => {
                    return Err(at(
                        w.span(),
                        "weight must be at least 1".into(),
                        "leave it out to count the exercise as 1 point",
                    ));
                }
                Some(w) => w.into_inner(),
                None => 1,
            };
            exercises.push(ExerciseInfo {
                name,
                topic,
                hints,
                time_limit,
                weight,
                span: name_span,
            });
        }

        Ok(Self {
            welcome_message: raw.welcome_message,
            final_message: raw.final_message,
            exercises,
        })
    }
}

const SCHEMA_HELP: &str = "info.toml has `format_version = 1`, `welcome_message`, `final_message`, \
then one [[exercises]] table each with `name`, `topic`, `hints` and optionally \
`time_limit_secs` and `weight` (see the README, \"Adding an exercise\")";

fn is_crate_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_topic_name(topic: &str) -> bool {
    let bytes = topic.as_bytes();
    bytes.len() > 3
        && bytes[0].is_ascii_digit()
        && bytes[1].is_ascii_digit()
        && bytes[2] == b'_'
        && is_crate_name(&topic[3..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"format_version = 1
welcome_message = "hi"
final_message = "bye"

[[exercises]]
name = "intro1"
topic = "00_intro"
hints = ["look", "closer"]

[[exercises]]
name = "retry"
topic = "10_resilience"
hints = ["h"]
time_limit_secs = 3
weight = 2
"#;

    fn error(source: &str) -> String {
        Info::parse("info.toml", source).unwrap_err().to_string()
    }

    #[test]
    fn parses_a_valid_file_with_defaults() {
        let info = Info::parse("info.toml", GOOD).unwrap();
        assert_eq!(info.exercises.len(), 2);
        assert_eq!(info.exercises[0].time_limit, DEFAULT_TIME_LIMIT);
        assert_eq!(info.exercises[0].weight, 1);
        assert_eq!(info.exercises[1].time_limit, Duration::from_secs(3));
        assert_eq!(info.exercises[1].weight, 2);
    }

    #[test]
    fn unknown_keys_are_located() {
        let source = GOOD.replace("hints = [\"h\"]", "hints = [\"h\"]\nhnts = 1");
        let err = error(&source);
        assert!(
            err.starts_with("info.toml:14:1: unknown field `hnts`"),
            "{err}"
        );
        assert!(err.contains("help:"), "{err}");
    }

    #[test]
    fn duplicate_names_point_at_the_second_and_name_the_first_line() {
        let source = GOOD.replace("name = \"retry\"", "name = \"intro1\"");
        let err = error(&source);
        assert!(
            err.starts_with("info.toml:11:8: exercise `intro1` is listed twice (first on line 6)"),
            "{err}"
        );
    }

    #[test]
    fn a_newer_format_is_refused() {
        let err = error(&GOOD.replace("format_version = 1", "format_version = 2"));
        assert!(err.starts_with("info.toml:1:18: format_version 2"), "{err}");
    }

    #[test]
    fn empty_hints_and_bad_limits_are_refused() {
        assert!(error(&GOOD.replace("[\"h\"]", "[]")).contains("needs hints"));
        assert!(error(&GOOD.replace("= 3", "= 0")).contains("between 1 and 600"));
        assert!(error(&GOOD.replace("weight = 2", "weight = 0")).contains("at least 1"));
    }

    #[test]
    fn names_and_topics_must_be_well_formed() {
        assert!(error(&GOOD.replace("\"retry\"", "\"Retry-x\"")).contains("valid crate name"));
        assert!(
            error(&GOOD.replace("\"10_resilience\"", "\"resilience\"")).contains("topic folder")
        );
    }

    #[test]
    fn syntax_errors_are_located() {
        let err = error(&GOOD.replace("hints = [\"h\"]", "hints = [\"h\""));
        assert!(err.starts_with("info.toml:1"), "{err}");
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncé\nx", 0), (1, 1));
        assert_eq!(line_column("ab\ncé\nx", 3), (2, 1));
        assert_eq!(line_column("ab\ncé\nx", 7), (3, 1));
    }
}

/*!
info.toml: the ordered list of exercises and their metadata.

The schema is versioned by `format_version`. Every error names the file, the line and the column,
and says what to do, because the person reading it is editing that file right now.
*/

use std::{collections::HashMap, fmt, ops::Range, time::Duration};

use serde::Deserialize;
use toml::Spanned;

use crate::check::Resources;

/// The only `format_version` this runner reads.
pub const FORMAT_VERSION: u32 = 2;
/// How long student code may run when an exercise does not say.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(10);
/// The largest weight an exercise may have, so that any sum of weights fits in a `u64`.
pub const MAX_WEIGHT: u32 = 1000;

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
    difficulty: Spanned<u8>,
    minutes: Spanned<u32>,
    tasks: Spanned<Vec<RawTask>>,
    time_limit_secs: Option<Spanned<u64>>,
    memory_mib: Option<Spanned<u64>>,
    max_processes: Option<Spanned<u64>>,
    file_size_mib: Option<Spanned<u64>>,
    weight: Option<Spanned<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTask {
    title: Spanned<String>,
    hints: Spanned<Vec<String>>,
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
    /// From 1 (a warm-up) to 5.
    pub difficulty: u8,
    /// About how long a student needs.
    pub minutes: u32,
    /// In order: task 1 first.
    pub tasks: Vec<Task>,
    /// How long the hidden tests may run before they are stopped.
    pub time_limit: Duration,
    /// What the test program may use in the sandbox.
    pub resources: Resources,
    /// Points in a grade.
    pub weight: u32,
    /// Where the entry's name stands in info.toml, so that later checks can point at it.
    pub span: Range<usize>,
}

/// One numbered task of an exercise.
#[derive(Clone, Debug)]
pub struct Task {
    pub title: String,
    /// Revealed one at a time, each more specific than the last.
    pub hints: Vec<String>,
}

impl ExerciseInfo {
    /// Task `number`, counted from 1.
    pub fn task(&self, number: usize) -> Option<&Task> {
        number.checked_sub(1).and_then(|i| self.tasks.get(i))
    }
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
        let at = Locator { file, source };
        if let Some(version) = old_format(source) {
            return Err(at.error(version, V1_MESSAGE.into(), V1_HELP));
        }
        let raw: RawInfo = toml::from_str(source).map_err(|e| {
            let start = e.span().map_or(0, |s| s.start);
            at.error(start..start, e.message().trim_end().to_owned(), SCHEMA_HELP)
        })?;
        if *raw.format_version.get_ref() != FORMAT_VERSION {
            return Err(at.error(
                raw.format_version.span(),
                format!(
                    "format_version {} is not one this opslings reads (it reads {FORMAT_VERSION})",
                    raw.format_version.get_ref()
                ),
                "update opslings (`git pull`, then `cargo run`), or write the file in format 2",
            ));
        }
        if raw.exercises.is_empty() {
            return Err(at.error(
                0..0,
                "there are no exercises".into(),
                "add an [[exercises]] table for each exercise, in the order students take them",
            ));
        }
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        let mut exercises = Vec::with_capacity(raw.exercises.len());
        for ex in raw.exercises {
            let entry = at.exercise(ex, &seen)?;
            seen.insert(entry.name.clone(), entry.span.clone());
            exercises.push(entry);
        }
        Ok(Self {
            welcome_message: raw.welcome_message,
            final_message: raw.final_message,
            exercises,
        })
    }
}

/// `format_version = 1` at the top level, found without the schema (which has changed since).
fn old_format(source: &str) -> Option<Range<usize>> {
    let table: toml::Table = toml::from_str(source).ok()?;
    (table.get("format_version")?.as_integer()? == 1).then(|| {
        let start = source.find("format_version").unwrap_or(0);
        start..start
    })
}

const V1_MESSAGE: &str = "this info.toml is in format 1, before exercises had tasks";
const V1_HELP: &str = "to convert it, set `format_version = 2`, and in each [[exercises]] \
table add `difficulty` (1-5) and `minutes`, and replace `hints = [...]` with one or more \
[[exercises.tasks]] tables, each with a `title` and its `hints` (2 or 3); then mark the tests of \
each task in the hidden test file with a `// Task N` line above them (see the README, \"Adding \
an exercise\")";

/// Turns positions in info.toml into located errors.
struct Locator<'a> {
    file: &'a str,
    source: &'a str,
}

impl Locator<'_> {
    fn error(&self, span: Range<usize>, message: String, help: &str) -> LocatedError {
        LocatedError::new(self.file, self.source, span.start, message, help)
    }

    /// Checks one [[exercises]] table; `seen` holds the names before it.
    fn exercise(
        &self,
        ex: RawExercise,
        seen: &HashMap<String, Range<usize>>,
    ) -> Result<ExerciseInfo, LocatedError> {
        let span = ex.name.span();
        let name = self.name(ex.name, seen)?;
        let topic = self.topic(ex.topic)?;
        let time_limit = match ex.time_limit_secs {
            Some(secs) => Duration::from_secs(self.ranged(
                secs,
                1..=600,
                "time_limit_secs",
                "leave it out to use the default of 10 seconds",
            )?),
            None => DEFAULT_TIME_LIMIT,
        };
        Ok(ExerciseInfo {
            difficulty: self.ranged(
                ex.difficulty,
                1..=5,
                "difficulty",
                "1 is a warm-up, 5 the hardest of the set",
            )?,
            minutes: self.ranged(
                ex.minutes,
                1..=600,
                "minutes",
                "an estimate from a real attempt",
            )?,
            tasks: self.tasks(&name, ex.tasks)?,
            time_limit,
            resources: self.resources(
                &ex.memory_mib,
                &ex.max_processes,
                &ex.file_size_mib,
                time_limit,
            )?,
            weight: match ex.weight {
                Some(w) => self.ranged(
                    w,
                    1..=MAX_WEIGHT,
                    "weight",
                    "leave it out to count the exercise as 1 point",
                )?,
                None => 1,
            },
            name,
            topic,
            span,
        })
    }

    /// The sandbox's limits for the test program: the defaults, or what the entry sets. CPU
    /// time follows the time limit, with room for a second thread.
    fn resources(
        &self,
        memory: &Option<Spanned<u64>>,
        processes: &Option<Spanned<u64>>,
        file_size: &Option<Spanned<u64>>,
        time_limit: Duration,
    ) -> Result<Resources, LocatedError> {
        let default = Resources::TESTS;
        let pick = |value: &Option<Spanned<u64>>,
                    range: std::ops::RangeInclusive<u64>,
                    key: &str,
                    default: u64| match value {
            Some(v) => self.ranged(v.clone(), range, key, "leave it out to use the default"),
            None => Ok(default),
        };
        Ok(Resources {
            memory_mib: pick(memory, 16..=16384, "memory_mib", default.memory_mib)?,
            processes: pick(processes, 2..=4096, "max_processes", default.processes)?,
            file_size_mib: pick(file_size, 1..=4096, "file_size_mib", default.file_size_mib)?,
            cpu_secs: 2 * time_limit.as_secs() + 1,
        })
    }

    /// An exercise's name: a crate name not used before (`seen`).
    fn name(
        &self,
        name: Spanned<String>,
        seen: &HashMap<String, Range<usize>>,
    ) -> Result<String, LocatedError> {
        let span = name.span();
        let name = name.into_inner();
        if !is_crate_name(&name) {
            return Err(self.error(
                span,
                format!("exercise name `{name}` is not a valid crate name"),
                "use lowercase letters, digits and `_`, starting with a letter",
            ));
        }
        if let Some(first) = seen.get(&name) {
            let (line, _) = line_column(self.source, first.start);
            return Err(self.error(
                span,
                format!("exercise `{name}` is listed twice (first on line {line})"),
                "give each exercise a unique name, or remove the second entry",
            ));
        }
        Ok(name)
    }

    fn topic(&self, topic: Spanned<String>) -> Result<String, LocatedError> {
        let span = topic.span();
        let topic = topic.into_inner();
        if !is_topic_name(&topic) {
            return Err(self.error(
                span,
                format!("topic `{topic}` is not a topic folder name"),
                "name topics like `10_resilience`: two digits, `_`, lowercase words",
            ));
        }
        Ok(topic)
    }

    /// The value, when it is in `range`.
    fn ranged<T: PartialOrd + fmt::Display + Copy>(
        &self,
        value: Spanned<T>,
        range: std::ops::RangeInclusive<T>,
        key: &str,
        help: &str,
    ) -> Result<T, LocatedError> {
        let v = *value.get_ref();
        if range.contains(&v) {
            return Ok(v);
        }
        Err(self.error(
            value.span(),
            format!(
                "{key} must be from {} to {}, not {v}",
                range.start(),
                range.end()
            ),
            help,
        ))
    }

    fn tasks(&self, name: &str, tasks: Spanned<Vec<RawTask>>) -> Result<Vec<Task>, LocatedError> {
        let span = tasks.span();
        let tasks = tasks.into_inner();
        if tasks.is_empty() || tasks.len() > 5 {
            return Err(self.error(
                span,
                format!(
                    "exercise `{name}` has {} tasks; it needs 1 to 5",
                    tasks.len()
                ),
                "add an [[exercises.tasks]] table for each numbered task, or split the exercise",
            ));
        }
        tasks
            .into_iter()
            .enumerate()
            .map(|(i, task)| {
                let title_span = task.title.span();
                let title = task.title.into_inner();
                if title.trim().is_empty() || title.contains('\n') {
                    return Err(self.error(
                        title_span,
                        format!("task {} of `{name}` needs a title on one line", i + 1),
                        "name what the task asks for, in a few words",
                    ));
                }
                let hints_span = task.hints.span();
                let hints = task.hints.into_inner();
                if !(2..=3).contains(&hints.len()) || hints.iter().any(|h| h.trim().is_empty()) {
                    return Err(self.error(
                        hints_span,
                        format!("task {} of `{name}` needs 2 or 3 hints, none empty", i + 1),
                        "each hint says a little more than the last; the last is still a nudge, not the code",
                    ));
                }
                Ok(Task { title, hints })
            })
            .collect()
    }
}

const SCHEMA_HELP: &str = "info.toml has `format_version = 2`, `welcome_message`, `final_message`, \
then one [[exercises]] table each with `name`, `topic`, `difficulty`, `minutes`, optionally \
`time_limit_secs`, `memory_mib`, `max_processes`, `file_size_mib` and `weight`, and one or more [[exercises.tasks]] with `title` and `hints` \
(see the README, \"Adding an exercise\")";

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
mod tests;

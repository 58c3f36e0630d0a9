/*!
The exercise set: info.toml joined with the files of each exercise, checked against each other.

A course comes from the copy built into the binary or from a folder ([`Course`]); loading it
checks that every entry of info.toml has its crate, solution, hidden tests and topic page, and
that the tasks of info.toml and the `// Task N` markers of the hidden tests agree.
*/

mod files;
pub mod info;
mod manifest;
pub mod paths;
mod walk;

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

pub use files::Course;
use info::{ExerciseInfo, Info, LocatedError};

use crate::check::{Job, harness::HiddenTests};

/// An exercise with everything the runner needs to check, reset and explain it.
#[derive(Debug)]
pub struct Exercise {
    pub info: ExerciseInfo,
    /// The Rust edition of the crate, from its manifest.
    pub edition: String,
    /// The hidden tests, ready to compile.
    pub hidden: HiddenTests,
    /// `tests/hidden/<name>.rs`, as messages name it.
    hidden_file: String,
}

impl Exercise {
    pub fn name(&self) -> &str {
        &self.info.name
    }

    /// The crate's folder, relative to the root: `exercises/<topic>/<name>`.
    pub fn dir(&self) -> String {
        paths::exercise_dir(&self.info.topic, &self.info.name)
    }

    /// The file a student edits first.
    pub fn main_file(&self) -> String {
        paths::main_file(&self.info.topic, &self.info.name)
    }

    pub fn solution_dir(&self) -> String {
        paths::solution_dir(&self.info.topic, &self.info.name)
    }

    pub fn hidden_path(&self) -> &str {
        &self.hidden_file
    }

    /// The titles of its tasks, in order.
    pub fn task_titles(&self) -> Vec<String> {
        self.info.tasks.iter().map(|t| t.title.clone()).collect()
    }

    /// A check of this exercise's crate with sources in `src` (relative to `root`), built in
    /// `build`.
    pub fn job<'a>(&'a self, root: &'a Path, src: PathBuf, build: PathBuf, color: bool) -> Job<'a> {
        Job {
            crate_name: &self.info.name,
            edition: &self.edition,
            hidden: &self.hidden,
            hidden_name: &self.hidden_file,
            time_limit: self.info.time_limit,
            root,
            src,
            build,
            color,
            rename: Vec::new(),
            sandbox: crate::check::SandboxMode::BestEffort,
            resources: self.info.resources,
            cache: None,
        }
    }
}

/// The whole set, in order.
pub struct ExerciseSet {
    pub course: Course,
    pub welcome_message: String,
    pub final_message: String,
    pub exercises: Vec<Exercise>,
}

impl ExerciseSet {
    /// Reads info.toml and every exercise's files, and checks that they agree.
    pub fn load(course: Course) -> Result<Self> {
        let info_name = course.describe(paths::INFO);
        let Some(bytes) = course.file(paths::INFO) else {
            bail!("{info_name} is missing: an exercise set needs an info.toml at its root");
        };
        let Ok(source) = std::str::from_utf8(bytes) else {
            bail!("{info_name} is not UTF-8 text: save it as UTF-8 and try again");
        };
        let info = Info::parse(&info_name, source)?;
        let mut exercises = Vec::with_capacity(info.exercises.len());
        for entry in info.exercises {
            let at = entry.span.start;
            let located = |message: String, help: &str| {
                LocatedError::new(&info_name, source, at, message, help)
            };
            exercises.push(load_exercise(&course, entry, &located)?);
        }
        Ok(Self {
            course,
            welcome_message: unwrap_paragraphs(&info.welcome_message),
            final_message: unwrap_paragraphs(&info.final_message),
            exercises,
        })
    }

    pub fn get(&self, name: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.name() == name)
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        self.exercises.iter().position(|e| e.name() == name)
    }

    /// The exercise called `name`, or an error that lists close names.
    pub fn find(&self, name: &str) -> Result<&Exercise> {
        if let Some(exercise) = self.get(name) {
            return Ok(exercise);
        }
        let close: Vec<String> = self
            .exercises
            .iter()
            .map(Exercise::name)
            .filter(|n| n.contains(name) || name.contains(n))
            .map(|n| format!("`{n}`"))
            .collect();
        if close.is_empty() {
            bail!("There is no exercise called `{name}`: `opslings list` shows them all");
        }
        bail!(
            "There is no exercise called `{name}`; did you mean {}?",
            close.join(" or ")
        )
    }

    /// The original files of an exercise's crate, relative to its folder.
    pub fn originals(&self, exercise: &Exercise) -> Vec<(&str, &[u8])> {
        self.course.files_under(&exercise.dir())
    }

    /// The files a solution changes, relative to the crate's folder.
    pub fn solution(&self, exercise: &Exercise) -> Vec<(&str, &[u8])> {
        self.course.files_under(&exercise.solution_dir())
    }

    /// A topic's page.
    pub fn topic_readme(&self, topic: &str) -> Option<&str> {
        let bytes = self.course.file(&paths::topic_page(topic))?;
        std::str::from_utf8(bytes).ok()
    }

    /// Topic folders in the order their first exercise appears.
    pub fn topics(&self) -> Vec<&str> {
        let mut topics: Vec<&str> = Vec::new();
        for exercise in &self.exercises {
            if !topics.contains(&exercise.info.topic.as_str()) {
                topics.push(&exercise.info.topic);
            }
        }
        topics
    }

    /// The sum of every exercise's weight.
    pub fn max_points(&self) -> u64 {
        self.exercises
            .iter()
            .map(|e| u64::from(e.info.weight))
            .sum()
    }
}

/// Joins one entry of info.toml with its files; `located` points an error at the entry.
fn load_exercise(
    course: &Course,
    entry: ExerciseInfo,
    located: &dyn Fn(String, &str) -> LocatedError,
) -> Result<Exercise> {
    let (name, topic) = (&entry.name, &entry.topic);
    let dir = paths::exercise_dir(topic, name);
    let manifest_path = format!("{dir}/Cargo.toml");
    let Some(manifest) = course.file(&manifest_path) else {
        return Err(located(
            format!("exercise `{name}` has no crate at {dir} (no Cargo.toml there)"),
            "create the crate there, or correct this entry's `name` or `topic`",
        )
        .into());
    };
    if course.file(&paths::main_file(topic, name)).is_none() {
        return Err(located(
            format!("exercise `{name}` has no {dir}/src/lib.rs"),
            "every exercise is a library crate: write its starting code in src/lib.rs",
        )
        .into());
    }
    let edition = manifest::check(course, &manifest_path, manifest, name)?;
    let solution = paths::solution_dir(topic, name);
    if course.files_under(&solution).is_empty() {
        return Err(located(
            format!("exercise `{name}` has no solution in {solution}/"),
            "add the files a solution changes there, at the same paths as in the exercise",
        )
        .into());
    }
    let page = paths::topic_page(topic);
    if course.file(&page).is_none() {
        return Err(located(
            format!("topic `{topic}` has no {page}"),
            "write a page that explains the topic there; `opslings explain` shows it",
        )
        .into());
    }
    let hidden_file = paths::hidden_tests(name);
    let hidden = hidden_tests(course, name, &hidden_file, located)?;
    if hidden.tasks != entry.tasks.len() {
        return Err(located(
            format!(
                "exercise `{name}` has {} tasks in info.toml, but {hidden_file} marks tests for {}",
                entry.tasks.len(),
                hidden.tasks
            ),
            "give every task of info.toml a `// Task N` section of tests, and every section a task",
        )
        .into());
    }
    Ok(Exercise {
        info: entry,
        edition,
        hidden,
        hidden_file,
    })
}

fn hidden_tests(
    course: &Course,
    name: &str,
    path: &str,
    located: &dyn Fn(String, &str) -> LocatedError,
) -> Result<HiddenTests> {
    let Some(bytes) = course.file(path) else {
        return Err(located(
            format!("exercise `{name}` has no hidden tests at {path}"),
            "write the exercise's tests there; they use the crate's public API",
        )
        .into());
    };
    HiddenTests::parse(&String::from_utf8_lossy(bytes)).map_err(|e| {
        LocatedError {
            file: course.describe(path),
            line: e.line,
            column: 1,
            message: e.message,
            help: "see the README, \"Adding an exercise\", for the form hidden tests take".into(),
        }
        .into()
    })
}
/// info.toml's messages are written wrapped at the author's width; the terminal wraps them at its
/// own. A paragraph of plain lines becomes one line; lists, indented lines and blank lines stay.
fn unwrap_paragraphs(text: &str) -> String {
    let plain = |line: &str| {
        let start = line.trim_start();
        !line.is_empty()
            && start.len() == line.len()
            && !start.starts_with(['-', '*', '`', '#', '>', '|'])
    };
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        let joins = lines.peek().is_some_and(|next| plain(line) && plain(next));
        out.push(if joins { ' ' } else { '\n' });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_paragraph_becomes_one_line_and_lists_stay() {
        let text = "Welcome.\n\nOpen the file,\nand save it.\n\n- one\n- two\n  indented\n";
        assert_eq!(
            unwrap_paragraphs(text),
            "Welcome.\n\nOpen the file, and save it.\n\n- one\n- two\n  indented\n"
        );
    }
}

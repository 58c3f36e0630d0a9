/*!
Verification of an exercise set: every solution passes its hidden tests, every untouched
exercise does not, info.toml agrees with the folders, and every exercise marks the places to
edit.

Both versions are written out from the course (the binary's copy or a folder) into a private
build folder and checked there, so the same code verifies a course on disk and the one built in.
*/

use std::{
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};

use anyhow::{Context, Result};

use super::{Partition, pool, progress::Progress};
use crate::{
    check::{self, CheckReport, cache::Cache},
    course::{Exercise, ExerciseSet, paths},
    term::verdict::summary,
};

/// Which version of an exercise is checked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Version {
    /// The exercise as a student receives it: it must not pass.
    Untouched,
    /// The exercise with its solution's files: it must pass.
    Solution,
}

/// The outcome of verifying one exercise.
#[derive(Debug)]
pub(super) struct Verification {
    pub name: String,
    pub topic: String,
    /// The titles of its tasks.
    pub tasks: Vec<String>,
    pub solution: CheckReport,
    pub untouched: CheckReport,
    /// Authoring rules the exercise breaks, such as no `TODO` marking the place to edit.
    pub problems: Vec<String>,
    /// Wall time of both checks.
    pub elapsed: Duration,
}

impl Verification {
    pub(super) fn ok(&self) -> bool {
        self.problems.is_empty()
            && self.solution.verdict.passed()
            && !self.untouched.verdict.passed()
    }

    /// Why the exercise is not sound, in one line; empty when it is.
    pub(super) fn failure(&self) -> String {
        let mut reasons = Vec::new();
        if !self.solution.verdict.passed() {
            reasons.push(format!(
                "the solution does not pass ({})",
                summary(&self.solution.verdict)
            ));
        }
        if self.untouched.verdict.passed() {
            reasons.push(
                "the untouched exercise passes its hidden tests: a student would have nothing \
                 to do"
                    .to_owned(),
            );
        }
        reasons.extend(self.problems.iter().cloned());
        reasons.join("; ")
    }
}

/// What `opslings verify` found.
#[derive(Debug)]
pub(super) struct VerifyReport {
    pub partition: Partition,
    /// Where info.toml and the folders disagree.
    pub problems: SetCheck,
    /// In info.toml order.
    pub exercises: Vec<Verification>,
}

/// The check of the set as a whole, done once per run.
#[derive(Debug)]
pub(super) enum SetCheck {
    /// The problems found, none when info.toml agrees with the folders.
    Checked(Vec<String>),
    /// Another partition of the run checks the set (the first does).
    InAnotherPartition,
}

impl VerifyReport {
    pub(super) fn ok(&self) -> bool {
        let set_ok = match &self.problems {
            SetCheck::Checked(problems) => problems.is_empty(),
            SetCheck::InAnotherPartition => true,
        };
        set_ok && self.exercises.iter().all(|v| v.ok())
    }
}

/// The exercises a run verifies: those named (all when none is), in info.toml order, then
/// this partition's share of them.
pub(super) fn select<'a>(
    set: &'a ExerciseSet,
    names: &[String],
    partition: Partition,
) -> Result<Vec<&'a Exercise>> {
    for name in names {
        set.find(name)?;
    }
    let chosen = set
        .exercises
        .iter()
        .filter(|e| names.is_empty() || names.iter().any(|n| n == e.name()));
    Ok(partition.select(chosen, |e| e.name().to_owned()))
}

/// Verifies `exercises` with builds below `root`, `jobs` at a time, reporting to `progress`.
pub(super) fn run(
    set: &ExerciseSet,
    exercises: &[&Exercise],
    partition: Partition,
    root: &Path,
    jobs: usize,
    cache: Option<&Cache>,
    progress: &Progress,
) -> Result<VerifyReport> {
    let results = verify_all(set, exercises, root, jobs, cache, &|v: &Verification| {
        let count = progress.advance(&v.name);
        let seconds = v.elapsed.as_secs_f64();
        if v.ok() {
            progress.plain_line(&format!("{count} ok   {} ({seconds:.1} s)", v.name));
        } else {
            progress.line(&format!("{count} FAIL {}: {}", v.name, v.failure()));
        }
    })?;
    progress.finish();
    Ok(VerifyReport {
        partition,
        problems: if partition.is_first() {
            SetCheck::Checked(set_problems(set))
        } else {
            SetCheck::InAnotherPartition
        },
        exercises: results,
    })
}

/// Writes one version of an exercise's crate below `build`. Returns, for each file, its path in
/// the crate and where it comes from in the course (`exercises/...` or `solutions/...`).
pub(super) fn materialize(
    set: &ExerciseSet,
    exercise: &Exercise,
    version: Version,
    build: &Path,
) -> Result<Vec<(String, String)>> {
    let dir = build.join(version_dir(version));
    if dir.exists() {
        fs::remove_dir_all(&dir).with_context(|| format!("Failed to clear {}", dir.display()))?;
    }
    let mut files: BTreeMap<&str, (&[u8], String)> = BTreeMap::new();
    for (path, bytes) in set.originals(exercise) {
        files.insert(path, (bytes, format!("{}/{path}", exercise.dir())));
    }
    if version == Version::Solution {
        for (path, bytes) in set.solution(exercise) {
            files.insert(path, (bytes, format!("{}/{path}", exercise.solution_dir())));
        }
    }
    let mut origins = Vec::with_capacity(files.len());
    for (path, (bytes, origin)) in files {
        let dest = dir.join(path);
        let parent = dest.parent().expect("a file has a folder");
        fs::create_dir_all(parent)
            .with_context(|| format!("Failed to create {}", parent.display()))?;
        fs::write(&dest, bytes).with_context(|| format!("Failed to write {}", dest.display()))?;
        origins.push((path.to_owned(), origin));
    }
    Ok(origins)
}

fn version_dir(version: Version) -> &'static str {
    match version {
        Version::Untouched => "untouched",
        Version::Solution => "solution",
    }
}

/// Checks one version of an exercise, built in `root/target/opslings/verify/<name>/`.
pub(super) fn check_version(
    set: &ExerciseSet,
    exercise: &Exercise,
    version: Version,
    root: &Path,
    cache: Option<&Cache>,
) -> Result<CheckReport> {
    let build = PathBuf::from(paths::verify_build_dir(exercise.name()));
    let origins = materialize(set, exercise, version, &root.join(&build))?;
    // Relative to `root`, so that compiler messages and panics name short paths, and those of
    // the assembled crate's files are renamed after the course files they came from.
    let dir = build.join(version_dir(version));
    let rename = origins
        .into_iter()
        .map(|(path, origin)| (dir.join(path), origin))
        .collect();
    let mut job = exercise.job(root, dir.join("src"), dir.join("build"), false);
    job.rename = rename;
    job.cache = cache;
    check::check_to_end(&job)
}

/// Verifies `exercises` with `jobs` checks at a time; `done` hears of each as it finishes.
/// Results come back in the order given.
pub(super) fn verify_all(
    set: &ExerciseSet,
    exercises: &[&Exercise],
    root: &Path,
    jobs: usize,
    cache: Option<&Cache>,
    done: &(dyn Fn(&Verification) + Sync),
) -> Result<Vec<Verification>> {
    pool::map(
        exercises,
        jobs,
        |exercise| verify_one(set, exercise, root, cache),
        |_, result| {
            if let Ok(v) = result {
                done(v);
            }
        },
    )
    .into_iter()
    .collect()
}

fn verify_one(
    set: &ExerciseSet,
    exercise: &Exercise,
    root: &Path,
    cache: Option<&Cache>,
) -> Result<Verification> {
    let started = Instant::now();
    Ok(Verification {
        name: exercise.name().to_owned(),
        topic: exercise.info.topic.clone(),
        tasks: exercise.task_titles(),
        solution: check_version(set, exercise, Version::Solution, root, cache)?,
        untouched: check_version(set, exercise, Version::Untouched, root, cache)?,
        problems: exercise_problems(set, exercise),
        elapsed: started.elapsed(),
    })
}

/// Where info.toml and the folders disagree: folders that belong to no exercise. (An exercise
/// with a missing crate, solution, hidden test or topic page does not load at all.)
pub(super) fn set_problems(set: &ExerciseSet) -> Vec<String> {
    let mut problems = Vec::new();
    let elsewhere = |name: &str, topic: &str| set.get(name).is_none_or(|e| e.info.topic != topic);
    for path in set.course.paths() {
        let parts: Vec<&str> = path.split('/').collect();
        let problem = match parts.as_slice() {
            ["exercises", topic, name, "Cargo.toml"] if elsewhere(name, topic) => {
                format!("exercises/{topic}/{name} is not in info.toml (or is under another topic)")
            }
            ["solutions", topic, name, ..] if elsewhere(name, topic) => {
                format!("solutions/{topic}/{name} belongs to no exercise in info.toml")
            }
            ["tests", "hidden", file] if set.get(file.trim_end_matches(".rs")).is_none() => {
                format!("tests/hidden/{file} belongs to no exercise in info.toml")
            }
            ["exercises", topic, "README.md"] if !set.topics().contains(topic) => {
                format!("exercises/{topic}/README.md is a topic with no exercise in info.toml")
            }
            _ => continue,
        };
        if !problems.contains(&problem) {
            problems.push(problem);
        }
    }
    problems
}

/// Authoring rules an exercise breaks: no `TODO` marks the place to edit, or the crate's doc
/// does not give every task of info.toml its `## Task N: title` section. (Empty hints, and tasks
/// without tests, are refused when the set is read.)
pub(super) fn exercise_problems(set: &ExerciseSet, exercise: &Exercise) -> Vec<String> {
    let originals = set.originals(exercise);
    let mut problems = Vec::new();
    let marked = originals
        .iter()
        .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains("TODO"));
    if !marked {
        problems.push(format!(
            "{} has no `TODO` marking the place to edit",
            exercise.main_file()
        ));
    }
    let lib = originals
        .iter()
        .find(|(path, _)| *path == "src/lib.rs")
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
        .unwrap_or_default();
    let headings = task_headings(&lib);
    let wanted: Vec<String> = exercise
        .task_titles()
        .iter()
        .enumerate()
        .map(|(i, title)| format!("## Task {}: {title}", i + 1))
        .collect();
    if headings != wanted {
        problems.push(format!(
            "{}: its doc's task sections ({}) are not info.toml's tasks ({}): write one \
             `//! ## Task N: title` section per task, in order, with info.toml's titles",
            exercise.main_file(),
            quoted(&headings),
            quoted(&wanted)
        ));
    }
    problems
}

/// The `## Task N: ...` headings of a crate's `//!` doc, in order.
fn task_headings(lib: &str) -> Vec<String> {
    lib.lines()
        .filter_map(|line| line.strip_prefix("//!"))
        .map(str::trim)
        .filter(|line| line.starts_with("## Task "))
        .map(str::to_owned)
        .collect()
}

fn quoted(items: &[String]) -> String {
    if items.is_empty() {
        return "none".into();
    }
    items
        .iter()
        .map(|h| format!("`{h}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_headings_come_from_the_crate_doc_only() {
        let lib = "//! # x: y\n//!\n//! ## Task 1: First\n//! text\n//!   ## Task 2: Second\n// ## Task 3: not doc\n/// ## Task 4: item doc\n";
        assert_eq!(
            task_headings(lib),
            ["## Task 1: First", "## Task 2: Second"]
        );
    }
}

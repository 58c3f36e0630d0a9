/*!
Grading students' workbooks against the hidden tests built into opslings (or `--course`).

Student code is untrusted. From a workbook only the exercise sources are taken, the `.rs` files
below `exercises/<topic>/<name>/src/`, copied into a private build tree; manifests, build
scripts and hidden tests come from the course, and rustc is called directly, so a student
cannot add a dependency, run a build script or edit a test to pass. Each check runs under the
time limit and output cap of every check, and whatever happens to one workbook or exercise
becomes a row of the report, never the end of the run.
*/

mod sources;
mod untouched;

use std::{
    path::{Path, PathBuf},
    sync::Mutex,
    time::{Duration, Instant},
};

use anyhow::{Context, Result};

use super::{Partition, pool, progress::Progress};
use crate::{
    check::{self, CheckReport, SandboxMode, cache::Cache},
    course::{Exercise, ExerciseSet},
};
pub(super) use sources::{SourceError, WorkbookError};

/// What `opslings grade` found.
#[derive(Debug)]
pub(super) struct GradeReport {
    pub partition: Partition,
    /// The points a workbook that passes everything gets.
    pub max_points: u64,
    /// In sorted order of their paths.
    pub workbooks: Vec<Graded>,
}

impl GradeReport {
    /// Whether every exercise of every workbook passed.
    pub(super) fn ok(&self) -> bool {
        self.workbooks.iter().all(|w| {
            w.result
                .as_ref()
                .is_ok_and(|ex| ex.iter().all(|e| e.passed()))
        })
    }
}

/// One workbook's grade.
#[derive(Debug)]
pub(super) struct Graded {
    /// The folder as given on the command line.
    pub path: PathBuf,
    /// Every exercise in info.toml order, or why the workbook could not be read at all.
    pub result: Result<Vec<GradedExercise>, WorkbookError>,
}

impl Graded {
    pub(super) fn points(&self) -> u64 {
        self.exercises().iter().map(GradedExercise::points).sum()
    }

    pub(super) fn passed(&self) -> usize {
        self.exercises().iter().filter(|e| e.passed()).count()
    }

    pub(super) fn exercises(&self) -> &[GradedExercise] {
        self.result.as_deref().unwrap_or_default()
    }
}

#[derive(Debug)]
pub(super) struct GradedExercise {
    pub name: String,
    pub topic: String,
    /// The titles of its tasks.
    pub tasks: Vec<String>,
    pub weight: u32,
    pub outcome: Outcome,
    pub elapsed: Duration,
}

/// A verdict, or why there is none.
#[derive(Clone, Debug)]
pub(super) enum Outcome {
    Checked(CheckReport),
    /// The student's sources are missing or cannot be read.
    Unreadable(SourceError),
    /// The check itself could not run (rustc missing, a disk error).
    Failed(String),
}

impl GradedExercise {
    pub(super) fn passed(&self) -> bool {
        matches!(&self.outcome, Outcome::Checked(r) if r.verdict.passed())
    }

    pub(super) fn points(&self) -> u64 {
        if self.passed() {
            u64::from(self.weight)
        } else {
            0
        }
    }
}

/// The workbooks a run grades: sorted, without repeats, then this partition's share.
pub(super) fn select(dirs: &[PathBuf], partition: Partition) -> Vec<PathBuf> {
    let mut dirs = dirs.to_vec();
    dirs.sort();
    dirs.dedup();
    partition.select(dirs, |dir| dir.to_string_lossy().into_owned())
}

/// One (workbook, exercise) pair to grade, with the outcome of copying its sources.
struct Item {
    workbook: usize,
    exercise: usize,
    copied: Result<(), SourceError>,
}

/// Grades `workbooks`, `jobs` checks at a time; `progress` counts checks.
pub(super) fn run(
    set: &ExerciseSet,
    workbooks: &[PathBuf],
    partition: Partition,
    jobs: usize,
    sandbox: SandboxMode,
    cache: Option<&Cache>,
    progress: &Progress,
) -> Result<GradeReport> {
    let tree = tempfile::Builder::new()
        .prefix("opslings-grade-")
        .tempdir()
        .context("Failed to create a private folder to build the workbooks in")?;
    let exercises = &set.exercises;
    let max_points = set.max_points();
    let (items, unread) = copy_all(exercises, workbooks, tree.path(), progress);
    let tally = Tally::new(workbooks.len(), exercises.len());
    let untouched = untouched::Untouched::new(exercises.len(), tree.path().join("untouched"));
    let graded = pool::map(
        &items,
        jobs,
        |item| {
            let root = tree.path().join(item.workbook.to_string());
            let src = root.join(exercises[item.exercise].dir()).join("src");
            if item.copied.is_ok() && untouched::is_untouched(set, &exercises[item.exercise], &src)
            {
                let started = Instant::now();
                let outcome = untouched.outcome(set, item.exercise, sandbox, cache);
                graded(&exercises[item.exercise], outcome, started)
            } else {
                grade_one(&exercises[item.exercise], item, &root, sandbox, cache)
            }
        },
        |item, graded| {
            let name = workbooks[item.workbook].display();
            progress.advance(&format!("{name}: {}", graded.name));
            if let Some(points) = tally.record(item.workbook, graded.points()) {
                progress.line(&format!("{name}: {points}/{max_points} points"));
            }
        },
    );
    progress.finish();
    // A signal cancelled the checks: their verdicts mean nothing (the tree is removed on return).
    crate::interrupt::check()?;
    Ok(GradeReport {
        partition,
        max_points,
        workbooks: assemble(workbooks, exercises.len(), graded, unread),
    })
}

/// Copies every workbook's sources into `tree` first: reading student folders is quick, and a
/// workbook that cannot be read is known before any check runs. Returns the checks to make and
/// the workbooks that could not be read.
fn copy_all(
    exercises: &[Exercise],
    workbooks: &[PathBuf],
    tree: &Path,
    progress: &Progress,
) -> (Vec<Item>, Vec<(usize, WorkbookError)>) {
    let mut items = Vec::new();
    let mut unread = Vec::new();
    for (w, dir) in workbooks.iter().enumerate() {
        match sources::copy_workbook(exercises, dir, &tree.join(w.to_string())) {
            Ok(copy) => items.extend(copy.into_iter().enumerate().map(|(e, copied)| Item {
                workbook: w,
                exercise: e,
                copied,
            })),
            Err(error) => {
                progress.advance_by(exercises.len(), "");
                progress.line(&format!("{}: {error}", dir.display()));
                unread.push((w, error));
            }
        }
    }
    (items, unread)
}

/// The graded exercises (in item order: workbook by workbook) and the unread workbooks, as one
/// row per workbook in the order given.
fn assemble(
    workbooks: &[PathBuf],
    per_workbook: usize,
    graded: Vec<GradedExercise>,
    unread: Vec<(usize, WorkbookError)>,
) -> Vec<Graded> {
    let mut graded = graded.into_iter();
    let mut unread = unread.into_iter().peekable();
    (0..workbooks.len())
        .map(|w| {
            let result = match unread.next_if(|(u, _)| *u == w) {
                Some((_, error)) => Err(error),
                None => Ok(graded.by_ref().take(per_workbook).collect()),
            };
            Graded {
                path: workbooks[w].clone(),
                result,
            }
        })
        .collect()
}

/// Points per workbook as its checks finish, to say when a workbook is graded.
struct Tally(Mutex<Vec<(usize, u64)>>);

impl Tally {
    fn new(workbooks: usize, exercises: usize) -> Self {
        Self(Mutex::new(vec![(exercises, 0); workbooks]))
    }

    /// Adds one check's points; the workbook's total once its last check is in.
    fn record(&self, workbook: usize, points: u64) -> Option<u64> {
        let mut tally = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let (left, total) = &mut tally[workbook];
        *left -= 1;
        *total += points;
        (*left == 0).then_some(*total)
    }
}

fn grade_one(
    exercise: &Exercise,
    item: &Item,
    root: &Path,
    sandbox: SandboxMode,
    cache: Option<&Cache>,
) -> GradedExercise {
    let started = Instant::now();
    let outcome = match &item.copied {
        Err(error) => Outcome::Unreadable(error.clone()),
        Ok(()) => {
            let src = PathBuf::from(exercise.dir()).join("src");
            let build = PathBuf::from("target").join(exercise.name());
            let mut job = exercise.job(root, src, build, false);
            job.sandbox = sandbox;
            job.cache = cache;
            let outcome = match check::check_to_end(&job) {
                Ok(report) => Outcome::Checked(report),
                Err(e) => Outcome::Failed(format!("{e:#}")),
            };
            // What the student's code wrote goes with its check, not at the end of the grade:
            // one student cannot fill the disk for the others.
            let _ = std::fs::remove_dir_all(root.join(&job.build));
            outcome
        }
    };
    graded(exercise, outcome, started)
}

fn graded(exercise: &Exercise, outcome: Outcome, started: Instant) -> GradedExercise {
    GradedExercise {
        name: exercise.name().to_owned(),
        topic: exercise.info.topic.clone(),
        tasks: exercise.task_titles(),
        weight: exercise.info.weight,
        outcome,
        elapsed: started.elapsed(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbooks_are_sorted_and_shared_out() {
        let dirs: Vec<PathBuf> = ["c", "a", "b", "a"].iter().map(PathBuf::from).collect();
        let part = |index| select(&dirs, format!("count:{index}/2").parse().unwrap());
        assert_eq!(part(1), [PathBuf::from("a"), PathBuf::from("c")]);
        assert_eq!(part(2), [PathBuf::from("b")]);
    }
}

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

use std::{
    path::{Path, PathBuf},
    sync::Mutex,
    time::{Duration, Instant},
};

use anyhow::{Context, Result};

use crate::{
    check::{self, Cancel, CheckReport, Job},
    exercise::{Exercise, ExerciseSet},
    parallel,
    partition::Partition,
    progress::Progress,
};

/// What `opslings grade` found.
#[derive(Debug)]
pub struct GradeReport {
    pub partition: Partition,
    /// The points a workbook that passes everything gets.
    pub max_points: u32,
    /// In sorted order of their paths.
    pub workbooks: Vec<Graded>,
}

impl GradeReport {
    /// Whether every exercise of every workbook passed.
    pub fn ok(&self) -> bool {
        self.workbooks.iter().all(|w| {
            w.result
                .as_ref()
                .is_ok_and(|ex| ex.iter().all(|e| e.passed()))
        })
    }
}

/// One workbook's grade.
#[derive(Debug)]
pub struct Graded {
    /// The folder as given on the command line.
    pub path: PathBuf,
    /// Every exercise in info.toml order, or why the workbook could not be read at all.
    pub result: Result<Vec<GradedExercise>, String>,
}

impl Graded {
    pub fn points(&self) -> u32 {
        self.exercises().iter().map(GradedExercise::points).sum()
    }

    pub fn passed(&self) -> usize {
        self.exercises().iter().filter(|e| e.passed()).count()
    }

    pub fn exercises(&self) -> &[GradedExercise] {
        self.result.as_deref().unwrap_or_default()
    }
}

#[derive(Debug)]
pub struct GradedExercise {
    pub name: String,
    pub topic: String,
    pub weight: u32,
    pub outcome: Outcome,
    pub elapsed: Duration,
}

/// A verdict, or why there is none (the student's sources are missing or unreadable).
#[derive(Debug)]
pub enum Outcome {
    Checked(CheckReport),
    Error(String),
}

impl GradedExercise {
    pub fn passed(&self) -> bool {
        matches!(&self.outcome, Outcome::Checked(r) if r.verdict.passed())
    }

    pub fn points(&self) -> u32 {
        if self.passed() { self.weight } else { 0 }
    }
}

/// The workbooks a run grades: sorted, without repeats, then this partition's share.
pub fn select(dirs: &[PathBuf], partition: Partition) -> Vec<PathBuf> {
    let mut dirs = dirs.to_vec();
    dirs.sort();
    dirs.dedup();
    partition.select(dirs)
}

/// Grades `workbooks`, `jobs` checks at a time; `progress` counts checks.
pub fn run(
    set: &ExerciseSet,
    workbooks: &[PathBuf],
    partition: Partition,
    jobs: usize,
    progress: &Progress,
) -> Result<GradeReport> {
    let tree = tempfile::Builder::new()
        .prefix("opslings-grade-")
        .tempdir()
        .context("Failed to create a private folder to build the workbooks in")?;
    let exercises = &set.exercises;
    // Copy every workbook's sources first: reading student folders is quick, and a workbook
    // that cannot be read is known before any check runs.
    let copied: Vec<Result<Vec<Result<(), String>>, String>> = workbooks
        .iter()
        .enumerate()
        .map(|(w, dir)| sources::copy_workbook(exercises, dir, &tree.path().join(w.to_string())))
        .collect();

    let max_points: u32 = exercises.iter().map(|e| e.info.weight).sum();
    let mut tasks = Vec::new();
    // Per workbook: checks still to finish, and points so far, for a line when it is graded.
    let mut tally = Vec::new();
    for (w, copy) in copied.iter().enumerate() {
        let name = workbooks[w].display();
        match copy {
            Ok(copy) => {
                let ready: Vec<usize> = (0..exercises.len()).filter(|&e| copy[e].is_ok()).collect();
                progress.advance_by(exercises.len() - ready.len(), "");
                if ready.is_empty() {
                    progress.line(&format!("{name}: 0/{max_points} points"));
                }
                tally.push((ready.len(), 0));
                tasks.extend(ready.into_iter().map(|e| (w, e)));
            }
            Err(error) => {
                progress.advance_by(exercises.len(), "");
                progress.line(&format!("{name}: {error}"));
                tally.push((0, 0));
            }
        }
    }
    let tally = Mutex::new(tally);
    let checked = parallel::map(
        &tasks,
        jobs,
        |&(w, e)| check_one(&exercises[e], &tree.path().join(w.to_string())),
        |&(w, e), (outcome, _)| {
            let exercise = &exercises[e];
            let name = workbooks[w].display();
            progress.advance(&format!("{name}: {}", exercise.name()));
            let mut tally = tally.lock().unwrap_or_else(|e| e.into_inner());
            let (left, points) = &mut tally[w];
            *left -= 1;
            if matches!(outcome, Outcome::Checked(r) if r.verdict.passed()) {
                *points += exercise.info.weight;
            }
            if *left == 0 {
                progress.line(&format!("{name}: {points}/{max_points} points"));
            }
        },
    );
    progress.finish();

    let mut checked = checked.into_iter();
    let mut graded = Vec::with_capacity(workbooks.len());
    for (w, copy) in copied.into_iter().enumerate() {
        let result = copy.map(|copy| {
            copy.into_iter()
                .zip(exercises)
                .map(|(copied, exercise)| {
                    let (outcome, elapsed) = match copied {
                        Ok(()) => checked.next().expect("one check per copied exercise"),
                        Err(error) => (Outcome::Error(error), Duration::ZERO),
                    };
                    GradedExercise {
                        name: exercise.name().to_owned(),
                        topic: exercise.info.topic.clone(),
                        weight: exercise.info.weight,
                        outcome,
                        elapsed,
                    }
                })
                .collect()
        });
        graded.push(Graded {
            path: workbooks[w].clone(),
            result,
        });
    }
    Ok(GradeReport {
        partition,
        max_points,
        workbooks: graded,
    })
}

fn check_one(exercise: &Exercise, root: &Path) -> (Outcome, Duration) {
    let started = Instant::now();
    let job = Job {
        exercise,
        root,
        src: PathBuf::from(exercise.dir()).join("src"),
        build: PathBuf::from("target").join(exercise.name()),
        color: false,
        rename: Vec::new(),
    };
    let outcome = match check::check(&job, &Cancel::default()) {
        Ok(report) => Outcome::Checked(report.expect("nothing cancels a grade")),
        Err(e) => Outcome::Error(format!("{e:#}")),
    };
    (outcome, started.elapsed())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbooks_are_sorted_and_shared_out() {
        let dirs: Vec<PathBuf> = ["c", "a", "b", "a"].iter().map(PathBuf::from).collect();
        let part = |index| select(&dirs, Partition { index, count: 2 });
        assert_eq!(part(1), [PathBuf::from("a"), PathBuf::from("c")]);
        assert_eq!(part(2), [PathBuf::from("b")]);
    }
}

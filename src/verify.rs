/*!
Verification of an exercise set: every solution passes its hidden tests, every untouched
exercise does not, and info.toml agrees with the folders.

Both versions are written out from the course (the binary's copy or a folder) into a private
build folder and checked there, so the same code verifies a course on disk and the one built in.
*/

use std::{
    fs,
    path::{Path, PathBuf},
    sync::atomic::{AtomicUsize, Ordering},
};

use anyhow::{Context, Result};

use crate::{
    check::{self, Cancel, CheckReport, Job},
    exercise::{Exercise, ExerciseSet},
};

/// Which version of an exercise is checked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Version {
    /// The exercise as a student receives it: it must not pass.
    Untouched,
    /// The exercise with its solution's files: it must pass.
    Solution,
}

/// The outcome of verifying one exercise.
#[derive(Debug)]
pub struct Verification {
    pub name: String,
    pub solution: CheckReport,
    pub untouched: CheckReport,
}

impl Verification {
    pub fn ok(&self) -> bool {
        self.solution.verdict.passed() && !self.untouched.verdict.passed()
    }
}

/// Writes one version of an exercise's crate below `build` and returns its `src` folder.
pub fn materialize(
    set: &ExerciseSet,
    exercise: &Exercise,
    version: Version,
    build: &Path,
) -> Result<PathBuf> {
    let dir = build.join(match version {
        Version::Untouched => "untouched",
        Version::Solution => "solution",
    });
    if dir.exists() {
        fs::remove_dir_all(&dir).with_context(|| format!("Failed to clear {}", dir.display()))?;
    }
    let mut files = set.originals(exercise);
    if version == Version::Solution {
        files.extend(set.solution(exercise));
    }
    for (path, bytes) in files {
        let dest = dir.join(path);
        fs::create_dir_all(dest.parent().expect("a file has a folder"))?;
        fs::write(&dest, bytes).with_context(|| format!("Failed to write {}", dest.display()))?;
    }
    Ok(dir.join("src"))
}

/// Checks one version of an exercise, built in `root/target/opslings/verify/<name>/`.
pub fn check_version(
    set: &ExerciseSet,
    exercise: &Exercise,
    version: Version,
    root: &Path,
) -> Result<CheckReport> {
    let build = PathBuf::from("target/opslings/verify").join(exercise.name());
    let src = materialize(set, exercise, version, &root.join(&build))?;
    let job = Job {
        exercise,
        root,
        src,
        build: build
            .join(format!("{version:?}").to_lowercase())
            .join("build"),
        color: false,
    };
    let report = check::check(&job, &Cancel::default())?;
    Ok(report.expect("nothing cancels a verification"))
}

/// Verifies `exercises` with `jobs` checks at a time; `done` hears of each as it finishes.
/// Results come back in the order given.
pub fn verify_all(
    set: &ExerciseSet,
    exercises: &[&Exercise],
    root: &Path,
    jobs: usize,
    done: &(dyn Fn(&Verification) + Sync),
) -> Result<Vec<Verification>> {
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<Result<Verification>>> =
        (0..exercises.len()).map(|_| None).collect();
    let slots = std::sync::Mutex::new(&mut results);
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1).min(exercises.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(exercise) = exercises.get(i) else {
                        break;
                    };
                    let result = verify_one(set, exercise, root);
                    if let Ok(v) = &result {
                        done(v);
                    }
                    slots.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                }
            });
        }
    });
    results
        .into_iter()
        .map(|r| r.expect("every exercise was taken"))
        .collect()
}

fn verify_one(set: &ExerciseSet, exercise: &Exercise, root: &Path) -> Result<Verification> {
    Ok(Verification {
        name: exercise.name().to_owned(),
        solution: check_version(set, exercise, Version::Solution, root)?,
        untouched: check_version(set, exercise, Version::Untouched, root)?,
    })
}

/// Where info.toml and the folders disagree, and exercises that break the authoring rules.
pub fn problems(set: &ExerciseSet) -> Vec<String> {
    let mut problems = Vec::new();
    let listed = |name: &str| set.get(name).is_some();
    for path in set.course.paths() {
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["exercises", topic, name, "Cargo.toml"]
                if set.get(name).is_none_or(|e| e.info.topic != *topic) =>
            {
                problems.push(format!(
                    "exercises/{topic}/{name} is not in info.toml (or is under another topic)"
                ));
            }
            ["solutions", topic, name, ..]
                if set.get(name).is_none_or(|e| e.info.topic != *topic) =>
            {
                let problem =
                    format!("solutions/{topic}/{name} belongs to no exercise in info.toml");
                if !problems.contains(&problem) {
                    problems.push(problem);
                }
            }
            ["tests", "hidden", file] => {
                let name = file.trim_end_matches(".rs");
                if !listed(name) {
                    problems.push(format!(
                        "tests/hidden/{file} belongs to no exercise in info.toml"
                    ));
                }
            }
            ["exercises", topic, "README.md"] if !set.topics().contains(topic) => {
                problems.push(format!(
                    "exercises/{topic}/README.md is a topic with no exercise in info.toml"
                ));
            }
            _ => {}
        }
    }
    for exercise in &set.exercises {
        let marked = set
            .originals(exercise)
            .iter()
            .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains("TODO"));
        if !marked {
            problems.push(format!(
                "{} has no `TODO` marking the place to edit",
                exercise.main_file()
            ));
        }
    }
    problems
}

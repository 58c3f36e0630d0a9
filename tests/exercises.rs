//! The real exercise set: every solution passes its hidden tests, every untouched exercise does
//! not, and info.toml agrees with the folders. This is what `cargo test` promises an instructor.

use std::path::Path;

use opslings::{
    course::Course,
    exercise::{Exercise, ExerciseSet},
    verify::{self, Verification},
};

fn describe(v: &Verification) -> String {
    let mut text = format!("{}:", v.name);
    if !v.solution.verdict.passed() {
        text += &format!("\n  the solution does not pass: {:?}", v.solution.verdict);
    }
    if v.untouched.verdict.passed() {
        text += "\n  the untouched exercise passes: the student would have nothing to do";
    }
    text
}

#[test]
fn every_solution_passes_and_every_untouched_exercise_fails() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let set = ExerciseSet::load(Course::from_dir(root).unwrap()).unwrap();
    let problems = verify::problems(&set);
    assert!(
        problems.is_empty(),
        "info.toml and the folders disagree:\n{}",
        problems.join("\n")
    );

    let all: Vec<&Exercise> = set.exercises.iter().collect();
    let jobs = std::thread::available_parallelism().map_or(2, |n| n.get());
    let results = verify::verify_all(&set, &all, root, jobs, &|_| {}).unwrap();
    let bad: Vec<String> = results.iter().filter(|v| !v.ok()).map(describe).collect();
    assert!(
        bad.is_empty(),
        "{} exercises are not sound:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

//! How fast a class is graded: checks per second of `opslings grade`, cold and with a warm
//! verdict cache, beside the throughput of the rustc floor on the same checks.
//!
//! `cargo bench --bench grade_class [-- WORKBOOKS [EXERCISE…]]` (default: 100 workbooks on
//! circuit_breaker, backup_retention and percentiles; exercises of one file each). A synthetic
//! class is built over a course holding only those exercises: a third of the workbooks
//! untouched, half solved (each student's copy of the solution differs by a comment, as real
//! solutions differ), the rest wrong answers (the exercise as given, started but not solved: it
//! compiles and fails its tests).
//!
//! - `floor`: `rustc --test` on every check's code with its hidden tests in one file, as many at
//!   once as there are cores: what a grader that only compiles would manage.
//! - `grade, no cache`: `opslings grade --no-cache` (untouched exercises judged without compiling).
//! - `grade, cold cache`: `opslings grade --cache DIR` with DIR empty.
//! - `grade, warm cache`: the same again, every verdict in DIR.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
    sync::atomic::{AtomicUsize, Ordering},
    thread,
    time::{Duration, Instant},
};

const BIN: &str = env!("CARGO_BIN_EXE_opslings");

/// One exercise of the course: its topic and the sources a student can be given.
struct Exercise {
    name: String,
    topic: String,
    original: String,
    solution: String,
    hidden: String,
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let workbooks: usize = args.first().and_then(|n| n.parse().ok()).unwrap_or(100);
    let mut names: Vec<String> = args.iter().skip(1).cloned().collect();
    if names.is_empty() {
        names = ["circuit_breaker", "backup_retention", "percentiles"]
            .map(String::from)
            .to_vec();
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    let course = work.path().join("course");
    let exercises = course_of(repo, &names, &course);
    let dirs = class(work.path(), &exercises, workbooks);
    let checks = dirs.len() * exercises.len();
    let cores = thread::available_parallelism().map_or(1, |n| n.get());

    // Warm-up: the toolchain's files in the page cache.
    floor(work.path(), &exercises, &dirs[..1], 1);
    let floor_time = floor(work.path(), &exercises, &dirs, cores);
    let no_cache = grade(&course, &dirs, &["--no-cache"]);
    let cache = work.path().join("cache");
    let cache_arg = cache.to_str().unwrap();
    let cold = grade(&course, &dirs, &["--cache", cache_arg]);
    let warm = grade(&course, &dirs, &["--cache", cache_arg]);

    let rate = |d: Duration| checks as f64 / d.as_secs_f64();
    let floor_rate = rate(floor_time);
    println!(
        "grading {} workbooks x {} exercises = {checks} checks ({}), {cores} cores",
        dirs.len(),
        exercises.len(),
        names.join(", ")
    );
    for (label, time) in [
        ("floor: rustc --test of every check", floor_time),
        ("opslings grade, no cache", no_cache),
        ("opslings grade, cold cache", cold),
        ("opslings grade, warm cache", warm),
    ] {
        println!(
            "  {label:<38} {:>8.2} s  {:>8.1} checks/s  {:>6.2}x the floor's throughput",
            time.as_secs_f64(),
            rate(time),
            rate(time) / floor_rate
        );
    }
}

/// A course holding only `names`, written to `to`.
fn course_of(repo: &Path, names: &[String], to: &Path) -> Vec<Exercise> {
    for dir in ["exercises", "solutions", "tests/hidden"] {
        opslings::workbook::copy_tree(&repo.join(dir), &to.join(dir)).unwrap();
    }
    let info = fs::read_to_string(repo.join("info.toml")).unwrap();
    let mut blocks = info.split("\n[[exercises]]\n");
    let mut kept = blocks.next().unwrap().to_owned();
    let mut exercises = Vec::new();
    for block in blocks {
        let field = |key: &str| {
            let line = block
                .lines()
                .find(|l| l.starts_with(&format!("{key} = ")))
                .unwrap();
            line.split('"').nth(1).unwrap().to_owned()
        };
        let name = field("name");
        if !names.contains(&name) {
            continue;
        }
        kept.push_str("\n[[exercises]]\n");
        kept.push_str(block);
        let topic = field("topic");
        let read = |path: String| fs::read_to_string(repo.join(path)).unwrap();
        exercises.push(Exercise {
            original: read(format!("exercises/{topic}/{name}/src/lib.rs")),
            solution: read(format!("solutions/{topic}/{name}/src/lib.rs")),
            hidden: read(format!("tests/hidden/{name}.rs")),
            name,
            topic,
        });
    }
    assert_eq!(
        exercises.len(),
        names.len(),
        "no such exercise among {names:?}"
    );
    fs::write(to.join("info.toml"), kept).unwrap();
    exercises
}

/// Which version of each exercise workbook `i` holds: untouched, solved or a wrong answer.
fn version(exercise: &Exercise, i: usize, workbooks: usize) -> (String, &'static str) {
    if i.is_multiple_of(3) {
        (exercise.original.clone(), "untouched")
    } else if solved(i, workbooks) {
        (format!("{}\n// student {i}\n", exercise.solution), "solved")
    } else {
        (format!("{}\n// attempt {i}\n", exercise.original), "wrong")
    }
}

/// Half the class solved the exercises: the first half of the workbooks that are not untouched.
fn solved(i: usize, workbooks: usize) -> bool {
    let touched_before = i - i.div_ceil(3);
    touched_before < workbooks / 2
}

/// The class: `workbooks` folders holding every exercise, each in its version.
fn class(dir: &Path, exercises: &[Exercise], workbooks: usize) -> Vec<PathBuf> {
    let mut counts = [0; 3];
    let dirs: Vec<PathBuf> = (0..workbooks)
        .map(|i| {
            let wb = dir.join(format!("class/student{i:03}"));
            for exercise in exercises {
                let (code, kind) = version(exercise, i, workbooks);
                let src = wb.join(format!(
                    "exercises/{}/{}/src",
                    exercise.topic, exercise.name
                ));
                fs::create_dir_all(&src).unwrap();
                fs::write(src.join("lib.rs"), code).unwrap();
                counts[["untouched", "solved", "wrong"]
                    .iter()
                    .position(|k| *k == kind)
                    .unwrap()] += 1;
            }
            wb
        })
        .collect();
    let per = exercises.len();
    println!(
        "class: {} untouched, {} solved, {} wrong answers (workbooks)",
        counts[0] / per,
        counts[1] / per,
        counts[2] / per
    );
    dirs
}

/// Compiles every check's code with its tests in one rustc --test, `jobs` at a time.
fn floor(dir: &Path, exercises: &[Exercise], dirs: &[PathBuf], jobs: usize) -> Duration {
    let items: Vec<(usize, usize)> = (0..dirs.len())
        .flat_map(|w| (0..exercises.len()).map(move |e| (w, e)))
        .collect();
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    thread::scope(|scope| {
        for job in 0..jobs {
            let (items, next) = (&items, &next);
            scope.spawn(move || {
                let out = dir.join(format!("floor{job}"));
                fs::create_dir_all(&out).unwrap();
                while let Some(&(w, e)) = items.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let exercise = &exercises[e];
                    let code = fs::read_to_string(dirs[w].join(format!(
                        "exercises/{}/{}/src/lib.rs",
                        exercise.topic, exercise.name
                    )))
                    .unwrap();
                    let file = out.join("floor.rs");
                    let name = &exercise.name;
                    let hidden = &exercise.hidden;
                    fs::write(
                        &file,
                        format!("{code}\n#[cfg(test)]\nmod hidden {{\nuse crate as {name};\n{hidden}\n}}\n"),
                    )
                    .unwrap();
                    let status = Command::new("rustc")
                        .args(["--edition", "2021", "--test", "-o"])
                        .arg(out.join("floor"))
                        .arg(&file)
                        .output()
                        .unwrap();
                    assert!(status.status.success(), "the floor does not compile {name}");
                }
            });
        }
    });
    started.elapsed()
}

/// Grades the class with the real binary; the report itself is not looked at.
fn grade(course: &Path, dirs: &[PathBuf], flags: &[&str]) -> Duration {
    let started = Instant::now();
    let out = Command::new(BIN)
        .arg("grade")
        .args(flags)
        .args(["--format", "json", "--course"])
        .arg(course)
        .args(dirs)
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    assert!(
        out.status.code() == Some(1) || out.status.success(),
        "grade failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    elapsed
}

//! `opslings verify` of the whole exercise set beside the rustc floor of the same checks.
//!
//! `cargo bench --bench verify_set [-- EXERCISE…]` (default: every exercise). Both versions of
//! each exercise are checked by `verify` (the solution must pass, the untouched exercise must
//! not), so the floor is `rustc --test` on each version with its hidden tests in one file, as
//! many at once as there are cores. Measured in one run, and reported as ratios to the floor:
//!
//! - `verify, no cache`: every check compiled (`--no-cache`).
//! - `verify, warm cache`: again with every verdict in a cache (`--cache DIR`, filled once first).

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
    sync::atomic::{AtomicUsize, Ordering},
    thread,
    time::{Duration, Instant},
};

const BIN: &str = env!("CARGO_BIN_EXE_opslings");

fn main() {
    let names: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().unwrap();
    let versions = versions(repo, &names);
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    // Warm-up: the toolchain's files in the page cache.
    floor(work.path(), &versions[..1], 1);
    let floor_time = floor(work.path(), &versions, cores);
    let no_cache = verify(repo, &names, &["--no-cache"]);
    let cache = work.path().join("cache");
    let cache = cache.to_str().unwrap();
    verify(repo, &names, &["--cache", cache]);
    let warm = verify(repo, &names, &["--cache", cache]);
    println!(
        "verify of {} exercises ({} checks), {cores} cores, ratios to the floor",
        versions.len() / 2,
        versions.len()
    );
    for (label, time) in [
        ("floor: rustc --test of every check", floor_time),
        ("opslings verify, no cache", no_cache),
        ("opslings verify, warm cache", warm),
    ] {
        println!(
            "  {label:<38} {:>8.2} s  {:>5.2}x",
            time.as_secs_f64(),
            time.as_secs_f64() / floor_time.as_secs_f64()
        );
    }
}

/// Every exercise's two versions as one file with its tests, ready for `rustc --test`.
fn versions(repo: &Path, names: &[String]) -> Vec<String> {
    let mut files = Vec::new();
    for topic in fs::read_dir(repo.join("exercises")).unwrap() {
        let topic = topic.unwrap().path();
        for dir in fs::read_dir(&topic).unwrap() {
            let dir = dir.unwrap().path();
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            if !dir.join("Cargo.toml").is_file() || !(names.is_empty() || names.contains(&name)) {
                continue;
            }
            let hidden = fs::read_to_string(repo.join(format!("tests/hidden/{name}.rs"))).unwrap();
            let solution = repo
                .join("solutions")
                .join(topic.file_name().unwrap())
                .join(&name);
            for src in [dir.join("src"), solution.join("src")] {
                files.push(one_file(&src, &dir.join("src"), &name, &hidden));
            }
        }
    }
    files
}

/// The crate (its own files, else the exercise's) as one file: `mod x;` files are inlined.
fn one_file(src: &Path, fallback: &Path, name: &str, hidden: &str) -> String {
    let read = |file: &str| {
        fs::read_to_string(src.join(file))
            .or_else(|_| fs::read_to_string(fallback.join(file)))
            .unwrap()
    };
    let mut code = String::new();
    for line in read("lib.rs").lines() {
        let module = line
            .trim()
            .strip_prefix("pub mod ")
            .or_else(|| line.trim().strip_prefix("mod "))
            .and_then(|m| m.strip_suffix(';'));
        match module {
            Some(m) => code.push_str(&format!(
                "{} {{\n{}\n}}\n",
                line.trim().trim_end_matches(';'),
                read(&format!("{m}.rs"))
            )),
            None => {
                code.push_str(line);
                code.push('\n');
            }
        }
    }
    format!("{code}\n#[cfg(test)]\nmod hidden {{\nuse crate as {name};\n{hidden}\n}}\n")
}

/// Compiles every file with rustc --test, `jobs` at a time.
fn floor(dir: &Path, files: &[String], jobs: usize) -> Duration {
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    thread::scope(|scope| {
        for job in 0..jobs {
            let next = &next;
            scope.spawn(move || {
                let out: PathBuf = dir.join(format!("floor{job}"));
                fs::create_dir_all(&out).unwrap();
                while let Some(code) = files.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let file = out.join("floor.rs");
                    fs::write(&file, code).unwrap();
                    let _ = Command::new("rustc")
                        .args(["--edition", "2021", "--test", "-o"])
                        .arg(out.join("floor"))
                        .arg(&file)
                        .output()
                        .unwrap();
                }
            });
        }
    });
    started.elapsed()
}

/// `opslings verify` in the repository, on the set on disk.
fn verify(repo: &Path, names: &[String], flags: &[&str]) -> Duration {
    let started = Instant::now();
    let out = Command::new(BIN)
        .arg("verify")
        .args(names)
        .args(flags)
        .current_dir(repo)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "verify failed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    started.elapsed()
}

/*!
Checks one exercise crate against its hidden tests and returns a typed verdict.

The crate is compiled by rustc as a library, the hidden tests (the runner's own copy) as a
program linked against it, and the program is run under a time limit and an output cap. Calling
rustc directly rather than cargo keeps a check close to the cost of compiling the code itself.
*/

pub mod harness;
pub mod process;

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
    sync::OnceLock,
    time::Duration,
};

use anyhow::{Context, Result};

use crate::exercise::Exercise;
use harness::{Report, parse_report};
pub use process::Cancel;
use process::{Limits, Stop};

/// How long rustc may take on one crate before the check is abandoned.
const COMPILE_TIME_LIMIT: Duration = Duration::from_secs(120);
/// Output a test program may write, beyond its reports, before it is stopped.
const OUTPUT_CAP: usize = 1024 * 1024;

/// The outcome of checking an exercise.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Every hidden test ran and reported a pass.
    Passed { tests: usize },
    /// The student's crate, or the hidden tests against its API, did not compile.
    CompileError { part: Part, diagnostics: String },
    /// Some hidden tests failed; the others passed.
    Failed {
        failures: Vec<Failure>,
        passed: usize,
        total: usize,
    },
    /// The tests were stopped at the time limit, during `test` when one was running.
    TimedOut {
        test: Option<String>,
        limit: Duration,
        passed: usize,
        total: usize,
    },
    /// The program ended before every test had reported: an exit, an abort, a crash.
    Crashed {
        reason: String,
        test: Option<String>,
        passed: usize,
        total: usize,
    },
}

/// Which compilation failed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Part {
    Exercise,
    HiddenTests,
}

/// A failed hidden test and what it said.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub test: String,
    pub message: String,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Self::Passed { .. })
    }

    /// A short label for tables and reports.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Passed { .. } => "passed",
            Self::CompileError { .. } => "compile error",
            Self::Failed { .. } => "tests failed",
            Self::TimedOut { .. } => "timed out",
            Self::Crashed { .. } => "crashed",
        }
    }
}

/// A verdict with what the student's code printed while the tests ran.
#[derive(Clone, Debug)]
pub struct CheckReport {
    pub verdict: Verdict,
    pub output: String,
}

/// One check to do.
pub struct Job<'a> {
    pub exercise: &'a Exercise,
    /// The folder rustc runs in; compiler messages name files relative to it.
    pub root: &'a Path,
    /// The crate's `src` folder, relative to `root` (or absolute).
    pub src: PathBuf,
    /// A private folder for the build (created if needed), relative to `root` (or absolute).
    pub build: PathBuf,
    /// Whether compiler messages are coloured.
    pub color: bool,
    /// Source files to call by another name in messages (as rustc sees them, then the name),
    /// for a crate assembled in a build folder from files that live elsewhere.
    pub rename: Vec<(PathBuf, String)>,
}

/// Checks one exercise; `Ok(None)` when `cancel` stopped it.
pub fn check(job: &Job, cancel: &Cancel) -> Result<Option<CheckReport>> {
    let ex = job.exercise;
    let build_abs = job.root.join(&job.build);
    fs::create_dir_all(&build_abs)
        .with_context(|| format!("Failed to create the build folder {}", build_abs.display()))?;
    let color = if job.color { "always" } else { "never" };
    let compile_limits = Limits {
        time: COMPILE_TIME_LIMIT,
        output: OUTPUT_CAP,
    };

    let lib_rs = job.src.join("lib.rs");
    if !job.root.join(&lib_rs).is_file() {
        let diagnostics = format!(
            "{} is missing. If it was deleted or renamed by mistake, the `reset {}` command \
             restores the original (it backs up what is in the folder first).",
            lib_rs.display(),
            ex.info.name
        );
        let verdict = Verdict::CompileError {
            part: Part::Exercise,
            diagnostics,
        };
        return Ok(Some(CheckReport {
            verdict,
            output: String::new(),
        }));
    }

    // The student's crate, as a library.
    let mut lib = rustc(job.root)?;
    lib.args([
        "--crate-type",
        "lib",
        "--crate-name",
        &ex.info.name,
        "--edition",
        &ex.edition,
    ])
    .args(["-C", "debuginfo=0", "--color", color, "--out-dir"])
    .arg(&job.build)
    .arg(&lib_rs);
    for (path, name) in &job.rename {
        lib.arg("--remap-path-prefix")
            .arg(format!("{}={name}", path.display()));
    }
    let done = process::run(lib, b"", compile_limits, cancel, &|_| false)?;
    match done.stop {
        Stop::Cancelled => return Ok(None),
        Stop::Exited(status) if status.success() => {}
        _ => return Ok(Some(compile_error(Part::Exercise, done))),
    }

    // The hidden tests, as a program linked against it. The source is written afresh from the
    // runner's copy every time, so a hidden test file edited on disk changes nothing.
    let program = job.build.join("hidden.rs");
    fs::write(job.root.join(&program), &ex.hidden.program)
        .with_context(|| format!("Failed to write {}", program.display()))?;
    let binary = job
        .build
        .join(format!("hidden{}", std::env::consts::EXE_SUFFIX));
    let rlib = job.build.join(format!("lib{}.rlib", ex.info.name));
    let mut tests = rustc(job.root)?;
    tests
        .args(["--crate-name", "opslings_hidden", "--edition", &ex.edition])
        .args(["-C", "debuginfo=0", "-A", "warnings", "--color", color])
        .arg("--extern")
        .arg(format!("{}={}", ex.info.name, rlib.display()))
        .arg("-L")
        .arg(format!("dependency={}", job.build.display()))
        .arg("--remap-path-prefix")
        .arg(format!("{}={}", program.display(), ex.hidden_path()))
        .arg("-o")
        .arg(&binary)
        .arg(&program);
    let done = process::run(tests, b"", compile_limits, cancel, &|_| false)?;
    match done.stop {
        Stop::Cancelled => return Ok(None),
        Stop::Exited(status) if status.success() => {}
        _ => return Ok(Some(compile_error(Part::HiddenTests, done))),
    }

    // Run it. Student code runs in the build folder, so files it writes land there.
    let nonce = nonce();
    let mut run = Command::new(job.root.join(&binary));
    run.current_dir(&build_abs);
    let limits = Limits {
        time: ex.info.time_limit,
        output: OUTPUT_CAP,
    };
    let is_report = |line: &str| line.starts_with(nonce.as_str());
    let done = process::run(
        run,
        format!("{nonce}\n").as_bytes(),
        limits,
        cancel,
        &is_report,
    )?;
    if done.stop == Stop::Cancelled {
        return Ok(None);
    }
    let verdict = judge(ex.hidden.names.len(), &nonce, &done, ex.info.time_limit);
    Ok(Some(CheckReport {
        verdict,
        output: done.output,
    }))
}

fn compile_error(part: Part, done: process::Finished) -> CheckReport {
    let diagnostics = match done.stop {
        Stop::TimedOut => format!(
            "{}\nrustc took longer than {COMPILE_TIME_LIMIT:?} and was stopped",
            done.output
        ),
        _ => done.output,
    };
    CheckReport {
        verdict: Verdict::CompileError { part, diagnostics },
        output: String::new(),
    }
}

/// Reads the reports of a finished test program into a verdict. A test counts as passed only
/// if it reported so itself, and the program must also have said it finished and exited cleanly.
fn judge(total: usize, nonce: &str, done: &process::Finished, limit: Duration) -> Verdict {
    let mut passed = 0;
    let mut failures = Vec::new();
    let mut running = None;
    let mut finished = false;
    for line in &done.reports {
        match parse_report(nonce, line) {
            Some(Report::Start(test)) => running = Some(test),
            Some(Report::Pass(_)) => {
                passed += 1;
                running = None;
            }
            Some(Report::Fail(test, message)) => {
                failures.push(Failure { test, message });
                running = None;
            }
            Some(Report::Done) => finished = true,
            None => {}
        }
    }
    match &done.stop {
        Stop::TimedOut => Verdict::TimedOut {
            test: running,
            limit,
            passed,
            total,
        },
        Stop::OutputCapped => Verdict::Crashed {
            reason: format!(
                "it printed more than {} KiB and was stopped",
                OUTPUT_CAP / 1024
            ),
            test: running,
            passed,
            total,
        },
        Stop::Exited(status)
            if finished && status.success() && passed + failures.len() == total =>
        {
            if failures.is_empty() {
                Verdict::Passed { tests: total }
            } else {
                Verdict::Failed {
                    failures,
                    passed,
                    total,
                }
            }
        }
        Stop::Exited(status) => Verdict::Crashed {
            reason: exit_reason(status, done),
            test: running,
            passed,
            total,
        },
        Stop::Cancelled => unreachable!("a cancelled run is not judged"),
    }
}

fn exit_reason(status: &std::process::ExitStatus, done: &process::Finished) -> String {
    if done.output.contains("has overflowed its stack") {
        return "the stack overflowed (unbounded recursion?)".into();
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                6 => "SIGABRT: the process aborted",
                9 => "SIGKILL: the process was killed",
                11 => "SIGSEGV: a memory fault",
                _ => "a signal",
            };
            return format!("the test program was ended by signal {signal} ({name})");
        }
    }
    match status.code() {
        Some(code) => format!(
            "the test program exited with status {code} before every test had reported \
             (does the code call std::process::exit?)"
        ),
        None => format!("the test program ended abnormally ({status})"),
    }
}

/// The rustc to use: `$RUSTC`, else the toolchain's own binary (found once through the
/// `rustc` on PATH), which skips the rustup proxy's start-up cost on every compile.
fn rustc(root: &Path) -> Result<Command> {
    static RUSTC: OnceLock<PathBuf> = OnceLock::new();
    let path = match RUSTC.get() {
        Some(path) => path.clone(),
        None => {
            let path = find_rustc()?;
            RUSTC.get_or_init(|| path).clone()
        }
    };
    let mut command = Command::new(path);
    command.current_dir(root);
    Ok(command)
}

fn find_rustc() -> Result<PathBuf> {
    if let Some(rustc) = std::env::var_os("RUSTC") {
        return Ok(rustc.into());
    }
    let output = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .context(RUSTC_MISSING)?;
    anyhow::ensure!(output.status.success(), RUSTC_MISSING);
    let sysroot = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    let direct = Path::new(&sysroot)
        .join("bin")
        .join(format!("rustc{}", std::env::consts::EXE_SUFFIX));
    Ok(if direct.is_file() {
        direct
    } else {
        "rustc".into()
    })
}

const RUSTC_MISSING: &str = "Failed to run `rustc`: opslings needs a Rust toolchain. \
Install one from https://rustup.rs, open a new terminal, and try again";

/// A value the student's code cannot guess, to tell the harness's reports from printed text.
fn nonce() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.write_u32(std::process::id());
    let second = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    format!("opslings-{:016x}{:016x}", hasher.finish(), second)
}

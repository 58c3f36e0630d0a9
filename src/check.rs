/*!
Checks one exercise crate against its hidden tests and returns a typed verdict.

One rustc builds the student's crate and the hidden tests (the runner's own copy) together into
a test program (`together.rs`); only when that fails for a reason outside the student's own code
are they built in two steps, the crate as a library and the tests as a program linked against
it, so that the messages say which side does not compile. The program is run under a time limit
and an output cap. Calling rustc directly rather than cargo keeps a check close to the cost of
compiling the code itself, and a verdict cache (`cache.rs`) skips the check altogether when
nothing it depends on changed.

This module is a leaf: a [`Job`] carries everything a check needs, and nothing here knows of
courses, workbooks or the commands that ask for checks.
*/

pub mod cache;
pub mod harness;
pub mod launch;
pub mod process;
pub mod sandbox;
pub mod storage;
mod together;
pub mod toolchain;
mod verdict;

use std::{
    fs,
    ops::ControlFlow,
    path::{Path, PathBuf},
    process::Command,
    time::Duration,
};

use anyhow::{Context, Result};

use harness::HiddenTests;
pub use process::Cancel;
use process::{Finished, Limits, Stop};
use sandbox::Policy;
pub use sandbox::{Mode as SandboxMode, Resources};
use toolchain::Toolchain;
pub use verdict::{
    CheckReport, CrashReason, Failure, LimitHit, Part, TestResult, TestStatus, Verdict,
};

/// How long rustc may take on one crate before the check is abandoned.
const COMPILE_TIME_LIMIT: Duration = Duration::from_secs(60);
/// Output a test program may write, beyond its reports, before it is stopped.
pub const OUTPUT_CAP: usize = 1024 * 1024;

/// Flags every compilation of a check passes; they are part of the verdict cache's key.
const FLAGS: &[&str] = &["-C", "debuginfo=0"];
/// Flags of every compilation of student code, also in the key. From the command line, so that
/// no attribute in the crate can lower them: unsafe code could run before `main` or replace the
/// functions the harness reports with, and a `const` that never ends would keep rustc busy
/// until its CPU limit.
const STUDENT_FLAGS: &[&str] = &["-F", "unsafe_code", "-F", "long_running_const_eval"];
/// How the messages of a compilation stopped at the time limit end.
const COMPILE_TIMED_OUT: &str = "and was stopped";

/// One check to do.
pub struct Job<'a> {
    /// The crate's name, as the hidden tests `use` it.
    pub crate_name: &'a str,
    /// The Rust edition of the crate.
    pub edition: &'a str,
    /// The hidden tests, ready to compile.
    pub hidden: &'a HiddenTests,
    /// How compiler messages and panics name the hidden test file.
    pub hidden_name: &'a str,
    /// How long the hidden tests may run.
    pub time_limit: Duration,
    /// The folder rustc runs in; compiler messages name files relative to it.
    pub root: &'a Path,
    /// The crate's `src` folder, relative to `root` (or absolute); it holds a `lib.rs`.
    pub src: PathBuf,
    /// A private folder for the build (created if needed), relative to `root` (or absolute).
    pub build: PathBuf,
    /// Whether compiler messages are coloured.
    pub color: bool,
    /// Source files to call by another name in messages (as rustc sees them, then the name),
    /// for a crate assembled in a build folder from files that live elsewhere.
    pub rename: Vec<(PathBuf, String)>,
    /// How much rustc and the test program are confined.
    pub sandbox: SandboxMode,
    /// What the test program may use.
    pub resources: Resources,
    /// Where verdicts are kept between checks of the same content, if anywhere.
    pub cache: Option<&'a cache::Cache>,
}

/// How a check ended.
#[derive(Debug)]
pub enum Checked {
    Report(CheckReport),
    /// `cancel` stopped it before it had a verdict.
    Cancelled,
}

/// Checks one exercise; [`Checked::Cancelled`] when `cancel` stopped it.
pub fn check(job: &Job, cancel: &Cancel) -> Result<Checked> {
    if cancel.is_cancelled() {
        return Ok(Checked::Cancelled);
    }
    let toolchain = Toolchain::get()?;
    let Some((cache, key)) = job
        .cache
        .and_then(|cache| Some((cache, cache::Key::of(job, &toolchain.version)?)))
    else {
        return build_and_run(job, toolchain, cancel);
    };
    if let Some(report) = cache.get(&key) {
        return Ok(Checked::Report(report));
    }
    let checked = build_and_run(job, toolchain, cancel)?;
    // Sources saved during the check may not be the ones compiled: such a verdict is not kept.
    if let Checked::Report(report) = &checked
        && cache::Key::of(job, &toolchain.version) == Some(key)
    {
        cache.put(&key, report);
    }
    Ok(checked)
}

/// Compiles and runs the check, in its build folder.
fn build_and_run(job: &Job, toolchain: &Toolchain, cancel: &Cancel) -> Result<Checked> {
    let build_abs = job.root.join(&job.build);
    fs::create_dir_all(&build_abs)
        .map_err(|e| storage_error(job, e))
        .with_context(|| format!("Failed to create the build folder {}", build_abs.display()))?;
    // Two processes checking one exercise at once would overwrite each other's build: the
    // second waits for the first (the folder keeps its cache, which a private one would not).
    let lock_path = build_abs.join(".lock");
    let lock = crate::lock::exclusive(&lock_path, &|| cancel.is_cancelled())
        .with_context(|| format!("Failed to lock the build folder {}", build_abs.display()))?;
    let Some(_lock) = lock else {
        return Ok(Checked::Cancelled);
    };
    let binary = match together::compile(job, toolchain, cancel)? {
        ControlFlow::Continue(Some(binary)) => binary,
        ControlFlow::Continue(None) => match compile_apart(job, toolchain, cancel)? {
            ControlFlow::Continue(binary) => binary,
            ControlFlow::Break(checked) => return Ok(checked),
        },
        ControlFlow::Break(checked) => return Ok(checked),
    };
    run_tests(job, toolchain, &binary, cancel)
}

/// Checks one exercise to the end: nothing can cancel it.
pub fn check_to_end(job: &Job) -> Result<CheckReport> {
    match check(job, &Cancel::default())? {
        Checked::Report(report) => Ok(report),
        Checked::Cancelled => anyhow::bail!("The check of {} was cancelled", job.crate_name),
    }
}

fn compile_limits() -> Limits {
    Limits {
        time: COMPILE_TIME_LIMIT,
        output: OUTPUT_CAP,
    }
}

fn color(job: &Job) -> &'static str {
    if job.color { "always" } else { "never" }
}

/// The two-step build, which says which side does not compile: the student's crate, then the
/// hidden tests against it.
fn compile_apart(
    job: &Job,
    toolchain: &Toolchain,
    cancel: &Cancel,
) -> Result<ControlFlow<Checked, PathBuf>> {
    if let ControlFlow::Break(checked) = compile_library(job, toolchain, cancel)? {
        return Ok(ControlFlow::Break(checked));
    }
    compile_tests(job, toolchain, cancel)
}

/// The student's crate, as a library.
fn compile_library(
    job: &Job,
    toolchain: &Toolchain,
    cancel: &Cancel,
) -> Result<ControlFlow<Checked>> {
    let mut lib = toolchain.rustc(job.root);
    lib.args(["--crate-type", "lib", "--crate-name", job.crate_name])
        .args(["--edition", job.edition])
        .args(STUDENT_FLAGS)
        .args(FLAGS)
        .args(["--color", color(job), "--out-dir"])
        .arg(&job.build)
        .arg(job.src.join("lib.rs"));
    for (path, name) in &job.rename {
        lib.arg("--remap-path-prefix")
            .arg(format!("{}={name}", path.display()));
    }
    let policy = compile_policy(job, toolchain).map(|p| p.read(job.root.join(&job.src)));
    let done = compile(lib, cancel, policy.as_ref())?;
    compiled(job, Part::Exercise, done, policy.as_ref())
}

/// The hidden tests, as a program linked against the library. The source is written afresh
/// from the runner's copy every time, so a hidden test file edited on disk changes nothing.
fn compile_tests(
    job: &Job,
    toolchain: &Toolchain,
    cancel: &Cancel,
) -> Result<ControlFlow<Checked, PathBuf>> {
    let program = job.build.join("hidden.rs");
    fs::write(job.root.join(&program), &job.hidden.program)
        .map_err(|e| storage_error(job, e))
        .with_context(|| format!("Failed to write {}", program.display()))?;
    let binary = job
        .build
        .join(format!("hidden{}", std::env::consts::EXE_SUFFIX));
    let rlib = job.build.join(format!("lib{}.rlib", job.crate_name));
    let mut tests = toolchain.rustc(job.root);
    tests
        .args(["--crate-name", "opslings_hidden", "--edition", job.edition])
        .args(toolchain.dynamic_std())
        .args(FLAGS)
        .args(["-A", "warnings", "--color", color(job)])
        .arg("--extern")
        .arg(format!("{}={}", job.crate_name, rlib.display()))
        .arg("-L")
        .arg(format!("dependency={}", job.build.display()))
        .arg("--remap-path-prefix")
        .arg(format!("{}={}", program.display(), job.hidden_name))
        .arg("-o")
        .arg(&binary)
        .arg(&program);
    let policy = compile_policy(job, toolchain);
    let done = compile(tests, cancel, policy.as_ref())?;
    Ok(
        match compiled(job, Part::HiddenTests, done, policy.as_ref())? {
            ControlFlow::Continue(()) => ControlFlow::Continue(binary),
            ControlFlow::Break(checked) => ControlFlow::Break(checked),
        },
    )
}

/// Runs one rustc under the compile limits, in its sandbox.
fn compile(rustc: Command, cancel: &Cancel, policy: Option<&Policy>) -> Result<Finished> {
    process::run(rustc, b"", compile_limits(), cancel, &|_| false, policy)
}

/// Goes on when rustc succeeded; otherwise the check ends with its messages, or with an
/// error when they say the disk, not the code, is at fault.
fn compiled(
    job: &Job,
    part: Part,
    done: Finished,
    policy: Option<&Policy>,
) -> Result<ControlFlow<Checked>> {
    sandbox_failed(&done, policy)?;
    let failed = matches!(done.stop, Stop::Exited(status) if !status.success());
    let build = job.root.join(&job.build);
    if let Some(cause) = failed
        .then(|| storage::Cause::of_build(&done.output, &build))
        .flatten()
    {
        return Err(storage::StorageError { cause, build }.into());
    }
    let diagnostics = match done.stop {
        Stop::Exited(status) if status.success() => return Ok(ControlFlow::Continue(())),
        Stop::Cancelled => return Ok(ControlFlow::Break(Checked::Cancelled)),
        Stop::TimedOut => format!(
            "{}\nrustc took longer than {COMPILE_TIME_LIMIT:?} {COMPILE_TIMED_OUT}",
            done.output
        ),
        Stop::Exited(status) if out_of_cpu(status) => format!(
            "{}\nrustc hit the sandbox's limit of {} s of CPU time and was stopped (a `const` \
             that never ends?)",
            done.output,
            Resources::COMPILE.cpu_secs
        ),
        _ => done.output,
    };
    let report = CheckReport::compile_error(job.hidden, part, diagnostics);
    Ok(ControlFlow::Break(Checked::Report(report)))
}

/// Whether the kernel stopped the process at its CPU limit (SIGXCPU).
fn out_of_cpu(status: std::process::ExitStatus) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.signal() == Some(24)
    }
    #[cfg(not(unix))]
    {
        let _ = status;
        false
    }
}

/// Runs the test program. Student code runs in `run/` of the build folder, the one place it may
/// write; in the sandbox it can read the program (the kernel needs that to execute it) but not
/// the hidden tests' source, nor the library it was linked from.
fn run_tests(job: &Job, toolchain: &Toolchain, binary: &Path, cancel: &Cancel) -> Result<Checked> {
    let build_abs = job.root.join(&job.build);
    let nonce = nonce();
    let binary = job.root.join(binary);
    let dir = build_abs.join("run");
    fs::create_dir_all(&dir)
        .map_err(|e| storage_error(job, e))
        .with_context(|| format!("Failed to create {}", dir.display()))?;
    let mut run = Command::new(&binary);
    run.current_dir(&dir);
    let policy = Policy::new(job.sandbox, job.resources, &toolchain.sysroot, &dir)
        .map(|p| p.read(&binary).env("RUST_BACKTRACE", "0"));
    let limits = Limits {
        time: job.time_limit,
        output: OUTPUT_CAP,
    };
    let is_report = |line: &str| line.starts_with(nonce.as_str());
    let stdin = format!("{nonce}\n");
    let input = stdin.as_bytes();
    let done = process::run(run, input, limits, cancel, &is_report, policy.as_ref())?;
    if done.stop == Stop::Cancelled {
        return Ok(Checked::Cancelled);
    }
    sandbox_failed(&done, policy.as_ref())?;
    let resources = policy.as_ref().map(|p| &p.resources);
    let report = verdict::judge(
        job.hidden,
        &nonce,
        done,
        job.time_limit,
        OUTPUT_CAP,
        resources,
    );
    Ok(Checked::Report(report))
}

/// The sandbox of a compile: it writes only in the build folder, and reads the toolchain (and
/// whatever the caller adds).
fn compile_policy(job: &Job, toolchain: &Toolchain) -> Option<Policy> {
    let build = job.root.join(&job.build);
    let policy = Policy::new(job.sandbox, Resources::COMPILE, &toolchain.sysroot, &build)
        .map(Policy::without_namespaces);
    policy.map(|p| match &toolchain.rustc_override {
        Some(rustc) => p.read(rustc),
        None => p,
    })
}

/// An error when the launcher said the sandbox could not be set up: the program never ran, so
/// there is no verdict. Only the launcher knows the policy's token, so the program cannot
/// print a lookalike.
fn sandbox_failed(done: &Finished, policy: Option<&Policy>) -> Result<()> {
    let code = match done.stop {
        Stop::Exited(status) => status.code(),
        _ => None,
    };
    let Some(line) = policy
        .filter(|_| code == Some(sandbox::SETUP_FAILED.into()))
        .and_then(|p| p.setup_failure(&done.output))
    else {
        return Ok(());
    };
    anyhow::bail!(
        "The sandbox for student code could not be set up: {line}. `opslings sandbox` shows \
         which layers this machine has"
    )
}

/// An I/O error of the build folder, as a [`storage::StorageError`] when it is one.
fn storage_error(job: &Job, error: std::io::Error) -> anyhow::Error {
    match storage::Cause::of(&error) {
        Some(cause) => {
            let build = job.root.join(&job.build);
            anyhow::Error::new(storage::StorageError { cause, build })
        }
        None => error.into(),
    }
}

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

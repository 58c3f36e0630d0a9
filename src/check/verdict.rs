/*!
What a check found, as data: the verdict, each hidden test's result, and what the student's code
printed. Nothing here is worded for people; `term::verdict` does that, once for every command.
*/

use std::time::Duration;

use super::{
    harness::{HiddenTests, Report, parse_report},
    process::{Finished, Stop},
    sandbox::Resources,
};

/// The outcome of checking an exercise.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
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
        reason: CrashReason,
        test: Option<String>,
        passed: usize,
        total: usize,
    },
}

/// Which compilation failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Part {
    Exercise,
    HiddenTests,
}

/// Why a test program ended before every test had reported.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CrashReason {
    /// It printed more than the cap, in KiB, and was stopped.
    OutputCapped { kib: usize },
    /// Unbounded recursion, most likely.
    StackOverflow,
    /// Ended by a signal (Unix).
    Signal { signal: i32 },
    /// Exited by itself with this status, before every test had reported.
    Exited { code: i32 },
    /// Anything else the platform reports.
    Abnormal { status: String },
    /// It hit one of the sandbox's resource limits.
    Limit(LimitHit),
}

/// A resource limit of the sandbox, with its value, that a test program hit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LimitHit {
    Memory { mib: u64 },
    Processes { count: u64 },
    FileSize { mib: u64 },
    CpuTime { secs: u64 },
}

/// A failed hidden test and what it said.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Failure {
    pub test: String,
    pub task: usize,
    pub message: String,
}

/// One hidden test's result.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TestResult {
    pub name: String,
    pub task: usize,
    pub status: TestStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum TestStatus {
    Passed,
    Failed {
        message: String,
    },
    /// It was running when the program was stopped or ended.
    Stopped,
    /// The program never got to it (or the tests did not compile).
    NotRun,
}

impl TestResult {
    /// What the test said, when it failed.
    pub fn failure(&self) -> Option<Failure> {
        match &self.status {
            TestStatus::Failed { message } => Some(Failure {
                test: self.name.clone(),
                task: self.task,
                message: message.clone(),
            }),
            _ => None,
        }
    }
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Self::Passed { .. })
    }
}

/// A verdict with each test's result and what the student's code printed while the tests ran.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct CheckReport {
    pub verdict: Verdict,
    /// Every hidden test in the order they run (all `NotRun` when nothing compiled).
    pub tests: Vec<TestResult>,
    pub output: String,
}

impl CheckReport {
    /// A report for code that did not compile: no test ran.
    pub fn compile_error(hidden: &HiddenTests, part: Part, diagnostics: String) -> Self {
        Self {
            verdict: Verdict::CompileError { part, diagnostics },
            tests: not_run(hidden),
            output: String::new(),
        }
    }

    /// Whether the test program ran (so that the results say which tasks are done).
    pub fn tests_ran(&self) -> bool {
        !matches!(self.verdict, Verdict::CompileError { .. })
    }

    /// The first task with a test that did not pass, if any.
    pub fn current_task(&self) -> Option<usize> {
        self.tests
            .iter()
            .filter(|t| t.status != TestStatus::Passed)
            .map(|t| t.task)
            .min()
    }
}

fn not_run(hidden: &HiddenTests) -> Vec<TestResult> {
    hidden
        .tests
        .iter()
        .map(|t| TestResult {
            name: t.name.clone(),
            task: t.task,
            status: TestStatus::NotRun,
        })
        .collect()
}

/// Reads the reports of a finished test program into a report. A test counts as passed only
/// if it reported so itself, and the program must also have said it finished and exited cleanly.
pub(super) fn judge(
    hidden: &HiddenTests,
    nonce: &str,
    done: Finished,
    limit: Duration,
    output_cap: usize,
    resources: Option<&Resources>,
) -> CheckReport {
    let mut tests = not_run(hidden);
    let mut running = None;
    let mut finished = false;
    let mut set = |name: &str, status: TestStatus| {
        if let Some(test) = tests.iter_mut().find(|t| t.name == name) {
            test.status = status;
        }
    };
    for line in &done.reports {
        match parse_report(nonce, line) {
            Some(Report::Start(test)) => running = Some(test),
            Some(Report::Pass(test)) => {
                set(&test, TestStatus::Passed);
                running = None;
            }
            Some(Report::Fail(test, message)) => {
                let message = match resources {
                    Some(limits) => with_limit(message, limits),
                    None => message,
                };
                set(&test, TestStatus::Failed { message });
                running = None;
            }
            Some(Report::Done) => finished = true,
            None => {}
        }
    }
    if let Some(test) = &running {
        set(test, TestStatus::Stopped);
    }
    let verdict = verdict(
        &tests, running, finished, &done, limit, output_cap, resources,
    );
    CheckReport {
        verdict,
        tests,
        output: done.output,
    }
}

fn verdict(
    tests: &[TestResult],
    test: Option<String>,
    finished: bool,
    done: &Finished,
    limit: Duration,
    output_cap: usize,
    resources: Option<&Resources>,
) -> Verdict {
    let total = tests.len();
    let passed = tests
        .iter()
        .filter(|t| t.status == TestStatus::Passed)
        .count();
    let failures: Vec<Failure> = tests.iter().filter_map(TestResult::failure).collect();
    let crashed = |reason| Verdict::Crashed {
        reason,
        test: test.clone(),
        passed,
        total,
    };
    match &done.stop {
        Stop::TimedOut => Verdict::TimedOut {
            test: test.clone(),
            limit,
            passed,
            total,
        },
        Stop::OutputCapped => crashed(CrashReason::OutputCapped {
            kib: output_cap / 1024,
        }),
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
        Stop::Exited(status) => crashed(exit_reason(status, &done.output, resources)),
        Stop::Cancelled => unreachable!("a cancelled run is not judged"),
    }
}

fn exit_reason(
    status: &std::process::ExitStatus,
    output: &str,
    limits: Option<&Resources>,
) -> CrashReason {
    if output.contains("has overflowed its stack") {
        return CrashReason::StackOverflow;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(limit) = limits.and_then(|l| limit_hit(status.signal(), output, l)) {
            return CrashReason::Limit(limit);
        }
        if let Some(signal) = status.signal() {
            return CrashReason::Signal { signal };
        }
    }
    match status.code() {
        Some(code) => CrashReason::Exited { code },
        None => CrashReason::Abnormal {
            status: status.to_string(),
        },
    }
}

/// A failure's message, with the limit named when a thread or process could not start because
/// of the sandbox's limit (std's message only says "Resource temporarily unavailable").
fn with_limit(message: String, limits: &Resources) -> String {
    if message.contains("Resource temporarily unavailable") {
        format!(
            "{message}\n(the sandbox allows {} processes and threads at once)",
            limits.processes
        )
    } else {
        message
    }
}

/// Which limit a crash came from, when the signal or Rust's own message says so: the kernel
/// sends SIGXCPU and SIGXFSZ, and an allocation or a `spawn` refused by a limit fails with a
/// message of std's.
fn limit_hit(signal: Option<i32>, output: &str, limits: &Resources) -> Option<LimitHit> {
    const SIGXCPU: i32 = 24;
    const SIGXFSZ: i32 = 25;
    match signal {
        Some(SIGXCPU) => Some(LimitHit::CpuTime {
            secs: limits.cpu_secs,
        }),
        Some(SIGXFSZ) => Some(LimitHit::FileSize {
            mib: limits.file_size_mib,
        }),
        _ if output.contains("memory allocation of") && output.contains("failed") => {
            Some(LimitHit::Memory {
                mib: limits.memory_mib,
            })
        }
        _ if output.contains("Resource temporarily unavailable") => Some(LimitHit::Processes {
            count: limits.processes,
        }),
        _ => None,
    }
}

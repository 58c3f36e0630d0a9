/*!
All of a verdict's words, for every command: the student's view by task (watch mode, `run`, the
details of `verify` and `grade`), the one-line summary of tables and reports, and the reasons a
test program did not finish.

The student's view leads with the first unfinished task: tasks already done are ticked, the
failures of the current task are shown in full (identical ones once), and later tasks get one
line each.
*/

use std::{fmt::Write as _, time::Duration};

use super::Term;
use crate::check::{CheckReport, CrashReason, Failure, LimitHit, Part, TestStatus, Verdict};

/// The panic message of `todo!()`.
const TODO_MESSAGE: &str = "not yet implemented";

/// A verdict in one line, for tables and failure messages.
pub fn summary(verdict: &Verdict) -> String {
    match verdict {
        Verdict::Passed { tests } => format!("all {tests} hidden tests pass"),
        Verdict::CompileError {
            part: Part::Exercise,
            ..
        } => "does not compile".into(),
        Verdict::CompileError {
            part: Part::HiddenTests,
            ..
        } => "the hidden tests cannot use the crate (a public name or signature changed)".into(),
        Verdict::Failed {
            failures, total, ..
        } => format!("{} of {total} hidden tests failed", failures.len()),
        Verdict::TimedOut { test, limit, .. } => {
            format!("stopped after {} s{}", limit.as_secs(), during(test))
        }
        Verdict::Crashed { reason, test, .. } => {
            format!("did not finish{}: {}", during(test), crash_reason(reason))
        }
    }
}

/// A verdict's kind in two words, for the `type` of a report's failure.
pub fn label(verdict: &Verdict) -> &'static str {
    match verdict {
        Verdict::Passed { .. } => "passed",
        Verdict::CompileError { .. } => "compile error",
        Verdict::Failed { .. } => "tests failed",
        Verdict::TimedOut { .. } => "timed out",
        Verdict::Crashed { .. } => "crashed",
    }
}

/// Why a test program ended early, as the end of a sentence.
pub fn crash_reason(reason: &CrashReason) -> String {
    match reason {
        CrashReason::OutputCapped { kib } => {
            format!("it printed more than {kib} KiB and was stopped")
        }
        CrashReason::StackOverflow => "the stack overflowed (unbounded recursion?)".into(),
        CrashReason::Signal { signal } => {
            let name = match signal {
                6 => "SIGABRT: the process aborted",
                9 => "SIGKILL: the process was killed",
                11 => "SIGSEGV: a memory fault",
                _ => "a signal",
            };
            format!("the test program was ended by signal {signal} ({name})")
        }
        CrashReason::Exited { code } => format!(
            "the test program exited with status {code} before every test had reported \
             (does the code call std::process::exit?)"
        ),
        CrashReason::Abnormal { status } => format!("the test program ended abnormally ({status})"),
        CrashReason::Limit(limit) => format!(
            "it hit the sandbox's limit of {} and was stopped",
            limit_name(limit)
        ),
    }
}

/// A resource limit, with its value, as a sentence names it.
fn limit_name(limit: &LimitHit) -> String {
    match limit {
        LimitHit::Memory { mib } => format!("{mib} MiB of memory"),
        LimitHit::Processes { count } => format!("{count} processes and threads"),
        LimitHit::FileSize { mib } => format!("{mib} MiB for a file it writes"),
        LimitHit::CpuTime { secs } => format!("{secs} s of CPU time"),
    }
}

/// ` during `test`` when a test was running, for the end of a sentence.
fn during(test: &Option<String>) -> String {
    test.as_deref()
        .map(|t| format!(" during `{t}`"))
        .unwrap_or_default()
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s:.1} s")
    }
}

/// A verdict in full, as a student reads it: `name` is the exercise, `tasks` its task titles.
pub fn render<T: AsRef<str>>(term: &Term, name: &str, tasks: &[T], report: &CheckReport) -> String {
    let mut text = String::new();
    // Our own sentences are wrapped to the width; the compiler's messages and the code's
    // output are shown as they came.
    match &report.verdict {
        Verdict::Passed { tests } => {
            let line = format!(
                "{} {name} passes all {tests} hidden tests.\n",
                term.good("✓")
            );
            text.push_str(&term.wrap(&line));
        }
        Verdict::CompileError { part, diagnostics } => {
            text.push_str(&term.wrap(&compile_error(term, name, *part)));
            text.push_str(diagnostics.trim_end());
            text.push('\n');
        }
        Verdict::Failed {
            failures,
            passed,
            total,
        } => {
            let mut failed = format!(
                "{} {} of {total} hidden tests failed ({passed} passed):\n\n",
                term.bad("✗"),
                failures.len()
            );
            by_task(&mut failed, term, tasks, report, failures);
            text.push_str(&term.wrap(&failed));
        }
        Verdict::TimedOut { .. } | Verdict::Crashed { .. } => {
            text.push_str(&term.wrap(&unfinished(term, &report.verdict)));
        }
    }
    if !report.output.trim().is_empty() {
        let _ = writeln!(text, "\n{}", term.dim("Your code printed:"));
        text.push_str(&report.output);
    }
    text
}

/// The line above the compiler's messages.
fn compile_error(term: &Term, name: &str, part: Part) -> String {
    match part {
        Part::Exercise => format!("{} {name} does not compile yet:\n\n", term.bad("✗")),
        Part::HiddenTests => format!(
            "{} The hidden tests cannot use your crate. Keep the public API the exercise \
             gives (names, fields, signatures) and change only the bodies:\n\n",
            term.bad("✗")
        ),
    }
}

/// A test program that was stopped, or ended before every test had reported.
fn unfinished(term: &Term, verdict: &Verdict) -> String {
    match verdict {
        Verdict::TimedOut {
            test,
            limit,
            passed,
            total,
        } => format!(
            "{} The hidden tests were stopped after {}{}: something does not finish \
             (a loop without an end, a retry without a limit?). {passed} of {total} tests had passed.\n",
            term.warn("⏱"),
            seconds(*limit),
            during(test)
        ),
        Verdict::Crashed {
            reason,
            test,
            passed,
            total,
        } => format!(
            "{} The hidden tests did not finish{}: {}. {passed} of {total} tests reported a pass.\n",
            term.bad("✗"),
            during(test),
            crash_reason(reason)
        ),
        _ => String::new(),
    }
}

/// How far the tests of one task got.
struct TaskTally {
    passed: usize,
    total: usize,
}

fn tallies(report: &CheckReport, tasks: usize) -> Vec<TaskTally> {
    (1..=tasks)
        .map(|task| {
            let of_task = report.tests.iter().filter(|t| t.task == task);
            TaskTally {
                passed: of_task
                    .clone()
                    .filter(|t| t.status == TestStatus::Passed)
                    .count(),
                total: of_task.count(),
            }
        })
        .collect()
}

/// Failed tests, led by the first unfinished task.
fn by_task<T: AsRef<str>>(
    text: &mut String,
    term: &Term,
    tasks: &[T],
    report: &CheckReport,
    failures: &[Failure],
) {
    let current = report.current_task().unwrap_or(1);
    let count = tasks.len();
    let title = |task: usize| tasks.get(task - 1).map_or("", AsRef::as_ref);
    for (i, tally) in tallies(report, count).iter().enumerate() {
        let task = i + 1;
        if task < current {
            let _ = writeln!(text, "{} Task {task}: {}", term.good("✓"), title(task));
        } else if task == current {
            let _ = writeln!(
                text,
                "{} Task {task} of {count}: {}",
                term.bad("✗"),
                term.strong(title(task))
            );
            let ours: Vec<&Failure> = failures.iter().filter(|f| f.task == task).collect();
            write_failures(text, term, &ours);
            if !text.ends_with("\n\n") {
                text.push('\n');
            }
        } else if tally.passed == 0 {
            let _ = writeln!(
                text,
                "· Task {task}: {}: {}, not started yet",
                title(task),
                hidden_tests(tally.total)
            );
        } else {
            let _ = writeln!(
                text,
                "· Task {task}: {}: {}/{} hidden tests pass",
                title(task),
                tally.passed,
                tally.total
            );
        }
    }
    while text.ends_with("\n\n") {
        text.pop();
    }
}

/// Each failure with its message; identical messages once, with the tests that gave them.
fn write_failures(text: &mut String, term: &Term, failures: &[&Failure]) {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for failure in failures {
        match groups.iter_mut().find(|(m, _)| *m == failure.message) {
            Some((_, tests)) => tests.push(&failure.test),
            None => groups.push((&failure.message, vec![&failure.test])),
        }
    }
    for (message, tests) in groups {
        if let Some(at) = todo_location(message) {
            let what = match tests.as_slice() {
                [one] => format!("`{one}` stopped"),
                many => format!("{} tests stopped", many.len()),
            };
            let _ = writeln!(
                text,
                "  {} {what} at the todo!() in {at}: write that code",
                term.bad("✗")
            );
            continue;
        }
        let names = match tests.as_slice() {
            [one] => term.strong(one),
            many => format!(
                "{} tests failed the same way: {}",
                many.len(),
                term.strong(&many.join(", "))
            ),
        };
        let _ = writeln!(text, "  {} {names}", term.bad("✗"));
        for line in message.lines() {
            let _ = writeln!(text, "    {line}");
        }
        text.push('\n');
    }
}

/// `1 hidden test`, `2 hidden tests`.
fn hidden_tests(n: usize) -> String {
    if n == 1 {
        "1 hidden test".into()
    } else {
        format!("{n} hidden tests")
    }
}

/// Where a `todo!()` panicked, from its message.
fn todo_location(message: &str) -> Option<&str> {
    let rest = message.strip_prefix(TODO_MESSAGE)?;
    rest.trim().strip_prefix("at ").map(str::trim)
}

#[cfg(test)]
mod tests;

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
use crate::check::{CheckReport, CrashReason, Failure, Part, TestStatus, Verdict};

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
    match &report.verdict {
        Verdict::Passed { tests } => {
            let _ = writeln!(
                text,
                "{} {name} passes all {tests} hidden tests.",
                term.good("✓")
            );
        }
        Verdict::CompileError {
            part: Part::Exercise,
            diagnostics,
        } => {
            let _ = writeln!(text, "{} {name} does not compile yet:\n", term.bad("✗"));
            text.push_str(diagnostics.trim_end());
            text.push('\n');
        }
        Verdict::CompileError {
            part: Part::HiddenTests,
            diagnostics,
        } => {
            let _ = writeln!(
                text,
                "{} The hidden tests cannot use your crate. Keep the public API the exercise \
                 gives (names, fields, signatures) and change only the bodies:\n",
                term.bad("✗")
            );
            text.push_str(diagnostics.trim_end());
            text.push('\n');
        }
        Verdict::Failed {
            failures,
            passed,
            total,
        } => {
            let _ = writeln!(
                text,
                "{} {} of {total} hidden tests failed ({passed} passed):\n",
                term.bad("✗"),
                failures.len()
            );
            by_task(&mut text, term, tasks, report, failures);
        }
        Verdict::TimedOut {
            test,
            limit,
            passed,
            total,
        } => {
            let _ = writeln!(
                text,
                "{} The hidden tests were stopped after {}{}: something does not finish \
                 (a loop without an end, a retry without a limit?). {passed} of {total} tests had passed.",
                term.warn("⏱"),
                seconds(*limit),
                during(test)
            );
        }
        Verdict::Crashed {
            reason,
            test,
            passed,
            total,
        } => {
            let _ = writeln!(
                text,
                "{} The hidden tests did not finish{}: {}. {passed} of {total} tests reported a pass.",
                term.bad("✗"),
                during(test),
                crash_reason(reason)
            );
        }
    }
    if !report.output.trim().is_empty() {
        let _ = writeln!(text, "\n{}", term.dim("Your code printed:"));
        text.push_str(&report.output);
    }
    text
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
mod tests {
    use super::*;
    use crate::check::TestResult;

    fn result(name: &str, task: usize, status: TestStatus) -> TestResult {
        TestResult {
            name: name.into(),
            task,
            status,
        }
    }

    fn failed(message: &str) -> TestStatus {
        TestStatus::Failed {
            message: message.into(),
        }
    }

    fn report(tests: Vec<TestResult>) -> CheckReport {
        let failures: Vec<Failure> = tests
            .iter()
            .filter_map(|t| match &t.status {
                TestStatus::Failed { message } => Some(Failure {
                    test: t.name.clone(),
                    task: t.task,
                    message: message.clone(),
                }),
                _ => None,
            })
            .collect();
        let passed = tests.len() - failures.len();
        CheckReport {
            verdict: Verdict::Failed {
                failures,
                passed,
                total: tests.len(),
            },
            tests,
            output: String::new(),
        }
    }

    const TASKS: [&str; 3] = ["The ceiling", "The jitter", "The loop"];

    #[test]
    fn the_first_unfinished_task_leads_with_its_failures_and_later_tasks_get_a_line() {
        let report = report(vec![
            result("a", 1, TestStatus::Passed),
            result("b", 2, TestStatus::Passed),
            result("c", 2, failed("must draw once\n  left: 2")),
            result("d", 3, failed("x")),
            result("e", 3, TestStatus::Passed),
            result("f", 3, failed("y")),
        ]);
        let text = render(&Term::plain(), "retry", &TASKS, &report);
        assert_eq!(
            text,
            "✗ 3 of 6 hidden tests failed (3 passed):\n\n\
             ✓ Task 1: The ceiling\n\
             ✗ Task 2 of 3: The jitter\n  ✗ c\n    must draw once\n      left: 2\n\n\
             · Task 3: The loop: 1/3 hidden tests pass\n"
        );
    }

    #[test]
    fn identical_failures_are_shown_once_and_todo_is_named_by_its_place() {
        let todo = "not yet implemented\n  at exercises/x/src/lib.rs:12:5";
        let report = report(vec![
            result("a", 1, failed(todo)),
            result("b", 1, failed(todo)),
            result("c", 1, failed("same")),
            result("d", 1, failed("same")),
            result("e", 2, failed(todo)),
        ]);
        let text = render(&Term::plain(), "x", &TASKS[..2], &report);
        assert_eq!(
            text,
            "✗ 5 of 5 hidden tests failed (0 passed):\n\n\
             ✗ Task 1 of 2: The ceiling\n  \
             ✗ 2 tests stopped at the todo!() in exercises/x/src/lib.rs:12:5: write that code\n  \
             ✗ 2 tests failed the same way: c, d\n    same\n\n\
             · Task 2: The jitter: 1 hidden test, not started yet\n"
        );
    }

    #[test]
    fn a_timeout_names_the_test_and_the_limit() {
        let report = CheckReport {
            verdict: Verdict::TimedOut {
                test: Some("retries_stop".into()),
                limit: Duration::from_secs(10),
                passed: 2,
                total: 8,
            },
            tests: Vec::new(),
            output: String::new(),
        };
        let text = render(&Term::plain(), "x", &TASKS, &report);
        assert!(
            text.starts_with("⏱ The hidden tests were stopped after 10 s during `retries_stop`"),
            "{text}"
        );
    }

    #[test]
    fn summaries_fit_on_one_line() {
        let failed = report(vec![
            result("t", 1, failed("a\nb")),
            result("u", 1, TestStatus::Passed),
        ]);
        assert_eq!(summary(&failed.verdict), "1 of 2 hidden tests failed");
        let hung = Verdict::TimedOut {
            test: Some("retries_stop".into()),
            limit: Duration::from_secs(10),
            passed: 0,
            total: 8,
        };
        assert_eq!(summary(&hung), "stopped after 10 s during `retries_stop`");
        assert_eq!(
            summary(&Verdict::Passed { tests: 3 }),
            "all 3 hidden tests pass"
        );
        let crashed = Verdict::Crashed {
            reason: CrashReason::Exited { code: 0 },
            test: None,
            passed: 0,
            total: 1,
        };
        assert!(
            summary(&crashed).starts_with("did not finish: the test program exited with status 0")
        );
    }
}

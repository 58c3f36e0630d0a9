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
    let failures: Vec<Failure> = tests.iter().filter_map(TestResult::failure).collect();
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
    assert!(summary(&crashed).starts_with("did not finish: the test program exited with status 0"));
}

fn at(width: usize) -> Term {
    Term {
        width: Some(width),
        ..Term::plain()
    }
}

#[test]
fn a_failure_is_wrapped_under_its_indent_at_40_and_80_columns() {
    let message = "the third attempt waited 800 ms, but the ceiling of the backoff is 500 ms";
    let report = report(vec![result(
        "retries_stop_at_the_ceiling",
        1,
        failed(message),
    )]);
    let expected_40 = "\
✗ 1 of 1 hidden tests failed (0 passed):

✗ Task 1 of 1: The ceiling
  ✗ retries_stop_at_the_ceiling
    the third attempt waited 800 ms, but
    the ceiling of the backoff is 500 ms
";
    assert_eq!(
        render(&at(40), "retry", &["The ceiling"], &report),
        expected_40
    );
    let expected_80 = "\
✗ 1 of 1 hidden tests failed (0 passed):

✗ Task 1 of 1: The ceiling
  ✗ retries_stop_at_the_ceiling
    the third attempt waited 800 ms, but the ceiling of the backoff is 500 ms
";
    assert_eq!(
        render(&at(80), "retry", &["The ceiling"], &report),
        expected_80
    );
}

#[test]
fn the_compiler_s_messages_and_the_code_s_output_are_not_wrapped() {
    let diagnostics = "error[E0308]: mismatched types, expected `u32`, found `Option<u32>` here";
    let report = CheckReport {
        verdict: Verdict::CompileError {
            part: Part::HiddenTests,
            diagnostics: diagnostics.into(),
        },
        tests: Vec::new(),
        output: "a line the student's code printed, longer than forty columns\n".into(),
    };
    assert_eq!(
        render(&at(40), "retry", &TASKS, &report),
        format!(
            "✗ The hidden tests cannot use your\n  crate. Keep the public API the\n  \
             exercise gives (names, fields,\n  signatures) and change only the\n  bodies:\n\n\
             {diagnostics}\n\nYour code printed:\n{}",
            report.output
        )
    );
}

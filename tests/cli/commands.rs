//! The student's commands: the first screen, hints, list, reset, explain, and bad input.

use crate::{Workbook, output};

#[test]
fn run_checks_the_first_exercise_and_says_what_to_do() {
    let wb = Workbook::new();
    let (code, out, _) = output(wb.opslings(&["run"]));
    assert_eq!(code, 1);
    assert!(
        out.starts_with("Exercise 1/2: adder (00_basics)\nexercises/00_basics/adder/src/lib.rs\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "✗ 3 of 3 hidden tests failed (0 passed):\n\n✗ Task 1 of 2: Add two numbers\n  \
             ✗ 2 tests stopped at the todo!() in exercises/00_basics/adder/src/lib.rs:8:5: write that code\n\n\
             · Task 2: Keep zero neutral: 1 hidden test, not started yet\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("Stuck? `opslings hint` shows a hint."),
        "{out}"
    );
}

#[test]
fn without_a_terminal_watch_mode_explains_itself() {
    let wb = Workbook::new();
    let (code, out, _) = output(wb.opslings(&[]));
    assert_eq!(code, 2);
    assert!(out.starts_with("Watch mode needs a terminal"), "{out}");
    assert!(
        out.contains("run `opslings run` (exit status 0 when it passes)"),
        "{out}"
    );
}

#[test]
fn the_last_pass_shows_the_final_message() {
    let wb = Workbook::new();
    wb.adder("a + b");
    wb.write(
        "exercises/00_basics/greeter/src/lib.rs",
        "pub fn greet(name: &str) -> String { format!(\"Hello, {name}!\") }\n",
    );
    assert_eq!(output(wb.opslings(&["run"])).0, 0);
    let (code, out, _) = output(wb.opslings(&["run"]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Exercise 2/2: greeter"), "{out}");
    assert!(out.ends_with("All fixture exercises are done.\n"), "{out}");
}

#[test]
fn hints_are_revealed_one_at_a_time() {
    let wb = Workbook::new();
    let (_, first, _) = output(wb.opslings(&["hint"]));
    assert_eq!(
        first,
        "Hint 1/2 for adder, task 1 of 2 (Add two numbers):\nAdd the two numbers.\n\n\
         Run `opslings hint` again for the next one.\n"
    );
    let (_, second, _) = output(wb.opslings(&["hint"]));
    assert!(
        second.contains("Hint 1/2")
            && second.contains(
                "Hint 2/2 for adder, task 1 of 2 (Add two numbers):\nUse the + operator."
            ),
        "{second}"
    );
    let (_, third, _) = output(wb.opslings(&["hint"]));
    assert!(
        third.ends_with(
            "That was the last hint of this task. The topic's page may help: `opslings explain 00_basics`.\n"
        ),
        "{third}"
    );
    let (_, all, _) = output(wb.opslings(&["hint", "greeter", "--all"]));
    assert_eq!(
        all,
        "Hint 1/2 for greeter, task 1 of 1 (Greet by name):\nReturn a greeting.\n\n\
         Hint 2/2 for greeter, task 1 of 1 (Greet by name):\nformat! builds a String.\n\n"
    );
}

#[test]
fn hints_follow_the_task_a_check_stopped_at() {
    let wb = Workbook::new();
    // Task 1 (any two numbers) holds, task 2 (zero changes nothing) does not.
    wb.adder("if b == 0 { 0 } else { a + b }");
    let (code, out, _) = output(wb.opslings(&["run"]));
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "✓ Task 1: Add two numbers\n✗ Task 2 of 2: Keep zero neutral\n  ✗ zero_is_neutral"
        ),
        "{out}"
    );
    let (_, hint, _) = output(wb.opslings(&["hint"]));
    assert!(
        hint.starts_with(
            "Hint 1/2 for adder, task 2 of 2 (Keep zero neutral):\nAdding zero changes nothing."
        ),
        "{hint}"
    );
    // A compile error says nothing of the tasks: the hints stay with task 2.
    wb.adder("a +");
    output(wb.opslings(&["run"]));
    let (_, hint, _) = output(wb.opslings(&["hint"]));
    assert!(hint.contains("Hint 2/2 for adder, task 2 of 2"), "{hint}");
}

#[test]
fn list_shows_status_topic_and_path_as_text_and_json() {
    let wb = Workbook::new();
    wb.adder("a + b");
    output(wb.opslings(&["run", "adder"]));
    let (code, out, _) = output(wb.opslings(&["list"]));
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "   NAME     TOPIC      LEVEL  MIN  PATH\n \
         ✓ adder    00_basics  ●○○○○    2  exercises/00_basics/adder/src/lib.rs\n \
         → greeter  00_basics  ●○○○○    2  exercises/00_basics/greeter/src/lib.rs\n\n\
         Progress: [###############---------------] 1/2\n"
    );
    let (_, json, _) = output(wb.opslings(&["list", "--json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["solved"], 1);
    assert_eq!(json["exercises"][0]["status"], "done");
    assert_eq!(json["exercises"][1]["status"], "current");
    assert_eq!(json["exercises"][0]["difficulty"], 1);
    assert_eq!(json["exercises"][0]["minutes"], 2);
    assert_eq!(json["exercises"][0]["tasks"], 2);
    assert_eq!(
        json["exercises"][1]["path"],
        "exercises/00_basics/greeter/src/lib.rs"
    );
}

#[test]
fn reset_backs_up_the_student_s_version_before_restoring() {
    let wb = Workbook::new();
    let original = wb.read("exercises/00_basics/adder/src/lib.rs");
    wb.adder("a + b");
    output(wb.opslings(&["run", "adder"]));
    let (code, out, _) = output(wb.opslings(&["reset", "adder"]));
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Your version of adder is saved in .opslings/backups/adder-1\n\
         exercises/00_basics/adder is back to its original.\nIt is marked not done again.\n"
    );
    assert_eq!(wb.read("exercises/00_basics/adder/src/lib.rs"), original);
    assert!(
        wb.read(".opslings/backups/adder-1/src/lib.rs")
            .contains("a + b")
    );

    wb.adder("a * b");
    output(wb.opslings(&["reset", "adder"]));
    assert!(
        wb.read(".opslings/backups/adder-2/src/lib.rs")
            .contains("a * b"),
        "an earlier backup is never overwritten"
    );
    assert!(
        wb.read(".opslings/backups/adder-1/src/lib.rs")
            .contains("a + b")
    );
    let (_, out, _) = output(wb.opslings(&["reset", "adder"]));
    assert_eq!(
        out,
        "exercises/00_basics/adder was already the original; nothing to back up.\n"
    );
}

#[test]
fn explain_shows_a_topic_by_folder_name_or_exercise() {
    let wb = Workbook::new();
    for args in [
        &["explain"][..],
        &["explain", "00_basics"],
        &["explain", "basics"],
        &["explain", "greeter"],
    ] {
        let (code, out, _) = output(wb.opslings(args));
        assert_eq!(
            (code, out.as_str()),
            (
                0,
                "# Basics\n\nThe fixture topic: adding numbers and greeting people.\n"
            )
        );
    }
    let (code, _, err) = output(wb.opslings(&["explain", "nope"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("There is no topic or exercise called `nope`. Topics: 00_basics"),
        "{err}"
    );
}

#[test]
fn an_unknown_exercise_suggests_close_names() {
    let wb = Workbook::new();
    let (code, _, err) = output(wb.opslings(&["run", "add"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("There is no exercise called `add`; did you mean `adder`?"),
        "{err}"
    );
}

#[test]
fn a_bad_info_toml_names_file_line_and_column() {
    let wb = Workbook::new();
    let info = wb
        .read("info.toml")
        .replace("time_limit_secs = 2", "time_limit_secs = 2\ntimeout = 3");
    wb.write("info.toml", &info);
    let (code, _, err) = output(wb.with_own_course(&["list"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("info.toml:12:1: unknown field `timeout`"),
        "{err}"
    );
    assert!(
        err.contains("help: info.toml has `format_version = 2`"),
        "{err}"
    );
}

#[test]
fn a_missing_hidden_test_is_reported_at_the_exercise_entry() {
    let wb = Workbook::new();
    std::fs::remove_file(wb.path("tests/hidden/greeter.rs")).unwrap();
    let (code, _, err) = output(wb.with_own_course(&["list"]));
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "info.toml:22:8: exercise `greeter` has no hidden tests at tests/hidden/greeter.rs"
        ),
        "{err}"
    );
}

#[test]
fn a_damaged_state_file_is_reported_and_kept() {
    let wb = Workbook::new();
    wb.write(
        ".opslings/state.toml",
        "format_version = 1\ndone = [\"adder\"\n",
    );
    let (code, _, err) = output(wb.opslings(&["list"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("state.toml:2:16: the progress file is damaged"),
        "{err}"
    );
    assert!(err.contains("left the file as it is"), "{err}");
    assert_eq!(
        wb.read(".opslings/state.toml"),
        "format_version = 1\ndone = [\"adder\"\n"
    );
    let (code, _, _) = output(wb.opslings(&["hint"]));
    assert_eq!(code, 2, "no command overwrites it");
}

#[test]
fn outside_a_workbook_the_error_says_where_to_go() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("opslings").unwrap();
    cmd.current_dir(dir.path()).arg("list");
    let (code, _, err) = output(cmd);
    assert_eq!(code, 2);
    assert!(
        err.contains("is not inside an opslings workbook (no info.toml here or above)"),
        "{err}"
    );
}

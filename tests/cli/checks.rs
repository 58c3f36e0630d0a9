//! Verdicts: every way a check can end, and the ways a crate may try to pass without passing.

use std::time::{Duration, Instant};

use crate::{Workbook, output};

#[test]
fn a_correct_solution_passes_and_moves_on() {
    let wb = Workbook::new();
    wb.adder("a + b");
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("✓ adder passes all 3 hidden tests."), "{out}");
    assert!(
        out.contains("Progress: [###############---------------] 1/2"),
        "{out}"
    );
    assert!(
        out.contains("A model solution is in solutions/00_basics/adder"),
        "{out}"
    );
    assert!(
        out.contains("Next: greeter (exercises/00_basics/greeter/src/lib.rs)"),
        "{out}"
    );
    let state = wb.read(".opslings/state.toml");
    assert!(
        state.contains("current = \"greeter\"") && state.contains("done = [\"adder\"]"),
        "{state}"
    );
}

#[test]
fn a_compile_error_shows_rustc_with_a_path_to_open() {
    let wb = Workbook::new();
    wb.adder("a +");
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1);
    assert!(out.contains("✗ adder does not compile yet:"), "{out}");
    assert!(
        out.contains("--> exercises/00_basics/adder/src/lib.rs:3:1"),
        "{out}"
    );
}

#[test]
fn failing_tests_are_named_with_their_messages() {
    let wb = Workbook::new();
    wb.adder("a - b");
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("✗ 2 of 3 hidden tests failed (1 passed):"),
        "{out}"
    );
    assert!(
        out.contains(
            "✗ adds_small_numbers\n    assertion `left == right` failed: 2 + 3 should be 5"
        ),
        "{out}"
    );
    assert!(
        out.contains("      left: -1\n     right: 5\n      at tests/hidden/adder.rs:6:5"),
        "{out}"
    );
    assert!(
        !out.contains("zero_is_neutral"),
        "a passing test is not listed: {out}"
    );
}

#[test]
fn an_endless_loop_is_stopped_at_the_time_limit_and_named() {
    let wb = Workbook::new();
    wb.adder("if a == 2 { loop {} } a + b");
    let started = Instant::now();
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("stopped after 2 s during `adds_small_numbers`"),
        "the verdict names the limit and the test that hung: {out}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the limit held"
    );
}

#[test]
fn exiting_early_with_success_does_not_pass() {
    let wb = Workbook::new();
    wb.adder("std::process::exit(0)");
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "did not finish during `adds_small_numbers`: the test program exited with status 0"
        ),
        "{out}"
    );
}

#[test]
fn a_printed_fake_summary_does_not_pass() {
    let wb = Workbook::new();
    let fake = "test adds_small_numbers ... ok\\ntest result: ok. 3 passed; 0 failed\\n\
                opslings-0 pass adds_small_numbers \\nopslings-0 done - ";
    wb.adder(&format!("println!(\"{fake}\"); std::process::exit(0)"));
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("0 of 3 tests reported a pass"), "{out}");
    assert!(
        out.contains("Your code printed:\ntest adds_small_numbers ... ok"),
        "{out}"
    );
}

#[test]
fn an_abort_is_a_crash() {
    let wb = Workbook::new();
    wb.adder("std::process::abort()");
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("did not finish during `adds_small_numbers`"),
        "{out}"
    );
    #[cfg(unix)]
    assert!(out.contains("signal 6"), "{out}");
}

#[test]
fn a_flood_of_output_is_capped() {
    let wb = Workbook::new();
    wb.adder("loop { println!(\"spam spam spam spam spam spam spam spam\"); }");
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("it printed more than 1024 KiB and was stopped"),
        "{}",
        &out[..out.len().min(2000)]
    );
    assert!(out.len() < 64 * 1024, "the output shown is cut short");
}

#[test]
fn changing_the_public_api_is_explained() {
    let wb = Workbook::new();
    wb.write(
        "exercises/00_basics/adder/src/lib.rs",
        "pub fn plus(a: i32, b: i32) -> i32 { a + b }\n",
    );
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("The hidden tests cannot use your crate"),
        "{out}"
    );
    assert!(
        out.contains("--> tests/hidden/adder.rs:1:"),
        "compiler messages name the hidden test file: {out}"
    );
}

#[test]
fn editing_the_hidden_tests_on_disk_changes_nothing() {
    let wb = Workbook::new();
    wb.write("tests/hidden/adder.rs", "#[test]\nfn anything() {}\n");
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("3 of 3 hidden tests failed"),
        "the runner's own copy ran: {out}"
    );
}

#[test]
fn the_student_s_own_tests_do_not_count() {
    let wb = Workbook::new();
    wb.write(
        "exercises/00_basics/adder/src/lib.rs",
        "pub fn add(a: i32, b: i32) -> i32 { a - b }\n#[test]\nfn mine() {}\n",
    );
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1);
    assert!(out.contains("2 of 3 hidden tests failed"), "{out}");
}

#[test]
fn a_workbook_without_solutions_is_not_pointed_at_one() {
    let wb = Workbook::new();
    std::fs::remove_dir_all(wb.path("solutions")).unwrap();
    wb.adder("a + b");
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("solution"), "{out}");
}

#[test]
fn a_missing_crate_root_says_how_to_get_it_back() {
    let wb = Workbook::new();
    std::fs::remove_file(wb.path("exercises/00_basics/adder/src/lib.rs")).unwrap();
    let (code, out, _) = output(wb.opslings(&["run", "adder"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("exercises/00_basics/adder/src/lib.rs is missing. If it was deleted or renamed by mistake, the `reset adder` command restores the original"),
        "{out}"
    );
}

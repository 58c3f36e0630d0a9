//! Several opslings at once in one workbook: no progress update is lost, and one exercise
//! checked twice at once gets two right verdicts.

use std::process::{Child, Command, Output, Stdio};

use crate::Workbook;

/// opslings in `wb`, started without waiting for it.
fn start(wb: &Workbook, args: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("opslings"))
        .current_dir(wb.path(""))
        .args(args)
        .args(["--color", "never", "--course"])
        .arg(wb.course())
        .env_remove("CARGO_PKG_NAME")
        .env_remove("OPSLINGS_COURSE")
        .env("XDG_CACHE_HOME", wb.cache_home())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn finish(child: Child) -> (Output, String) {
    let out = child.wait_with_output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out, text)
}

fn solved_workbook() -> Workbook {
    let wb = Workbook::new();
    wb.adder("a + b");
    let greeter = "solutions/00_basics/greeter/src/lib.rs";
    wb.write("exercises/00_basics/greeter/src/lib.rs", &wb.read(greeter));
    wb
}

#[test]
fn runs_started_together_keep_every_update() {
    for attempt in 0..8 {
        let wb = solved_workbook();
        let children = [
            start(&wb, &["run", "adder"]),
            start(&wb, &["run", "greeter"]),
            start(&wb, &["hint", "greeter"]),
        ];
        for child in children {
            let (out, text) = finish(child);
            assert!(out.status.success(), "attempt {attempt}: {text}");
        }
        let state = wb.read(".opslings/state.toml");
        assert!(
            state.contains("done = [\"adder\", \"greeter\"]"),
            "attempt {attempt}: {state}"
        );
        assert!(
            state.contains("greeter = [1]"),
            "attempt {attempt}: {state}"
        );
    }
}

#[test]
fn one_exercise_checked_twice_at_once_gets_two_right_verdicts() {
    let wb = solved_workbook();
    for attempt in 0..20 {
        let pair = [start(&wb, &["run", "adder"]), start(&wb, &["run", "adder"])];
        for child in pair {
            let (out, text) = finish(child);
            assert!(
                out.status.success() && text.contains("✓ adder passes all 3 hidden tests."),
                "attempt {attempt}: {text}"
            );
        }
    }
}

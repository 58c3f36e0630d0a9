//! The watch state machine, driven by events without a terminal.

use std::path::Path;

use ratatui::{Terminal, backend::TestBackend};

use super::*;
use crate::{
    check::{Failure, TestResult, TestStatus, Verdict},
    term::Term,
};

const SIZE: (usize, usize) = (100, 40);

fn app() -> (tempfile::TempDir, App) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
    let dir = tempfile::tempdir().unwrap();
    crate::workbook::copy_tree(&fixture, dir.path()).unwrap();
    let app = App::new(Some(&fixture), Term::plain(), dir.path()).unwrap();
    (dir, app)
}

fn ui(app: &App) -> (Ui<'_>, Receiver<Request>) {
    let (requests, pending) = mpsc::channel();
    let state = app.state().unwrap();
    (Ui::new(app, state, "Watching.".into(), requests), pending)
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// The screen at `SIZE`, each row without its trailing spaces.
fn screen(ui: &mut Ui) -> String {
    screen_at(ui, SIZE)
}

fn screen_at(ui: &mut Ui, (width, height): (usize, usize)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width as u16, height as u16)).unwrap();
    terminal
        .draw(|frame| ui.render(frame.area(), frame.buffer_mut()))
        .unwrap();
    crate::watch::frame::rows(terminal.backend().buffer()).join("\n")
}

/// The adder's verdict with task 1 done and task 2's test failing.
fn task_two_failing() -> CheckReport {
    let result = |name: &str, task, status| TestResult {
        name: name.into(),
        task,
        status,
    };
    CheckReport {
        verdict: Verdict::Failed {
            failures: vec![Failure {
                test: "zero_is_neutral".into(),
                task: 2,
                message: "adding zero changes nothing".into(),
            }],
            passed: 2,
            total: 3,
        },
        tests: vec![
            result("adds_small_numbers", 1, TestStatus::Passed),
            result("adds_negative_numbers", 1, TestStatus::Passed),
            result(
                "zero_is_neutral",
                2,
                TestStatus::Failed {
                    message: "adding zero changes nothing".into(),
                },
            ),
        ],
        output: String::new(),
    }
}

#[test]
fn a_save_in_the_current_exercise_asks_for_a_check_and_one_elsewhere_does_not() {
    let (dir, app) = app();
    let (mut ui, pending) = ui(&app);
    ui.check();
    assert_eq!(pending.try_recv().unwrap().generation, 1);
    let adder = dir.path().join("exercises/00_basics/adder/src/lib.rs");
    let greeter = dir.path().join("exercises/00_basics/greeter/src/lib.rs");
    assert!(ui.handle(Event::Files(vec![greeter]), SIZE).unwrap());
    assert!(
        pending.try_recv().is_err(),
        "another exercise's save checks nothing"
    );
    ui.handle(Event::Files(vec![adder]), SIZE).unwrap();
    let request = pending.try_recv().unwrap();
    assert_eq!((request.exercise, request.generation), (0, 2));
}

#[test]
fn only_the_newest_check_s_result_is_shown() {
    let (dir, app) = app();
    let (mut ui, _pending) = ui(&app);
    ui.check();
    let adder = dir.path().join("exercises/00_basics/adder/src/lib.rs");
    ui.handle(Event::Files(vec![adder]), SIZE).unwrap();
    let stale = Event::Checked {
        generation: 1,
        result: Err("the stale result".into()),
    };
    ui.handle(stale, SIZE).unwrap();
    assert!(
        screen(&mut ui).contains("Checking…"),
        "a stale result is dropped"
    );
    let fresh = Event::Checked {
        generation: 2,
        result: Ok(task_two_failing()),
    };
    ui.handle(fresh, SIZE).unwrap();
    let text = screen(&mut ui);
    assert!(
        text.contains("✓ Task 1: Add two numbers\n✗ Task 2 of 2: Keep zero neutral"),
        "{text}"
    );
}

#[test]
fn hints_follow_the_task_the_last_check_stopped_at() {
    let (_dir, app) = app();
    let (mut ui, _pending) = ui(&app);
    ui.check();
    ui.handle(key('h'), SIZE).unwrap();
    assert!(screen(&mut ui).contains("Hint 1/2 (task 1): Add the two numbers."));
    let checked = Event::Checked {
        generation: 1,
        result: Ok(task_two_failing()),
    };
    ui.handle(checked, SIZE).unwrap();
    ui.handle(key('h'), SIZE).unwrap();
    let text = screen(&mut ui);
    assert!(
        text.contains("Hint 1/2 (task 2): Adding zero changes nothing."),
        "{text}"
    );
    assert!(!text.contains("(task 1)"), "{text}");
}

#[test]
fn the_list_opens_scrolls_and_goes_to_an_exercise() {
    let (_dir, app) = app();
    let (mut ui, pending) = ui(&app);
    ui.handle(key('l'), SIZE).unwrap();
    assert!(screen(&mut ui).contains("Exercises (all, 0/2 done)"));
    ui.handle(key('j'), SIZE).unwrap();
    let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    ui.handle(enter, SIZE).unwrap();
    assert_eq!(pending.try_recv().unwrap().exercise, 1);
    assert!(screen(&mut ui).contains("Exercise 2/2: greeter"));
}

#[test]
fn q_and_ctrl_c_quit_and_a_stopped_thread_ends_the_loop() {
    let (_dir, app) = app();
    let (mut ui, _pending) = ui(&app);
    assert!(!ui.handle(key('q'), SIZE).unwrap());
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(!ui.handle(ctrl_c, SIZE).unwrap());
    let err = ui.handle(Event::Stopped("check worker"), SIZE).unwrap_err();
    assert!(err.to_string().contains("its check worker failed"), "{err}");
}

#[test]
fn keys_scroll_a_long_verdict_and_a_new_verdict_starts_at_its_top() {
    let (_dir, app) = app();
    let (mut ui, _pending) = ui(&app);
    ui.check();
    let long = CheckReport {
        verdict: Verdict::CompileError {
            part: crate::check::Part::Exercise,
            diagnostics: (1..=60).map(|i| format!("diagnostic line {i}\n")).collect(),
        },
        tests: Vec::new(),
        output: String::new(),
    };
    let checked = |generation| Event::Checked {
        generation,
        result: Ok(long.clone()),
    };
    ui.handle(checked(1), SIZE).unwrap();
    let top = screen_at(&mut ui, (40, 12));
    assert!(top.contains("✗ adder does not compile yet:"), "{top}");
    let down = Event::Key(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
    ui.handle(down, SIZE).unwrap();
    let paged = screen_at(&mut ui, (40, 12));
    assert!(!paged.contains("does not compile yet"), "{paged}");
    assert!(paged.contains("diagnostic line 5 "), "{paged}");
    ui.handle(key('G'), SIZE).unwrap();
    let end = screen_at(&mut ui, (40, 12));
    assert!(end.contains("diagnostic line 60"), "{end}");
    ui.handle(key('r'), SIZE).unwrap();
    ui.handle(checked(2), SIZE).unwrap();
    assert_eq!(
        screen_at(&mut ui, (40, 12)),
        top,
        "a new verdict starts at its top"
    );
}

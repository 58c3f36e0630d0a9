//! The screens' layout, drawn on ratatui's test backend and read back as text.

use std::path::Path;

use ratatui::{Terminal, backend::TestBackend, layout::Rect};

use super::*;
use crate::{
    check::{Part, Verdict},
    course::{Course, ExerciseSet},
    watch::frame::{self, rows},
};

fn fixture() -> ExerciseSet {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
    ExerciseSet::load(Course::from_dir(&fixture).unwrap()).unwrap()
}

fn compile_error(diagnostics: &str) -> Status {
    Status::Checked(CheckReport {
        verdict: Verdict::CompileError {
            part: Part::Exercise,
            diagnostics: diagnostics.into(),
        },
        tests: Vec::new(),
        output: String::new(),
    })
}

/// The exercise screen of the fixture's adder at `width`×`height`, its body from `scroll`.
fn main_rows(
    status: &Status,
    banner: Option<&str>,
    size: (u16, u16),
    scroll: &mut usize,
) -> Vec<String> {
    let set = fixture();
    let page = main_page(&MainScreen {
        term: &Term::plain(),
        exercise: &set.exercises[0],
        position: 1,
        total: 2,
        solved: 0,
        status,
        banner,
        task: 1,
        hints: &[],
        note: "Watching for changes.",
        message: None,
        prompt: None,
        width: usize::from(size.0),
        height: usize::from(size.1),
    });
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal
        .draw(|f| {
            frame::render(&page, scroll, f.area(), f.buffer_mut());
        })
        .unwrap();
    rows(terminal.backend().buffer())
}

#[test]
fn at_80_by_24_the_header_and_the_footer_frame_the_verdict() {
    let status = compile_error("error[E0308]: mismatched types\n  --> src/lib.rs:2:5");
    let screen = main_rows(&status, Some("Welcome."), (80, 24), &mut 0);
    let mut expected = vec![
        "Exercise 1/2: adder (00_basics)",
        "exercises/00_basics/adder/src/lib.rs",
        "Task 1 of 2: Add two numbers",
        "Welcome.",
        "",
        "✗ adder does not compile yet:",
        "",
        "error[E0308]: mismatched types",
        "  --> src/lib.rs:2:5",
    ];
    expected.resize(21, "");
    expected.extend([
        "Progress: [------------------------------] 0/2",
        "Watching for changes.",
        "h hint  l list  r re-run  n next  x reset  e explain  q quit  ↑↓ scroll",
    ]);
    assert_eq!(screen, expected);
}

#[test]
fn at_40_by_12_a_long_verdict_is_wrapped_whole_words_and_scrolls() {
    let words = "the request was retried without a limit until the breaker opened";
    let status = compile_error(&format!("  = note: {words}\n{}", "line\n".repeat(8)));
    let screen = main_rows(&status, None, (40, 12), &mut 0);
    assert_eq!(
        screen,
        [
            "Exercise 1/2: adder (00_basics)",
            "exercises/00_basics/adder/src/lib.rs",
            "Task 1 of 2: Add two numbers",
            "✗ adder does not compile yet:          █",
            "                                       █",
            "  = note: the request was retried      █",
            "  without a limit until the breaker    ║",
            "  opened                               ║",
            "line                                   ║",
            "Progress: [----------] 0/2   1-6 of 13 ↓",
            "h hint  l list  r re-run  n next",
            "x reset  e explain  q quit  ↑↓ scroll",
        ]
    );
    // Three lines down: the header and the footer stay, the body moves.
    let mut scroll = 3;
    let moved = main_rows(&status, None, (40, 12), &mut scroll);
    assert_eq!(moved[..3], screen[..3]);
    assert_eq!(
        moved[3].trim_end_matches([' ', '█', '║']),
        "  without a limit until the breaker"
    );
    assert!(moved[9].ends_with("4-9 of 13 ↑↓"), "{moved:?}");
    // Past the end, the view stops at the last line.
    let mut scroll = 99;
    let end = main_rows(&status, None, (40, 12), &mut scroll);
    assert_eq!(scroll, 7);
    assert!(end[9].ends_with("8-13 of 13 ↑"), "{end:?}");
}

#[test]
fn every_word_of_a_long_verdict_stays_whole_at_every_width() {
    let words: Vec<String> = (0..120).map(|i| format!("word{i}")).collect();
    let status = compile_error(&words.join(" "));
    for size in [(40, 12), (57, 20), (80, 24), (200, 60)] {
        let mut scroll = 0;
        let mut seen = Vec::new();
        loop {
            let screen = main_rows(&status, None, size, &mut scroll);
            seen.extend(screen.iter().flat_map(|r| {
                // The scroll bar is the last column.
                r.trim_end_matches(['█', '║'])
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            }));
            let before = scroll;
            scroll += 1;
            main_rows(&status, None, size, &mut scroll);
            if scroll == before {
                break;
            }
        }
        for word in &words {
            assert!(seen.contains(word), "{size:?}: {word} is cut");
        }
        assert!(
            seen.iter()
                .filter(|w| w.starts_with("word"))
                .all(|w| words.contains(w)),
            "{size:?}: a word was cut"
        );
    }
}

#[test]
fn below_the_smallest_size_one_message_says_so() {
    let mut terminal = Terminal::new(TestBackend::new(60, 5)).unwrap();
    terminal
        .draw(|f| frame::too_small(f.area(), f.buffer_mut()))
        .unwrap();
    assert_eq!(
        rows(terminal.backend().buffer())[0],
        "The terminal is too small (60×5): make it at least 40×12, or"
    );
    assert!(!frame::fits(Rect::new(0, 0, 39, 30)));
    assert!(frame::fits(Rect::new(0, 0, 40, 12)));
}

/// The list of the built-in course at `width`×`height`, its cursor moved `down` rows.
fn list_rows(size: (u16, u16), down: usize) -> Vec<String> {
    let set = ExerciseSet::load(Course::embedded()).unwrap();
    let done = vec![false; set.exercises.len()];
    let mut list = ListView::new(0);
    let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Down);
    for _ in 0..down {
        list.handle(key, &done, 5);
    }
    let l = ListScreen {
        term: &Term::plain(),
        exercises: &set.exercises,
        done: &done,
        current: 0,
    };
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal
        .draw(|f| render_list(&l, &mut list, f.area(), f.buffer_mut()))
        .unwrap();
    rows(terminal.backend().buffer())
}

#[test]
fn the_list_keeps_its_cursor_on_screen_and_its_rows_within_the_width() {
    let set = ExerciseSet::load(Course::embedded()).unwrap();
    for (size, down) in [((40, 12), 30), ((80, 24), 60), ((200, 60), 98)] {
        let screen = list_rows(size, down);
        let cursor: Vec<&String> = screen.iter().filter(|r| r.starts_with('>')).collect();
        let name = set.exercises[down].name();
        assert_eq!(cursor.len(), 1, "{size:?}: {screen:#?}");
        assert!(
            cursor[0].contains(name),
            "{size:?}: {name} under the cursor: {screen:#?}"
        );
        assert!(screen[0].starts_with("Exercises (all, 0/"), "{screen:#?}");
        assert!(screen.iter().any(|r| r.contains("q back")), "{screen:#?}");
        assert!(
            screen
                .iter()
                .all(|r| r.chars().count() <= usize::from(size.0))
        );
    }
}

//! Watch mode's layout in real terminals of several sizes: the header and the footer on every
//! screen, the verdict wrapped at whole words, the list's cursor on screen, a resize.

use std::path::Path;

use crate::{Workbook, output, watch::Screen};

const SIZES: [(u16, u16); 3] = [(24, 80), (12, 40), (60, 200)];
const ADDER: &str = "exercises/00_basics/adder/src/lib.rs";

/// The words of the adder's verdict, as `run` prints it outside a terminal (whole lines).
fn verdict_words(wb: &Workbook) -> Vec<String> {
    let (_, out, _) = output(wb.opslings(&["run", "adder"]));
    out.split_whitespace().map(str::to_owned).collect()
}

#[test]
fn every_size_shows_the_header_and_the_footer_and_cuts_no_word() {
    let wb = Workbook::new();
    let words = verdict_words(&wb);
    assert!(words.iter().any(|w| w == "todo!()"), "{words:?}");
    for (rows, cols) in SIZES {
        let mut screen = Screen::start(&wb, &[], rows, cols);
        screen.wait_for(&["hidden tests failed"]);
        let shown = screen.rows();
        let text = shown.join("\n");
        for part in [
            "Exercise 1/2: adder (00_basics)",
            ADDER,
            "Task 1 of 2: Add two numbers",
            "h hint",
            "q quit",
            "Progress: [",
        ] {
            assert!(text.contains(part), "{cols}x{rows} shows {part:?}:\n{text}");
        }
        // The body: below the three rows of the header, above the footer (progress and keys).
        let footer = shown
            .iter()
            .position(|r| r.starts_with("Progress: ["))
            .unwrap();
        let body_width = usize::from(cols) - 1;
        for row in &shown[3..footer] {
            for word in row.trim_end_matches(['█', '║', ' ']).split_whitespace() {
                let whole = words.iter().any(|w| w == word)
                    // A word longer than a line can only be broken.
                    || words.iter().any(|w| w.len() > body_width / 2 && w.contains(word))
                    // The welcome is not part of the verdict.
                    || "Welcome to the fixture workbook.".contains(word);
                assert!(whole, "{cols}x{rows}: {word:?} is cut:\n{text}");
            }
        }
        assert!(screen.quit());
    }
}

#[test]
fn a_resize_redraws_the_screen_for_the_new_width() {
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &[], 24, 80);
    screen.wait_for(&["hidden tests failed", "q quit  ↑↓ scroll"]);
    screen.resize(12, 40);
    screen.wait_for(&["h hint  l list  r re-run  n next\n"]);
    let shown = screen.rows();
    assert_eq!(shown.len(), 12);
    assert_eq!(shown[0].trim_end(), "Exercise 1/2: adder (00_basics)");
    assert_eq!(shown[1].trim_end(), ADDER);
    assert_eq!(
        shown[11].trim_end(),
        "x reset  e explain  q quit  ↑↓ scroll"
    );
    screen.resize(60, 200);
    let text = screen.wait_for(&["h hint  l list  r re-run  n next  x reset"]);
    assert!(text.contains("3 of 3 hidden tests failed"), "{text}");
    assert!(screen.quit());
}

/// A workbook of the built-in course, as `opslings init` writes it.
fn course_workbook() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let wb = Workbook::new();
    let target = dir.path().join("wb");
    let (code, _, err) = output(wb.bare(&["init", &target.to_string_lossy()]));
    assert_eq!(code, 0, "{err}");
    dir
}

#[test]
fn the_first_exercise_of_the_course_fits_80_by_24_and_the_list_keeps_its_cursor() {
    let dir = course_workbook();
    let root = dir.path().join("wb");
    let set = opslings::course::ExerciseSet::load(opslings::course::Course::embedded()).unwrap();
    let first = &set.exercises[0];
    let mut screen = Screen::spawn(&root, &[], 24, 80, &[]);
    let text = screen.wait_for(&["q quit", "Progress: ["]);
    let task = format!(
        "Task 1 of {}: {}",
        first.info.tasks.len(),
        first.info.tasks[0].title
    );
    for part in [first.name(), first.main_file().as_str(), task.as_str()] {
        assert!(
            text.contains(part),
            "the first screen shows {part:?}:\n{text}"
        );
    }
    assert!(Path::new(&root.join(first.main_file())).is_file());

    screen.resize(12, 40);
    screen.press("l");
    screen.wait_for(&["Exercises (all, 0/"]);
    screen.press(&"j".repeat(30));
    let name = set.exercises[30].name();
    let started = std::time::Instant::now();
    loop {
        let cursor: Vec<String> = screen
            .rows()
            .into_iter()
            .filter(|r| r.starts_with('>'))
            .collect();
        if cursor.len() == 1 && cursor[0].contains(name) {
            break;
        }
        assert!(
            started.elapsed().as_secs() < 40,
            "the cursor is on {name}: {:#?}",
            screen.rows()
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(screen.rows().iter().all(|r| r.chars().count() <= 40));
    screen.press("q");
    assert!(screen.quit());
}

#[test]
fn paths_on_the_screen_are_links_to_the_workbook_s_files() {
    let wb = Workbook::new();
    let mut screen = Screen::start_with(&wb, &[], 24, 80, &[("FORCE_HYPERLINK", "1")]);
    screen.wait_for(&["hidden tests failed"]);
    let root = wb.path("").canonicalize().unwrap();
    let url = url::Url::from_file_path(root.join(ADDER)).unwrap();
    // Both the header's path and the todo!()'s location name the file.
    let started = std::time::Instant::now();
    let open = format!("\x1b]8;;{url}\x1b\\");
    while screen.written_since(0).matches(&open).count() < 2 {
        assert!(
            started.elapsed().as_secs() < 40,
            "no two links to {url}: {:?}",
            screen.written_since(0)
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // The link holds the path as it is on screen, and the screen is unchanged by it.
    let written = screen.written_since(0);
    let linked = written.split(&open).nth(1).unwrap();
    let text: String = linked.split("\x1b]8;;\x1b\\").next().unwrap().to_owned();
    assert_eq!(console::strip_ansi_codes(&text), ADDER);
    assert_eq!(screen.rows()[1].trim_end(), ADDER);
    assert!(screen.quit());
}

//! What watch mode draws: the exercise screen, the list and a topic's page, as plain text that
//! [`super::terminal::draw`] puts on the screen.

use std::fmt::Write as _;

use crate::{
    check::CheckReport,
    course::Exercise,
    term::{self, Term},
};

use super::list::{Filter, ListView};

/// Where the check of the current exercise stands.
pub(super) enum Status {
    Checking,
    Checked(CheckReport),
    /// The check itself could not run (rustc missing, a disk error).
    Error(String),
}

/// Everything the exercise screen shows.
pub(super) struct MainScreen<'a> {
    pub term: &'a Term,
    pub root: &'a std::path::Path,
    pub exercise: &'a Exercise,
    pub position: usize,
    pub total: usize,
    pub solved: usize,
    pub status: &'a Status,
    /// A message about what just happened (a pass, a reset), above the exercise.
    pub banner: Option<&'a str>,
    /// The task the student is on, from 1.
    pub task: usize,
    /// The hints of that task shown so far.
    pub hints: &'a [String],
    /// How changes are noticed.
    pub note: &'a str,
    /// A question or a short message on the last lines.
    pub prompt: Option<&'a str>,
    pub width: usize,
    pub height: usize,
}

pub(super) fn main_screen(s: &MainScreen) -> String {
    let term = s.term;
    let task = s.exercise.info.task(s.task);
    let mut header = format!(
        "{} {}/{}: {} ({})\n{}\n",
        term.strong("Exercise"),
        s.position,
        s.total,
        term.strong(s.exercise.name()),
        s.exercise.info.topic,
        term.file_link(s.root, &s.exercise.main_file())
    );
    if let Some(task) = task {
        let count = s.exercise.info.tasks.len();
        let _ = writeln!(header, "Task {} of {count}: {}", s.task, task.title);
    }
    header.push('\n');
    let mut middle = match s.status {
        Status::Checking => format!("{}\n", term.dim("Checking…")),
        Status::Checked(report) => {
            let mut out = Vec::new();
            let _ = term::write_verdict(&mut out, term, s.exercise, report);
            String::from_utf8_lossy(&out).into_owned()
        }
        Status::Error(message) => format!("{} {message}\n", term.bad("error:")),
    };
    let of_task = task.map_or(0, |t| t.hints.len());
    for (i, hint) in s.hints.iter().enumerate() {
        let label = format!("Hint {}/{of_task} (task {}):", i + 1, s.task);
        let _ = writeln!(middle, "\n{} {}", term.warn(&label), hint.trim_end());
    }
    let bar = s.width.saturating_sub(24).clamp(5, 30);
    let mut footer = format!(
        "\n{}\n{}\n",
        term::progress_bar(term, s.solved, s.total, bar),
        term.dim(s.note)
    );
    footer.push_str(s.prompt.unwrap_or(&keys(term, MAIN_KEYS)));
    fit(s, &header, &middle, &footer)
}

/// The screen within `s.height` rows: the header and the footer always, then as much of the
/// verdict as fits, then of the banner.
fn fit(s: &MainScreen, header: &str, middle: &str, footer: &str) -> String {
    let room = s
        .height
        .saturating_sub(rows(header, s.width) + rows(footer, s.width));
    let middle = clip(middle, room, s.width);
    let left = room.saturating_sub(rows(&middle, s.width));
    let banner = s
        .banner
        .map(|b| clip(&format!("{b}\n\n"), left, s.width))
        .unwrap_or_default();
    format!("{banner}{header}{middle}{footer}")
}

/// How many terminal rows `text` takes at `width` columns, long lines wrapping.
fn rows(text: &str, width: usize) -> usize {
    text.lines().map(|line| line_rows(line, width)).sum()
}

/// The rows of one line: an empty line takes one too.
fn line_rows(line: &str, width: usize) -> usize {
    console::measure_text_width(line)
        .div_ceil(width.max(1))
        .max(1)
}

/// The first lines of `text` that fit in `room` rows, with a last line saying how many more
/// there are when some are left out.
fn clip(text: &str, room: usize, width: usize) -> String {
    if rows(text, width) <= room {
        return text.to_owned();
    }
    let lines: Vec<&str> = text.lines().collect();
    // Sized for the largest count, so that the note's own rows are known before it is written.
    let note = |more: usize| format!("… {more} more lines: a taller terminal shows them");
    let mut used = rows(&note(lines.len()), width);
    let mut kept = String::new();
    let mut shown = 0;
    for line in &lines {
        let need = line_rows(line, width);
        if used + need > room {
            break;
        }
        used += need;
        shown += 1;
        kept.push_str(line);
        kept.push('\n');
    }
    if used <= room {
        let _ = writeln!(kept, "{}", note(lines.len() - shown));
    }
    kept
}

/// The keys of the exercise screen.
const MAIN_KEYS: &[(&str, &str)] = &[
    ("h", "hint"),
    ("l", "list"),
    ("r", "re-run"),
    ("n", "next"),
    ("x", "reset"),
    ("e", "explain"),
    ("q", "quit"),
];

fn keys(term: &Term, keys: &[(&str, &str)]) -> String {
    keys.iter()
        .map(|(key, what)| format!("{} {what}", term.strong(key)))
        .collect::<Vec<_>>()
        .join("  ")
}

/// The exercise list, `height` lines tall at most.
pub(super) fn list_screen(
    term: &Term,
    exercises: &[Exercise],
    done: &[bool],
    current: usize,
    list: &mut ListView,
    height: usize,
) -> String {
    let rows = list.rows(done);
    let window = height.saturating_sub(4).max(1);
    list.scroll(rows.len(), window);
    let filter = match list.filter {
        Filter::All => "all",
        Filter::Done => "done",
        Filter::Pending => "pending",
    };
    let solved = done.iter().filter(|d| **d).count();
    let mut text = format!(
        "{} ({filter}, {solved}/{} done)\n",
        term.strong("Exercises"),
        exercises.len()
    );
    let name_width = exercises.iter().map(|e| e.name().len()).max().unwrap_or(4);
    for (row, &i) in rows.iter().enumerate().skip(list.top).take(window) {
        let marks = Marks {
            done: done[i],
            current: i == current,
            cursor: row == list.cursor,
        };
        let _ = writeln!(text, "{}", list_row(term, &exercises[i], marks, name_width));
    }
    if rows.is_empty() {
        let _ = writeln!(text, "  (no exercise is {filter})");
    }
    let _ = write!(
        text,
        "\n{}",
        keys(
            term,
            &[
                ("↑↓", "move"),
                ("enter", "go to"),
                ("e", "explain"),
                ("a/d/p", "all/done/pending"),
                ("q", "back")
            ]
        )
    );
    text
}

/// What a row of the list is.
#[derive(Clone, Copy)]
struct Marks {
    done: bool,
    current: bool,
    cursor: bool,
}

fn list_row(term: &Term, exercise: &Exercise, marks: Marks, name_width: usize) -> String {
    let mark = if marks.done {
        term.good("✓")
    } else if marks.current {
        term.warn("→")
    } else {
        " ".into()
    };
    let cursor = if marks.cursor {
        term.strong(">")
    } else {
        " ".into()
    };
    let line = format!(
        "{:<name_width$}  {:<17}  {}",
        exercise.name(),
        exercise.info.topic,
        exercise.main_file()
    );
    let line = if marks.cursor {
        term.strong(&line)
    } else {
        line
    };
    format!("{cursor}{mark} {line}")
}

/// A topic's page from line `scroll`, `height` lines tall at most.
pub(super) fn page_screen(term: &Term, page: &str, scroll: &mut usize, height: usize) -> String {
    let lines: Vec<&str> = page.lines().collect();
    let window = height.saturating_sub(2).max(1);
    *scroll = (*scroll).min(lines.len().saturating_sub(window));
    let mut text: String = lines
        .iter()
        .skip(*scroll)
        .take(window)
        .map(|l| format!("{l}\n"))
        .collect();
    let _ = write!(
        text,
        "\n{}",
        keys(term, &[("↑↓/space", "scroll"), ("q", "back")])
    );
    text
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::{
        check::{Part, Verdict},
        course::{Course, ExerciseSet},
    };

    fn set() -> ExerciseSet {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
        ExerciseSet::load(Course::from_dir(&fixture).unwrap()).unwrap()
    }

    fn compile_error(lines: usize) -> Status {
        let diagnostics = (0..lines)
            .map(|i| format!("line {i} of the compiler's message"))
            .collect::<Vec<_>>()
            .join("\n");
        Status::Checked(CheckReport {
            verdict: Verdict::CompileError {
                part: Part::Exercise,
                diagnostics,
            },
            tests: Vec::new(),
            output: String::new(),
        })
    }

    fn screen(status: &Status, banner: Option<&str>, width: usize, height: usize) -> String {
        let set = set();
        main_screen(&MainScreen {
            term: &Term::plain(),
            root: Path::new("/wb"),
            exercise: &set.exercises[0],
            position: 1,
            total: 2,
            solved: 0,
            status,
            banner,
            task: 1,
            hints: &[],
            note: "Watching for changes.",
            prompt: None,
            width,
            height,
        })
    }

    #[test]
    fn a_long_verdict_is_cut_so_that_the_header_and_the_footer_stay() {
        for (width, height) in [(80, 24), (40, 12), (100, 30), (200, 60)] {
            let text = screen(
                &compile_error(100),
                Some("Welcome.\nSecond line."),
                width,
                height,
            );
            assert!(
                rows(&text, width) <= height,
                "{width}x{height}: {} rows:\n{text}",
                rows(&text, width)
            );
            assert!(
                text.starts_with("Exercise 1/2: adder (00_basics)\n"),
                "{text}"
            );
            assert!(text.contains("Task 1 of 2: Add two numbers"), "{text}");
            assert!(text.ends_with("q quit"), "{text}");
        }
        let text = screen(&compile_error(100), None, 80, 24);
        assert!(
            text.contains("more lines: a taller terminal shows them"),
            "{text}"
        );
    }

    #[test]
    fn a_short_verdict_leaves_room_for_the_banner() {
        let text = screen(&compile_error(2), Some("Welcome."), 80, 24);
        assert!(text.starts_with("Welcome.\n\nExercise 1/2"), "{text}");
        assert!(!text.contains("more lines"), "{text}");
    }
}

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
}

pub(super) fn main_screen(s: &MainScreen) -> String {
    let term = s.term;
    let mut text = String::new();
    if let Some(banner) = s.banner {
        let _ = writeln!(text, "{banner}\n");
    }
    let _ = writeln!(
        text,
        "{} {}/{}: {} ({})",
        term.strong("Exercise"),
        s.position,
        s.total,
        term.strong(s.exercise.name()),
        s.exercise.info.topic
    );
    let _ = writeln!(
        text,
        "{}\n",
        term.file_link(s.root, &s.exercise.main_file())
    );
    match s.status {
        Status::Checking => {
            let _ = writeln!(text, "{}", term.dim("Checking…"));
        }
        Status::Checked(report) => {
            let mut out = Vec::new();
            let _ = term::write_verdict(&mut out, term, s.exercise, report);
            text.push_str(&String::from_utf8_lossy(&out));
        }
        Status::Error(message) => {
            let _ = writeln!(text, "{} {message}", term.bad("error:"));
        }
    }
    let of_task = s.exercise.info.task(s.task).map_or(0, |t| t.hints.len());
    for (i, hint) in s.hints.iter().enumerate() {
        let label = format!("Hint {}/{of_task} (task {}):", i + 1, s.task);
        let _ = writeln!(text, "\n{} {}", term.warn(&label), hint.trim_end());
    }
    let bar = s.width.saturating_sub(24).clamp(5, 30);
    let _ = writeln!(
        text,
        "\n{}",
        term::progress_bar(term, s.solved, s.total, bar)
    );
    let _ = writeln!(text, "{}", term.dim(s.note));
    match s.prompt {
        Some(prompt) => text.push_str(prompt),
        None => text.push_str(&keys(term, MAIN_KEYS)),
    }
    text
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

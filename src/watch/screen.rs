//! What watch mode shows: the exercise screen and a topic's page as [`Page`]s that
//! [`frame::render`] lays out, and the exercise list as a table.

use std::fmt::Write as _;

use ratatui::{
    buffer::Buffer,
    layout::{Constraint, Layout, Rect},
    style::Style,
    text::Span,
    widgets::{Cell, HighlightSpacing, Paragraph, Row, StatefulWidget, Table, TableState, Widget},
};

use crate::{
    check::CheckReport,
    course::Exercise,
    term::{self, Term},
};

use super::{
    frame::{self, Page},
    list::{Filter, ListView},
};

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
    pub exercise: &'a Exercise,
    pub position: usize,
    pub total: usize,
    pub solved: usize,
    pub status: &'a Status,
    /// A message about what just happened (a pass, the welcome), above the verdict.
    pub banner: Option<&'a str>,
    /// The task the student is on, from 1.
    pub task: usize,
    /// The hints of that task shown so far.
    pub hints: &'a [String],
    /// How changes are noticed.
    pub note: &'a str,
    /// A short message about the last key, in the note's place.
    pub message: Option<&'a str>,
    /// A question, in the keys' place.
    pub prompt: Option<&'a str>,
    pub width: usize,
    pub height: usize,
}

pub(super) fn main_page(s: &MainScreen) -> Page {
    let term = s.term;
    let task = s.exercise.info.task(s.task);
    let mut header = format!(
        "{} {}/{}: {} ({})\n{}",
        term.strong("Exercise"),
        s.position,
        s.total,
        term.strong(s.exercise.name()),
        s.exercise.info.topic,
        s.exercise.main_file()
    );
    if let Some(task) = task {
        let count = s.exercise.info.tasks.len();
        let _ = write!(header, "\nTask {} of {count}: {}", s.task, task.title);
    }
    let mut body = s.banner.map(|b| format!("{b}\n\n")).unwrap_or_default();
    match s.status {
        Status::Checking => body.push_str(&term.dim("Checking…")),
        Status::Checked(report) => {
            let mut out = Vec::new();
            let _ = term::write_verdict(&mut out, term, s.exercise, report);
            body.push_str(&String::from_utf8_lossy(&out));
        }
        Status::Error(message) => {
            let _ = write!(body, "{} {message}", term.bad("error:"));
        }
    }
    let of_task = task.map_or(0, |t| t.hints.len());
    for (i, hint) in s.hints.iter().enumerate() {
        let label = format!("Hint {}/{of_task} (task {}):", i + 1, s.task);
        let _ = write!(body, "\n\n{} {}", term.warn(&label), hint.trim_end());
    }
    // Room for the scroll position beside the bar.
    let bar = s.width.saturating_sub(30).clamp(5, 30);
    let mut footer = term::progress_bar(term, s.solved, s.total, bar);
    // The note is kept off short terminals, where the verdict needs the rows; a message is
    // shown whatever the height.
    match s.message {
        Some(message) => {
            let _ = write!(footer, "\n{message}");
        }
        None if s.height >= 16 => {
            let _ = write!(footer, "\n{}", term.dim(s.note));
        }
        None => {}
    }
    footer.push('\n');
    match s.prompt {
        Some(prompt) => footer.push_str(&term.warn(prompt)),
        None => footer.push_str(&keys(term, MAIN_KEYS, s.width)),
    }
    Page {
        header,
        body,
        footer,
    }
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
    ("↑↓", "scroll"),
];

/// `keys` as `key what` pairs two spaces apart, in lines of `width` columns; a pair is never
/// split over two lines.
fn keys(term: &Term, keys: &[(&str, &str)], width: usize) -> String {
    let mut text = String::new();
    let mut used = 0;
    for (key, what) in keys {
        let need = console::measure_text_width(key) + 1 + what.len();
        if used > 0 && used + 2 + need > width {
            text.push('\n');
            used = 0;
        } else if used > 0 {
            text.push_str("  ");
            used += 2;
        }
        let _ = write!(text, "{} {what}", term.strong(key));
        used += need;
    }
    text
}

/// The keys of the list.
const LIST_KEYS: &[(&str, &str)] = &[
    ("↑↓", "move"),
    ("enter", "go to"),
    ("e", "explain"),
    ("a/d/p", "all/done/pending"),
    ("q", "back"),
];

/// The exercise list as a table in `area`: a title, a row per exercise cut to the width, the
/// row under the cursor always on screen, and the keys.
pub(super) fn render_list(l: &ListScreen, list: &mut ListView, area: Rect, buf: &mut Buffer) {
    if !frame::fits(area) {
        return frame::too_small(area, buf);
    }
    let term = l.term;
    let width = usize::from(area.width);
    let filter = match list.filter {
        Filter::All => "all",
        Filter::Done => "done",
        Filter::Pending => "pending",
    };
    let solved = l.done.iter().filter(|d| **d).count();
    let title = format!(
        "{} ({filter}, {solved}/{} done)",
        term.strong("Exercises"),
        l.exercises.len()
    );
    let footer = frame::styled(&keys(term, LIST_KEYS, width), width);
    let [top, middle, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(footer.height() as u16),
    ])
    .areas(area);
    Paragraph::new(frame::styled(&title, width)).render(top, buf);
    Paragraph::new(footer).render(bottom, buf);
    let rows = list.rows(l.done);
    if rows.is_empty() {
        let empty = format!("  (no exercise is {filter})");
        return Paragraph::new(empty).render(middle, buf);
    }
    // One row is the table's header.
    list.scroll(rows.len(), usize::from(middle.height).saturating_sub(1));
    let table = exercise_table(l, &rows, width);
    let mut state = TableState::new()
        .with_offset(list.top)
        .with_selected(Some(list.cursor));
    StatefulWidget::render(table, middle, buf, &mut state);
}

/// What the list shows of the exercises.
pub(super) struct ListScreen<'a> {
    pub term: &'a Term,
    pub exercises: &'a [Exercise],
    pub done: &'a [bool],
    pub current: usize,
}

/// The table of the exercises at `rows`; the path column only where there is room for it.
fn exercise_table<'a>(l: &ListScreen<'a>, rows: &[usize], width: usize) -> Table<'a> {
    let on = |style: Style| if l.term.color { style } else { Style::new() };
    let name_width = l
        .exercises
        .iter()
        .map(|e| e.name().len())
        .max()
        .unwrap_or(4);
    let topic_width = l
        .exercises
        .iter()
        .map(|e| e.info.topic.len())
        .max()
        .unwrap_or(5);
    let with_path = width >= 2 + name_width + topic_width + 20;
    let rows = rows.iter().map(|&i| {
        let exercise = &l.exercises[i];
        let mark = if l.done[i] {
            Span::styled("✓", on(Style::new().green().bold()))
        } else if i == l.current {
            Span::styled("→", on(Style::new().yellow().bold()))
        } else {
            Span::raw(" ")
        };
        let mut cells = vec![
            Cell::from(mark),
            Cell::from(exercise.name()),
            Cell::from(exercise.info.topic.as_str()),
        ];
        if with_path {
            cells.push(Cell::from(exercise.main_file()));
        }
        Row::new(cells)
    });
    let mut widths = vec![
        Constraint::Length(1),
        Constraint::Length(name_width as u16),
        Constraint::Length(topic_width as u16),
    ];
    let mut header = vec!["", "Exercise", "Topic"];
    if with_path {
        widths.push(Constraint::Fill(1));
        header.push("Path");
    }
    Table::new(rows, widths)
        .header(Row::new(header).style(on(Style::new().dim())))
        .highlight_symbol(">")
        .highlight_spacing(HighlightSpacing::Always)
        .row_highlight_style(if l.term.color {
            Style::new().bold().reversed()
        } else {
            Style::new()
        })
}

/// A topic's page, scrolled like the verdict.
pub(super) fn topic_page(term: &Term, topic: &str, page: &str, width: usize) -> Page {
    Page {
        header: format!("{} {topic}", term.strong("Topic")),
        body: page.trim_end().to_owned(),
        footer: format!(
            "\n{}",
            keys(term, &[("↑↓/space", "scroll"), ("q", "back")], width)
        ),
    }
}

#[cfg(test)]
mod tests;

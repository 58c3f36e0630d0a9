//! `opslings list [--json]`: every exercise with its status, topic, difficulty, minutes and path.

use std::{io::Write, process::ExitCode};

use anyhow::Result;
use serde::Serialize;

use crate::{app::App, term};

/// The JSON form; `format_version` changes when a field changes meaning or goes away.
#[derive(Serialize)]
struct ListJson<'a> {
    format_version: u32,
    solved: usize,
    total: usize,
    exercises: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct Row<'a> {
    name: &'a str,
    topic: &'a str,
    path: String,
    /// `done`, `current` or `pending`.
    status: &'static str,
    /// From 1 (a warm-up) to 5.
    difficulty: u8,
    /// About how long it takes.
    minutes: u32,
    tasks: usize,
}

pub(crate) fn run(app: &App, json: bool, out: &mut dyn Write) -> Result<ExitCode> {
    let state = app.state()?;
    let current = state.current(&app.set).map(|e| e.name());
    let rows: Vec<Row> = app
        .set
        .exercises
        .iter()
        .map(|e| Row {
            name: e.name(),
            topic: &e.info.topic,
            path: e.main_file(),
            status: if state.is_done(e.name()) {
                "done"
            } else if Some(e.name()) == current {
                "current"
            } else {
                "pending"
            },
            difficulty: e.info.difficulty,
            minutes: e.info.minutes,
            tasks: e.info.tasks.len(),
        })
        .collect();
    let solved = state.solved(&app.set);
    let total = rows.len();
    if json {
        let list = ListJson {
            format_version: 1,
            solved,
            total,
            exercises: rows,
        };
        serde_json::to_writer_pretty(&mut *out, &list)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }

    table(&app.term, &rows, out)?;
    writeln!(
        out,
        "\n{}",
        term::progress_bar(&app.term, solved, total, 30)
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The rows as a table: a mark for done and current, then name, topic, difficulty as dots,
/// minutes and path.
fn table(term: &term::Term, rows: &[Row], out: &mut dyn Write) -> Result<()> {
    let name_width = rows.iter().map(|r| r.name.len()).max().unwrap_or(4);
    let topic_width = rows.iter().map(|r| r.topic.len()).max().unwrap_or(5);
    writeln!(
        out,
        "   {:<name_width$}  {:<topic_width$}  LEVEL  MIN  PATH",
        "NAME", "TOPIC"
    )?;
    for row in rows {
        let mark = match row.status {
            "done" => term.good("✓"),
            "current" => term.warn("→"),
            _ => " ".to_owned(),
        };
        let level = format!(
            "{}{}",
            "●".repeat(row.difficulty.into()),
            "○".repeat(5 - usize::from(row.difficulty))
        );
        writeln!(
            out,
            " {mark} {:<name_width$}  {:<topic_width$}  {level}  {:>3}  {}",
            row.name, row.topic, row.minutes, row.path
        )?;
    }
    Ok(())
}

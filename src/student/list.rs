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
        term::progress_bar(&app.term, solved, total, term::bar_width(&app.term))
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The rows as a table: a mark for done and current, then name, topic, difficulty as dots,
/// minutes and path.
fn table(term: &term::Term, rows: &[Row], out: &mut dyn Write) -> Result<()> {
    let name_width = rows.iter().map(|r| r.name.len()).max().unwrap_or(4);
    let topic_width = rows.iter().map(|r| r.topic.len()).max().unwrap_or(5);
    // A row too wide for the terminal continues under PATH, its last column, or further left
    // where the path would not fit there.
    let path_column = 3 + name_width + 2 + topic_width + 2 + 5 + 2 + 3 + 2;
    let path_width = rows.iter().map(|r| r.path.len()).max().unwrap_or(0);
    let path_column = term.width.map_or(path_column, |w| {
        path_column.min(w.saturating_sub(path_width)).max(3)
    });
    let header = format!(
        "   {:<name_width$}  {:<topic_width$}  LEVEL  MIN  PATH",
        "NAME", "TOPIC"
    );
    writeln!(out, "{}", term.wrap_hanging(&header, path_column))?;
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
        let line = format!(
            " {mark} {:<name_width$}  {:<topic_width$}  {level}  {:>3}  {}",
            row.name, row.topic, row.minutes, row.path
        );
        writeln!(out, "{}", term.wrap_hanging(&line, path_column))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_at(width: usize) -> String {
        let row = |name, status| Row {
            name,
            topic: "10_resilience",
            path: format!("exercises/10_resilience/{name}/src/lib.rs"),
            status,
            difficulty: 3,
            minutes: 25,
            tasks: 2,
        };
        let rows = [row("retry", "done"), row("circuit_breaker", "current")];
        let term = term::Term {
            width: Some(width),
            ..term::Term::plain()
        };
        let mut out = Vec::new();
        table(&term, &rows, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_row_too_wide_continues_with_its_path_where_it_fits() {
        // PATH is at column 47; the longest path (50 characters) fits from column 30.
        let pad = " ".repeat(30);
        assert_eq!(
            table_at(80),
            format!(
                "   NAME             TOPIC          LEVEL  MIN  PATH\n \
                 ✓ retry            10_resilience  ●●●○○   25\n{pad}exercises/10_resilience/retry/src/lib.rs\n \
                 → circuit_breaker  10_resilience  ●●●○○   25\n{pad}exercises/10_resilience/circuit_breaker/src/lib.rs\n"
            )
        );
    }

    #[test]
    fn at_40_columns_the_path_moves_left_to_fit() {
        // The longest path has 50 characters: more than 40, so it starts at column 3.
        let pad = " ".repeat(3);
        assert_eq!(
            table_at(40),
            format!(
                "   NAME             TOPIC          LEVEL\n{pad}MIN  PATH\n \
                 ✓ retry            10_resilience  ●●●○○\n{pad}25\n{pad}exercises/10_resilience/retry/src/lib.rs\n \
                 → circuit_breaker  10_resilience  ●●●○○\n{pad}25\n{pad}exercises/10_resilience/circuit_breaker/src/lib.rs\n"
            )
        );
    }
}

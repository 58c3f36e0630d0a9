//! `opslings hint [NAME] [--all]`: hints are revealed one at a time, each more specific.

use std::{io::Write, process::ExitCode};

use anyhow::Result;

use crate::App;

pub fn run(app: &App, name: Option<&str>, all: bool, out: &mut dyn Write) -> Result<ExitCode> {
    let mut state = app.state()?;
    let exercise = app.resolve(name, &state)?;
    let hints = &exercise.info.hints;
    let shown = state.hints_shown(exercise.name());
    let level = if all {
        hints.len()
    } else {
        (shown + 1).min(hints.len())
    };
    for (i, hint) in hints.iter().take(level).enumerate() {
        let label = format!("Hint {}/{} for {}:", i + 1, hints.len(), exercise.name());
        writeln!(out, "{}\n{}\n", app.term.strong(&label), hint.trim_end())?;
    }
    if shown >= hints.len() && !all {
        writeln!(
            out,
            "That was the last hint. The topic's page may help: `{} explain {}`.",
            app.invoke, exercise.info.topic
        )?;
    } else if level < hints.len() {
        writeln!(
            out,
            "{}",
            app.term.dim(&format!(
                "Run `{} hint` again for the next one.",
                app.invoke
            ))
        )?;
    }
    if level != shown {
        state.state.hints.insert(exercise.name().to_owned(), level);
        state.save()?;
    }
    Ok(ExitCode::SUCCESS)
}

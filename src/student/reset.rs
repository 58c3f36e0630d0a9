//! `opslings reset NAME`: restore the original exercise from opslings's own copy.

use std::{io::Write, process::ExitCode};

use anyhow::Result;

use crate::app::App;

pub(crate) fn run(app: &App, name: &str, out: &mut dyn Write) -> Result<ExitCode> {
    let exercise = app.set.find(name)?;
    let mut state = app.state()?;
    let reset = app.workbook.reset(&app.set, exercise)?;
    match reset.backup {
        Some(backup) => {
            let shown = backup.strip_prefix(&app.workbook.root).unwrap_or(&backup);
            writeln!(
                out,
                "Your version of {} is saved in {}",
                exercise.name(),
                shown.display()
            )?;
            writeln!(out, "{} is back to its original.", exercise.dir())?;
        }
        None => writeln!(
            out,
            "{} was already the original; nothing to back up.",
            exercise.dir()
        )?,
    }
    if state.update(|state| state.state.done.remove(exercise.name()))? {
        writeln!(out, "It is marked not done again.")?;
    }
    Ok(ExitCode::SUCCESS)
}

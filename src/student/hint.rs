//! `opslings hint [NAME] [--all]`: the hints of the task the student is on, one at a time, each
//! more specific than the last.

use std::{io::Write, process::ExitCode};

use anyhow::Result;

use crate::app::App;

pub(crate) fn run(
    app: &App,
    name: Option<&str>,
    all: bool,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut state = app.state()?;
    let exercise = app.resolve(name, &state)?;
    let tasks = &exercise.info.tasks;
    let label = |number: usize, hint: usize| {
        let task = &tasks[number - 1];
        format!(
            "Hint {hint}/{} for {}, task {number} of {} ({}):",
            task.hints.len(),
            exercise.name(),
            tasks.len(),
            task.title
        )
    };
    if all {
        for (i, task) in tasks.iter().enumerate() {
            for (h, hint) in task.hints.iter().enumerate() {
                let label = app.term.wrap(&app.term.strong(&label(i + 1, h + 1)));
                writeln!(out, "{label}\n{}\n", app.term.reflow(hint.trim_end()))?;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let number = state.task(exercise.name()).clamp(1, tasks.len());
    let task = &tasks[number - 1];
    let shown = state.hints_shown(exercise.name(), number);
    let level = (shown + 1).min(task.hints.len());
    for (i, hint) in task.hints.iter().take(level).enumerate() {
        let label = app.term.wrap(&app.term.strong(&label(number, i + 1)));
        writeln!(out, "{label}\n{}\n", app.term.reflow(hint.trim_end()))?;
    }
    if shown >= task.hints.len() {
        let last = format!(
            "That was the last hint of this task. The topic's page may help: `{} explain {}`.",
            app.invoke, exercise.info.topic
        );
        writeln!(out, "{}", app.term.wrap(&last))?;
    } else if level < task.hints.len() {
        let again = format!("Run `{} hint` again for the next one.", app.invoke);
        writeln!(out, "{}", app.term.wrap(&app.term.dim(&again)))?;
    }
    if level != shown {
        state.update(|state| state.set_hints_shown(exercise.name(), number, level))?;
    }
    Ok(ExitCode::SUCCESS)
}

//! `opslings run [NAME]`: check an exercise once and show the verdict.

use std::{io::Write, process::ExitCode};

use anyhow::Result;

use crate::{app::App, check::CheckReport, course::Exercise, term, workbook::state::StateFile};

/// `opslings run [NAME]`.
pub(crate) fn named(app: &App, name: Option<&str>, out: &mut dyn Write) -> Result<ExitCode> {
    let mut state = app.state()?;
    let exercise = app.resolve(name, &state)?;
    check_and_show(app, &mut state, exercise, out)
}

fn check_and_show(
    app: &App,
    state: &mut StateFile,
    exercise: &Exercise,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let term = &app.term;
    let position = app.set.position(exercise.name()).unwrap_or(0) + 1;
    writeln!(
        out,
        "{} {position}/{}: {} ({})\n{}\n",
        term.strong("Exercise"),
        app.set.exercises.len(),
        term.strong(exercise.name()),
        exercise.info.topic,
        term.file_link(&app.workbook.root, &exercise.main_file()),
    )?;
    let report = app.check_to_end(exercise)?;
    term::write_verdict_in(out, term, &app.workbook.root, exercise, &report)?;
    writeln!(out)?;
    if report.verdict.passed() {
        passed(app, state, exercise, out)
    } else {
        not_yet(app, state, exercise, &report, out)
    }
}

/// Records the task the tests stopped at and says what to do next.
fn not_yet(
    app: &App,
    state: &mut StateFile,
    exercise: &Exercise,
    report: &CheckReport,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let term = &app.term;
    // A compile error says nothing of the tasks: keep the one of the last test run.
    if let Some(task) = report.current_task().filter(|_| report.tests_ran())
        && state.task(exercise.name()) != task
    {
        state.update(|state| state.set_task(exercise.name(), task))?;
    }
    writeln!(
        out,
        "{}",
        term::progress_bar(
            term,
            state.solved(&app.set),
            app.set.exercises.len(),
            term::bar_width(term)
        )
    )?;
    let next = format!(
        "Edit {}, save, and run `{}` again. Stuck? `{} hint` shows a hint.",
        exercise.main_file(),
        app.invoke.trim_end_matches(" --"),
        app.invoke
    );
    writeln!(out, "{}", term.wrap(&next))?;
    Ok(ExitCode::FAILURE)
}

/// Marks the exercise done and names the next one.
fn passed(
    app: &App,
    state: &mut StateFile,
    exercise: &Exercise,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let term = &app.term;
    let next = state.update(|state| state.complete(&app.set, exercise.name()))?;
    writeln!(
        out,
        "{}",
        term::progress_bar(
            term,
            state.solved(&app.set),
            app.set.exercises.len(),
            term::bar_width(term)
        )
    )?;
    if let Some(note) = app.solution_note(exercise) {
        writeln!(out, "{}", term.wrap(&note))?;
    }
    match next {
        Some(next) => {
            let line = format!(
                "Next: {} ({}). Run `{}` to check it.",
                term.strong(next.name()),
                next.main_file(),
                app.invoke.trim_end_matches(" --")
            );
            writeln!(out, "{}", term.wrap(&line))?;
        }
        None => writeln!(out, "\n{}", term.reflow(app.set.final_message.trim_end()))?,
    }
    Ok(ExitCode::SUCCESS)
}

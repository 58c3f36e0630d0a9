//! opslings: exercises on operations and reliability engineering, and the runner that checks
//! them against hidden tests.
//!
//! This file only dispatches: each command lives with its audience (`student`, `watch`,
//! `instructor`) over the shared layers (`course`, `workbook`, `check`, `term`).

mod app;
pub mod check;
pub mod cli;
pub mod course;
mod instructor;
pub mod interrupt;
mod lock;
mod student;
pub mod term;
mod watch;
pub mod workbook;

use std::{io::Write, process::ExitCode};

use anyhow::{Context, Result};

use crate::{
    app::App,
    cli::{Cli, ColorChoice, Command},
    term::Term,
};

/// The exit status of a finished command: 128 + the signal that stopped it, 0 for a closed
/// pipe (`opslings list | head`), 2 with the message for an error.
pub fn exit_code(result: Result<ExitCode>) -> ExitCode {
    if let Some(signal) = interrupt::received() {
        return ExitCode::from(128 + u8::try_from(signal).unwrap_or(0));
    }
    match result {
        Ok(code) => code,
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let label = console::style("error:").red().bold().for_stderr();
            eprintln!("{label} {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs the command line; the exit code is 0 on success, 1 when a check did not pass.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode> {
    let term = Term::detect(match cli.color {
        ColorChoice::Auto => term::ColorChoice::Auto,
        ColorChoice::Always => term::ColorChoice::Always,
        ColorChoice::Never => term::ColorChoice::Never,
    });
    let cwd = std::env::current_dir().context("Failed to read the current folder")?;
    match cli.command {
        Some(Command::Completions { shell }) => {
            cli::completions(shell, out)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man { command }) => {
            cli::man(command.as_deref(), out)?;
            Ok(ExitCode::SUCCESS)
        }
        // The instructor's commands work outside a workbook too.
        Some(Command::Instructor(command)) => {
            instructor::run(command, cli.course.as_deref(), term, &cwd, out)
        }
        Some(Command::Student(command)) => {
            let app = App::new(cli.course.as_deref(), term, &cwd)?;
            student::run(&app, command, out)
        }
        None => {
            let app = App::new(cli.course.as_deref(), term, &cwd)?;
            watch::run(&app, watch::Trigger::Auto, out)
        }
    }
}

//! opslings: exercises on operations and reliability engineering, and the runner that checks
//! them against hidden tests.

pub mod check;
pub mod cli;
mod commands;
pub mod course;
pub mod exercise;
pub mod grade;
pub mod info;
pub mod init;
mod instructor;
pub mod parallel;
pub mod partition;
pub mod progress;
pub mod report;
pub mod state;
pub mod term;
pub mod verify;
pub mod watch;
pub mod workbook;

use std::{io::Write, path::Path, process::ExitCode};

use anyhow::{Context, Result};

use crate::{
    check::{Cancel, CheckReport, Job},
    cli::{Cli, ColorChoice, Command},
    course::Course,
    exercise::{Exercise, ExerciseSet},
    state::StateFile,
    term::Term,
    workbook::Workbook,
};

/// The checked configuration every command works from.
pub struct App {
    pub set: ExerciseSet,
    pub workbook: Workbook,
    pub term: Term,
    /// How the student starts opslings, for the commands suggested in messages.
    pub invoke: &'static str,
}

impl App {
    pub fn new(course_dir: Option<&Path>, term: Term, cwd: &Path) -> Result<Self> {
        let course = match course_dir {
            Some(dir) => Course::from_dir(dir)?,
            None => Course::embedded(),
        };
        let set = ExerciseSet::load(course)?;
        let workbook = Workbook::find(cwd)?;
        // `cargo run` sets CARGO_PKG_NAME for the program it runs.
        let invoke = if std::env::var_os("CARGO_PKG_NAME").is_some_and(|n| n == "opslings") {
            "cargo run --"
        } else {
            "opslings"
        };
        Ok(Self {
            set,
            workbook,
            term,
            invoke,
        })
    }

    pub fn state(&self) -> Result<StateFile> {
        StateFile::load(&self.workbook.root)
    }

    /// The exercise named, or the one the student is on.
    pub fn resolve(&self, name: Option<&str>, state: &StateFile) -> Result<&Exercise> {
        match name {
            Some(name) => self.set.find(name),
            None => state.current(&self.set).with_context(|| {
                format!(
                    "Every exercise is done: name one (`{} list` shows them)",
                    self.invoke
                )
            }),
        }
    }

    /// Where the model solution of `exercise` is, when this workbook has one (a workbook made by
    /// `opslings init` has none).
    pub fn solution_note(&self, exercise: &Exercise) -> Option<String> {
        let dir = exercise.solution_dir();
        self.workbook.root.join(&dir).is_dir().then(|| {
            format!(
                "A model solution is in {}: compare it with yours.",
                self.term.file_link(&self.workbook.root, &dir)
            )
        })
    }

    /// Checks the student's version of an exercise; `Ok(None)` when `cancel` stopped it.
    pub fn check(&self, exercise: &Exercise, cancel: &Cancel) -> Result<Option<CheckReport>> {
        let job = Job {
            exercise,
            root: &self.workbook.root,
            src: self.workbook.src(exercise),
            build: self.workbook.build_dir(exercise),
            color: self.term.color,
            rename: Vec::new(),
        };
        check::check(&job, cancel)
    }
}

fn trigger(poll: bool, manual: bool) -> watch::Trigger {
    match (poll, manual) {
        (_, true) => watch::Trigger::Manual,
        (true, _) => watch::Trigger::Poll,
        _ => watch::Trigger::Auto,
    }
}

/// Runs the command line; the exit code is 0 on success, 1 when a check did not pass.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode> {
    let term = Term::detect(match cli.color {
        ColorChoice::Auto => None,
        ColorChoice::Always => Some(true),
        ColorChoice::Never => Some(false),
    });
    let cwd = std::env::current_dir().context("Failed to read the current folder")?;
    // The instructor's commands work outside a workbook too, so they come before App::new.
    if let Some(Command::Instructor(command)) = cli.command {
        return instructor::run(command, cli.course.as_deref(), term, &cwd, out);
    }
    let app = App::new(cli.course.as_deref(), term, &cwd)?;
    match cli.command {
        None => watch::run(&app, watch::Trigger::Auto, out),
        Some(Command::Watch { poll, manual }) => watch::run(&app, trigger(poll, manual), out),
        Some(Command::Run { name }) => commands::run::named(&app, name.as_deref(), out),
        Some(Command::Hint { name, all }) => commands::hint::run(&app, name.as_deref(), all, out),
        Some(Command::List { json }) => commands::list::run(&app, json, out),
        Some(Command::Reset { name }) => commands::reset::run(&app, &name, out),
        Some(Command::Explain { topic }) => commands::explain::run(&app, topic.as_deref(), out),
        Some(Command::Instructor(_)) => unreachable!("the instructor's commands ran above"),
    }
}

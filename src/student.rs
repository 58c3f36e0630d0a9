//! The student's commands: one module each, each writing to the writer it is given. Watch mode,
//! the default, has a folder of its own.

pub(crate) mod explain;
pub(crate) mod hint;
pub(crate) mod list;
pub(crate) mod reset;
pub(crate) mod run;

use std::{io::Write, process::ExitCode};

use anyhow::Result;

use crate::{app::App, cli::Student, watch};

pub(crate) fn run(app: &App, command: Student, out: &mut dyn Write) -> Result<ExitCode> {
    match command {
        Student::Watch { poll, manual } => watch::run(app, watch::Trigger::new(poll, manual), out),
        Student::Run { name } => run::named(app, name.as_deref(), out),
        Student::Hint { name, all } => hint::run(app, name.as_deref(), all, out),
        Student::List { json } => list::run(app, json, out),
        Student::Reset { name } => reset::run(app, &name, out),
        Student::Explain { topic } => explain::run(app, topic.as_deref(), out),
    }
}

//! The command line, as clap reads it. Nothing else in the crate sees these types.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

mod instructor;
mod student;
pub use instructor::{Instructor, OutputArgs, ReportArgs, ReportFormat};
pub use student::Student;

/// Exercises on operations and reliability engineering, checked against hidden tests.
///
/// Without a command, opslings starts watch mode on the exercise you are on.
#[derive(Parser, Debug)]
#[command(name = "opslings", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Use the exercise set in DIR (info.toml, exercises/, solutions/, tests/hidden/) instead of
    /// the one built into opslings
    #[arg(long, global = true, value_name = "DIR", env = "OPSLINGS_COURSE")]
    pub course: Option<PathBuf>,

    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(flatten)]
    Student(Student),
    #[command(flatten)]
    Instructor(Instructor),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

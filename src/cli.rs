//! The command line, as clap reads it. Nothing else in the crate sees these types.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

mod docs;
mod instructor;
mod student;
pub use docs::{completions, man};
pub use instructor::{Instructor, OutputArgs, ReportArgs, ReportFormat};
pub use student::Student;

/// `opslings 0.1.0 (course: info.toml format 2, 99 exercises, commit …)`, written by build.rs.
const VERSION: &str = env!("OPSLINGS_VERSION");

/// Exercises on operations and reliability engineering, checked against hidden tests.
///
/// Without a command, opslings starts watch mode on the exercise you are on.
#[derive(Parser, Debug)]
#[command(name = "opslings", version = VERSION, about, long_about = None)]
#[command(after_help = "\
Examples:
  opslings              Watch mode on the current exercise
  opslings run          Check it once, print the verdict")]
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
    /// Print a completion script for your shell
    #[command(after_help = "\
Examples:
  opslings completions bash > ~/.local/share/bash-completion/completions/opslings
  opslings completions zsh > ~/.zfunc/_opslings    (with fpath+=~/.zfunc)")]
    Completions {
        /// The shell to complete in
        shell: Shell,
    },
    /// Print the manual page (roff), of opslings or of one of its commands
    #[command(after_help = "\
Examples:
  opslings man | man -l -
  opslings man grade > opslings-grade.1")]
    Man {
        /// A command, for its own page (`opslings-grade(1)`)
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

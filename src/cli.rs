//! The command line, as clap reads it. Nothing else in the crate sees these types.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

mod instructor;
pub use instructor::{Instructor, ReportArgs, ReportFormat};

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
    /// Watch mode (the default): re-check the current exercise on every save
    Watch {
        /// Look for changes every half second instead of waiting for file events
        #[arg(long, conflicts_with = "manual")]
        poll: bool,
        /// Check only when you press `r` (for file systems that report no changes)
        #[arg(long)]
        manual: bool,
    },
    /// Check an exercise once and show the verdict (exit status 0 when it passes)
    Run {
        /// The exercise; the one you are on if left out
        name: Option<String>,
    },
    /// Show the next hint of an exercise
    Hint {
        /// The exercise; the one you are on if left out
        name: Option<String>,
        /// Show every hint at once
        #[arg(long)]
        all: bool,
    },
    /// List the exercises with their status, topic and path
    List {
        /// Write JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Restore an exercise's original files (your version is backed up first)
    Reset {
        /// The exercise to restore
        name: String,
    },
    /// Show a topic's page
    Explain {
        /// A topic (`10_resilience` or `resilience`) or an exercise; the current one if left out
        topic: Option<String>,
    },
    #[command(flatten)]
    Instructor(Instructor),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

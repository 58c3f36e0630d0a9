//! The student's commands as clap reads them: watch, run, hint, list, reset, explain.

use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum Student {
    /// Watch mode (the default): re-check the current exercise on every save
    #[command(after_help = "\
Examples:
  opslings watch            Check the exercise you are on at every save
  opslings watch --poll     Where saves send no file events (network folders)")]
    Watch {
        /// Look for changes every half second instead of waiting for file events
        #[arg(long, conflicts_with = "manual")]
        poll: bool,
        /// Check only when you press `r` (for file systems that report no changes)
        #[arg(long)]
        manual: bool,
    },
    /// Check an exercise once and show the verdict (exit status 0 when it passes)
    #[command(after_help = "\
Examples:
  opslings run              The exercise you are on
  opslings run intro2       Another one, by name")]
    Run {
        /// The exercise; the one you are on if left out
        name: Option<String>,
    },
    /// Show the next hint of an exercise
    #[command(after_help = "\
Examples:
  opslings hint             The next hint of the task you are on
  opslings hint intro1 --all")]
    Hint {
        /// The exercise; the one you are on if left out
        name: Option<String>,
        /// Show every hint at once
        #[arg(long)]
        all: bool,
    },
    /// List the exercises with their status, topic and path
    #[command(after_help = "\
Examples:
  opslings list
  opslings list --json | jq -r '.exercises[] | select(.status == \"pending\") | .name'")]
    List {
        /// Write JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Restore an exercise's original files (your version is backed up first)
    #[command(after_help = "\
Examples:
  opslings reset intro1     Your version goes to .opslings/backups/ first")]
    Reset {
        /// The exercise to restore
        name: String,
    },
    /// Show a topic's page
    #[command(after_help = "\
Examples:
  opslings explain          The page of the topic you are on
  opslings explain resilience")]
    Explain {
        /// A topic (`10_resilience` or `resilience`) or an exercise; the current one if left out
        topic: Option<String>,
    },
}

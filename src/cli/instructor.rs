//! The instructor's commands as clap reads them: verify, grade, init.

use std::{num::NonZeroUsize, path::PathBuf};

use clap::{Args, Subcommand, ValueEnum};

use crate::instructor::Partition;

#[derive(Subcommand, Debug)]
pub enum Instructor {
    /// Verify the exercise set: every solution passes its hidden tests, every untouched exercise
    /// does not, and info.toml agrees with the folders (exit status 0 only when all holds)
    ///
    /// Inside a course repository (a folder with info.toml and solutions/) the exercise set on
    /// disk is verified; elsewhere the one built into opslings, or the one given by --course.
    Verify {
        /// Only these exercises; all of them when none is named
        #[arg(value_name = "NAME")]
        names: Vec<String>,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Grade students' workbooks against the hidden tests built into opslings (or --course)
    ///
    /// Only the `.rs` files under each workbook's exercises/<topic>/<name>/src/ are used;
    /// manifests, build scripts and hidden tests come from opslings. Exit status 0 only when
    /// every exercise of every workbook passes.
    Grade {
        /// The students' workbooks (clones of the assignment)
        #[arg(value_name = "DIR", required = true)]
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        report: ReportArgs,
    },
    /// Write a fresh student workbook into DIR (new or empty): the exercises, info.toml and topic
    /// pages, without solutions or hidden tests, to publish as an assignment template
    Init {
        /// The folder to create
        dir: PathBuf,
    },
}

/// What `verify` and `grade` share: how much to do at once, which share, and the report.
#[derive(Args, Debug)]
pub struct ReportArgs {
    /// How many checks run at once [default: the number of cores]
    #[arg(long, short, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<NonZeroUsize>,

    /// How to write the report: a table, JSON (docs/report.schema.json) or JUnit XML
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,

    /// Take only partition K of N for a CI matrix: item i (exercises in info.toml order,
    /// workbooks in sorted order) goes to partition (i mod N) + 1
    #[arg(long, value_name = "K/N", value_parser = parse_partition)]
    pub partition: Option<Partition>,

    /// Write the report to FILE instead; a human summary still goes to standard output
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Keep verdicts in DIR, for runs to come (such as CI's cache) [default:
    /// $XDG_CACHE_HOME/opslings, else ~/.cache/opslings]
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache: Option<PathBuf>,

    /// Check everything afresh: neither read nor write the verdict cache
    #[arg(long)]
    pub no_cache: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    Junit,
}

fn parse_partition(text: &str) -> Result<Partition, String> {
    text.parse()
}

fn parse_jobs(text: &str) -> Result<NonZeroUsize, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a number of checks to run at once: give 1 or more"))
}

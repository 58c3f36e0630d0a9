//! The instructor's commands as clap reads them: verify, grade, merge, init, sandbox.

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
    #[command(after_help = "\
Examples:
  opslings verify
  opslings verify --partition 1/4 --format junit --output verify.xml")]
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
    /// manifests, build scripts and hidden tests come from opslings. Student code runs in a
    /// sandbox (`opslings sandbox` shows its layers; SECURITY.md says what it guarantees). Exit
    /// status 0 only when every exercise of every workbook passes.
    #[command(after_help = "\
Examples:
  opslings grade submissions/*
  opslings grade --format json --output grades.json submissions/*")]
    Grade {
        /// The students' workbooks (clones of the assignment)
        #[arg(value_name = "DIR", required = true)]
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        report: ReportArgs,
        /// Run student code without the sandbox: only where the grade runs in a throwaway VM or
        /// container that isolates it by other means (see SECURITY.md)
        #[arg(long)]
        no_sandbox: bool,
        /// What identifies this CI run in the JSON report, so that `merge` takes only the
        /// partitions of one run [default: $GITHUB_RUN_ID or $CI_PIPELINE_ID]
        ///
        /// Example: --run "fall-2026-week-3"
        #[arg(long, value_name = "ID", env = "OPSLINGS_RUN")]
        run: Option<String>,
    },
    /// Merge the JSON reports of the partitions of one grading run into one report
    ///
    /// Refuses reports of different courses, opslings versions or runs, a missing or repeated
    /// partition, and a workbook graded twice. The workbooks are written sorted by path.
    ///
    /// Examples:
    ///   opslings merge grade-*.json --format json --output gradebook.json
    ///   opslings merge grade-*.json --format html --output gradebook.html
    #[command(verbatim_doc_comment)]
    Merge {
        /// The reports (`opslings grade --format json --partition hash:K/N`), in any order
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Say which layers of the sandbox student code gets on this machine, found by trying them
    /// (exit status 0 only when `grade` can run sandboxed here)
    #[command(after_help = "\
Examples:
  opslings sandbox                       # before the first grade on a new runner
  opslings sandbox || echo 'grade needs Landlock: see SECURITY.md'")]
    Sandbox,
    /// Write a fresh student workbook into DIR (new or empty): the exercises, info.toml and topic
    /// pages, without solutions or hidden tests, to publish as an assignment template
    #[command(after_help = "\
Examples:
  opslings init ../assignment-template")]
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

    /// Take only partition K of N for a CI matrix. hash:K/N (use it to grade) puts an item
    /// in partition (FNV-1a of its name mod N) + 1, whatever else is in the list; count:K/N
    /// (or K/N) puts item i (exercises in info.toml order, workbooks sorted) in (i mod N) + 1
    ///
    /// Example: --partition hash:2/4
    #[arg(long, value_name = "SCHEME:K/N", value_parser = parse_partition)]
    pub partition: Option<Partition>,

    /// Keep verdicts in DIR, for runs to come (such as CI's cache) [default:
    /// $XDG_CACHE_HOME/opslings, else ~/.cache/opslings]
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache: Option<PathBuf>,

    /// Check everything afresh: neither read nor write the verdict cache
    #[arg(long)]
    pub no_cache: bool,

    #[command(flatten)]
    pub output: OutputArgs,
}

/// The report's format and where it goes.
#[derive(Args, Debug)]
pub struct OutputArgs {
    /// How to write the report: a table, JSON (docs/report.schema.json), JUnit XML, the GitHub
    /// Classroom reporter's payload (grade and merge; one workbook), or an HTML gradebook page
    /// (grade and merge)
    ///
    /// Example: --format html --output gradebook.html
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,

    /// Write the report to FILE instead; a human summary still goes to standard output. The
    /// path is checked before any work starts
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Human,
    Json,
    Junit,
    /// The base64 JSON that classroom-resources/autograding-grading-reporter reads
    Classroom,
    /// One self-contained page: students × exercises, pass rates, totals
    Html,
}

fn parse_partition(text: &str) -> Result<Partition, String> {
    text.parse()
}

fn parse_jobs(text: &str) -> Result<NonZeroUsize, String> {
    text.parse()
        .map_err(|_| format!("`{text}` is not a number of checks to run at once: give 1 or more"))
}

/*!
The instructor's commands: `verify`, `grade` and `init`. Each turns its arguments into checked
options, picks the exercise set, does the work, and writes the report in the format asked for.

They do not need a workbook, so they run before the student's commands look for one.
*/

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::ExitCode,
};

use anyhow::{Context, Result};

mod grade;
mod init;
mod output;
mod partition;
mod pool;
mod progress;
mod report;
mod verify;

pub(crate) use partition::Partition;

use crate::{
    app::load_set,
    check::cache::Cache,
    cli::{Instructor, ReportArgs, ReportFormat},
    course::ExerciseSet,
    term::Term,
    workbook::Workbook,
};
use progress::Progress;
use report::{Format, Report};

/// The checked options of `verify` and `grade`.
struct Options {
    jobs: usize,
    format: Format,
    partition: Partition,
    /// Where the report goes instead of standard output.
    output: Option<PathBuf>,
    cache: CacheChoice,
}

/// Which verdict cache a run uses.
enum CacheChoice {
    Off,
    Default,
    In(PathBuf),
}

impl CacheChoice {
    /// The cache, opened; a folder named on the command line must be usable, the usual one
    /// only makes the run faster.
    fn open(&self) -> Result<Option<Cache>> {
        Ok(match self {
            Self::Off => None,
            Self::Default => Cache::default_dir().and_then(|dir| Cache::open(&dir).ok()),
            Self::In(dir) => Some(Cache::open(dir)?),
        })
    }
}

impl From<ReportArgs> for Options {
    fn from(args: ReportArgs) -> Self {
        Self {
            jobs: args.jobs.map_or_else(pool::default_jobs, |n| n.get()),
            format: match args.format {
                ReportFormat::Human => Format::Human,
                ReportFormat::Json => Format::Json,
                ReportFormat::Junit => Format::Junit,
            },
            partition: args.partition.unwrap_or(Partition::WHOLE),
            output: args.output,
            cache: match (args.no_cache, args.cache) {
                (true, _) => CacheChoice::Off,
                (false, Some(dir)) => CacheChoice::In(dir),
                (false, None) => CacheChoice::Default,
            },
        }
    }
}

pub(crate) fn run(
    command: Instructor,
    course: Option<&Path>,
    term: Term,
    cwd: &Path,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    match command {
        Instructor::Verify { names, report } => {
            verify(&names, report.into(), course, term, cwd, out)
        }
        Instructor::Grade { dirs, report } => grade(&dirs, report.into(), course, term, out),
        Instructor::Init { dir } => {
            let set = load(course)?;
            let files = init::init(&set, &dir)?;
            writeln!(
                out,
                "Wrote a workbook of {} exercises to {} ({files} files): the original exercises, \
                 info.toml and the topic pages, without solutions or hidden tests.\n\
                 Publish it as the assignment template; students clone it and run `opslings` in it.",
                set.exercises.len(),
                dir.display()
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The set in `--course`, else the one built into opslings.
fn load(course: Option<&Path>) -> Result<ExerciseSet> {
    load_set(course)
}

fn verify(
    names: &[String],
    options: Options,
    course: Option<&Path>,
    term: Term,
    cwd: &Path,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    output::check_writable(options.output.as_deref())?;
    let workbook = Workbook::find(cwd).ok();
    // The binary's copy of the exercises is the original a student resets to, so it is not
    // rebuilt when they change: inside a course repository, verify what is on disk.
    let repository = workbook
        .as_ref()
        .map(|w| &w.root)
        .filter(|root| root.join("solutions").is_dir());
    let (set, source) = match (course, repository) {
        (Some(dir), _) => (load(Some(dir))?, format!("the set in {}", dir.display())),
        (None, Some(root)) => (load(Some(root))?, format!("the set in {}", root.display())),
        (None, None) => (load(None)?, "the set built into opslings".to_owned()),
    };
    let exercises = verify::select(&set, names, options.partition)?;
    let cache = options.cache.open()?;
    // Builds go below the workbook's target/ when there is one, else into a temporary folder.
    let temp;
    let root = match &workbook {
        Some(w) => w.root.clone(),
        None => {
            temp = tempfile::tempdir().context("Failed to create a temporary build folder")?;
            temp.path().to_owned()
        }
    };
    let progress = Progress::detect(exercises.len());
    progress.line(&format!(
        "Verifying {} of the {} exercises of {source}, {} at a time",
        exercises.len(),
        set.exercises.len(),
        options.jobs
    ));
    let report = verify::run(
        &set,
        &exercises,
        options.partition,
        &root,
        options.jobs,
        cache.as_ref(),
        &progress,
    )?;
    emit(Report::Verify(&report), &options, &term, out)
}

fn grade(
    dirs: &[PathBuf],
    options: Options,
    course: Option<&Path>,
    term: Term,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    output::check_writable(options.output.as_deref())?;
    let set = load(course)?;
    let cache = options.cache.open()?;
    let workbooks = grade::select(dirs, options.partition);
    let progress = Progress::detect(workbooks.len() * set.exercises.len());
    progress.line(&format!(
        "Grading {} workbooks on {} exercises, {} checks at a time",
        workbooks.len(),
        set.exercises.len(),
        options.jobs
    ));
    let report = grade::run(
        &set,
        &workbooks,
        options.partition,
        options.jobs,
        cache.as_ref(),
        &progress,
    )?;
    emit(Report::Grade(&report), &options, &term, out)
}

/// Writes the report where it belongs; the exit status says whether everything held.
fn emit(report: Report, options: &Options, term: &Term, out: &mut dyn Write) -> Result<ExitCode> {
    match &options.output {
        Some(path) => {
            let mut bytes = Vec::new();
            report::write(report, options.format, &Term::plain(), &mut bytes)?;
            output::write_atomically(path, &bytes)?;
            report::write(report, Format::Human, term, out)?;
        }
        None => report::write(report, options.format, term, out)?,
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

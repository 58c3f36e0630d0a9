/*!
The instructor's commands: `verify`, `grade`, `merge`, `init` and `sandbox`. Each turns its arguments into checked
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
mod merge;
mod output;
mod partition;
mod pool;
mod progress;
mod provenance;
mod report;
mod sandbox;
mod verify;

pub(crate) use partition::Partition;

use crate::{
    app::load_set,
    check::{SandboxMode, cache::Cache},
    cli::{Instructor, OutputArgs, ReportArgs, ReportFormat},
    course::ExerciseSet,
    term::Term,
    workbook::Workbook,
};
use progress::Progress;
use provenance::Started;
use report::{
    Format, Report,
    doc::{ExerciseInfo, GradeDoc},
};

/// The checked options of `verify` and `grade`.
struct Options {
    jobs: usize,
    partition: Partition,
    to: Destination,
    cache: CacheChoice,
}

/// The report's format and where it goes.
struct Destination {
    format: Format,
    /// Where the report goes instead of standard output.
    output: Option<PathBuf>,
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

impl From<OutputArgs> for Destination {
    fn from(args: OutputArgs) -> Self {
        Self {
            format: match args.format {
                ReportFormat::Human => Format::Human,
                ReportFormat::Json => Format::Json,
                ReportFormat::Junit => Format::Junit,
                ReportFormat::Classroom => Format::Classroom,
                ReportFormat::Html => Format::Html,
            },
            output: args.output,
        }
    }
}

impl From<ReportArgs> for Options {
    fn from(args: ReportArgs) -> Self {
        Self {
            jobs: args.jobs.map_or_else(pool::default_jobs, |n| n.get()),
            partition: args.partition.unwrap_or(Partition::WHOLE),
            to: args.output.into(),
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
        Instructor::Grade {
            dirs,
            report,
            run,
            no_sandbox,
        } => {
            let sandbox = if no_sandbox {
                SandboxMode::Off
            } else {
                SandboxMode::Required
            };
            let run = run.or_else(provenance::ci_run);
            grade(&dirs, report.into(), sandbox, run, course, term, out)
        }
        Instructor::Sandbox => sandbox::show(&term, out),
        Instructor::Merge { files, output } => {
            let to: Destination = output.into();
            output::check_writable(to.output.as_deref())?;
            let doc = merge::merge(&files)?;
            emit(Report::Grade(&doc), &to, &term, out)
        }
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
    if !options.to.format.fits_verify() {
        anyhow::bail!(
            "verify writes --format human, json or junit; classroom and html are for grade and merge"
        );
    }
    output::check_writable(options.to.output.as_deref())?;
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
    let started = Started::now(&set, course.is_none() && repository.is_none(), None);
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
    let graded_by = started.finish();
    emit(Report::Verify(&report, &graded_by), &options.to, &term, out)
}

fn grade(
    dirs: &[PathBuf],
    options: Options,
    sandbox: SandboxMode,
    run: Option<String>,
    course: Option<&Path>,
    term: Term,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    output::check_writable(options.to.output.as_deref())?;
    if sandbox == SandboxMode::Required {
        sandbox::require()?;
    }
    let set = load(course)?;
    let cache = options.cache.open()?;
    let started = Started::now(&set, course.is_none(), run);
    let workbooks = grade::select(dirs, options.partition);
    if options.to.format == Format::Classroom && workbooks.len() != 1 {
        anyhow::bail!(
            "--format classroom describes one student's repository, and {} workbooks were \
             given: grade one (`opslings grade . --format classroom`)",
            workbooks.len()
        );
    }
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
        sandbox,
        cache.as_ref(),
        &progress,
    )?;
    let exercises = set
        .exercises
        .iter()
        .map(|e| ExerciseInfo {
            name: e.name().to_owned(),
            topic: e.info.topic.clone(),
            weight: e.info.weight,
        })
        .collect();
    let doc = GradeDoc::of(&report, exercises, started.finish());
    emit(Report::Grade(&doc), &options.to, &term, out)
}

/// Writes the report where it belongs; the exit status says whether everything held.
fn emit(report: Report, to: &Destination, term: &Term, out: &mut dyn Write) -> Result<ExitCode> {
    match &to.output {
        Some(path) => {
            let mut bytes = Vec::new();
            report::write(report, to.format, &Term::plain(), &mut bytes)?;
            output::write_atomically(path, &bytes)?;
            report::write(report, Format::Human, term, out)?;
        }
        None => report::write(report, to.format, term, out)?,
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

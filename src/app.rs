//! The checked configuration the student's commands and watch mode work from.

use std::path::Path;

use anyhow::{Context, Result};

use crate::{
    check::{self, Cancel, CheckReport, Checked, Part, cache::Cache},
    course::{Course, Exercise, ExerciseSet},
    term::Term,
    workbook::{Workbook, state::StateFile},
};

/// The exercise set, the workbook it is worked in, and how output looks.
pub(crate) struct App {
    pub set: ExerciseSet,
    pub workbook: Workbook,
    pub term: Term,
    /// How the student starts opslings, for the commands suggested in messages.
    pub invoke: &'static str,
    /// The verdict cache, when the usual folder can be used; without it checks only take longer.
    pub cache: Option<Cache>,
}

impl App {
    pub(crate) fn new(course_dir: Option<&Path>, term: Term, cwd: &Path) -> Result<Self> {
        let set = load_set(course_dir)?;
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
            cache: Cache::default_dir().and_then(|dir| Cache::open(&dir).ok()),
        })
    }

    pub(crate) fn state(&self) -> Result<StateFile> {
        StateFile::load(&self.workbook.root)
    }

    /// The exercise named, or the one the student is on.
    pub(crate) fn resolve(&self, name: Option<&str>, state: &StateFile) -> Result<&Exercise> {
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
    pub(crate) fn solution_note(&self, exercise: &Exercise) -> Option<String> {
        let dir = exercise.solution_dir();
        self.workbook.root.join(&dir).is_dir().then(|| {
            format!(
                "A model solution is in {}: compare it with yours.",
                self.term.file_link(&self.workbook.root, &dir)
            )
        })
    }

    /// Checks the student's version of an exercise.
    pub(crate) fn check(&self, exercise: &Exercise, cancel: &Cancel) -> Result<Checked> {
        let src = self.workbook.src(exercise);
        let lib_rs = src.join("lib.rs");
        if !self.workbook.root.join(&lib_rs).is_file() {
            let diagnostics = format!(
                "{} is missing. If it was deleted or renamed by mistake, the `reset {}` command \
                 restores the original (it backs up what is in the folder first).",
                lib_rs.display(),
                exercise.name()
            );
            let report = CheckReport::compile_error(&exercise.hidden, Part::Exercise, diagnostics);
            return Ok(Checked::Report(report));
        }
        let build = self.workbook.build_dir(exercise);
        let mut job = exercise.job(&self.workbook.root, src, build, self.term.color);
        job.cache = self.cache.as_ref();
        check::check(&job, cancel)
    }

    /// Checks the student's version of an exercise to the end.
    pub(crate) fn check_to_end(&self, exercise: &Exercise) -> Result<CheckReport> {
        match self.check(exercise, &Cancel::default())? {
            Checked::Report(report) => Ok(report),
            Checked::Cancelled => anyhow::bail!("The check of {} was cancelled", exercise.name()),
        }
    }
}

/// The set in `dir`, else the one built into opslings.
pub(crate) fn load_set(dir: Option<&Path>) -> Result<ExerciseSet> {
    ExerciseSet::load(match dir {
        Some(dir) => Course::from_dir(dir)?,
        None => Course::embedded(),
    })
}

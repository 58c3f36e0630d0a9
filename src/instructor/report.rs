/*!
The reports of `verify` and `grade`, in three formats: for people (`human`), for scripts and
gradebooks (`json`, versioned, its schema in docs/report.schema.json), and for the test report
views of CI services (`junit`).
*/

mod human;
mod json;
mod junit;

use std::io::Write;

use anyhow::Result;

use super::{grade::GradeReport, verify::VerifyReport};
use crate::{
    check::CheckReport,
    term::{Term, verdict},
};

/// How a report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    Human,
    Json,
    Junit,
}

/// What a report is about.
#[derive(Clone, Copy, Debug)]
pub(super) enum Report<'a> {
    Verify(&'a VerifyReport),
    Grade(&'a GradeReport),
}

impl Report<'_> {
    /// Whether everything held: the exit status is 0 only then.
    pub(super) fn ok(&self) -> bool {
        match self {
            Self::Verify(r) => r.ok(),
            Self::Grade(r) => r.ok(),
        }
    }
}

/// Writes `report` in `format`; `term` styles the human format only.
pub(super) fn write(
    report: Report,
    format: Format,
    term: &Term,
    out: &mut dyn Write,
) -> Result<()> {
    match (format, report) {
        (Format::Human, Report::Verify(r)) => human::verify(r, term, out)?,
        (Format::Human, Report::Grade(r)) => human::grade(r, term, out)?,
        (Format::Json, Report::Verify(r)) => json::verify(r, out)?,
        (Format::Json, Report::Grade(r)) => json::grade(r, out)?,
        (Format::Junit, Report::Verify(r)) => junit::verify(r, out)?,
        (Format::Junit, Report::Grade(r)) => junit::grade(r, out)?,
    }
    Ok(())
}

/// A verdict in full, as a student sees it (without colour): compiler messages, each failed
/// test of the task it stopped at, and what the code printed.
pub(super) fn details(name: &str, tasks: &[String], report: &CheckReport) -> String {
    verdict::render(&Term::plain(), name, tasks, report)
}

/*!
The reports of `verify`, `grade` and `merge`: for people (`human`), for scripts and gradebooks
(`json`, versioned, its schema in docs/report.schema.json), for the test report views of CI
services (`junit`), for GitHub Classroom's reporter (`classroom`) and for a browser (`html`).

A grade is first made a [`doc::GradeDoc`], the form its JSON has, and every format is written
from that; so `merge`, which reads JSON back, writes exactly what `grade` would have.
*/

mod classroom;
pub(super) mod doc;
mod html;
mod human;
mod json;
mod junit;
mod xml;

use std::io::Write;

use anyhow::{Result, bail};

use super::{provenance::Provenance, verify::VerifyReport};
use crate::{
    check::CheckReport,
    term::{Term, verdict},
};
use doc::GradeDoc;

/// How a report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    Human,
    Json,
    Junit,
    Classroom,
    Html,
}

impl Format {
    /// Whether `verify` can write it (Classroom and the gradebook are about students).
    pub(super) fn fits_verify(self) -> bool {
        !matches!(self, Self::Classroom | Self::Html)
    }
}

/// What a report is about.
#[derive(Clone, Copy, Debug)]
pub(super) enum Report<'a> {
    Verify(&'a VerifyReport, &'a Provenance),
    Grade(&'a GradeDoc),
}

impl Report<'_> {
    /// Whether everything held: the exit status is 0 only then.
    pub(super) fn ok(&self) -> bool {
        match self {
            Self::Verify(r, _) => r.ok(),
            Self::Grade(doc) => doc.ok(),
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
        (Format::Human, Report::Verify(r, _)) => human::verify(r, term, out)?,
        (Format::Human, Report::Grade(doc)) => human::grade(doc, term, out)?,
        (Format::Json, Report::Verify(r, by)) => json::verify(r, by, out)?,
        (Format::Json, Report::Grade(doc)) => json::grade(doc, out)?,
        (Format::Junit, Report::Verify(r, by)) => junit::verify(r, by, out)?,
        (Format::Junit, Report::Grade(doc)) => junit::grade(doc, out)?,
        (Format::Classroom, Report::Grade(doc)) => classroom::grade(doc, out)?,
        (Format::Html, Report::Grade(doc)) => html::grade(doc, out)?,
        (Format::Classroom | Format::Html, Report::Verify(..)) => {
            bail!("verify writes human, json or junit reports")
        }
    }
    Ok(())
}

/// A verdict in full, as a student sees it (without colour): compiler messages, each failed
/// test of the task it stopped at, and what the code printed.
pub(super) fn details(name: &str, tasks: &[String], report: &CheckReport) -> String {
    verdict::render(&Term::plain(), name, tasks, report)
}

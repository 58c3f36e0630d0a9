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

use crate::{
    check::{CheckReport, Part, Verdict},
    grade::GradeReport,
    term::{self, Term},
    verify::VerifyReport,
};

/// How a report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Junit,
}

/// What a report is about.
#[derive(Clone, Copy, Debug)]
pub enum Report<'a> {
    Verify(&'a VerifyReport),
    Grade(&'a GradeReport),
}

impl Report<'_> {
    /// Whether everything held: the exit status is 0 only then.
    pub fn ok(&self) -> bool {
        match self {
            Self::Verify(r) => r.ok(),
            Self::Grade(r) => r.ok(),
        }
    }
}

/// Writes `report` in `format`; `term` styles the human format only.
pub fn write(report: Report, format: Format, term: &Term, out: &mut dyn Write) -> Result<()> {
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

/// A verdict in one line, for tables and failure messages.
pub fn summary(verdict: &Verdict) -> String {
    let during = |test: &Option<String>| {
        test.as_deref()
            .map(|t| format!(" during `{t}`"))
            .unwrap_or_default()
    };
    match verdict {
        Verdict::Passed { tests } => format!("all {tests} hidden tests pass"),
        Verdict::CompileError {
            part: Part::Exercise,
            ..
        } => "does not compile".into(),
        Verdict::CompileError {
            part: Part::HiddenTests,
            ..
        } => "the hidden tests cannot use the crate (a public name or signature changed)".into(),
        Verdict::Failed {
            failures, total, ..
        } => format!("{} of {total} hidden tests failed", failures.len()),
        Verdict::TimedOut { test, limit, .. } => {
            format!("stopped after {} s{}", limit.as_secs(), during(test))
        }
        Verdict::Crashed { reason, test, .. } => {
            format!("did not finish{}: {reason}", during(test))
        }
    }
}

/// A verdict in full, as a student sees it (without colour): compiler messages, each failed
/// test with its message, and what the code printed.
pub fn details(name: &str, report: &CheckReport) -> String {
    let mut text = Vec::new();
    term::write_report(&mut text, &Term::plain(), name, report).expect("writing to memory");
    String::from_utf8_lossy(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::check::Failure;

    #[test]
    fn summaries_fit_on_one_line() {
        let failed = Verdict::Failed {
            failures: vec![Failure {
                test: "t".into(),
                message: "a\nb".into(),
            }],
            passed: 7,
            total: 8,
        };
        assert_eq!(summary(&failed), "1 of 8 hidden tests failed");
        let hung = Verdict::TimedOut {
            test: Some("retries_stop".into()),
            limit: Duration::from_secs(10),
            passed: 0,
            total: 8,
        };
        assert_eq!(summary(&hung), "stopped after 10 s during `retries_stop`");
        assert_eq!(
            summary(&Verdict::Passed { tests: 3 }),
            "all 3 hidden tests pass"
        );
    }
}

/*!
The JUnit XML report, in the form the test report views of GitLab and GitHub read: a
`<testsuite>` per workbook (one for the exercise set in `verify`), a `<testcase>` per exercise
whose `classname` is its topic, and the verdict in the text of its `<failure>` (a verdict) or
`<error>` (no verdict: the sources could not be read). The XML is written by quick-junit.
*/

use std::io::Write;

use anyhow::{Context, Result};
use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::details;
use crate::{
    instructor::{
        Partition,
        grade::{GradeReport, Outcome},
        verify::{SetCheck, VerifyReport},
    },
    term::verdict::{label, summary},
};

fn suite_name(name: &str, partition: Partition) -> String {
    if partition.count > 1 {
        format!("{name} (partition {partition})")
    } else {
        name.to_owned()
    }
}

fn not_passed(kind: NonSuccessKind, message: &str, ty: &str, text: &str) -> TestCaseStatus {
    let mut status = TestCaseStatus::non_success(kind);
    status.set_message(message).set_type(ty);
    if !text.is_empty() {
        status.set_description(text);
    }
    status
}

fn finish(report: &Report, out: &mut dyn Write) -> Result<()> {
    report
        .serialize(&mut *out)
        .context("Failed to write the JUnit report")?;
    writeln!(out)?;
    Ok(())
}

pub(super) fn verify(report: &VerifyReport, out: &mut dyn Write) -> Result<()> {
    let mut suite = TestSuite::new(suite_name("opslings verify", report.partition));
    for v in &report.exercises {
        let status = if v.ok() {
            TestCaseStatus::success()
        } else {
            let mut text = String::new();
            if !v.solution.verdict.passed() {
                text += "The solution's verdict:\n";
                text += &details(&v.name, &v.tasks, &v.solution);
            }
            not_passed(
                NonSuccessKind::Failure,
                &v.failure(),
                "unsound exercise",
                &text,
            )
        };
        let mut case = TestCase::new(&v.name, status);
        case.set_classname(&v.topic).set_time(v.elapsed);
        suite.add_test_case(case);
    }
    if let SetCheck::Checked(problems) = &report.problems {
        let status = if problems.is_empty() {
            TestCaseStatus::success()
        } else {
            let message = format!("{} problems with the exercise set", problems.len());
            not_passed(
                NonSuccessKind::Failure,
                &message,
                "exercise set",
                &problems.join("\n"),
            )
        };
        let mut case = TestCase::new("info.toml agrees with the folders", status);
        case.set_classname("exercise set");
        suite.add_test_case(case);
    }
    let mut junit = Report::new("opslings verify");
    junit.add_test_suite(suite);
    finish(&junit, out)
}

pub(super) fn grade(report: &GradeReport, out: &mut dyn Write) -> Result<()> {
    let mut junit = Report::new("opslings grade");
    for workbook in &report.workbooks {
        let path = workbook.path.display().to_string();
        let mut suite = TestSuite::new(suite_name(&path, report.partition));
        suite.add_property(("points", workbook.points().to_string().as_str()));
        suite.add_property(("max_points", report.max_points.to_string().as_str()));
        match &workbook.result {
            Ok(exercises) => {
                for e in exercises {
                    let status = match &e.outcome {
                        Outcome::Checked(r) if r.verdict.passed() => TestCaseStatus::success(),
                        Outcome::Checked(r) => not_passed(
                            NonSuccessKind::Failure,
                            &summary(&r.verdict),
                            label(&r.verdict),
                            &details(&e.name, &e.tasks, r),
                        ),
                        Outcome::Unreadable(error) => not_passed(
                            NonSuccessKind::Error,
                            &error.to_string(),
                            "unreadable sources",
                            "",
                        ),
                        Outcome::Failed(error) => {
                            not_passed(NonSuccessKind::Error, error, "check failed", "")
                        }
                    };
                    let mut case = TestCase::new(&e.name, status);
                    case.set_classname(&e.topic).set_time(e.elapsed);
                    suite.add_test_case(case);
                }
            }
            Err(error) => {
                let mut case = TestCase::new(
                    "workbook",
                    not_passed(
                        NonSuccessKind::Error,
                        &error.to_string(),
                        "unreadable workbook",
                        "",
                    ),
                );
                case.set_classname(&path);
                suite.add_test_case(case);
            }
        }
        junit.add_test_suite(suite);
    }
    finish(&junit, out)
}

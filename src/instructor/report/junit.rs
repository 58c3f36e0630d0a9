/*!
The JUnit XML report, in the form the test report views of GitLab and GitHub read and valid
against the Jenkins xunit schema (junit-10.xsd): `<testsuites>` holds a `<testsuite>` per
workbook (one for the exercise set in `verify`), each with its `time` and `timestamp`.

In `grade` every exercise is a group of test cases sharing the `classname` `topic.exercise`:
one named after the exercise with its verdict (the full text in `<failure>`, what the student's
code printed in `<system-out>`), then one per hidden test. GitLab's and GitHub's test views group
and count by classname, so an exercise's hidden tests appear together under it. Every string is
cleaned for XML 1.0 first (see `xml`).
*/

use std::io::Write;

use anyhow::{Context, Result};

use super::{
    details,
    doc::{GradeDoc, GradedDoc, TestDoc, WorkbookDoc},
    xml::Element,
};
use crate::instructor::{
    Partition,
    provenance::Provenance,
    verify::{SetCheck, VerifyReport},
};

/// How a test case ended.
enum Status {
    Passed,
    Failure {
        message: String,
        ty: String,
        text: String,
    },
    Error {
        message: String,
        ty: &'static str,
    },
    Skipped {
        message: String,
    },
}

struct Case {
    name: String,
    classname: String,
    seconds: Option<f64>,
    status: Status,
    output: String,
}

impl Case {
    fn element(&self) -> Element {
        let mut case = Element::new("testcase")
            .attr("name", &self.name)
            .attr("classname", &self.classname);
        if let Some(seconds) = self.seconds {
            case = case.attr("time", format!("{seconds:.3}"));
        }
        let status = match &self.status {
            Status::Passed => None,
            Status::Failure { message, ty, text } => Some(
                Element::new("failure")
                    .attr("message", message)
                    .attr("type", ty)
                    .text(text),
            ),
            Status::Error { message, ty } => Some(
                Element::new("error")
                    .attr("message", message)
                    .attr("type", ty),
            ),
            Status::Skipped { message } => Some(Element::new("skipped").attr("message", message)),
        };
        if let Some(status) = status {
            case.push(status);
        }
        if !self.output.is_empty() {
            case.push(Element::new("system-out").text(&self.output));
        }
        case
    }
}

/// Counts of a set of cases: tests, failures, errors, skipped.
fn counts(cases: &[Case]) -> [usize; 4] {
    let mut counts = [cases.len(), 0, 0, 0];
    for case in cases {
        match case.status {
            Status::Passed => {}
            Status::Failure { .. } => counts[1] += 1,
            Status::Error { .. } => counts[2] += 1,
            Status::Skipped { .. } => counts[3] += 1,
        }
    }
    counts
}

/// A `<testsuite>`, and its counts for the `<testsuites>` around it.
fn suite(
    name: &str,
    cases: &[Case],
    properties: &[(&str, String)],
    timestamp: &str,
) -> (Element, [usize; 4], f64) {
    let [tests, failures, errors, skipped] = counts(cases);
    // Not `sum()`: an empty sum of f64 is -0.0, which the schema's time pattern refuses.
    let seconds = cases
        .iter()
        .filter_map(|c| c.seconds)
        .fold(0.0, |a, b| a + b);
    let mut suite = Element::new("testsuite")
        .attr("name", name)
        .attr("tests", tests)
        .attr("failures", failures)
        .attr("errors", errors)
        .attr("skipped", skipped)
        .attr("time", format!("{seconds:.3}"))
        .attr("timestamp", timestamp);
    if !properties.is_empty() {
        let mut list = Element::new("properties");
        for (name, value) in properties {
            list.push(
                Element::new("property")
                    .attr("name", name)
                    .attr("value", value),
            );
        }
        suite.push(list);
    }
    for case in cases {
        suite.push(case.element());
    }
    (suite, [tests, failures, errors, skipped], seconds)
}

/// The JUnit form of a start time: ISO 8601 in UTC without a zone, as Ant and surefire write.
fn timestamp(provenance: &Provenance) -> String {
    provenance
        .started_at
        .get(..19)
        .unwrap_or_default()
        .to_owned()
}

fn finish(name: &str, suites: Vec<(Element, [usize; 4], f64)>, out: &mut dyn Write) -> Result<()> {
    let mut totals = [0; 4];
    let mut seconds = 0.0;
    for (_, counts, time) in &suites {
        for (total, n) in totals.iter_mut().zip(counts) {
            *total += n;
        }
        seconds += time;
    }
    let mut root = Element::new("testsuites")
        .attr("name", name)
        .attr("tests", totals[0])
        .attr("failures", totals[1])
        .attr("errors", totals[2])
        .attr("time", format!("{seconds:.3}"));
    for (suite, _, _) in suites {
        root.push(suite);
    }
    out.write_all(root.document().as_bytes())
        .context("Failed to write the JUnit report")
}

fn suite_name(name: &str, partition: Partition) -> String {
    if partition.count > 1 {
        format!("{name} (partition {partition})")
    } else {
        name.to_owned()
    }
}

pub(super) fn verify(
    report: &VerifyReport,
    graded_by: &Provenance,
    out: &mut dyn Write,
) -> Result<()> {
    let mut cases = Vec::new();
    for v in &report.exercises {
        let status = if v.ok() {
            Status::Passed
        } else {
            let mut text = String::new();
            if !v.solution.verdict.passed() {
                text += "The solution's verdict:\n";
                text += &details(&v.name, &v.tasks, &v.solution);
            }
            Status::Failure {
                message: v.failure(),
                ty: "unsound exercise".into(),
                text,
            }
        };
        cases.push(Case {
            name: v.name.clone(),
            classname: v.topic.clone(),
            seconds: Some(v.elapsed.as_secs_f64()),
            status,
            output: String::new(),
        });
    }
    if let SetCheck::Checked(problems) = &report.problems {
        let status = if problems.is_empty() {
            Status::Passed
        } else {
            Status::Failure {
                message: format!("{} problems with the exercise set", problems.len()),
                ty: "exercise set".into(),
                text: problems.join("\n"),
            }
        };
        cases.push(Case {
            name: "info.toml agrees with the folders".into(),
            classname: "exercise set".into(),
            seconds: None,
            status,
            output: String::new(),
        });
    }
    let name = suite_name("opslings verify", report.partition);
    let suites = vec![suite(&name, &cases, &[], &timestamp(graded_by))];
    finish("opslings verify", suites, out)
}

/// The exercise's verdict, then one case per hidden test.
fn exercise_cases(e: &GradedDoc, cases: &mut Vec<Case>) {
    let classname = format!("{}.{}", e.topic, e.name);
    let check = &e.check;
    let status = match check.status.as_str() {
        "passed" => Status::Passed,
        "error" => Status::Error {
            message: check.summary.clone(),
            ty: "no check",
        },
        other => Status::Failure {
            message: check.summary.clone(),
            ty: other.replace('_', " "),
            text: check.details.clone(),
        },
    };
    cases.push(Case {
        name: e.name.clone(),
        classname: classname.clone(),
        seconds: Some(e.seconds),
        status,
        output: check.output.clone(),
    });
    for test in &check.tests {
        cases.push(Case {
            name: test.name.clone(),
            classname: classname.clone(),
            seconds: None,
            status: test_status(test, &check.summary),
            output: String::new(),
        });
    }
}

fn test_status(test: &TestDoc, summary: &str) -> Status {
    match test.status.as_str() {
        "pass" => Status::Passed,
        "fail" => {
            let message = test.message.clone().unwrap_or_default();
            Status::Failure {
                message: message.lines().next().unwrap_or_default().to_owned(),
                ty: "test failed".into(),
                text: message,
            }
        }
        "stopped" => Status::Failure {
            message: format!("it was running when the program was stopped: {summary}"),
            ty: "stopped".into(),
            text: String::new(),
        },
        _ => Status::Skipped {
            message: format!("not run: {summary}"),
        },
    }
}

fn workbook_cases(w: &WorkbookDoc) -> Vec<Case> {
    if let Some(error) = &w.error {
        return vec![Case {
            name: "workbook".into(),
            classname: w.path.clone(),
            seconds: None,
            status: Status::Error {
                message: error.clone(),
                ty: "unreadable workbook",
            },
            output: String::new(),
        }];
    }
    let mut cases = Vec::new();
    for e in &w.exercises {
        exercise_cases(e, &mut cases);
    }
    cases
}

pub(super) fn grade(doc: &GradeDoc, out: &mut dyn Write) -> Result<()> {
    let stamp = timestamp(&doc.graded_by);
    let part = &doc.partition;
    let suites = doc
        .workbooks
        .iter()
        .map(|w| {
            let name = if part.count > 1 {
                format!(
                    "{} (partition {}:{}/{})",
                    w.path, part.scheme, part.index, part.count
                )
            } else {
                w.path.clone()
            };
            let properties = [
                ("points", w.points.to_string()),
                ("max_points", doc.max_points.to_string()),
            ];
            suite(&name, &workbook_cases(w), &properties, &stamp)
        })
        .collect();
    finish("opslings grade", suites, out)
}

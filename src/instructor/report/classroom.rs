/*!
`--format classroom`: the result a GitHub Classroom grader hands to
`classroom-resources/autograding-grading-reporter`, which reads `<RUNNER>_RESULTS` from its
environment, base64-decodes it and parses `{version, status, max_score, tests}`. The reporter
adds up `tests[].score` for the points it sends to Classroom and shows each test by `name`,
`status` (`pass`, `fail` or `error`) and `message`, so each exercise is one test whose score is
its weight when it passes and 0 when it does not.
*/

use std::io::Write;

use anyhow::{Context, Result, bail};
use base64::{Engine, engine::general_purpose::STANDARD};
use serde::Serialize;

use super::doc::{GradeDoc, GradedDoc, WorkbookDoc};

#[derive(Serialize)]
struct Payload<'a> {
    version: u32,
    status: &'static str,
    max_score: u64,
    tests: Vec<Test<'a>>,
}

#[derive(Serialize)]
struct Test<'a> {
    name: &'a str,
    status: &'static str,
    message: &'a str,
    score: u64,
    /// In the form the Classroom graders write it, such as `0.52s`.
    execution_time: String,
}

fn test(e: &GradedDoc) -> Test<'_> {
    let (status, message) = match e.check.status.as_str() {
        "passed" => ("pass", &e.check.summary),
        "error" => ("error", &e.check.summary),
        _ if e.check.details.is_empty() => ("fail", &e.check.summary),
        _ => ("fail", &e.check.details),
    };
    Test {
        name: &e.name,
        status,
        message,
        score: e.points,
        execution_time: format!("{:.2}s", e.seconds),
    }
}

fn payload<'a>(doc: &'a GradeDoc, workbook: &'a WorkbookDoc) -> Payload<'a> {
    let tests: Vec<Test> = match &workbook.error {
        Some(error) => doc
            .exercises
            .iter()
            .map(|e| Test {
                name: &e.name,
                status: "error",
                message: error,
                score: 0,
                execution_time: "0.00s".into(),
            })
            .collect(),
        None => workbook.exercises.iter().map(test).collect(),
    };
    let status = if tests.iter().any(|t| t.status == "error") {
        "error"
    } else if tests.iter().all(|t| t.status == "pass") {
        "pass"
    } else {
        "fail"
    };
    Payload {
        version: 1,
        status,
        max_score: doc.max_points,
        tests,
    }
}

/// The payload of the one workbook graded, base64-encoded on one line.
pub(super) fn grade(doc: &GradeDoc, out: &mut dyn Write) -> Result<()> {
    let [workbook] = doc.workbooks.as_slice() else {
        bail!(
            "--format classroom describes one student's repository, but this report has {} \
             workbooks: grade one workbook (`opslings grade . --format classroom`)",
            doc.workbooks.len()
        );
    };
    let json = serde_json::to_vec(&payload(doc, workbook))?;
    writeln!(out, "{}", STANDARD.encode(json)).context("Failed to write the Classroom result")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instructor::report::doc::sample;

    fn decoded(doc: &GradeDoc) -> serde_json::Value {
        let mut out = Vec::new();
        grade(doc, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 1, "one line, for $GITHUB_OUTPUT");
        serde_json::from_slice(&STANDARD.decode(text.trim_end()).unwrap()).unwrap()
    }

    #[test]
    fn a_workbook_that_cannot_be_read_is_an_error_for_every_exercise() {
        let mut doc = sample(&["a", "b"], &[("ada", &["passed", "passed"])]);
        doc.workbooks[0].error = Some("no such folder".into());
        doc.workbooks[0].exercises.clear();
        let payload = decoded(&doc);
        assert_eq!(payload["status"], "error");
        assert_eq!(payload["max_score"], 2);
        let tests = payload["tests"].as_array().unwrap();
        assert_eq!(tests.len(), 2);
        assert!(tests.iter().all(|t| t["status"] == "error"
            && t["score"] == 0
            && t["message"] == "no such folder"));
    }

    #[test]
    fn an_exercise_not_checked_makes_the_run_an_error_and_passes_keep_their_points() {
        let doc = sample(
            &["a", "b", "c"],
            &[("ada", &["passed", "error", "crashed"])],
        );
        let payload = decoded(&doc);
        assert_eq!(payload["status"], "error");
        let rows: Vec<(String, u64)> = payload["tests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["status"].as_str().unwrap().to_owned(),
                    t["score"].as_u64().unwrap(),
                )
            })
            .collect();
        let expect = [("pass", 1), ("error", 0), ("fail", 0)].map(|(s, n)| (s.to_owned(), n));
        assert_eq!(rows, expect);
    }
}

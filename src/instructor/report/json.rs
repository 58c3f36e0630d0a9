/*!
The JSON report, for scripts and gradebooks. Its schema is docs/report.schema.json; a change
that removes a field or changes its meaning raises [`FORMAT_VERSION`] (new fields do not).
*/

use std::io::{self, Write};

use serde::Serialize;

use super::details;
use crate::{
    check::{CheckReport, TestStatus, Verdict},
    instructor::{
        Partition,
        grade::{GradeReport, GradedExercise, Outcome},
        verify::{SetCheck, Verification, VerifyReport},
    },
    term::verdict::summary,
};

pub(super) const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Header {
    format_version: u32,
    command: &'static str,
    opslings_version: &'static str,
    partition: PartitionJson,
    passed: bool,
}

#[derive(Serialize)]
struct PartitionJson {
    index: usize,
    count: usize,
}

fn header(command: &'static str, partition: Partition, passed: bool) -> Header {
    Header {
        format_version: FORMAT_VERSION,
        command,
        opslings_version: env!("CARGO_PKG_VERSION"),
        partition: PartitionJson {
            index: partition.index,
            count: partition.count,
        },
        passed,
    }
}

#[derive(Serialize)]
struct VerifyJson<'a> {
    #[serde(flatten)]
    header: Header,
    problems: Option<&'a [String]>,
    exercises: Vec<VerifiedJson<'a>>,
}

#[derive(Serialize)]
struct VerifiedJson<'a> {
    name: &'a str,
    topic: &'a str,
    sound: bool,
    problems: &'a [String],
    solution: Check<'a>,
    untouched: Check<'a>,
    seconds: f64,
}

#[derive(Serialize)]
struct GradeJson<'a> {
    #[serde(flatten)]
    header: Header,
    max_points: u64,
    workbooks: Vec<WorkbookJson<'a>>,
}

#[derive(Serialize)]
struct WorkbookJson<'a> {
    path: String,
    error: Option<String>,
    points: u64,
    passed: usize,
    exercises: Vec<GradedJson<'a>>,
}

#[derive(Serialize)]
struct GradedJson<'a> {
    name: &'a str,
    topic: &'a str,
    weight: u32,
    points: u64,
    check: Check<'a>,
    seconds: f64,
}

/// One check's verdict.
#[derive(Serialize)]
struct Check<'a> {
    status: &'static str,
    summary: String,
    tests_passed: Option<usize>,
    tests_total: Option<usize>,
    /// The test that was running when the program hung or ended.
    test: Option<&'a str>,
    failures: Vec<FailureJson<'a>>,
    /// Every hidden test, in the order they run, with its task and result.
    tests: Vec<TestJson<'a>>,
    details: String,
}

#[derive(Serialize)]
struct FailureJson<'a> {
    test: &'a str,
    task: usize,
    message: &'a str,
}

/// One hidden test's result, in the manner of Exercism's results.json (version 3).
#[derive(Serialize)]
struct TestJson<'a> {
    name: &'a str,
    task: usize,
    /// `pass`, `fail`, `stopped` (running when the program was stopped or ended) or `not_run`.
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
}

fn tests(report: &CheckReport) -> Vec<TestJson<'_>> {
    report
        .tests
        .iter()
        .map(|t| {
            let (status, message) = match &t.status {
                TestStatus::Passed => ("pass", None),
                TestStatus::Failed { message } => ("fail", Some(message.as_str())),
                TestStatus::Stopped => ("stopped", None),
                TestStatus::NotRun => ("not_run", None),
            };
            TestJson {
                name: &t.name,
                task: t.task,
                status,
                message,
            }
        })
        .collect()
}

fn check<'a>(name: &str, tasks: &[String], report: &'a CheckReport) -> Check<'a> {
    let verdict = &report.verdict;
    let (status, counts, test) = match verdict {
        Verdict::Passed { tests } => ("passed", Some((*tests, *tests)), None),
        Verdict::CompileError { .. } => ("compile_error", None, None),
        Verdict::Failed { passed, total, .. } => ("tests_failed", Some((*passed, *total)), None),
        Verdict::TimedOut {
            test,
            passed,
            total,
            ..
        } => ("timed_out", Some((*passed, *total)), test.as_deref()),
        Verdict::Crashed {
            test,
            passed,
            total,
            ..
        } => ("crashed", Some((*passed, *total)), test.as_deref()),
    };
    let failures = match verdict {
        Verdict::Failed { failures, .. } => failures
            .iter()
            .map(|f| FailureJson {
                test: &f.test,
                task: f.task,
                message: &f.message,
            })
            .collect(),
        _ => Vec::new(),
    };
    Check {
        status,
        summary: summary(verdict),
        tests_passed: counts.map(|c| c.0),
        tests_total: counts.map(|c| c.1),
        test,
        failures,
        tests: tests(report),
        details: details(name, tasks, report),
    }
}

/// A check that could not be made, and why.
fn no_check<'a>(summary: String) -> Check<'a> {
    Check {
        status: "error",
        summary,
        tests_passed: None,
        tests_total: None,
        test: None,
        failures: Vec::new(),
        tests: Vec::new(),
        details: String::new(),
    }
}

fn graded(e: &GradedExercise) -> GradedJson<'_> {
    let check = match &e.outcome {
        Outcome::Checked(report) => check(&e.name, &e.tasks, report),
        Outcome::Unreadable(error) => no_check(error.to_string()),
        Outcome::Failed(error) => no_check(error.clone()),
    };
    GradedJson {
        name: &e.name,
        topic: &e.topic,
        weight: e.weight,
        points: e.points(),
        check,
        seconds: e.elapsed.as_secs_f64(),
    }
}

fn verified(v: &Verification) -> VerifiedJson<'_> {
    VerifiedJson {
        name: &v.name,
        topic: &v.topic,
        sound: v.ok(),
        problems: &v.problems,
        solution: check(&v.name, &v.tasks, &v.solution),
        untouched: check(&v.name, &v.tasks, &v.untouched),
        seconds: v.elapsed.as_secs_f64(),
    }
}

pub(super) fn verify(report: &VerifyReport, out: &mut dyn Write) -> io::Result<()> {
    let json = VerifyJson {
        header: header("verify", report.partition, report.ok()),
        problems: match &report.problems {
            SetCheck::Checked(problems) => Some(problems.as_slice()),
            SetCheck::InAnotherPartition => None,
        },
        exercises: report.exercises.iter().map(verified).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)
}

pub(super) fn grade(report: &GradeReport, out: &mut dyn Write) -> io::Result<()> {
    let json = GradeJson {
        header: header("grade", report.partition, report.ok()),
        max_points: report.max_points,
        workbooks: report
            .workbooks
            .iter()
            .map(|w| WorkbookJson {
                path: w.path.display().to_string(),
                error: w.result.as_ref().err().map(ToString::to_string),
                points: w.points(),
                passed: w.passed(),
                exercises: w.exercises().iter().map(graded).collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)
}

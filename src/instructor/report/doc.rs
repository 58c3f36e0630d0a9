/*!
The grade report as a document: what `grade --format json` writes and `merge` reads back, and
what every other format of a grade is written from. Keeping one owned form means a merged
report and a report straight from `grade` are written by the same code, and `merge` can only
lose what the JSON does not hold.
*/

use serde::{Deserialize, Serialize};

use super::details;
use crate::{
    check::{CheckReport, TestStatus, Verdict},
    instructor::{
        Partition,
        grade::{GradeReport, GradedExercise, Outcome},
        provenance::Provenance,
    },
    term::verdict::summary,
};

/// The version of the JSON format: raised when a field is removed or changes meaning.
pub(in crate::instructor) const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(in crate::instructor) struct GradeDoc {
    pub format_version: u32,
    pub command: String,
    pub opslings_version: String,
    pub graded_by: Provenance,
    pub partition: PartitionDoc,
    pub passed: bool,
    pub max_points: u64,
    /// The course's exercises in info.toml order.
    pub exercises: Vec<ExerciseInfo>,
    pub workbooks: Vec<WorkbookDoc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(in crate::instructor) struct PartitionDoc {
    pub index: usize,
    pub count: usize,
    pub scheme: String,
}

impl PartitionDoc {
    pub(in crate::instructor) fn of(partition: Partition) -> Self {
        Self {
            index: partition.index,
            count: partition.count,
            scheme: partition.scheme.name().to_owned(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(in crate::instructor) struct ExerciseInfo {
    pub name: String,
    pub topic: String,
    pub weight: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(in crate::instructor) struct WorkbookDoc {
    pub path: String,
    pub error: Option<String>,
    pub points: u64,
    pub passed: usize,
    pub exercises: Vec<GradedDoc>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(in crate::instructor) struct GradedDoc {
    pub name: String,
    pub topic: String,
    pub weight: u32,
    pub points: u64,
    pub check: CheckDoc,
    pub seconds: f64,
}

impl GradedDoc {
    pub(in crate::instructor) fn passed(&self) -> bool {
        self.check.status == "passed"
    }
}

/// One check's verdict.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(in crate::instructor) struct CheckDoc {
    pub status: String,
    pub summary: String,
    pub tests_passed: Option<usize>,
    pub tests_total: Option<usize>,
    /// The test that was running when the program hung or ended.
    pub test: Option<String>,
    pub failures: Vec<FailureDoc>,
    /// Every hidden test, in the order they run, with its task and result.
    pub tests: Vec<TestDoc>,
    pub details: String,
    /// What the student's code printed while the tests ran.
    #[serde(default)]
    pub output: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub(in crate::instructor) struct FailureDoc {
    pub test: String,
    pub task: usize,
    pub message: String,
}

/// One hidden test's result, in the manner of Exercism's results.json (version 3).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(in crate::instructor) struct TestDoc {
    pub name: String,
    pub task: usize,
    /// `pass`, `fail`, `stopped` (running when the program was stopped or ended) or `not_run`.
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

fn tests(report: &CheckReport) -> Vec<TestDoc> {
    report
        .tests
        .iter()
        .map(|t| {
            let (status, message) = match &t.status {
                TestStatus::Passed => ("pass", None),
                TestStatus::Failed { message } => ("fail", Some(message.clone())),
                TestStatus::Stopped => ("stopped", None),
                TestStatus::NotRun => ("not_run", None),
            };
            TestDoc {
                name: t.name.clone(),
                task: t.task,
                status: status.to_owned(),
                message,
            }
        })
        .collect()
}

/// A check's verdict as data; `name` and `tasks` word its details.
pub(in crate::instructor) fn check(name: &str, tasks: &[String], report: &CheckReport) -> CheckDoc {
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
        } => ("timed_out", Some((*passed, *total)), test.clone()),
        Verdict::Crashed {
            test,
            passed,
            total,
            ..
        } => ("crashed", Some((*passed, *total)), test.clone()),
    };
    let failures = match verdict {
        Verdict::Failed { failures, .. } => failures
            .iter()
            .map(|f| FailureDoc {
                test: f.test.clone(),
                task: f.task,
                message: f.message.clone(),
            })
            .collect(),
        _ => Vec::new(),
    };
    CheckDoc {
        status: status.to_owned(),
        summary: summary(verdict),
        tests_passed: counts.map(|c| c.0),
        tests_total: counts.map(|c| c.1),
        test,
        failures,
        tests: tests(report),
        details: details(name, tasks, report),
        output: report.output.clone(),
    }
}

/// A check that could not be made, and why.
fn no_check(summary: String) -> CheckDoc {
    CheckDoc {
        status: "error".to_owned(),
        summary,
        tests_passed: None,
        tests_total: None,
        test: None,
        failures: Vec::new(),
        tests: Vec::new(),
        details: String::new(),
        output: String::new(),
    }
}

fn graded(e: &GradedExercise) -> GradedDoc {
    let check = match &e.outcome {
        Outcome::Checked(report) => check(&e.name, &e.tasks, report),
        Outcome::Unreadable(error) => no_check(error.to_string()),
        Outcome::Failed(error) => no_check(error.clone()),
    };
    GradedDoc {
        name: e.name.clone(),
        topic: e.topic.clone(),
        weight: e.weight,
        points: e.points(),
        check,
        seconds: e.elapsed.as_secs_f64(),
    }
}

impl GradeDoc {
    /// The document of a grading run.
    pub(in crate::instructor) fn of(
        report: &GradeReport,
        exercises: Vec<ExerciseInfo>,
        graded_by: Provenance,
    ) -> Self {
        Self {
            format_version: FORMAT_VERSION,
            command: "grade".to_owned(),
            opslings_version: graded_by.opslings_version.clone(),
            graded_by,
            partition: PartitionDoc::of(report.partition),
            passed: report.ok(),
            max_points: report.max_points,
            exercises,
            workbooks: report
                .workbooks
                .iter()
                .map(|w| WorkbookDoc {
                    path: w.path.display().to_string(),
                    error: w.result.as_ref().err().map(ToString::to_string),
                    points: w.points(),
                    passed: w.passed(),
                    exercises: w.exercises().iter().map(graded).collect(),
                })
                .collect(),
        }
    }

    /// Whether every exercise of every workbook passed.
    pub(in crate::instructor) fn ok(&self) -> bool {
        self.workbooks
            .iter()
            .all(|w| w.error.is_none() && w.exercises.iter().all(GradedDoc::passed))
    }
}

/// A report of `rows` (a path and each exercise's status), for the writers' unit tests.
#[cfg(test)]
pub(in crate::instructor) fn sample(exercises: &[&str], rows: &[(&str, &[&str])]) -> GradeDoc {
    use crate::instructor::provenance::{CourseId, Provenance};
    let info: Vec<ExerciseInfo> = exercises
        .iter()
        .map(|name| ExerciseInfo {
            name: (*name).to_owned(),
            topic: "00_basics".into(),
            weight: 1,
        })
        .collect();
    let workbooks = rows
        .iter()
        .map(|(path, statuses)| {
            let exercises: Vec<GradedDoc> = info
                .iter()
                .zip(*statuses)
                .map(|(e, status)| {
                    let mut check = no_check(format!("{status} <summary>"));
                    check.status = (*status).to_owned();
                    GradedDoc {
                        name: e.name.clone(),
                        topic: e.topic.clone(),
                        weight: 1,
                        points: u64::from(*status == "passed"),
                        check,
                        seconds: 0.5,
                    }
                })
                .collect();
            WorkbookDoc {
                path: (*path).to_owned(),
                error: None,
                points: exercises.iter().map(|e| e.points).sum(),
                passed: exercises.iter().filter(|e| e.passed()).count(),
                exercises,
            }
        })
        .collect();
    let doc = GradeDoc {
        format_version: FORMAT_VERSION,
        command: "grade".into(),
        opslings_version: "0.1.0".into(),
        graded_by: Provenance {
            opslings_version: "0.1.0".into(),
            course: CourseId {
                info_digest: "fnv1a64:0123456789abcdef".into(),
                commit: None,
            },
            toolchain: None,
            run: None,
            started_at: "2026-01-02T03:04:05Z".into(),
            seconds: 1.0,
        },
        partition: PartitionDoc::of(Partition::WHOLE),
        passed: false,
        max_points: info.len() as u64,
        exercises: info,
        workbooks,
    };
    GradeDoc {
        passed: doc.ok(),
        ..doc
    }
}

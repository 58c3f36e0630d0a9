/*!
The JSON report, for scripts and gradebooks. Its schema is docs/report.schema.json; a change
that removes a field or changes its meaning raises [`FORMAT_VERSION`] (new fields do not, and
readers ignore the fields they do not know). A grade is its [`GradeDoc`] as it is.
*/

use std::io::{self, Write};

use serde::Serialize;

use super::doc::{CheckDoc, FORMAT_VERSION, GradeDoc, PartitionDoc, check};
use crate::instructor::{
    provenance::Provenance,
    verify::{SetCheck, Verification, VerifyReport},
};

#[derive(Serialize)]
struct VerifyJson<'a> {
    format_version: u32,
    command: &'static str,
    opslings_version: &'a str,
    graded_by: &'a Provenance,
    partition: PartitionDoc,
    passed: bool,
    problems: Option<&'a [String]>,
    exercises: Vec<VerifiedJson<'a>>,
}

#[derive(Serialize)]
struct VerifiedJson<'a> {
    name: &'a str,
    topic: &'a str,
    sound: bool,
    problems: &'a [String],
    solution: CheckDoc,
    untouched: CheckDoc,
    seconds: f64,
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

pub(super) fn verify(
    report: &VerifyReport,
    graded_by: &Provenance,
    out: &mut dyn Write,
) -> io::Result<()> {
    let json = VerifyJson {
        format_version: FORMAT_VERSION,
        command: "verify",
        opslings_version: &graded_by.opslings_version,
        graded_by,
        partition: PartitionDoc::of(report.partition),
        passed: report.ok(),
        problems: match &report.problems {
            SetCheck::Checked(problems) => Some(problems.as_slice()),
            SetCheck::InAnotherPartition => None,
        },
        exercises: report.exercises.iter().map(verified).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)
}

pub(super) fn grade(doc: &GradeDoc, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, doc)?;
    writeln!(out)
}

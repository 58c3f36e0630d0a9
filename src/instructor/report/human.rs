//! Reports for people: a line per exercise, the details that explain a failure, a summary.

use std::io::{self, Write};

use super::details;
use super::doc::{GradeDoc, WorkbookDoc};
use crate::{
    instructor::{
        Partition,
        verify::{SetCheck, VerifyReport},
    },
    term::{Term, verdict::summary},
};

/// ` (partition 2/3)` when the run is one of several.
fn partition_note(partition: Partition) -> String {
    if partition.count > 1 {
        format!(" (partition {partition})")
    } else {
        String::new()
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}\n"))
        .collect::<String>()
}

pub(super) fn verify(report: &VerifyReport, term: &Term, out: &mut dyn Write) -> io::Result<()> {
    let exercises = &report.exercises;
    let name_width = exercises.iter().map(|v| v.name.len()).max().unwrap_or(0);
    let topic_width = exercises.iter().map(|v| v.topic.len()).max().unwrap_or(0);
    for v in exercises {
        let (mark, text) = if v.ok() {
            let untouched = summary(&v.untouched.verdict);
            (term.good("✓"), format!("sound; untouched: {untouched}"))
        } else {
            (term.bad("✗"), v.failure())
        };
        let line = format!(
            "{mark} {:<name_width$}  {:<topic_width$}  {text}",
            v.name, v.topic
        );
        // Too wide a line continues under its text, the last column.
        writeln!(
            out,
            "{}",
            term.wrap_hanging(&line, name_width + topic_width + 6)
        )?;
    }
    for v in exercises.iter().filter(|v| !v.solution.verdict.passed()) {
        writeln!(
            out,
            "\n{} {}: the solution's verdict",
            term.bad("✗"),
            v.name
        )?;
        write!(out, "{}", indent(&details(&v.name, &v.tasks, &v.solution)))?;
    }

    let sound = exercises.iter().filter(|v| v.ok()).count();
    let problems = match &report.problems {
        SetCheck::Checked(problems) => problems.as_slice(),
        SetCheck::InAnotherPartition => &[],
    };
    if !problems.is_empty() {
        writeln!(out, "\nThe exercise set:")?;
        for problem in problems {
            writeln!(
                out,
                "{}",
                term.wrap(&format!("{} {problem}", term.bad("✗")))
            )?;
        }
    }
    let mut line = format!(
        "{} exercises verified{}: ",
        exercises.len(),
        partition_note(report.partition)
    );
    if sound == exercises.len() {
        line += "all sound";
    } else {
        line += &format!("{sound} sound, {} not", exercises.len() - sound);
    }
    match &report.problems {
        SetCheck::Checked(p) if p.is_empty() => line += "; info.toml agrees with the folders.",
        SetCheck::Checked(p) => line += &format!("; {} problems with the set.", p.len()),
        SetCheck::InAnotherPartition => line += "; partition 1 checks the set as a whole.",
    }
    let mark = if report.ok() {
        term.good("✓")
    } else {
        term.bad("✗")
    };
    writeln!(out, "\n{}", term.wrap(&format!("{mark} {line}")))
}

pub(super) fn grade(doc: &GradeDoc, term: &Term, out: &mut dyn Write) -> io::Result<()> {
    let max = doc.max_points;
    for workbook in &doc.workbooks {
        let path = &workbook.path;
        if let Some(error) = &workbook.error {
            let line = format!("{} {path}: {error}", term.bad("✗"));
            writeln!(out, "{}\n", term.wrap(&line))?;
            continue;
        }
        let exercises = &workbook.exercises;
        writeln!(
            out,
            "{}: {}/{max} points, {} of {} exercises pass",
            term.strong(path),
            workbook.points,
            workbook.passed,
            exercises.len()
        )?;
        let name_width = exercises.iter().map(|e| e.name.len()).max().unwrap_or(0);
        for e in exercises {
            let mark = if e.passed() {
                term.good("✓")
            } else {
                term.bad("✗")
            };
            let points = format!("{}/{}", e.points, e.weight);
            let text = &e.check.summary;
            let line = format!("  {mark} {:<name_width$}  {points:>5}  {text}", e.name);
            writeln!(out, "{}", term.wrap_hanging(&line, name_width + 13))?;
        }
        writeln!(out)?;
    }
    summary_table(doc, term, out)
}

fn summary_table(doc: &GradeDoc, term: &Term, out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<(&str, String, String)> = doc
        .workbooks
        .iter()
        .map(|w: &WorkbookDoc| {
            let points = format!("{}/{}", w.points, doc.max_points);
            let passed = match &w.error {
                None => format!("{}/{}", w.passed, w.exercises.len()),
                Some(error) => format!("error: {error}"),
            };
            (w.path.as_str(), points, passed)
        })
        .collect();
    let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0).max(8);
    writeln!(
        out,
        "{}",
        term.strong(&format!("{:<width$}  POINTS  PASSED", "WORKBOOK"))
    )?;
    for (path, points, passed) in &rows {
        writeln!(out, "{path:<width$}  {points:<6}  {passed}")?;
    }
    let unread = doc.workbooks.iter().filter(|w| w.error.is_some()).count();
    let complete = doc
        .workbooks
        .iter()
        .filter(|w| w.error.is_none() && w.passed == w.exercises.len())
        .count();
    let part = &doc.partition;
    let note = if part.count > 1 {
        format!(" (partition {}:{}/{})", part.scheme, part.index, part.count)
    } else {
        String::new()
    };
    let mut line = format!(
        "\n{} workbooks graded{note}: {complete} pass every exercise",
        doc.workbooks.len(),
    );
    if unread > 0 {
        line += &format!(", {unread} could not be read");
    }
    writeln!(out, "{}", term.wrap(&format!("{line}.")))
}

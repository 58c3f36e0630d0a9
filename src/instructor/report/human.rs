//! Reports for people: a line per exercise, the details that explain a failure, a summary.

use std::io::{self, Write};

use super::details;
use crate::{
    instructor::{
        Partition,
        grade::{GradeReport, Graded, Outcome},
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

pub(super) fn grade(report: &GradeReport, term: &Term, out: &mut dyn Write) -> io::Result<()> {
    let max = report.max_points;
    for workbook in &report.workbooks {
        let path = workbook.path.display();
        let exercises = match &workbook.result {
            Ok(exercises) => exercises,
            Err(error) => {
                writeln!(
                    out,
                    "{}\n",
                    term.wrap(&format!("{} {path}: {error}", term.bad("✗")))
                )?;
                continue;
            }
        };
        writeln!(
            out,
            "{}: {}/{max} points, {} of {} exercises pass",
            term.strong(&path.to_string()),
            workbook.points(),
            workbook.passed(),
            exercises.len()
        )?;
        let name_width = exercises.iter().map(|e| e.name.len()).max().unwrap_or(0);
        for e in exercises {
            let mark = if e.passed() {
                term.good("✓")
            } else {
                term.bad("✗")
            };
            let text = match &e.outcome {
                Outcome::Checked(report) => summary(&report.verdict),
                Outcome::Unreadable(error) => error.to_string(),
                Outcome::Failed(error) => error.clone(),
            };
            let points = format!("{}/{}", e.points(), e.weight);
            let line = format!("  {mark} {:<name_width$}  {points:>5}  {text}", e.name);
            writeln!(out, "{}", term.wrap_hanging(&line, name_width + 13))?;
        }
        writeln!(out)?;
    }
    summary_table(report, term, out)
}

fn summary_table(report: &GradeReport, term: &Term, out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<(String, String, String)> = report
        .workbooks
        .iter()
        .map(|w: &Graded| {
            let path = w.path.display().to_string();
            let points = format!("{}/{}", w.points(), report.max_points);
            let passed = match &w.result {
                Ok(exercises) => format!("{}/{}", w.passed(), exercises.len()),
                Err(error) => format!("error: {error}"),
            };
            (path, points, passed)
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
    let unread = report
        .workbooks
        .iter()
        .filter(|w| w.result.is_err())
        .count();
    let complete = report
        .workbooks
        .iter()
        .filter(|w| w.result.is_ok() && w.passed() == w.exercises().len())
        .count();
    let mut line = format!(
        "\n{} workbooks graded{}: {complete} pass every exercise",
        report.workbooks.len(),
        partition_note(report.partition)
    );
    if unread > 0 {
        line += &format!(", {unread} could not be read");
    }
    writeln!(out, "{}", term.wrap(&format!("{line}.")))
}

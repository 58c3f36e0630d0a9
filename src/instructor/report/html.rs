/*!
`--format html`: a gradebook page an instructor opens in a browser. One self-contained file
(inline CSS, no script, no external assets), so that it can be attached to a CI run or mailed:

- pass rates per exercise in the course's order, the first thing on the page, since the point
  of it is to see where the class is stuck;
- a heatmap of workbooks × exercises, each cell coloured by its verdict and showing its points,
  the verdict's summary in its `title` (shown on hover), and each workbook's total.

Everything that comes from a workbook (paths, compiler and test messages) is escaped.
*/

use std::{fmt::Write as _, io::Write};

use anyhow::{Context, Result};

use super::doc::{ExerciseInfo, GradeDoc, GradedDoc, WorkbookDoc};

/// Text for HTML content or a quoted attribute.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #1d1d1f; }
h1 { font-size: 1.5em; margin: 0 0 .2em; }
p.meta { color: #555; margin: 0 0 1.5em; }
table { border-collapse: collapse; margin-bottom: 2em; }
th, td { border: 1px solid #ddd; padding: 3px 6px; }
th { background: #f4f4f6; text-align: left; font-weight: 600; }
table.heatmap th.exercise { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
td.cell { text-align: center; min-width: 1.6em; font-variant-numeric: tabular-nums; }
td.total, td.rate { text-align: right; font-variant-numeric: tabular-nums; }
.passed { background: #2e9e4f; color: #fff; }
.tests_failed { background: #f3b33d; }
.compile_error { background: #d9473b; color: #fff; }
.timed_out { background: #8e5bd0; color: #fff; }
.crashed { background: #7a2e28; color: #fff; }
.error, td.unread { background: #9a9a9a; color: #fff; }
.track { display: inline-block; width: 100px; background: #e6e6e9; vertical-align: middle; }
.bar { display: block; height: .8em; background: #2e9e4f; }
ul.legend { list-style: none; padding: 0; display: flex; gap: 1em; }
ul.legend li span { display: inline-block; width: 1em; height: 1em; vertical-align: middle; margin-right: .3em; }
";

const LEGEND: [(&str, &str); 6] = [
    ("passed", "passed"),
    ("tests_failed", "tests failed"),
    ("compile_error", "does not compile"),
    ("timed_out", "timed out"),
    ("crashed", "crashed"),
    ("error", "not checked"),
];

/// How many workbooks pass each exercise of the course.
fn pass_counts(doc: &GradeDoc) -> Vec<usize> {
    doc.exercises
        .iter()
        .map(|info| {
            doc.workbooks
                .iter()
                .filter(|w| {
                    w.exercises
                        .iter()
                        .any(|e| e.name == info.name && e.passed())
                })
                .count()
        })
        .collect()
}

fn rates(doc: &GradeDoc, page: &mut String) {
    let students = doc.workbooks.len();
    page.push_str("<h2>Pass rate per exercise</h2>\n<table class=\"rates\">\n");
    page.push_str("<tr><th>Exercise</th><th>Topic</th><th>Points</th><th>Pass</th><th>Rate</th><th></th></tr>\n");
    for (info, passed) in doc.exercises.iter().zip(pass_counts(doc)) {
        let percent = (passed * 100 + students / 2)
            .checked_div(students)
            .unwrap_or(0);
        let _ = writeln!(
            page,
            "<tr class=\"exercise\"><td>{}</td><td>{}</td><td class=\"total\">{}</td>\
             <td class=\"total\">{passed}/{students}</td><td class=\"rate\">{percent}%</td>\
             <td><span class=\"track\"><span class=\"bar\" style=\"width: {percent}px\"></span></span></td></tr>",
            escape(&info.name),
            escape(&info.topic),
            info.weight
        );
    }
    page.push_str("</table>\n");
}

fn cell(info: &ExerciseInfo, graded: Option<&GradedDoc>) -> String {
    match graded {
        Some(e) => format!(
            "<td class=\"cell {}\" title=\"{}: {}\">{}</td>",
            escape(&e.check.status),
            escape(&info.name),
            escape(&e.check.summary),
            e.points
        ),
        None => format!(
            "<td class=\"cell error\" title=\"{}: not graded\">–</td>",
            escape(&info.name)
        ),
    }
}

fn row(doc: &GradeDoc, w: &WorkbookDoc, page: &mut String) {
    let _ = write!(
        page,
        "<tr class=\"student\"><th>{}</th><td class=\"total\">{}/{}</td>",
        escape(&w.path),
        w.points,
        doc.max_points
    );
    match &w.error {
        Some(error) => {
            let _ = write!(
                page,
                "<td class=\"unread\" colspan=\"{}\">{}</td>",
                doc.exercises.len().max(1),
                escape(error)
            );
        }
        None => {
            for info in &doc.exercises {
                page.push_str(&cell(
                    info,
                    w.exercises.iter().find(|e| e.name == info.name),
                ));
            }
        }
    }
    page.push_str("</tr>\n");
}

fn heatmap(doc: &GradeDoc, page: &mut String) {
    page.push_str("<h2>Workbooks</h2>\n<ul class=\"legend\">");
    for (class, words) in LEGEND {
        let _ = write!(page, "<li><span class=\"{class}\"></span>{words}</li>");
    }
    page.push_str("</ul>\n<table class=\"heatmap\">\n<tr><th>Workbook</th><th>Points</th>");
    for info in &doc.exercises {
        let _ = write!(
            page,
            "<th class=\"exercise\" title=\"{}\">{}</th>",
            escape(&info.topic),
            escape(&info.name)
        );
    }
    page.push_str("</tr>\n");
    for w in &doc.workbooks {
        row(doc, w, page);
    }
    page.push_str("</table>\n");
}

/// The page as a string.
pub(super) fn page(doc: &GradeDoc) -> String {
    let by = &doc.graded_by;
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>opslings gradebook</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Gradebook</h1>\n<p class=\"meta\">{} workbooks, {} exercises, {} points each. \
         Graded by opslings {} at {} (course {}{}).</p>\n",
        doc.workbooks.len(),
        doc.exercises.len(),
        doc.max_points,
        escape(&by.opslings_version),
        escape(&by.started_at),
        escape(&by.course.info_digest),
        by.course
            .commit
            .as_deref()
            .map(|c| format!(", commit {}", escape(c)))
            .unwrap_or_default(),
    );
    rates(doc, &mut page);
    heatmap(doc, &mut page);
    page.push_str("</body>\n</html>\n");
    page
}

pub(super) fn grade(doc: &GradeDoc, out: &mut dyn Write) -> Result<()> {
    out.write_all(page(doc).as_bytes())
        .context("Failed to write the HTML gradebook")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instructor::report::doc::sample;

    #[test]
    fn everything_a_student_wrote_is_escaped() {
        assert_eq!(
            escape("<script>alert('x' & \"y\")</script>"),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;"
        );
        let mut doc = sample(
            &["a"],
            &[("<img src=x onerror=alert(1)>", &["tests_failed"])],
        );
        doc.workbooks[0].exercises[0].check.summary = "\"><b>bold</b>".into();
        let page = page(&doc);
        assert!(
            !page.contains("<img") && !page.contains("<b>bold"),
            "{page}"
        );
        assert!(
            page.contains("title=\"a: &quot;&gt;&lt;b&gt;bold&lt;/b&gt;\""),
            "{page}"
        );
    }

    #[test]
    fn cells_rates_and_totals_add_up() {
        let doc = sample(
            &["first", "second", "third"],
            &[
                ("ada", &["passed", "passed", "compile_error"]),
                ("bob", &["passed", "tests_failed", "timed_out"]),
                ("cy", &["passed", "crashed", "error"]),
            ],
        );
        let page = page(&doc);
        assert_eq!(page.matches("<td class=\"cell ").count(), 9);
        assert_eq!(page.matches("<td class=\"cell passed\"").count(), 4);
        let rates: Vec<&str> = page
            .match_indices("<td class=\"rate\">")
            .map(|(i, m)| &page[i + m.len()..][..page[i + m.len()..].find('<').unwrap()])
            .collect();
        assert_eq!(rates, ["100%", "33%", "0%"], "in the course's order");
        assert!(
            page.contains("<th>ada</th><td class=\"total\">2/3</td>"),
            "{page}"
        );
        assert!(
            page.contains("<th>cy</th><td class=\"total\">1/3</td>"),
            "{page}"
        );
        assert!(
            !page.contains("<script") && !page.contains("<link"),
            "self-contained"
        );
    }

    #[test]
    fn an_unreadable_workbook_spans_its_row() {
        let mut doc = sample(&["a", "b"], &[("ada", &["passed", "passed"])]);
        doc.workbooks[0].error = Some("no such folder".into());
        doc.workbooks[0].exercises.clear();
        doc.workbooks[0].points = 0;
        let page = page(&doc);
        assert!(
            page.contains("<td class=\"unread\" colspan=\"2\">no such folder</td>"),
            "{page}"
        );
        assert!(page.contains("<td class=\"total\">0/2</td>"), "{page}");
    }
}

//! `opslings merge`: the partitions of one run become one report, or a clear refusal.

use std::fs;

use serde_json::Value;

use crate::{
    Workbook,
    instructor::{names, valid_report},
    output,
    reports::check_invariants,
};

/// Grades `dirs` (missing folders: each is a row, and costs no check) as partition `spec`,
/// writing `file`; returns the workbooks it graded.
fn grade(wb: &Workbook, spec: &str, dirs: &[String], file: &str) -> Vec<String> {
    let mut args = vec!["grade", "--run", "r1", "--format", "json", "--output", file];
    args.extend(["--partition", spec]);
    args.extend(dirs.iter().map(String::as_str));
    let (code, _, err) = output(wb.opslings(&args));
    // 0 when this partition took no workbook.
    assert!(
        code == 1 || err.contains("Grading 0 workbooks") && code == 0,
        "{err}"
    );
    names(&valid_report(&wb.read(file))["workbooks"], "path")
}

fn merge(wb: &Workbook, files: &[&str], format: &str) -> (i32, String, String) {
    let mut args = vec!["merge"];
    args.extend(files);
    args.extend(["--format", format]);
    output(wb.opslings(&args))
}

#[test]
fn hash_partitions_of_lists_that_differ_still_grade_each_workbook_once() {
    let wb = Workbook::new();
    let all: Vec<String> = (1..=12).map(|i| format!("w{i:02}")).collect();
    // Which partition owns each workbook, from the full list.
    let owners: Vec<Vec<String>> = (1..=3)
        .map(|k| grade(&wb, &format!("hash:{k}/3"), &all, "probe.json"))
        .collect();
    assert!(owners.iter().all(|o| !o.is_empty()), "{owners:?}");
    // Each job's list misses one workbook that another partition owns, as when a fetch fails
    // on one machine: the jobs' lists differ, and no workbook is lost or graded twice.
    let mut files = Vec::new();
    for k in 1..=3 {
        let foreign = &owners[k % 3][0];
        let list: Vec<String> = all.iter().filter(|d| *d != foreign).cloned().collect();
        let file = format!("grade-{k}.json");
        assert_eq!(
            grade(&wb, &format!("hash:{k}/3"), &list, &file),
            owners[k - 1]
        );
        files.push(file);
    }
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    // Given in any order.
    let (code, out, err) = merge(&wb, &[files[2], files[0], files[1]], "json");
    assert_eq!(code, 1, "{err}");
    let merged = valid_report(&out);
    assert_eq!(
        names(&merged["workbooks"], "path"),
        all,
        "every workbook once, sorted"
    );
    assert_eq!(
        merged["partition"],
        serde_json::json!({"index": 1, "count": 1, "scheme": "hash"})
    );
    check_invariants(&merged);

    // The count scheme shifts when the lists differ: merge notices.
    let fewer: Vec<String> = all.iter().filter(|d| *d != "w03").cloned().collect();
    grade(&wb, "count:1/2", &all, "count-1.json");
    grade(&wb, "count:2/2", &fewer, "count-2.json");
    let (code, _, err) = merge(&wb, &["count-1.json", "count-2.json"], "json");
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "was graded twice, in count-1.json and in count-2.json: grade with --partition hash:K/N"
        ),
        "{err}"
    );
}

#[test]
fn merge_refuses_what_does_not_add_up_naming_the_files() {
    let wb = Workbook::new();
    let dirs: Vec<String> = (1..=4).map(|i| format!("w{i}")).collect();
    for k in 1..=3 {
        grade(
            &wb,
            &format!("hash:{k}/3"),
            &dirs,
            &format!("grade-{k}.json"),
        );
    }
    let refused = |files: &[&str], message: &str| {
        let (code, out, err) = merge(&wb, files, "human");
        assert_eq!((code, out.as_str()), (2, ""), "{files:?}: {err}");
        assert!(err.contains(message), "{files:?}: {err}");
    };
    refused(
        &["grade-1.json", "grade-3.json"],
        "Partition 2 of 3 is missing: the files given hold 1 (grade-1.json), 3 (grade-3.json)",
    );
    refused(
        &[
            "grade-1.json",
            "grade-2.json",
            "grade-2.json",
            "grade-3.json",
        ],
        "grade-2.json and grade-2.json are both partition 2 of 3",
    );
    // Another run.
    let (_, _, _) = output(wb.opslings(&[
        "grade",
        "w1",
        "--run",
        "r2",
        "--partition",
        "hash:2/3",
        "--format",
        "json",
        "--output",
        "other.json",
    ]));
    refused(
        &["grade-1.json", "other.json", "grade-3.json"],
        "grade-1.json and other.json are reports of different runs (`r1` and `r2`)",
    );
    // Another course.
    let mut course: Value = serde_json::from_str(&wb.read("grade-2.json")).unwrap();
    course["graded_by"]["course"]["info_digest"] = "fnv1a64:0000000000000000".into();
    wb.write("course.json", &course.to_string());
    refused(
        &["grade-1.json", "course.json", "grade-3.json"],
        "grade-1.json and course.json are reports of different courses",
    );
    // Not a grade report.
    wb.write("notes.json", "{\"hello\": 1}");
    refused(
        &["notes.json"],
        "notes.json is not a grade report (its `command` is not \"grade\")",
    );
    wb.write("broken.json", "{");
    refused(
        &["broken.json"],
        "broken.json is not a grade report (not JSON: ",
    );
    let (code, _, err) =
        output(wb.opslings(&["verify", "--format", "json", "--output", "verify.json"]));
    assert_eq!(code, 0, "{err}");
    refused(&["verify.json"], "verify.json is not a grade report");
    refused(&["missing.json"], "Failed to read missing.json");

    // What does add up is written in every format.
    let files = ["grade-1.json", "grade-2.json", "grade-3.json"];
    let (code, out, _) = merge(&wb, &files, "human");
    assert_eq!(code, 1);
    assert!(
        out.ends_with("4 workbooks graded: 0 pass every exercise, 4 could not be read.\n"),
        "{out}"
    );
    let (_, out, _) = merge(&wb, &files, "junit");
    roxmltree::Document::parse(&out).unwrap();
    let (_, out, _) = merge(&wb, &files, "html");
    assert_eq!(out.matches("<tr class=\"student\">").count(), 4, "{out}");
    let (code, _, err) = merge(&wb, &files, "classroom");
    assert_eq!(code, 2);
    assert!(err.contains("this report has 4 workbooks"), "{err}");
    assert!(fs::metadata(wb.path("grade-1.json")).is_ok());
}

#[test]
fn merge_refuses_reports_with_no_workbook_at_all() {
    let wb = Workbook::new();
    grade(&wb, "1/1", &["w1".to_owned()], "one.json");
    let mut none: Value = serde_json::from_str(&wb.read("one.json")).unwrap();
    none["workbooks"] = serde_json::json!([]);
    wb.write("none.json", &none.to_string());
    let (code, _, err) = merge(&wb, &["none.json"], "json");
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "No workbook was graded in any of the 1 reports: check that the grading jobs fetched"
        ),
        "{err}"
    );
}

//! The reports of `grade` as their consumers read them: JUnit against the Jenkins xunit schema
//! with characters XML cannot hold, JSON's provenance and invariants, the GitHub Classroom
//! payload, the HTML gradebook and a bad `--output`.

use std::fs;

use base64::{Engine, engine::general_purpose::STANDARD};
use roxmltree::{Document, Node};
use serde_json::Value;

use crate::{
    Workbook,
    instructor::{solve, student, valid_report},
    output,
};

/// Checks `doc` against the structure junit-10.xsd of the Jenkins xunit plugin requires:
/// which elements go where, required and allowed attributes, the form of `time`.
fn check_xunit_schema(doc: &Document) {
    fn attributes(node: Node, required: &[&str], allowed: &[&str]) {
        for name in required {
            assert!(
                node.has_attribute(*name),
                "<{}> needs {name}",
                node.tag_name().name()
            );
        }
        for a in node.attributes() {
            assert!(
                required.contains(&a.name()) || allowed.contains(&a.name()),
                "<{}> may not have {}",
                node.tag_name().name(),
                a.name()
            );
        }
        if let Some(time) = node.attribute("time") {
            assert!(
                time.chars().all(|c| c.is_ascii_digit() || c == '.')
                    && time.matches('.').count() <= 1,
                "time {time} is not SUREFIRE_TIME"
            );
        }
    }
    fn elements<'a>(node: Node<'a, 'a>) -> impl Iterator<Item = Node<'a, 'a>> {
        node.children().filter(Node::is_element)
    }
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    attributes(root, &[], &["name", "time", "tests", "failures", "errors"]);
    for suite in elements(root) {
        assert_eq!(suite.tag_name().name(), "testsuite");
        attributes(
            suite,
            &["name", "tests", "failures", "errors"],
            &[
                "group",
                "time",
                "skipped",
                "timestamp",
                "hostname",
                "id",
                "package",
                "file",
                "log",
                "url",
            ],
        );
        for child in elements(suite) {
            match child.tag_name().name() {
                "properties" => {
                    for property in elements(child) {
                        assert_eq!(property.tag_name().name(), "property");
                        attributes(property, &["name", "value"], &[]);
                    }
                }
                "testcase" => {
                    attributes(child, &["name"], &["time", "classname", "group"]);
                    for status in elements(child) {
                        let name = status.tag_name().name();
                        assert!(
                            ["skipped", "error", "failure", "system-out", "system-err"]
                                .contains(&name),
                            "<testcase> may not hold <{name}>"
                        );
                        attributes(status, &[], &["type", "message"]);
                        assert_eq!(elements(status).count(), 0, "<{name}> holds text only");
                    }
                }
                "system-out" | "system-err" => assert_eq!(elements(child).count(), 0),
                other => panic!("<testsuite> may not hold <{other}>"),
            }
        }
    }
}

/// (tests, failures, errors, skipped) of a suite, counted from its cases.
fn counted(suite: Node) -> [usize; 4] {
    let cases: Vec<Node> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let with = |tag: &str| {
        cases
            .iter()
            .filter(|c| c.children().any(|n| n.has_tag_name(tag)))
            .count()
    };
    [cases.len(), with("failure"), with("error"), with("skipped")]
}

/// An adder that fails 2 of its 3 tests and prints what XML 1.0 cannot hold: U+FFFE, U+FFFF,
/// NUL, ANSI colour codes, and a lone surrogate (as the bytes ED A0 80).
const DIRTY: &str = "pub fn add(a: i32, b: i32) -> i32 {\n    \
    println!(\"odd \\u{FFFE}\\u{FFFF}\\0 \\x1b[31mred\\x1b[0m\");\n    \
    std::io::Write::write_all(&mut std::io::stdout(), b\"\\xed\\xa0\\x80\\n\").unwrap();\n    \
    a - b\n}\n";

#[test]
fn junit_holds_no_character_xml_forbids_and_has_a_case_per_hidden_test() {
    let class = Workbook::new();
    let dirty = student(&class, "dirty");
    class.write(
        &format!("{dirty}/exercises/00_basics/adder/src/lib.rs"),
        DIRTY,
    );
    let (code, _, err) = output(class.opslings(&[
        "grade",
        &dirty,
        "--format",
        "junit",
        "--output",
        "junit.xml",
    ]));
    assert_eq!(code, 1, "{err}");
    let bytes = fs::read(class.path("junit.xml")).unwrap();
    let xml = String::from_utf8(bytes).unwrap();
    for forbidden in ['\u{FFFE}', '\u{FFFF}', '\0', '\u{1b}'] {
        assert!(!xml.contains(forbidden), "{forbidden:?} in {xml}");
    }
    let doc = Document::parse(&xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
    check_xunit_schema(&doc);
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    // adder: its verdict, 2 failed tests and 1 passed; greeter: its verdict and 1 failed test.
    assert_eq!(counted(suite), [6, 5, 0, 0], "{xml}");
    for (attribute, count) in [
        ("tests", "6"),
        ("failures", "5"),
        ("errors", "0"),
        ("skipped", "0"),
    ] {
        assert_eq!(
            suite.attribute(attribute),
            Some(count),
            "{attribute}: {xml}"
        );
    }
    assert!(suite.attribute("timestamp").unwrap().len() == 19, "{xml}");
    assert!(suite.attribute("time").unwrap().parse::<f64>().unwrap() > 0.0);
    let cases: Vec<(&str, &str, bool)> = suite
        .children()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|c| {
            let failed = c.children().any(|n| n.has_tag_name("failure"));
            (
                c.attribute("classname").unwrap(),
                c.attribute("name").unwrap(),
                failed,
            )
        })
        .collect();
    assert_eq!(
        cases,
        [
            ("00_basics.adder", "adder", true),
            ("00_basics.adder", "adds_small_numbers", true),
            ("00_basics.adder", "adds_negative_numbers", true),
            ("00_basics.adder", "zero_is_neutral", false),
            ("00_basics.greeter", "greeter", true),
            ("00_basics.greeter", "greets_by_name", true),
        ]
    );
    let out = doc
        .descendants()
        .find(|n| n.has_tag_name("system-out"))
        .unwrap();
    assert_eq!(out.parent().unwrap().attribute("name"), Some("adder"));
    assert!(
        out.text()
            .unwrap()
            .contains("odd \u{FFFD}\u{FFFD}\u{FFFD} red\n\u{FFFD}"),
        "the printed line, cleaned: {xml}"
    );
}

#[test]
fn json_names_what_graded_it_and_its_fields_agree() {
    let class = Workbook::new();
    let pristine = student(&class, "ada");
    let solved = student(&class, "bob");
    solve(&class, &solved);
    let dirty = student(&class, "cy");
    class.write(
        &format!("{dirty}/exercises/00_basics/adder/src/lib.rs"),
        DIRTY,
    );
    let mut cmd = class.opslings(&[
        "grade",
        &pristine,
        &solved,
        &dirty,
        "students/dan",
        "--format",
        "json",
    ]);
    cmd.env("OPSLINGS_RUN", "run-7");
    let (code, out, err) = output(cmd);
    assert_eq!(code, 1, "{err}");
    let report = valid_report(&out);
    let by = &report["graded_by"];
    assert_eq!(by["opslings_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(by["run"], "run-7");
    let info = fs::read(crate::fixture().join("info.toml")).unwrap();
    let fnv = info.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    assert_eq!(by["course"]["info_digest"], format!("fnv1a64:{fnv:016x}"));
    assert_eq!(
        by["course"]["commit"],
        Value::Null,
        "a --course folder has no built-in commit"
    );
    assert!(
        by["toolchain"].as_str().unwrap().starts_with("rustc "),
        "{by}"
    );
    assert!(by["started_at"].as_str().unwrap().ends_with('Z'), "{by}");
    assert!(by["seconds"].as_f64().unwrap() > 0.0);
    check_invariants(&report);
}

/// What must hold between the fields of any grade report.
pub(crate) fn check_invariants(report: &Value) {
    let exercises = report["exercises"].as_array().unwrap();
    let max: u64 = exercises
        .iter()
        .map(|e| e["weight"].as_u64().unwrap())
        .sum();
    assert_eq!(
        report["max_points"], max,
        "max_points is the sum of the weights"
    );
    let mut all_passed = true;
    for w in report["workbooks"].as_array().unwrap() {
        let graded = w["exercises"].as_array().unwrap();
        if w["error"].is_null() {
            assert_eq!(graded.len(), exercises.len(), "every exercise: {w}");
        } else {
            assert!(graded.is_empty() && w["points"] == 0, "{w}");
            all_passed = false;
        }
        let mut points = 0;
        let mut passed = 0;
        for e in graded {
            let check = &e["check"];
            let pass = check["status"] == "passed";
            let expect = if pass {
                e["weight"].as_u64().unwrap()
            } else {
                0
            };
            assert_eq!(
                e["points"], expect,
                "points are the weight only when it passes: {e}"
            );
            points += expect;
            passed += usize::from(pass);
            all_passed &= pass;
            let tests = check["tests"].as_array().unwrap();
            let status_count = |s: &str| tests.iter().filter(|t| t["status"] == s).count();
            if let (Some(ok), Some(total)) = (
                check["tests_passed"].as_u64(),
                check["tests_total"].as_u64(),
            ) {
                assert!(ok <= total, "{check}");
                assert_eq!(ok as usize, status_count("pass"), "{check}");
                assert_eq!(total as usize, tests.len(), "{check}");
            }
            let failures = check["failures"].as_array().unwrap();
            assert_eq!(
                failures.is_empty(),
                check["status"] != "tests_failed",
                "{check}"
            );
            assert_eq!(failures.len(), status_count("fail"), "{check}");
        }
        assert_eq!(w["points"], points, "{w}");
        assert!(points <= max);
        assert_eq!(w["passed"], passed, "{w}");
    }
    assert_eq!(
        report["passed"], all_passed,
        "passed agrees with the failures"
    );
}

#[test]
fn classroom_payload_is_the_reporters_shape_with_each_exercise_worth_its_weight() {
    let class = Workbook::new();
    let dirty = student(&class, "cy");
    class.write(
        &format!("{dirty}/exercises/00_basics/adder/src/lib.rs"),
        DIRTY,
    );
    let solved = student(&class, "bob");
    solve(&class, &solved);
    let decode = |dir: &str| {
        let (code, out, err) = output(class.opslings(&["grade", dir, "--format", "classroom"]));
        let json = STANDARD
            .decode(out.trim_end())
            .unwrap_or_else(|e| panic!("{e}: {out}{err}"));
        (code, serde_json::from_slice::<Value>(&json).unwrap())
    };
    let (code, payload) = decode(&solved);
    assert_eq!(code, 0);
    assert_eq!(
        (
            payload["version"].clone(),
            payload["status"].clone(),
            payload["max_score"].clone()
        ),
        (1.into(), "pass".into(), 2.into())
    );
    let tests = payload["tests"].as_array().unwrap();
    let rows: Vec<(&str, &str, u64)> = tests
        .iter()
        .map(|t| {
            (
                t["name"].as_str().unwrap(),
                t["status"].as_str().unwrap(),
                t["score"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(rows, [("adder", "pass", 1), ("greeter", "pass", 1)]);
    for t in tests {
        assert!(t["message"].is_string() && t["execution_time"].as_str().unwrap().ends_with('s'));
    }

    let (code, payload) = decode(&dirty);
    assert_eq!((code, payload["status"].as_str()), (1, Some("fail")));
    let scores: Vec<u64> = payload["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["score"].as_u64().unwrap())
        .collect();
    assert_eq!(
        scores,
        [0, 0],
        "the reporter adds up every score: a failure scores 0"
    );
    assert!(
        payload["tests"][0]["message"]
            .as_str()
            .unwrap()
            .contains("2 of 3 hidden tests failed"),
        "{payload}"
    );

    let (code, _, err) =
        output(class.opslings(&["grade", &dirty, &solved, "--format", "classroom"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("--format classroom describes one student's repository, and 2 workbooks"),
        "{err}"
    );
    assert!(!err.contains("Grading"), "refused before any work: {err}");
}

#[test]
fn html_gradebook_is_one_page_with_a_cell_per_student_and_exercise() {
    let class = Workbook::new();
    let solved = student(&class, "bob");
    solve(&class, &solved);
    let odd = student(&class, "<b>&\"m\"");
    let (code, _, err) = output(class.opslings(&[
        "grade",
        &solved,
        &odd,
        "--format",
        "html",
        "--output",
        "gradebook.html",
    ]));
    assert_eq!(code, 1, "{err}");
    let page = class.read("gradebook.html");
    assert!(
        page.starts_with("<!DOCTYPE html>") && !page.contains("<script") && !page.contains("src=")
    );
    assert!(!page.contains("<b>&"), "a path is escaped: {page}");
    assert!(
        page.contains("students/&lt;b&gt;&amp;&quot;m&quot;"),
        "{page}"
    );
    assert_eq!(
        page.matches("<td class=\"cell ").count(),
        4,
        "2 workbooks × 2 exercises"
    );
    assert_eq!(
        page.matches("<td class=\"rate\">50%</td>").count(),
        2,
        "{page}"
    );
}

#[test]
fn a_bad_output_path_is_refused_before_any_work() {
    let class = Workbook::new();
    let dir = student(&class, "ada");
    for (path, why) in [
        ("missing/report.json", "the folder missing does not exist"),
        ("students", "it is a folder"),
    ] {
        for args in [
            vec!["grade", dir.as_str(), "--format", "json", "--output", path],
            vec!["merge", "grade-1.json", "--output", path],
        ] {
            let (code, _, err) = output(class.opslings(&args));
            assert_eq!(code, 2, "{args:?}");
            assert!(
                err.contains(&format!(
                    "Cannot write the report to {path}: {why}. Nothing was checked"
                )),
                "{err}"
            );
            assert!(!err.contains("Grading"), "{err}");
        }
    }
    let (code, _, err) = output(class.opslings(&["verify", "--format", "html"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("verify writes --format human, json or junit"),
        "{err}"
    );
    assert!(!err.contains("Verifying"), "{err}");
}

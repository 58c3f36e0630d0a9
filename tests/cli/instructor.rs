//! The instructor's commands: verify, grade, init, the JSON and JUnit reports and partitions.

use std::{fs, path::Path};

use serde_json::Value;

use crate::{Workbook, fixture, output};

const ADDER: &str = "00_basics/adder/src/lib.rs";
const GREETER: &str = "00_basics/greeter/src/lib.rs";

/// Adds `students/<name>`, a student's clone of the fixture workbook, to `class`.
pub(crate) fn student(class: &Workbook, name: &str) -> String {
    let dir = format!("students/{name}");
    for part in ["exercises", "tests"] {
        opslings::workbook::copy_tree(&fixture().join(part), &class.path(&format!("{dir}/{part}")))
            .unwrap();
    }
    fs::copy(
        fixture().join("info.toml"),
        class.path(&format!("{dir}/info.toml")),
    )
    .unwrap();
    dir
}

/// Copies the fixture's model solutions into a student's workbook.
pub(crate) fn solve(class: &Workbook, dir: &str) {
    for file in [ADDER, GREETER] {
        let solution = fs::read_to_string(fixture().join("solutions").join(file)).unwrap();
        class.write(&format!("{dir}/exercises/{file}"), &solution);
    }
}

/// Checks `json` against docs/report.schema.json and returns it parsed.
pub(crate) fn valid_report(json: &str) -> Value {
    let value: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    if let Err(error) = check_schema(&value) {
        panic!("the report does not follow docs/report.schema.json: {error}\n{json}");
    }
    value
}

/// Checks `value` against the strict variant of docs/report.schema.json: every field written
/// must be described (the published schema lets consumers meet fields it does not know).
pub(crate) fn check_schema(value: &Value) -> Result<(), String> {
    validate(value, true)
}

pub(crate) fn validate(value: &Value, strict: bool) -> Result<(), String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json");
    let mut schema: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
    if strict {
        close(&mut schema, "");
    }
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("report.schema.json", schema).unwrap();
    let index = compiler
        .compile("report.schema.json", &mut schemas)
        .unwrap_or_else(|e| panic!("docs/report.schema.json is not a valid schema: {e:#}"));
    schemas.validate(value, index).map_err(|e| format!("{e:#}"))
}

/// The strict variant: `unevaluatedProperties: false` beside every `properties`, except in the
/// header, which the reports include through `allOf` and which so sees only its own fields.
fn close(schema: &mut Value, name: &str) {
    match schema {
        Value::Object(map) => {
            if map.contains_key("properties") && name != "header" {
                map.insert("unevaluatedProperties".into(), false.into());
            }
            for (key, child) in map.iter_mut() {
                close(child, key);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| close(item, "")),
        _ => {}
    }
}

pub(crate) fn names(list: &Value, key: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item[key].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn verify_checks_every_exercise_of_the_course_and_exits_0_when_sound() {
    let wb = Workbook::new();
    let (code, out, err) = output(wb.opslings(&["verify", "--jobs", "1"]));
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        "✓ adder    00_basics  sound; untouched: 3 of 3 hidden tests failed\n\
         ✓ greeter  00_basics  sound; untouched: 1 of 1 hidden tests failed\n\n\
         ✓ 2 exercises verified: all sound; info.toml agrees with the folders.\n"
    );
    assert!(
        err.starts_with("Verifying 2 of the 2 exercises of the set in "),
        "{err}"
    );
    assert!(
        err.contains("\n[1/2] ok   adder (") && err.contains("\n[2/2] ok   greeter ("),
        "{err}"
    );
    assert!(
        wb.path("target/opslings/verify/adder/solution").is_dir(),
        "builds stay in the workbook"
    );
}

#[test]
fn verify_reads_the_set_on_disk_in_a_course_repository_and_reports_what_is_unsound() {
    let wb = Workbook::new();
    // The solution of greeter is wrong, adder's exercise is already solved, a folder is stray.
    wb.write(
        &format!("solutions/{GREETER}"),
        "pub fn greet(_: &str) -> String { String::new() }\n",
    );
    let solved = wb.read(&format!("solutions/{ADDER}"));
    wb.write(&format!("exercises/{ADDER}"), &solved);
    wb.write("tests/hidden/stray.rs", "#[test]\nfn t() {}\n");

    let (code, out, err) = output(wb.bare(&["verify", "--format", "json"]));
    assert_eq!(code, 1, "{out}{err}");
    let report = valid_report(&out);
    assert_eq!(report["passed"], false);
    assert_eq!(
        report["problems"][0],
        "tests/hidden/stray.rs belongs to no exercise in info.toml"
    );
    let [adder, greeter] = report["exercises"].as_array().unwrap().as_slice() else {
        panic!("two exercises: {out}")
    };
    assert_eq!(
        (adder["sound"].clone(), adder["untouched"]["status"].clone()),
        (false.into(), "passed".into())
    );
    assert_eq!(
        adder["problems"][0],
        "exercises/00_basics/adder/src/lib.rs has no `TODO` marking the place to edit"
    );
    assert!(
        adder["problems"][1]
            .as_str()
            .unwrap()
            .starts_with("exercises/00_basics/adder/src/lib.rs: its doc's task sections (none) are not info.toml's tasks"),
        "an exercise's doc gives each task its section: {out}"
    );
    assert_eq!(greeter["solution"]["status"], "tests_failed");
    assert_eq!(greeter["solution"]["failures"][0]["test"], "greets_by_name");
    assert_eq!(greeter["solution"]["failures"][0]["task"], 1);
    // Every hidden test is named with its task and result.
    let tests: Vec<(String, u64, String)> = adder["untouched"]["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let name = t["name"].as_str().unwrap().to_owned();
            (
                name,
                t["task"].as_u64().unwrap(),
                t["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("adds_small_numbers", 1, "pass"),
        ("adds_negative_numbers", 1, "pass"),
        ("zero_is_neutral", 2, "pass"),
    ];
    assert_eq!(
        tests,
        expected.map(|(n, k, s)| (n.to_owned(), k, s.to_owned())),
        "{out}"
    );
    let greets = &greeter["solution"]["tests"][0];
    assert_eq!(
        (greets["task"].clone(), greets["status"].clone()),
        (1.into(), "fail".into())
    );
    assert!(
        greets["message"]
            .as_str()
            .unwrap()
            .contains("the greeting names the person")
    );

    let (code, out, _) =
        output(wb.bare(&["verify", "--format", "junit", "--output", "report.xml"]));
    assert_eq!(code, 1);
    assert!(
        out.contains("✗ adder    00_basics  the untouched exercise passes its hidden tests")
            && out
                .contains("\n✗ greeter: the solution's verdict\n    ✗ 1 of 1 hidden tests failed")
            && out.ends_with("✗ 2 exercises verified: 0 sound, 2 not; 1 problems with the set.\n"),
        "with --output, the human report goes to stdout: {out}"
    );
    let xml = wb.read("report.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let suites: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    assert_eq!(suites.len(), 1, "one suite for the set: {xml}");
    assert_eq!(
        suites[0].attribute("tests"),
        Some("3"),
        "two exercises and the set: {xml}"
    );
    assert_eq!(suites[0].attribute("failures"), Some("3"), "{xml}");
    let failure = doc
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert_eq!(failure.parent().unwrap().attribute("name"), Some("adder"));
    assert!(
        failure
            .attribute("message")
            .unwrap()
            .contains("untouched exercise passes"),
        "{xml}"
    );
}

#[test]
fn verify_takes_named_exercises_or_a_partition_and_checks_the_set_once() {
    let wb = Workbook::new();
    let run = |args: &[&str]| {
        let mut all = vec!["verify", "--format", "json"];
        all.extend(args);
        let (code, out, err) = output(wb.opslings(&all));
        assert_eq!(code, 0, "{out}{err}");
        valid_report(&out)
    };
    let named = run(&["greeter"]);
    assert_eq!(names(&named["exercises"], "name"), ["greeter"]);
    let first = run(&["--partition", "1/2"]);
    let second = run(&["--partition", "2/2"]);
    assert_eq!(names(&first["exercises"], "name"), ["adder"]);
    assert_eq!(names(&second["exercises"], "name"), ["greeter"]);
    assert_eq!(first["problems"], serde_json::json!([]));
    assert_eq!(
        second["problems"],
        Value::Null,
        "partition 1 checks the set as a whole"
    );
    assert_eq!(
        second["partition"],
        serde_json::json!({"index": 2, "count": 2, "scheme": "count"})
    );
    // The schema is strict enough to catch a report that drifts from it.
    let mut drifted = second.clone();
    drifted["exercises"][0]["solution"]["status"] = "great".into();
    assert!(check_schema(&drifted).is_err());
    let mut drifted = second.clone();
    drifted["exercises"][0]["undocumented"] = 1.into();
    drifted["graded_by"]["undocumented"] = 1.into();
    assert!(check_schema(&drifted).is_err());
    assert_eq!(
        validate(&drifted, false),
        Ok(()),
        "consumers meet new fields: the published schema allows them"
    );

    let (code, _, err) = output(wb.opslings(&["verify", "nope"]));
    assert_eq!(
        (code, err.as_str()),
        (
            2,
            "error: There is no exercise called `nope`: `opslings list` shows them all\n"
        )
    );
}

#[test]
fn verify_outside_a_workbook_uses_the_set_built_in() {
    let set = opslings::course::ExerciseSet::load(opslings::course::Course::embedded()).unwrap();
    let first = set.exercises[0].name();
    let outside = tempfile::tempdir().unwrap();
    let mut cmd = Workbook::new().bare(&["verify", first]);
    cmd.current_dir(outside.path());
    let (code, out, err) = output(cmd);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.starts_with("Verifying 1 of the "), "{err}");
    assert!(err.contains("of the set built into opslings"), "{err}");
    assert_eq!(
        fs::read_dir(outside.path()).unwrap().count(),
        0,
        "nothing is written outside a workbook"
    );
}

#[test]
fn grade_scores_each_workbook_and_a_bad_one_is_a_row_not_the_end() {
    let class = Workbook::new();
    let pristine = student(&class, "ada");
    let solved = student(&class, "bob");
    solve(&class, &solved);
    fs::create_dir_all(class.path("students/cy")).unwrap();
    let args = ["grade", "students/dan", &solved, "students/cy", &pristine];

    let (code, out, err) = output(class.opslings(&args));
    assert_eq!(code, 1, "{out}{err}");
    assert_eq!(
        out,
        "students/ada: 0/2 points, 0 of 2 exercises pass\n  \
         ✗ adder      0/1  3 of 3 hidden tests failed\n  \
         ✗ greeter    0/1  1 of 1 hidden tests failed\n\n\
         students/bob: 2/2 points, 2 of 2 exercises pass\n  \
         ✓ adder      1/1  all 3 hidden tests pass\n  \
         ✓ greeter    1/1  all 1 hidden tests pass\n\n\
         ✗ students/cy: is not an opslings workbook: it has no exercises/ folder\n\n\
         ✗ students/dan: no such folder\n\n\
         WORKBOOK      POINTS  PASSED\n\
         students/ada  0/2     0/2\n\
         students/bob  2/2     2/2\n\
         students/cy   0/2     error: is not an opslings workbook: it has no exercises/ folder\n\
         students/dan  0/2     error: no such folder\n\n\
         4 workbooks graded: 1 pass every exercise, 2 could not be read.\n"
    );
    assert!(err.contains("\nstudents/bob: 2/2 points\n"), "{err}");

    let (code, out, _) = output(class.opslings(&[&args[..], &["--format", "json"]].concat()));
    assert_eq!(code, 1);
    let report = valid_report(&out);
    assert_eq!(report["max_points"], 2);
    let rows = report["workbooks"].as_array().unwrap();
    assert_eq!(
        names(&report["workbooks"], "path"),
        [
            "students/ada",
            "students/bob",
            "students/cy",
            "students/dan"
        ]
    );
    assert_eq!(
        rows.iter()
            .map(|w| w["points"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [0, 2, 0, 0]
    );
    assert_eq!(rows[0]["exercises"][0]["check"]["status"], "tests_failed");
    assert_eq!(rows[1]["exercises"][1]["check"]["status"], "passed");
    assert_eq!(rows[3]["error"], "no such folder");

    // Only passing students: exit status 0.
    let (code, _, _) = output(class.opslings(&["grade", &solved]));
    assert_eq!(code, 0);
}

#[test]
fn grade_gives_nothing_for_edited_tests_dependencies_build_scripts_exits_or_hangs() {
    let class = Workbook::new();
    let tests = student(&class, "tests");
    class.write(
        &format!("{tests}/tests/hidden/adder.rs"),
        "#[test]\nfn anything() {}\n",
    );
    let dependency = student(&class, "dependency");
    class.write(
        &format!("{dependency}/exercises/00_basics/adder/Cargo.toml"),
        "[package]\nname = \"adder\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n\
         [dependencies]\nnum = \"0.4\"\n",
    );
    class.write(
        &format!("{dependency}/exercises/{ADDER}"),
        "pub fn add(a: i32, b: i32) -> i32 { num::Integer::lcm(&a, &b) * 0 + a + b }\n",
    );
    let build = student(&class, "build");
    class.write(
        &format!("{build}/exercises/00_basics/adder/Cargo.toml"),
        "[package]\nname = \"adder\"\nversion = \"0.1.0\"\nedition = \"2021\"\nbuild = \"build.rs\"\n",
    );
    let marker = class.path("the-build-script-ran");
    class.write(
        &format!("{build}/exercises/00_basics/adder/build.rs"),
        &format!(
            "fn main() {{\n    std::fs::write({marker:?}, \"\").unwrap();\n    \
             println!(\"cargo:rustc-cfg=solved\");\n}}\n"
        ),
    );
    class.write(
        &format!("{build}/exercises/{ADDER}"),
        "#[cfg(solved)]\npub fn add(a: i32, b: i32) -> i32 { a + b }\n\
         #[cfg(not(solved))]\npub fn add(_: i32, _: i32) -> i32 { todo!() }\n",
    );
    let exits = student(&class, "exits");
    class.write(
        &format!("{exits}/exercises/{ADDER}"),
        "pub fn add(_: i32, _: i32) -> i32 { std::process::exit(0) }\n",
    );
    let hangs = student(&class, "hangs");
    class.write(
        &format!("{hangs}/exercises/{ADDER}"),
        "pub fn add(_: i32, _: i32) -> i32 { loop {} }\n",
    );

    let (code, out, err) = output(class.opslings(&[
        "grade",
        &tests,
        &dependency,
        &build,
        &exits,
        &hangs,
        "--format",
        "json",
    ]));
    assert_eq!(code, 1, "{err}");
    let report = valid_report(&out);
    let adder: Vec<(String, String)> = report["workbooks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            let check = &w["exercises"][0]["check"];
            (
                w["path"].as_str().unwrap().to_owned(),
                check["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expect = |path: &str, status: &str| (path.to_owned(), status.to_owned());
    assert_eq!(
        adder,
        [
            expect("students/build", "tests_failed"),
            expect("students/dependency", "compile_error"),
            expect("students/exits", "crashed"),
            expect("students/hangs", "timed_out"),
            expect("students/tests", "tests_failed"),
        ],
        "{out}"
    );
    assert!(
        report["workbooks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["points"] == 0),
        "{out}"
    );
    assert!(!marker.exists(), "the build script never ran");
}

#[test]
fn grade_junit_has_a_suite_per_workbook_and_cases_per_exercise_and_hidden_test() {
    let class = Workbook::new();
    let pristine = student(&class, "ada");
    let solved = student(&class, "bob");
    solve(&class, &solved);
    let (code, out, _) = output(class.opslings(&[
        "grade",
        &pristine,
        &solved,
        "students/cy",
        "--format",
        "junit",
    ]));
    assert_eq!(code, 1);
    let doc = roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(
        [
            root.attribute("tests"),
            root.attribute("failures"),
            root.attribute("errors")
        ],
        [Some("13"), Some("6"), Some("1")],
        "each exercise is its verdict and its hidden tests: {out}",
    );
    let suites: Vec<_> = root
        .children()
        .filter(|n| n.has_tag_name("testsuite"))
        .collect();
    let summary: Vec<(&str, usize, usize)> = suites
        .iter()
        .map(|s| {
            let cases: Vec<_> = s
                .children()
                .filter(|n| n.has_tag_name("testcase"))
                .collect();
            let failed = cases
                .iter()
                .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
                .count();
            (s.attribute("name").unwrap(), cases.len(), failed)
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("students/ada", 6, 6),
            ("students/bob", 6, 0),
            ("students/cy", 1, 0)
        ]
    );
    let failure = suites[0]
        .descendants()
        .find(|n| n.has_tag_name("failure"))
        .unwrap();
    assert_eq!(
        failure.attribute("message"),
        Some("3 of 3 hidden tests failed")
    );
    assert!(
        failure.text().unwrap().contains(
            "✗ Task 1 of 2: Add two numbers\n  ✗ 2 tests stopped at the todo!() in exercises/00_basics/adder/src/lib.rs:"
        ),
        "the verdict is the failure's text: {out}"
    );
}

#[test]
fn partitions_together_grade_every_workbook_exactly_once() {
    let wb = Workbook::new();
    // Missing folders cost no check, and each is still a row of its partition.
    let dirs: Vec<String> = (1..=7).map(|i| format!("w{i}")).collect();
    let mut seen = Vec::new();
    for k in 1..=3 {
        let mut args = vec![
            "grade".to_owned(),
            "--format".into(),
            "json".into(),
            "--partition".into(),
            format!("{k}/3"),
        ];
        args.extend(dirs.iter().rev().cloned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (_, out, _) = output(wb.opslings(&args));
        seen.push(names(&valid_report(&out)["workbooks"], "path"));
    }
    assert_eq!(
        seen,
        [vec!["w1", "w4", "w7"], vec!["w2", "w5"], vec!["w3", "w6"]]
    );
}

#[test]
fn a_bad_partition_or_job_count_is_explained() {
    let wb = Workbook::new();
    for (value, message) in [
        ("0/3", "K must be from 1 to 3"),
        ("4/3", "K must be from 1 to 3"),
        ("1/0", "N, the number of partitions, must be at least 1"),
        ("two/3", "`two` in `two/3` is not a whole number"),
        (
            "2",
            "`2` is not K/N: write hash:K/N (or count:K/N), such as hash:2/3",
        ),
        ("crc:1/3", "`crc` is not a partition scheme: write hash:K/N"),
        ("hash:4/3", "K must be from 1 to 3"),
    ] {
        let (code, _, err) = output(wb.opslings(&["verify", "--partition", value]));
        assert_eq!(code, 2, "{value}");
        assert!(
            err.contains(&format!(
                "invalid value '{value}' for '--partition <SCHEME:K/N>': {message}"
            )),
            "{err}"
        );
    }
    let (code, _, err) = output(wb.opslings(&["grade", "x", "--jobs", "0"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("`0` is not a number of checks to run at once"),
        "{err}"
    );
}

#[test]
fn init_writes_a_student_workbook_without_solutions_and_never_overwrites() {
    let wb = Workbook::new();
    let (code, out, err) = output(wb.opslings(&["init", "class"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("Wrote a workbook of 2 exercises to class (9 files)"),
        "{out}"
    );
    let new = wb.path("class");
    let mut files: Vec<String> = walk(&new);
    files.sort();
    assert_eq!(
        files,
        [
            ".gitignore",
            "Cargo.toml",
            "README.md",
            "exercises/00_basics/README.md",
            "exercises/00_basics/adder/Cargo.toml",
            "exercises/00_basics/adder/src/lib.rs",
            "exercises/00_basics/greeter/Cargo.toml",
            "exercises/00_basics/greeter/src/lib.rs",
            "info.toml",
        ]
    );
    assert_eq!(
        wb.read("class/exercises/00_basics/adder/src/lib.rs"),
        wb.read("exercises/00_basics/adder/src/lib.rs")
    );
    assert!(
        wb.read("class/Cargo.toml").contains(
            "[workspace]\nresolver = \"2\"\nmembers = [\n    \"exercises/00_basics/adder\",\n    \"exercises/00_basics/greeter\",\n]\n"
        )
    );
    assert!(
        wb.read("class/README.md")
            .contains("Start with `exercises/00_basics/adder/src/lib.rs`")
    );

    // A student works in it as in any workbook.
    let mut run = wb.opslings(&["run", "adder"]);
    run.current_dir(&new);
    let (code, out, _) = output(run);
    assert_eq!(code, 1);
    assert!(out.contains("3 of 3 hidden tests failed"), "{out}");

    wb.write("class/exercises/00_basics/adder/src/lib.rs", "mine");
    let (code, _, err) = output(wb.opslings(&["init", "class"]));
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "class is not empty: opslings init writes a workbook only into a new or empty folder"
        ),
        "{err}"
    );
    assert_eq!(
        wb.read("class/exercises/00_basics/adder/src/lib.rs"),
        "mine"
    );
}

fn walk(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            files.extend(walk(&path).into_iter().map(|f| format!("{name}/{f}")));
        } else {
            files.push(name);
        }
    }
    files
}

#[test]
fn verify_names_the_course_file_a_compiler_message_is_about() {
    let wb = Workbook::new();
    wb.write(
        "solutions/00_basics/greeter/src/lib.rs",
        "pub fn greet(name: &str) -> String {\n    name +\n}\n",
    );
    let (code, out, err) = output(wb.with_own_course(&["verify", "greeter"]));
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("--> solutions/00_basics/greeter/src/lib.rs:3:1"),
        "a broken solution is named where it lives, not in the build folder: {out}"
    );
    assert!(!out.contains("target/opslings"), "{out}");
}

use super::*;

const GOOD: &str = r#"format_version = 2
welcome_message = "hi"
final_message = "bye"

[[exercises]]
name = "intro1"
topic = "00_intro"
difficulty = 1
minutes = 5
[[exercises.tasks]]
title = "Fix it"
hints = ["look", "closer"]

[[exercises]]
name = "retry"
topic = "10_resilience"
difficulty = 3
minutes = 20
time_limit_secs = 3
weight = 2
[[exercises.tasks]]
title = "The ceiling"
hints = ["h1", "h2"]
[[exercises.tasks]]
title = "The loop"
hints = ["h3", "h4", "h5"]
"#;

fn error(source: &str) -> String {
    Info::parse("info.toml", source).unwrap_err().to_string()
}

#[test]
fn parses_a_valid_file_with_defaults() {
    let info = Info::parse("info.toml", GOOD).unwrap();
    assert_eq!(info.exercises.len(), 2);
    assert_eq!(info.exercises[0].time_limit, DEFAULT_TIME_LIMIT);
    assert_eq!(info.exercises[0].weight, 1);
    assert_eq!(info.exercises[1].time_limit, Duration::from_secs(3));
    assert_eq!(info.exercises[1].weight, 2);
    let retry = &info.exercises[1];
    assert_eq!((retry.difficulty, retry.minutes), (3, 20));
    assert_eq!(retry.tasks.len(), 2);
    assert_eq!(retry.task(2).unwrap().title, "The loop");
    assert_eq!(retry.task(2).unwrap().hints.len(), 3);
    assert!(retry.task(0).is_none() && retry.task(3).is_none());
}

#[test]
fn unknown_keys_are_located() {
    let source = GOOD.replace(
        "hints = [\"h1\", \"h2\"]",
        "hints = [\"h1\", \"h2\"]\nhnts = 1",
    );
    let err = error(&source);
    assert!(
        err.starts_with("info.toml:24:1: unknown field `hnts`"),
        "{err}"
    );
    assert!(err.contains("help:"), "{err}");
}

#[test]
fn duplicate_names_point_at_the_second_and_name_the_first_line() {
    let source = GOOD.replace("name = \"retry\"", "name = \"intro1\"");
    let err = error(&source);
    assert!(
        err.starts_with("info.toml:15:8: exercise `intro1` is listed twice (first on line 6)"),
        "{err}"
    );
}

#[test]
fn a_newer_format_is_refused() {
    let err = error(&GOOD.replace("format_version = 2", "format_version = 3"));
    assert!(err.starts_with("info.toml:1:18: format_version 3"), "{err}");
}

#[test]
fn a_format_1_file_is_told_how_to_convert() {
    let v1 = "format_version = 1\nwelcome_message = \"\"\nfinal_message = \"\"\n\
              [[exercises]]\nname = \"a\"\ntopic = \"00_a\"\nhints = [\"h\"]\n";
    let err = error(v1);
    assert!(
        err.starts_with("info.toml:1:1: this info.toml is in format 1"),
        "{err}"
    );
    assert!(
        err.contains("[[exercises.tasks]]") && err.contains("// Task N"),
        "{err}"
    );
}

#[test]
fn tasks_need_titles_and_two_or_three_hints() {
    assert!(
        error(&GOOD.replace("[\"look\", \"closer\"]", "[\"look\"]")).contains("needs 2 or 3 hints")
    );
    assert!(
        error(&GOOD.replace("[\"h3\", \"h4\", \"h5\"]", "[\"a\", \"b\", \"c\", \"d\"]"))
            .contains("task 2 of `retry` needs 2 or 3 hints")
    );
    assert!(
        error(&GOOD.replace("[\"look\", \"closer\"]", "[\"look\", \" \"]")).contains("none empty")
    );
    assert!(error(&GOOD.replace("\"Fix it\"", "\"\"")).contains("needs a title"));
    let no_tasks = GOOD.replace(
        "[[exercises.tasks]]\ntitle = \"Fix it\"\nhints = [\"look\", \"closer\"]\n",
        "tasks = []\n",
    );
    assert!(
        error(&no_tasks).contains("has 0 tasks; it needs 1 to 5"),
        "{}",
        error(&no_tasks)
    );
}

#[test]
fn difficulty_minutes_limits_and_weights_are_bounded() {
    assert!(
        error(&GOOD.replace("difficulty = 3", "difficulty = 6"))
            .contains("difficulty must be from 1 to 5, not 6")
    );
    assert!(
        error(&GOOD.replace("difficulty = 1", "difficulty = 0"))
            .contains("difficulty must be from 1 to 5")
    );
    assert!(
        error(&GOOD.replace("minutes = 5", "minutes = 0"))
            .contains("minutes must be from 1 to 600")
    );
    assert!(
        error(&GOOD.replace("= 3\nweight", "= 0\nweight"))
            .contains("time_limit_secs must be from 1 to 600")
    );
    assert!(
        error(&GOOD.replace("weight = 2", "weight = 0")).contains("weight must be from 1 to 1000")
    );
    assert!(
        error(&GOOD.replace("weight = 2", "weight = 4294967295"))
            .contains("weight must be from 1 to 1000")
    );
}

#[test]
fn names_and_topics_must_be_well_formed() {
    assert!(error(&GOOD.replace("\"retry\"", "\"Retry-x\"")).contains("valid crate name"));
    assert!(error(&GOOD.replace("\"10_resilience\"", "\"resilience\"")).contains("topic folder"));
}

#[test]
fn syntax_errors_are_located() {
    let err = error(&GOOD.replace("hints = [\"h1\", \"h2\"]", "hints = [\"h1\""));
    assert!(err.starts_with("info.toml:"), "{err}");
}

#[test]
fn line_column_counts_characters() {
    assert_eq!(line_column("ab\ncé\nx", 0), (1, 1));
    assert_eq!(line_column("ab\ncé\nx", 3), (2, 1));
    assert_eq!(line_column("ab\ncé\nx", 7), (3, 1));
}

#[test]
fn sandbox_limits_default_and_can_be_raised_within_bounds() {
    let info = Info::parse("info.toml", GOOD).unwrap();
    let defaults = info.exercises[0].resources;
    assert_eq!(defaults.memory_mib, Resources::TESTS.memory_mib);
    assert_eq!(defaults.processes, Resources::TESTS.processes);
    // CPU time follows the time limit: twice it, and a second.
    assert_eq!(defaults.cpu_secs, 21);
    assert_eq!(info.exercises[1].resources.cpu_secs, 7);
    let raised = GOOD.replace(
        "weight = 2",
        "weight = 2\nmemory_mib = 1024\nmax_processes = 100\nfile_size_mib = 64",
    );
    let retry = Info::parse("info.toml", &raised).unwrap().exercises[1].resources;
    assert_eq!(
        (retry.memory_mib, retry.processes, retry.file_size_mib),
        (1024, 100, 64)
    );
    let error = error(&GOOD.replace("weight = 2", "weight = 2\nmax_processes = 1"));
    assert!(
        error.contains("max_processes must be from 2 to 4096, not 1"),
        "{error}"
    );
    assert!(error.contains("info.toml:"), "{error}");
}

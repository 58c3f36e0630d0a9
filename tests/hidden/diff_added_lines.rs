use diff_added_lines::{added_lines, parse_hunk_header, AddedLine, Hunk};

/// The diff made of these lines, each ended by a newline.
fn diff(lines: &[&str]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

fn added(file: &str, line: u32, text: &str) -> AddedLine {
    AddedLine {
        file: file.to_string(),
        line,
        text: text.to_string(),
    }
}

// Task 1: Number the added lines of a hunk
#[test]
fn an_added_line_is_numbered_in_the_new_file() {
    let d = diff(&[
        "--- a/app.env",
        "+++ b/app.env",
        "@@ -4,3 +4,3 @@",
        " A=1",
        "-B=2",
        "+B=3",
        " C=4",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![added("app.env", 5, "B=3")],
        "the hunk starts at new line 4 with the context A=1; the removed B=2 is not in the new \
         file, so the added B=3 is line 5, and it is the only added line"
    );
}

#[test]
fn removed_lines_are_neither_reported_nor_numbered() {
    let d = diff(&[
        "+++ b/notes.txt",
        "@@ -10,4 +10,3 @@",
        " a",
        "-b",
        "-c",
        "+C",
        " e",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![added("notes.txt", 11, "C")],
        "two removed lines take no place in the new file: C follows a (line 10) as line 11"
    );
}

#[test]
fn context_and_added_lines_both_move_the_line_number_on() {
    let d = diff(&[
        "+++ b/list.txt",
        "@@ -1,3 +1,5 @@",
        "+x",
        " a",
        "+y",
        " b",
        "+z",
        " c",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![
            added("list.txt", 1, "x"),
            added("list.txt", 3, "y"),
            added("list.txt", 5, "z")
        ],
        "x is new line 1, a is 2, y is 3, b is 4, z is 5: every context or added line takes \
         one line of the new file"
    );
}

#[test]
fn the_text_is_the_line_without_its_plus() {
    let d = diff(&[
        "+++ b/a.py",
        "@@ -0,0 +1,3 @@",
        "+  indented",
        "+",
        "+x = 1",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![
            added("a.py", 1, "  indented"),
            added("a.py", 2, ""),
            added("a.py", 3, "x = 1")
        ],
        "only the leading + goes: indentation stays, and a lone + is an added empty line"
    );
}

#[test]
fn a_no_newline_remark_is_not_a_line() {
    let d = diff(&[
        "+++ b/VERSION",
        "@@ -1,2 +1,3 @@",
        " name",
        "-1.0.0",
        "\\ No newline at end of file",
        "+1.1.0",
        "+channel=stable",
        "\\ No newline at end of file",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![
            added("VERSION", 2, "1.1.0"),
            added("VERSION", 3, "channel=stable")
        ],
        "'\\ No newline at end of file' belongs to neither file: it neither counts as a line \
         nor moves the numbering on"
    );
}

#[test]
fn an_empty_line_in_a_hunk_is_empty_context() {
    let d = diff(&["+++ b/README", "@@ -1,3 +1,4 @@", " a", "", "+new", " c"]);
    assert_eq!(
        added_lines(&d),
        vec![added("README", 3, "new")],
        "the empty line is an empty context line that lost its space: it is new line 2, so \
         new is line 3"
    );
}

#[test]
fn each_hunk_starts_at_its_own_new_start() {
    let d = diff(&[
        "+++ b/main.rs",
        "@@ -2,2 +2,3 @@ fn main() {",
        " let a = 1;",
        "+let b = 2;",
        " let c = 3;",
        "@@ -40 +41,2 @@ fn helper() {",
        " x",
        "+y",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![added("main.rs", 3, "let b = 2;"), added("main.rs", 42, "y")],
        "the second hunk's numbering starts again at its own +41, whatever came before"
    );
}

#[test]
fn a_new_file_is_numbered_from_one() {
    let d = diff(&[
        "diff --git a/new.txt b/new.txt",
        "new file mode 100644",
        "index 0000000..3b18e51",
        "--- /dev/null",
        "+++ b/new.txt",
        "@@ -0,0 +1,2 @@",
        "+first",
        "+second",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![added("new.txt", 1, "first"), added("new.txt", 2, "second")],
        "a new file's hunk is -0,0 +1,2: its lines are 1 and 2 of new.txt"
    );
}

#[test]
fn a_deleted_file_adds_nothing() {
    let d = diff(&[
        "--- a/old.txt",
        "+++ /dev/null",
        "@@ -1,2 +0,0 @@",
        "-gone",
        "-also gone",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![],
        "every line of a deleted file is removed: no added lines"
    );
}

#[test]
fn a_missing_count_is_one_and_header_text_after_the_numbers_is_ignored() {
    let d = diff(&[
        "+++ b/setup.cfg",
        "@@ -3 +3 @@ [metadata]",
        "-version = 1",
        "+version = 2",
        "+++ b/tox.ini",
        "@@ -0,0 +1 @@",
        "+[tox]",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![
            added("setup.cfg", 3, "version = 2"),
            added("tox.ini", 1, "[tox]")
        ],
        "@@ -3 +3 @@ is a one-line hunk on each side (a missing count is 1), and the section \
         name after the closing @@ is not part of the numbers"
    );
    assert_eq!(
        parse_hunk_header("@@ -3 +3,0 @@ section"),
        Some(Hunk {
            old_start: 3,
            old_count: 1,
            new_start: 3,
            new_count: 0
        }),
        "the given parser reads a missing count as 1"
    );
}

// Task 2: Tell hunk lines from headers by counting them
#[test]
fn an_added_line_that_looks_like_a_header_is_still_added() {
    let d = diff(&[
        "--- a/main.c",
        "+++ b/main.c",
        "@@ -1 +1,3 @@",
        " int i;",
        "+++ i;",
        "+++i;",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![added("main.c", 2, "++ i;"), added("main.c", 3, "++i;")],
        "inside a hunk with new lines still to come, '+++ i;' is the added line '++ i;', not \
         a file header: the hunk's counts decide"
    );
}

#[test]
fn a_removed_line_that_looks_like_a_header_is_still_removed() {
    let d = diff(&[
        "+++ b/query.sql",
        "@@ -1,2 +1,2 @@",
        "--- old comment",
        " SELECT 1;",
        "+-- new comment",
        "+++ b/not-a-file",
        "@@ -9 +9 @@",
        "-x",
        "+y",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![
            added("query.sql", 2, "-- new comment"),
            added("not-a-file", 9, "y")
        ],
        "'--- old comment' is a removed line of the hunk; once both counts are used up, the \
         next '+++' line is a file header again"
    );
}

#[test]
fn every_file_header_names_the_hunks_after_it() {
    let d = diff(&[
        "diff --git a/src/a.rs b/src/a.rs",
        "index 83db48f..bf269f4 100644",
        "--- a/src/a.rs",
        "+++ b/src/a.rs",
        "@@ -1,2 +1,2 @@",
        " fn a() {}",
        "-fn b() {}",
        "+fn b() -> u8 { 1 }",
        "diff --git a/docs/b.md b/docs/b.md",
        "index 1111111..2222222 100644",
        "--- a/docs/b.md",
        "+++ b/docs/b.md",
        "@@ -5,0 +6 @@",
        "+A new paragraph.",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![
            added("src/a.rs", 2, "fn b() -> u8 { 1 }"),
            added("docs/b.md", 6, "A new paragraph.")
        ],
        "the first hunk ends when its counts are used up; the git lines, the --- header and \
         the +++ header of the next file are headers, and +++ b/docs/b.md names the next hunk"
    );
}

#[test]
fn a_gnu_diff_path_ends_at_the_tab_before_its_time() {
    let d = diff(&[
        "--- old/config.ini\t2002-02-21 23:30:39.942229878 -0800",
        "+++ new/config.ini\t2002-02-21 23:30:50.442260588 -0800",
        "@@ -1 +1 @@",
        "-debug = true",
        "+debug = false",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![added("new/config.ini", 1, "debug = false")],
        "GNU diff writes the file's time after a tab: the path is what comes before it"
    );
}

#[test]
fn only_a_leading_b_slash_is_removed() {
    let d = diff(&[
        "+++ b/lib/b/x.rs",
        "@@ -0,0 +1 @@",
        "+one",
        "+++ bin/tool.sh",
        "@@ -0,0 +1 @@",
        "+two",
    ]);
    assert_eq!(
        added_lines(&d),
        vec![
            added("lib/b/x.rs", 1, "one"),
            added("bin/tool.sh", 1, "two")
        ],
        "git's b/ prefix is removed from the front of the path only; a path such as bin/ that \
         merely starts with b is left alone"
    );
}

//! # diff_added_lines: what a change adds, and where, read from its unified diff
//!
//! Shifting checks left means running them on the change itself, before it is merged: a
//! linter, a secret scanner or a licence check that comments on a pull request. Such a check
//! should judge what the change *did*. A line it adds is its doing; a line it removes, or one
//! the diff only shows as context, is not, and a warning on an untouched line teaches authors to
//! ignore the bot. So the first job of any diff-based check is to find the added lines, with the
//! file and the line number a reviewer can jump to.
//!
//! The input is a unified diff as `git diff` or GNU `diff -u` writes it (GNU diffutils manual,
//! "Detailed Description of Unified Format"). Per file there is a `--- old` and a `+++ new`
//! header, then hunks, each opened by `@@ -old_start,old_count +new_start,new_count @@`, whose
//! lines start with a space (context: in both files), `-` (only in the old file) or `+` (only in
//! the new one). A count of 1 may be left out (`@@ -3 +3 @@`). [`parse_hunk_header`] reads that
//! header for you.
//!
//! ## Task 1: Number the added lines of a hunk
//!
//! [`added_lines`] returns every added line, in diff order, with its file and line number:
//! - the new file's line number starts at the hunk's `new_start` and goes up by one for every
//!   context or added line (a removed line is not in the new file);
//! - the text of an added line is the line without its leading `+`;
//! - `\ No newline at end of file` is a remark, not a line of either file, and an empty line
//!   inside a hunk is an empty context line (some tools drop the space of an empty line).
//!
//! Example: after `+++ b/app.env`, the hunk `@@ -4,3 +4,3 @@` with the lines ` A=1`, `-B=2`,
//! `+B=3`, ` C=4` gives one added line: `app.env`, line 5, `B=3`.
//!
//! ## Task 2: Tell hunk lines from headers by counting them
//!
//! - A hunk has exactly as many lines as its header announces: `old_count` lines that are
//!   context or removed, `new_count` that are context or added. Count both down; a line is
//!   part of the hunk while either count is above zero. That is the only way to tell an added
//!   line whose text is `++i;` (shown as `+++i;`) or `++ x` (shown as `+++ x`) from a header.
//! - Outside a hunk, `+++ path` names the file of the hunks that follow: the path ends at the
//!   first tab if there is one (GNU diff writes the file's time after it), and git's `b/`
//!   prefix is removed. An `@@` header opens a hunk; every other line there (`diff --git`,
//!   `index`, `--- path`, `new file mode`) is skipped.
//!
//! Example: `+++ b/main.c`, `@@ -1 +1,2 @@`, ` int i;`, `+++ i;` → `main.c` line 2, `++ i;`.
//!
//! ## Beyond this exercise
//!
//! Real diff readers also handle renames and copies (`rename from`/`rename to`), binary files
//! (`Binary files … differ`), paths quoted in C style when they hold unusual characters, the
//! combined `@@@` diffs of merge commits, and `git diff --no-prefix` (no `b/`). Review tools
//! map these lines back to positions in the pull request so that a comment lands on the line.

/// The numbers of a hunk header `@@ -old_start,old_count +new_start,new_count @@`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hunk {
    /// First line of the hunk in the old file.
    pub old_start: u32,
    /// Lines of the old file in the hunk (context and removed).
    pub old_count: u32,
    /// First line of the hunk in the new file.
    pub new_start: u32,
    /// Lines of the new file in the hunk (context and added).
    pub new_count: u32,
}

/// Reads a hunk header such as `@@ -4,2 +4,3 @@ fn main() {` (a missing count is 1), or
/// returns `None` if `line` is not one.
pub fn parse_hunk_header(line: &str) -> Option<Hunk> {
    let rest = line.strip_prefix("@@ -")?;
    let (ranges, _) = rest.split_once(" @@")?;
    let (old, new) = ranges.split_once(" +")?;
    let range = |r: &str| -> Option<(u32, u32)> {
        match r.split_once(',') {
            Some((start, count)) => Some((start.parse().ok()?, count.parse().ok()?)),
            None => Some((r.parse().ok()?, 1)),
        }
    };
    let (old_start, old_count) = range(old)?;
    let (new_start, new_count) = range(new)?;
    Some(Hunk {
        old_start,
        old_count,
        new_start,
        new_count,
    })
}

/// One line that the diff adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedLine {
    /// The file it is added to (the `+++` path without git's `b/`).
    pub file: String,
    /// Its line number in the new version of the file (from 1).
    pub line: u32,
    /// Its text, without the leading `+`.
    pub text: String,
}

/// Every line the unified diff `diff` adds, with its file and new line number, in diff order.
pub fn added_lines(diff: &str) -> Vec<AddedLine> {
    // TODO: walk the lines: between hunks, follow file and hunk headers; inside a hunk,
    // number the new file's lines and count both sides down to find the hunk's end.
    todo!()
}

/*!
Every path of the layout, in one place. Courses and workbooks share it: a workbook is a course
without solutions and hidden tests. Paths are relative to the root and always use `/`.
*/

/// The folders below a course root whose files make up the exercise set (with `info.toml`).
pub(crate) const COURSE_ROOTS: &[&str] = &["exercises", "solutions", "tests/hidden"];

pub(crate) const INFO: &str = "info.toml";

/// An exercise's crate: `exercises/<topic>/<name>`.
pub(crate) fn exercise_dir(topic: &str, name: &str) -> String {
    format!("exercises/{topic}/{name}")
}

/// The file a student edits first.
pub(crate) fn main_file(topic: &str, name: &str) -> String {
    format!("{}/src/lib.rs", exercise_dir(topic, name))
}

/// The files a model solution changes, at the same paths as in the crate.
pub(crate) fn solution_dir(topic: &str, name: &str) -> String {
    format!("solutions/{topic}/{name}")
}

pub(crate) fn hidden_tests(name: &str) -> String {
    format!("tests/hidden/{name}.rs")
}

/// A topic's page.
pub(crate) fn topic_page(topic: &str) -> String {
    format!("exercises/{topic}/README.md")
}

/// Where a workbook's checks of `name` build.
pub(crate) fn build_dir(name: &str) -> String {
    format!("target/opslings/{name}")
}

/// Where `verify` builds `name` inside a workbook (or a temporary folder).
pub(crate) fn verify_build_dir(name: &str) -> String {
    format!("target/opslings/verify/{name}")
}

/// opslings' own folder in a workbook.
pub(crate) const PRIVATE_DIR: &str = ".opslings";

pub(crate) fn state_file() -> String {
    format!("{PRIVATE_DIR}/state.toml")
}

/// The advisory lock held while the state file is read, changed and written.
pub(crate) fn state_lock() -> String {
    format!("{PRIVATE_DIR}/state.lock")
}

/// The `n`th backup of exercise `name`.
pub(crate) fn backup_dir(name: &str, n: usize) -> String {
    format!("{PRIVATE_DIR}/backups/{name}-{n}")
}

//! The runner through its real binary, on a copy of the fixture workbook in a temp folder.

mod checks;
mod commands;
mod concurrency;
mod conventions;
mod faults;
mod hostile;
mod instructor;
mod merge;
mod reports;
mod signals;
mod watch;
mod watch_layout;

use std::{
    fs,
    path::{Path, PathBuf},
};

use assert_cmd::Command;
use tempfile::TempDir;

/// The fixture exercise set: the course the binary is pointed at with `--course`.
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

/// A student's workbook: a copy of a course in a temp folder.
pub struct Workbook {
    dir: TempDir,
    course: PathBuf,
    /// `XDG_CACHE_HOME` of every opslings run here: a verdict cache of this test's own.
    cache_home: TempDir,
}

impl Default for Workbook {
    fn default() -> Self {
        Self::new()
    }
}

impl Workbook {
    /// A fresh copy of the fixture workbook.
    pub fn new() -> Self {
        Self::of(&fixture())
    }

    pub fn of(course: &Path) -> Self {
        let dir = tempfile::tempdir().unwrap();
        opslings::workbook::copy_tree(course, dir.path()).unwrap();
        Self {
            dir,
            course: course.to_owned(),
            cache_home: tempfile::tempdir().unwrap(),
        }
    }

    /// Where opslings run here keeps its verdict cache (as `XDG_CACHE_HOME`).
    pub fn cache_home(&self) -> &Path {
        self.cache_home.path()
    }

    /// The course the binary is pointed at.
    pub fn course(&self) -> &Path {
        &self.course
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    /// The student's version of the adder exercise.
    pub fn adder(&self, body: &str) -> &Self {
        self.write(
            "exercises/00_basics/adder/src/lib.rs",
            &format!("pub fn add(a: i32, b: i32) -> i32 {{\n    {body}\n}}\n"),
        )
    }

    /// opslings in this workbook, with the fixture set as its course.
    pub fn opslings(&self, args: &[&str]) -> Command {
        let mut cmd = self.bare(args);
        cmd.arg("--course").arg(&self.course);
        cmd
    }

    /// opslings with the workbook itself as its course, for tests that damage the course.
    pub fn with_own_course(&self, args: &[&str]) -> Command {
        let mut cmd = self.bare(args);
        cmd.arg("--course").arg(self.dir.path());
        cmd
    }

    /// opslings in this workbook with the exercise set built into the binary.
    pub fn bare(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("opslings").unwrap();
        cmd.current_dir(self.dir.path())
            .args(args)
            .args(["--color", "never"])
            .env_remove("CARGO_PKG_NAME")
            .env_remove("OPSLINGS_COURSE")
            .env("XDG_CACHE_HOME", self.cache_home());
        cmd
    }
}

/// Runs and returns (exit code, stdout, stderr).
pub fn output(mut cmd: Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

//! Embeds the exercise set (info.toml, exercises, solutions, hidden tests) into the binary, so
//! that checks, resets and grading use the runner's own copy and not files a student can edit.

use std::{env, fs, path::Path, path::PathBuf, process::Command};

#[allow(dead_code)]
#[path = "src/course/paths.rs"]
mod paths;
#[path = "src/course/walk.rs"]
mod walk;

fn main() {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let mut files = vec![root.join(paths::INFO)];
    for dir in paths::COURSE_ROOTS {
        walk::course_files(&root.join(dir), &mut files).expect("the course folders are readable");
    }
    files.sort();

    let mut out = String::from("pub(crate) static FILES: &[(&str, &[u8])] = &[\n");
    for file in &files {
        let rel = file.strip_prefix(&root).expect("collected below the root");
        let rel = rel.to_string_lossy().replace('\\', "/");
        out += &format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            file.display().to_string()
        );
    }
    out += "];\n";
    let dest = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets this")).join("course.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
    println!("cargo:rustc-env=OPSLINGS_VERSION={}", version(&root));

    // Exercises are deliberately not watched: a student edits them, and the binary's copy must
    // stay the original that `reset` restores. An instructor who changes an exercise runs
    // `opslings verify`, which reads the exercise set on disk.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/course/walk.rs");
    println!("cargo:rerun-if-changed=src/course/paths.rs");
    println!("cargo:rerun-if-changed={}", paths::INFO);
    println!("cargo:rerun-if-changed=solutions");
    println!("cargo:rerun-if-changed=tests/hidden");
    commit(&root);
    // Topic pages are course text that students read but do not edit.
    for file in files.iter().filter(|f| f.ends_with("README.md")) {
        println!("cargo:rerun-if-changed={}", file.display());
    }
}

/// The commit the built-in course comes from, for the reports to name: only in opslings' own
/// checkout (a source archive unpacked inside another repository has none of its own).
fn commit(root: &Path) {
    let Some(commit) = git(root, &["rev-parse", "HEAD"]).filter(|_| own_checkout(root)) else {
        return;
    };
    println!("cargo:rustc-env=OPSLINGS_COMMIT={commit}");
    // A new commit or a switch of branch changes these two files.
    let branch = git(root, &["symbolic-ref", "-q", "HEAD"]);
    for path in std::iter::once("HEAD".to_owned()).chain(branch) {
        if let Some(file) = git(root, &["rev-parse", "--git-path", &path]) {
            println!("cargo:rerun-if-changed={}", root.join(file).display());
        }
    }
}

/// Whether `root` is the top of a git checkout of its own.
fn own_checkout(root: &Path) -> bool {
    git(root, &["rev-parse", "--show-toplevel"])
        .is_some_and(|top| fs::canonicalize(top).ok() == fs::canonicalize(root).ok())
}

/// `--version`'s text: the package version, then the course built in, and the commit when built
/// from a git checkout (a source archive or `cargo install` from the registry has none, and
/// builds all the same).
fn version(root: &Path) -> String {
    let text = fs::read_to_string(root.join(paths::INFO)).expect("info.toml is readable");
    let info: toml::Table = text.parse().expect("info.toml is TOML");
    let format = info.get("format_version").and_then(toml::Value::as_integer);
    let exercises = info
        .get("exercises")
        .and_then(toml::Value::as_array)
        .map_or(0, Vec::len);
    let mut version = format!(
        "{} (course: info.toml format {}, {exercises} exercises",
        env::var("CARGO_PKG_VERSION").expect("cargo sets this"),
        format.map_or_else(|| "?".to_owned(), |f| f.to_string())
    );
    // Only opslings' own checkout: a source archive unpacked inside another repository is not one.
    if let Some(commit) =
        git(root, &["rev-parse", "--short=12", "HEAD"]).filter(|_| own_checkout(root))
    {
        version += &format!(", commit {commit}");
        // A new commit or checkout moves HEAD's log; cargo then runs this again.
        if let Some(log) = git(root, &["rev-parse", "--git-path", "logs/HEAD"]) {
            let log = root.join(log);
            if log.is_file() {
                println!("cargo:rerun-if-changed={}", log.display());
            }
        }
    }
    version + ")"
}

/// What git prints for `args` in `root`, or `None` without git or outside a checkout.
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(root)
        .output()
        .ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}

//! Embeds the exercise set (info.toml, exercises, solutions, hidden tests) into the binary, so
//! that checks, resets and grading use the runner's own copy and not files a student can edit.

use std::{env, fs, path::PathBuf};

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

    // Exercises are deliberately not watched: a student edits them, and the binary's copy must
    // stay the original that `reset` restores. An instructor who changes an exercise runs
    // `opslings verify`, which reads the exercise set on disk.
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/course/walk.rs");
    println!("cargo:rerun-if-changed=src/course/paths.rs");
    println!("cargo:rerun-if-changed={}", paths::INFO);
    println!("cargo:rerun-if-changed=solutions");
    println!("cargo:rerun-if-changed=tests/hidden");
    commit();
    // Topic pages are course text that students read but do not edit.
    for file in files.iter().filter(|f| f.ends_with("README.md")) {
        println!("cargo:rerun-if-changed={}", file.display());
    }
}

/// The commit the built-in course comes from, for the reports to name (none outside git).
fn commit() {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
    };
    let Some(commit) = git(&["rev-parse", "HEAD"]) else {
        return;
    };
    println!("cargo:rustc-env=OPSLINGS_COMMIT={commit}");
    // A new commit or a switch of branch changes these two files.
    for path in [
        "HEAD".to_owned(),
        git(&["symbolic-ref", "-q", "HEAD"]).unwrap_or_default(),
    ] {
        if let Some(file) = git(&["rev-parse", "--git-path", &path]).filter(|_| !path.is_empty()) {
            println!("cargo:rerun-if-changed={file}");
        }
    }
}

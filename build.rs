//! Embeds the exercise set (info.toml, exercises, solutions, hidden tests) into the binary, so
//! that checks, resets and grading use the runner's own copy and not files a student can edit.

use std::{
    env, fs,
    path::{Path, PathBuf},
};

/// Folders whose files make up the exercise set, relative to the package root.
const ROOTS: &[&str] = &["exercises", "solutions", "tests/hidden"];

fn main() {
    let root = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets this"));
    let mut files = vec![root.join("info.toml")];
    for dir in ROOTS {
        collect(&root.join(dir), &mut files);
    }
    files.sort();

    let mut out = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for file in &files {
        if !file.exists() {
            continue;
        }
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
    println!("cargo:rerun-if-changed=info.toml");
    println!("cargo:rerun-if-changed=solutions");
    println!("cargo:rerun-if-changed=tests/hidden");
    // Topic pages are course text that students read but do not edit.
    for file in files.iter().filter(|f| f.ends_with("README.md")) {
        println!("cargo:rerun-if-changed={}", file.display());
    }
}

/// Every file below `dir`, skipping build output and hidden files (editor swap files, state).
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "target" || name == "Cargo.lock" {
            continue;
        }
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

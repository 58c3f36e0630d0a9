/*!
One compiler process per check: the student's crate and the hidden tests built together into the
test program, which saves the second rustc's start-up, its second reading of the standard
library's metadata, and the rlib written only to be read back.

The crate is copied into `build/unit/` with a few lines appended to its `lib.rs`: the hidden
tests as a module (`extern crate self` lets them name the crate as they do from outside) and a
`main` that runs them. The student's `lib.rs` stays the crate root, so `crate::` paths, inner
attributes and `mod` files mean what they mean in the crate itself, and line numbers do not move.
Compiler messages are renamed back to the student's paths and the hidden test file's name.

When the pair does not compile, its messages are shown only if they all lie in the student's own
code (what the student's crate alone would say); anything else, such as hidden tests that no
longer compile against the student's code, falls back to the two-step build, whose messages say
which side failed.
*/

use std::{
    fs, io,
    ops::ControlFlow,
    path::{Path, PathBuf},
};

use anyhow::{Context, Result};

use super::{
    Checked, Job, Part, process,
    process::{Cancel, Stop},
    storage, storage_error,
    toolchain::Toolchain,
};
use crate::check::CheckReport;

/// The hidden tests' module in the assembled crate.
const HIDDEN_MODULE: &str = "__opslings_hidden";
/// How many bytes of a crate's `src` are copied; a larger crate is built in two steps.
const MAX_COPY: u64 = 4 * 1024 * 1024;

/// Builds the test program in one rustc: `Continue(Some(binary))` when it compiled,
/// `Continue(None)` when the two-step build must say why it does not.
pub(super) fn compile(
    job: &Job,
    toolchain: &Toolchain,
    cancel: &Cancel,
) -> Result<ControlFlow<Checked, Option<PathBuf>>> {
    let unit = job.build.join("unit");
    let Some(lines) = assemble(job, &job.root.join(&unit))? else {
        return Ok(ControlFlow::Continue(None));
    };
    // How messages name the crate root: the student's lib.rs, which `lines` long ends where the
    // appended lines begin.
    let root = job
        .rename
        .iter()
        .find(|(path, _)| *path == job.src.join("lib.rs"))
        .map_or_else(
            || job.src.join("lib.rs").display().to_string(),
            |(_, name)| name.clone(),
        );
    let ours = Ours {
        hidden: job.hidden_name,
        root: &root,
        lines,
    };
    let binary = job
        .build
        .join(format!("hidden{}", std::env::consts::EXE_SUFFIX));
    let mut rustc = toolchain.rustc(job.root);
    rustc
        .args(["--crate-type", "bin", "--crate-name", job.crate_name])
        .args(["--edition", job.edition])
        .args(super::STUDENT_FLAGS)
        .args(super::FLAGS)
        // rustc refuses `--color` beside `--error-format json`: colour comes with the rendered
        // messages instead.
        .args(["--error-format", "json"])
        .args(job.color.then_some("--json=diagnostic-rendered-ansi"))
        .args(toolchain.dynamic_std());
    // The last prefix that matches is the one rustc uses: the general one first.
    let mut remaps = vec![(unit.clone(), job.src.display().to_string())];
    for (path, name) in &job.rename {
        if let Ok(rest) = path.strip_prefix(&job.src) {
            remaps.push((unit.join(rest), name.clone()));
        }
    }
    remaps.push((
        unit.join(format!("{HIDDEN_MODULE}.rs")),
        job.hidden_name.to_owned(),
    ));
    for (from, to) in &remaps {
        rustc
            .arg("--remap-path-prefix")
            .arg(format!("{}={to}", from.display()));
    }
    rustc.arg("-o").arg(&binary).arg(unit.join("lib.rs"));
    // The sources are copied into the build folder, so the build reads nothing of the student's.
    let policy = super::compile_policy(job, toolchain);
    let done = super::compile(rustc, cancel, policy.as_ref())?;
    super::sandbox_failed(&done, policy.as_ref())?;
    let build = job.root.join(&job.build);
    if matches!(done.stop, Stop::Exited(status) if !status.success())
        && let Some(cause) = storage::Cause::of_build(&done.output, &build)
    {
        return Err(storage::StorageError { cause, build }.into());
    }
    Ok(match done.stop {
        Stop::Exited(status) if status.success() => ControlFlow::Continue(Some(binary)),
        Stop::Cancelled => ControlFlow::Break(Checked::Cancelled),
        // A compile stopped at a limit would only be stopped again in two steps: say which.
        Stop::Exited(status) if super::out_of_cpu(status) => limit_hit(job, done, policy)?,
        Stop::TimedOut => limit_hit(job, done, policy)?,
        Stop::Exited(_) => match own_errors(&done.output, &ours) {
            Some(messages) => ControlFlow::Break(Checked::Report(CheckReport::compile_error(
                job.hidden,
                Part::Exercise,
                messages,
            ))),
            None => ControlFlow::Continue(None),
        },
        Stop::OutputCapped => ControlFlow::Continue(None),
    })
}

/// The verdict of a compile that hit its time or CPU limit, in the words of the two-step build.
fn limit_hit(
    job: &Job,
    done: process::Finished,
    policy: Option<super::Policy>,
) -> Result<ControlFlow<Checked, Option<PathBuf>>> {
    Ok(
        match super::compiled(job, Part::Exercise, done, policy.as_ref())? {
            ControlFlow::Break(checked) => ControlFlow::Break(checked),
            ControlFlow::Continue(()) => ControlFlow::Continue(None),
        },
    )
}

/// Copies the crate's sources to `unit` and appends the hidden tests and `main`, returning how
/// many lines the student's `lib.rs` has; `None` when the crate is not one this can copy (too
/// large, or not there), for the two-step build to judge.
fn assemble(job: &Job, unit: &Path) -> Result<Option<usize>> {
    match fs::remove_dir_all(unit) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            return Err(storage_error(job, e))
                .with_context(|| format!("Failed to clear {}", unit.display()));
        }
        _ => {}
    }
    let mut budget = MAX_COPY;
    if !copy_sources(&job.root.join(&job.src), unit, 0, &mut budget)
        .map_err(|e| storage_error(job, e))
        .with_context(|| format!("Failed to copy the crate into {}", unit.display()))?
    {
        return Ok(None);
    }
    if reaches_into_the_tests(unit) {
        return Ok(None);
    }
    let lib = unit.join("lib.rs");
    let Ok(mut root) = fs::read(&lib) else {
        return Ok(None);
    };
    let lines = root.iter().filter(|&&b| b == b'\n').count() + 1;
    root.extend_from_slice(
        format!(
            "\nextern crate self as {name};\n#[path = \"{HIDDEN_MODULE}.rs\"]\nmod {HIDDEN_MODULE};\n\
             fn main() {{\n    {HIDDEN_MODULE}::main()\n}}\n",
            name = job.crate_name
        )
        .as_bytes(),
    );
    let write = |path: PathBuf, bytes: &[u8]| {
        fs::write(&path, bytes)
            .map_err(|e| storage_error(job, e))
            .with_context(|| format!("Failed to write {}", path.display()))
    };
    write(lib, &root)?;
    write(
        unit.join(format!("{HIDDEN_MODULE}.rs")),
        job.hidden.program.as_bytes(),
    )?;
    Ok(Some(lines))
}

/// Whether the crate holds what would change the hidden tests once they are one of its modules:
/// a `macro_rules!` is in scope in every module declared after it (a crate's own `assert_eq!`
/// would replace std's in the tests), and an `extern crate … as` at the root renames a crate
/// (`std`, say) for every module. Such a crate is built in two steps, where it cannot.
fn reaches_into_the_tests(dir: &Path) -> bool {
    let Ok(entries) = fs::read_dir(dir) else {
        return true;
    };
    entries.flatten().any(|entry| {
        let path = entry.path();
        if path.is_dir() {
            return reaches_into_the_tests(&path);
        }
        fs::read_to_string(&path).map_or(true, |text| {
            text.contains("macro_rules") || text.contains("extern crate")
        })
    })
}

/// Copies the regular files below `from` to `to`; false when there is more than `budget` bytes
/// or folders nest too deep. Links are not followed.
fn copy_sources(from: &Path, to: &Path, depth: usize, budget: &mut u64) -> io::Result<bool> {
    if depth > 8 {
        return Ok(false);
    }
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let dest = to.join(entry.file_name());
        if kind.is_dir() {
            if !copy_sources(&entry.path(), &dest, depth + 1, budget)? {
                return Ok(false);
            }
        } else if kind.is_file() {
            let len = entry.metadata()?.len();
            if len > *budget {
                return Ok(false);
            }
            *budget -= len;
            fs::copy(entry.path(), dest)?;
        }
    }
    Ok(true)
}

/// What the assembled crate adds to the student's: the hidden test file and the lines appended
/// to the crate root, as compiler messages name them.
struct Ours<'a> {
    hidden: &'a str,
    root: &'a str,
    /// The lines of the student's own `lib.rs`; later ones are ours.
    lines: usize,
}

/// The messages of a failed build when none of them touches what the assembled crate added, as
/// the student's crate alone would show them; `None` when one does, or they cannot be read.
fn own_errors(output: &str, ours: &Ours) -> Option<String> {
    let mut rendered = String::new();
    let mut errors = 0;
    for line in output.lines().filter(|l| !l.trim().is_empty()) {
        let diagnostic: Diagnostic = serde_json::from_str(line).ok()?;
        if diagnostic.touches(ours) {
            return None;
        }
        if diagnostic.level == "error" && !diagnostic.spans.is_empty() {
            errors += 1;
        }
        rendered.push_str(diagnostic.rendered.as_deref().unwrap_or_default());
    }
    (errors > 0).then_some(rendered)
}

#[derive(serde::Deserialize)]
struct Diagnostic {
    level: String,
    #[serde(default)]
    spans: Vec<Span>,
    #[serde(default)]
    children: Vec<Diagnostic>,
    rendered: Option<String>,
}

#[derive(serde::Deserialize)]
struct Span {
    file_name: String,
    line_end: usize,
}

impl Diagnostic {
    fn touches(&self, ours: &Ours) -> bool {
        let span_is_ours = |s: &Span| {
            s.file_name == ours.hidden || (s.file_name == ours.root && s.line_end > ours.lines)
        };
        self.spans.iter().any(span_is_ours) || self.children.iter().any(|c| c.touches(ours))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::check::harness::HiddenTests;

    /// The pair compiles in one rustc with colour and without: with colour, rustc refuses
    /// `--color` beside `--error-format json`, and a refusal would send every check of watch
    /// mode (which has colour) to the slower two-step build.
    #[test]
    fn a_crate_and_its_tests_build_in_one_rustc_with_or_without_colour() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("src")).unwrap();
        fs::write(
            dir.path().join("src/lib.rs"),
            "pub fn add(a: u32, b: u32) -> u32 { a + b }\n",
        )
        .unwrap();
        let hidden = HiddenTests::parse(
            "use demo::add;\n// Task 1\n#[test]\nfn adds() {\n    assert_eq!(add(1, 2), 3);\n}\n",
        )
        .unwrap();
        for color in [false, true] {
            let job = Job {
                crate_name: "demo",
                edition: "2021",
                hidden: &hidden,
                hidden_name: "tests/hidden/demo.rs",
                time_limit: Duration::from_secs(10),
                root: dir.path(),
                src: "src".into(),
                build: "target/demo".into(),
                color,
                rename: Vec::new(),
                sandbox: crate::check::SandboxMode::Off,
                resources: crate::check::Resources::TESTS,
                cache: None,
            };
            fs::create_dir_all(dir.path().join(&job.build)).unwrap();
            let built = compile(&job, Toolchain::get().unwrap(), &Cancel::default()).unwrap();
            assert!(
                matches!(built, ControlFlow::Continue(Some(_))),
                "colour {color}: {built:?}"
            );
        }
    }
}

//! The conventions of a command-line tool: colour by the usual variables, help with examples,
//! shell completions, a man page, and a `--version` that names the course.

use std::{fs, path::Path, process::Command as Process};

use assert_cmd::Command;

use crate::{Workbook, output};

/// Every command `--help` lists, but `help` itself.
const COMMANDS: &[&str] = &[
    "watch",
    "run",
    "hint",
    "list",
    "reset",
    "explain",
    "verify",
    "grade",
    "init",
    "completions",
    "man",
];

/// opslings in `wb` with no colour flag and none of the colour variables of the caller.
fn uncoloured(wb: &Workbook, args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::cargo_bin("opslings").unwrap();
    cmd.current_dir(wb.path(""))
        .args(args)
        .arg("--course")
        .arg(wb.course());
    for var in [
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "TERM",
        "COLUMNS",
        "OPSLINGS_COURSE",
    ] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    cmd
}

fn coloured(out: &str) -> bool {
    out.contains("\x1b[")
}

#[test]
fn clicolor_force_colours_piped_output() {
    let wb = Workbook::new();
    let (code, plain, _) = output(uncoloured(&wb, &["list"], &[]));
    assert_eq!(code, 0);
    assert!(!coloured(&plain), "{plain:?}");
    let (_, forced, _) = output(uncoloured(&wb, &["list"], &[("CLICOLOR_FORCE", "1")]));
    assert!(coloured(&forced), "{forced:?}");
    // Colour, but no links and no wrapping: the output is still not a terminal.
    assert!(!forced.contains("\x1b]8;"), "{forced:?}");
}

#[test]
fn no_color_wins_over_clicolor_force_but_not_over_the_flag() {
    let wb = Workbook::new();
    let both = [("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")];
    let (_, out, _) = output(uncoloured(&wb, &["list"], &both));
    assert!(!coloured(&out), "{out:?}");
    let (_, out, _) = output(uncoloured(&wb, &["list", "--color", "always"], &both));
    assert!(coloured(&out), "{out:?}");
    let force = [("CLICOLOR_FORCE", "1")];
    let (_, out, _) = output(uncoloured(&wb, &["list", "--color", "never"], &force));
    assert!(!coloured(&out), "{out:?}");
}

#[test]
fn a_pipe_keeps_whole_lines_whatever_columns_says() {
    let wb = Workbook::new();
    let (_, out, _) = output(uncoloured(
        &wb,
        &["explain", "basics"],
        &[("COLUMNS", "20")],
    ));
    let (_, wide, _) = output(uncoloured(&wb, &["explain", "basics"], &[]));
    assert!(wide.lines().any(|l| l.len() > 20), "{wide}");
    assert_eq!(out, wide);
}

#[test]
fn every_command_s_help_ends_with_examples() {
    let wb = Workbook::new();
    for name in COMMANDS {
        let (code, help, _) = output(uncoloured(&wb, &[name, "--help"], &[]));
        assert_eq!(code, 0, "{name}: {help}");
        let examples = help
            .rsplit_once("\nExamples:\n")
            .map(|(_, examples)| examples)
            .unwrap_or_else(|| panic!("`{name} --help` has no examples:\n{help}"));
        assert!(
            examples
                .lines()
                .all(|l| l.starts_with(&format!("  opslings {name}"))),
            "{name}: {examples}"
        );
    }
}

#[test]
fn the_bash_completion_script_is_valid_bash() {
    let wb = Workbook::new();
    let (code, script, _) = output(uncoloured(&wb, &["completions", "bash"], &[]));
    assert_eq!(code, 0);
    for name in COMMANDS {
        assert!(script.contains(name), "no `{name}` in the script");
    }
    assert!(!script.contains("__exec"));
    let file = wb.path("opslings.bash");
    fs::write(&file, &script).unwrap();
    let check = Process::new("bash").arg("-n").arg(&file).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn completions_exist_for_every_shell_clap_knows() {
    let wb = Workbook::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, script, err) = output(uncoloured(&wb, &["completions", shell], &[]));
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(script.contains("grade"), "{shell}: {script}");
    }
    let (code, _, err) = output(uncoloured(&wb, &["completions", "tcsh"], &[]));
    assert_eq!(code, 2);
    assert!(err.contains("possible values: bash"), "{err}");
}

#[test]
fn the_man_page_is_roff_that_names_every_command() {
    let wb = Workbook::new();
    let (code, page, _) = output(uncoloured(&wb, &["man"], &[]));
    assert_eq!(code, 0);
    let title = page
        .lines()
        .find(|l| !l.starts_with(".ie") && !l.starts_with(".el"));
    assert!(
        title.is_some_and(|t| t.starts_with(".TH opslings 1 ")),
        "{page}"
    );
    for name in COMMANDS {
        assert!(
            page.contains(&format!("opslings\\-{name}(1)")),
            "no {name}: {page}"
        );
    }
    assert!(!page.contains("__exec"));
    let (code, page, _) = output(uncoloured(&wb, &["man", "verify"], &[]));
    assert_eq!(code, 0);
    assert!(page.contains(".TH opslings\\-verify 1 ") || page.contains(".TH opslings-verify 1 "));
    assert!(page.contains(".SH EXAMPLES\n.nf\n"), "{page}");
}

#[test]
fn version_names_the_course_built_in() {
    let info = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("info.toml")).unwrap();
    let info: toml::Table = info.parse().unwrap();
    let exercises = info["exercises"].as_array().unwrap().len();
    let format = info["format_version"].as_integer().unwrap();
    let wb = Workbook::new();
    let (code, version, _) = output(uncoloured(&wb, &["--version"], &[]));
    assert_eq!(code, 0);
    let expected = format!(
        "opslings {} (course: info.toml format {format}, {exercises} exercises",
        env!("CARGO_PKG_VERSION")
    );
    assert!(version.starts_with(&expected), "{version}");
    assert!(version.trim_end().ends_with(')'), "{version}");
}

/// What `opslings run` shows in a terminal `cols` wide, run in a workbook in `dir`: the bytes
/// written and the screen they make.
#[cfg(unix)]
fn run_in_terminal(dir: &Path, course: &Path, cols: u16) -> (String, vt100::Parser) {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;

    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 60,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_opslings"));
    cmd.args(["run", "--course"]);
    cmd.arg(course);
    cmd.cwd(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env("FORCE_HYPERLINK", "1");
    for var in [
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "CARGO_PKG_NAME",
    ] {
        cmd.env_remove(var);
    }
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let reading = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        // Ends with EOF or EIO once the program has exited.
        let _ = reader.read_to_end(&mut bytes);
        bytes
    });
    child.wait().unwrap();
    drop(pty.master);
    let bytes = reading.join().unwrap();
    let mut screen = vt100::Parser::new(60, cols, 0);
    screen.process(&bytes);
    (String::from_utf8_lossy(&bytes).into_owned(), screen)
}

#[cfg(unix)]
#[test]
fn in_a_terminal_run_wraps_at_words_and_links_into_a_folder_named_oddly() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("my wb#1");
    let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
    opslings::workbook::copy_tree(&course, &dir).unwrap();
    let (written, parser) = run_in_terminal(&dir, &course, 50);
    let file = url::Url::from_file_path(dir.join("exercises/00_basics/adder/src/lib.rs")).unwrap();
    assert!(file.as_str().contains("my%20wb%231"), "{file}");
    // The header's path and the todo!() location in the verdict.
    let link = format!("\x1b]8;;{file}\x1b\\");
    assert_eq!(written.matches(&link).count(), 2, "{written:?}");
    let screen = parser.screen();
    let text = screen.contents();
    assert!(
        text.contains(
            "  ✗ 2 tests stopped at the todo!() in\n    \
             exercises/00_basics/adder/src/lib.rs:8:5:\n    write that code\n\n\
             · Task 2: Keep zero neutral: 1 hidden test, not\n  started yet\n"
        ),
        "{text}"
    );
    // opslings broke every long line itself, at a space: the terminal wrapped none.
    let wrapped: Vec<u16> = (0..60).filter(|&row| screen.row_wrapped(row)).collect();
    assert!(
        wrapped.is_empty(),
        "rows {wrapped:?} wrapped by the terminal:\n{text}"
    );
}

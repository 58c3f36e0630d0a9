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

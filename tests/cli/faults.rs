//! Faults of the machine and odd files: a full disk, a FIFO where a file should be, report
//! paths that cannot be written, and weights at their bounds.

use std::{fs, path::Path, process::Command, time::Duration};

use crate::{Workbook, output};

const ADDER: &str = "exercises/00_basics/adder/src/lib.rs";

/// Whether this machine lets a test mount a tmpfs in a mount namespace of its own.
fn can_mount(dir: &Path) -> bool {
    Command::new("unshare")
        .args(["-m", "mount", "-t", "tmpfs", "-o", "size=4k", "none"])
        .arg(dir)
        .output()
        .is_ok_and(|out| out.status.success())
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_named_and_never_blamed_on_the_code() {
    let wb = Workbook::new();
    wb.adder("a + b");
    let build = wb.path("target/opslings/adder");
    fs::create_dir_all(&build).unwrap();
    if !can_mount(&build) {
        eprintln!("skipped: this machine does not let a test mount a tmpfs");
        return;
    }
    // The build folder is a 32 KiB disk (room for the sources, not for the test program), in a
    // mount namespace that ends with the command.
    let script = format!(
        "mount -t tmpfs -o size=32k none {} && exec \"$@\"",
        build.display()
    );
    let mut cmd = Command::new("unshare");
    cmd.args(["-m", "sh", "-c", &script, "sh"])
        .arg(env!("CARGO_BIN_EXE_opslings"))
        .args(["run", "adder", "--color", "never", "--course"])
        .arg(wb.course())
        .current_dir(wb.path(""))
        .env_remove("CARGO_PKG_NAME")
        .env("XDG_CACHE_HOME", wb.cache_home());
    let out = cmd.output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("The disk is full"), "{text}");
    assert!(text.contains("target/opslings/adder"), "{text}");
    assert!(
        !text.contains("cannot use your crate") && !text.contains("does not compile"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn reset_replaces_a_fifo_without_opening_it() {
    let wb = Workbook::new();
    let original = wb.read(ADDER);
    fs::remove_file(wb.path(ADDER)).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(wb.path(ADDER))
            .status()
            .unwrap()
            .success()
    );
    let mut cmd = wb.opslings(&["reset", "adder"]);
    cmd.timeout(Duration::from_secs(20));
    let (code, out, err) = output(cmd);
    assert_eq!(code, 0, "{out}{err}");
    assert!(fs::symlink_metadata(wb.path(ADDER)).unwrap().is_file());
    assert_eq!(wb.read(ADDER), original);
}

#[cfg(unix)]
#[test]
fn a_report_file_gets_the_mode_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let wb = Workbook::new();
    let program = env!("CARGO_BIN_EXE_opslings");
    let script = format!(
        "umask 022 && exec {program} verify adder --output report.json --format json \
         --color never --course {}",
        wb.course().display()
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .current_dir(wb.path(""))
        .output()
        .unwrap();
    assert!(out.status.code().is_some(), "{out:?}");
    let mode = fs::metadata(wb.path("report.json"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}

#[test]
fn an_output_path_that_cannot_be_written_is_refused_before_any_check() {
    let wb = Workbook::new();
    fs::create_dir_all(wb.path("reports")).unwrap();
    for (path, why) in [
        ("reports", "it is a folder"),
        ("missing/report.xml", "does not exist"),
    ] {
        let (code, out, err) = output(wb.opslings(&["grade", ".", "--output", path]));
        assert_eq!(code, 2, "{out}{err}");
        assert!(
            err.contains(&format!("Cannot write the report to {path}: ")) && err.contains(why),
            "{err}"
        );
        assert!(!err.contains("Grading"), "refused before any work: {err}");
    }
}

#[test]
fn weights_are_bounded_and_summed_without_overflow() {
    let wb = Workbook::new();
    let info = wb.read("info.toml");
    wb.write(
        "info.toml",
        &info.replace("minutes = 2\n", "minutes = 2\nweight = 4294967295\n"),
    );
    let (code, _, err) = output(wb.with_own_course(&["list"]));
    assert_eq!(code, 2);
    assert!(err.contains("weight"), "{err}");

    wb.write(
        "info.toml",
        &info.replace("minutes = 2\n", "minutes = 2\nweight = 1000\n"),
    );
    let (_, out, err) = output(wb.with_own_course(&["grade", "nobody", "--format", "json"]));
    let report: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    assert_eq!(report["max_points"], 2000);
}

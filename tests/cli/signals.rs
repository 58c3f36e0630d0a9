//! Signals: Ctrl-C, a closed terminal (SIGHUP), SIGTERM and SIGKILL leave no test program
//! running, and give the terminal back in cooked mode.
#![cfg(target_os = "linux")]

use std::{
    fs,
    process::Command,
    thread,
    time::{Duration, Instant},
};

use nix::sys::termios::LocalFlags;

use crate::{Workbook, watch::Screen};

const PATIENCE: Duration = Duration::from_secs(40);

/// The test programs built in `wb` that are running (found by their path, in /proc).
fn test_programs(wb: &Workbook) -> Vec<u32> {
    let root = wb.path("");
    let root = root.file_name().unwrap().to_string_lossy().into_owned();
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            // The program itself (its argv[0]), not rustc building it.
            fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| {
                let program = c.split(|&b| b == 0).next().unwrap_or_default();
                let program = String::from_utf8_lossy(program);
                program.contains(&root) && program.ends_with("target/opslings/adder/hidden")
            })
        })
        .collect()
}

/// A workbook whose adder spins until its time limit, and the terminal checking it, once its
/// test program is running.
fn spinning(args: &[&str]) -> (Workbook, Screen) {
    let wb = Workbook::new();
    wb.adder("loop {}");
    let screen = Screen::start(&wb, args, 40, 120);
    let started = Instant::now();
    while test_programs(&wb).is_empty() {
        assert!(
            started.elapsed() < PATIENCE,
            "the test program never started"
        );
        thread::sleep(Duration::from_millis(10));
    }
    (wb, screen)
}

fn send(screen: &Screen, signal: &str) {
    let pid = screen.child.process_id().unwrap().to_string();
    assert!(
        Command::new("kill")
            .args(["-s", signal, &pid])
            .status()
            .unwrap()
            .success()
    );
}

/// Waits for opslings to end and returns its exit code.
fn ended(screen: &mut Screen) -> u32 {
    let started = Instant::now();
    loop {
        if let Some(status) = screen.child.try_wait().unwrap() {
            return status.exit_code();
        }
        assert!(
            started.elapsed() < PATIENCE,
            "opslings did not stop:\n{}",
            screen.text()
        );
        thread::sleep(Duration::from_millis(10));
    }
}

/// Asserts that no test program is left a second after opslings ended (killing any, so that
/// a failure leaves none either).
fn none_left(wb: &Workbook) {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(1) && !test_programs(wb).is_empty() {
        thread::sleep(Duration::from_millis(10));
    }
    let left = test_programs(wb);
    for pid in &left {
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
    }
    assert!(left.is_empty(), "test programs still running: {left:?}");
}

fn assert_cooked(screen: &Screen) {
    let flags = screen.master.get_termios().unwrap().local_flags;
    assert!(
        flags.contains(LocalFlags::ICANON | LocalFlags::ECHO),
        "the terminal is left in raw mode"
    );
}

#[test]
fn ctrl_c_during_run_stops_the_test_program_and_exits_130() {
    let (wb, mut screen) = spinning(&["run", "adder"]);
    screen.press("\x03");
    assert_eq!(ended(&mut screen), 130);
    none_left(&wb);
    assert_cooked(&screen);
}

#[test]
fn sighup_in_watch_mode_stops_the_test_program_and_restores_the_terminal() {
    let (wb, mut screen) = spinning(&[]);
    send(&screen, "HUP");
    assert_eq!(ended(&mut screen), 129);
    none_left(&wb);
    assert_cooked(&screen);
}

#[test]
fn sigterm_in_watch_mode_restores_the_terminal_and_exits_143() {
    let (wb, mut screen) = spinning(&[]);
    send(&screen, "TERM");
    assert_eq!(ended(&mut screen), 143);
    none_left(&wb);
    assert_cooked(&screen);
}

#[test]
fn sigkill_of_opslings_takes_its_test_program_with_it() {
    // Outside a terminal: closing one would hang the program up whatever opslings does.
    let wb = Workbook::new();
    wb.adder("loop {}");
    let mut opslings = Command::new(env!("CARGO_BIN_EXE_opslings"))
        .args(["run", "adder", "--color", "never", "--course"])
        .arg(wb.course())
        .current_dir(wb.path(""))
        .env_remove("CARGO_PKG_NAME")
        .env("XDG_CACHE_HOME", wb.cache_home())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while test_programs(&wb).is_empty() {
        assert!(
            started.elapsed() < PATIENCE,
            "the test program never started"
        );
        thread::sleep(Duration::from_millis(10));
    }
    opslings.kill().unwrap();
    opslings.wait().unwrap();
    none_left(&wb);
}

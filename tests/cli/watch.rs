//! Watch mode through the real binary in a pseudo-terminal, read back as a screen.

use std::{
    io::{Read, Write},
    sync::{Arc, Mutex},
    thread,
    time::{Duration, Instant},
};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use crate::Workbook;

const PATIENCE: Duration = Duration::from_secs(40);
const ADDER: &str = "exercises/00_basics/adder/src/lib.rs";

/// opslings in a terminal of its own.
pub(crate) struct Screen {
    pub(crate) parser: Arc<Mutex<vt100::Parser>>,
    /// Everything the program wrote.
    pub(crate) written: Arc<Mutex<Vec<u8>>>,
    /// Every screen shown, to check what was on screen in between: the screen is redrawn only
    /// where it changed, so the bytes written do not hold its text in one piece.
    pub(crate) shown: Arc<Mutex<Vec<String>>>,
    pub(crate) keys: Box<dyn Write + Send>,
    pub(crate) child: Box<dyn Child + Send + Sync>,
    pub(crate) master: Box<dyn MasterPty + Send>,
}

impl Screen {
    pub(crate) fn start(wb: &Workbook, args: &[&str], rows: u16, cols: u16) -> Self {
        Self::start_with(wb, args, rows, cols, &[])
    }

    pub(crate) fn start_with(
        wb: &Workbook,
        args: &[&str],
        rows: u16,
        cols: u16,
        env: &[(&str, &str)],
    ) -> Self {
        let mut args = args.to_vec();
        let course = wb.course().to_string_lossy().into_owned();
        args.extend(["--course", &course]);
        // Each workbook has a verdict cache of its own, so that no test sees another's.
        let cache = wb.cache_home().to_string_lossy().into_owned();
        let mut env = env.to_vec();
        env.insert(0, ("XDG_CACHE_HOME", &cache));
        Self::spawn(&wb.path(""), &args, rows, cols, &env)
    }

    /// opslings in `dir` with `args` and nothing added.
    pub(crate) fn spawn(
        dir: &std::path::Path,
        args: &[&str],
        rows: u16,
        cols: u16,
        env: &[(&str, &str)],
    ) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_opslings"));
        cmd.args(args);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("CARGO_PKG_NAME");
        cmd.env_remove("NO_COLOR");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let written = Arc::new(Mutex::new(Vec::new()));
        let shown = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let (p, w, s) = (parser.clone(), written.clone(), shown.clone());
        thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut parser = p.lock().unwrap();
                parser.process(&buf[..n]);
                w.lock().unwrap().extend_from_slice(&buf[..n]);
                let screen = parser.screen().contents();
                let mut shown = s.lock().unwrap();
                if shown.last() != Some(&screen) {
                    shown.push(screen);
                }
            }
        });
        let keys = pty.master.take_writer().unwrap();
        Self {
            parser,
            written,
            shown,
            keys,
            child,
            master: pty.master,
        }
    }

    pub(crate) fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows every one of `texts`, and returns it.
    pub(crate) fn wait_for(&self, texts: &[&str]) -> String {
        let started = Instant::now();
        loop {
            let screen = self.text();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "waited for {texts:?}; the screen shows:\n{screen}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub(crate) fn press(&mut self, keys: &str) {
        self.keys.write_all(keys.as_bytes()).unwrap();
        self.keys.flush().unwrap();
    }

    pub(crate) fn written_since(&self, mark: usize) -> String {
        String::from_utf8_lossy(&self.written.lock().unwrap()[mark..]).into_owned()
    }

    /// How many screens have been shown so far, for [`Self::shown_since`].
    pub(crate) fn mark(&self) -> usize {
        self.shown.lock().unwrap().len()
    }

    /// The screens shown since `mark`, one after another.
    pub(crate) fn shown_since(&self, mark: usize) -> String {
        self.shown.lock().unwrap()[mark..].join("\n")
    }

    /// Resizes the terminal, and the emulator reading it.
    pub(crate) fn resize(&self, rows: u16, cols: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(rows, cols);
    }

    /// The rows of the screen.
    pub(crate) fn rows(&self) -> Vec<String> {
        let parser = self.parser.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser.screen().rows(0, cols).collect()
    }

    /// Presses `q` and waits for the program to end; returns whether it succeeded.
    pub(crate) fn quit(&mut self) -> bool {
        self.press("q");
        let started = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            assert!(
                started.elapsed() < PATIENCE,
                "q did not end watch mode:\n{}",
                self.text()
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn first_verdict(screen: &Screen) {
    screen.wait_for(&[
        "Exercise 1/2: adder (00_basics)",
        "3 of 3 hidden tests failed",
    ]);
}

#[test]
fn the_first_screen_shows_the_exercise_its_verdict_progress_and_keys() {
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &["watch"], 40, 120);
    let text = screen.wait_for(&["3 of 3 hidden tests failed"]);
    for part in [
        "Welcome to the fixture workbook.",
        "Exercise 1/2: adder (00_basics)",
        ADDER,
        "✗ Task 1 of 2: Add two numbers",
        "✗ 2 tests stopped at the todo!() in exercises/00_basics/adder/src/lib.rs:8:5",
        "· Task 2: Keep zero neutral: 1 hidden test, not started yet",
        "Progress: [",
        "] 0/2",
        "Watching for changes: save the file to check it.",
        "h hint  l list  r re-run  n next  x reset  e explain  q quit",
    ] {
        assert!(
            text.contains(part),
            "the first screen shows {part:?}:\n{text}"
        );
    }
    assert!(screen.quit());
}

#[test]
fn a_save_that_fixes_the_exercise_moves_on() {
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &[], 40, 120);
    first_verdict(&screen);
    wb.adder("a + b");
    let text = screen.wait_for(&[
        "✓ adder passes all its hidden tests",
        "Exercise 2/2: greeter",
        "1 of 1 hidden tests failed",
    ]);
    assert!(
        text.contains("A model solution is in solutions/00_basics/adder"),
        "{text}"
    );
    assert!(text.contains("] 1/2"), "{text}");
    assert!(
        wb.read(".opslings/state.toml")
            .contains("done = [\"adder\"]")
    );
    assert!(screen.quit());
}

#[test]
fn a_save_during_a_check_ends_on_the_verdict_of_the_latest_content() {
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &[], 40, 120);
    first_verdict(&screen);
    // A passing save, then at once a save that breaks the code: the pass must not count.
    wb.adder("a + b");
    thread::sleep(Duration::from_millis(80));
    wb.adder("a +");
    screen.wait_for(&["Exercise 1/2: adder", "adder does not compile yet"]);
    thread::sleep(Duration::from_millis(1500));
    let text = screen.wait_for(&["adder does not compile yet"]);
    assert!(!text.contains("passes"), "{text}");
    assert!(
        !wb.read(".opslings/state.toml")
            .contains("done = [\"adder\"]")
    );

    // A slow check (its tests sleep), then a fixing save while it runs.
    wb.adder("std::thread::sleep(std::time::Duration::from_millis(700)); a - b");
    thread::sleep(Duration::from_millis(900));
    let mark = screen.mark();
    wb.adder("a + b");
    screen.wait_for(&[
        "✓ adder passes all its hidden tests",
        "Exercise 2/2: greeter",
    ]);
    let shown = screen.shown_since(mark);
    assert!(
        !shown.contains("stopped after"),
        "the stale check's verdict never reaches the screen: {shown}"
    );
    assert!(screen.quit());
}

#[test]
fn a_save_by_rename_is_seen() {
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &[], 40, 120);
    first_verdict(&screen);
    // As vim and many editors do: write a new file beside it, then rename it over the old one.
    wb.write(
        "exercises/00_basics/adder/src/lib.rs.tmp",
        "pub fn add(a: i32, b: i32) -> i32 { a + b }\n",
    );
    std::fs::rename(
        wb.path("exercises/00_basics/adder/src/lib.rs.tmp"),
        wb.path(ADDER),
    )
    .unwrap();
    screen.wait_for(&[
        "✓ adder passes all its hidden tests",
        "Exercise 2/2: greeter",
    ]);
    assert!(screen.quit());
}

#[test]
fn polling_notices_a_save() {
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &["watch", "--poll"], 40, 120);
    first_verdict(&screen);
    screen.wait_for(&["Checking for changes every 0.5 s: as asked (--poll)."]);
    wb.adder("a + b");
    screen.wait_for(&[
        "✓ adder passes all its hidden tests",
        "Exercise 2/2: greeter",
    ]);
    assert!(screen.quit());
}

#[test]
fn manual_mode_checks_only_on_r() {
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &["watch", "--manual"], 40, 120);
    first_verdict(&screen);
    screen.wait_for(&["Manual mode: press r to check."]);
    wb.adder("a + b");
    thread::sleep(Duration::from_millis(1000));
    assert!(
        screen.text().contains("3 of 3 hidden tests failed"),
        "no check without r"
    );
    screen.press("r");
    screen.wait_for(&[
        "✓ adder passes all its hidden tests",
        "Exercise 2/2: greeter",
    ]);
    assert!(screen.quit());
}

#[test]
fn an_endless_loop_is_stopped_and_the_screen_says_so() {
    let wb = Workbook::new();
    wb.adder("loop {}");
    let mut screen = Screen::start(&wb, &[], 40, 120);
    screen.wait_for(&["stopped after 2 s during `adds_small_numbers`"]);
    assert!(screen.quit());
}

#[test]
fn keys_show_hints_the_list_the_topic_and_ask_before_a_reset() {
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &[], 40, 120);
    first_verdict(&screen);
    screen.press("h");
    screen.wait_for(&["Hint 1/2 (task 1): Add the two numbers."]);
    screen.press("h");
    screen.wait_for(&["Hint 2/2 (task 1): Use the + operator."]);

    screen.press("l");
    screen.wait_for(&["Exercises (all, 0/2 done)", "greeter", "enter go to"]);
    screen.press("j\r");
    screen.wait_for(&["Exercise 2/2: greeter", "1 of 1 hidden tests failed"]);
    screen.press("e");
    screen.wait_for(&["The fixture topic: adding numbers and greeting people."]);
    screen.press("q");
    screen.wait_for(&["Exercise 2/2: greeter"]);

    wb.write(
        "exercises/00_basics/greeter/src/lib.rs",
        "pub fn greet(_: &str) -> String { String::new() }\n",
    );
    screen.wait_for(&["greets_by_name"]);
    screen.press("x");
    screen.wait_for(&["Reset greeter to its original? Your version is saved first. (y/n)"]);
    screen.press("n");
    screen.wait_for(&["Not reset."]);
    screen.press("x");
    screen.press("y");
    screen.wait_for(&["Reset. Your version is saved in .opslings/backups/greeter-1."]);
    assert!(
        wb.read(".opslings/backups/greeter-1/src/lib.rs")
            .contains("String::new()")
    );
    assert!(
        wb.read("exercises/00_basics/greeter/src/lib.rs")
            .contains("todo!()")
    );
    assert!(screen.quit());
}

#[test]
fn a_tiny_terminal_says_so_and_a_resize_brings_the_screen_back() {
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &[], 5, 20);
    screen.wait_for(&["The terminal is too"]);
    screen.press("l");
    screen.resize(3, 10);
    screen.press("q");
    screen.resize(24, 80);
    let text = screen.wait_for(&["Exercise 1/2: adder (00_basics)", "q quit"]);
    assert!(!text.contains("too small"), "{text}");
    assert!(screen.quit(), "it ends cleanly");
}

#[cfg(unix)]
#[test]
fn quitting_restores_the_terminal() {
    use nix::sys::termios::LocalFlags;
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &[], 40, 120);
    first_verdict(&screen);
    let raw = screen.master.get_termios().unwrap();
    assert!(
        !raw.local_flags.contains(LocalFlags::ICANON),
        "watch mode reads single keys"
    );
    assert!(screen.quit());
    let cooked = screen.master.get_termios().unwrap();
    assert!(
        cooked
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO),
        "line editing and echo are back after q"
    );
    assert!(
        screen.written_since(0).ends_with("\x1b[?1049l\x1b[?25h"),
        "the alternate screen is left and the cursor shown"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    use nix::sys::termios::LocalFlags;
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &[], 40, 120);
    first_verdict(&screen);
    screen.press("\x03");
    let started = Instant::now();
    while screen.child.try_wait().unwrap().is_none() {
        assert!(started.elapsed() < PATIENCE, "Ctrl-C ends watch mode");
        thread::sleep(Duration::from_millis(20));
    }
    let cooked = screen.master.get_termios().unwrap();
    assert!(
        cooked
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    );
}

#[test]
fn a_panic_on_another_thread_restores_the_terminal_shows_the_message_and_ends() {
    use nix::sys::termios::LocalFlags;
    let wb = Workbook::new();
    // The check worker panics on its first request, while the main thread draws the screen.
    let mut screen = Screen::start_with(&wb, &[], 40, 120, &[("OPSLINGS_FAILPOINT", "worker")]);
    let started = Instant::now();
    let status = loop {
        if let Some(status) = screen.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "watch mode hangs after a panic:\n{}",
            screen.text()
        );
        thread::sleep(Duration::from_millis(20));
    };
    assert!(!status.success());
    let written = screen.written_since(0);
    assert!(
        written.contains("failpoint worker: a panic on purpose"),
        "the panic message is shown: {written}"
    );
    assert!(
        written.contains("watch mode stopped: its check worker failed"),
        "{written}"
    );
    let cooked = screen.master.get_termios().unwrap();
    assert!(
        cooked
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    );
}

#[test]
fn keys_pressed_while_the_terminal_resizes_are_not_lost() {
    let wb = Workbook::new();
    let mut screen = Screen::start(&wb, &[], 24, 80);
    screen.wait_for(&["q quit"]);
    for i in 0..40u16 {
        screen
            .master
            .resize(PtySize {
                rows: 10 + i % 7,
                cols: 30 + i,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        screen.press("l");
        screen
            .master
            .resize(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        screen.press("q");
    }
    screen.press("h");
    screen.wait_for(&["Hint 1/2"]);
    assert!(screen.quit());
}

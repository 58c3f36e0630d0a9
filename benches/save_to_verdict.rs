//! How long a student waits: save → verdict, beside what rustc alone needs for the same code.
//!
//! `cargo bench --bench save_to_verdict [-- EXERCISE [RUNS]]` (default: circuit_breaker, 10 runs).
//! Everything is measured in one run, on the same machine state, and reported as medians and
//! ratios to the floor: `rustc --test` compiling the exercise and its hidden tests as one crate.
//!
//! - `floor`: rustc --test on the solution with its hidden tests, in one file.
//! - `run`: `opslings run NAME` after a one-line edit (a one-off check, process start included).
//! - `watch pass`: in watch mode, from writing a passing version to its verdict on the screen.
//! - `watch compile error`: the same for a save that does not compile, beside rustc on that code.
//! - `run, unchanged`: `opslings run NAME` again on code just checked: its verdict comes from
//!   the verdict cache (a fresh one, in the benchmark's own folder, so every other row compiles).

use std::{
    fs,
    io::Read,
    path::{Path, PathBuf},
    process::Command,
    sync::{Arc, Mutex, OnceLock},
    thread,
    time::{Duration, Instant},
};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const BIN: &str = env!("CARGO_BIN_EXE_opslings");

/// The verdict cache's home of every opslings started here: empty at the start.
static CACHE_HOME: OnceLock<PathBuf> = OnceLock::new();

fn cache_home() -> &'static Path {
    CACHE_HOME.get().expect("set at the start")
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let name = args
        .first()
        .cloned()
        .unwrap_or_else(|| "circuit_breaker".into());
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(10);
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = fs::read_dir(repo.join("exercises"))
        .unwrap()
        .map(|e| e.unwrap().path().join(&name))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| panic!("no exercise {name}"));
    let topic = dir
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let solution =
        fs::read_to_string(repo.join(format!("solutions/{topic}/{name}/src/lib.rs"))).unwrap();
    let hidden = fs::read_to_string(repo.join(format!("tests/hidden/{name}.rs"))).unwrap();
    let broken = format!("{solution}\npub fn broken() -> u32 {{ \"not a number\" }}\n");

    let cache = tempfile::tempdir().unwrap();
    CACHE_HOME.set(cache.path().to_owned()).unwrap();
    // A workbook holding this exercise, with the student on it.
    let work = tempfile::tempdir().unwrap();
    let root = work.path();
    fs::copy(repo.join("info.toml"), root.join("info.toml")).unwrap();
    let crate_dir = root.join(format!("exercises/{topic}/{name}"));
    opslings::workbook::copy_tree(&dir, &crate_dir).unwrap();
    let lib = crate_dir.join("src/lib.rs");
    let original = fs::read_to_string(&lib).unwrap();
    fs::create_dir_all(root.join(".opslings")).unwrap();
    let state = format!("format_version = 1\ncurrent = \"{name}\"\nwelcomed = true\n");
    fs::write(root.join(".opslings/state.toml"), &state).unwrap();

    // The floor: one rustc --test over the code and the tests.
    let floor_src = |code: &str| {
        format!("{code}\n#[cfg(test)]\nmod hidden {{\nuse crate as {name};\n{hidden}\n}}\n")
    };
    let floor_dir = root.join("floor");
    fs::create_dir_all(&floor_dir).unwrap();
    let rustc = |code: &str, i: usize| {
        let file = floor_dir.join(format!("floor{i}.rs"));
        fs::write(&file, floor_src(&format!("{code}\n// edit {i}"))).unwrap();
        let started = Instant::now();
        let _ = Command::new("rustc")
            .args(["--edition", "2021", "--test", "-o"])
            .arg(floor_dir.join("floor"))
            .arg(&file)
            .output()
            .unwrap();
        started.elapsed()
    };
    let edit = |code: &str, i: usize| format!("{code}\n// one-line edit {i}\n");

    let mut rows: Vec<(&str, Vec<Duration>)> = Vec::new();
    let mut floor = Vec::new();
    let mut floor_broken = Vec::new();
    let mut run = Vec::new();
    let mut watch_pass = Vec::new();
    let mut watch_broken = Vec::new();
    let mut unchanged = Vec::new();
    // Warm-up: the toolchain's files in the page cache, the build folder created.
    rustc(&solution, 0);
    fs::write(&lib, &solution).unwrap();
    opslings(root, &["run", &name]);

    for i in 1..=runs {
        floor.push(rustc(&solution, i));
        floor_broken.push(rustc(&broken, i));

        fs::write(&lib, edit(&solution, i)).unwrap();
        let started = Instant::now();
        opslings(root, &["run", &name]);
        run.push(started.elapsed());
        fs::write(root.join(".opslings/state.toml"), &state).unwrap();
        let started = Instant::now();
        opslings(root, &["run", &name]);
        unchanged.push(started.elapsed());
        fs::write(root.join(".opslings/state.toml"), &state).unwrap();

        // Watch mode from a failing version: time the passing save, then a broken one.
        fs::write(&lib, edit(&broken, i)).unwrap();
        let mut watch = Watch::start(root);
        watch.wait_after(0, "does not compile yet");
        let mark = watch.mark();
        let started = Instant::now();
        fs::write(&lib, edit(&solution, i + 2000)).unwrap();
        watch.wait_after(mark, "passes all its hidden tests");
        watch_pass.push(started.elapsed());
        watch.quit();
        fs::write(root.join(".opslings/state.toml"), &state).unwrap();

        // From the untouched exercise (it compiles, its tests fail): time a save that breaks it.
        fs::write(&lib, edit(&original, i)).unwrap();
        let mut watch = Watch::start(root);
        watch.wait_after(0, "hidden tests failed");
        let mark = watch.mark();
        let started = Instant::now();
        fs::write(&lib, edit(&broken, i + 1000)).unwrap();
        watch.wait_after(mark, "does not compile yet");
        watch_broken.push(started.elapsed());
        watch.quit();
        fs::write(root.join(".opslings/state.toml"), &state).unwrap();
    }
    rows.push(("floor: rustc --test, passing code", floor.clone()));
    rows.push(("opslings run after a one-line edit", run));
    rows.push(("watch: save -> pass on screen", watch_pass));
    rows.push(("opslings run, unchanged (cache hit)", unchanged));
    rows.push((
        "floor: rustc --test, code with an error",
        floor_broken.clone(),
    ));
    rows.push(("watch: save -> compile error on screen", watch_broken));

    let floor = median(&floor);
    let floor_broken = median(&floor_broken);
    println!(
        "save -> verdict for {name}, {runs} runs, medians (ratio to the floor of the same code)"
    );
    for (i, (label, times)) in rows.iter().enumerate() {
        let m = median(times);
        let base = if i >= 4 { floor_broken } else { floor };
        println!(
            "  {label:<42} {:>7.1} ms  {:>5.2}x  ({:+.0} ms)",
            ms(m),
            ms(m) / ms(base),
            ms(m) - ms(base)
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

fn opslings(root: &Path, args: &[&str]) {
    let _ = Command::new(BIN)
        .args(args)
        .current_dir(root)
        .env_remove("CARGO_PKG_NAME")
        .env("XDG_CACHE_HOME", cache_home())
        .output()
        .unwrap();
}

/// Watch mode in a pseudo-terminal; only the bytes it writes are looked at.
/// Watch mode in a pseudo-terminal, its screen read through a terminal emulator: ratatui
/// redraws only the cells that change, so the bytes alone do not hold the screen's text.
struct Watch {
    /// The screen, and how many bytes it has been given.
    screen: Arc<Mutex<(vt100::Parser, usize)>>,
    keys: Box<dyn std::io::Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Watch {
    fn start(root: &Path) -> Self {
        let (rows, cols) = (50, 150);
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(BIN);
        cmd.cwd(PathBuf::from(root));
        cmd.env_remove("CARGO_PKG_NAME");
        cmd.env("XDG_CACHE_HOME", cache_home());
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let screen = Arc::new(Mutex::new((vt100::Parser::new(rows, cols, 0), 0)));
        let mut reader = pty.master.try_clone_reader().unwrap();
        let shared = screen.clone();
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut screen = shared.lock().unwrap();
                screen.0.process(&buf[..n]);
                screen.1 += n;
            }
        });
        let keys = pty.master.take_writer().unwrap();
        Self {
            screen,
            keys,
            child,
        }
    }

    fn mark(&self) -> usize {
        self.screen.lock().unwrap().1
    }

    /// Waits until something was drawn after `mark` and the screen shows `text`.
    fn wait_after(&self, mark: usize, text: &str) {
        let started = Instant::now();
        loop {
            {
                let screen = self.screen.lock().unwrap();
                if screen.1 > mark && screen.0.screen().contents().contains(text) {
                    return;
                }
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "no {text:?} on the screen"
            );
            thread::sleep(Duration::from_millis(1));
        }
    }

    fn quit(&mut self) {
        let _ = self.keys.write_all(b"q");
        let _ = self.keys.flush();
        let _ = self.child.wait();
    }
}

/*!
Runs a child process under limits: a time limit, an output cap, and cancellation. When any of
them is hit, the whole process group (Unix) or job object (Windows) is killed, so nothing a test
spawned lives on.
*/

use std::{
    io::{Read, Write},
    process::{Command, ExitStatus, Stdio},
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
        mpsc,
    },
    thread,
    time::{Duration, Instant},
};

use anyhow::{Context, Result};
use process_wrap::std::*;

use super::sandbox::Policy;

/// Asks a running check to stop; clones share the flag.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

/// Set once to stop every check, for good (opslings is stopping).
static CANCEL_ALL: AtomicBool = AtomicBool::new(false);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst) || CANCEL_ALL.load(Ordering::SeqCst)
    }
    /// Cancels every check, running or to come.
    pub fn cancel_all() {
        CANCEL_ALL.store(true, Ordering::SeqCst);
    }
}

/// What a run may use.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub time: Duration,
    /// Output beyond this many bytes (stdout and stderr together, reports included) stops the run.
    pub output: usize,
}

/// How much of the output is kept for display.
const KEPT_OUTPUT: usize = 32 * 1024;
/// How long a line may grow before it is split, so that output without newlines stays bounded.
const MAX_LINE: usize = 16 * 1024;

#[derive(Debug, PartialEq)]
pub enum Stop {
    Exited(ExitStatus),
    TimedOut,
    OutputCapped,
    Cancelled,
}

/// What a finished run produced.
#[derive(Debug)]
pub struct Finished {
    pub stop: Stop,
    /// Lines accepted by the run's `is_report` filter, in order; they count to the cap.
    pub reports: Vec<String>,
    /// Everything else, stdout and stderr interleaved as they arrived, cut at `KEPT_OUTPUT`.
    pub output: String,
    pub elapsed: Duration,
}

enum Chunk {
    Line(String),
    Eof,
}

/// Runs `command` (confined by `policy` when there is one), writes `stdin` to it, and collects its output until it exits or a
/// limit is hit. Lines for which `is_report` holds are kept apart and do not count to the cap.
pub fn run(
    command: Command,
    stdin: &[u8],
    limits: Limits,
    cancel: &Cancel,
    is_report: &dyn Fn(&str) -> bool,
    policy: Option<&Policy>,
) -> Result<Finished> {
    let program = command.get_program().to_string_lossy().into_owned();
    let mut command = super::launch::wrap(command, policy)
        .with_context(|| format!("Failed to start `{program}` in the sandbox"))?;
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut wrap = CommandWrap::from(command);
    #[cfg(unix)]
    wrap.wrap(ProcessGroup::leader());
    #[cfg(windows)]
    wrap.wrap(JobObject);
    let started = Instant::now();
    let mut child = wrap
        .spawn()
        .with_context(|| format!("Failed to start `{program}`"))?;

    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout().take().expect("stdout is piped");
    let stderr = child.stderr().take().expect("stderr is piped");
    let readers = [read_lines(stdout, tx.clone()), read_lines(stderr, tx)];
    if let Some(mut input) = child.stdin().take() {
        // A program that exits without reading its input is not an error here.
        let _ = input.write_all(stdin);
    }
    let deadline = started + limits.time;
    let mut collected = Collected::default();
    let stop = collected.read(
        &rx,
        readers.len(),
        deadline,
        limits.output,
        cancel,
        is_report,
    );
    let stop = match stop {
        Some(stop) => {
            child.kill().ok();
            child.wait().ok();
            stop
        }
        None => wait(&mut *child, deadline, cancel)?,
    };
    let reports = std::mem::take(&mut collected.reports);
    Ok(Finished {
        stop,
        reports,
        output: collected.output_shown(),
        elapsed: started.elapsed(),
    })
}

/// Both pipes are closed, so the process is exiting; but a process it started may hold on, so
/// the wait is bounded by the deadline too.
fn wait(child: &mut dyn ChildWrapper, deadline: Instant, cancel: &Cancel) -> Result<Stop> {
    loop {
        if let Some(status) = child.try_wait().context("Failed to wait for a check")? {
            return Ok(Stop::Exited(status));
        }
        if cancel.is_cancelled() {
            child.kill().ok();
            child.wait().ok();
            return Ok(Stop::Cancelled);
        }
        if Instant::now() >= deadline {
            child.kill().ok();
            child.wait().ok();
            return Ok(Stop::TimedOut);
        }
        thread::sleep(Duration::from_millis(2));
    }
}

/// What a run printed so far: its reports, and the rest up to what is kept for display.
#[derive(Default)]
struct Collected {
    reports: Vec<String>,
    output: String,
    /// Every byte of output, shown or not.
    output_bytes: usize,
    /// Every byte of reports.
    report_bytes: usize,
    /// Reports start with a newline of their own (in case a `print!` left a line open); the
    /// empty line that makes is held back and dropped when a report follows it.
    held_empty: bool,
}

impl Collected {
    /// Reads lines until both streams end (`None`) or a limit stops the run.
    fn read(
        &mut self,
        rx: &mpsc::Receiver<Chunk>,
        streams: usize,
        deadline: Instant,
        cap: usize,
        cancel: &Cancel,
        is_report: &dyn Fn(&str) -> bool,
    ) -> Option<Stop> {
        let mut open = streams;
        loop {
            if cancel.is_cancelled() {
                return Some(Stop::Cancelled);
            }
            let now = Instant::now();
            if now >= deadline {
                return Some(Stop::TimedOut);
            }
            // Wake up now and then to notice a cancellation.
            let wait = (deadline - now).min(Duration::from_millis(20));
            match rx.recv_timeout(wait) {
                Ok(Chunk::Line(line)) if is_report(&line) => {
                    self.held_empty = false;
                    // Reports count to the cap too, or a flood of them would have none.
                    self.report_bytes += line.len() + 1;
                    self.reports.push(line);
                    if self.output_bytes + self.report_bytes > cap {
                        return Some(Stop::OutputCapped);
                    }
                }
                Ok(Chunk::Line(line)) => {
                    if self.output_line(line) + self.report_bytes > cap {
                        return Some(Stop::OutputCapped);
                    }
                }
                Ok(Chunk::Eof) => {
                    open -= 1;
                    if open == 0 {
                        return None;
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// Keeps a line of output; returns the bytes of output so far.
    fn output_line(&mut self, line: String) -> usize {
        if line.is_empty() && !self.held_empty {
            self.held_empty = true;
            return self.output_bytes;
        }
        if std::mem::take(&mut self.held_empty) {
            self.output.push('\n');
            self.output_bytes += 1;
        }
        self.output_bytes += line.len() + 1;
        if self.output.len() < KEPT_OUTPUT {
            self.output.push_str(&line);
            self.output.push('\n');
        }
        self.output_bytes
    }

    /// The output as shown: cut at `KEPT_OUTPUT`, with a note of what was left out.
    fn output_shown(mut self) -> String {
        let mut output = std::mem::take(&mut self.output);
        if output.len() > KEPT_OUTPUT {
            let cut = (0..=KEPT_OUTPUT)
                .rev()
                .find(|&i| output.is_char_boundary(i))
                .unwrap_or(0);
            output.truncate(cut);
        }
        if self.output_bytes > output.len() {
            output.push_str(&format!(
                "… ({} bytes of output not shown)\n",
                self.output_bytes - output.len()
            ));
        }
        output
    }
}

/// Reads `stream` on a thread, sending whole lines (split at `MAX_LINE`) and then `Eof`.
fn read_lines(
    mut stream: impl Read + Send + 'static,
    tx: mpsc::Sender<Chunk>,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut buf = [0u8; 8192];
        let mut line = Vec::new();
        loop {
            let n = match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            for &byte in &buf[..n] {
                if byte == b'\n' || line.len() >= MAX_LINE {
                    let text = String::from_utf8_lossy(&line).into_owned();
                    if tx.send(Chunk::Line(text)).is_err() {
                        return;
                    }
                    line.clear();
                    if byte == b'\n' {
                        continue;
                    }
                }
                line.push(byte);
            }
        }
        if !line.is_empty() {
            let _ = tx.send(Chunk::Line(String::from_utf8_lossy(&line).into_owned()));
        }
        let _ = tx.send(Chunk::Eof);
    })
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn sh(script: &str, time: Duration, output: usize) -> Finished {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        let limits = Limits { time, output };
        let is_report = |l: &str| l.starts_with("R ");
        run(
            command,
            b"nonce\n",
            limits,
            &Cancel::default(),
            &is_report,
            None,
        )
        .unwrap()
    }

    #[test]
    fn collects_reports_apart_from_output() {
        let done = sh(
            "read n; echo \"R $n\"; echo hello; echo oops >&2",
            Duration::from_secs(5),
            1000,
        );
        assert!(matches!(done.stop, Stop::Exited(s) if s.success()));
        assert_eq!(done.reports, ["R nonce"]);
        assert!(done.output.contains("hello\n") && done.output.contains("oops\n"));
    }

    #[test]
    fn a_hung_process_and_its_children_are_killed_at_the_time_limit() {
        let started = Instant::now();
        let done = sh("sleep 30 & sleep 30", Duration::from_millis(300), 1000);
        assert_eq!(done.stop, Stop::TimedOut);
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn a_flood_of_output_is_stopped_at_the_cap() {
        let done = sh("yes flood", Duration::from_secs(10), 100_000);
        assert_eq!(done.stop, Stop::OutputCapped);
        assert!(done.output.len() < KEPT_OUTPUT + 200);
        assert!(done.output.ends_with("bytes of output not shown)\n"));
    }

    #[test]
    fn cancelling_stops_the_run() {
        let cancel = Cancel::default();
        let flag = cancel.clone();
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(100));
            flag.cancel();
        });
        let mut command = Command::new("sleep");
        command.arg("30");
        let limits = Limits {
            time: Duration::from_secs(30),
            output: 10,
        };
        let done = run(command, b"", limits, &cancel, &|_| false, None).unwrap();
        assert_eq!(done.stop, Stop::Cancelled);
    }
}

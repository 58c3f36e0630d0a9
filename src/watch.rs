/*!
Watch mode: the exercise on screen, re-checked on every save, with single-key commands.

File events, key presses and check results become one [`Event`] on one channel, read by one
loop that owns all state. Checks run on a worker thread. A save during a check cancels it (its
processes are killed) and the newest request is the one that runs, so the screen always ends
on the verdict of the latest content.
*/

mod files;
mod frame;
mod links;
mod list;
mod screen;
mod terminal;
mod ui;

use std::{
    io::{IsTerminal, Write},
    path::PathBuf,
    process::ExitCode,
    sync::mpsc::{self, Receiver, Sender},
    thread,
};

use anyhow::Result;
use crossterm::event::KeyEvent;

pub(crate) use files::Trigger;
use ui::Ui;

use crate::{
    app::App,
    check::{Cancel, CheckReport, Checked},
};

/// Everything the loop reacts to.
pub(crate) enum Event {
    /// Source files changed (after debouncing).
    Files(Vec<PathBuf>),
    Key(KeyEvent),
    Resize,
    /// A check finished; `generation` tells whether it is still the one wanted.
    Checked {
        generation: u64,
        result: Result<CheckReport, String>,
    },
    /// opslings received a signal that stops it (the terminal closed, or SIGTERM, SIGINT).
    Interrupted,
    /// A thread of watch mode panicked (its name): the loop cannot go on without it.
    Stopped(&'static str),
}

/// Tells the loop when the thread holding it ends in a panic, so that watch mode stops and
/// restores the terminal instead of waiting for events that will never come.
pub(crate) struct PanicGuard {
    pub(crate) tx: Sender<Event>,
    pub(crate) what: &'static str,
}

impl Drop for PanicGuard {
    fn drop(&mut self) {
        if thread::panicking() {
            let _ = self.tx.send(Event::Stopped(self.what));
        }
    }
}

/// A check for the worker to run.
pub(crate) struct Request {
    pub exercise: usize,
    pub generation: u64,
    pub cancel: Cancel,
}

/// Runs watch mode until the student quits.
pub(crate) fn run(app: &App, trigger: Trigger, out: &mut dyn Write) -> Result<ExitCode> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        writeln!(
            out,
            "Watch mode needs a terminal: it redraws the screen and reads single key presses.\n\
             To check the current exercise once, run `{} run` (exit status 0 when it passes).",
            app.invoke
        )?;
        return Ok(ExitCode::from(2));
    }
    let state = app.state()?;
    let (tx, rx) = mpsc::channel();
    let files_tx = tx.clone();
    let watching = files::watch(
        &app.workbook.root.join("exercises"),
        trigger,
        move |paths| {
            let _ = files_tx.send(Event::Files(paths));
        },
    );
    let interrupted = tx.clone();
    crate::interrupt::on_raise(move || {
        let _ = interrupted.send(Event::Interrupted);
    });
    let _raw = terminal::RawMode::enter()?;
    terminal::read_keys(tx.clone());

    thread::scope(|scope| {
        let (requests, pending) = mpsc::channel();
        let results = tx.clone();
        let worker = scope.spawn(move || worker(app, pending, results));
        let mut ui = Ui::new(app, state, watching.note.clone(), requests);
        let outcome = ui.run(&rx, out);
        ui.stop();
        // Joined here, so that a worker that panicked (already reported to the loop, which
        // ended) does not panic the scope too.
        let _ = worker.join();
        outcome
    })
}

/// In debug builds, `OPSLINGS_FAILPOINT=NAME` makes the thread at failpoint NAME panic, so
/// that tests can prove watch mode survives a panicking thread. Release builds have none.
fn failpoint(name: &str) {
    if cfg!(debug_assertions) && std::env::var("OPSLINGS_FAILPOINT").is_ok_and(|f| f == name) {
        panic!("failpoint {name}: a panic on purpose, for a test");
    }
}

/// Runs checks one at a time, always the newest request.
fn worker(app: &App, pending: Receiver<Request>, results: Sender<Event>) {
    let _guard = PanicGuard {
        tx: results.clone(),
        what: "check worker",
    };
    while let Ok(mut request) = pending.recv() {
        failpoint("worker");
        while let Ok(newer) = pending.try_recv() {
            request = newer;
        }
        if request.cancel.is_cancelled() {
            continue;
        }
        let exercise = &app.set.exercises[request.exercise];
        let result = match app.check(exercise, &request.cancel) {
            Ok(Checked::Report(report)) => Ok(report),
            Ok(Checked::Cancelled) => continue,
            Err(e) => Err(format!("{e:#}")),
        };
        let event = Event::Checked {
            generation: request.generation,
            result,
        };
        if results.send(event).is_err() {
            break;
        }
    }
}

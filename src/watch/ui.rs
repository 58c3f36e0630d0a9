//! The state of watch mode and how each event changes it; drawing is in [`super::screen`].

use std::{
    io::Write,
    process::ExitCode,
    sync::mpsc::{self, Receiver, Sender},
};

use anyhow::{Context, Result, anyhow};
use crossterm::{
    event::{KeyCode, KeyEvent, KeyModifiers},
    terminal::{Clear, ClearType},
};
use ratatui::{Terminal, backend::CrosstermBackend};

use super::{
    Event, Request,
    links::Links,
    list::{ListAction, ListView},
    screen::Status,
    terminal,
};
use crate::{
    app::App,
    check::{Cancel, CheckReport},
    workbook::state::StateFile,
};

/// What is on screen.
enum View {
    Main,
    List(ListView),
    Page { topic: String, scroll: usize },
    ConfirmReset,
}

pub(super) struct Ui<'a> {
    app: &'a App,
    state: StateFile,
    current: usize,
    status: Status,
    view: View,
    banner: Option<String>,
    note: String,
    /// A short message in the footer, until the next key.
    message: Option<String>,
    /// The first line of the exercise screen's body on screen.
    scroll: usize,
    /// How many rows of body the last drawn screen had: a page, for PgUp and PgDn.
    rows: usize,
    /// Every exercise is done: the final message is shown.
    finished: bool,
    requests: Sender<Request>,
    generation: u64,
    running: Option<Cancel>,
}

impl<'a> Ui<'a> {
    pub(super) fn new(
        app: &'a App,
        state: StateFile,
        note: String,
        requests: Sender<Request>,
    ) -> Self {
        let current = state
            .current(&app.set)
            .and_then(|e| app.set.position(e.name()));
        let banner = (!state.state.welcomed).then(|| app.set.welcome_message.trim_end().to_owned());
        Self {
            app,
            state,
            current: current.unwrap_or(0),
            status: Status::Checking,
            view: View::Main,
            banner,
            note,
            message: None,
            scroll: 0,
            rows: 1,
            finished: current.is_none(),
            requests,
            generation: 0,
            running: None,
        }
    }

    pub(super) fn run(
        &mut self,
        events: &Receiver<Event>,
        out: &mut dyn Write,
    ) -> Result<ExitCode> {
        if self.banner.is_some() {
            self.update(|state| state.state.welcomed = true);
        }
        if !self.finished {
            self.check();
        }
        // ratatui draws only what changed since its last frame: it starts from a clear screen.
        // (Not through `Terminal::clear`, which asks the terminal where its cursor is, and the
        // answer would go to the thread reading keys.)
        let mut screen = Terminal::new(CrosstermBackend::new(out))
            .context("Failed to set up the terminal for watch mode")?;
        crossterm::execute!(screen.backend_mut(), Clear(ClearType::All))
            .context("Failed to clear the terminal")?;
        let mut links = Links::default();
        loop {
            // The terminal's size is read by each draw, so a resize redraws everything.
            let drawn = screen
                .draw(|frame| self.render(frame.area(), frame.buffer_mut()))
                .context("Failed to draw watch mode's screen")?
                .buffer
                .clone();
            if self.app.term.links {
                links.write(screen.backend_mut(), &drawn, &self.app.workbook.root)?;
            }
            let event = events
                .recv()
                .map_err(|_| anyhow!("watch mode lost its events"))?;
            if !self.handle(event, terminal::size())? {
                return Ok(ExitCode::SUCCESS);
            }
        }
    }

    /// Cancels a running check; the worker ends when the requests channel closes.
    pub(super) fn stop(&mut self) {
        if let Some(cancel) = self.running.take() {
            cancel.cancel();
        }
        let (closed, _) = mpsc::channel();
        self.requests = closed;
    }

    fn check(&mut self) {
        if let Some(cancel) = self.running.take() {
            cancel.cancel();
        }
        self.generation += 1;
        let cancel = Cancel::default();
        self.running = Some(cancel.clone());
        self.status = Status::Checking;
        let request = Request {
            exercise: self.current,
            generation: self.generation,
            cancel,
        };
        let _ = self.requests.send(request);
    }

    /// Changes the progress on disk (see [`StateFile::update`]); a failure is shown, not fatal.
    fn update<R>(&mut self, change: impl FnOnce(&mut StateFile) -> R) -> Option<R> {
        match self.state.update(change) {
            Ok(result) => Some(result),
            Err(e) => {
                self.message = Some(format!("{e:#}"));
                None
            }
        }
    }

    fn done(&self) -> Vec<bool> {
        self.app
            .set
            .exercises
            .iter()
            .map(|e| self.state.is_done(e.name()))
            .collect()
    }

    /// Reacts to an event, on a terminal of `size` (columns, rows); `false` to quit.
    pub(super) fn handle(&mut self, event: Event, size: (usize, usize)) -> Result<bool> {
        match event {
            Event::Files(paths) => {
                let dir = self
                    .app
                    .workbook
                    .root
                    .join(self.app.set.exercises[self.current].dir());
                if !self.finished && paths.iter().any(|p| p.starts_with(&dir)) {
                    self.check();
                }
            }
            Event::Checked { generation, result } if generation == self.generation => {
                self.running = None;
                match result {
                    Ok(report) if report.verdict.passed() => self.passed(report),
                    Ok(report) => {
                        self.note_task(&report);
                        self.status = Status::Checked(report);
                    }
                    Err(message) => self.status = Status::Error(message),
                }
                self.scroll = 0;
            }
            Event::Checked { .. } | Event::Resize => {}
            Event::Key(key) => {
                if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
                    return Ok(false);
                }
                return Ok(self.key(key, size.1));
            }
            Event::Interrupted => return Ok(false),
            Event::Stopped(what) => {
                return Err(anyhow!(
                    "watch mode stopped: its {what} failed (the message above says how). \
                     Your files are as you saved them; start opslings again to go on"
                ));
            }
        }
        Ok(true)
    }

    /// The current exercise passed: record it and move on to the next one not done.
    fn passed(&mut self, report: CheckReport) {
        let app = self.app;
        let exercise = &app.set.exercises[self.current];
        let next = self
            .update(|state| state.complete(&app.set, exercise.name()))
            .unwrap_or_else(|| self.state.current(&app.set));
        let mut praise = format!(
            "{} {} passes all its hidden tests.",
            app.term.good("✓"),
            exercise.name()
        );
        if let Some(note) = app.solution_note(exercise) {
            praise = format!("{praise} {note}");
        }
        match next.and_then(|n| app.set.position(n.name())) {
            Some(next) => {
                self.banner = Some(praise);
                self.current = next;
                self.check();
            }
            None => {
                self.banner = Some(format!("{praise}\n\n{}", app.set.final_message.trim_end()));
                self.status = Status::Checked(report);
                self.finished = true;
            }
        }
    }

    fn key(&mut self, key: KeyEvent, height: usize) -> bool {
        self.message = None;
        let done = self.done();
        match &mut self.view {
            View::List(list) => match list.handle(key, &done, height.saturating_sub(4)) {
                ListAction::Stay => {}
                ListAction::Back => self.view = View::Main,
                ListAction::Jump(i) => {
                    self.view = View::Main;
                    self.go_to(i);
                }
                ListAction::Explain(i) => {
                    let topic = self.app.set.exercises[i].info.topic.clone();
                    self.view = View::Page { topic, scroll: 0 };
                }
            },
            View::Page { scroll, .. } => {
                if !scroll_key(key.code, scroll, self.rows)
                    && matches!(key.code, KeyCode::Esc | KeyCode::Char('q' | 'e'))
                {
                    self.view = View::Main;
                }
            }
            View::ConfirmReset => {
                self.view = View::Main;
                if key.code == KeyCode::Char('y') {
                    self.reset();
                } else {
                    self.message = Some("Not reset.".into());
                }
            }
            View::Main if scroll_key(key.code, &mut self.scroll, self.rows) => {}
            View::Main => match key.code {
                KeyCode::Char('q') | KeyCode::Esc => return false,
                KeyCode::Char('r') if !self.finished => self.check(),
                KeyCode::Char('h') if !self.finished => {
                    self.hint();
                    // The new hint is at the end of the body: show it (drawing keeps the
                    // scroll within the body).
                    self.scroll = usize::MAX;
                }
                KeyCode::Char('l') => self.view = View::List(ListView::new(self.current)),
                KeyCode::Char('n') if !self.finished => self.next(),
                KeyCode::Char('x') if !self.finished => self.view = View::ConfirmReset,
                KeyCode::Char('e') => {
                    let topic = self.app.set.exercises[self.current].info.topic.clone();
                    self.view = View::Page { topic, scroll: 0 };
                }
                _ => {}
            },
        }
        true
    }

    fn go_to(&mut self, index: usize) {
        self.current = index;
        self.scroll = 0;
        self.finished = false;
        self.banner = None;
        let name = self.app.set.exercises[index].name().to_owned();
        self.update(|state| state.state.current = Some(name));
        self.check();
    }

    /// Skips to the next exercise not done, after the current one.
    fn next(&mut self) {
        let n = self.app.set.exercises.len();
        let next = (1..n)
            .map(|k| (self.current + k) % n)
            .find(|&i| !self.state.is_done(self.app.set.exercises[i].name()));
        match next {
            Some(i) => self.go_to(i),
            None => self.message = Some("This is the only exercise left.".into()),
        }
    }

    /// The task the current exercise is on, from 1.
    fn task(&self) -> usize {
        let exercise = &self.app.set.exercises[self.current];
        let tasks = exercise.info.tasks.len();
        self.state.task(exercise.name()).clamp(1, tasks)
    }

    /// Records the task a test run stopped at (a compile error says nothing of it).
    fn note_task(&mut self, report: &CheckReport) {
        let name = self.app.set.exercises[self.current].name();
        if let Some(task) = report.current_task().filter(|_| report.tests_ran())
            && self.state.task(name) != task
        {
            self.update(|state| state.set_task(name, task));
        }
    }

    fn hint(&mut self) {
        let exercise = &self.app.set.exercises[self.current];
        let task = self.task();
        let shown = self.state.hints_shown(exercise.name(), task);
        let available = exercise.info.task(task).map_or(0, |t| t.hints.len());
        if shown >= available {
            self.message =
                Some("That is every hint of this task. `e` shows the topic's page.".into());
            return;
        }
        self.update(|state| {
            let shown = state.hints_shown(exercise.name(), task);
            state.set_hints_shown(exercise.name(), task, (shown + 1).min(available));
        });
    }

    fn reset(&mut self) {
        let app = self.app;
        let exercise = &app.set.exercises[self.current];
        match app.workbook.reset(&app.set, exercise) {
            Ok(reset) => {
                self.message = Some(match reset.backup {
                    Some(backup) => {
                        let shown = backup
                            .strip_prefix(&app.workbook.root)
                            .unwrap_or(&backup)
                            .display()
                            .to_string();
                        format!("Reset. Your version is saved in {shown}.")
                    }
                    None => "It was already the original.".into(),
                });
                if self.state.is_done(exercise.name()) {
                    self.update(|state| state.state.done.remove(exercise.name()));
                }
                self.check();
            }
            Err(e) => self.message = Some(format!("{e:#}")),
        }
    }
}

/// Moves `scroll` for a scrolling key, with `page` rows on screen; `false` for other keys.
fn scroll_key(code: KeyCode, scroll: &mut usize, page: usize) -> bool {
    let page = page.max(1);
    match code {
        KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
        KeyCode::Down | KeyCode::Char('j') => *scroll = scroll.saturating_add(1),
        KeyCode::PageUp => *scroll = scroll.saturating_sub(page),
        KeyCode::PageDown | KeyCode::Char(' ') => *scroll = scroll.saturating_add(page),
        KeyCode::Home | KeyCode::Char('g') => *scroll = 0,
        KeyCode::End | KeyCode::Char('G') => *scroll = usize::MAX,
        _ => return false,
    }
    true
}

mod draw;
#[cfg(test)]
mod tests;

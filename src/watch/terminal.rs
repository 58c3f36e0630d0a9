/*!
The terminal in watch mode: raw mode for single key presses and the alternate screen (the
student's scrollback is left as it was), always restored, on quit, on Ctrl-C (a key press in
raw mode) and on a panic (the hook restores it before the message).
*/

use std::{io, sync::mpsc::Sender, thread};

use anyhow::{Context, Result};
use crossterm::{
    cursor,
    event::{self, Event as TermEvent, KeyEvent, KeyEventKind},
    execute, terminal,
};

use super::Event;

/// Raw mode while it lives.
pub(super) struct RawMode;

impl RawMode {
    pub(super) fn enter() -> Result<Self> {
        terminal::enable_raw_mode().context("Failed to put the terminal in raw mode")?;
        execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)
            .context("Failed to switch the terminal to its alternate screen")?;
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        Ok(Self)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        restore();
        // The hook would restore a terminal that is no longer ours. (A panicking thread may
        // not change the hook.)
        if !thread::panicking() {
            let _ = std::panic::take_hook();
        }
    }
}

fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), terminal::LeaveAlternateScreen, cursor::Show);
}

/// The terminal's size (columns, rows); the screen says when it is too small to draw in.
pub(super) fn size() -> (usize, usize) {
    let (cols, rows) = terminal::size().unwrap_or((80, 24));
    (usize::from(cols), usize::from(rows))
}

/// Reads key presses and resizes on a thread of its own, for as long as the receiver lives.
pub(super) fn read_keys(tx: Sender<Event>) {
    thread::spawn(move || {
        loop {
            let event = match event::read() {
                Ok(TermEvent::Key(
                    key @ KeyEvent {
                        kind: KeyEventKind::Press,
                        ..
                    },
                )) => Event::Key(key),
                Ok(TermEvent::Resize(..)) => Event::Resize,
                Ok(_) => continue,
                Err(_) => break,
            };
            if tx.send(event).is_err() {
                break;
            }
        }
    });
}

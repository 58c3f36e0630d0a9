/*!
SIGINT, SIGTERM and SIGHUP: the signal thread (started by `main`) calls [`raise`], which
cancels every running check (their processes are killed) and tells those who asked (watch mode)
to stop. Each command then unwinds as for any other error, so the terminal is restored and
temporary folders are removed by the values that own them; `main` exits with 128 + the signal.
*/

use std::sync::{
    Mutex,
    atomic::{AtomicI32, Ordering},
};

use crate::check::Cancel;

/// The signal received, or 0.
static SIGNAL: AtomicI32 = AtomicI32::new(0);

type Hook = Box<dyn Fn() + Send>;

/// Told once when a signal arrives.
static HOOKS: Mutex<Vec<Hook>> = Mutex::new(Vec::new());

/// Stops everything: records `signal`, cancels every check and calls the hooks.
pub fn raise(signal: i32) {
    if SIGNAL.swap(signal, Ordering::SeqCst) != 0 {
        return;
    }
    Cancel::cancel_all();
    let hooks = HOOKS.lock().unwrap_or_else(|e| e.into_inner());
    for hook in hooks.iter() {
        hook();
    }
}

/// The signal that stopped opslings, if one did.
pub fn received() -> Option<i32> {
    match SIGNAL.load(Ordering::SeqCst) {
        0 => None,
        signal => Some(signal),
    }
}

/// Calls `hook` when a signal arrives (at once, if one already has).
pub(crate) fn on_raise(hook: impl Fn() + Send + 'static) {
    let mut hooks = HOOKS.lock().unwrap_or_else(|e| e.into_inner());
    if received().is_some() {
        hook();
    }
    hooks.push(Box::new(hook));
}

/// An error for a command stopped by a signal; `main` shows no message for it.
#[derive(Debug, thiserror::Error)]
#[error("stopped by signal {0}")]
pub struct Stopped(pub i32);

/// Fails with [`Stopped`] once a signal has arrived.
pub(crate) fn check() -> anyhow::Result<()> {
    match received() {
        Some(signal) => Err(Stopped(signal).into()),
        None => Ok(()),
    }
}

/// On SIGINT, SIGTERM or SIGHUP, stops every check and lets the command unwind (restoring the
/// terminal, removing temporary folders). A command that has not ended a few seconds later,
/// or a second signal, ends the process at once through `exit` (its checks' processes die with
/// it); `exit` is `main`'s, the only place that may end the process.
#[cfg(unix)]
pub fn watch_signals(exit: fn(i32) -> !) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let exit_now = move |signal: i32| -> ! {
        let _ = crossterm::terminal::disable_raw_mode();
        exit(128 + signal)
    };
    std::thread::spawn(move || {
        let mut signals = signals.forever();
        let Some(signal) = signals.next() else { return };
        raise(signal);
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(3));
            exit_now(signal);
        });
        signals.next();
        exit_now(signal);
    });
}

/// Elsewhere, the default handlers stay.
#[cfg(not(unix))]
pub fn watch_signals(_exit: fn(i32) -> !) {}

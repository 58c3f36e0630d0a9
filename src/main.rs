use std::{io::Write, process::ExitCode};

use clap::Parser;

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    if args
        .get(1)
        .is_some_and(|a| a == opslings::check::launch::SUBCOMMAND)
    {
        let error = opslings::check::launch::exec(&args[2..]);
        eprintln!("opslings: failed to start {:?}: {error}", args.get(2));
        return ExitCode::from(127);
    }
    let cli = opslings::cli::Cli::parse();
    if let Ok(me) = std::env::current_exe() {
        opslings::check::launch::set_launcher(me);
    }
    #[cfg(unix)]
    watch_signals();
    // Not locked for the whole run: a panic hook on another thread writes to stdout too.
    let mut out = std::io::stdout();
    let result = opslings::run(cli, &mut out);
    let _ = out.flush();
    if let Some(signal) = opslings::interrupt::received() {
        // The conventional status of a program stopped by a signal.
        return ExitCode::from(128 + u8::try_from(signal).unwrap_or(0));
    }
    match result {
        Ok(code) => code,
        // A closed pipe (`opslings list | head`) is not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "{} {e:#}",
                console::style("error:").red().bold().for_stderr()
            );
            ExitCode::from(2)
        }
    }
}

/// On SIGINT, SIGTERM or SIGHUP, stops every check and lets the command unwind (restoring the
/// terminal, removing temporary folders). A command that has not ended a few seconds later,
/// or a second signal, ends the process at once (its checks' processes die with it).
#[cfg(unix)]
fn watch_signals() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        let mut signals = signals.forever();
        let Some(signal) = signals.next() else { return };
        opslings::interrupt::raise(signal);
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_secs(3));
            exit_now(signal);
        });
        signals.next();
        exit_now(signal);
    });
}

/// The one exit outside `main`'s return: the command did not unwind in time, or the user
/// asked twice, and a thread cannot make `main` return.
#[cfg(unix)]
#[allow(clippy::disallowed_methods)]
fn exit_now(signal: i32) -> ! {
    let _ = crossterm::terminal::disable_raw_mode();
    std::process::exit(128 + signal);
}

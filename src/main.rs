use std::{io::Write, process::ExitCode};

use clap::Parser;

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    if let Some(code) = opslings::check::launch::launcher(&args) {
        return code;
    }
    let cli = opslings::cli::Cli::parse();
    if let Ok(me) = std::env::current_exe() {
        opslings::check::launch::set_launcher(me);
    }
    opslings::interrupt::watch_signals(exit_now);
    // Not locked for the whole run: a panic hook on another thread writes to stdout too.
    let mut out = std::io::stdout();
    let result = opslings::run(cli, &mut out);
    let _ = out.flush();
    opslings::exit_code(result)
}

/// The one exit outside `main`'s return: after a signal, a command that did not unwind in time
/// or a second signal. A thread cannot make `main` return.
#[allow(clippy::disallowed_methods)]
fn exit_now(status: i32) -> ! {
    std::process::exit(status)
}

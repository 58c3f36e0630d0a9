use std::{io::Write, process::ExitCode};

use clap::Parser;

fn main() -> ExitCode {
    let cli = opslings::cli::Cli::parse();
    // Not locked for the whole run: a panic hook on another thread writes to stdout too.
    let mut out = std::io::stdout();
    let result = opslings::run(cli, &mut out);
    let _ = out.flush();
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

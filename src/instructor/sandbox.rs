//! `opslings sandbox`, and the check `grade` makes before it runs any student code.

use std::{io::Write, process::ExitCode};

use anyhow::Result;

use crate::{check::sandbox, term::Term};

/// Lists the layers student code gets here; success only when `grade` can run sandboxed.
pub(super) fn show(term: &Term, out: &mut dyn Write) -> Result<ExitCode> {
    let layers = sandbox::layers();
    writeln!(out, "The sandbox around student code on this machine:")?;
    let width = layers.iter().map(|l| l.name.len()).max().unwrap_or(0);
    for layer in &layers {
        let mark = if layer.active {
            term.good("✓")
        } else {
            term.bad("✗")
        };
        writeln!(out, "  {mark} {:width$}  {}", layer.name, layer.detail)?;
    }
    Ok(match sandbox::missing_required(&layers) {
        None => {
            writeln!(out, "`opslings grade` runs sandboxed here.")?;
            ExitCode::SUCCESS
        }
        Some(missing) => {
            writeln!(
                out,
                "`opslings grade` refuses to run here: {missing}. {FIX}"
            )?;
            ExitCode::FAILURE
        }
    })
}

/// Fails, saying why and what to do, when a layer `grade` needs is missing here.
pub(super) fn require() -> Result<()> {
    match sandbox::missing_required(&sandbox::layers()) {
        None => Ok(()),
        Some(missing) => {
            anyhow::bail!("Student code cannot be sandboxed on this machine: {missing}. {FIX}")
        }
    }
}

const FIX: &str = "Grade on Linux 5.13 or later with Landlock enabled (as on GitHub's Ubuntu \
runners), see SECURITY.md; or, only inside a throwaway VM or container that isolates the grade \
by other means, pass --no-sandbox";

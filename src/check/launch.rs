/*!
A test program never outlives opslings, even one killed with SIGKILL: on Linux every process a
check starts goes through opslings itself (`opslings __exec PROGRAM ARGS…`), which asks the
kernel to kill it when its parent dies (`PR_SET_PDEATHSIG`) and then becomes the program, or,
when a sandbox policy comes with it, runs it in the sandbox (see `sandbox::stages`). A
launcher is used only once `main` has named the opslings binary; elsewhere (other systems, the
library's own tests) programs start directly, and the process group still kills them on every
stop opslings lives through.

The death signal fires when the *thread* that started the child ends, so a check's processes
are always started by a thread that waits for them (see `process::run`).
*/

use std::{ffi::OsString, io, path::PathBuf, process::Command, sync::OnceLock};

use super::sandbox::{POLICY_VAR, Policy};

/// The hidden subcommand `main` hands to [`exec`].
pub const SUBCOMMAND: &str = "__exec";
/// The launcher's parent, so that it can tell whether it was orphaned before it could ask.
const PARENT: &str = "OPSLINGS_LAUNCHER_PARENT";

static LAUNCHER: OnceLock<PathBuf> = OnceLock::new();

/// Starts every check's processes through `opslings` (this binary) from now on.
pub fn set_launcher(opslings: PathBuf) {
    if cfg!(target_os = "linux") {
        let _ = LAUNCHER.set(opslings);
    }
}

/// `command`, to be started through the launcher when there is one, confined by `policy`
/// when there is one. An error when a required sandbox cannot be had.
pub(super) fn wrap(command: Command, policy: Option<&Policy>) -> io::Result<Command> {
    let Some(launcher) = LAUNCHER.get() else {
        if policy.is_some_and(|p| p.required) {
            return Err(io::Error::other(
                "the sandbox needs the opslings binary as its launcher (this build has none)",
            ));
        }
        return Ok(command);
    };
    let mut wrapped = Command::new(launcher);
    wrapped
        .arg(SUBCOMMAND)
        .arg(command.get_program())
        .args(command.get_args());
    if let Some(dir) = command.get_current_dir() {
        wrapped.current_dir(dir);
    }
    match policy {
        Some(policy) => {
            // The program gets the policy's environment and nothing of ours.
            let mut policy = policy.clone();
            for (key, value) in command.get_envs() {
                if let (Some(key), Some(value)) = (key.to_str(), value.and_then(|v| v.to_str())) {
                    policy = policy.env(key, value);
                }
            }
            wrapped.env_clear().env(POLICY_VAR, policy.to_json());
        }
        None => {
            for (key, value) in command.get_envs() {
                match value {
                    Some(value) => wrapped.env(key, value),
                    None => wrapped.env_remove(key),
                };
            }
        }
    }
    wrapped.env(PARENT, std::process::id().to_string());
    Ok(wrapped)
}

/// When `args` (the whole command line) call the launcher, runs the program it names and
/// returns how it ended; `None` for every other command line.
pub fn launcher(args: &[OsString]) -> Option<std::process::ExitCode> {
    let stage = args.get(1)?;
    let rest = args.get(2..).unwrap_or_default();
    #[cfg(target_os = "linux")]
    {
        if stage == super::sandbox::stages::INIT {
            let (program, args) = rest.split_first()?;
            return Some(super::sandbox::stages::init(program, args));
        }
        if stage == super::sandbox::probe::INSIDE {
            return Some(super::sandbox::probe::inside(rest));
        }
    }
    if stage != SUBCOMMAND {
        return None;
    }
    Some(start(rest).unwrap_or_else(|error| {
        eprintln!("opslings: failed to start {:?}: {error}", rest.first());
        std::process::ExitCode::from(127)
    }))
}

/// In the launcher: sets the death signal and becomes `args` (program, then its arguments),
/// or runs it in the sandbox when the environment carries a policy and ends as it did.
#[cfg(target_os = "linux")]
fn start(args: &[OsString]) -> io::Result<std::process::ExitCode> {
    use std::os::unix::process::CommandExt;

    use rustix::process::{Signal, getppid, set_parent_process_death_signal};
    let Some((program, args)) = args.split_first() else {
        return Err(io::Error::other("nothing to run"));
    };
    set_parent_process_death_signal(Some(Signal::KILL))?;
    // The parent may have died before the death signal was set: then nobody waits for us.
    let expected = std::env::var(PARENT).ok();
    let parent = getppid().map(|pid| pid.as_raw_nonzero().get().to_string());
    if expected.is_some() && expected != parent {
        return Err(io::Error::other(
            "opslings stopped before the check started",
        ));
    }
    if let Ok(policy) = std::env::var(POLICY_VAR) {
        return Ok(super::sandbox::stages::outer(&policy, program, args));
    }
    Err(Command::new(program).args(args).env_remove(PARENT).exec())
}

#[cfg(not(target_os = "linux"))]
fn start(_args: &[OsString]) -> io::Result<std::process::ExitCode> {
    Err(io::Error::other("the launcher is for Linux only"))
}

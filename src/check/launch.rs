/*!
A test program never outlives opslings, even one killed with SIGKILL: on Linux every process a
check starts goes through opslings itself (`opslings __exec PROGRAM ARGS…`), which asks the
kernel to kill it when its parent dies (`PR_SET_PDEATHSIG`) and then becomes the program. A
launcher is used only once `main` has named the opslings binary; elsewhere (other systems, the
library's own tests) programs start directly, and the process group still kills them on every
stop opslings lives through.

The death signal fires when the *thread* that started the child ends, so a check's processes
are always started by a thread that waits for them (see `process::run`).
*/

use std::{ffi::OsString, io, path::PathBuf, process::Command, sync::OnceLock};

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

/// `command`, to be started through the launcher when there is one.
pub(super) fn wrap(command: Command) -> Command {
    let Some(launcher) = LAUNCHER.get() else {
        return command;
    };
    let mut wrapped = Command::new(launcher);
    wrapped
        .arg(SUBCOMMAND)
        .arg(command.get_program())
        .args(command.get_args())
        .env(PARENT, std::process::id().to_string());
    if let Some(dir) = command.get_current_dir() {
        wrapped.current_dir(dir);
    }
    for (key, value) in command.get_envs() {
        match value {
            Some(value) => wrapped.env(key, value),
            None => wrapped.env_remove(key),
        };
    }
    wrapped
}

/// When `args` (the whole command line) call the launcher, runs the program it names and
/// returns the exit status of a failure to start it; `None` for every other command line.
pub fn launcher(args: &[OsString]) -> Option<std::process::ExitCode> {
    if args.get(1).is_none_or(|a| a != SUBCOMMAND) {
        return None;
    }
    let error = exec(&args[2..]);
    eprintln!("opslings: failed to start {:?}: {error}", args.get(2));
    Some(std::process::ExitCode::from(127))
}

/// In the launcher: sets the death signal and becomes `args` (program, then its arguments).
/// Returns only on failure.
#[cfg(target_os = "linux")]
pub fn exec(args: &[OsString]) -> io::Error {
    use std::os::unix::process::CommandExt;

    use rustix::process::{Signal, getppid, set_parent_process_death_signal};
    let Some((program, args)) = args.split_first() else {
        return io::Error::other("nothing to run");
    };
    if let Err(e) = set_parent_process_death_signal(Some(Signal::KILL)) {
        return e.into();
    }
    // The parent may have died before the death signal was set: then nobody waits for us.
    let expected = std::env::var(PARENT).ok();
    let parent = getppid().map(|pid| pid.as_raw_nonzero().get().to_string());
    if expected.is_some() && expected != parent {
        return io::Error::other("opslings stopped before the check started");
    }
    Command::new(program).args(args).env_remove(PARENT).exec()
}

#[cfg(not(target_os = "linux"))]
pub fn exec(_args: &[OsString]) -> io::Error {
    io::Error::other("the launcher is for Linux only")
}

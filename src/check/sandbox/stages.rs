/*!
The launcher's two stages.

The first (`opslings __exec`, started by the check) moves into new namespaces. A process
cannot enter a PID namespace itself, only its children can, so it starts the second stage
(`opslings __exec-init`), which is process 1 of the new namespace: it confines itself, starts
the program, waits for it and ends, and with it the kernel kills every process left in the
namespace, those that called `setsid` or forked twice included.

The stages talk over a Unix socket that is the second stage's standard input: the first sends
the program's input (the harness's nonce) down it and reads back how the program ended. The
program gets a pipe of its own as standard input, so it can reach neither the socket nor the
first stage. Where the kernel allows no namespaces (inside Docker's default seccomp profile,
for one), the first stage confines itself and runs the program directly.
*/

use std::{
    ffi::{OsStr, OsString},
    fs::File,
    io::{self, Read, Write},
    os::{fd::AsFd, unix::process::ExitStatusExt},
    process::{Command, ExitCode, ExitStatus, Stdio},
};

use super::{POLICY_VAR, Policy, SETUP_FAILED, SETUP_FAILED_PREFIX, confine, namespace};

/// The hidden subcommand of the second stage.
pub(crate) const INIT: &str = "__exec-init";
/// The most input a program may be given (the harness reads one line).
const MAX_INPUT: u64 = 64 * 1024;

/// The first stage, with the policy from the environment; `program` and `args` to run.
pub(crate) fn outer(policy: &str, program: &OsStr, args: &[OsString]) -> ExitCode {
    let parsed = match Policy::from_json(policy) {
        Ok(policy) => policy,
        Err(e) => return setup_failed(&format!("the policy cannot be read: {e}")),
    };
    if !parsed.namespaces {
        return directly(&parsed, program, args);
    }
    match namespace::enter() {
        Ok(()) => match through_init(policy, program, args) {
            Ok(code) => code,
            Err(e) => setup_failed(&e.to_string()),
        },
        Err(_) => directly(&parsed, program, args),
    }
}

fn setup_failed(why: &str) -> ExitCode {
    eprintln!("{SETUP_FAILED_PREFIX}{why}");
    ExitCode::from(SETUP_FAILED)
}

/// Starts the second stage in the new PID namespace and ends as the program did.
fn through_init(policy: &str, program: &OsStr, args: &[OsString]) -> io::Result<ExitCode> {
    let mut input = Vec::new();
    io::stdin().take(MAX_INPUT).read_to_end(&mut input)?;
    let (mut ours, theirs) = std::os::unix::net::UnixStream::pair()?;
    let mut init = Command::new(std::env::current_exe()?);
    init.arg(INIT)
        .arg(program)
        .args(args)
        .env_clear()
        .env(POLICY_VAR, policy)
        .stdin(Stdio::from(std::os::fd::OwnedFd::from(theirs)));
    let mut child = init.spawn()?;
    // The command holds our copy of the second stage's end: without it, the socket ends when
    // the second stage does.
    drop(init);
    ours.write_all(&input)?;
    ours.shutdown(std::net::Shutdown::Write)?;
    let mut said = String::new();
    let _ = (&mut ours).take(4096).read_to_string(&mut said);
    let status = child.wait()?;
    Ok(match Ended::parse(&said) {
        Some(Ended::Status(status)) => end_as(status),
        Some(Ended::SetupFailed(why)) => setup_failed(&why),
        None => end_as(status),
    })
}

/// The second stage: process 1 of the check's PID namespace.
pub(crate) fn init(program: &OsStr, args: &[OsString]) -> ExitCode {
    // The first stage waits for us; if it dies, so do we, and the namespace with us.
    let _ = nix::sys::prctl::set_pdeathsig(nix::sys::signal::Signal::SIGKILL);
    let ended = match run_confined(program, args) {
        Ok(status) => Ended::Status(status),
        Err(e) => Ended::SetupFailed(e.to_string()),
    };
    // Standard input is the socket to the first stage.
    if let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() {
        let _ = File::from(fd).write_all(ended.to_line().as_bytes());
    }
    ExitCode::SUCCESS
}

fn run_confined(program: &OsStr, args: &[OsString]) -> io::Result<ExitStatus> {
    let policy = std::env::var(POLICY_VAR).map_err(|_| io::Error::other("no policy"))?;
    let policy = Policy::from_json(&policy).map_err(io::Error::other)?;
    let mut input = Vec::new();
    io::stdin().take(MAX_INPUT).read_to_end(&mut input)?;
    confine::confine(&policy)?;
    let mut child = command(&policy, program, args)
        .stdin(Stdio::piped())
        .spawn()
        .map_err(|e| io::Error::other(format!("cannot start {}: {e}", program.display())))?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(&input);
    }
    child.wait()
}

fn command(policy: &Policy, program: &OsStr, args: &[OsString]) -> Command {
    let mut command = Command::new(program);
    command
        .args(args)
        .env_clear()
        .envs(policy.env.iter().map(|(k, v)| (k, v)));
    command
}

/// Without namespaces (not asked for, or not allowed): confined here, the program started as
/// our child. Processes it leaves
/// behind are killed when it ends, where Landlock scopes signals to the sandbox (so that the
/// kill reaches them and nothing else).
fn directly(policy: &Policy, program: &OsStr, args: &[OsString]) -> ExitCode {
    let _ = nix::sys::prctl::set_child_subreaper(true);
    let confined = match confine::confine(policy) {
        Ok(confined) => confined,
        Err(e) => return setup_failed(&e.to_string()),
    };
    let status = match command(policy, program, args).status() {
        Ok(status) => status,
        Err(e) => return setup_failed(&format!("cannot start {}: {e}", program.display())),
    };
    if confined.signals {
        // -1: every process this one may signal, which Landlock limits to its own sandbox.
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(-1),
            nix::sys::signal::Signal::SIGKILL,
        );
        while nix::sys::wait::wait().is_ok() {}
    }
    end_as(status)
}

/// Ends this process the way the program ended: its exit status, or its signal.
fn end_as(status: ExitStatus) -> ExitCode {
    if let Some(signal) = status.signal() {
        if let Ok(signal) = nix::sys::signal::Signal::try_from(signal) {
            let _ = nix::sys::resource::setrlimit(nix::sys::resource::Resource::RLIMIT_CORE, 0, 0);
            let _ = nix::sys::signal::raise(signal);
        }
        return ExitCode::from(128u8.wrapping_add(signal as u8));
    }
    ExitCode::from(status.code().unwrap_or(1) as u8)
}

/// What the second stage tells the first.
#[derive(Debug, PartialEq)]
enum Ended {
    Status(ExitStatus),
    SetupFailed(String),
}

impl Ended {
    fn to_line(&self) -> String {
        match self {
            Self::Status(status) => format!("status {}\n", status.into_raw()),
            Self::SetupFailed(why) => format!("setup {}\n", why.replace('\n', " ")),
        }
    }

    fn parse(line: &str) -> Option<Self> {
        let line = line.strip_suffix('\n')?;
        if let Some(raw) = line.strip_prefix("status ") {
            return raw
                .parse()
                .ok()
                .map(|raw| Self::Status(ExitStatus::from_raw(raw)));
        }
        line.strip_prefix("setup ")
            .map(|why| Self::SetupFailed(why.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stages_understand_each_other() {
        for ended in [
            Ended::Status(ExitStatus::from_raw(0)),
            Ended::Status(ExitStatus::from_raw(101 << 8)),
            Ended::Status(ExitStatus::from_raw(11)),
            Ended::SetupFailed("no Landlock".into()),
        ] {
            assert_eq!(Ended::parse(&ended.to_line()), Some(ended));
        }
        assert_eq!(Ended::parse("status 0"), None, "a cut line is not trusted");
        assert_eq!(Ended::parse(""), None);
    }
}

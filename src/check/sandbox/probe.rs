/*!
`opslings sandbox`: which layers a check gets on this machine, found by trying them. A probe
program (opslings itself, `__exec-probe`) is started in the sandbox exactly as a test program
is, and attacks it: it lists its environment, reads a file outside the sandbox, connects to a
listener of ours on loopback, looks at its process id and limits, and asks for a namespace.
*/

use std::{
    ffi::OsString,
    fs,
    io::Write,
    net::{SocketAddr, TcpListener, TcpStream, UdpSocket},
    path::Path,
    process::{Command, ExitCode},
    time::Duration,
};

use super::{Layer, Mode, Policy, Resources};
use crate::check::process::{self, Cancel, Limits, Stop};

/// The hidden subcommand of the probe program.
pub(crate) const INSIDE: &str = "__exec-probe";

/// Runs the probe in the sandbox and reads what it found.
pub(super) fn run() -> Vec<Layer> {
    match try_run() {
        Ok(layers) => layers,
        Err(e) => vec![Layer {
            name: "sandbox",
            detail: format!("the probe could not run: {e:#}"),
            active: false,
        }],
    }
}

fn try_run() -> anyhow::Result<Vec<Layer>> {
    let work = tempfile::tempdir()?;
    let outside = tempfile::tempdir()?;
    let secret = outside.path().join("secret");
    fs::write(&secret, "outside the sandbox")?;
    let listener = TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let port = listener.local_addr()?.port();
    let me = std::env::current_exe()?;
    let policy = Policy::new(Mode::BestEffort, Resources::TESTS, work.path(), work.path())
        .expect("best effort is a policy")
        .read(&me);
    let mut probe = Command::new(&me);
    probe
        .arg(INSIDE)
        .arg(&secret)
        .arg(port.to_string())
        .current_dir(work.path());
    let limits = Limits {
        time: Duration::from_secs(10),
        output: 64 * 1024,
    };
    let done = process::run(
        probe,
        b"",
        limits,
        &Cancel::default(),
        &|_| false,
        Some(&policy),
    )?;
    anyhow::ensure!(
        matches!(done.stop, Stop::Exited(s) if s.success()),
        "it ended with {:?}: {}",
        done.stop,
        done.output.trim()
    );
    let mut layers: Vec<Layer> = done.output.lines().filter_map(parse).collect();
    if listener.accept().is_ok() {
        mark(&mut layers, "network", "a connection to loopback arrived");
    }
    let expected: Vec<&str> = policy.env.iter().map(|(k, _)| k.as_str()).collect();
    layers.insert(0, environment(&done.output, &expected));
    Ok(layers)
}

fn mark(layers: &mut [Layer], name: &str, why: &str) {
    for layer in layers.iter_mut().filter(|l| l.name == name) {
        layer.active = false;
        layer.detail = why.into();
    }
}

/// The environment layer: the probe saw exactly the policy's variables.
fn environment(output: &str, expected: &[&str]) -> Layer {
    let seen: Vec<&str> = output
        .lines()
        .filter_map(|l| l.strip_prefix("env\t"))
        .collect();
    let extra: Vec<&&str> = seen.iter().filter(|v| !expected.contains(v)).collect();
    Layer {
        name: "environment",
        active: extra.is_empty(),
        detail: if extra.is_empty() {
            format!("cleared to {}", expected.join(", "))
        } else {
            format!("the program saw {extra:?}")
        },
    }
}

fn parse(line: &str) -> Option<Layer> {
    let mut parts = line.splitn(3, '\t');
    let name = match parts.next()? {
        "files" => "files",
        "network" => "network",
        "processes" => "processes",
        "resources" => "resources",
        "syscalls" => "syscalls",
        _ => return None,
    };
    let active = parts.next()? == "yes";
    Some(Layer {
        name,
        active,
        detail: parts.next()?.into(),
    })
}

/// The probe program, inside the sandbox: one line per layer.
pub(crate) fn inside(args: &[OsString]) -> ExitCode {
    let (Some(secret), Some(port)) = (args.first(), args.get(1)) else {
        return ExitCode::from(2);
    };
    let port: u16 = port.to_str().and_then(|p| p.parse().ok()).unwrap_or(0);
    let mut out = std::io::stdout().lock();
    for (key, _) in std::env::vars_os() {
        let _ = writeln!(out, "env\t{}", key.to_string_lossy());
    }
    for (name, active, detail) in [
        files(Path::new(secret)),
        network(port),
        processes(),
        resources(),
        syscalls(),
    ] {
        let yes = if active { "yes" } else { "no" };
        let _ = writeln!(out, "{name}\t{yes}\t{detail}");
    }
    ExitCode::SUCCESS
}

type Found = (&'static str, bool, String);

fn files(secret: &Path) -> Found {
    match fs::read(secret) {
        Err(_) => (
            "files",
            true,
            "Landlock: only the toolchain, system libraries and the check's own folder".into(),
        ),
        Ok(_) => (
            "files",
            false,
            "a file outside the check could be read".into(),
        ),
    }
}

fn network(port: u16) -> Found {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let tcp = TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_ok();
    let udp = UdpSocket::bind("127.0.0.1:0").is_ok();
    match (tcp, udp) {
        (false, false) => ("network", true, "none, loopback included".into()),
        _ => (
            "network",
            false,
            "a socket to loopback could be opened".into(),
        ),
    }
}

fn processes() -> Found {
    // Process 1 is the check's init; the program is the first it starts.
    if std::process::id() == 2 {
        let detail = "a PID namespace: every process dies with the check".into();
        ("processes", true, detail)
    } else {
        let detail = "no PID namespace here: a process that leaves its group may outlive a \
                      check stopped at its time limit (it stays confined)"
            .into();
        ("processes", false, detail)
    }
}

fn resources() -> Found {
    use nix::sys::resource::{Resource, getrlimit};
    let limited = getrlimit(Resource::RLIMIT_NPROC).is_ok_and(|(soft, _)| soft != u64::MAX)
        && getrlimit(Resource::RLIMIT_DATA).is_ok_and(|(soft, _)| soft != u64::MAX);
    let detail = if limited {
        "memory, processes, file size and CPU time are limited"
    } else {
        "no resource limits"
    };
    ("resources", limited, detail.into())
}

fn syscalls() -> Found {
    use nix::sched::{CloneFlags, unshare};
    match unshare(CloneFlags::CLONE_NEWUSER) {
        Err(_) => (
            "syscalls",
            true,
            "seccomp: no ptrace, no other process's memory, no new namespaces".into(),
        ),
        Ok(()) => ("syscalls", false, "a new namespace could be made".into()),
    }
}

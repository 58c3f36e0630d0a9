/*!
The sandbox around every process a check starts: rustc on the student's code, rustc on the
hidden tests, and the test program. See SECURITY.md for what it guarantees.

A [`Policy`] says what one process may reach: the folders it may read (the toolchain, the
system's libraries, its inputs), the one folder it may write, its whole environment, and its
resource limits. The parent hands it to the launcher (`opslings __exec`, see `launch`) in an
environment variable; the launcher sets up, in order:

1. user, PID and network namespaces where the kernel allows them: no network, not even
   loopback, and every process of the check dies with it (see `stages`);
2. resource limits (`setrlimit`): memory, processes, file size, CPU time, no core files;
3. Landlock: files (read or write only where the policy says), TCP, abstract Unix sockets and
   signals to processes outside the sandbox;
4. a seccomp filter against what Landlock does not cover (other sockets, ptrace, reading other
   processes' memory, new namespaces, io_uring);

then starts the program with the policy's environment and nothing else.
*/

#[cfg(target_os = "linux")]
mod confine;
#[cfg(target_os = "linux")]
mod namespace;
#[cfg(target_os = "linux")]
pub(super) mod probe;
#[cfg(target_os = "linux")]
mod seccomp;
#[cfg(target_os = "linux")]
pub(super) mod stages;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The environment variable that carries a [`Policy`] to the launcher.
pub(super) const POLICY_VAR: &str = "OPSLINGS_SANDBOX";
/// `OPSLINGS_SANDBOX_NAMESPACES=0` runs every check without namespaces, as where the kernel
/// refuses them (inside Docker's default seccomp profile): to see what such a machine gives.
pub const NAMESPACES_VAR: &str = "OPSLINGS_SANDBOX_NAMESPACES";
/// The launcher's exit status when the sandbox could not be set up (the program never ran).
pub const SETUP_FAILED: u8 = 125;
/// How the launcher's message starts when the sandbox could not be set up.
pub const SETUP_FAILED_PREFIX: &str = "opslings: the sandbox could not be set up: ";

/// How much a check's processes are confined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Not at all (`grade --no-sandbox`, for an instructor who isolates by other means).
    Off,
    /// As far as this machine allows: the student's own commands and `verify`.
    #[default]
    BestEffort,
    /// Every file and network layer, or the check does not run: `grade`.
    Required,
}

/// Resource limits of one process (and, for processes, of everything it starts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resources {
    /// Data memory (heap, stacks, private mappings), in MiB.
    pub memory_mib: u64,
    /// Processes and threads at once.
    pub processes: u64,
    /// The largest file it may write, in MiB.
    pub file_size_mib: u64,
    /// CPU time, in seconds.
    pub cpu_secs: u64,
}

impl Resources {
    /// rustc on one exercise: far more than any exercise needs, and two at once fit a 2 GiB
    /// CI runner.
    pub const COMPILE: Self = Self {
        memory_mib: 768,
        processes: 64,
        file_size_mib: 256,
        cpu_secs: 60,
    };
    /// A test program: small exercises need little; a runaway loop is stopped early.
    pub const TESTS: Self = Self {
        memory_mib: 256,
        processes: 32,
        file_size_mib: 16,
        cpu_secs: 20,
    };
}

/// What one sandboxed process may reach.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Policy {
    /// Files and folders it may read and execute.
    pub read: Vec<PathBuf>,
    /// Folders it may read and write.
    pub write: Vec<PathBuf>,
    /// Its whole environment.
    pub env: Vec<(String, String)>,
    pub resources: Resources,
    /// Refuse to run when a file or network layer cannot be set up.
    pub required: bool,
    /// Run in new user, PID and network namespaces where the kernel allows them.
    pub namespaces: bool,
}

/// System folders every compile and test program needs: the dynamic loader, libc, and the
/// C toolchain rustc links with. Not `/usr` as a whole, where a course or a workbook could live.
const SYSTEM: &[&str] = &[
    "/bin",
    "/sbin",
    "/lib",
    "/lib32",
    "/lib64",
    "/usr/bin",
    "/usr/sbin",
    "/usr/lib",
    "/usr/lib32",
    "/usr/lib64",
    "/usr/libexec",
    "/usr/local/bin",
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/dev/null",
    "/dev/zero",
    "/dev/urandom",
];

impl Policy {
    /// A policy for a process that writes only in `writable` (its HOME and TMPDIR too) and
    /// reads the toolchain at `sysroot` and the system's libraries; `None` when `mode` is off.
    pub fn new(mode: Mode, resources: Resources, sysroot: &Path, writable: &Path) -> Option<Self> {
        if mode == Mode::Off {
            return None;
        }
        let mut read: Vec<PathBuf> = SYSTEM.iter().map(PathBuf::from).collect();
        read.push(sysroot.to_path_buf());
        let dir = writable.display().to_string();
        let path = format!("{}/bin:/usr/local/bin:/usr/bin:/bin", sysroot.display());
        let env = [
            ("PATH", path.as_str()),
            ("HOME", &dir),
            ("TMPDIR", &dir),
            ("LANG", "C.UTF-8"),
        ];
        Some(Self {
            read,
            write: vec![writable.to_path_buf()],
            env: env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            resources,
            required: mode == Mode::Required,
            namespaces: std::env::var_os(NAMESPACES_VAR).is_none_or(|v| v != "0"),
        })
    }

    /// Without namespaces, for rustc: it runs no code of the student's that could start a
    /// process or open a socket (no build scripts, no proc macros), and the namespaces would
    /// cost more than the rest of the sandbox together. Files, sockets (seccomp) and limits
    /// stay confined.
    pub fn without_namespaces(mut self) -> Self {
        self.namespaces = false;
        self
    }

    /// Also lets it read (and execute) `path`.
    pub fn read(mut self, path: impl Into<PathBuf>) -> Self {
        self.read.push(path.into());
        self
    }

    /// Sets one more variable of its environment.
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.into(), value.into()));
        self
    }

    /// The policy as the launcher reads it from `OPSLINGS_SANDBOX`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a policy is plain data")
    }

    pub(super) fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }
}

/// One layer of the sandbox and whether this machine has it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layer {
    pub name: &'static str,
    /// What it keeps out, when active; why not, when not.
    pub detail: String,
    pub active: bool,
}

/// Which layers a check would get on this machine, tried for real in a child process.
pub fn layers() -> Vec<Layer> {
    #[cfg(target_os = "linux")]
    {
        probe::run()
    }
    #[cfg(not(target_os = "linux"))]
    {
        vec![Layer {
            name: "sandbox",
            detail: "the sandbox needs Linux (Landlock and seccomp)".into(),
            active: false,
        }]
    }
}

/// Why `grade` cannot run sandboxed here, if it cannot: the layers that are required and
/// missing, named.
pub fn missing_required(layers: &[Layer]) -> Option<String> {
    let missing: Vec<String> = layers
        .iter()
        .filter(|l| !l.active && REQUIRED.contains(&l.name))
        .map(|l| format!("{} ({})", l.name, l.detail))
        .collect();
    (!missing.is_empty()).then(|| missing.join("; "))
}

/// The layers without which a grade cannot be trusted.
const REQUIRED: &[&str] = &["files", "network", "syscalls", "resources", "sandbox"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_policy_survives_its_trip_through_the_environment() {
        let policy = Policy::new(
            Mode::Required,
            Resources::TESTS,
            Path::new("/sysroot"),
            Path::new("/tmp/run"),
        )
        .unwrap()
        .read("/tmp/src")
        .env("RUST_BACKTRACE", "0");
        let back = Policy::from_json(&policy.to_json()).unwrap();
        assert_eq!(back.read, policy.read);
        assert_eq!(back.write, [PathBuf::from("/tmp/run")]);
        assert!(back.required);
        assert!(back.env.contains(&("HOME".into(), "/tmp/run".into())));
        assert!(back.env.contains(&("RUST_BACKTRACE".into(), "0".into())));
        assert!(back.read.contains(&PathBuf::from("/sysroot")));
        assert!(!back.read.iter().any(|p| p == Path::new("/usr")));
    }

    #[test]
    fn no_policy_when_the_sandbox_is_off() {
        let none = Policy::new(
            Mode::Off,
            Resources::TESTS,
            Path::new("/s"),
            Path::new("/w"),
        );
        assert!(none.is_none());
    }

    #[test]
    fn a_missing_required_layer_is_named() {
        let layers = [
            Layer {
                name: "files",
                detail: "Landlock is not enabled".into(),
                active: false,
            },
            Layer {
                name: "processes",
                detail: "no PID namespace".into(),
                active: false,
            },
        ];
        assert_eq!(
            missing_required(&layers).as_deref(),
            Some("files (Landlock is not enabled)")
        );
        assert_eq!(missing_required(&layers[1..]), None);
    }
}

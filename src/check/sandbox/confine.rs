//! Confining the calling process (and all it will start): resource limits, Landlock, seccomp.

use std::{io, path::Path};

use landlock::{
    ABI, Access, AccessFs, AccessNet, CompatLevel, Compatible, PathBeneath, PathFd, Ruleset,
    RulesetAttr, RulesetCreatedAttr, RulesetStatus, Scope,
};
use nix::sys::resource::{Resource, setrlimit};

use super::{Policy, Resources};

/// The newest Landlock ABI opslings knows; older kernels get what they support.
const ABI_WANTED: ABI = ABI::V6;

/// What confining achieved.
#[derive(Debug)]
pub(super) struct Confined {
    /// How far Landlock's file rules are enforced.
    pub files: RulesetStatus,
    /// Whether signals are scoped to the sandbox (Landlock ABI 6).
    pub signals: bool,
}

/// Applies `policy` to this process; an error when a required layer fails.
pub(super) fn confine(policy: &Policy) -> io::Result<Confined> {
    limit(&policy.resources)?;
    let confined = landlock(policy).map_err(|e| io::Error::other(format!("Landlock: {e}")))?;
    if policy.required && confined.files == RulesetStatus::NotEnforced {
        return Err(io::Error::other(
            "Landlock is not available on this kernel, so student code could read any file",
        ));
    }
    super::seccomp::apply().map_err(|e| io::Error::other(format!("seccomp: {e}")))?;
    Ok(confined)
}

/// Sets the resource limits: soft and hard alike, so that the code cannot raise them.
fn limit(resources: &Resources) -> io::Result<()> {
    const MIB: u64 = 1024 * 1024;
    let limits = [
        (Resource::RLIMIT_DATA, resources.memory_mib * MIB),
        (Resource::RLIMIT_NPROC, resources.processes),
        (Resource::RLIMIT_FSIZE, resources.file_size_mib * MIB),
        (Resource::RLIMIT_CPU, resources.cpu_secs),
        (Resource::RLIMIT_CORE, 0),
        (Resource::RLIMIT_NOFILE, 256),
    ];
    for (resource, value) in limits {
        setrlimit(resource, value, value)
            .map_err(|e| io::Error::other(format!("setrlimit {resource:?}: {e}")))?;
    }
    Ok(())
}

fn landlock(policy: &Policy) -> Result<Confined, landlock::RulesetError> {
    let abi = ABI_WANTED;
    let read = AccessFs::from_read(abi);
    let all = AccessFs::from_all(abi);
    let mut ruleset = Ruleset::default()
        .handle_access(all)?
        .set_compatibility(CompatLevel::BestEffort)
        .handle_access(AccessNet::BindTcp | AccessNet::ConnectTcp)?
        .scope(Scope::AbstractUnixSocket | Scope::Signal)?
        .create()?;
    for (paths, access) in [(&policy.read, read), (&policy.write, all)] {
        for path in paths {
            if let Some(rule) = rule(path, access) {
                ruleset = ruleset.add_rule(rule)?;
            }
        }
    }
    let status = ruleset.restrict_self()?;
    let known = status.landlock;
    let at_least = |wanted: ABI| matches!(known, landlock::LandlockStatus::Available { effective_abi, .. } if effective_abi >= wanted);
    Ok(Confined {
        files: status.ruleset,
        signals: at_least(ABI::V6),
    })
}

/// A rule for `path`, limited to what a file can have when it is not a folder; `None` when it
/// does not exist here (a system folder this distribution does not have).
fn rule(path: &Path, access: landlock::BitFlags<AccessFs>) -> Option<PathBeneath<PathFd>> {
    let fd = PathFd::new(path).ok()?;
    let access = if path.is_dir() {
        access
    } else {
        access & AccessFs::from_file(ABI_WANTED)
    };
    Some(PathBeneath::new(fd, access))
}

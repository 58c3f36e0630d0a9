//! Confining the calling process (and all it will start): resource limits, Landlock, seccomp.

use std::{io, path::Path};

use landlock::{
    ABI, Access, AccessFs, AccessNet, CompatLevel, Compatible, PathBeneath, PathFd, Ruleset,
    RulesetAttr, RulesetCreatedAttr, RulesetStatus, Scope,
};
use nix::sys::resource::{Resource, getrlimit, setrlimit};

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

/// Applies `policy` to this process. A layer that fails is an error when the policy requires
/// the sandbox; otherwise the program runs with the layers this machine has. `own_users` says
/// whether this process is in a user namespace of its own (see `limit`).
pub(super) fn confine(policy: &Policy, own_users: bool) -> io::Result<Confined> {
    let required = |result: io::Result<()>| match result {
        Err(e) if policy.required => Err(e),
        _ => Ok(()),
    };
    required(limit(&policy.resources, own_users))?;
    required(drop_capabilities())?;
    let confined = match landlock(policy) {
        Ok(confined) => confined,
        Err(e) if policy.required => return Err(io::Error::other(format!("Landlock: {e}"))),
        Err(_) => Confined {
            files: RulesetStatus::NotEnforced,
            signals: false,
        },
    };
    if policy.required && confined.files == RulesetStatus::NotEnforced {
        return Err(io::Error::other(
            "Landlock is not available on this kernel, so student code could read any file",
        ));
    }
    required(super::seccomp::apply().map_err(|e| io::Error::other(format!("seccomp: {e}"))))?;
    Ok(confined)
}

/// Sets the resource limits: soft and hard alike, so that the code cannot raise them. The kernel
/// counts processes per user in each user namespace: in one of the check's own, only the check's
/// processes count; outside one, every process of the user on the machine (of the container, in
/// Docker) would, so the limit is left to the time limit and the container's.
fn limit(resources: &Resources, own_users: bool) -> io::Result<()> {
    const MIB: u64 = 1024 * 1024;
    let limits = [
        (Resource::RLIMIT_DATA, resources.memory_mib * MIB),
        (Resource::RLIMIT_FSIZE, resources.file_size_mib * MIB),
        (Resource::RLIMIT_CPU, resources.cpu_secs),
        (Resource::RLIMIT_CORE, 0),
        (Resource::RLIMIT_NOFILE, 256),
    ];
    let processes = own_users.then_some((Resource::RLIMIT_NPROC, resources.processes));
    for (resource, value) in limits.into_iter().chain(processes) {
        // Never above the hard limit the machine already set: only root may raise it.
        let value = getrlimit(resource).map_or(value, |(_, hard)| value.min(hard));
        // At the soft CPU limit the kernel sends SIGXCPU, at the hard one SIGKILL: a second
        // apart, so that the verdict can say which limit it was.
        let hard = match resource {
            Resource::RLIMIT_CPU => value.saturating_add(1),
            _ => value,
        };
        setrlimit(resource, value, hard)
            .map_err(|e| io::Error::other(format!("setrlimit {resource:?}: {e}")))?;
    }
    Ok(())
}

/// Gives up every capability, for good: root (in a container, say) could otherwise raise the
/// limits again, or read and write past file permissions. Inside a user namespace of its own
/// the process has them only there; they go too.
fn drop_capabilities() -> io::Result<()> {
    use rustix::thread::{
        CapabilitySet, CapabilitySets, remove_capability_from_bounding_set, set_capabilities,
    };
    for capability in CapabilitySet::all().iter() {
        // Needs CAP_SETPCAP, which only a process that has capabilities has.
        let _ = remove_capability_from_bounding_set(capability);
    }
    let none = CapabilitySets {
        effective: CapabilitySet::empty(),
        permitted: CapabilitySet::empty(),
        inheritable: CapabilitySet::empty(),
    };
    set_capabilities(None, none)?;
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

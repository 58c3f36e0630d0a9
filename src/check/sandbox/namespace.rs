//! New user, PID, network and IPC namespaces for a check, where the kernel allows them.
//!
//! The user namespace is what lets an unprivileged process make the others. Inside it the user
//! keeps its own ids (mapped to themselves), so files the check writes belong to the user as
//! before. The network namespace has only a loopback interface, and it is down: no network at
//! all. The PID namespace's first process is the check's init (see `stages`): when it ends, the
//! kernel kills every process left in the namespace.

use std::{fs, io};

use nix::{
    sched::{CloneFlags, unshare},
    unistd::{getgid, getuid},
};

/// Moves this process into new user, network and IPC namespaces; the processes it starts from
/// now on go into a new PID namespace.
pub(super) fn enter() -> io::Result<()> {
    let (uid, gid) = (getuid(), getgid());
    let flags = CloneFlags::CLONE_NEWUSER
        | CloneFlags::CLONE_NEWPID
        | CloneFlags::CLONE_NEWNET
        | CloneFlags::CLONE_NEWIPC;
    unshare(flags).map_err(io::Error::from)?;
    // Without a mapping the user would be `nobody` here and could not create files.
    fs::write("/proc/self/setgroups", "deny")?;
    fs::write("/proc/self/uid_map", format!("{uid} {uid} 1"))?;
    fs::write("/proc/self/gid_map", format!("{gid} {gid} 1"))?;
    Ok(())
}

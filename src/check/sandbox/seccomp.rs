//! The seccomp filter: what Landlock does not cover. Every call not named here is allowed;
//! the ones named fail with an error, so a program that tries them gets an error it can report
//! rather than a crash.

use std::collections::BTreeMap;

use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter,
    SeccompRule, TargetArch,
};

/// Calls refused outright: reading or writing other processes, kernel interfaces no check
/// needs, new namespaces (a way around the filter's view of the system), and io_uring, whose
/// operations seccomp cannot see.
const DENIED: &[libc::c_long] = &[
    libc::SYS_ptrace,
    libc::SYS_process_vm_readv,
    libc::SYS_process_vm_writev,
    libc::SYS_perf_event_open,
    libc::SYS_bpf,
    libc::SYS_userfaultfd,
    libc::SYS_keyctl,
    libc::SYS_add_key,
    libc::SYS_request_key,
    libc::SYS_mount,
    libc::SYS_umount2,
    libc::SYS_pivot_root,
    libc::SYS_chroot,
    libc::SYS_unshare,
    libc::SYS_setns,
    libc::SYS_io_uring_setup,
    libc::SYS_io_uring_enter,
    libc::SYS_io_uring_register,
    libc::SYS_kcmp,
    libc::SYS_open_by_handle_at,
    libc::SYS_name_to_handle_at,
    libc::SYS_fanotify_init,
    libc::SYS_kexec_load,
    libc::SYS_init_module,
    libc::SYS_finit_module,
    libc::SYS_delete_module,
    libc::SYS_reboot,
    libc::SYS_swapon,
    libc::SYS_swapoff,
    libc::SYS_acct,
    libc::SYS_syslog,
];

/// `clone` flags that would make a new namespace.
const NAMESPACES: &[libc::c_int] = &[
    libc::CLONE_NEWUSER,
    libc::CLONE_NEWNS,
    libc::CLONE_NEWPID,
    libc::CLONE_NEWNET,
    libc::CLONE_NEWIPC,
    libc::CLONE_NEWUTS,
    libc::CLONE_NEWCGROUP,
];

/// Installs the filters on this thread, and so on every process it starts.
pub(super) fn apply() -> Result<(), seccompiler::Error> {
    let arch: TargetArch = std::env::consts::ARCH.try_into()?;
    seccompiler::apply_filter(&denied(arch)?)?;
    // glibc starts threads and processes with clone3 when it can and falls back to clone on
    // ENOSYS; clone3 passes its flags in memory, out of the filter's sight, so it must go.
    seccompiler::apply_filter(&compile(
        [(libc::SYS_clone3, vec![])].into_iter().collect(),
        SeccompAction::Errno(libc::ENOSYS as u32),
        arch,
    )?)?;
    Ok(())
}

fn denied(arch: TargetArch) -> Result<BpfProgram, seccompiler::Error> {
    let mut rules: BTreeMap<i64, Vec<SeccompRule>> = BTreeMap::new();
    for &call in DENIED {
        rules.insert(call, vec![]);
    }
    // Sockets other than Unix ones: no network, whatever the namespaces.
    rules.insert(
        libc::SYS_socket,
        vec![SeccompRule::new(vec![SeccompCondition::new(
            0,
            SeccompCmpArgLen::Dword,
            SeccompCmpOp::Ne,
            libc::AF_UNIX as u64,
        )?])?],
    );
    let namespace_rules = NAMESPACES
        .iter()
        .map(|&flag| {
            let flag = flag as u64;
            SeccompRule::new(vec![SeccompCondition::new(
                0,
                SeccompCmpArgLen::Qword,
                SeccompCmpOp::MaskedEq(flag),
                flag,
            )?])
        })
        .collect::<Result<Vec<_>, _>>()?;
    rules.insert(libc::SYS_clone, namespace_rules);
    with_x32(&mut rules);
    compile(rules, SeccompAction::Errno(libc::EPERM as u32), arch)
}

/// On x86_64 the same calls can be made through the x32 ABI, with a high bit set in their
/// numbers; they are refused the same way (most kernels disable x32, some do not).
fn with_x32(rules: &mut BTreeMap<i64, Vec<SeccompRule>>) {
    if cfg!(target_arch = "x86_64") {
        const X32: i64 = 0x4000_0000;
        let x32: Vec<_> = rules.iter().map(|(&n, r)| (n | X32, r.clone())).collect();
        rules.extend(x32);
    }
}

fn compile(
    rules: BTreeMap<i64, Vec<SeccompRule>>,
    on_match: SeccompAction,
    arch: TargetArch,
) -> Result<BpfProgram, seccompiler::Error> {
    let filter = SeccompFilter::new(rules, SeccompAction::Allow, on_match, arch)?;
    Ok(filter.try_into()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filters_compile_for_this_machine() {
        let arch: TargetArch = std::env::consts::ARCH.try_into().unwrap();
        let program = denied(arch).unwrap();
        assert!(
            program.len() > DENIED.len(),
            "{} instructions",
            program.len()
        );
    }
}

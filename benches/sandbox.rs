//! What the sandbox costs: starting a process through the launcher with and without it.
//!
//! `cargo bench --bench sandbox [-- RUNS]` (default 40). Each round starts `/bin/true` through
//! `opslings __exec` three ways, in turn, so that all see the same machine state: plain; as a
//! compile is sandboxed (rlimits, Landlock, seccomp); and as a test program is (the same in new
//! user, PID and network namespaces). A check is one compile (two when the one-rustc build falls
//! back to the two-step one) and one test program.

use std::{
    path::Path,
    process::{Command, Stdio},
    time::{Duration, Instant},
};

use opslings::check::{Resources, SandboxMode, sandbox::Policy};

const BIN: &str = env!("CARGO_BIN_EXE_opslings");

fn main() {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(40);
    let dir = tempfile::tempdir().unwrap();
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .unwrap();
    let sysroot = String::from_utf8(sysroot.stdout).unwrap();
    let tests = Policy::new(
        SandboxMode::Required,
        Resources::TESTS,
        Path::new(sysroot.trim()),
        dir.path(),
    )
    .unwrap();
    let compile = tests.clone().without_namespaces().to_json();
    let tests = tests.to_json();
    let (mut plain, mut compiles, mut programs) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        plain.push(time(None));
        compiles.push(time(Some(&compile)));
        programs.push(time(Some(&tests)));
    }
    let plain = median(&mut plain);
    let compile = median(&mut compiles).saturating_sub(plain);
    let program = median(&mut programs).saturating_sub(plain);
    println!("process start through the launcher, median of {runs}:");
    println!("  plain                   {:>6.2} ms", ms(plain));
    println!("  + sandbox of a compile  {:>6.2} ms", ms(compile));
    println!("  + sandbox of the tests  {:>6.2} ms", ms(program));
    println!(
        "  the sandbox adds {:.2} ms to a check (one compile and the test program), {:.2} ms \
         when it is built in two steps",
        ms(compile) + ms(program),
        2.0 * ms(compile) + ms(program)
    );
}

fn time(policy: Option<&str>) -> Duration {
    let mut command = Command::new(BIN);
    command
        .args(["__exec", "/bin/true"])
        .stdin(Stdio::null())
        .stdout(Stdio::null());
    if let Some(policy) = policy {
        command.env("OPSLINGS_SANDBOX", policy);
    }
    let started = Instant::now();
    let status = command.status().unwrap();
    let elapsed = started.elapsed();
    assert!(status.success(), "{status}");
    elapsed
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

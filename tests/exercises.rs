//! The real exercise set: every solution passes its hidden tests, every untouched exercise does
//! not, tasks and info.toml agree with the folders. This is what `cargo test` promises an
//! instructor, checked through the real binary as an instructor's CI would run it.

use std::{path::Path, process::Command};

#[test]
fn every_solution_passes_and_every_untouched_exercise_fails() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO_BIN_EXE_opslings"))
        // Every check compiled: a verdict kept from an earlier run would prove nothing new.
        .args(["verify", "--no-cache", "--color", "never"])
        .current_dir(root)
        .env_remove("OPSLINGS_COURSE")
        .output()
        .expect("opslings runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "the exercise set is not sound:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let last = stdout.lines().last().unwrap_or_default();
    assert!(
        last.contains("all sound") && last.contains("info.toml agrees with the folders"),
        "{stdout}"
    );
}

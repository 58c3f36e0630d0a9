/*!
The Rust toolchain a check compiles with, found once per process: the rustc binary, its sysroot,
and its own description (`rustc -vV`), which names the toolchain in the verdict cache's key.

The binary is the toolchain's own, found through the `rustc` on PATH (or `$RUSTC`), which skips
the rustup proxy's start-up cost on every compile. Test programs link the standard library
dynamically when the toolchain ships it as a shared library: linking it statically is about a
quarter of a small test program's build. They then load it from the sysroot at run time (an
rpath names the folder), which a sandboxed check may read anyway, as rustc itself does.
*/

use std::{
    path::{Path, PathBuf},
    process::Command,
    sync::OnceLock,
};

use anyhow::{Context, Result};

/// One toolchain, as found on this machine.
#[derive(Debug)]
pub struct Toolchain {
    /// The compiler to run.
    pub rustc: PathBuf,
    /// `$RUSTC`, when it names the compiler (a sandboxed compile must be able to read it).
    pub rustc_override: Option<PathBuf>,
    /// The toolchain's sysroot (its standard library and tools), which sandboxed checks read.
    pub sysroot: PathBuf,
    /// `rustc -vV`: release, commit, host and LLVM version.
    pub version: String,
    /// Where the standard library's shared object lives, when the toolchain has one.
    pub dylib_dir: Option<PathBuf>,
}

impl Toolchain {
    /// The toolchain of this process, found on first use.
    pub fn get() -> Result<&'static Self> {
        static TOOLCHAIN: OnceLock<Toolchain> = OnceLock::new();
        if let Some(toolchain) = TOOLCHAIN.get() {
            return Ok(toolchain);
        }
        let found = find()?;
        Ok(TOOLCHAIN.get_or_init(|| found))
    }

    /// A rustc command that runs in `root`.
    pub fn rustc(&self, root: &Path) -> Command {
        let mut command = Command::new(&self.rustc);
        command.current_dir(root);
        command
    }

    /// Flags that link a program against the standard library's shared object, found again at
    /// run time from the sysroot; none when the toolchain has no shared standard library.
    pub fn dynamic_std(&self) -> Vec<String> {
        let Some(dir) = &self.dylib_dir else {
            return Vec::new();
        };
        vec![
            "-C".into(),
            "prefer-dynamic".into(),
            "-C".into(),
            format!("link-arg=-Wl,-rpath,{}", dir.display()),
        ]
    }
}

fn find() -> Result<Toolchain> {
    let rustc_override = std::env::var_os("RUSTC").map(PathBuf::from);
    let (rustc, sysroot) = match &rustc_override {
        Some(rustc) => (rustc.clone(), print_sysroot(rustc)?),
        None => {
            let sysroot = print_sysroot(Path::new("rustc"))?;
            let direct = sysroot
                .join("bin")
                .join(format!("rustc{}", std::env::consts::EXE_SUFFIX));
            let rustc = if direct.is_file() {
                direct
            } else {
                "rustc".into()
            };
            (rustc, sysroot)
        }
    };
    let output = Command::new(&rustc)
        .arg("-vV")
        .output()
        .context(RUSTC_MISSING)?;
    anyhow::ensure!(output.status.success(), RUSTC_MISSING);
    let version = String::from_utf8_lossy(&output.stdout).into_owned();
    let dylib_dir = host(&version)
        .map(|host| sysroot.join("lib/rustlib").join(host).join("lib"))
        .filter(|dir| cfg!(target_os = "linux") && has_std_dylib(dir));
    Ok(Toolchain {
        rustc,
        rustc_override,
        sysroot,
        version,
        dylib_dir,
    })
}

fn print_sysroot(rustc: &Path) -> Result<PathBuf> {
    let output = Command::new(rustc)
        .args(["--print", "sysroot"])
        .output()
        .context(RUSTC_MISSING)?;
    anyhow::ensure!(output.status.success(), RUSTC_MISSING);
    Ok(String::from_utf8_lossy(&output.stdout).trim().into())
}

/// The `host:` line of `rustc -vV`.
fn host(version: &str) -> Option<&str> {
    version
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::trim)
}

fn has_std_dylib(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries.flatten().any(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with("libstd-") && name.ends_with(".so")
        })
    })
}

const RUSTC_MISSING: &str = "Failed to run `rustc`: opslings needs a Rust toolchain. \
Install one from https://rustup.rs, open a new terminal, and try again";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_is_read_from_the_version() {
        let version = "rustc 1.95.0 (59807616e 2026-04-14)\nbinary: rustc\nhost: x86_64-unknown-linux-gnu\nrelease: 1.95.0\n";
        assert_eq!(host(version), Some("x86_64-unknown-linux-gnu"));
        assert_eq!(host("rustc 1.95.0\n"), None);
    }
}

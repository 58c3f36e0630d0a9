/*!
The verdict cache: a check's verdict is a function of the toolchain, opslings' version, the
hidden tests, the limits, the check's flags and the student's sources, so a digest of them keys
the verdict, and unchanged content gets it back without compiling (revisiting an exercise,
running `verify` again, grading again after a deadline).

It lives outside any workbook (`$XDG_CACHE_HOME/opslings`, `~/.cache/opslings`, or a folder an
instructor names), out of the student's reach. Entries are not trusted for being there: each
carries its full key and a MAC made with a secret of this cache (`secret`, 32 random bytes,
created once with create-new semantics and mode 0600, before any entry is written). An entry
that is damaged, truncated, written for another key, or planted by anyone who cannot read the
secret fails the check, counts as a miss, and is written over by the fresh verdict. A keyed
BLAKE3 is that MAC; the same hash, unkeyed, makes the key.

Only verdicts that the same inputs give again are kept: not a time-out, which a busy machine
can cause.
*/

use std::{
    fs, io,
    path::{Path, PathBuf},
};

use anyhow::{Context, Result};

use super::{CrashReason, Job, LimitHit, Verdict, verdict::CheckReport};

/// What changes whenever the format of an entry, or what a verdict means, changes.
const FORMAT: &str = "opslings-verdict-cache-1";
/// The secret's file in the cache folder.
const SECRET: &str = "secret";
/// How deep folders below `src/` may nest for the sources to be keyed.
const MAX_DEPTH: usize = 8;

/// A verdict cache in one folder.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    secret: [u8; 32],
}

/// The digest of everything a verdict depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key([u8; 32]);

#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    key: String,
    report: CheckReport,
}

impl Cache {
    /// The folder used when none is named: `$XDG_CACHE_HOME/opslings`, else
    /// `~/.cache/opslings`; `None` when neither variable is set.
    pub fn default_dir() -> Option<PathBuf> {
        let absolute = |var: &str| {
            std::env::var_os(var)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
        };
        absolute("XDG_CACHE_HOME")
            .or_else(|| absolute("HOME").map(|home| home.join(".cache")))
            .map(|base| base.join("opslings"))
    }

    /// Opens the cache in `dir`, creating the folder and its secret when they are missing.
    pub fn open(dir: &Path) -> Result<Self> {
        create_private_dir(dir)
            .with_context(|| format!("Failed to create the verdict cache {}", dir.display()))?;
        let secret = secret(dir).with_context(|| {
            format!(
                "Failed to set up the verdict cache's secret in {}: remove the folder, or pass \
                 --no-cache",
                dir.display()
            )
        })?;
        Ok(Self {
            dir: dir.to_owned(),
            secret,
        })
    }

    fn entry_path(&self, key: &Key) -> PathBuf {
        let hex = key.hex();
        self.dir.join("verdicts").join(&hex[..2]).join(hex)
    }

    /// The verdict stored for `key`, when its entry is intact and made with this cache's secret.
    pub fn get(&self, key: &Key) -> Option<CheckReport> {
        let bytes = fs::read(self.entry_path(key)).ok()?;
        let newline = bytes.iter().position(|&b| b == b'\n')?;
        let (mac, body) = (&bytes[..newline], &bytes[newline + 1..]);
        let expected = blake3::keyed_hash(&self.secret, body);
        // `Hash` compares in constant time.
        if blake3::Hash::from_hex(mac).ok()? != expected {
            return None;
        }
        let entry: Entry = serde_json::from_slice(body).ok()?;
        (entry.key == key.hex()).then_some(entry.report)
    }

    /// Stores `report` under `key` when it is a verdict the same inputs would give again.
    /// A cache that cannot be written is only slower, so failures are ignored.
    pub fn put(&self, key: &Key, report: &CheckReport) {
        if !keeps(report) {
            return;
        }
        let _ = self.write(key, report);
    }

    fn write(&self, key: &Key, report: &CheckReport) -> io::Result<()> {
        let entry = Entry {
            key: key.hex(),
            report: report.clone(),
        };
        let body = serde_json::to_vec(&entry).map_err(io::Error::other)?;
        let mac = blake3::keyed_hash(&self.secret, &body);
        let path = self.entry_path(key);
        let folder = path.parent().expect("an entry has a folder");
        fs::create_dir_all(folder)?;
        let mut file = tempfile::NamedTempFile::new_in(folder)?;
        io::Write::write_all(&mut file, format!("{}\n", mac.to_hex()).as_bytes())?;
        io::Write::write_all(&mut file, &body)?;
        file.persist(&path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// Whether a verdict is worth keeping: a time-out (of the tests, or of rustc, or of the CPU
/// time the sandbox allows) may not recur.
fn keeps(report: &CheckReport) -> bool {
    match &report.verdict {
        Verdict::TimedOut { .. } => false,
        Verdict::Crashed {
            reason: CrashReason::Limit(LimitHit::CpuTime { .. }),
            ..
        } => false,
        Verdict::CompileError { diagnostics, .. } => {
            !diagnostics.ends_with(super::COMPILE_TIMED_OUT)
        }
        _ => true,
    }
}

impl Key {
    /// The key of `job` compiled by the toolchain described by `toolchain` (`rustc -vV`),
    /// reading the student's sources; `None` when they cannot all be read.
    pub fn of(job: &Job, toolchain: &str) -> Option<Self> {
        let mut digest = Digest(blake3::Hasher::new());
        digest.field(FORMAT.as_bytes());
        digest.field(env!("CARGO_PKG_VERSION").as_bytes());
        digest.field(&build_id());
        digest.field(toolchain.as_bytes());
        for flag in super::FLAGS.iter().chain(super::STUDENT_FLAGS) {
            digest.field(flag.as_bytes());
        }
        // How far the code is confined and what it may use decide some verdicts too.
        digest.field(format!("{:?} {:?}", job.sandbox, job.resources).as_bytes());
        digest.field(job.crate_name.as_bytes());
        digest.field(job.edition.as_bytes());
        digest.field(job.hidden_name.as_bytes());
        digest.field(job.hidden.program.as_bytes());
        digest.field(&job.time_limit.as_nanos().to_le_bytes());
        digest.field(&super::OUTPUT_CAP.to_le_bytes());
        digest.field(&super::COMPILE_TIME_LIMIT.as_nanos().to_le_bytes());
        digest.field(&[u8::from(job.color)]);
        // Compiler messages name the student's files by these paths.
        digest.field(job.src.as_os_str().as_encoded_bytes());
        for (path, name) in &job.rename {
            digest.field(path.as_os_str().as_encoded_bytes());
            digest.field(name.as_bytes());
        }
        hash_sources(&mut digest, &job.root.join(&job.src), "", 0).ok()?;
        Some(Self(*digest.0.finalize().as_bytes()))
    }

    fn hex(&self) -> String {
        blake3::Hash::from_bytes(self.0).to_hex().to_string()
    }
}

/// This build of opslings: its version alone would not change while the check is developed,
/// so the binary's size and modification time stand for the build (a rebuilt binary misses).
fn build_id() -> Vec<u8> {
    use std::sync::OnceLock;
    static ID: OnceLock<Vec<u8>> = OnceLock::new();
    ID.get_or_init(|| {
        let meta = std::env::current_exe().and_then(fs::metadata);
        let mut id = Vec::new();
        if let Ok(meta) = meta {
            id.extend(meta.len().to_le_bytes());
            let modified = meta
                .modified()
                .ok()
                .and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok());
            id.extend(modified.map_or(0, |d| d.as_nanos()).to_le_bytes());
        }
        id
    })
    .clone()
}

/// A digest of fields that cannot run into each other: each is preceded by its length.
struct Digest(blake3::Hasher);

impl Digest {
    fn field(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }
}

/// Every regular file below `dir`, in name order: its path below `src/`, then its bytes.
fn hash_sources(digest: &mut Digest, dir: &Path, prefix: &str, depth: usize) -> io::Result<()> {
    if depth > MAX_DEPTH {
        return Err(io::Error::other("folders nest too deep"));
    }
    let mut entries = fs::read_dir(dir)?.collect::<io::Result<Vec<_>>>()?;
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        let kind = entry.file_type()?;
        if kind.is_dir() {
            hash_sources(digest, &entry.path(), &format!("{name}/"), depth + 1)?;
        } else if kind.is_file() {
            digest.field(name.as_bytes());
            digest.field(&fs::read(entry.path())?);
        }
    }
    Ok(())
}

/// Creates `dir` (and its parents), the last one readable by its owner only.
fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// The cache's secret: read when it is sound, else made anew. A new secret is written to a
/// private temporary file and linked into place only if no other process got there first
/// (create-new), so two runs starting together agree on one secret.
fn secret(dir: &Path) -> io::Result<[u8; 32]> {
    let path = dir.join(SECRET);
    if let Some(secret) = read_secret(&path)? {
        return Ok(secret);
    }
    let mut secret = [0; 32];
    getrandom::fill(&mut secret).map_err(io::Error::other)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    io::Write::write_all(&mut file, &secret)?;
    file.as_file().sync_all()?;
    match file.persist_noclobber(&path) {
        Ok(_) => Ok(secret),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
            read_secret(&path)?.ok_or_else(|| io::Error::other("the secret file is not sound"))
        }
        Err(e) => Err(e.error),
    }
}

/// The secret in `path`; `None` when it is missing, and (then removed) when it is not 32 bytes
/// or others than its owner may read it, since entries made with it can no longer be trusted.
fn read_secret(path: &Path) -> io::Result<Option<[u8; 32]>> {
    let bytes = match fs::read(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        other => other?,
    };
    #[cfg(unix)]
    let private = {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(path)?.mode() & 0o077 == 0
    };
    #[cfg(not(unix))]
    let private = true;
    match <[u8; 32]>::try_from(bytes.as_slice()) {
        Ok(secret) if private => Ok(Some(secret)),
        _ => {
            fs::remove_file(path)?;
            Ok(None)
        }
    }
}

#[cfg(test)]
mod tests;

//! # artifact_digest: a content address that changes only when the content does
//!
//! An artifact is immutable: once built, its bytes never change, so it can be named by a hash of
//! those bytes, its *digest*. Docker and the OCI image spec ("Descriptors: Digests") do exactly
//! that, and a registry can then hand out content by digest and anyone can check what they got.
//! A digest is only useful if it is *reproducible*: building the same source twice must give
//! the same digest (reproducible-builds.org). Two things break that in practice: hashing in
//! whatever order the files happen to be listed, and hashing things that are not the content,
//! such as the time of the build or the directory it ran in.
//!
//! Hashing is given: [`Fnv1a64`] (FNV-1a, 64 bits). It is small enough to read, but it is not a
//! cryptographic hash; real registries use SHA-256. You write what goes into it.
//!
//! ## Task 1: Frame every file so that names and contents cannot run together
//!
//! [`frame`] feeds one file to the hasher, in this order: the length of the path in bytes as a
//! `u64` in 8 little-endian bytes, the path's bytes, the length of the contents likewise, then
//! the contents. Without the lengths, the file `ab` holding `c` and the file `a` holding `bc`
//! would feed the same bytes `abc`.
//!
//! Example: framing `("a", b"bc")` feeds `[1,0,0,0,0,0,0,0, b'a', 2,0,0,0,0,0,0,0, b'b', b'c']`.
//!
//! ## Task 2: Hash the files in path order, whatever order they come in
//!
//! [`digest_files`] digests a set of files given by path relative to the artifact's root:
//! - a fresh [`Fnv1a64`]; every file framed into it in ascending order of path (byte order);
//! - two files with the same path are refused: [`DigestError::DuplicatePath`];
//! - the result is `fnv1a64:` followed by the hash as 16 lowercase hex digits, zero-padded.
//!
//! Example: no files at all give `fnv1a64:cbf29ce484222325` (the hash of nothing), and both
//! `[("a", b"1"), ("b", b"2")]` and `[("b", b"2"), ("a", b"1")]` give
//! `fnv1a64:4fa08d85903c5b2b`.
//!
//! ## Task 3: Leave the build's time and place out of the digest
//!
//! [`digest`] digests a [`BuildOutput`] as [`digest_files`] does, with each path made relative:
//! - a file's relative path is its path with the build's `root` and the `/` after it removed:
//!   under root `/ci/job-17`, `/ci/job-17/bin/app` is `bin/app`;
//! - a file not under the root (not starting with `root` followed by `/`) is refused:
//!   [`DigestError::OutsideRoot`] with its full path; `/ci/job-170/x` is not under `/ci/job-17`;
//! - times (`finished_ms`, `modified_ms`) and the root itself never go into the digest.
//!
//! Example: the same two files built under `/ci/job-17` at 09:00 and under `/ci/job-18` at
//! 10:00 have the same digest.
//!
//! ## Beyond this exercise
//!
//! An OCI image digest is the SHA-256 of a JSON manifest that lists each layer by its own
//! digest and size; each layer is a tar archive, and reproducible tars fix the order of entries,
//! their owners and their times (`SOURCE_DATE_EPOCH`, `--mtime`). Real builds also leak the
//! build path into binaries (debug info) and must remap it. File modes count as content there.

use std::fmt;

/// FNV-1a with 64 bits: a simple, non-cryptographic hash, fed in pieces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fnv1a64 {
    state: u64,
}

impl Fnv1a64 {
    /// A hasher that has been fed nothing yet.
    pub fn new() -> Self {
        Self {
            state: 0xcbf2_9ce4_8422_2325,
        }
    }

    /// Feeds `bytes`: feeding `a` then `b` is the same as feeding `a` and `b` joined.
    pub fn update(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.state ^= u64::from(byte);
            self.state = self.state.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash of everything fed so far.
    pub fn finish(&self) -> u64 {
        self.state
    }
}

impl Default for Fnv1a64 {
    fn default() -> Self {
        Self::new()
    }
}

/// One file of a build's output, as the build left it on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltFile {
    /// Its full path, under the build's root.
    pub path: String,
    /// Its bytes.
    pub contents: Vec<u8>,
    /// When it was last written: differs on every build, so it is not content.
    pub modified_ms: u64,
}

/// Everything a build produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildOutput {
    /// The directory the build ran in, without a trailing `/` (e.g. `/ci/job-17`).
    pub root: String,
    /// The files it produced, in no particular order.
    pub files: Vec<BuiltFile>,
    /// When the build finished.
    pub finished_ms: u64,
}

/// Why a set of files has no digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DigestError {
    /// Two files claim this (relative) path.
    DuplicatePath(String),
    /// This file (full path) is not under the build's root.
    OutsideRoot(String),
}

impl fmt::Display for DigestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DigestError::DuplicatePath(path) => write!(f, "two files at the path {path}"),
            DigestError::OutsideRoot(path) => write!(f, "{path} is not under the build root"),
        }
    }
}

impl std::error::Error for DigestError {}

/// Feeds one file to `hasher`, each part preceded by its length (Task 1).
pub fn frame(hasher: &mut Fnv1a64, path: &str, contents: &[u8]) {
    // Each part is preceded by its length, so the boundaries are in the hashed bytes: no two
    // different files (or lists of files) can feed the same sequence.
    hasher.update(&(path.len() as u64).to_le_bytes());
    hasher.update(path.as_bytes());
    hasher.update(&(contents.len() as u64).to_le_bytes());
    hasher.update(contents);
}

/// The digest of files given as (path relative to the root, contents) (Task 2).
pub fn digest_files(files: &[(&str, &[u8])]) -> Result<String, DigestError> {
    // A digest names a set of files: fix the order, so that listing order cannot matter.
    let mut sorted = files.to_vec();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    // Once sorted, two files with the same path sit next to each other.
    if let Some(pair) = sorted.windows(2).find(|pair| pair[0].0 == pair[1].0) {
        return Err(DigestError::DuplicatePath(pair[0].0.to_string()));
    }
    let mut hasher = Fnv1a64::new();
    for (path, contents) in sorted {
        frame(&mut hasher, path, contents);
    }
    Ok(format!("fnv1a64:{:016x}", hasher.finish()))
}

/// The digest of a build's output: its files' relative paths and contents only (Task 3).
pub fn digest(build: &BuildOutput) -> Result<String, DigestError> {
    let mut files = Vec::with_capacity(build.files.len());
    for file in &build.files {
        // Strip the root and then the separator: `/ci/job-170/x` starts with `/ci/job-17`
        // but is not under it.
        let relative = file
            .path
            .strip_prefix(build.root.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .ok_or_else(|| DigestError::OutsideRoot(file.path.clone()))?;
        files.push((relative, file.contents.as_slice()));
    }
    // The root and the times stay out: the same source built elsewhere, later, is the same
    // artifact.
    digest_files(&files)
}

//! # release_manifest: a release that pins every input it was built from
//!
//! A release is reproducible only if everything that went into it is named exactly: the base
//! image, every package, every downloaded file. `FROM node:20` names whatever `node:20` points
//! at on the day of the build; `"left-pad": "^1.3.0"` names whatever 1.x is newest that day.
//! Build the same commit a month later and you get different bytes, or someone else's bytes if
//! a tag or a package was replaced. A release manifest pins every input: images by digest
//! (`node@sha256:…`, the OCI image-spec's content address), packages by exact version, and a
//! checksum for each package so that a tampered download is caught (as Cargo.lock and
//! package-lock.json record). This checker finds every input that is not pinned.
//!
//! [`is_sha256`] is given: `sha256:` followed by exactly 64 lowercase hex digits.
//!
//! ## Task 1: Tell an image pinned by digest from one pulled by tag
//!
//! [`image_is_pinned`]: a reference is pinned when it ends in `@` and a valid digest
//! ([`is_sha256`]) after its last `@`. A tag alongside the digest is fine, the digest wins.
//!
//! Example: `node:20`, `node` (no tag means `latest`) and `node@sha256:abc` are not pinned;
//! `node@sha256:` + 64 hex digits and `node:20@sha256:` + 64 hex digits are.
//!
//! ## Task 2: Tell an exact version from a range
//!
//! [`version_is_exact`]: after one optional leading `=`, an exact version is three
//! dot-separated numbers of one or more digits each, optionally followed by `-` and a
//! pre-release of one or more ASCII letters, digits, `.` or `-`. Anything else is a range.
//!
//! Example: `1.3.0`, `=1.3.0` and `2.0.0-rc.1` are exact; `^1.3.0`, `~1.3`, `1.3`, `1.x`,
//! `*`, `>=1.3.0, <2.0.0`, `1.3.0+build` and `1.3.0-` are not.
//!
//! ## Task 3: Report every unpinned input in a stable order
//!
//! [`unpinned`] checks a whole [`Manifest`] and reports every problem, not just the first:
//! - an image that is not pinned: [`Problem::ImageByTag`];
//! - a package whose version is not exact: [`Problem::VersionRange`];
//! - a package with no checksum, or one that is not a valid digest: [`Problem::MissingChecksum`]
//!   (a package can have both problems: two findings);
//! - the findings are sorted by input name, then by problem in the order the enum lists them,
//!   so that the report does not change when the manifest is reordered.
//!
//! Example: images `web` = `web:1.4.2` and `db` = `postgres@sha256:` + 64 hex digits, and a
//! package `left-pad` at `^1.3.0` without checksum give `[left-pad: VersionRange,
//! left-pad: MissingChecksum, web: ImageByTag]`.
//!
//! ## Beyond this exercise
//!
//! Real lock files pin the whole dependency tree, not just direct dependencies, and record where
//! each package came from. Pinning is half the job: Dependabot or Renovate then move the pins
//! forward on purpose, in reviewed changes. Supply-chain frameworks (SLSA) also ask for a signed
//! record of how the artifact was built (provenance), and SBOMs list what is inside it.

/// A container image the release uses, e.g. its base image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageInput {
    /// What the manifest calls it.
    pub name: String,
    /// How it is pulled: `node:20`, `node@sha256:…`.
    pub reference: String,
}

/// A package the release depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageInput {
    /// The package's name.
    pub name: String,
    /// The version asked for: exact (`1.3.0`) or a range (`^1.3.0`).
    pub version: String,
    /// The digest of the downloaded package, if recorded.
    pub checksum: Option<String>,
}

/// Everything a release was built from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Manifest {
    /// The images.
    pub images: Vec<ImageInput>,
    /// The packages.
    pub packages: Vec<PackageInput>,
}

/// What is wrong with an input. The order of the variants is the order of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// An image pulled by tag: its bytes can change under the same name.
    ImageByTag,
    /// A package version range: the version resolved can change from one build to the next.
    VersionRange,
    /// A package without a valid checksum: a replaced download would go unnoticed.
    MissingChecksum,
}

/// One problem of one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The input's name.
    pub input: String,
    /// What is wrong with it.
    pub problem: Problem,
}

/// Whether `text` is `sha256:` followed by exactly 64 lowercase hex digits.
pub fn is_sha256(text: &str) -> bool {
    text.strip_prefix("sha256:").is_some_and(|hex| {
        hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    })
}

/// Whether the image `reference` is pinned by digest (Task 1).
pub fn image_is_pinned(reference: &str) -> bool {
    // TODO: look at what follows the last `@`.
    todo!()
}

/// Whether the package version `spec` names one exact version (Task 2).
pub fn version_is_exact(spec: &str) -> bool {
    // TODO: an optional `=`, three numbers, an optional pre-release.
    todo!()
}

/// Every unpinned input of `manifest`, sorted by input name and then by problem (Task 3).
pub fn unpinned(manifest: &Manifest) -> Vec<Finding> {
    // TODO: check every image and package, collect all findings, sort them.
    todo!()
}

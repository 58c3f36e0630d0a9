//! # artifact_name: a version for people, a digest for machines
//!
//! A build turns source into an artifact (a container image, a jar, a tarball), and from then
//! on that artifact is what gets deployed and run, unchanged, in every environment. Two names
//! travel with it. The *version* (`1.4.2`) is for people: it says what changed. The *digest*
//! (`sha256:9f86…`) is for machines: it is the hash of the artifact's bytes, so it names exactly
//! one content and cannot be reused for another. Docker and the OCI image spec write a digest
//! as `algorithm:encoded`, and `docker images` shows its first 12 hex characters as a short ID.
//!
//! ## Task 1: Name an artifact by its name, version and short digest
//!
//! - A valid digest is `sha256:` followed by exactly 64 lowercase hex characters (`0-9a-f`),
//!   the form OCI registries use for SHA-256. Anything else gives `None`: a missing or other
//!   algorithm prefix, a wrong length, upper-case hex, any other character.
//! - The artifact name is `NAME-VERSION-SHORT`, where `SHORT` is the first 12 hex characters of
//!   the digest, without the `sha256:` prefix.
//!
//! Example: `artifact_name("web", "1.4.2",
//! "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")` is
//! `Some("web-1.4.2-9f86d081884c")`; the same call with a digest of 63 hex characters is `None`.
//!
//! ## Beyond this exercise
//!
//! Twelve characters are enough to tell artifacts apart by eye, not to identify them: anything
//! that pulls or deploys uses the full digest (`registry/web@sha256:9f86…`). Real digests are
//! computed over a manifest that lists the image's layers, each itself addressed by digest, and
//! the OCI spec allows other algorithms (`sha512`) and encodings.

/// The name of an artifact built from `name` at `version` whose content has `digest`, or `None`
/// if `digest` is not a valid `sha256:` digest.
pub fn artifact_name(name: &str, version: &str, digest: &str) -> Option<String> {
    // TODO: check the digest as the rules say, then build `NAME-VERSION-SHORT`.
    todo!()
}

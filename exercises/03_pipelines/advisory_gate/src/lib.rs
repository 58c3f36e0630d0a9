//! # advisory_gate: a dependency gate against known vulnerabilities (SCA)
//!
//! Most of the code a service ships is other people's: its dependencies. Software composition
//! analysis (SCA) checks them in the pipeline against security advisories, each of which says
//! which versions of a package are affected and, when there is one, the first version with the
//! fix. GitHub's advisory database writes the affected versions as a range such as
//! `>= 1.2.0, < 1.4.3`. Deciding whether `1.10.0` is in such a range needs version *precedence*
//! as SemVer 2.0.0 §11 defines it: comparing the strings would put `1.10.0` before `1.9.0`,
//! and a gate that compares strings lets vulnerable versions through.
//!
//! [`Version::parse`] reads `MAJOR.MINOR.PATCH`, an optional `-pre.release` and an optional
//! `+build`, which it drops: build metadata plays no part in precedence (§10).
//!
//! ## Task 1: Order versions by SemVer precedence
//!
//! `Version`'s [`Ord`] follows SemVer 2.0.0 §11:
//! - compare major, minor and patch, in that order, as numbers;
//! - if they are equal, a version with a pre-release is **lower** than the one without
//!   (`1.0.0-rc.1 < 1.0.0`);
//! - two pre-releases compare identifier by identifier, from the left: two numeric
//!   identifiers (digits only) as numbers, two others as ASCII strings, and a numeric one is
//!   lower than a non-numeric one; if all shared identifiers are equal, the one with more
//!   identifiers is higher.
//!
//! Example (the spec's own): `1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta <
//! 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0`, and `1.9.0 < 1.10.0 < 2.0.0`.
//!
//! ## Task 2: Check a version against an affected range
//!
//! [`in_range`] says whether `version` is in `range`: comparators separated by commas, each an
//! operator (`>=`, `>`, `<=`, `<`, `=`), optional spaces and a version; the version is in the
//! range when **every** comparator holds. Every comparator is read, even after one fails, and
//! a comparator with no known operator is [`AdvisoryError::BadRange`] (a bad version in it is
//! the error of [`Version::parse`]).
//!
//! Example: `in_range(">= 1.2.0, < 1.4.3", 1.4.2)` is `Ok(true)`; for `1.4.3` it is
//! `Ok(false)`, and for `1.10.0` too.
//!
//! ## Task 3: Gate the dependencies and suggest the fixed version
//!
//! [`audit`] returns one [`Finding`] per dependency and advisory of the same package whose
//! range holds the dependency's version: in the order of the dependencies, and for one
//! dependency in the order of the advisories. Its `fix` is the advisory's `patched` version
//! (`None` when no fix exists yet). Only the advisories of a dependency's package are read;
//! the first error met there (a range that cannot be read) is returned instead.
//!
//! Example: dependency `left-pad 1.3.0`, advisory `GHSA-1` on `left-pad`, `>= 1.2.0, < 1.4.3`,
//! patched `1.4.3` → one finding: `left-pad 1.3.0` is affected by `GHSA-1`, fixed in `1.4.3`.
//!
//! ## Beyond this exercise
//!
//! Each ecosystem has its own version rules: npm ranges (`^1.2.0`, `~1.2`, `1.x`) leave
//! pre-releases out unless asked, PEP 440 and Maven order versions their own way, and advisory
//! formats such as OSV describe ranges as introduced/fixed events per ecosystem. Real gates
//! (Dependabot, `cargo audit`, `npm audit`, OSV-Scanner) read the lock file so that transitive
//! dependencies are checked too, pick the smallest upgrade that fixes every advisory at once,
//! weigh severity (CVSS) and whether the vulnerable code is reachable, and accept waivers.

use std::cmp::Ordering;

/// Why an advisory or a version could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdvisoryError {
    /// Not a `MAJOR.MINOR.PATCH[-pre][+build]` version.
    BadVersion(String),
    /// A comparator without a known operator.
    BadRange(String),
}

impl std::fmt::Display for AdvisoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AdvisoryError::BadVersion(v) => write!(f, "not a semantic version: {v:?}"),
            AdvisoryError::BadRange(r) => write!(f, "not a version comparator: {r:?}"),
        }
    }
}

impl std::error::Error for AdvisoryError {}

/// A semantic version without its build metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Incompatible API changes.
    pub major: u64,
    /// Added functionality, backward compatible.
    pub minor: u64,
    /// Backward compatible bug fixes.
    pub patch: u64,
    /// The dot-separated pre-release identifiers (`["rc", "1"]`); empty for a release.
    pub pre: Vec<String>,
}

impl Version {
    /// Reads `MAJOR.MINOR.PATCH[-pre][+build]`, e.g. `1.0.0-rc.1+sha.5114f85`.
    pub fn parse(text: &str) -> Result<Version, AdvisoryError> {
        let bad = || AdvisoryError::BadVersion(text.to_string());
        let core_and_pre = text.split('+').next().unwrap_or(text);
        let (core, pre) = match core_and_pre.split_once('-') {
            Some((core, pre)) => (core, pre.split('.').map(String::from).collect()),
            None => (core_and_pre, Vec::new()),
        };
        let numbers: Vec<u64> = core
            .split('.')
            .map(|n| n.parse().map_err(|_| bad()))
            .collect::<Result<_, _>>()?;
        let valid_id = |id: &String| {
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        };
        match numbers[..] {
            [major, minor, patch] if pre.iter().all(valid_id) => Ok(Version {
                major,
                minor,
                patch,
                pre,
            }),
            _ => Err(bad()),
        }
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Version {
    /// SemVer 2.0.0 precedence (task 1).
    fn cmp(&self, other: &Self) -> Ordering {
        // TODO: major, minor, patch as numbers; then the release above its pre-releases; then
        // two pre-releases by `compare_pre_releases`.
        todo!()
    }
}

/// Compares two non-empty lists of pre-release identifiers (SemVer 2.0.0 §11.4).
fn compare_pre_releases(a: &[String], b: &[String]) -> Ordering {
    // TODO: identifier by identifier (numbers as numbers, numeric below alphanumeric), then
    // the longer list above the shorter.
    todo!()
}

/// Whether `version` satisfies every comparator of `range` (e.g. `>= 1.2.0, < 1.4.3`).
pub fn in_range(range: &str, version: &Version) -> Result<bool, AdvisoryError> {
    // TODO: read every comparator (operator, optional spaces, version); all must hold.
    todo!()
}

/// A package the service depends on, at the version it uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    /// The package's name.
    pub name: String,
    /// The version in use.
    pub version: Version,
}

/// A published vulnerability in some versions of a package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advisory {
    /// Its id, e.g. `GHSA-xxxx-xxxx-xxxx` or a CVE id.
    pub id: String,
    /// The package it is about.
    pub package: String,
    /// The affected versions, e.g. `>= 1.2.0, < 1.4.3`.
    pub affected: String,
    /// The first version with the fix, if there is one yet.
    pub patched: Option<Version>,
}

/// A dependency affected by an advisory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The dependency's name.
    pub package: String,
    /// The affected version in use.
    pub version: Version,
    /// The advisory's id.
    pub advisory: String,
    /// The version to upgrade to, if a fix exists.
    pub fix: Option<Version>,
}

/// Every (dependency, advisory) pair where the advisory affects the version in use.
pub fn audit(deps: &[Dependency], advisories: &[Advisory]) -> Result<Vec<Finding>, AdvisoryError> {
    // TODO: one finding per dependency and advisory of its package whose range holds its
    // version, with the advisory's fix.
    todo!()
}

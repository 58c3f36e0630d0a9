//! # semver_bump: the next version from a change log, and which version is newer
//!
//! A version number is a promise to the people who depend on a release. Semantic Versioning
//! 2.0.0 (semver.org) spells it out as `MAJOR.MINOR.PATCH`: an incompatible change bumps
//! MAJOR, a compatible new feature MINOR, a compatible bug fix PATCH (spec items 6 to 8). A
//! release that is not ready yet carries a *pre-release* part (`1.0.0-rc.1`, item 9) and sorts
//! before the release itself; *build metadata* (`+ci.981`, item 10) is ignored by the ordering.
//! Tooling decides from that ordering which release is newest, so it has to be exact (item 11).
//!
//! [`Version::parse`] and [`Display`](std::fmt::Display) are given.
//!
//! ## Task 1: Bump the version that the change log calls for
//!
//! [`next_version`] of the current release and the changes merged since:
//! - no changes: `None`, there is nothing to release;
//! - the largest change decides: a breaking change bumps MAJOR and resets MINOR and PATCH to 0;
//!   otherwise a feature bumps MINOR and resets PATCH; otherwise PATCH goes up by one;
//! - in initial development (MAJOR is 0) everything shifts down by one, as the Cargo book's
//!   "SemVer compatibility" chapter reads 0.y.z: a breaking change bumps MINOR (and resets
//!   PATCH), a feature or a fix bumps PATCH. 0.0.z is no exception here. Leaving 0.y.z for
//!   1.0.0 is a decision, never a bump;
//! - the next version has no pre-release and no build metadata.
//!
//! Example: `1.4.2+ci.77` with `[Fix, Feature, Fix]` gives `1.5.0`; with `[Fix, Breaking]`
//! `2.0.0`; `0.3.1` with `[Breaking]` gives `0.4.0`, with `[Feature]` `0.3.2`.
//!
//! ## Task 2: Order versions by SemVer precedence
//!
//! [`precedence`] compares two versions (SemVer item 11):
//! - MAJOR, then MINOR, then PATCH, numerically (`1.9.0 < 1.10.0`);
//! - when those are equal, a version with a pre-release is lower than one without;
//! - two pre-releases compare identifier by identifier from the left, up to the first
//!   difference: two numeric ones numerically, two alphanumeric ones in ASCII order, and a
//!   numeric identifier is always lower than an alphanumeric one; if all shared identifiers are
//!   equal, the one with more identifiers is higher;
//! - build metadata is ignored: `1.0.0+a` and `1.0.0+b` are `Equal`.
//!
//! Example (from the spec): `1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-alpha.beta < 1.0.0-beta <
//! 1.0.0-beta.2 < 1.0.0-beta.11 < 1.0.0-rc.1 < 1.0.0`.
//!
//! ## Task 3: Pick the newest release, never a pre-release
//!
//! [`newest_release`] returns the highest version by precedence that has no pre-release, or
//! `None`. Among equals (versions differing only in build metadata) the first listed wins.
//!
//! Example: of `1.4.2`, `2.0.0-rc.1`, `1.10.0`, `1.4.2+b`, the newest release is `1.10.0`.
//!
//! ## Beyond this exercise
//!
//! The change log here is already classified; tools such as semantic-release and release-please
//! read it from Conventional Commits (`feat:`, `fix:`, `BREAKING CHANGE:`). Bumping from a
//! pre-release (`2.0.0-rc.1` to `2.0.0` or `-rc.2`) has its own rules (npm `semver inc`), and
//! version *ranges* (`^1.4`, `~1.4.2`) are another layer on top of precedence. SemVer itself
//! says only that anything may change under 1.0.0; Cargo goes further and treats every change
//! of a 0.0.z version as breaking.

use std::cmp::Ordering;
use std::fmt;

/// One dot-separated identifier of a pre-release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ident {
    /// Only digits (no leading zero): `11`.
    Numeric(u64),
    /// Letters, digits or hyphens, not only digits: `rc`, `x-7`.
    Alpha(String),
}

/// A semantic version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Incompatible changes.
    pub major: u64,
    /// Compatible features.
    pub minor: u64,
    /// Compatible fixes.
    pub patch: u64,
    /// The pre-release identifiers, empty for a release.
    pub pre: Vec<Ident>,
    /// The build metadata identifiers, ignored by precedence.
    pub build: Vec<String>,
}

/// One entry of the change log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// An incompatible change to the public API.
    Breaking,
    /// New, backwards-compatible functionality.
    Feature,
    /// A backwards-compatible bug fix.
    Fix,
}

impl Version {
    /// The release `major.minor.patch`, with no pre-release and no build metadata.
    pub fn new(major: u64, minor: u64, patch: u64) -> Version {
        Version {
            major,
            minor,
            patch,
            pre: Vec::new(),
            build: Vec::new(),
        }
    }

    /// Parses `MAJOR.MINOR.PATCH[-PRE][+BUILD]` as SemVer 2.0.0 defines it, or `None`.
    pub fn parse(text: &str) -> Option<Version> {
        // Digits only (`u64::from_str` refuses the rest here, `+` and `-` being split off
        // before), and no leading zero.
        let number =
            |s: &str| -> Option<u64> { (s == "0" || !s.starts_with('0')).then(|| s.parse().ok())? };
        let ident_chars =
            |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        let (rest, build) = match text.split_once('+') {
            Some((rest, build)) => (rest, build.split('.').map(String::from).collect()),
            None => (text, Vec::new()),
        };
        let (core, pre) = match rest.split_once('-') {
            Some((core, pre)) => (core, pre.split('.').collect()),
            None => (rest, Vec::new()),
        };
        let mut pre_idents = Vec::new();
        for id in pre {
            if !ident_chars(id) {
                return None;
            }
            pre_idents.push(match id.bytes().all(|b| b.is_ascii_digit()) {
                true => Ident::Numeric(number(id)?),
                false => Ident::Alpha(id.to_string()),
            });
        }
        if !build.iter().all(|id: &String| ident_chars(id)) {
            return None;
        }
        let parts: Vec<&str> = core.split('.').collect();
        match parts[..] {
            [major, minor, patch] => Some(Version {
                major: number(major)?,
                minor: number(minor)?,
                patch: number(patch)?,
                pre: pre_idents,
                build,
            }),
            _ => None,
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        let pre: Vec<String> = self
            .pre
            .iter()
            .map(|id| match id {
                Ident::Numeric(n) => n.to_string(),
                Ident::Alpha(s) => s.clone(),
            })
            .collect();
        if !pre.is_empty() {
            write!(f, "-{}", pre.join("."))?;
        }
        if !self.build.is_empty() {
            write!(f, "+{}", self.build.join("."))?;
        }
        Ok(())
    }
}

/// The release that follows `current` once `changes` are merged (Task 1).
pub fn next_version(current: &Version, changes: &[Change]) -> Option<Version> {
    if changes.is_empty() {
        return None;
    }
    let breaking = changes.contains(&Change::Breaking);
    let feature = changes.contains(&Change::Feature);
    let (major, minor, patch) = (current.major, current.minor, current.patch);
    // The largest change decides. Under 1.0.0, MINOR plays the part of MAJOR and PATCH that of
    // both MINOR and PATCH.
    let (major, minor, patch) = match (major, breaking, feature) {
        (0, true, _) => (0, minor + 1, 0),
        (0, false, _) => (0, minor, patch + 1),
        (_, true, _) => (major + 1, 0, 0),
        (_, false, true) => (major, minor + 1, 0),
        (_, false, false) => (major, minor, patch + 1),
    };
    // A fresh release: nothing of the old pre-release or build metadata carries over.
    Some(Version::new(major, minor, patch))
}

/// How `a` compares with `b` by SemVer precedence (Task 2).
pub fn precedence(a: &Version, b: &Version) -> Ordering {
    let core = (a.major, a.minor, a.patch).cmp(&(b.major, b.minor, b.patch));
    if core != Ordering::Equal {
        return core;
    }
    match (a.pre.is_empty(), b.pre.is_empty()) {
        (true, true) => return Ordering::Equal,
        // A pre-release comes before the release it leads up to.
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        (false, false) => {}
    }
    for (x, y) in a.pre.iter().zip(&b.pre) {
        let order = match (x, y) {
            (Ident::Numeric(x), Ident::Numeric(y)) => x.cmp(y),
            (Ident::Alpha(x), Ident::Alpha(y)) => x.as_bytes().cmp(y.as_bytes()),
            (Ident::Numeric(_), Ident::Alpha(_)) => Ordering::Less,
            (Ident::Alpha(_), Ident::Numeric(_)) => Ordering::Greater,
        };
        if order != Ordering::Equal {
            return order;
        }
    }
    // Every shared identifier is equal: the longer list is the later pre-release.
    a.pre.len().cmp(&b.pre.len())
}

/// The newest version of `versions` that is a release, not a pre-release (Task 3).
pub fn newest_release(versions: &[Version]) -> Option<&Version> {
    let mut newest: Option<&Version> = None;
    for version in versions.iter().filter(|v| v.pre.is_empty()) {
        // Strictly greater, so that the first of several equals stays.
        if newest.is_none_or(|best| precedence(version, best) == Ordering::Greater) {
            newest = Some(version);
        }
    }
    newest
}

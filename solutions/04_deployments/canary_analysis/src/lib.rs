//! # canary_analysis: judge the canary by its baseline, and only on enough data
//!
//! A canary release gives the new version a small share of production (the *canary*) while
//! the rest keeps the current one, and compares the two before going further. The comparison
//! must be with a *baseline* running the current version at the same time, on the same kind of
//! traffic: error rates move with the time of day, the traffic mix and the health of shared
//! dependencies, so a fixed threshold alone both misses real regressions (0.9 % errors is
//! "under 1 %" but nine times the baseline's 0.1 %) and blames the canary for problems the
//! whole fleet has. And a verdict on a handful of requests is noise: until both populations
//! have served enough requests, the only honest answer is to wait. (SRE Workbook, chapter
//! "Canarying Releases": canary vs control, before/after comparisons are risky.)
//!
//! Rates are integers in parts per million (ppm): 1 % is 10 000 ppm.
//!
//! ## Task 1: Measure the error rate in parts per million
//!
//! - [`Sample::error_ppm`] is `errors × 1 000 000 / requests`, rounded down, without overflow
//!   for any `u64` counts (`errors` is never above `requests`).
//! - A sample with no requests has a rate of 0 (and is never enough data, see Task 2).
//!
//! Example: 3 errors in 2 000 requests is 1 500 ppm (0.15 %); 1 error in 3 requests is
//! 333 333 ppm.
//!
//! ## Task 2: Promote, hold or roll back
//!
//! [`analyse`] decides, in this order:
//! 1. If the canary or the baseline has fewer than `min_requests` requests, or none at all:
//!    [`Verdict::Hold`], whatever the rates say.
//! 2. If the canary's rate is above `ceiling_ppm`: roll back with
//!    [`Regression::AboveCeiling`], whatever the baseline does (a release that breaks the
//!    objective must not spread, even if the fleet is also suffering).
//! 3. If the canary's rate is above the baseline's rate plus `margin_ppm`: roll back with
//!    [`Regression::WorseThanBaseline`]. Exactly at the baseline plus the margin is still fine.
//! 4. Otherwise: [`Verdict::Promote`].
//!
//! Example: with `min_requests` 1 000, a margin of 2 000 ppm and a ceiling of 50 000 ppm, a
//! canary with 9 errors in 1 000 requests (9 000 ppm) against a baseline with 10 in 10 000
//! (1 000 ppm) is rolled back as worse than the baseline; the same canary against a baseline
//! at 8 000 ppm is promoted; with 999 canary requests it is held.
//!
//! ## Beyond this exercise
//!
//! Real canary analysis (Google's CAS, Netflix and Google's Kayenta, Argo Rollouts and Flagger
//! analyses) judges several metrics at once, latency percentiles and saturation as well as
//! errors, with statistical tests rather than a fixed margin, and repeats the analysis over
//! several intervals while the canary's share grows. Kayenta compares against a freshly
//! started baseline of the same size as the canary, so that uptime and cache warmth do not bias
//! the comparison. Overwhelming evidence may justify rolling back before the minimum sample.

/// What one population served during the analysis window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sample {
    /// Requests served.
    pub requests: u64,
    /// Of which failed (never more than `requests`).
    pub errors: u64,
}

impl Sample {
    /// The error rate in parts per million, rounded down; 0 for no requests.
    pub fn error_ppm(&self) -> u64 {
        if self.requests == 0 {
            return 0;
        }
        // In u128, errors × 10^6 cannot overflow; the quotient is at most 10^6.
        (u128::from(self.errors) * 1_000_000 / u128::from(self.requests)) as u64
    }
}

/// The rules of the analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Requests each population must have served before any verdict.
    pub min_requests: u64,
    /// How far above the baseline's rate the canary's may be, in ppm.
    pub margin_ppm: u64,
    /// The canary's rate must never be above this, in ppm.
    pub ceiling_ppm: u64,
}

/// Why a canary is rolled back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regression {
    /// The canary's rate is above the fixed ceiling.
    AboveCeiling {
        /// The canary's rate.
        canary_ppm: u64,
    },
    /// The canary's rate is above the baseline's plus the margin.
    WorseThanBaseline {
        /// The canary's rate.
        canary_ppm: u64,
        /// The baseline's rate.
        baseline_ppm: u64,
    },
}

/// What to do with the canary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Go on with the rollout.
    Promote,
    /// Not enough data yet: keep the canary as it is and look again later.
    Hold,
    /// Take the canary out.
    RollBack(Regression),
}

/// Compares the canary with the baseline as the rules of Task 2 say.
pub fn analyse(policy: &Policy, canary: &Sample, baseline: &Sample) -> Verdict {
    let enough = |s: &Sample| s.requests > 0 && s.requests >= policy.min_requests;
    // No verdict on noise: both sides need the minimum sample, not just the canary.
    if !enough(canary) || !enough(baseline) {
        return Verdict::Hold;
    }
    let canary_ppm = canary.error_ppm();
    let baseline_ppm = baseline.error_ppm();
    if canary_ppm > policy.ceiling_ppm {
        return Verdict::RollBack(Regression::AboveCeiling { canary_ppm });
    }
    if canary_ppm > baseline_ppm.saturating_add(policy.margin_ppm) {
        return Verdict::RollBack(Regression::WorseThanBaseline {
            canary_ppm,
            baseline_ppm,
        });
    }
    Verdict::Promote
}

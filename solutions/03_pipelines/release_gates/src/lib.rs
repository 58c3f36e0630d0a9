//! # release_gates: a pipeline as policy, and who presses the button
//!
//! A pipeline is also where an organisation writes down its release rules so that they are
//! applied the same way every time: the tests must pass, the security scan must be clean (or
//! each finding knowingly accepted for a while), the artifact must be signed by a key the
//! organisation trusts, and a second person must have reviewed the change ("four eyes": the
//! author's own approval proves nothing). When a release is refused, the author needs *every*
//! reason at once; reporting only the first makes them fix, push and wait for one round per
//! reason.
//!
//! Where the gates lead is a separate choice (course 5.4.2). With **continuous delivery** every
//! green candidate is ready to go to production, and a person decides when it does. With
//! **continuous deployment** every green candidate goes to production on its own. The gates are
//! the same in both; only the last step differs.
//!
//! ## Task 1: Check every gate and give every failing reason
//!
//! [`check`] returns all the reasons the candidate fails, in this order (an empty list means
//! every gate passed):
//! 1. [`Reason::TestsFailed`] if the tests did not pass.
//! 2. For each scan finding, in the candidate's order: nothing if a waiver for that finding id
//!    is still valid, that is `now_ms < expires_at_ms` (at its expiry instant a waiver is
//!    already void); [`Reason::WaiverExpired`] with the latest `expires_at_ms` if the finding
//!    has waivers but all have expired; [`Reason::Finding`] if it has none.
//! 3. [`Reason::Unsigned`] if the artifact has no signature, [`Reason::UntrustedSigner`] if it
//!    is signed by a key that is not in `policy.trusted_keys`.
//! 4. [`Reason::TooFewApprovals`] if fewer than `policy.min_approvals` *independent* people
//!    approved: the author does not count, and each person counts once. Account names are
//!    compared ignoring ASCII case (`Alice` and `alice` are one account, as on GitHub).
//!
//! Example: author `alice`, tests failed, findings `CVE-1` (waiver until 1_000) and `CVE-2`
//! (no waiver), unsigned, approvals `["alice", "Bob", "bob"]`, one approval needed, at
//! `now_ms = 1_000` → `[TestsFailed, WaiverExpired { id: "CVE-1", expired_at_ms: 1_000 },
//! Finding { id: "CVE-2" }, Unsigned]`: Bob is one independent approver, which is enough.
//!
//! ## Task 2: Decide between delivery and deployment
//!
//! [`decide`] turns the gates into a decision:
//! - a candidate with any failing reason is [`Decision::Blocked`] with all of them, in either
//!   mode: no approval overrides a failing gate;
//! - in [`Mode::ContinuousDeployment`] a green candidate is [`Decision::Deploy`], with or
//!   without a release approval;
//! - in [`Mode::ContinuousDelivery`] a green candidate is `Deploy` only if the release was
//!   approved *for this candidate's digest*, otherwise [`Decision::AwaitingApproval`]: an
//!   approval given to another build does not carry over.
//!
//! Example: a green candidate with digest `sha256:aa`, approval for `sha256:99` → delivery says
//! `AwaitingApproval`, deployment says `Deploy`.
//!
//! ## Beyond this exercise
//!
//! Real policy engines (Open Policy Agent, Kyverno, GitHub rulesets and environments) check
//! far more: that the signature covers this exact digest (Sigstore/cosign), where and how the
//! artifact was built (SLSA provenance), that the approver is in the owning team (CODEOWNERS),
//! that approvals are dismissed when new commits arrive, and that waivers have an owner and a
//! reason as well as an expiry. Continuous delivery's human step is usually a protected
//! environment with required reviewers, and often a deployment window as well.

/// A release candidate, as the pipeline reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The artifact's content digest, e.g. `sha256:…`.
    pub digest: String,
    /// The account that wrote the change.
    pub author: String,
    /// Whether the test stages passed.
    pub tests_passed: bool,
    /// Ids of the security scan's findings that policy cares about (e.g. CVE ids).
    pub findings: Vec<String>,
    /// The id of the key that signed the artifact, if it is signed.
    pub signed_by: Option<String>,
    /// The accounts that approved the change in review (in any case, maybe repeated).
    pub approvals: Vec<String>,
}

/// An accepted risk: one finding may be ignored until an instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiver {
    /// The id of the finding it covers.
    pub finding: String,
    /// The first instant (ms) at which the waiver no longer holds.
    pub expires_at_ms: u64,
}

/// The organisation's release rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Ids of the signing keys the organisation trusts.
    pub trusted_keys: Vec<String>,
    /// How many independent people (not the author) must approve.
    pub min_approvals: usize,
}

/// One reason a candidate fails its gates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The tests did not pass.
    TestsFailed,
    /// A scan finding with no waiver.
    Finding {
        /// The finding's id.
        id: String,
    },
    /// A scan finding whose waivers have all expired.
    WaiverExpired {
        /// The finding's id.
        id: String,
        /// When its latest waiver expired.
        expired_at_ms: u64,
    },
    /// The artifact is not signed.
    Unsigned,
    /// The artifact is signed by a key policy does not trust.
    UntrustedSigner {
        /// The key that signed it.
        key: String,
    },
    /// Not enough independent approvals.
    TooFewApprovals {
        /// How many policy requires.
        needed: usize,
        /// How many independent people approved.
        independent: usize,
    },
}

/// What happens to the candidate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// It fails these gates and goes nowhere.
    Blocked(Vec<Reason>),
    /// It is green and waits for a person to release it to production.
    AwaitingApproval,
    /// It goes to production.
    Deploy,
}

/// How green candidates reach production.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Always ready; a person approves each release to production.
    ContinuousDelivery,
    /// Every green candidate goes to production on its own.
    ContinuousDeployment,
}

/// Every reason `candidate` fails the gates of `policy` at `now_ms`, in the order of task 1.
pub fn check(
    policy: &Policy,
    candidate: &Candidate,
    waivers: &[Waiver],
    now_ms: u64,
) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if !candidate.tests_passed {
        reasons.push(Reason::TestsFailed);
    }
    for id in &candidate.findings {
        let latest = waivers
            .iter()
            .filter(|w| &w.finding == id)
            .map(|w| w.expires_at_ms)
            .max();
        match latest {
            // A waiver holds up to, not including, its expiry instant.
            Some(expires_at_ms) if now_ms < expires_at_ms => {}
            Some(expired_at_ms) => reasons.push(Reason::WaiverExpired {
                id: id.clone(),
                expired_at_ms,
            }),
            None => reasons.push(Reason::Finding { id: id.clone() }),
        }
    }
    match &candidate.signed_by {
        None => reasons.push(Reason::Unsigned),
        Some(key) if !policy.trusted_keys.contains(key) => {
            reasons.push(Reason::UntrustedSigner { key: key.clone() })
        }
        Some(_) => {}
    }
    // Four eyes: the author's own approval proves nothing, and one person approving twice is
    // still one person.
    let author = candidate.author.to_ascii_lowercase();
    let mut independent: Vec<String> = candidate
        .approvals
        .iter()
        .map(|a| a.to_ascii_lowercase())
        .filter(|a| *a != author)
        .collect();
    independent.sort();
    independent.dedup();
    if independent.len() < policy.min_approvals {
        reasons.push(Reason::TooFewApprovals {
            needed: policy.min_approvals,
            independent: independent.len(),
        });
    }
    reasons
}

/// What happens to `candidate` in `mode`, given the digest a release approval was given for.
pub fn decide(
    mode: Mode,
    policy: &Policy,
    candidate: &Candidate,
    waivers: &[Waiver],
    now_ms: u64,
    approved_digest: Option<&str>,
) -> Decision {
    let reasons = check(policy, candidate, waivers, now_ms);
    if !reasons.is_empty() {
        return Decision::Blocked(reasons);
    }
    // Approve what you ship: an approval of another build says nothing about this one.
    let approved = approved_digest == Some(candidate.digest.as_str());
    match mode {
        Mode::ContinuousDeployment => Decision::Deploy,
        Mode::ContinuousDelivery if approved => Decision::Deploy,
        Mode::ContinuousDelivery => Decision::AwaitingApproval,
    }
}

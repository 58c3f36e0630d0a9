use release_gates::{check, decide, Candidate, Decision, Mode, Policy, Reason, Waiver};

fn policy(min_approvals: usize) -> Policy {
    Policy {
        trusted_keys: vec!["release-key-1".to_string(), "release-key-2".to_string()],
        min_approvals,
    }
}

/// A candidate that passes every gate of `policy(1)`.
fn green() -> Candidate {
    Candidate {
        digest: "sha256:aa".to_string(),
        author: "alice".to_string(),
        tests_passed: true,
        findings: vec![],
        signed_by: Some("release-key-2".to_string()),
        approvals: vec!["bob".to_string()],
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn waiver(finding: &str, expires_at_ms: u64) -> Waiver {
    Waiver {
        finding: finding.to_string(),
        expires_at_ms,
    }
}

fn finding(id: &str) -> Reason {
    Reason::Finding { id: id.to_string() }
}

fn expired(id: &str, expired_at_ms: u64) -> Reason {
    Reason::WaiverExpired {
        id: id.to_string(),
        expired_at_ms,
    }
}

fn with_approvals(author: &str, approvals: &[&str]) -> Candidate {
    Candidate {
        author: author.to_string(),
        approvals: strings(approvals),
        ..green()
    }
}

// Task 1: Check every gate and give every failing reason
#[test]
fn a_candidate_that_passes_every_gate_has_no_reasons() {
    assert_eq!(
        check(&policy(1), &green(), &[], 0),
        vec![],
        "tests passed, no findings, signed by a trusted key, approved by someone other than the \
         author: nothing fails"
    );
}

#[test]
fn every_failing_gate_is_reported_not_just_the_first() {
    let candidate = Candidate {
        tests_passed: false,
        findings: strings(&["CVE-1", "CVE-2"]),
        signed_by: None,
        approvals: strings(&["alice", "Bob", "bob"]),
        ..green()
    };
    assert_eq!(
        check(&policy(1), &candidate, &[waiver("CVE-1", 1_000)], 1_000),
        vec![
            Reason::TestsFailed,
            expired("CVE-1", 1_000),
            finding("CVE-2"),
            Reason::Unsigned
        ],
        "the worked example: failed tests, an expired waiver, an unwaived finding and a missing \
         signature are all reported at once; Bob is one independent approver, which is enough"
    );
}

#[test]
fn reasons_come_in_gate_order() {
    let candidate = Candidate {
        tests_passed: false,
        findings: strings(&["CVE-7"]),
        signed_by: Some("someone-else".to_string()),
        approvals: vec![],
        ..green()
    };
    assert_eq!(
        check(&policy(1), &candidate, &[], 0),
        vec![
            Reason::TestsFailed,
            finding("CVE-7"),
            Reason::UntrustedSigner {
                key: "someone-else".to_string()
            },
            Reason::TooFewApprovals {
                needed: 1,
                independent: 0
            },
        ],
        "reasons come in a stable order: tests, scan findings, signature, approvals"
    );
}

#[test]
fn findings_are_reported_in_the_candidates_order() {
    let candidate = Candidate {
        findings: strings(&["CVE-3", "CVE-1", "CVE-2"]),
        ..green()
    };
    assert_eq!(
        check(&policy(1), &candidate, &[waiver("CVE-1", 50)], 10),
        vec![finding("CVE-3"), finding("CVE-2")],
        "each unwaived finding is one reason, in the order the scan reported them; CVE-1 is \
         waived until 50 and it is only 10"
    );
}

#[test]
fn a_waiver_is_void_from_its_expiry_instant() {
    let candidate = Candidate {
        findings: strings(&["CVE-1"]),
        ..green()
    };
    let waivers = [waiver("CVE-1", 5_000)];
    assert_eq!(
        check(&policy(1), &candidate, &waivers, 4_999),
        vec![],
        "a waiver until 5000 still covers the finding at 4999"
    );
    assert_eq!(
        check(&policy(1), &candidate, &waivers, 5_000),
        vec![expired("CVE-1", 5_000)],
        "at 5000, its expiry instant, the waiver no longer holds (now < expires_at_ms is \
         needed), and the reason says it expired at 5000"
    );
}

#[test]
fn any_valid_waiver_covers_and_the_latest_expiry_is_reported() {
    let candidate = Candidate {
        findings: strings(&["CVE-1"]),
        ..green()
    };
    assert_eq!(
        check(
            &policy(1),
            &candidate,
            &[waiver("CVE-1", 2_000), waiver("CVE-1", 500)],
            1_000
        ),
        vec![],
        "one of the two waivers (until 2000) still holds at 1000, so the finding is covered"
    );
    assert_eq!(
        check(
            &policy(1),
            &candidate,
            &[waiver("CVE-1", 500), waiver("CVE-1", 2_000)],
            3_000
        ),
        vec![expired("CVE-1", 2_000)],
        "both waivers have expired at 3000: the reason gives the latest expiry, 2000"
    );
    assert_eq!(
        check(
            &policy(1),
            &candidate,
            &[waiver("CVE-1", 2_000), waiver("CVE-1", 500)],
            3_000
        ),
        vec![expired("CVE-1", 2_000)],
        "the latest expiry is 2000 whatever order the waivers are listed in"
    );
}

#[test]
fn a_waiver_covers_only_its_own_finding() {
    let candidate = Candidate {
        findings: strings(&["CVE-1"]),
        ..green()
    };
    assert_eq!(
        check(&policy(1), &candidate, &[waiver("CVE-9", 9_000)], 0),
        vec![finding("CVE-1")],
        "a waiver for CVE-9 says nothing about CVE-1: it is a finding with no waiver"
    );
}

#[test]
fn a_signature_must_exist_and_come_from_a_trusted_key() {
    let unsigned = Candidate {
        signed_by: None,
        ..green()
    };
    assert_eq!(
        check(&policy(1), &unsigned, &[], 0),
        vec![Reason::Unsigned],
        "an artifact without a signature fails the signature gate"
    );
    let laptop = Candidate {
        signed_by: Some("dev-laptop".to_string()),
        ..green()
    };
    assert_eq!(
        check(&policy(1), &laptop, &[], 0),
        vec![Reason::UntrustedSigner {
            key: "dev-laptop".to_string()
        }],
        "a signature by a key outside the trusted list proves nothing about the release"
    );
    let first_key = Candidate {
        signed_by: Some("release-key-1".to_string()),
        ..green()
    };
    assert_eq!(
        check(&policy(1), &first_key, &[], 0),
        vec![],
        "any key of the trusted list will do"
    );
}

#[test]
fn the_authors_own_approval_does_not_count() {
    assert_eq!(
        check(&policy(1), &with_approvals("alice", &["alice"]), &[], 0),
        vec![Reason::TooFewApprovals {
            needed: 1,
            independent: 0
        }],
        "four eyes: alice approving her own change gives 0 independent approvals"
    );
    assert_eq!(
        check(&policy(1), &with_approvals("Alice", &["alice"]), &[], 0),
        vec![Reason::TooFewApprovals {
            needed: 1,
            independent: 0
        }],
        "account names ignore ASCII case: alice is the author Alice, so hers does not count"
    );
}

#[test]
fn one_person_counts_once_however_often_they_approve() {
    assert_eq!(
        check(
            &policy(2),
            &with_approvals("alice", &["bob", "bob"]),
            &[],
            0
        ),
        vec![Reason::TooFewApprovals {
            needed: 2,
            independent: 1
        }],
        "bob approving twice is one independent approver, not two"
    );
    assert_eq!(
        check(
            &policy(2),
            &with_approvals("alice", &["Bob", "bob"]),
            &[],
            0
        ),
        vec![Reason::TooFewApprovals {
            needed: 2,
            independent: 1
        }],
        "Bob and bob are one account (names ignore ASCII case)"
    );
    assert_eq!(
        check(
            &policy(2),
            &with_approvals("alice", &["bob", "alice", "Carol"]),
            &[],
            0
        ),
        vec![],
        "bob and Carol are two independent approvers: exactly the 2 policy needs"
    );
}

#[test]
fn no_approval_is_needed_when_policy_requires_none() {
    assert_eq!(
        check(&policy(0), &with_approvals("alice", &[]), &[], 0),
        vec![],
        "with min_approvals = 0 an unreviewed change passes the approval gate"
    );
}

// Task 2: Decide between delivery and deployment
#[test]
fn continuous_delivery_waits_for_a_release_approval() {
    assert_eq!(
        decide(Mode::ContinuousDelivery, &policy(1), &green(), &[], 0, None),
        Decision::AwaitingApproval,
        "continuous delivery: a green candidate is ready, and waits for a person to release it"
    );
    assert_eq!(
        decide(
            Mode::ContinuousDelivery,
            &policy(1),
            &green(),
            &[],
            0,
            Some("sha256:aa")
        ),
        Decision::Deploy,
        "continuous delivery: once the release of this digest is approved, it deploys"
    );
}

#[test]
fn an_approval_of_another_build_does_not_carry_over() {
    assert_eq!(
        decide(
            Mode::ContinuousDelivery,
            &policy(1),
            &green(),
            &[],
            0,
            Some("sha256:99")
        ),
        Decision::AwaitingApproval,
        "the approval was given to sha256:99; the candidate is sha256:aa, so it still waits"
    );
}

#[test]
fn continuous_deployment_goes_to_production_on_its_own() {
    assert_eq!(
        decide(
            Mode::ContinuousDeployment,
            &policy(1),
            &green(),
            &[],
            0,
            None
        ),
        Decision::Deploy,
        "continuous deployment: a green candidate deploys without anyone pressing a button"
    );
    assert_eq!(
        decide(
            Mode::ContinuousDeployment,
            &policy(1),
            &green(),
            &[],
            0,
            Some("sha256:99")
        ),
        Decision::Deploy,
        "continuous deployment does not look at release approvals at all"
    );
}

#[test]
fn a_failing_gate_blocks_in_both_modes_whatever_the_approval() {
    let candidate = Candidate {
        findings: strings(&["CVE-1"]),
        signed_by: None,
        ..green()
    };
    let blocked = Decision::Blocked(vec![expired("CVE-1", 100), Reason::Unsigned]);
    for mode in [Mode::ContinuousDelivery, Mode::ContinuousDeployment] {
        assert_eq!(
            decide(
                mode,
                &policy(1),
                &candidate,
                &[waiver("CVE-1", 100)],
                100,
                Some("sha256:aa")
            ),
            blocked,
            "{mode:?}: a candidate that fails its gates is blocked with every reason, even with \
             a release approval for its digest"
        );
    }
}

#[test]
fn the_decision_uses_the_waivers_at_now() {
    let candidate = Candidate {
        findings: strings(&["CVE-1"]),
        ..green()
    };
    assert_eq!(
        decide(
            Mode::ContinuousDeployment,
            &policy(1),
            &candidate,
            &[waiver("CVE-1", 100)],
            99,
            None
        ),
        Decision::Deploy,
        "at 99 the waiver until 100 still holds, so the candidate is green and deploys"
    );
}

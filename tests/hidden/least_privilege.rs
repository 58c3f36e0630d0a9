use least_privilege::{
    decide, evaluate, matches, reachable, BreakGlass, Decision, Policy, Statement,
};
use std::collections::BTreeSet;

fn policy(roles: &[(&str, Vec<Statement>)]) -> Policy {
    Policy {
        roles: roles
            .iter()
            .map(|(name, statements)| (name.to_string(), statements.clone()))
            .collect(),
    }
}

fn set(roles: &[&str]) -> BTreeSet<String> {
    roles.iter().map(|r| r.to_string()).collect()
}

fn glass(role: &str, expires_ms: u64) -> BreakGlass {
    BreakGlass {
        role: role.to_string(),
        expires_ms,
    }
}

// Task 1: Match actions against patterns exactly as written
#[test]
fn a_pattern_without_a_star_matches_only_itself() {
    assert!(matches("db:read", "db:read"), "db:read matches db:read");
    assert!(
        !matches("db:read", "db:readwrite"),
        "db:read is not a prefix pattern: it must not match db:readwrite"
    );
    assert!(
        !matches("db:read", "db:rea"),
        "db:read must not match the shorter db:rea"
    );
}

#[test]
fn a_trailing_star_matches_the_prefix_before_it_and_nothing_else() {
    assert!(matches("db:*", "db:read"), "db:* matches db:read");
    assert!(
        matches("db:*", "db:"),
        "the rest after db: may be empty: db:* matches db:"
    );
    assert!(
        !matches("db:*", "dbx:read"),
        "db:* means \"starts with db:\", colon included: it must not match dbx:read"
    );
    assert!(
        !matches("db:*", "xdb:read"),
        "db:* is a prefix, not a substring: it must not match xdb:read"
    );
    assert!(
        matches("*", "anything:at:all"),
        "a lone * matches every action"
    );
}

#[test]
fn matching_is_case_sensitive() {
    assert!(
        !matches("db:read", "DB:read"),
        "patterns match exactly as written: db:read does not match DB:read"
    );
    assert!(!matches("db:*", "DB:read"), "db:* does not match DB:read");
}

// Task 2: Let an explicit deny beat every allow
#[test]
fn an_allow_permits_and_nothing_is_denied_by_default() {
    let statements = [Statement::allow("db:*"), Statement::deny("db:drop")];
    assert_eq!(
        evaluate(&statements, "db:read"),
        Decision::Allow,
        "db:* allows db:read, and no deny matches it"
    );
    assert_eq!(
        evaluate(&statements, "s3:get"),
        Decision::ImplicitDeny,
        "nothing matches s3:get: it is denied by default, not explicitly"
    );
    assert_eq!(
        evaluate(&[], "db:read"),
        Decision::ImplicitDeny,
        "without any statement, everything is denied by default"
    );
}

#[test]
fn an_explicit_deny_beats_an_allow_wherever_it_is_listed() {
    let deny_last = [Statement::allow("db:*"), Statement::deny("db:drop")];
    let deny_first = [Statement::deny("db:drop"), Statement::allow("db:*")];
    for statements in [&deny_last, &deny_first] {
        assert_eq!(
            evaluate(statements, "db:drop"),
            Decision::ExplicitDeny,
            "db:drop is both allowed (db:*) and denied: the deny wins, first or last"
        );
    }
}

#[test]
fn a_deny_that_does_not_match_denies_nothing() {
    let statements = [Statement::deny("db:drop"), Statement::deny("s3:*")];
    assert_eq!(
        evaluate(&statements, "db:read"),
        Decision::ImplicitDeny,
        "denies that do not match db:read leave it to the default: implicitly denied"
    );
}

// Task 3: Grant break-glass roles that expire
fn oncall_policy() -> Policy {
    policy(&[
        ("oncall", vec![Statement::allow("db:read")]),
        ("dba", vec![Statement::allow("db:*")]),
        ("guardrail", vec![Statement::deny("db:drop")]),
    ])
}

#[test]
fn a_break_glass_grant_works_until_it_expires() {
    let policy = oncall_policy();
    let grants = [glass("dba", 10_000)];
    assert_eq!(
        decide(&policy, &["oncall"], &grants, "db:drop", 9_999),
        Decision::Allow,
        "at 9999 the break-glass grant of dba is active, and dba allows db:drop"
    );
    assert_eq!(
        decide(&policy, &["oncall"], &grants, "db:drop", 10_000),
        Decision::ImplicitDeny,
        "at 10 000 the grant has expired: the emergency power is gone by itself"
    );
    assert_eq!(
        decide(&policy, &["oncall"], &grants, "db:read", 10_000),
        Decision::Allow,
        "the standing role oncall still allows db:read after the grant expired"
    );
}

#[test]
fn a_deny_in_one_role_beats_an_allow_in_another() {
    let policy = oncall_policy();
    let grants = [glass("dba", 10_000)];
    assert_eq!(
        decide(&policy, &["oncall", "guardrail"], &grants, "db:drop", 9_999),
        Decision::ExplicitDeny,
        "the guardrail denies db:drop: no allow of any other role, break-glass included, \
         overrides it"
    );
    assert_eq!(
        decide(&policy, &["guardrail"], &grants, "db:truncate", 0),
        Decision::Allow,
        "the guardrail denies only db:drop: the break-glass dba still allows db:truncate"
    );
}

#[test]
fn every_active_grant_counts() {
    let policy = oncall_policy();
    let grants = [glass("guardrail", 5), glass("dba", 10_000)];
    assert_eq!(
        decide(&policy, &[], &grants, "db:truncate", 100),
        Decision::Allow,
        "an expired grant listed first must not hide an active one listed after it"
    );
    let both = [glass("dba", 10_000), glass("guardrail", 10_000)];
    assert_eq!(
        decide(&policy, &[], &both, "db:drop", 100),
        Decision::ExplicitDeny,
        "two active grants are held together: the deny of one beats the allow of the other"
    );
}

#[test]
fn an_undefined_role_grants_nothing() {
    let policy = oncall_policy();
    assert_eq!(
        decide(&policy, &["ghost"], &[glass("phantom", 10)], "db:read", 0),
        Decision::ImplicitDeny,
        "roles the policy does not define have no statements: denied by default"
    );
}

// Task 4: Find every role a role can escalate to
fn company() -> Policy {
    policy(&[
        ("intern", vec![Statement::allow("iam:grant:deployer")]),
        (
            "deployer",
            vec![
                Statement::allow("deploy:*"),
                Statement::allow("iam:grant:admin"),
            ],
        ),
        (
            "admin",
            vec![Statement::allow("db:*"), Statement::allow("deploy:*")],
        ),
        ("auditor", vec![Statement::allow("logs:read")]),
        ("root", vec![Statement::allow("*")]),
    ])
}

#[test]
fn escalation_follows_grants_through_other_roles() {
    assert_eq!(
        reachable(&company(), "intern"),
        set(&["admin", "deployer", "intern"]),
        "the intern can grant themselves deployer, and a deployer can grant admin: the \
         intern can become admin in two steps"
    );
}

#[test]
fn a_role_that_grants_nothing_reaches_only_itself() {
    assert_eq!(
        reachable(&company(), "auditor"),
        set(&["auditor"]),
        "the auditor can grant no role: no escalation path"
    );
    assert_eq!(
        reachable(&company(), "contractor"),
        set(&["contractor"]),
        "a role the policy does not define reaches only itself"
    );
}

#[test]
fn a_wildcard_grant_reaches_every_role() {
    assert_eq!(
        reachable(&company(), "root"),
        set(&["admin", "auditor", "deployer", "intern", "root"]),
        "root allows *, which includes iam:grant: of every role"
    );
}

#[test]
fn a_deny_in_the_role_cuts_the_escalation_edge() {
    let policy = policy(&[
        (
            "ops",
            vec![
                Statement::allow("iam:grant:*"),
                Statement::deny("iam:grant:admin"),
            ],
        ),
        ("support", vec![]),
        ("admin", vec![Statement::allow("*")]),
    ]);
    assert_eq!(
        reachable(&policy, "ops"),
        set(&["ops", "support"]),
        "ops may grant every role except admin, which its own deny forbids"
    );
}

#[test]
fn a_careless_prefix_grant_escalates() {
    let policy = policy(&[
        ("lead", vec![Statement::allow("iam:grant:dev*")]),
        ("dev", vec![]),
        ("devops-admin", vec![Statement::allow("*")]),
        ("qa", vec![]),
    ]);
    assert_eq!(
        reachable(&policy, "lead"),
        set(&["dev", "devops-admin", "lead", "qa"]),
        "iam:grant:dev* was meant for dev, but it matches devops-admin too, and from there \
         (it allows *) every role: a wildcard grants exactly what it says"
    );
}

#[test]
fn cycles_of_grants_end() {
    let policy = policy(&[
        ("a", vec![Statement::allow("iam:grant:b")]),
        ("b", vec![Statement::allow("iam:grant:c")]),
        ("c", vec![Statement::allow("iam:grant:a")]),
        ("d", vec![Statement::allow("iam:grant:a")]),
    ]);
    assert_eq!(
        reachable(&policy, "b"),
        set(&["a", "b", "c"]),
        "b → c → a → b is a cycle: the walk visits each role once, and never reaches d"
    );
}

#[test]
fn escalation_has_no_depth_limit() {
    let policy = policy(&[
        ("l1", vec![Statement::allow("iam:grant:l2")]),
        ("l2", vec![Statement::allow("iam:grant:l3")]),
        ("l3", vec![Statement::allow("iam:grant:l4")]),
        ("l4", vec![Statement::allow("iam:grant:l5")]),
        ("l5", vec![Statement::allow("*")]),
    ]);
    assert_eq!(
        reachable(&policy, "l1"),
        set(&["l1", "l2", "l3", "l4", "l5"]),
        "l1 → l2 → l3 → l4 → l5: every role along a chain of grants is reachable, however long"
    );
}

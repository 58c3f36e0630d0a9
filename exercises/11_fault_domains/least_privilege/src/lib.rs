//! # least_privilege: deny beats allow, and who can make themselves admin
//!
//! Privileges are a blast radius. One of the failure chains of the course is human error →
//! privilege escalation → misconfiguration: an engineer, a script or a stolen token does more
//! damage than it should because it could do more than it needed. *Least privilege* grants each
//! role only the actions it needs; convenience pulls the other way (course §5.10.2, security
//! vs convenience), which is why emergencies get a *break-glass* grant that expires by itself
//! instead of a standing admin role.
//!
//! The rules follow AWS IAM's policy evaluation logic (the IAM User Guide, "Policy evaluation
//! logic"): every request is denied by default; an explicit allow permits it; an explicit deny
//! in any policy overrides every allow.
//!
//! ## Task 1: Match actions against patterns exactly as written
//!
//! - A pattern without `*` matches exactly that action: `db:read` does not match `db:readwrite`.
//! - A pattern ending in `*` matches every action that starts with the text before the `*`
//!   (the rest may be empty): `db:*` matches `db:read` and `db:`, not `dbx:read`; `*` matches
//!   everything. Patterns have no `*` elsewhere. Matching is case-sensitive.
//!
//! Example: `matches("db:*", "db:read")` is `true`; `matches("db:*", "dbx:read")` and
//! `matches("db:read", "db:readwrite")` are `false`.
//!
//! ## Task 2: Let an explicit deny beat every allow
//!
//! - Over a list of statements: any matching `Deny` → [`Decision::ExplicitDeny`], wherever it
//!   is in the list; otherwise any matching `Allow` → [`Decision::Allow`]; otherwise (nothing
//!   matches, or no statements) → [`Decision::ImplicitDeny`].
//!
//! Example: `Allow db:*`, `Deny db:drop` → `db:read` is allowed, `db:drop` explicitly denied,
//! `s3:get` implicitly denied.
//!
//! ## Task 3: Grant break-glass roles that expire
//!
//! - A principal holds its standing roles plus every break-glass grant not yet expired: a grant
//!   is active while `now_ms < expires_ms`, so at `expires_ms` it is gone.
//! - The request is decided over the statements of every role held, all together (task 2): a
//!   deny in one role beats an allow in another, a break-glass role included. A role that the
//!   policy does not define has no statements.
//!
//! Example: `oncall` with a break-glass grant of `dba` until 10 000 → `db:drop` is allowed at
//! 9 999 and implicitly denied at 10 000; with the standing role `guardrail` (`Deny db:drop`)
//! it is denied even at 9 999.
//!
//! ## Task 4: Find every role a role can escalate to
//!
//! - A role can grant role `r` when its own statements allow the action `iam:grant:r` (task 2,
//!   with its own denies). Whoever holds a role can grant a role to themselves, so holding it
//!   leads to holding `r`, and to every role `r` can grant in turn.
//! - [`reachable`] returns every role of the policy that `role` leads to this way, `role`
//!   itself included (it may be absent from the policy: then only itself). More than one role
//!   means an escalation path exists.
//!
//! Example: `intern` can grant `deployer`, `deployer` can grant `admin` → `reachable(intern)`
//! is `{admin, deployer, intern}`.
//!
//! ## Beyond this exercise
//!
//! Real IAM matches resources and conditions as well as actions, compares action names
//! case-insensitively, allows `*` and `?` anywhere, and combines several kinds of policy
//! (organisation SCPs, permission boundaries, session policies) where an allow is needed at
//! every level. Escalation is also possible without a "grant" action: by editing one's own
//! policy, passing a powerful role to a service one controls (`iam:PassRole`), or assuming a
//! role; tools such as AWS IAM Access Analyzer and PMapper walk these graphs. Break-glass
//! access is also logged and reviewed after use.

use std::collections::{BTreeMap, BTreeSet};

/// Whether a statement permits or forbids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Permits the matching actions (unless a deny matches too).
    Allow,
    /// Forbids the matching actions, whatever allows them.
    Deny,
}

/// One rule: an effect on the actions a pattern matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Allow or deny.
    pub effect: Effect,
    /// The action pattern (task 1).
    pub action: String,
}

impl Statement {
    /// An `Allow` of `action`.
    pub fn allow(action: &str) -> Self {
        Self {
            effect: Effect::Allow,
            action: action.to_string(),
        }
    }

    /// A `Deny` of `action`.
    pub fn deny(action: &str) -> Self {
        Self {
            effect: Effect::Deny,
            action: action.to_string(),
        }
    }
}

/// The outcome of evaluating a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// An allow matched and no deny did.
    Allow,
    /// A deny matched.
    ExplicitDeny,
    /// Nothing matched: denied by default.
    ImplicitDeny,
}

/// The statements of every role, by role name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// Role name → its statements.
    pub roles: BTreeMap<String, Vec<Statement>>,
}

/// A temporary grant of a role, for an emergency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakGlass {
    /// The role granted.
    pub role: String,
    /// The grant is active while `now_ms` is before this.
    pub expires_ms: u64,
}

/// Whether `pattern` matches `action` (task 1).
pub fn matches(pattern: &str, action: &str) -> bool {
    // TODO: an exact match, or a prefix match for a pattern ending in `*` (task 1).
    todo!()
}

/// The decision of `statements` on `action`: deny overrides allow, default deny (task 2).
pub fn evaluate<'a>(statements: impl IntoIterator<Item = &'a Statement>, action: &str) -> Decision {
    // TODO: any matching deny wins; else any matching allow; else the default deny (task 2).
    todo!()
}

/// The decision on `action` for a principal with `roles` and break-glass `grants` (task 3).
pub fn decide(
    policy: &Policy,
    roles: &[&str],
    grants: &[BreakGlass],
    action: &str,
    now_ms: u64,
) -> Decision {
    // TODO: evaluate the statements of the standing roles and of the unexpired grants together
    // (task 3).
    todo!()
}

/// Every role that holding `role` leads to by granting roles, `role` included (task 4).
pub fn reachable(policy: &Policy, role: &str) -> BTreeSet<String> {
    // TODO: walk the "can grant" graph from `role`, visiting each role once (task 4).
    todo!()
}

//! # next_environment: one way forward, dev → staging → prod
//!
//! An artifact earns its way to real users one environment at a time. **Dev** is where it is
//! tried out and broken; **staging** mirrors production (sizing, data, configuration, security,
//! observability) so that it can be validated there; **prod** serves real users. A healthy
//! pipeline promotes artifacts in one direction only (module 5.3.4), one step at a time: what
//! reaches prod has passed through staging, and nothing flows back from prod to staging.
//!
//! ## Task 1: Name the next environment and the only allowed promotion
//!
//! - [`next`]: dev is followed by staging, staging by prod; prod is the end of the path (`None`).
//! - [`can_promote`]`(from, to)` is true exactly when `to` is the environment right after
//!   `from`: no skipping staging, no going backwards, no "promoting" to where it already is.
//!
//! Example: `next(Env::Dev)` is `Some(Env::Staging)`; `can_promote(Env::Dev, Env::Prod)` is
//! `false` (staging was skipped), `can_promote(Env::Staging, Env::Prod)` is `true`.
//!
//! ## Beyond this exercise
//!
//! Real paths are often longer (dev → test → staging → prod, or a pre-prod per region) and some
//! organisations deploy to prod region by region; the rule stays the same: forward only, one
//! stage at a time. A hotfix is not a shortcut either: it goes through the same path, faster.

/// An environment on the promotion path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Env {
    /// Developers try things out here.
    Dev,
    /// Mirrors production; releases are validated here.
    Staging,
    /// Serves real users.
    Prod,
}

/// The environment an artifact goes to after `env`, or `None` after prod.
pub fn next(env: Env) -> Option<Env> {
    match env {
        Env::Dev => Some(Env::Staging),
        Env::Staging => Some(Env::Prod),
        Env::Prod => None,
    }
}

/// Whether an artifact in `from` may be promoted to `to`.
pub fn can_promote(from: Env, to: Env) -> bool {
    // One step forward and nothing else: skips, repeats and backward moves are all refused.
    next(from) == Some(to)
}

//! # artifact_promotion: one artifact, promoted forward, validated before prod
//!
//! A release pipeline does not build once per environment. It builds once, and the artifact
//! that came out (named by its digest) moves dev → staging → prod; only the configuration
//! around it changes (module 5.3.4). That is what makes staging worth having: if prod runs the
//! very bytes that were validated in staging, the validation says something about prod. Rebuild
//! "the same version" for prod, promote something that never ran in staging, or promote after
//! staging has moved on to another build, and the validation proves nothing.
//!
//! [`Pipeline::deploy_build`] (new builds enter dev only) and [`Pipeline::running`] are given.
//!
//! ## Task 1: Promote one step forward, never skip or go back
//!
//! [`Pipeline::promote`]`(from, to, digest)` copies the artifact running in `from` to `to`.
//! Checked in this order, the first failure is returned and nothing changes:
//! - `to` not after `from` (the same environment, or an earlier one):
//!   [`PromotionError::Backwards`];
//! - `to` after the next environment (dev → prod): [`PromotionError::Skipped`];
//! - nothing running in `from`: [`PromotionError::NothingDeployed`].
//!
//! Example: after `deploy_build("sha256:aa")`, `promote(Dev, Staging, "sha256:aa")` is `Ok(())`
//! and staging runs `sha256:aa`; `promote(Dev, Prod, "sha256:aa")` is `Err(Skipped { from:
//! Dev, to: Prod })`.
//!
//! ## Task 2: Promote the very artifact that runs in the previous environment
//!
//! - The `digest` asked for must be the one running in `from`; otherwise
//!   [`PromotionError::DigestMismatch`] with the environment, what runs there and what was
//!   asked for (checked after the rules of Task 1).
//!
//! Example: dev runs `sha256:bb`; `promote(Dev, Staging, "sha256:aa")` is `Err(DigestMismatch
//! { env: Dev, running: "sha256:bb", requested: "sha256:aa" })`.
//!
//! ## Task 3: Let into prod only the digest validated in staging
//!
//! - [`Pipeline::record_validation`]`(digest)` records that the artifact running in staging
//!   passed validation; it fails with `NothingDeployed { env: Staging }` if staging is empty,
//!   or `DigestMismatch` if `digest` is not what staging runs.
//! - Promoting anything into staging clears the validation: it belonged to the previous one.
//! - A promotion to prod needs the digest to be validated: otherwise
//!   [`PromotionError::NotValidated`] (checked last).
//!
//! Example: `aa` promoted to staging and validated, then `bb` promoted to staging:
//! `promote(Staging, Prod, "sha256:bb")` is `Err(NotValidated { digest: "sha256:bb" })`.
//!
//! ## Beyond this exercise
//!
//! Real pipelines record *who* validated *what* and when (test results, an approval, a soak
//! time), promote by re-tagging or by a Git commit that changes the digest an environment runs
//! (GitOps, track 04), and keep a history per environment for rollback. Some gate prod on
//! signatures or provenance of the artifact as well (track 03).

use std::fmt;

/// An environment on the promotion path, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Env {
    /// Where new builds land.
    Dev,
    /// Mirrors production; releases are validated here.
    Staging,
    /// Serves real users.
    Prod,
}

impl Env {
    /// The environment after this one, or `None` after prod.
    pub fn next(self) -> Option<Env> {
        match self {
            Env::Dev => Some(Env::Staging),
            Env::Staging => Some(Env::Prod),
            Env::Prod => None,
        }
    }
}

/// Why a promotion or a validation was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromotionError {
    /// `to` is not after `from`: promotion only goes forward.
    Backwards {
        /// Where the artifact was to come from.
        from: Env,
        /// Where it was to go.
        to: Env,
    },
    /// `to` lies beyond the next environment: a stage would be skipped.
    Skipped {
        /// Where the artifact was to come from.
        from: Env,
        /// Where it was to go.
        to: Env,
    },
    /// Nothing runs in this environment, so there is nothing to promote or validate.
    NothingDeployed {
        /// The empty environment.
        env: Env,
    },
    /// The digest asked for is not the one running in this environment.
    DigestMismatch {
        /// The environment checked.
        env: Env,
        /// What runs there.
        running: String,
        /// What was asked for.
        requested: String,
    },
    /// This digest was not validated in staging.
    NotValidated {
        /// The digest refused for prod.
        digest: String,
    },
}

impl fmt::Display for PromotionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PromotionError::Backwards { from, to } => {
                write!(f, "{from:?} → {to:?} goes backwards")
            }
            PromotionError::Skipped { from, to } => write!(f, "{from:?} → {to:?} skips a stage"),
            PromotionError::NothingDeployed { env } => write!(f, "nothing runs in {env:?}"),
            PromotionError::DigestMismatch {
                env,
                running,
                requested,
            } => write!(f, "{env:?} runs {running}, not {requested}"),
            PromotionError::NotValidated { digest } => {
                write!(f, "{digest} was not validated in staging")
            }
        }
    }
}

impl std::error::Error for PromotionError {}

/// What runs in each environment, and which staging artifact passed validation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pipeline {
    dev: Option<String>,
    staging: Option<String>,
    prod: Option<String>,
    /// The digest validated in staging, if the artifact running there passed.
    validated: Option<String>,
}

impl Pipeline {
    /// A pipeline with nothing deployed anywhere.
    pub fn new() -> Self {
        Self::default()
    }

    /// The digest running in `env`, if any.
    pub fn running(&self, env: Env) -> Option<&str> {
        match env {
            Env::Dev => self.dev.as_deref(),
            Env::Staging => self.staging.as_deref(),
            Env::Prod => self.prod.as_deref(),
        }
    }

    /// Deploys a fresh build to dev, the only way in for new artifacts.
    pub fn deploy_build(&mut self, digest: &str) {
        self.dev = Some(digest.to_string());
    }

    /// Promotes the artifact `digest` running in `from` to `to` (Tasks 1 to 3).
    pub fn promote(&mut self, from: Env, to: Env, digest: &str) -> Result<(), PromotionError> {
        // TODO: direction, then something to promote, then the digest, then (to prod) the
        // validation; only then copy the digest and keep the validation rule of staging.
        todo!()
    }

    /// Records that `digest`, running in staging, passed validation there (Task 3).
    pub fn record_validation(&mut self, digest: &str) -> Result<(), PromotionError> {
        // TODO: only the artifact that staging runs can be validated.
        todo!()
    }
}

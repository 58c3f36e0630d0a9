//! # rollback_decision: roll back all or nothing, and choose the way out of a bad deploy
//!
//! After a bad deploy the first question is: can the previous artifact run on the schema as it
//! is now? If it can, redeploy it and leave the data alone: that is the cheapest rollback and
//! the safest. If it cannot, the schema must go back first, and only if every step down is
//! reversible; if one is not, the only way out is forward, a new release that fixes the bug.
//! And a schema rollback that fails halfway is worse than none: it must apply as a whole or
//! not at all (the course's section 5.5.2 on rollbacks and transactional safety).
//!
//! The changes, their inverses, the in-memory [`Schema`] with [`Schema::apply`] and
//! [`plan_rollback`] are given (in `src/migrations.rs`; they are the exercise
//! `reversible_migrations`).
//!
//! ## Task 1: Apply the plan as one transaction
//!
//! [`apply_plan`] runs the down steps against a [`Schema`], first to last: either all of them
//! apply, or the schema is left exactly as it was and the first failing step is reported as
//! [`RollbackError::StepFailed`] with its migration's version.
//!
//! Example: a plan whose fourth step drops a column that does not exist leaves the schema
//! unchanged, even though the first three steps fitted.
//!
//! ## Task 2: Choose between the artifact, the schema, or fixing forward
//!
//! [`decide_rollback`]: the artifact deployed on schema version `current` misbehaves, and the
//! previous artifact works with schema versions up to `previous_supports`.
//!
//! - If `current <= previous_supports`, roll back the artifact alone and leave the data be:
//!   [`Decision::ArtifactOnly`].
//! - Otherwise the schema must first go back to `previous_supports`:
//!   [`Decision::ArtifactAndSchema`] with the plan.
//! - If that rollback is refused, the only way out is forward: [`Decision::FixForward`] with
//!   the reason.
//!
//! Example: at schema 4 with a previous artifact that supports up to 6: artifact only; up to 3:
//! undo migration 4, then redeploy; at schema 5 (which dropped a column) with support up to 4:
//! fix forward.
//!
//! ## Beyond this exercise
//!
//! Real rollbacks run inside the database's own transaction where its DDL is transactional
//! (PostgreSQL's is; MySQL commits implicitly around most DDL), take locks that a busy table
//! feels, and handle data as well as shape: compensating updates, backfills, and the values
//! written since the change, which this model does not track.

mod migrations;

pub use migrations::{
    plan_rollback, Change, DownStep, Migration, RollbackError, Schema, SchemaError,
};

/// What to do about a bad deploy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The previous artifact runs on the current schema: redeploy it, leave the data alone.
    ArtifactOnly,
    /// Roll the schema back to `target` with `plan`, then redeploy the previous artifact.
    ArtifactAndSchema {
        /// The version to take the schema back to.
        target: u32,
        /// The down steps that take it there.
        plan: Vec<DownStep>,
    },
    /// The schema cannot go back: fix the bug with a new release instead.
    FixForward {
        /// Why the schema cannot go back.
        reason: RollbackError,
    },
}

/// Runs the plan as one transaction: all steps, or none and the first step that failed.
pub fn apply_plan(schema: &mut Schema, plan: &[DownStep]) -> Result<(), RollbackError> {
    // TODO: apply every step, or report the first step that does not fit and leave `schema`
    // exactly as it was.
    todo!()
}

/// What to do when the artifact deployed on schema version `current` misbehaves and the
/// previous artifact works with schema versions up to `previous_supports`.
pub fn decide_rollback(migrations: &[Migration], current: u32, previous_supports: u32) -> Decision {
    // TODO: artifact alone when the previous artifact supports `current`; otherwise the
    // rollback plan to the newest version it supports, or fix forward with the reason the
    // rollback is refused.
    todo!()
}

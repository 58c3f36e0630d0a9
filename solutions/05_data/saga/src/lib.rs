//! # saga: undo a long transaction by compensating its steps, newest first
//!
//! An order that reserves stock in one service, charges a card in another and books a parcel in
//! a third cannot be one database transaction: no lock spans three services, and nothing can
//! "roll back" a charge that the payment provider has already made. A *saga* (Garcia-Molina and
//! Salem, "Sagas", SIGMOD 1987) splits the work into steps that each commit on their own, and
//! gives every step a *compensating action* that semantically undoes it: release the stock,
//! refund the card. If a step fails, the steps that already committed are compensated, last one
//! first, so that each undo sees the world its step left behind. The result is not a rewind:
//! the refund is a new write, and others may have seen the charge in between. These are the
//! "compensating transactions" of a data rollback (course §5.5.2).
//!
//! A [`Participant`] executes and compensates steps (in tests, an in-memory fake); [`run_saga`]
//! decides what to call, in which order, and records every action in a log.
//!
//! ## Task 1: Run the steps in order and commit when all succeed
//!
//! - Steps are executed one at a time, in the order given; each success is logged as
//!   [`Action::Ran`] with the step's name.
//! - When every step has succeeded, the outcome is [`Outcome::Committed`] (an empty saga too).
//!
//! Example: steps `reserve_stock`, `charge_card`, `book_parcel`, all succeed → log
//! `Ran(reserve_stock), Ran(charge_card), Ran(book_parcel)`, outcome `Committed`.
//!
//! ## Task 2: Compensate the committed steps in reverse order
//!
//! - When step k fails, it is logged as [`Action::Failed`] and no later step is executed.
//! - Steps k−1 … 1 are then compensated, in that order (reverse order of execution), each
//!   success logged as [`Action::Compensated`]. The failed step itself is never compensated: it
//!   did not commit, so there is nothing to undo.
//! - The outcome is [`Outcome::RolledBack`] naming the failed step.
//!
//! Example: `book_parcel` fails → log `Ran(reserve_stock), Ran(charge_card),
//! Failed(book_parcel), Compensated(charge_card), Compensated(reserve_stock)`, outcome
//! `RolledBack { failed: "book_parcel" }`.
//!
//! ## Task 3: Retry a failing compensation, then leave it for manual repair
//!
//! - A compensation must not be given up lightly (the saga's guarantee rests on it), so each
//!   one is attempted up to `compensation_attempts` times, and at least once even if that is 0.
//!   Every failed attempt is logged as [`Action::CompensationFailed`]; a later success as
//!   `Compensated`.
//! - A compensation that fails every attempt is left for a human: the rollback goes on with the
//!   steps before it (they still hold resources that can be released), and the outcome is
//!   [`Outcome::NeedsRepair`] with the failed step and every unrepaired step, in the order the
//!   compensations were attempted.
//!
//! Example: with 2 attempts, `book_parcel` fails and refunding `charge_card` fails twice → log
//! `Ran(reserve_stock), Ran(charge_card), Failed(book_parcel), CompensationFailed(charge_card),
//! CompensationFailed(charge_card), Compensated(reserve_stock)`, outcome `NeedsRepair { failed:
//! "book_parcel", unrepaired: ["charge_card"] }`.
//!
//! ## Beyond this exercise
//!
//! A real saga coordinator writes its log durably before each action, so that after a crash it
//! can resume the rollback (or the saga) where it stopped; since it may then repeat an action,
//! steps and compensations must be idempotent. Garcia-Molina and Salem also describe forward
//! recovery (save points, retrying the failed step instead of compensating). Sagas give no
//! isolation: between a step and its compensation others can read the intermediate state, which
//! designs such as semantic locks and pivot steps (after which the saga can only go forward)
//! deal with. Workflow engines (Temporal, AWS Step Functions) implement this pattern.

/// The services a saga works on: each step is executed, and perhaps compensated, by name.
pub trait Participant {
    /// Executes `step`; `true` when it committed.
    fn execute(&mut self, step: &str) -> bool;
    /// Undoes the effect of the committed `step`; `true` when the compensation succeeded.
    fn compensate(&mut self, step: &str) -> bool;
}

/// One entry of the saga's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The step was executed and committed.
    Ran(String),
    /// The step was executed and failed (it did not commit).
    Failed(String),
    /// The step's compensation succeeded.
    Compensated(String),
    /// One attempt at the step's compensation failed.
    CompensationFailed(String),
}

/// How the saga ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Every step committed.
    Committed,
    /// A step failed, and every step before it was compensated.
    RolledBack {
        /// The step that failed.
        failed: String,
    },
    /// A step failed, and some compensations failed every attempt: a human must repair them.
    NeedsRepair {
        /// The step that failed.
        failed: String,
        /// The steps left uncompensated, in the order their compensations were attempted.
        unrepaired: Vec<String>,
    },
}

/// The log of everything the saga did, and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saga {
    /// Every action, in the order it happened.
    pub log: Vec<Action>,
    /// The end state.
    pub outcome: Outcome,
}

/// Runs `steps` in order against `participant`, compensating the committed ones in reverse
/// order if one fails; each compensation is attempted up to `compensation_attempts` times
/// (at least once).
pub fn run_saga(
    steps: &[&str],
    compensation_attempts: u32,
    participant: &mut impl Participant,
) -> Saga {
    let mut log = Vec::new();
    for (k, step) in steps.iter().enumerate() {
        if participant.execute(step) {
            log.push(Action::Ran(step.to_string()));
            continue;
        }
        log.push(Action::Failed(step.to_string()));
        // Only steps[..k] committed; undo them newest first, so that each compensation sees
        // the state its own step left behind.
        let mut unrepaired = Vec::new();
        for done in steps[..k].iter().rev() {
            if !compensate(participant, done, compensation_attempts, &mut log) {
                // Keep going: the earlier steps can still be undone, and a human repairs only
                // what is listed here.
                unrepaired.push(done.to_string());
            }
        }
        let failed = step.to_string();
        let outcome = if unrepaired.is_empty() {
            Outcome::RolledBack { failed }
        } else {
            Outcome::NeedsRepair { failed, unrepaired }
        };
        return Saga { log, outcome };
    }
    Saga {
        log,
        outcome: Outcome::Committed,
    }
}

/// Attempts the compensation of `step` up to `attempts` times (at least once), logging each
/// attempt; `true` if one succeeded.
fn compensate(
    participant: &mut impl Participant,
    step: &str,
    attempts: u32,
    log: &mut Vec<Action>,
) -> bool {
    for _ in 0..attempts.max(1) {
        if participant.compensate(step) {
            log.push(Action::Compensated(step.to_string()));
            return true;
        }
        log.push(Action::CompensationFailed(step.to_string()));
    }
    false
}

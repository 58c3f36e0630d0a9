//! # intro2: read what the hidden tests say
//!
//! This crate compiles, but it gives some wrong answers. The hidden tests know the right ones:
//! when one fails, the verdict shows the test's name and its message, which says what was
//! expected and why. Learning to read those messages is the skill for the rest of the workbook.
//!
//! ## Task 1: Read what the hidden tests say
//!
//! ## The task
//!
//! A client calls a web service and gets an HTTP status code back. [`classify`] decides what the
//! client does next: take the answer ([`Outcome::Success`]), try again later
//! ([`Outcome::Retry`]: the failure is transient and a later call may succeed), or give up
//! ([`Outcome::Fail`]: the same call would fail the same way again).
//!
//! The current rule below, "every 5xx is worth retrying", is wrong for a few status codes.
//! Save once, read which tests fail and what their messages say, and fix the rule until every
//! test passes.

/// What a client does with the answer to one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The call worked: use the answer.
    Success,
    /// A transient failure: the same call may succeed a little later.
    Retry,
    /// A permanent failure: calling again would not help.
    Fail,
}

/// Decides what to do with an HTTP status code.
pub fn classify(status: u16) -> Outcome {
    // TODO: the hidden tests disagree with this rule for some status codes. Read their
    // messages and change the rule so that it agrees with them.
    match status {
        200..=299 => Outcome::Success,
        500..=599 => Outcome::Retry,
        _ => Outcome::Fail,
    }
}

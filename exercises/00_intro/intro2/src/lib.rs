//! # intro2: read what the hidden tests say
//!
//! This crate compiles, but it gives some wrong answers. The hidden tests know the right ones:
//! when one fails, the verdict shows the test's name and its message, which says what was
//! expected and why. Learning to read those messages is the skill for the rest of the workbook.
//!
//! A client calls a web service and gets an HTTP status code back. [`classify`] decides what the
//! client does next: take the answer ([`Outcome::Success`]), try again later
//! ([`Outcome::Retry`]: the failure is transient and a later call may succeed), or give up
//! ([`Outcome::Fail`]: the same call would fail the same way again). The meaning of each code
//! comes from RFC 9110 (HTTP Semantics), section 15, and RFC 6585 section 4 for 429.
//!
//! The current rule below, "every 5xx is worth retrying", is wrong for a few status codes.
//! Save once, read which tests fail and what their messages say, and fix the rule until every
//! test passes.
//!
//! ## Task 1: Retry the two 4xx codes that mean "not now"
//!
//! - Every 2xx is a success; every other status below 500 is a failure, except:
//! - 408 Request Timeout (the server gave up waiting for the request) and 429 Too Many
//!   Requests (the client is asked to slow down) are worth a retry.
//!
//! Example: `classify(204)` is `Success`, `classify(404)` is `Fail`, `classify(429)` is
//! `Retry`, and so is `classify(408)`.
//!
//! ## Task 2: Retry only the transient server errors
//!
//! - Of the 5xx codes, only 500, 502, 503 and 504 are transient (a crash, a bad answer from
//!   upstream, an overload or restart, a gateway timeout): `Retry`.
//! - Every other 5xx (501 Not Implemented, 505 HTTP Version Not Supported, ...) is `Fail`.
//!
//! Example: `classify(503)` is `Retry`, `classify(501)` is `Fail`.
//!
//! Retrying a 500, 502, 503 or 504 is safe only because this client sends **idempotent**
//! requests (a `GET`, or a `PUT` of the same value): a request whose effect is the same whether
//! the server carries it out once or several times (RFC 9110 §9.2.2, which says a client
//! should not retry a non-idempotent request automatically). A 5xx does not prove the server
//! did nothing: it may have crashed after writing, and a 504 comes from a gateway that stopped
//! waiting while the backend may still have finished the work. Retrying a `POST` that charges
//! a card could then charge it twice.
//!
//! ## Beyond this exercise
//!
//! Real clients also honour a `Retry-After` header on 429 and 503 (RFC 9110 §10.2.3), wait
//! with backoff and jitter between attempts (`10_resilience/retry_backoff`), and make
//! non-idempotent requests retryable with an idempotency key that lets the server spot the
//! duplicate.

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

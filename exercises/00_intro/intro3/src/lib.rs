//! # intro3: time comes in as an argument
//!
//! Code that reads the clock itself (`SystemTime::now()`) is hard to test: to check that a
//! session expires after 30 minutes, a test would have to wait 30 minutes. So every exercise in
//! this workbook is *sans-IO*: the outside world is passed in. The current time arrives as an
//! argument `now_ms` (milliseconds since some fixed start, a plain `u64`); randomness as a
//! seeded generator; files, networks and stores as small traits that the tests fake in
//! memory. A test then jumps to any instant it likes, and every run gives the same answer.
//! Only the thin edge of a real program reads the clock, and passes the value in.
//!
//! A web application keeps a [`Session`] per logged-in user. It has a time to live (TTL):
//! unused for that long, it expires and the user must log in again. Each request made with the
//! session *touches* it and pushes the expiry back (a "sliding" expiration, like the idle
//! timeout the OWASP Session Management Cheat Sheet recommends).
//!
//! ## Task 1: Expire a session exactly at issue time plus TTL
//!
//! - [`Session::new`] issued at `now_ms` expires at `now_ms + ttl_ms`.
//! - [`Session::is_valid`] is `true` strictly before the expiry; at the expiry itself and after
//!   it, the session is expired.
//!
//! Example: `Session::new(1_000, 300)` has `expires_at_ms == 1_300`; it is valid at 1_000 and
//! at 1_299, and expired at 1_300.
//!
//! ## Task 2: Extend a live session on every touch
//!
//! - [`Session::touch`] at `now_ms` on a session still valid at `now_ms` moves its expiry to
//!   `now_ms + ttl_ms` (counted from the touch, not from the old expiry) and returns `true`.
//! - On an expired session it changes nothing and returns `false`: an expired session stays
//!   expired, and the user logs in again.
//!
//! Example: `Session::new(1_000, 300)` touched at 1_200 returns `true` and now expires at
//! 1_500; touched again at 1_500 it returns `false` and still expires at 1_500.
//!
//! ## Beyond this exercise
//!
//! Real session stores also cap a session's whole life (an absolute timeout, however busy it
//! is), keep the expiry on the server rather than trusting the client, and use a monotonic
//! clock for durations, since the wall clock can jump.

/// One user's session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    /// How long the session lives without being used, in milliseconds.
    pub ttl_ms: u64,
    /// The first instant (in milliseconds) at which the session is expired.
    pub expires_at_ms: u64,
}

impl Session {
    /// A session issued at `now_ms` that lives `ttl_ms` if nobody uses it.
    pub fn new(now_ms: u64, ttl_ms: u64) -> Self {
        // TODO: the session expires `ttl_ms` after `now_ms`.
        todo!()
    }

    /// Whether the session can still be used at `now_ms`.
    pub fn is_valid(&self, now_ms: u64) -> bool {
        // TODO: valid strictly before the expiry.
        todo!()
    }

    /// Uses the session at `now_ms`: extends a live session and says whether it was live.
    pub fn touch(&mut self, now_ms: u64) -> bool {
        // TODO: a live session now expires `ttl_ms` after `now_ms`; an expired one is left
        // alone.
        todo!()
    }
}

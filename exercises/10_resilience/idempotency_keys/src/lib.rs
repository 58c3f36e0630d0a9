//! # idempotency_keys: a retried request is executed once, however often it arrives
//!
//! A client whose call timed out cannot know whether the server failed before or after acting
//! on it. A retry is therefore safe only when doing the request twice has the effect of doing
//! it once: when it is *idempotent*. `PUT /users/7` twice leaves one user 7; `POST /payments`
//! twice charges the card twice. An idempotency key makes such a request safe to retry: the
//! client sends a unique key with it and the same key with every retry; the server executes the
//! first request under a key, stores the response, and answers every retry with it. This is how
//! Stripe's API works and what the IETF draft "The Idempotency-Key HTTP Header Field"
//! (draft-ietf-httpapi-idempotency-key-header) specifies; RFC 9110 §9.2.2 defines the
//! idempotent methods.
//!
//! Sans-IO: the server calls [`IdempotencyStore::begin`] when a request arrives (at `now_ms`),
//! executes it only if told to, and calls [`IdempotencyStore::finish`] with the response.
//!
//! ## Task 1: Tell which HTTP methods are idempotent
//!
//! - RFC 9110 §9.2.2: GET, HEAD, OPTIONS and TRACE (the safe methods), PUT and DELETE are
//!   idempotent. Every other method (POST, PATCH, CONNECT, any unknown one) is not.
//! - Method names are case-sensitive (RFC 9110 §9.1): `"get"` is not GET.
//!
//! Example: `is_idempotent("PUT")` is `true`; `is_idempotent("POST")` is `false`.
//!
//! ## Task 2: Execute once and replay the stored response
//!
//! - `begin` with a key the store does not hold records the key as *in progress*, with the
//!   request body and `now_ms` as the time the key was first seen, and answers
//!   [`Decision::Execute`].
//! - `finish` stores the response under a key that is in progress and returns `true`. For a key
//!   that is unknown or already finished it changes nothing and returns `false` (the first
//!   response stays the one every retry sees).
//! - `begin` with a finished key and the same body answers [`Decision::Replay`] with the stored
//!   response, whatever it was (a stored error is replayed too), and executes nothing.
//!
//! Example: `begin("k1", "pay 500", 0)` → `Ok(Execute)`; `finish("k1", Response::new(201,
//! "paid"))` → `true`; `begin("k1", "pay 500", 10)` → `Ok(Replay(Response::new(201, "paid")))`.
//!
//! ## Task 3: Refuse a reused key and a request still in progress
//!
//! - The same key with a different body is refused with [`KeyError::KeyReused`] (HTTP 422 in
//!   the IETF draft): the client has a bug, and replaying the other request's response would
//!   hide it.
//! - The same key and body while the first request is still in progress is refused with
//!   [`KeyError::InProgress`] (HTTP 409, "conflict, try later"): executing it would do the
//!   work twice, and there is no response to replay yet.
//! - A different body is refused as `KeyReused` even while the key is in progress: that error
//!   is permanent, and telling the client to try later would only make it wait for nothing.
//! - A refused request changes nothing in the store.
//!
//! Example: after `begin("k1", "pay 500", 0)`, `begin("k1", "pay 500", 5)` → `InProgress` and
//! `begin("k1", "pay 900", 5)` → `KeyReused`.
//!
//! ## Task 4: Forget keys after their time to live
//!
//! - A key is kept for `ttl_ms` from the time it was first seen: at
//!   `now_ms >= first_seen_ms + ttl_ms` it has expired, and a request with it is treated as one
//!   with a new key (executed, with any body). One millisecond earlier it still holds.
//! - This holds for keys in progress too: a server that crashed mid-request never calls
//!   `finish`, and its key must not block retries for ever.
//! - A TTL of `u64::MAX` means "never expires" (no overflow).
//!
//! Example: with a TTL of 1000, a key first seen at 100 replays at 1099 and executes anew at 1100.
//!
//! ## Beyond this exercise
//!
//! Real stores are shared by many server instances, so "record the key as in progress" must be
//! atomic (an insert-if-absent in the database, in the same transaction as the work where
//! possible). They compare a fingerprint (a hash of method, path and body) rather than the body,
//! keep keys for at least a day (Stripe: 24 hours), save no result when a request fails
//! validation before it starts executing, and tie keys to the client that sent them.

use std::collections::HashMap;
use std::fmt;

/// Whether an HTTP method is idempotent (RFC 9110 §9.2.2): doing it twice has the same effect
/// on the server as doing it once, so it may be retried without an idempotency key.
pub fn is_idempotent(method: &str) -> bool {
    // TODO: true for the idempotent methods of RFC 9110 §9.2.2 (task 1).
    todo!()
}

/// A response the server sent, stored to be replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The HTTP status code.
    pub status: u16,
    /// The response body.
    pub body: String,
}

impl Response {
    /// A response with this status and body.
    pub fn new(status: u16, body: &str) -> Self {
        Self {
            status,
            body: body.to_string(),
        }
    }
}

/// What the server must do with a request that [`IdempotencyStore::begin`] accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Execute the request, then call [`IdempotencyStore::finish`] with its response.
    Execute,
    /// Do not execute: send this stored response again.
    Replay(Response),
}

/// Why a request with an idempotency key was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyError {
    /// The key was used for a request with a different body.
    KeyReused,
    /// The first request under this key has not finished yet.
    InProgress,
}

impl KeyError {
    /// The HTTP status the IETF draft gives this error.
    pub fn status(&self) -> u16 {
        match self {
            KeyError::KeyReused => 422,
            KeyError::InProgress => 409,
        }
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyError::KeyReused => write!(f, "idempotency key reused with a different request"),
            KeyError::InProgress => write!(f, "a request with this key is in progress; try later"),
        }
    }
}

impl std::error::Error for KeyError {}

/// What the store keeps for one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The body of the first request under the key.
    pub body: String,
    /// When the key was first seen.
    pub first_seen_ms: u64,
    /// The stored response; `None` while the request is in progress.
    pub response: Option<Response>,
}

/// The server's memory of idempotency keys.
#[derive(Debug, Clone)]
pub struct IdempotencyStore {
    ttl_ms: u64,
    entries: HashMap<String, Entry>,
}

impl IdempotencyStore {
    /// An empty store that keeps every key for `ttl_ms` after it was first seen.
    pub fn new(ttl_ms: u64) -> Self {
        Self {
            ttl_ms,
            entries: HashMap::new(),
        }
    }

    /// What the store holds for `key`, if anything (expired keys may still be listed).
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.get(key)
    }

    /// A request with `key` and `body` arrives at `now_ms`: execute it, replay, or refuse.
    pub fn begin(&mut self, key: &str, body: &str, now_ms: u64) -> Result<Decision, KeyError> {
        // TODO: execute a new or expired key, replay a finished one, refuse the rest (tasks 2-4).
        todo!()
    }

    /// The request executed under `key` produced `response`: store it for the retries.
    pub fn finish(&mut self, key: &str, response: Response) -> bool {
        // TODO: store the response only under a key in progress (task 2).
        todo!()
    }
}

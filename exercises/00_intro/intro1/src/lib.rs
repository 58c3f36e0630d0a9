//! # intro1: edit, save, read the verdict
//!
//! Welcome to opslings. Every exercise is a small Rust library like this one. Keep `opslings`
//! running in a terminal (start it with `cargo run`), open this file in your editor, change it
//! and save: opslings compiles the crate, runs hidden tests against it and shows the verdict,
//! which is either compiler errors, the failing tests with their messages, or a pass. On a pass it
//! moves on to the next exercise. Stuck? Press `h` for a hint; each press shows one more.
//!
//! A load balancer probes each backend's health endpoint and routes traffic only to backends
//! that can serve it. [`classify`] turns one probe into a [`Health`] (it is written for you);
//! [`in_rotation`] says whether a backend in that state keeps receiving traffic.
//!
//! ## Task 1: Keep degraded backends in rotation
//!
//! This file does not compile yet. Read the compiler's error in the verdict, fix it, and save.
//! The rule to follow:
//!
//! - `Up` and `Degraded` backends stay in rotation: a degraded backend is slow, but it still
//!   answers;
//! - `Down` backends are taken out.
//!
//! Example: a probe that got `200` after 700 ms is `classify`-ed as `Degraded` (slower than
//! [`SLOW_AFTER_MS`]), and `in_rotation(Health::Degraded)` is `true`; a probe that got `503`
//! is `Down`, and `in_rotation(Health::Down)` is `false`.
//!
//! ## Beyond this exercise
//!
//! Real load balancers decide on several probes, not one: Kubernetes, for instance, marks a
//! container unready only after `failureThreshold` failed readiness probes in a row (3 by
//! default) and ready again after `successThreshold` successes (the Kubernetes docs page
//! "Configure Liveness, Readiness and Startup Probes"). Some also send a degraded backend less
//! traffic rather than the same share.

/// What one probe of a backend's health endpoint saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    /// The HTTP status code the health endpoint answered with.
    pub status: u16,
    /// How long the answer took, in milliseconds.
    pub latency_ms: u64,
}

/// The health of a backend, as the load balancer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// Answers successfully and quickly.
    Up,
    /// Answers successfully, but slower than [`SLOW_AFTER_MS`].
    Degraded,
    /// Answers with an error status.
    Down,
}

/// A successful probe that takes longer than this (in milliseconds) marks the backend degraded.
pub const SLOW_AFTER_MS: u64 = 500;

/// Classifies one probe: any 2xx status is a success, anything else means the backend is down.
pub fn classify(probe: Probe) -> Health {
    if !(200..300).contains(&probe.status) {
        Health::Down
    } else if probe.latency_ms > SLOW_AFTER_MS {
        Health::Degraded
    } else {
        Health::Up
    }
}

/// Whether a backend in this state keeps receiving traffic.
pub fn in_rotation(health: Health) -> bool {
    match health {
        Health::Up => true,
        Health::Down => false,
        // TODO: the compiler says one state is not handled here. Handle it as the rule in the
        // doc at the top of this file says.
    }
}

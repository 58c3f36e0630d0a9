//! # Deadline budget
//!
//! A request enters the system with a *deadline*: the moment on the monotonic clock (in
//! milliseconds) after which nobody is waiting for its answer any more. Each service on the
//! call chain hands that deadline down to the service it calls, shortened by two rules:
//!
//! - the caller keeps `reserve_ms` for its own work once the answer is back, so the callee must
//!   be done that much earlier;
//! - the caller never waits longer than its configured `timeout_ms` for one call.
//!
//! The callee gets whichever of the two ends first. A caller whose callee would get no time at
//! all does not make the call: it fails fast with a [`BudgetError`] instead of doing work
//! whose answer would arrive too late.
//!
//! Implement [`Deadline::remaining_ms`], [`Deadline::for_call`] and [`run_chain`].
//!
//! ## Task 1: Deadline_budget

/// An absolute point on the monotonic clock after which the answer is useless.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    expires_at_ms: u64,
}

/// Why a call was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetError {
    /// The deadline has already passed: no time is left at all.
    Expired,
    /// Some time is left, but no more than the caller must keep for its own work.
    Spent { remaining_ms: u64, reserve_ms: u64 },
}

impl Deadline {
    /// A deadline at the given instant.
    pub fn at(expires_at_ms: u64) -> Self {
        Deadline { expires_at_ms }
    }

    /// A deadline `budget_ms` after `now_ms` (the end of the clock if that would overflow).
    pub fn after(now_ms: u64, budget_ms: u64) -> Self {
        Deadline::at(now_ms.saturating_add(budget_ms))
    }

    /// The instant this deadline expires.
    pub fn expires_at_ms(self) -> u64 {
        self.expires_at_ms
    }

    /// Milliseconds left before the deadline at `now_ms`; zero once it has passed.
    pub fn remaining_ms(self, now_ms: u64) -> u64 {
        // TODO: the milliseconds left at `now_ms`; a deadline in the past leaves zero.
        todo!()
    }

    /// The deadline to hand to a callee when the caller, at `now_ms`, keeps `reserve_ms` for
    /// itself and waits at most `timeout_ms` (greater than zero) for the call.
    pub fn for_call(
        self,
        now_ms: u64,
        reserve_ms: u64,
        timeout_ms: u64,
    ) -> Result<Self, BudgetError> {
        // TODO: fail fast when no time is left, or when what is left does not exceed the
        // reserve; otherwise the callee gets what is left after the reserve, capped by the
        // timeout.
        todo!()
    }
}

/// One service in a chain where each hop calls the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hop {
    pub name: &'static str,
    /// Time the hop spends on its own work before it calls the next hop.
    pub work_ms: u64,
    /// Time the hop keeps for itself after the next hop answers.
    pub reserve_ms: u64,
    /// Longest the hop waits for its call to the next hop (greater than zero).
    pub timeout_ms: u64,
}

/// A hop that was called: when, and how many milliseconds its deadline gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Call {
    pub hop: &'static str,
    pub at_ms: u64,
    pub budget_ms: u64,
}

/// The hop that was not called, when its caller gave up, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailedFast {
    pub hop: &'static str,
    pub at_ms: u64,
    pub error: BudgetError,
}

/// What happened along the chain: the calls made, in order, and where it failed fast, if it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub calls: Vec<Call>,
    pub failed_fast: Option<FailedFast>,
}

/// Walks the chain: the client calls `hops[0]` at `now_ms` with `deadline`, keeping nothing
/// back and waiting as long as the deadline allows; each hop then spends its `work_ms` and
/// calls the next hop with the deadline it hands down. Calls take no time on the wire.
pub fn run_chain(hops: &[Hop], now_ms: u64, deadline: Deadline) -> ChainReport {
    // TODO: call the hops in order, recording each call; stop at the first hop whose caller
    // may not call it and report that hop, the time and the reason.
    todo!()
}

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
        // A deadline in the past leaves nothing, never a wrapped-around huge number.
        self.expires_at_ms.saturating_sub(now_ms)
    }

    /// The deadline to hand to a callee when the caller, at `now_ms`, keeps `reserve_ms` for
    /// itself and waits at most `timeout_ms` (greater than zero) for the call.
    pub fn for_call(
        self,
        now_ms: u64,
        reserve_ms: u64,
        timeout_ms: u64,
    ) -> Result<Self, BudgetError> {
        let remaining_ms = self.remaining_ms(now_ms);
        if remaining_ms == 0 {
            return Err(BudgetError::Expired);
        }
        // Equal counts as spent: the callee would get zero milliseconds.
        if remaining_ms <= reserve_ms {
            return Err(BudgetError::Spent {
                remaining_ms,
                reserve_ms,
            });
        }
        // A local timeout may shorten the budget, never lengthen it past the caller's own.
        let budget_ms = (remaining_ms - reserve_ms).min(timeout_ms);
        Ok(Deadline::after(now_ms, budget_ms))
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
    let mut calls = Vec::new();
    let mut now = now_ms;
    let mut deadline = deadline;
    // The caller of the first hop is the client at the edge.
    let (mut reserve_ms, mut timeout_ms) = (0, u64::MAX);
    for hop in hops {
        deadline = match deadline.for_call(now, reserve_ms, timeout_ms) {
            Ok(child) => child,
            Err(error) => {
                let failed = FailedFast {
                    hop: hop.name,
                    at_ms: now,
                    error,
                };
                return ChainReport {
                    calls,
                    failed_fast: Some(failed),
                };
            }
        };
        calls.push(Call {
            hop: hop.name,
            at_ms: now,
            budget_ms: deadline.remaining_ms(now),
        });
        // The deadline is absolute: time spent here shrinks every budget further down.
        now = now.saturating_add(hop.work_ms);
        (reserve_ms, timeout_ms) = (hop.reserve_ms, hop.timeout_ms);
    }
    ChainReport {
        calls,
        failed_fast: None,
    }
}

//! # deadline_budget: pass the time left down the call chain, never an instant
//!
//! A request enters the system with a budget: after so many milliseconds nobody is waiting for
//! its answer any more. Every service on the call chain must know how much of that budget is
//! left, so that it does not start work whose answer would arrive after its caller has given
//! up. The Google SRE book ("Addressing Cascading Failures") calls this *deadline
//! propagation*: a server passes its remaining time down with every call it makes, a little
//! shortened to leave itself time to finish, and does not work on a request whose deadline has
//! passed.
//!
//! What travels between services is the *time remaining*, never an instant: every host has
//! its own monotonic clock, and two hosts' clocks neither agree nor can be compared (a
//! monotonic clock often counts from boot). gRPC does exactly this: a call carries a
//! `grpc-timeout` header holding a duration (`850m` is 850 ms), and the server turns it into a
//! deadline on its own clock the moment the call arrives. A [`Deadline`] here is such a local
//! instant: it never leaves its host. All times are milliseconds.
//!
//! ## Task 1: Turn a received timeout into a local deadline
//!
//! - [`Deadline::after`]: a call received at `now_ms` (this host's clock) with a timeout of
//!   `timeout_ms` expires at `now_ms + timeout_ms`, or at the end of the clock (`u64::MAX`)
//!   if that would overflow.
//! - [`Deadline::remaining_ms`]: the milliseconds left at `now_ms`; zero once the deadline is
//!   reached or passed, never a wrapped-around number.
//!
//! Example: `Deadline::after(1_000, 250)` expires at 1 250 ms; at 1 100 ms it has 150 ms left,
//! at 1 250 ms and at 2 000 ms it has 0.
//!
//! ## Task 2: Compute the timeout to send to a callee
//!
//! [`Deadline::timeout_for_call`]: the caller, at `now_ms`, keeps `reserve_ms` for its own
//! work once the answer is back, and never waits longer than its own `max_timeout_ms`.
//!
//! - No time left at all: [`BudgetError::Expired`].
//! - Time left, but no more than the reserve (equal included: the callee would get 0 ms):
//!   [`BudgetError::Spent`] with both numbers. Expired is checked first.
//! - Otherwise the timeout sent is what is left minus the reserve, capped at `max_timeout_ms`.
//!
//! Example: with a deadline at 1 000 ms, `timeout_for_call(200, 100, 5_000)` is `Ok(700)`,
//! `timeout_for_call(200, 100, 300)` is `Ok(300)`, `timeout_for_call(900, 100, 5_000)` is
//! `Err(Spent { remaining_ms: 100, reserve_ms: 100 })` and `timeout_for_call(1_000, 0, 5_000)`
//! is `Err(Expired)`.
//!
//! ## Task 3: Become the caller on the hop's own clock
//!
//! - [`Caller::hop`]: a hop receives the call when its own clock reads `clock_ms` and turns the
//!   timeout received into a deadline on that clock; it spends `work_ms`, and then calls the
//!   next hop with its own `reserve_ms` and `timeout_ms` as reserve and cap.
//! - [`run_chain`] (given) then walks the chain: the client ([`Caller::client`]) sends
//!   `timeout_ms` to `hops[0]`; each hop called becomes, through your [`Caller::hop`], the
//!   caller of the next, sending the timeout of Task 2. Calls take no time on the wire. The
//!   chain stops at the first hop that may not be called, reported with the reason.
//!
//! Example: `orders` (work 30, reserve 40, timeout 400) receiving 850 ms when its clock reads
//! 5 000 becomes the caller with a deadline at 5 850, a clock at 5 030, reserve 40 and cap 400,
//! and so sends `min(820 − 40, 400)` = 400 ms. A client timeout of 1 000 ms through `gateway`
//! (work 50, reserve 100, timeout 2 000), `orders` and `inventory` calls them with 1 000, 850
//! and 400 ms, whatever their clocks read.
//!
//! ## Beyond this exercise
//!
//! Real calls spend time on the wire, which the receiver cannot see: the SRE book suggests
//! shortening the outgoing deadline by a margin for transit (here the reserve does that job).
//! gRPC also cancels the calls below when a caller gives up, so that no work continues for an
//! answer nobody will read.

use std::fmt;

/// An instant on this host's monotonic clock after which the answer is useless.
/// It is local: what is sent to another host is a timeout (see [`Deadline::timeout_for_call`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    expires_at_ms: u64,
}

/// Why a call was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetError {
    /// The deadline has been reached: no time is left at all.
    Expired,
    /// Some time is left, but no more than the caller must keep for its own work.
    Spent {
        /// Milliseconds left before the caller's deadline.
        remaining_ms: u64,
        /// Milliseconds the caller keeps for itself.
        reserve_ms: u64,
    },
}

impl fmt::Display for BudgetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BudgetError::Expired => write!(f, "the deadline has passed"),
            BudgetError::Spent {
                remaining_ms,
                reserve_ms,
            } => write!(
                f,
                "only {remaining_ms} ms left, and {reserve_ms} ms are kept in reserve"
            ),
        }
    }
}

impl std::error::Error for BudgetError {}

impl Deadline {
    /// A deadline at the given instant of this host's clock.
    pub fn at(expires_at_ms: u64) -> Self {
        Deadline { expires_at_ms }
    }

    /// The instant this deadline expires, on this host's clock.
    pub fn expires_at_ms(self) -> u64 {
        self.expires_at_ms
    }

    /// The local deadline of a call received at `now_ms` with a timeout of `timeout_ms`.
    pub fn after(now_ms: u64, timeout_ms: u64) -> Self {
        // TODO (Task 1): the instant `timeout_ms` after `now_ms`, clamped to the end of the clock.
        todo!()
    }

    /// Milliseconds left before the deadline at `now_ms`; zero once it is reached.
    pub fn remaining_ms(self, now_ms: u64) -> u64 {
        // TODO (Task 1): the milliseconds left at `now_ms`; a deadline in the past leaves zero.
        todo!()
    }

    /// The timeout to send to a callee when the caller, at `now_ms`, keeps `reserve_ms` for
    /// itself and waits at most `max_timeout_ms` for the call.
    pub fn timeout_for_call(
        self,
        now_ms: u64,
        reserve_ms: u64,
        max_timeout_ms: u64,
    ) -> Result<u64, BudgetError> {
        // TODO (Task 2): Expired, then Spent, then what is left after the reserve, capped.
        todo!()
    }
}

/// One service in a chain where each hop calls the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hop {
    /// The service's name.
    pub name: &'static str,
    /// What this host's own clock reads when the call reaches it.
    pub clock_ms: u64,
    /// Time the hop spends on its own work before it calls the next hop.
    pub work_ms: u64,
    /// Time the hop keeps for itself after the next hop answers.
    pub reserve_ms: u64,
    /// Longest the hop waits for its call to the next hop.
    pub timeout_ms: u64,
}

/// A hop that was called, and the timeout it received.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Call {
    /// The hop called.
    pub hop: &'static str,
    /// The timeout sent with the call.
    pub timeout_ms: u64,
}

/// The hop that was not called, and why its caller failed fast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailedFast {
    /// The hop that was not called.
    pub hop: &'static str,
    /// Why not.
    pub error: BudgetError,
}

/// A service about to make a call: its deadline and clock, and its own reserve and cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caller {
    /// The caller's deadline, on its own clock.
    pub deadline: Deadline,
    /// What the caller's clock reads as it makes the call.
    pub now_ms: u64,
    /// Time the caller keeps for itself after the answer.
    pub reserve_ms: u64,
    /// Longest the caller waits for the call.
    pub max_timeout_ms: u64,
}

impl Caller {
    /// The client at the edge, about to send `timeout_ms` to the first hop: it keeps no
    /// reserve and has no cap of its own (its clock is its own business; it reads 0 here).
    pub fn client(timeout_ms: u64) -> Self {
        Caller {
            deadline: Deadline::after(0, timeout_ms),
            now_ms: 0,
            reserve_ms: 0,
            max_timeout_ms: u64::MAX,
        }
    }

    /// `hop`, having received a call with `timeout_ms` and done its work, about to call the
    /// next hop.
    pub fn hop(hop: &Hop, timeout_ms: u64) -> Self {
        // TODO (Task 3): the deadline on the hop's own clock, its clock after its work, and
        // its own reserve and cap.
        todo!()
    }

    /// The timeout this caller may send with its call (Task 2 on its fields).
    pub fn timeout_to_send(&self) -> Result<u64, BudgetError> {
        self.deadline
            .timeout_for_call(self.now_ms, self.reserve_ms, self.max_timeout_ms)
    }
}

/// What happened along the chain: the calls made, in order, and where it failed fast, if it did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChainReport {
    /// The calls made, in order.
    pub calls: Vec<Call>,
    /// The hop where the chain stopped, if it stopped early.
    pub failed_fast: Option<FailedFast>,
}

/// Walks the chain: the client sends `timeout_ms` to `hops[0]`, and each hop calls the next
/// with the timeout it may send; the chain stops at the first hop that may not be called.
pub fn run_chain(hops: &[Hop], timeout_ms: u64) -> ChainReport {
    let mut report = ChainReport::default();
    let mut caller = Caller::client(timeout_ms);
    for hop in hops {
        match caller.timeout_to_send() {
            Ok(sent_ms) => {
                report.calls.push(Call {
                    hop: hop.name,
                    timeout_ms: sent_ms,
                });
                caller = Caller::hop(hop, sent_ms);
            }
            Err(error) => {
                report.failed_fast = Some(FailedFast {
                    hop: hop.name,
                    error,
                });
                break;
            }
        }
    }
    report
}

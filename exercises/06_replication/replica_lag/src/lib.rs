//! # Replica lag: reading within a staleness bound
//!
//! Read replicas apply the primary's log asynchronously, so each one trails the primary a
//! little. A read that can live with slightly old data may go to a replica, but only to one that
//! is at most `max_lag_ms` behind. Otherwise it goes to the primary, which is always current.
//!
//! Each replica reports the last log position it has applied and the time (in milliseconds) at
//! which the primary committed that transaction. The primary reports the same for its newest
//! commit.
//!
//! Implement:
//! 1. [`lag`]: how far a replica trails the primary, in milliseconds and in transactions
//!    (primary minus replica). Reports arrive at different moments, so a replica can look
//!    *ahead* of the primary's report: that is no lag (zero), never a negative or a panic.
//! 2. [`route_read`]: among the *healthy* replicas, take the least lagged one (the smallest
//!    [`Lag`]: fewer milliseconds first, then fewer transactions; on a full tie, the one listed
//!    first). Use it if its lag is at most `max_lag_ms` milliseconds; otherwise read from the
//!    primary and say why with a [`Fallback`].
//!
//! ## Task 1: Reading within a staleness bound

/// What the primary reports about its newest commit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Primary {
    /// Position of the newest transaction in the log (transactions since the log began).
    pub position: u64,
    /// When the primary committed that transaction, in milliseconds.
    pub committed_at_ms: u64,
}

/// What one replica reports about the last transaction it has applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replica {
    pub name: String,
    /// False when the replica failed its health check: it must not serve reads.
    pub healthy: bool,
    /// Position of the last transaction the replica applied.
    pub applied_position: u64,
    /// When the primary committed that transaction, in milliseconds.
    pub applied_committed_at_ms: u64,
}

/// How far a replica trails the primary. Ordered by milliseconds, then transactions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Lag {
    pub millis: u64,
    pub transactions: u64,
}

/// Where a read should go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Read from this replica, which trails the primary by `lag`.
    Replica { name: String, lag: Lag },
    /// Read from the primary, for this reason.
    Primary(Fallback),
}

/// Why a read went to the primary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// No replica passed its health check (or there are none).
    NoHealthyReplica,
    /// Every healthy replica is over the bound; `least` is the lag of the freshest of them.
    AllTooStale { least: Lag },
}

/// How far `replica` trails `primary`, never below zero.
pub fn lag(primary: &Primary, replica: &Replica) -> Lag {
    // TODO: the primary's commit time and position minus the replica's, each clamped at zero.
    todo!()
}

/// Chooses where a read that tolerates `max_lag_ms` of staleness should go.
pub fn route_read(primary: &Primary, replicas: &[Replica], max_lag_ms: u64) -> Route {
    // TODO: the least lagged healthy replica (first listed on a tie) if it is within the bound,
    // else the primary with the reason.
    todo!()
}

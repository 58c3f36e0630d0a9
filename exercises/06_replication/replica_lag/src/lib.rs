//! # replica_lag: send a read to the freshest replica within a staleness bound
//!
//! Read replicas apply the primary's log asynchronously, so each one trails the primary a
//! little. A read that can live with slightly old data may go to a replica, but only to one that
//! is at most `max_lag_ms` behind; otherwise it goes to the primary, which is always current.
//! The warm-up measured lag in log positions; a read's tolerance is usually stated in time ("at
//! most 5 s old"), so here lag has both parts. (Designing Data-Intensive Applications, ch. 5,
//! "Problems with Replication Lag"; PostgreSQL's `pg_stat_replication` reports both a byte
//! lag and `replay_lag` in time.)
//!
//! Each replica reports the last log position it has applied and the time (in milliseconds) at
//! which the primary committed that transaction. The primary reports the same for its newest
//! commit.
//!
//! ## Task 1: Measure a replica's lag in time and in transactions
//!
//! - [`lag`] is the primary's report minus the replica's: commit time minus commit time in
//!   milliseconds, position minus position in transactions.
//! - Reports arrive at different moments, so a replica can look *ahead* of the primary's report:
//!   each part on its own is then no lag (zero), never a negative number or a panic.
//!
//! Example: the primary at position 1000 committed at 50 000 ms, a replica at 940 whose last
//! transaction was committed at 47 500 ms: the lag is 2500 ms and 60 transactions. A replica at
//! 990 committed at 50 020 ms lags 0 ms and 10 transactions.
//!
//! ## Task 2: Route a read to the freshest healthy replica within the bound
//!
//! - Only *healthy* replicas compete; the winner is the least lagged one: the smallest [`Lag`]
//!   (fewer milliseconds first, then fewer transactions; on a full tie, the one listed first).
//! - It serves the read if its lag is at most `max_lag_ms` milliseconds (the bound is on time
//!   only, and inclusive).
//! - Otherwise the primary serves, with the reason: [`Fallback::NoHealthyReplica`] when no
//!   replica is healthy (or there are none), else [`Fallback::AllTooStale`] with the least lag.
//!
//! Example: the primary at (500, 10 000 ms) and healthy replicas `a` at (490, 9 000 ms) and `b`
//! at (498, 9 800 ms): with `max_lag_ms` 200, `b` serves with a lag of 200 ms and 2
//! transactions; with `max_lag_ms` 100, the primary serves with `AllTooStale { least: 200 ms,
//! 2 transactions }`.
//!
//! ## Beyond this exercise
//!
//! Real routers (ProxySQL, pgpool, the AWS RDS proxy) poll lag periodically, so the figure is
//! itself a little old; they also stop routing to a replica whose lag is unknown, and spread
//! reads over all fresh-enough replicas rather than always the freshest.

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
    /// The replica's name, reported in a [`Route`].
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
    /// How much older the replica's newest data is, in milliseconds.
    pub millis: u64,
    /// How many transactions the replica has not applied yet.
    pub transactions: u64,
}

/// Where a read should go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Read from this replica, which trails the primary by `lag`.
    Replica {
        /// The replica's name.
        name: String,
        /// Its lag behind the primary.
        lag: Lag,
    },
    /// Read from the primary, for this reason.
    Primary(Fallback),
}

/// Why a read went to the primary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// No replica passed its health check (or there are none).
    NoHealthyReplica,
    /// Every healthy replica is over the bound; `least` is the lag of the freshest of them.
    AllTooStale {
        /// The lag of the freshest healthy replica.
        least: Lag,
    },
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

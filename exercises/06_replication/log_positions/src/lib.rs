//! # log_positions: replication lag is the distance between two log positions
//!
//! A primary appends every write to its log; an asynchronous replica applies that log later,
//! in the same order. Both report a **position**: how many transactions of the log they hold.
//! The replica's **lag** is the primary's position minus its own: the transactions it has not
//! applied yet, and so the writes that would be lost if the primary died now and this replica
//! took over. (Designing Data-Intensive Applications, ch. 5, "Problems with Replication Lag";
//! PostgreSQL reports the same quantity as a difference of WAL positions, LSNs, in
//! `pg_stat_replication`.)
//!
//! Positions are counted in transactions here; real databases also count in bytes of log, and
//! measure lag in time as well (the next exercise does).
//!
//! ## Task 1: Measure a replica's lag in log positions
//!
//! - The lag is `primary − replica`.
//! - Reports are taken at slightly different moments, so a replica can look *ahead* of the
//!   primary's last report: that is no lag (0), never a negative number or a panic.
//!
//! Example: `lag(120, 100)` is 20; `lag(120, 120)` is 0; `lag(120, 125)` is 0.
//!
//! ## Task 2: Tell whether a replica is fresh enough to read from
//!
//! A replica may serve a read that accepts at most `max_lag` missing transactions when its lag
//! is at most `max_lag` (the bound itself is fine).
//!
//! Example: with the primary at 120, a replica at 100 is fresh enough for `max_lag` 20 and
//! 25, and not for 19.
//!
//! ## Task 3: Find what the best failover would lose
//!
//! If the primary died now, the replica furthest ahead would be promoted, and the writes it
//! lacks would be lost. Return that loss (the smallest lag of all replicas), or `None` when
//! there is no replica at all: then everything on the primary would be lost.
//!
//! Example: with the primary at 120 and replicas at `[100, 117, 90]`, the loss is `Some(3)`;
//! with no replicas it is `None`.

/// How many transactions a replica at `replica` trails a primary at `primary` (never below 0).
pub fn lag(primary: u64, replica: u64) -> u64 {
    // TODO: the primary's position minus the replica's, stopping at zero.
    todo!()
}

/// Whether a replica at `replica` may serve a read that accepts `max_lag` missing transactions.
pub fn fresh_enough(primary: u64, replica: u64, max_lag: u64) -> bool {
    // TODO: compare the lag with the bound (the bound itself is fresh enough).
    todo!()
}

/// The transactions lost by promoting the most up-to-date of `replicas` if the primary at
/// `primary` died now, or `None` when there are no replicas.
pub fn failover_loss(primary: u64, replicas: &[u64]) -> Option<u64> {
    // TODO: the smallest lag among the replicas.
    todo!()
}

//! # Failover: promote the most up-to-date replica
//!
//! The primary is gone and a replica must take its place. With asynchronous replication every
//! replica trails the primary a little, so whatever the promoted replica had not applied is
//! lost. A good failover loses as little as possible, says exactly how much, and stops to ask
//! when that is more than the business accepts.
//!
//! Positions count how far into the primary's log a node has got, in transactions and in bytes.
//!
//! Implement:
//! 1. [`data_loss`]: the last known primary position minus the replica's, field by field, and
//!    never below zero (the primary's last report can be older than a replica's).
//! 2. [`plan_failover`]:
//!    - the candidate is the healthy replica with the highest position (compared by
//!      transactions, then bytes); on a tie, the one listed first. No healthy replica: refuse.
//!    - if the loss is over the policy's bound in transactions *or* in bytes, refuse, unless
//!      the policy forces the failover; a forced promotion over the bound is flagged as such.
//!    - list the unhealthy replicas that are *ahead* of the promoted one, in list order: they
//!      hold writes the new primary never had and must be rewound before they follow it.
//!
//! ## Task 1: Promote the most up-to-date replica

/// How far into the primary's log a node has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LogPosition {
    pub transactions: u64,
    pub bytes: u64,
}

/// A replica as the failover controller sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replica {
    pub name: String,
    /// False when the replica is unreachable or failing its checks: it cannot be promoted.
    pub healthy: bool,
    pub applied: LogPosition,
}

/// What a failover loses: the writes the primary had that the promoted replica lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DataLoss {
    pub transactions: u64,
    pub bytes: u64,
}

/// How much loss an automatic failover may accept, and whether an operator forces it anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    pub max_lost_transactions: u64,
    pub max_lost_bytes: u64,
    /// Set by an operator who accepts any loss to get the service back.
    pub force: bool,
}

/// The failover to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promotion {
    /// The replica that becomes the new primary.
    pub promoted: String,
    /// What the promotion loses compared with the old primary.
    pub lost: DataLoss,
    /// True when the loss is over the policy's bound and only `force` let it through.
    pub over_bound: bool,
    /// Unhealthy replicas ahead of the new primary, in list order: rewind them before reuse.
    pub must_rewind: Vec<String>,
}

/// Why no failover was planned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FailoverError {
    /// No replica is healthy enough to be promoted.
    NoHealthyReplica,
    /// The best candidate would lose more than the policy allows, and the failover is not forced.
    TooMuchDataLoss { candidate: String, lost: DataLoss },
}

/// What promoting a replica at `replica` loses when the primary was last seen at `primary`.
pub fn data_loss(primary: LogPosition, replica: LogPosition) -> DataLoss {
    // TODO: primary minus replica, per field, clamped at zero.
    todo!()
}

/// Plans a failover from a primary last seen at `last_primary`.
pub fn plan_failover(
    last_primary: LogPosition,
    replicas: &[Replica],
    policy: Policy,
) -> Result<Promotion, FailoverError> {
    // TODO: pick the candidate, work out the loss, refuse or flag it against the policy, and
    // list the replicas that must be rewound.
    todo!()
}

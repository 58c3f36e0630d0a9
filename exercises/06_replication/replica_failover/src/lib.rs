//! # replica_failover: promote the most up-to-date replica, and say what it loses
//!
//! The primary is gone and a replica must take its place. With asynchronous replication every
//! replica trails the primary a little, so whatever the promoted replica had not applied is
//! lost. A good failover loses as little as possible, says exactly how much, and stops to ask
//! when that is more than the business accepts (the RPO). This is the procedure of Designing
//! Data-Intensive Applications, ch. 5, "Handling Node Outages", and of tools such as
//! MySQL Orchestrator and Patroni (`maximum_lag_on_failover`).
//!
//! Positions count how far into the primary's log a node has got, in transactions and in bytes;
//! [`LogPosition`] compares transactions first, then bytes.
//!
//! ## Task 1: Work out what a promotion loses
//!
//! [`data_loss`] is the last known primary position minus the replica's, field by field, each
//! field never below zero (the primary's last report can be older than a replica's).
//!
//! Example: primary at (1200 transactions, 480 000 bytes), replica at (1150, 455 000): the loss
//! is (50, 25 000). A replica at (1190, 484 000) loses (10, 0).
//!
//! ## Task 2: Promote the most up-to-date healthy replica
//!
//! In [`plan_failover`], the candidate is the healthy replica with the highest position; on a
//! tie, the one listed first. With no healthy replica, refuse with
//! [`FailoverError::NoHealthyReplica`].
//!
//! Example: healthy `db-1` at (900, 360 000), `db-2` at (990, 396 000), `db-3` at (950,
//! 380 000), primary at (1000, 400 000): `db-2` is promoted and loses (10, 4000).
//!
//! ## Task 3: Refuse or flag a loss over the bound
//!
//! - The loss is over the bound if it exceeds the policy in transactions *or* in bytes (equal
//!   is within).
//! - Over the bound and not forced: refuse with [`FailoverError::TooMuchDataLoss`], naming the
//!   candidate and its loss.
//! - Over the bound and forced: promote, with `over_bound` set. Within the bound, `over_bound`
//!   is false, forced or not.
//!
//! Example: with bounds of 10 transactions and 4000 bytes, a candidate losing (100, 40 000) is
//! refused; forced, it is promoted with `over_bound: true`.
//!
//! ## Task 4: List the replicas that must be rewound
//!
//! Every replica *ahead* of the promoted one (a strictly higher position: they were cut off and
//! so unhealthy) holds writes the new primary never had; list them in list order in
//! `must_rewind`: they must be rewound before they follow it.
//!
//! Example: promoting `db-2` at (950, 380 000), an unhealthy `db-6` at (950, 380 500) must be
//! rewound; an unhealthy `db-3` at exactly (950, 380 000) can simply follow.
//!
//! ## Beyond this exercise
//!
//! Here the controller sees every position at once. In reality positions are reported, and the
//! old primary may not be dead at all, only unreachable: a failover then needs fencing (the
//! previous exercise) so that two primaries never accept writes. Rewinding is done by tools
//! such as `pg_rewind`; a replica that cannot be rewound is rebuilt from a backup.

/// How far into the primary's log a node has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LogPosition {
    /// Transactions applied since the log began.
    pub transactions: u64,
    /// Bytes of log applied since the log began.
    pub bytes: u64,
}

/// A replica as the failover controller sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replica {
    /// The replica's name.
    pub name: String,
    /// False when the replica is unreachable or failing its checks: it cannot be promoted.
    pub healthy: bool,
    /// How far into the primary's log it has got.
    pub applied: LogPosition,
}

/// What a failover loses: the writes the primary had that the promoted replica lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DataLoss {
    /// Transactions lost.
    pub transactions: u64,
    /// Bytes of log lost.
    pub bytes: u64,
}

/// How much loss an automatic failover may accept, and whether an operator forces it anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The most transactions an automatic failover may lose.
    pub max_lost_transactions: u64,
    /// The most bytes of log an automatic failover may lose.
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
    TooMuchDataLoss {
        /// The best candidate.
        candidate: String,
        /// What promoting it would lose.
        lost: DataLoss,
    },
}

impl std::fmt::Display for FailoverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FailoverError::NoHealthyReplica => write!(f, "no healthy replica can be promoted"),
            FailoverError::TooMuchDataLoss { candidate, lost } => write!(
                f,
                "promoting {candidate} would lose {} transactions ({} bytes), over the bound",
                lost.transactions, lost.bytes
            ),
        }
    }
}

impl std::error::Error for FailoverError {}

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
    // TODO: pick the candidate (Task 2), work out its loss and refuse or flag it against the
    // policy (Task 3), and list the replicas that must be rewound (Task 4).
    todo!()
}

//! # quorum: reads and writes that overlap when R + W > N
//!
//! A key-value store in the style of Amazon's Dynamo keeps every key on `n` replicas. A write
//! must be stored by `w` of them and a read asks `r` of them. When `r + w > n`, any `r`
//! replicas share at least one with any `w`, so a read always meets the newest successful
//! write; version numbers tell which answer that is. With `r + w <= n` the two groups can miss
//! each other and a read can return stale data: cheaper, but only eventually consistent.
//! (Designing Data-Intensive Applications, ch. 5, "Quorums for reading and writing";
//! DeCandia et al., "Dynamo: Amazon's Highly Available Key-value Store", 2007.)
//!
//! Replicas are simulated in memory; the tests decide which are up with [`Cluster::set_up`].
//! The helpers `up_replicas` and `store` are given.
//!
//! ## Task 1: Accept only quorums that overlap
//!
//! - [`QuorumConfig::overlaps`]: is `r + w > n`?
//! - [`QuorumConfig::new`]: the range checks of [`QuorumConfig::new_eventual`] (given), then
//!   refuse a config that does not overlap with [`ConfigError::QuorumsDoNotOverlap`].
//!
//! Example: `(n, w, r) = (3, 2, 2)` overlaps; `(4, 2, 2)` does not (2 + 2 is not more than 4),
//! so `new(4, 2, 2)` is `Err(QuorumsDoNotOverlap { n: 4, w: 2, r: 2 })`; `new(3, 3, 4)` fails
//! the range check on `r` first.
//!
//! ## Task 2: Write to every replica that is up, if W are
//!
//! [`Cluster::write`]: if fewer than `w` replicas are up, fail at once with
//! [`QuorumError::NotEnoughReplicas`] and store nothing (and use no version). Otherwise the
//! write takes the next version (1, 2, 3… counted over the whole cluster, whatever the key)
//! and every replica that is up stores it.
//!
//! Example: `n = 3, w = 2`, replica 1 down: `write("cart", "apples")` is `Ok(Version(1))` and
//! replicas 0 and 2 hold version 1. With replicas 1 and 2 down it is
//! `Err(NotEnoughReplicas { needed: 2, up: 1 })`.
//!
//! ## Task 3: Read the newest version from R replicas
//!
//! [`Cluster::read`]: ask the first `r` replicas that are up, in index order (fail with
//! [`QuorumError::NotEnoughReplicas`] if fewer than `r` are up), and return the answer with the
//! highest version, or `None` if none of them has the key. Replicas beyond those `r` are not
//! asked.
//!
//! Example: replica 0 holds version 1 of `k`, replicas 1 and 2 hold version 2; with `r = 2`
//! and all up, the read asks 0 and 1 and returns version 2.
//!
//! ## Task 4: Repair the stale replicas a read met
//!
//! *Read repair*: after choosing the newest answer, each *asked* replica that had an older
//! version, or nothing, is given the newest one. [`Read::repaired`] lists their indices in
//! index order; a read that found nothing repairs nothing.
//!
//! Example: in the example of Task 3, replica 0 gets version 2 and `repaired` is `[0]`.
//!
//! ## Limits of this model
//!
//! - **Strict quorums only**: the `w` and `r` replicas are always among the key's own `n`.
//!   Dynamo, Riak and Cassandra also offer *sloppy quorums* with hinted handoff: during a
//!   partition a write is accepted by other nodes, and then `r + w > n` no longer guarantees
//!   that a read meets it.
//! - **Not linearizable by itself**: even with `r + w > n`, a read concurrent with a write can
//!   see the new value and a later read the old one, and clock-based versions (last write wins)
//!   can drop writes (DDIA ch. 5, "Limitations of Quorum Consistency", and ch. 9). Here every
//!   operation is atomic and one coordinator numbers the versions, which hides both.
//! - **A failed write may still have landed**: this coordinator knows who is up and stores
//!   nothing when fewer than `w` are. A real one sends the write to all `n` and counts the
//!   acknowledgements; when fewer than `w` arrive, the client is told it failed, yet the
//!   replicas that stored it keep it (it is not rolled back), so later reads may or may not
//!   return it.
//! - Read repair only fixes what reads touch; real stores also run anti-entropy in the
//!   background (Merkle trees in Dynamo and Cassandra) for data that is rarely read.

use std::collections::BTreeMap;

/// A version number given to each successful write; higher is newer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version(pub u64);

/// A value with the version of the write that stored it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versioned {
    /// The version of the write.
    pub version: Version,
    /// The value written.
    pub value: String,
}

/// Why a quorum configuration is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigError {
    /// `n` is zero.
    NoReplicas,
    /// `w` is zero or more than `n`.
    WriteQuorumOutOfRange {
        /// The write quorum asked for.
        w: usize,
        /// The replication factor.
        n: usize,
    },
    /// `r` is zero or more than `n`.
    ReadQuorumOutOfRange {
        /// The read quorum asked for.
        r: usize,
        /// The replication factor.
        n: usize,
    },
    /// `r + w <= n`: a read might not meet the latest write (only from [`QuorumConfig::new`]).
    QuorumsDoNotOverlap {
        /// The replication factor.
        n: usize,
        /// The write quorum.
        w: usize,
        /// The read quorum.
        r: usize,
    },
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::NoReplicas => write!(f, "a store needs at least one replica"),
            ConfigError::WriteQuorumOutOfRange { w, n } => {
                write!(f, "write quorum W={w} is not between 1 and N={n}")
            }
            ConfigError::ReadQuorumOutOfRange { r, n } => {
                write!(f, "read quorum R={r} is not between 1 and N={n}")
            }
            ConfigError::QuorumsDoNotOverlap { n, w, r } => {
                write!(
                    f,
                    "R={r} + W={w} is not more than N={n}: reads may miss writes"
                )
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// Why a read or a write failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuorumError {
    /// The operation needs `needed` replicas but only `up` are up.
    NotEnoughReplicas {
        /// The quorum the operation needs.
        needed: usize,
        /// The replicas that are up.
        up: usize,
    },
}

impl std::fmt::Display for QuorumError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QuorumError::NotEnoughReplicas { needed, up } => {
                write!(
                    f,
                    "a quorum of {needed} replicas is needed but only {up} are up"
                )
            }
        }
    }
}

impl std::error::Error for QuorumError {}

/// Replication factor `n`, write quorum `w` and read quorum `r`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuorumConfig {
    n: usize,
    w: usize,
    r: usize,
}

impl QuorumConfig {
    /// A config whose reads always see the latest successful write (`r + w > n`).
    pub fn new(n: usize, w: usize, r: usize) -> Result<Self, ConfigError> {
        let config = Self::new_eventual(n, w, r)?;
        if config.overlaps() {
            Ok(config)
        } else {
            Err(ConfigError::QuorumsDoNotOverlap { n, w, r })
        }
    }

    /// A config that may trade consistency for speed: `r + w > n` is not required.
    pub fn new_eventual(n: usize, w: usize, r: usize) -> Result<Self, ConfigError> {
        if n == 0 {
            return Err(ConfigError::NoReplicas);
        }
        if !(1..=n).contains(&w) {
            return Err(ConfigError::WriteQuorumOutOfRange { w, n });
        }
        if !(1..=n).contains(&r) {
            return Err(ConfigError::ReadQuorumOutOfRange { r, n });
        }
        Ok(Self { n, w, r })
    }

    /// True when every read quorum shares a replica with every write quorum.
    pub fn overlaps(&self) -> bool {
        // Two groups of w and r out of n must share a member exactly when w + r > n.
        self.r + self.w > self.n
    }

    /// The replication factor: how many replicas hold each key.
    pub fn n(&self) -> usize {
        self.n
    }

    /// The write quorum: how many replicas must store a write.
    pub fn w(&self) -> usize {
        self.w
    }

    /// The read quorum: how many replicas a read asks.
    pub fn r(&self) -> usize {
        self.r
    }
}

/// The outcome of a quorum read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Read {
    /// The newest value among the replicas asked, or `None` if none of them has the key.
    pub value: Option<Versioned>,
    /// Indices of the asked replicas that read repair brought up to date, in index order.
    pub repaired: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
struct Replica {
    up: bool,
    store: BTreeMap<String, Versioned>,
}

/// `n` in-memory replicas behind one coordinator.
#[derive(Debug, Clone)]
pub struct Cluster {
    config: QuorumConfig,
    replicas: Vec<Replica>,
    last_version: u64,
}

impl Cluster {
    /// A cluster of `config.n()` empty replicas, all up.
    pub fn new(config: QuorumConfig) -> Self {
        let replica = Replica {
            up: true,
            store: BTreeMap::new(),
        };
        Self {
            config,
            replicas: vec![replica; config.n()],
            last_version: 0,
        }
    }

    /// Takes a replica down (`false`) or brings it back up (`true`) with the data it had.
    pub fn set_up(&mut self, replica: usize, up: bool) {
        self.replicas[replica].up = up;
    }

    /// What one replica currently stores for `key`, whether it is up or not.
    pub fn stored(&self, replica: usize, key: &str) -> Option<&Versioned> {
        self.replicas[replica].store.get(key)
    }

    /// The indices of the replicas that are up, in index order, if there are at least `needed`
    /// of them; otherwise the error saying how many are up.
    fn up_replicas(&self, needed: usize) -> Result<Vec<usize>, QuorumError> {
        let up: Vec<usize> = (0..self.replicas.len())
            .filter(|&i| self.replicas[i].up)
            .collect();
        if up.len() < needed {
            return Err(QuorumError::NotEnoughReplicas {
                needed,
                up: up.len(),
            });
        }
        Ok(up)
    }

    /// Makes replica `replica` hold `versioned` for `key` (replacing what it had).
    fn store(&mut self, replica: usize, key: &str, versioned: &Versioned) {
        self.replicas[replica]
            .store
            .insert(key.to_string(), versioned.clone());
    }

    /// Stores `value` under `key` on every replica that is up, if at least `w` are.
    pub fn write(&mut self, key: &str, value: &str) -> Result<Version, QuorumError> {
        // Check before sending anything, so a refused write leaves no copies behind and does
        // not use up a version.
        let up = self.up_replicas(self.config.w)?;
        self.last_version += 1;
        let versioned = Versioned {
            version: Version(self.last_version),
            value: value.to_string(),
        };
        for i in up {
            self.store(i, key, &versioned);
        }
        Ok(versioned.version)
    }

    /// Reads `key` from the first `r` replicas that are up and repairs the stale ones.
    pub fn read(&mut self, key: &str) -> Result<Read, QuorumError> {
        let up = self.up_replicas(self.config.r)?;
        let asked = &up[..self.config.r];
        let newest = asked
            .iter()
            .filter_map(|&i| self.stored(i, key))
            .max_by_key(|versioned| versioned.version)
            .cloned();
        let mut repaired = Vec::new();
        if let Some(newest) = &newest {
            for &i in asked {
                let stale = self
                    .stored(i, key)
                    .is_none_or(|held| held.version < newest.version);
                if stale {
                    self.store(i, key, newest);
                    repaired.push(i);
                }
            }
        }
        Ok(Read {
            value: newest,
            repaired,
        })
    }
}

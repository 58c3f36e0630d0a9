//! # Quorum reads and writes
//!
//! A key-value store keeps every key on `n` replicas. A write must be stored by `w` of them and
//! a read asks `r` of them. When `r + w > n`, any `r` replicas share at least one with any `w`,
//! so a read always sees the newest successful write. With `r + w <= n` the two groups can miss
//! each other and a read can return stale data: cheaper, but only eventually consistent.
//!
//! Implement:
//! 1. [`QuorumConfig::overlaps`]: is `r + w > n`? [`QuorumConfig::new`]: the range checks of
//!    [`QuorumConfig::new_eventual`] (given), then refuse a config that does not overlap.
//! 2. [`Cluster::write`]: if fewer than `w` replicas are up, fail at once and store nothing.
//!    Otherwise the write takes the next version (1, 2, 3... counted over the whole cluster)
//!    and every replica that is up stores it.
//! 3. [`Cluster::read`]: ask the first `r` replicas that are up, in index order (fail if fewer
//!    than `r` are up). Return the answer with the highest version, then *read repair*: each
//!    asked replica that had an older version, or nothing, gets the newest one. Report the
//!    indices of the repaired replicas in index order.
//!
//! Replicas are simulated in memory; the tests decide which are up with [`Cluster::set_up`].
//!
//! ## Task 1: Quorum

use std::collections::BTreeMap;

/// A version number given to each successful write; higher is newer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version(pub u64);

/// A value with the version of the write that stored it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Versioned {
    pub version: Version,
    pub value: String,
}

/// Why a quorum configuration is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigError {
    /// `n` is zero.
    NoReplicas,
    /// `w` is zero or more than `n`.
    WriteQuorumOutOfRange { w: usize, n: usize },
    /// `r` is zero or more than `n`.
    ReadQuorumOutOfRange { r: usize, n: usize },
    /// `r + w <= n`: a read might not meet the latest write (only from [`QuorumConfig::new`]).
    QuorumsDoNotOverlap { n: usize, w: usize, r: usize },
}

/// Why a read or a write failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuorumError {
    /// The operation needs `needed` replicas but only `up` are up.
    NotEnoughReplicas { needed: usize, up: usize },
}

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
        self.r + self.w > self.n
    }

    pub fn n(&self) -> usize {
        self.n
    }

    pub fn w(&self) -> usize {
        self.w
    }

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

    /// Indices of the replicas that are up, in index order.
    fn up_replicas(&self) -> Vec<usize> {
        (0..self.replicas.len())
            .filter(|&i| self.replicas[i].up)
            .collect()
    }

    /// Stores `value` under `key` on every replica that is up, if at least `w` are.
    pub fn write(&mut self, key: &str, value: &str) -> Result<Version, QuorumError> {
        let up = self.up_replicas();
        // Check before sending anything, so a refused write leaves no partial copies behind
        // and does not use up a version.
        if up.len() < self.config.w {
            return Err(QuorumError::NotEnoughReplicas {
                needed: self.config.w,
                up: up.len(),
            });
        }
        self.last_version += 1;
        let versioned = Versioned {
            version: Version(self.last_version),
            value: value.to_string(),
        };
        for i in up {
            self.replicas[i]
                .store
                .insert(key.to_string(), versioned.clone());
        }
        Ok(versioned.version)
    }

    /// Reads `key` from the first `r` replicas that are up and repairs the stale ones.
    pub fn read(&mut self, key: &str) -> Result<Read, QuorumError> {
        let up = self.up_replicas();
        if up.len() < self.config.r {
            return Err(QuorumError::NotEnoughReplicas {
                needed: self.config.r,
                up: up.len(),
            });
        }
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
                    self.replicas[i]
                        .store
                        .insert(key.to_string(), newest.clone());
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

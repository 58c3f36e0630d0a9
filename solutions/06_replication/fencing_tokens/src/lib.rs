//! # fencing_tokens: a deposed leader's writes bounce off the storage
//!
//! A leader holds a lease from a lock service and must renew it before it expires. A leader
//! that stalls (a long garbage-collection pause, a frozen VM, a network partition) can wake up
//! still *believing* it leads, while its lease has expired and another node has taken over: two
//! leaders writing at once, a split brain. Its own clock cannot tell it, so the storage must.
//!
//! Fencing (Designing Data-Intensive Applications, ch. 8, "Fencing tokens"; Kleppmann, "How to
//! do distributed locking", 2016; Google's Chubby calls them *sequencers*, Burrows 2006): every
//! grant of the lock carries a token higher than any granted before, every write carries its
//! writer's token, and the storage refuses a token lower than the highest it has seen.
//! Time is in milliseconds. [`LockService::renew`] and [`LockService::release`] are given.
//!
//! ## Task 1: Grant leases with ever-growing tokens
//!
//! [`LockService::acquire`]:
//! - while the current lease is live (`now_ms < expires_at_ms`: a lease is dead exactly at its
//!   expiry) the lock is held, even for its own holder (which should renew instead): refuse
//!   with [`LockError::Held`], naming the holder and the expiry;
//! - otherwise grant a new lease to `client`: the next token (the first is 1), expiring
//!   `ttl_ms` after `now_ms`, and remember it as the current lease;
//! - tokens are never reused, even after a release or an expiry.
//!
//! Example: with a TTL of 10 000 ms, `acquire("node-a", 0)` gives token 1 expiring at 10 000;
//! `acquire("node-b", 5_000)` is `Held { holder: "node-a", until_ms: 10_000 }`;
//! `acquire("node-b", 10_000)` gives token 2 expiring at 20 000.
//!
//! ## Task 2: Fence off writes that carry an old token
//!
//! [`Storage::write`]:
//! - a token lower than the highest seen is refused with [`StorageError::StaleToken`], and
//!   nothing changes;
//! - a token equal to the highest (a leader writes many times) or higher is accepted: the value
//!   is stored and the token becomes the highest seen. An empty storage has seen no token.
//!
//! Example: after writes with tokens 1 then 2, a write with token 1 is
//! `Err(StaleToken { presented: 1, highest: 2 })` and the value written with token 2 stays.
//!
//! ## Beyond this exercise
//!
//! The storage here sees every write, so one "highest" is enough; a real system must check the
//! token in every resource the leader touches (ZooKeeper's `zxid` or an etcd revision serves as
//! the token). Storage that cannot check tokens cannot be fenced this way: then a fencing
//! agent cuts the old leader off instead (STONITH in Pacemaker clusters). Note also that the
//! storage only fences tokens it has seen: until the new leader writes, the old one still gets
//! through.

use std::collections::BTreeMap;

/// A number handed out with each grant of the lock; a later grant has a higher one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FencingToken(pub u64);

/// The right to act as leader until `expires_at_ms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    /// The client that holds the lock.
    pub holder: String,
    /// The fencing token of this grant (renewals keep it).
    pub token: FencingToken,
    /// The first instant at which the lease is no longer live.
    pub expires_at_ms: u64,
}

/// Why the lock service said no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Someone holds a live lease until `until_ms`.
    Held {
        /// Who holds the lease.
        holder: String,
        /// When it expires.
        until_ms: u64,
    },
    /// The lease being renewed has expired or was replaced: its holder is no longer leader.
    LeaseLost,
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Held { holder, until_ms } => {
                write!(f, "the lock is held by {holder} until {until_ms} ms")
            }
            LockError::LeaseLost => write!(f, "the lease has expired or was replaced"),
        }
    }
}

impl std::error::Error for LockError {}

/// Hands out leases with fencing tokens.
#[derive(Debug, Clone)]
pub struct LockService {
    ttl_ms: u64,
    /// The highest token ever granted (0 before the first grant).
    last_token: u64,
    current: Option<Lease>,
}

impl LockService {
    /// A free lock whose leases last `ttl_ms`.
    pub fn new(ttl_ms: u64) -> Self {
        Self {
            ttl_ms,
            last_token: 0,
            current: None,
        }
    }

    /// The current lease if it is still live at `now_ms`.
    fn live_lease(&self, now_ms: u64) -> Option<&Lease> {
        self.current
            .as_ref()
            .filter(|lease| now_ms < lease.expires_at_ms)
    }

    /// Grants the lock to `client` at `now_ms` if nobody holds a live lease.
    pub fn acquire(&mut self, client: &str, now_ms: u64) -> Result<Lease, LockError> {
        if let Some(lease) = self.live_lease(now_ms) {
            return Err(LockError::Held {
                holder: lease.holder.clone(),
                until_ms: lease.expires_at_ms,
            });
        }
        // The counter only ever grows, so a deposed leader's token stays below every later one.
        self.last_token += 1;
        let lease = Lease {
            holder: client.to_string(),
            token: FencingToken(self.last_token),
            expires_at_ms: now_ms + self.ttl_ms,
        };
        self.current = Some(lease.clone());
        Ok(lease)
    }

    /// Extends a live lease by `ttl_ms` from `now_ms`, keeping its token.
    pub fn renew(&mut self, lease: &Lease, now_ms: u64) -> Result<Lease, LockError> {
        match self.live_lease(now_ms) {
            Some(live) if live.token == lease.token => {
                let renewed = Lease {
                    expires_at_ms: now_ms + self.ttl_ms,
                    ..live.clone()
                };
                self.current = Some(renewed.clone());
                Ok(renewed)
            }
            _ => Err(LockError::LeaseLost),
        }
    }

    /// Frees the lock if `lease` is the current one; a stale lease cannot free a newer holder.
    pub fn release(&mut self, lease: &Lease) {
        if self
            .current
            .as_ref()
            .is_some_and(|current| current.token == lease.token)
        {
            self.current = None;
        }
    }
}

/// Why the storage refused a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// The writer's token is lower than one already seen: it has been deposed.
    StaleToken {
        /// The token the write carried.
        presented: FencingToken,
        /// The highest token the storage has seen.
        highest: FencingToken,
    },
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::StaleToken { presented, highest } => write!(
                f,
                "fencing token {} is lower than {}, the highest seen: the writer was deposed",
                presented.0, highest.0
            ),
        }
    }
}

impl std::error::Error for StorageError {}

/// A key-value store that checks fencing tokens.
#[derive(Debug, Clone, Default)]
pub struct Storage {
    highest: Option<FencingToken>,
    data: BTreeMap<String, String>,
}

impl Storage {
    /// An empty storage that has seen no token yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores `value` under `key` if `token` is not lower than any token seen before.
    pub fn write(
        &mut self,
        token: FencingToken,
        key: &str,
        value: &str,
    ) -> Result<(), StorageError> {
        if let Some(highest) = self.highest {
            if token < highest {
                return Err(StorageError::StaleToken {
                    presented: token,
                    highest,
                });
            }
        }
        self.highest = Some(token);
        self.data.insert(key.to_string(), value.to_string());
        Ok(())
    }

    /// The value stored under `key`, if any.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.data.get(key).map(String::as_str)
    }

    /// The highest token a write has carried so far.
    pub fn highest_token(&self) -> Option<FencingToken> {
        self.highest
    }
}

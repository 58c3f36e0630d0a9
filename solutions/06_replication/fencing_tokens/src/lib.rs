//! # Fencing tokens against split brain
//!
//! A leader holds a lease from a lock service and must renew it before it expires. A leader
//! that stalls (a long garbage-collection pause, a frozen VM, a network partition) can wake up
//! still *believing* it leads, while its lease has expired and another node has taken over: two
//! leaders writing at once, a split brain. Its own clock cannot tell it, so the storage must.
//!
//! Fencing: every time the lock is granted, the grant carries a token one higher than any
//! granted before (the first is 1). Every write to the storage carries the writer's token; the
//! storage remembers the highest token it has seen and refuses anything lower.
//!
//! Implement:
//! 1. [`LockService::acquire`]: while the current lease is live (`now_ms < expires_at_ms`) the
//!    lock is held, even for its own holder (which should renew instead). Otherwise grant a new
//!    lease: the next token, expiring `ttl_ms` from now. Tokens are never reused, even after a
//!    release.
//! 2. [`Storage::write`]: accept a token equal to or higher than the highest seen (a leader
//!    writes many times with the same token) and remember it; refuse a lower one and change
//!    nothing.
//!
//! [`LockService::renew`] and [`LockService::release`] are given. Time is in milliseconds.
//!
//! ## Task 1: Fencing_tokens

use std::collections::BTreeMap;

/// A number handed out with each grant of the lock; a later grant has a higher one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FencingToken(pub u64);

/// The right to act as leader until `expires_at_ms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    pub holder: String,
    pub token: FencingToken,
    pub expires_at_ms: u64,
}

/// Why the lock service said no.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockError {
    /// Someone holds a live lease until `until_ms`.
    Held { holder: String, until_ms: u64 },
    /// The lease being renewed has expired or was replaced: its holder is no longer leader.
    LeaseLost,
}

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
        presented: FencingToken,
        highest: FencingToken,
    },
}

/// A key-value store that checks fencing tokens.
#[derive(Debug, Clone, Default)]
pub struct Storage {
    highest: Option<FencingToken>,
    data: BTreeMap<String, String>,
}

impl Storage {
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

    pub fn get(&self, key: &str) -> Option<&str> {
        self.data.get(key).map(String::as_str)
    }

    /// The highest token a write has carried so far.
    pub fn highest_token(&self) -> Option<FencingToken> {
        self.highest
    }
}

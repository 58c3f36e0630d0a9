//! # backup_keys: destroy an encryption key only when no kept backup needs it
//!
//! A backup is a full copy of the data, so it is encrypted, and keys are rotated: every new
//! backup is encrypted with the newest key, older backups keep the key they were written with.
//! That makes the key a second way to delete: a backup whose key is destroyed is noise, however
//! many copies of it exist on tapes and in other regions. Used on purpose this is
//! *crypto-shredding*: once retention lets the last backups of a key go, destroying the key
//! deletes them everywhere at once. Used by mistake it is data loss that no restore can undo,
//! so a key may be destroyed only when no backup that the retention policy keeps was encrypted
//! with it. NIST SP 800-57 Part 1, "Recommendation for Key Management", separates a key's
//! originator-usage period (while it encrypts new data) from its recipient-usage period (while
//! data it protected must still be decrypted): rotation ends the first, retention the second.
//! NIST SP 800-88, "Guidelines for Media Sanitization", lists cryptographic erase as a way to
//! sanitise media.
//!
//! Times are milliseconds; every list keeps its input order.
//!
//! ## Task 1: Encrypt each new backup with the newest key
//!
//! - The key for a new backup is the one with the latest `created_ms` that is not after
//!   `now_ms` (a key created for a later rotation is not in use yet; one created exactly at
//!   `now_ms` is). If several share that time, the one listed last (the latest rotation) wins.
//! - Without any such key, there is none ([`None`]): no backup can be taken unencrypted.
//!
//! Example: keys `k1` at 0 and `k2` at 1000 → at 999 the key is `k1`, at 1000 it is `k2`.
//!
//! ## Task 2: Decide which backups the retention policy keeps
//!
//! - A backup is kept while it is younger than `keep_ms`: `now_ms − taken_ms < keep_ms`, so a
//!   backup exactly `keep_ms` old is not kept (a backup taken after `now_ms` counts as age 0).
//! - The newest backup (largest `taken_ms`; every one of them if several share it) is always
//!   kept, however old: a backup job that stopped must not leave nothing to restore.
//!
//! Example: keep 7 days; backups at day 0, 5 and 9, now day 14 → day 9 (5 days old) is kept,
//! day 5 (9 days old) and day 0 are not. Now day 30 → only day 9, the newest.
//!
//! ## Task 3: Shred a key only when no kept backup needs it
//!
//! [`shred`] decides whether `key_id` may be destroyed at `now_ms`, in this order:
//!
//! - a key not in the list → [`ShredError::UnknownKey`];
//! - the key new backups are encrypted with (task 1) → [`ShredError::CurrentKey`]: rotate
//!   first;
//! - a key that encrypts kept backups (task 2) → [`ShredError::StillNeeded`] with the ids of
//!   those backups;
//! - otherwise `Ok` with the ids of the backups (not kept any more) that destroying the key
//!   makes unreadable: the deletion it performs, to be recorded. It may be empty.
//!
//! Example: keys `k1` at 0, `k2` at 1000; backups `b1` (k1) at 500 and `b2` (k2) at 1200;
//! keep 1000. At 2000 `k1` is `Ok(["b1"])`; at 1400 it is `StillNeeded(["b1"])`; `k2` is
//! `CurrentKey`.
//!
//! ## Beyond this exercise
//!
//! Real key stores (AWS KMS, Google Cloud KMS, HashiCorp Vault) rotate on a schedule and delete
//! a key only after a waiting period (AWS KMS: 7 to 30 days) during which the deletion can be
//! cancelled. Backups use envelope encryption: each backup has its own data key, stored
//! encrypted by the master key, so rotation re-wraps small data keys instead of re-encrypting
//! terabytes. Legal holds keep backups beyond their retention. Crypto-shredding is also how a
//! single customer's data is erased from every backup (per-tenant keys), and the reason keys
//! must themselves be backed up, separately from the data they protect.

use std::fmt;

/// An encryption key, known by its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The key's id.
    pub id: String,
    /// When the key was created (it encrypts new backups from then on).
    pub created_ms: u64,
}

/// A backup, and the key it was encrypted with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// The backup's id.
    pub id: String,
    /// When the backup was taken.
    pub taken_ms: u64,
    /// The id of the key it was encrypted with.
    pub key_id: String,
}

/// Why a key may not be destroyed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShredError {
    /// No key has this id.
    UnknownKey,
    /// New backups are encrypted with this key.
    CurrentKey,
    /// Backups the retention policy keeps were encrypted with this key.
    StillNeeded(Vec<String>),
}

impl fmt::Display for ShredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShredError::UnknownKey => write!(f, "no such key"),
            ShredError::CurrentKey => write!(f, "new backups use this key: rotate first"),
            ShredError::StillNeeded(ids) => {
                write!(f, "kept backups need this key: {}", ids.join(", "))
            }
        }
    }
}

impl std::error::Error for ShredError {}

/// The key a backup taken at `now_ms` is encrypted with.
pub fn key_for_new_backup(keys: &[Key], now_ms: u64) -> Option<&Key> {
    // `max_by_key` returns the last of equal maxima: the latest rotation wins a tie.
    keys.iter()
        .filter(|key| key.created_ms <= now_ms)
        .max_by_key(|key| key.created_ms)
}

/// The backups the retention policy keeps at `now_ms`.
pub fn kept(backups: &[Backup], keep_ms: u64, now_ms: u64) -> Vec<&Backup> {
    let newest = backups.iter().map(|b| b.taken_ms).max();
    backups
        .iter()
        .filter(|b| now_ms.saturating_sub(b.taken_ms) < keep_ms || Some(b.taken_ms) == newest)
        .collect()
}

/// Whether `key_id` may be destroyed at `now_ms`; if so, the backups that doing it deletes.
pub fn shred(
    key_id: &str,
    keys: &[Key],
    backups: &[Backup],
    keep_ms: u64,
    now_ms: u64,
) -> Result<Vec<String>, ShredError> {
    if !keys.iter().any(|key| key.id == key_id) {
        return Err(ShredError::UnknownKey);
    }
    if key_for_new_backup(keys, now_ms).is_some_and(|key| key.id == key_id) {
        return Err(ShredError::CurrentKey);
    }
    let kept = kept(backups, keep_ms, now_ms);
    let needed: Vec<String> = kept
        .iter()
        .filter(|b| b.key_id == key_id)
        .map(|b| b.id.clone())
        .collect();
    if !needed.is_empty() {
        return Err(ShredError::StillNeeded(needed));
    }
    // Everything left under this key has expired: destroying the key deletes it, everywhere.
    Ok(backups
        .iter()
        .filter(|b| b.key_id == key_id)
        .map(|b| b.id.clone())
        .collect())
}

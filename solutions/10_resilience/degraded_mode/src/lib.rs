//! Degraded mode while the database is partitioned away.
//!
//! When the database cannot be reached, a service that fails every request turns a partial
//! outage into a full one. This service keeps answering what it safely can instead:
//! - reads are served from a cache of the last value read or written for each key, marked
//!   stale with their age, or refused with `ReadError::Unavailable` when the key is not cached
//!   (which is not the same as `NotFound`: nobody can tell whether the key exists right now);
//! - writes are refused with `WriteError::ReadOnly`: accepting them without the database would
//!   lose them or let them conflict with writes made on the other side of the partition.
//!
//! Rules (times are milliseconds on a clock the caller passes in):
//! - in normal mode every request goes to the database. The first request that finds it
//!   unreachable switches to degraded mode, since that time.
//! - in degraded mode the database is tried again only at or after `next_probe_ms`, so a dead
//!   database is not hammered with requests that will all time out. Every failed try schedules
//!   the next one `probe_interval_ms` later; the start of the outage stays the same.
//! - any request that reaches the database (read or write) ends degraded mode.
//! - the cache holds the value and the time it was last read from or written to the database.
//!
//! Implement `skip_database`, `database_unreachable`, `read` and `write`.
//!
//! ## Task 1: Degraded_mode

use std::collections::HashMap;

/// The database could not be reached (a timeout, a refused connection, a partition).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreachable;

/// The database behind the service.
pub trait Database {
    /// The value stored under `key`, or `None` when there is none.
    fn get(&mut self, key: &str) -> Result<Option<String>, Unreachable>;
    fn put(&mut self, key: &str, value: &str) -> Result<(), Unreachable>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Normal,
    /// The database has been unreachable since `since_ms`; it is tried again at `next_probe_ms`.
    Degraded {
        since_ms: u64,
        next_probe_ms: u64,
    },
}

/// A value that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    /// Straight from the database.
    Fresh(String),
    /// From the cache while the database is unreachable, last seen `age_ms` ago.
    Stale { value: String, age_ms: u64 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// The database answered: there is no such key.
    NotFound,
    /// The database is unreachable and the key is not in the cache.
    Unavailable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteError {
    /// Writes are refused while the database is unreachable (since `since_ms`).
    ReadOnly { since_ms: u64 },
}

#[derive(Debug, Clone)]
struct Cached {
    value: String,
    at_ms: u64,
}

#[derive(Debug)]
pub struct Service<D> {
    db: D,
    cache: HashMap<String, Cached>,
    mode: Mode,
    probe_interval_ms: u64,
}

impl<D: Database> Service<D> {
    pub fn new(db: D, probe_interval_ms: u64) -> Self {
        Self {
            db,
            cache: HashMap::new(),
            mode: Mode::Normal,
            probe_interval_ms,
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn database(&self) -> &D {
        &self.db
    }

    pub fn database_mut(&mut self) -> &mut D {
        &mut self.db
    }

    /// When a request at `now_ms` must not go to the database (degraded, before the next
    /// probe), the start of the outage; `None` when the database should be tried.
    fn skip_database(&self, now_ms: u64) -> Option<u64> {
        match self.mode {
            Mode::Degraded {
                since_ms,
                next_probe_ms,
            } if now_ms < next_probe_ms => Some(since_ms),
            _ => None,
        }
    }

    /// Records that the database was unreachable at `now_ms` and returns the outage's start.
    fn database_unreachable(&mut self, now_ms: u64) -> u64 {
        let since_ms = match self.mode {
            Mode::Normal => now_ms,
            Mode::Degraded { since_ms, .. } => since_ms,
        };
        self.mode = Mode::Degraded {
            since_ms,
            next_probe_ms: now_ms + self.probe_interval_ms,
        };
        since_ms
    }

    /// Reads `key`: fresh from the database, or stale from the cache while it is unreachable.
    pub fn read(&mut self, now_ms: u64, key: &str) -> Result<Read, ReadError> {
        if self.skip_database(now_ms).is_none() {
            match self.db.get(key) {
                Ok(found) => {
                    self.mode = Mode::Normal;
                    let value = found.ok_or(ReadError::NotFound)?;
                    let cached = Cached {
                        value: value.clone(),
                        at_ms: now_ms,
                    };
                    self.cache.insert(key.to_string(), cached);
                    return Ok(Read::Fresh(value));
                }
                Err(Unreachable) => {
                    self.database_unreachable(now_ms);
                }
            }
        }
        let cached = self.cache.get(key).ok_or(ReadError::Unavailable)?;
        Ok(Read::Stale {
            value: cached.value.clone(),
            age_ms: now_ms.saturating_sub(cached.at_ms),
        })
    }

    /// Writes `key` to the database; refused while the database is unreachable.
    pub fn write(&mut self, now_ms: u64, key: &str, value: &str) -> Result<(), WriteError> {
        if let Some(since_ms) = self.skip_database(now_ms) {
            return Err(WriteError::ReadOnly { since_ms });
        }
        match self.db.put(key, value) {
            Ok(()) => {
                self.mode = Mode::Normal;
                let cached = Cached {
                    value: value.to_string(),
                    at_ms: now_ms,
                };
                self.cache.insert(key.to_string(), cached);
                Ok(())
            }
            Err(Unreachable) => Err(WriteError::ReadOnly {
                since_ms: self.database_unreachable(now_ms),
            }),
        }
    }
}

//! # degraded_mode: serve stale reads and refuse writes while the database is away
//!
//! When the database cannot be reached, a service that fails every request turns a partial
//! outage into a full one. This service keeps answering what it safely can instead: reads come
//! from a cache, marked stale with their age, while writes are refused, since accepting them
//! without the database would lose them or let them conflict with writes made on the other
//! side of the partition. That is graceful degradation, as the Google SRE book ("Addressing
//! Cascading Failures") describes it: serve a lesser answer rather than none. The cache holds,
//! for each key, the value last read from or written to the database and when.
//!
//! Times are milliseconds on a clock the caller passes in.
//!
//! The outage bookkeeping is given, on [`Mode`]: [`Mode::unreachable`] records a request that
//! found the database unreachable (a normal service becomes degraded since then; a degraded
//! one keeps the start of its outage; either way the next try is `probe_interval_ms` later),
//! and [`Mode::skip_database`] says whether a request must leave the database alone (while
//! degraded, before `next_probe_ms`), so that a dead database is not hammered with requests
//! that would all time out.
//!
//! ## Task 1: Answer reads from the database, and remember what it said
//!
//! [`Service::read`], when the database is not skipped:
//!
//! - a value is [`Read::Fresh`], and refreshes the cache (the given `remember`);
//! - no value is [`ReadError::NotFound`], and the cache forgets the key (the database says
//!   there is none: a cached copy would bring a deleted value back during an outage);
//! - any answer, value or not, ends degraded mode ([`Mode::Normal`]).
//!
//! Example: with `cart:7 = "3 items"` in the database, `read(20, "cart:7")` is
//! `Ok(Fresh("3 items"))` and `read(20, "cart:9")` is `Err(NotFound)`.
//!
//! ## Task 2: Serve stale reads while the database is away
//!
//! - When the database is unreachable, record it ([`Mode::unreachable`]) and fall back to the
//!   cache; when it must be skipped, go to the cache at once, without trying it.
//! - A cached value is [`Read::Stale`] with its age: now minus when it was last seen in the
//!   database.
//! - A key that is not cached is [`ReadError::Unavailable`], not `NotFound`: nobody can tell
//!   whether the key exists right now.
//!
//! Example: `cart:7` read fresh at 100 ms, then the database cut off: `read(1_100, "cart:7")`
//! is `Stale { value: "3 items", age_ms: 1_000 }`, the mode becomes `Degraded { since_ms:
//! 1_100, next_probe_ms: 2_100 }` (probing every 1 000 ms), and a key never read is
//! `Err(Unavailable)`.
//!
//! ## Task 3: Refuse writes while the database is away
//!
//! [`Service::write`]:
//!
//! - while the database must be skipped, refuse with [`WriteError::ReadOnly`] and the
//!   outage's start, without trying it;
//! - otherwise try the database: an accepted write ends degraded mode and refreshes the cache;
//!   an unreachable one is recorded and refused, with the outage's start;
//! - a refused write leaves the cache as it was (readers would see data never stored).
//!
//! Example: written at 0 ms, cut off, then `write(500, "cart:7", "4 items")` is
//! `Err(ReadOnly { since_ms: 500 })`, and reading `cart:7` at 700 ms gives the old value,
//! 700 ms old.
//!
//! ## Beyond this exercise
//!
//! A fallback that runs only during outages is code that is rarely exercised: the AWS
//! Builders' Library ("Avoiding fallback in distributed systems") argues for making the normal
//! path more robust instead, or for exercising the fallback all the time. Real caches also
//! bound staleness (refuse a value older than some limit) and memory (evict). Refusing writes
//! while serving reads is choosing consistency for writes and availability for reads during a
//! partition (CAP).

use std::collections::HashMap;
use std::fmt;

/// The database could not be reached (a timeout, a refused connection, a partition).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreachable;

impl fmt::Display for Unreachable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the database is unreachable")
    }
}

impl std::error::Error for Unreachable {}

/// The database behind the service.
pub trait Database {
    /// The value stored under `key`, or `None` when there is none.
    fn get(&mut self, key: &str) -> Result<Option<String>, Unreachable>;
    /// Stores `value` under `key`.
    fn put(&mut self, key: &str, value: &str) -> Result<(), Unreachable>;
}

/// Whether the service talks to its database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Every request goes to the database.
    Normal,
    /// The database has been unreachable since `since_ms`; it is tried again at `next_probe_ms`.
    Degraded {
        /// When the outage began (the first request that found the database unreachable).
        since_ms: u64,
        /// When the database may be tried again.
        next_probe_ms: u64,
    },
}

impl Mode {
    /// While degraded and before the next probe at `now_ms`, the start of the outage; `None`
    /// when the database should be tried.
    pub fn skip_database(&self, now_ms: u64) -> Option<u64> {
        match *self {
            Mode::Degraded {
                since_ms,
                next_probe_ms,
            } if now_ms < next_probe_ms => Some(since_ms),
            _ => None,
        }
    }

    /// Records that the database was unreachable at `now_ms`; returns the outage's start.
    pub fn unreachable(&mut self, now_ms: u64, probe_interval_ms: u64) -> u64 {
        // An outage that is already going on keeps its start; only the next probe moves.
        let since_ms = match *self {
            Mode::Normal => now_ms,
            Mode::Degraded { since_ms, .. } => since_ms,
        };
        *self = Mode::Degraded {
            since_ms,
            next_probe_ms: now_ms.saturating_add(probe_interval_ms),
        };
        since_ms
    }
}

/// A value that was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    /// Straight from the database.
    Fresh(String),
    /// From the cache while the database is unreachable, last seen `age_ms` ago.
    Stale {
        /// The cached value.
        value: String,
        /// How long ago it was read from or written to the database.
        age_ms: u64,
    },
}

/// Why a read gave no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// The database answered: there is no such key.
    NotFound,
    /// The database is unreachable and the key is not in the cache.
    Unavailable,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such key"),
            ReadError::Unavailable => write!(f, "unavailable: database unreachable, not cached"),
        }
    }
}

impl std::error::Error for ReadError {}

/// Why a write was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteError {
    /// Writes are refused while the database is unreachable (since `since_ms`).
    ReadOnly {
        /// When the outage began.
        since_ms: u64,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::ReadOnly { since_ms } => {
                write!(
                    f,
                    "read-only: the database is unreachable since {since_ms} ms"
                )
            }
        }
    }
}

impl std::error::Error for WriteError {}

#[derive(Debug, Clone)]
struct Cached {
    value: String,
    at_ms: u64,
}

/// A service in front of a database, with a cache for degraded mode.
#[derive(Debug)]
pub struct Service<D> {
    db: D,
    cache: HashMap<String, Cached>,
    mode: Mode,
    probe_interval_ms: u64,
}

impl<D: Database> Service<D> {
    /// A service in normal mode with an empty cache, probing every `probe_interval_ms` while
    /// degraded.
    pub fn new(db: D, probe_interval_ms: u64) -> Self {
        Self {
            db,
            cache: HashMap::new(),
            mode: Mode::Normal,
            probe_interval_ms,
        }
    }

    /// The current mode.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The database, to look at.
    pub fn database(&self) -> &D {
        &self.db
    }

    /// The database, to change (tests cut it off with this).
    pub fn database_mut(&mut self) -> &mut D {
        &mut self.db
    }

    /// Caches `value` for `key` as seen in the database at `now_ms`.
    fn remember(&mut self, key: &str, value: &str, now_ms: u64) {
        let cached = Cached {
            value: value.to_string(),
            at_ms: now_ms,
        };
        self.cache.insert(key.to_string(), cached);
    }

    /// Reads `key`: fresh from the database, or stale from the cache while it is unreachable
    /// (Tasks 1 and 2).
    pub fn read(&mut self, now_ms: u64, key: &str) -> Result<Read, ReadError> {
        // TODO (Task 1): unless the database must be skipped, ask it; any answer ends degraded
        // mode, and a value is fresh and remembered.
        // TODO (Task 2): when skipped or unreachable, serve from the cache.
        todo!()
    }

    /// Writes `key` to the database; refused while the database is unreachable (Task 3).
    pub fn write(&mut self, now_ms: u64, key: &str, value: &str) -> Result<(), WriteError> {
        // TODO (Task 3): refuse while skipping; otherwise try the database.
        todo!()
    }
}

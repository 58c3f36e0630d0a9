//! # token_bucket: throttling that allows bursts and a steady average rate
//!
//! Throttling protects a service from more work than it can do: each request must take a token
//! from a bucket, and the bucket refills at a steady rate. Short bursts up to the bucket's
//! capacity go through at once; a sustained flood is cut down to the refill rate. This is how
//! Amazon API Gateway throttles (its docs describe a token bucket with a rate and a burst), and
//! the Google SRE book ("Handling Overload") puts such per-client limits in front of a service
//! so that one client's flood does not take the service from the others.
//!
//! The level is kept in milli-tokens (thousandths of a token, [`MILLI`]) so that refilling a
//! little every millisecond adds up exactly, with no rounding drift: at `r` tokens per second,
//! one millisecond adds exactly `r` milli-tokens. Time is milliseconds on a monotonic clock.
//!
//! ## Task 1: Refill exactly, in milli-tokens
//!
//! - The bucket holds at most `capacity` tokens; [`TokenBucket::new`] starts it full,
//!   [`TokenBucket::empty`] empty (both given).
//! - It refills continuously at `refill_per_sec` tokens per second from the instant it was made,
//!   and never past capacity (idle time does not pile up), however far the clock jumps.
//! - If a `now_ms` earlier than one already seen comes in (a clock glitch), it adds nothing,
//!   and the bucket keeps counting from the latest instant it has seen.
//! - [`TokenBucket::available`] (given) refills, then counts the whole tokens.
//!
//! Example: an empty bucket of 10 refilling at 2 per second, made at 0 ms, holds 0 tokens at
//! 499 ms, 1 at 500 ms and 4 at 2 000 ms. At 3 per second, 333 ms adds 999 milli-tokens (no
//! whole token yet) and 334 ms adds 1 002 (one token).
//!
//! ## Task 2: Take all the tokens or none, and say how long to wait
//!
//! - Asking for more than the capacity can never succeed: [`Throttled::TooLarge`], before
//!   anything else.
//! - Otherwise [`TokenBucket::try_acquire`] refills, then takes `n` tokens at once if they are
//!   all there, or none at all.
//! - When it refuses, [`Throttled::Wait`] says how many whole tokens there are and in how many
//!   milliseconds `n` will be there, rounded up (after a wait rounded down a fraction of a token
//!   would still be missing).
//!
//! Example: a full bucket of 10 at 1 token per second gives 7 tokens at 0 ms; then asking for 4
//! is `Wait { available: 3, retry_after_ms: 1_000 }` and leaves the 3 tokens there. An empty
//! bucket at 3 per second asked for 1 token says `retry_after_ms: 334`, not 333.
//!
//! ## Beyond this exercise
//!
//! Real limiters keep one bucket per client or API key (often in a shared store such as
//! Redis, since a service has many replicas), answer HTTP 429 with a `Retry-After` header, and
//! tell throttling (a client over its quota) from load shedding (the server itself
//! overloaded), which is the exercise after this one.

/// Milli-tokens in one token.
pub const MILLI: u64 = 1_000;

/// Why a bucket cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigError {
    /// A bucket must hold at least one token.
    ZeroCapacity,
    /// A bucket must refill at least one token per second.
    ZeroRate,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::ZeroCapacity => write!(f, "a token bucket needs a capacity above zero"),
            ConfigError::ZeroRate => write!(f, "a token bucket needs a refill rate above zero"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Why tokens were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttled {
    /// Not enough tokens yet.
    Wait {
        /// Whole tokens in the bucket now.
        available: u32,
        /// Milliseconds until the tokens asked for are all there (rounded up).
        retry_after_ms: u64,
    },
    /// More tokens than the bucket can ever hold.
    TooLarge {
        /// Tokens asked for.
        requested: u32,
        /// Tokens the bucket can hold.
        capacity: u32,
    },
}

impl std::fmt::Display for Throttled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Throttled::Wait {
                available,
                retry_after_ms,
            } => write!(
                f,
                "throttled: {available} token(s) available, retry after {retry_after_ms} ms"
            ),
            Throttled::TooLarge {
                requested,
                capacity,
            } => write!(
                f,
                "{requested} tokens can never be served by a bucket of {capacity}"
            ),
        }
    }
}

impl std::error::Error for Throttled {}

/// A token bucket: a capacity, a refill rate and the current level.
#[derive(Debug, Clone)]
pub struct TokenBucket {
    capacity: u32,
    refill_per_sec: u32,
    /// Current level, in milli-tokens.
    level_milli: u64,
    /// The latest instant the level was brought up to date.
    last_ms: u64,
}

impl TokenBucket {
    /// A full bucket, as of `now_ms`.
    pub fn new(capacity: u32, refill_per_sec: u32, now_ms: u64) -> Result<Self, ConfigError> {
        if capacity == 0 {
            return Err(ConfigError::ZeroCapacity);
        }
        if refill_per_sec == 0 {
            return Err(ConfigError::ZeroRate);
        }
        Ok(TokenBucket {
            capacity,
            refill_per_sec,
            level_milli: u64::from(capacity) * MILLI,
            last_ms: now_ms,
        })
    }

    /// An empty bucket, as of `now_ms` (as after a restart, so that it admits no burst at once).
    pub fn empty(capacity: u32, refill_per_sec: u32, now_ms: u64) -> Result<Self, ConfigError> {
        let mut bucket = TokenBucket::new(capacity, refill_per_sec, now_ms)?;
        bucket.level_milli = 0;
        Ok(bucket)
    }

    /// Whole tokens in the bucket at `now_ms`.
    pub fn available(&mut self, now_ms: u64) -> u32 {
        self.refill(now_ms);
        // At most `capacity`, so it fits.
        (self.level_milli / MILLI) as u32
    }

    /// Brings the level up to date at `now_ms`.
    fn refill(&mut self, now_ms: u64) {
        // TODO (Task 1): add what has dripped in since the last update, up to capacity, and
        // remember the latest instant seen.
        todo!()
    }

    /// Takes `n` tokens at `now_ms` if they are all there; otherwise takes nothing.
    pub fn try_acquire(&mut self, n: u32, now_ms: u64) -> Result<(), Throttled> {
        // TODO (Task 2): refuse what can never fit; otherwise take all `n` tokens if they are
        // there, or refuse saying how many whole tokens there are and how long until `n` are.
        todo!()
    }
}

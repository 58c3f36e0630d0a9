//! # Token bucket
//!
//! Throttling protects a service from more work than it can do: each request must take a token
//! from a bucket, and the bucket refills at a steady rate. Short bursts up to the bucket's
//! capacity go through at once; a sustained flood is cut down to the refill rate.
//!
//! The rules:
//!
//! - the bucket holds at most `capacity` tokens and starts full;
//! - it refills continuously at `refill_per_sec` tokens per second, and never past capacity;
//! - [`TokenBucket::try_acquire`] takes `n` tokens at once or none at all; when it refuses, it
//!   says how many whole tokens there are and in how many milliseconds `n` will be there;
//! - asking for more than the capacity can never succeed and is refused as such.
//!
//! The level is kept in milli-tokens (thousandths of a token) so that refilling a little every
//! millisecond adds up exactly, with no rounding drift: at `r` tokens per second, one
//! millisecond adds exactly `r` milli-tokens. Time is milliseconds on a monotonic clock; if a
//! `now_ms` earlier than one already seen comes in (a clock glitch), it adds nothing, and the
//! bucket keeps counting from the latest instant it has seen.
//!
//! Implement `refill` and [`TokenBucket::try_acquire`].
//!
//! ## Task 1: Token_bucket

/// Milli-tokens in one token.
pub const MILLI: u64 = 1_000;

/// Why a bucket cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigError {
    ZeroCapacity,
    ZeroRate,
}

/// Why tokens were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttled {
    /// Not enough tokens yet: `available` whole tokens now, enough in `retry_after_ms`.
    Wait { available: u32, retry_after_ms: u64 },
    /// More tokens than the bucket can ever hold.
    TooLarge { requested: u32, capacity: u32 },
}

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

    /// Whole tokens in the bucket at `now_ms`.
    pub fn available(&mut self, now_ms: u64) -> u32 {
        self.refill(now_ms);
        // At most `capacity`, so it fits.
        (self.level_milli / MILLI) as u32
    }

    /// Brings the level up to date at `now_ms`.
    fn refill(&mut self, now_ms: u64) {
        // An earlier instant than the last one seen has zero elapsed time, not a negative one.
        let elapsed_ms = now_ms.saturating_sub(self.last_ms);
        // r tokens per second is r milli-tokens per millisecond: integer and exact.
        let added = elapsed_ms.saturating_mul(u64::from(self.refill_per_sec));
        let full = u64::from(self.capacity) * MILLI;
        self.level_milli = self.level_milli.saturating_add(added).min(full);
        // Never step back: the time between a glitch and the latest instant was already counted.
        self.last_ms = self.last_ms.max(now_ms);
    }

    /// Takes `n` tokens at `now_ms` if they are all there; otherwise takes nothing.
    pub fn try_acquire(&mut self, n: u32, now_ms: u64) -> Result<(), Throttled> {
        if n > self.capacity {
            return Err(Throttled::TooLarge {
                requested: n,
                capacity: self.capacity,
            });
        }
        self.refill(now_ms);
        let needed = u64::from(n) * MILLI;
        if self.level_milli >= needed {
            self.level_milli -= needed;
            return Ok(());
        }
        // Round up: after the rounded-down wait a fraction of a token would still be missing.
        let missing = needed - self.level_milli;
        Err(Throttled::Wait {
            available: (self.level_milli / MILLI) as u32,
            retry_after_ms: missing.div_ceil(u64::from(self.refill_per_sec)),
        })
    }
}

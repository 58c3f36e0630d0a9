//! # retry_backoff: capped exponential backoff with full jitter
//!
//! A call to another service can fail for a moment (a timeout, an instance restarting) and work
//! a little later; retrying hides such transient failures. Naive retries do harm, though:
//! retrying at once hammers a service that is already struggling, and clients that all wait the
//! same amounts come back in lockstep. So wait longer after each failure, never longer than a
//! cap, and draw the actual wait at random below that ceiling so that clients spread out. The
//! "full jitter" rule below is the one Marc Brooker measured as the best of several in the AWS
//! Architecture Blog post "Exponential Backoff And Jitter" and recommends again in the AWS
//! Builders' Library article "Timeouts, retries, and backoff with jitter"; the Google SRE
//! book ("Addressing Cascading Failures") likewise says to always use randomized exponential
//! backoff and to limit the retries of each request.
//!
//! All times are in milliseconds. Attempts are numbered from 1 (the first call).
//!
//! ## Task 1: Compute the capped, doubling ceiling
//!
//! - After attempt `n` fails, the ceiling of the wait is `base_delay_ms × 2^(n−1)`: the first
//!   failure waits at most the base itself, each later one doubles it.
//! - The ceiling is never more than `max_delay_ms`, however large `n` is, and it never
//!   overflows: a product too large for a `u64` counts as `u64::MAX`.
//!
//! Example: with a base of 100 and a cap of 1000, the ceilings after attempts 1, 2, 3, 4, 5, 6
//! are 100, 200, 400, 800, 1000, 1000.
//!
//! ## Task 2: Draw the wait with full jitter
//!
//! - The wait itself is drawn uniformly from `0..=ceiling` (the capped ceiling of Task 1),
//!   with exactly one draw from the [`RandomSource`] per wait, and is that drawn number.
//!
//! Example: with the policy above, after attempt 3 the wait takes one draw `up_to(400)`; if it
//! draws 200, the wait is 200 ms. After attempt 6 the draw is `up_to(1000)`, not `up_to(3200)`.
//!
//! ## Task 3: Retry transient failures, and stop in time
//!
//! - [`retry`] calls the operation with the attempt number (1, 2, 3, ...) and returns its first
//!   success.
//! - A non-retryable error is returned at once, without waiting: [`RetryError::Permanent`].
//! - A retryable error is followed by a wait (through the [`Sleeper`], the jittered wait of
//!   Task 2) and another attempt, unless that attempt was the last one allowed: then
//!   [`RetryError::Exhausted`] is returned at once, since waiting would be for nothing.
//! - `max_attempts` counts every call, the first included. The operation is always called at
//!   least once, even if `max_attempts` is 0.
//!
//! Example: with `max_attempts = 4`, an operation that always times out is called with 1, 2,
//! 3, 4, and with a source that always draws the ceiling the waits are 100, 200, 400 ms (none
//! after attempt 4); the result is `Exhausted { last_error, attempts: 4 }`.
//!
//! ## Beyond this exercise
//!
//! Retries multiply across layers: if each of 5 layers tries 3 times, one user request can
//! become 3^5 = 243 calls at the bottom, so retry at one layer only. Under overload even a
//! single layer's retries add load; the next exercise, `retry_budget`, caps them. And only
//! retry what is safe to repeat: a timed-out write may have happened (idempotency keys make
//! a repeat harmless).

/// A source of random numbers, injected so that every run can be replayed exactly.
pub trait RandomSource {
    /// Returns a number drawn uniformly from `0..=max`.
    fn up_to(&mut self, max: u64) -> u64;
}

/// A small, fast, seeded generator (SplitMix64): the same seed gives the same numbers.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose numbers are fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

impl RandomSource for SplitMix64 {
    fn up_to(&mut self, max: u64) -> u64 {
        // Scales 64 random bits onto `0..=max` with one multiplication (no modulo bias to speak
        // of), and works for `max == u64::MAX` too.
        let scaled = u128::from(self.next_u64()) * (u128::from(max) + 1);
        (scaled >> 64) as u64
    }
}

/// Waits between attempts. Real code sleeps; tests record the waits.
pub trait Sleeper {
    /// Waits `ms` milliseconds.
    fn sleep_ms(&mut self, ms: u64);
}

/// Tells transient errors (worth another attempt) from permanent ones.
pub trait Retryable {
    /// Whether a later attempt could succeed where this one failed.
    fn is_retryable(&self) -> bool;
}

/// How many times to try, and how long to wait in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Calls allowed in all, the first one included.
    pub max_attempts: u32,
    /// The ceiling of the wait after the first failed attempt.
    pub base_delay_ms: u64,
    /// No wait is ever longer than this.
    pub max_delay_ms: u64,
}

impl Policy {
    /// The ceiling of the wait after attempt number `attempt` (from 1) has failed.
    pub fn ceiling_for(&self, attempt: u32) -> u64 {
        // Saturating arithmetic: past 64 doublings the factor (and then the product) pins at
        // u64::MAX instead of wrapping around to a small number, and the cap takes over.
        let factor = 2u64.saturating_pow(attempt.saturating_sub(1));
        self.base_delay_ms
            .saturating_mul(factor)
            .min(self.max_delay_ms)
    }

    /// The actual wait after attempt number `attempt` has failed: full jitter below the ceiling.
    pub fn delay_for(&self, attempt: u32, rng: &mut impl RandomSource) -> u64 {
        // Full jitter: anywhere from no wait at all up to the ceiling, so that clients which
        // failed together come back spread out instead of in a synchronized wave.
        rng.up_to(self.ceiling_for(attempt))
    }
}

/// Why [`retry`] gave up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RetryError<E> {
    /// The operation failed with an error that retrying cannot fix.
    Permanent {
        /// That error.
        error: E,
        /// The calls made, that one included.
        attempts: u32,
    },
    /// Every allowed attempt failed with a retryable error.
    Exhausted {
        /// The error of the last attempt.
        last_error: E,
        /// The calls made.
        attempts: u32,
    },
}

impl<E: std::fmt::Display> std::fmt::Display for RetryError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RetryError::Permanent { error, attempts } => {
                write!(f, "permanent error after {attempts} attempt(s): {error}")
            }
            RetryError::Exhausted {
                last_error,
                attempts,
            } => write!(f, "gave up after {attempts} attempt(s): {last_error}"),
        }
    }
}

impl<E: std::fmt::Debug + std::fmt::Display> std::error::Error for RetryError<E> {}

/// Calls `op` (with the attempt number, from 1) until it succeeds, fails permanently or runs
/// out of attempts, waiting through `sleeper` between attempts as `policy` says.
pub fn retry<T, E: Retryable>(
    policy: &Policy,
    rng: &mut impl RandomSource,
    sleeper: &mut impl Sleeper,
    mut op: impl FnMut(u32) -> Result<T, E>,
) -> Result<T, RetryError<E>> {
    let mut attempt = 1;
    loop {
        let error = match op(attempt) {
            Ok(value) => return Ok(value),
            Err(error) => error,
        };
        if !error.is_retryable() {
            return Err(RetryError::Permanent {
                error,
                attempts: attempt,
            });
        }
        // `>=` rather than `==`, so that a policy of 0 attempts still stops after the first.
        if attempt >= policy.max_attempts {
            return Err(RetryError::Exhausted {
                last_error: error,
                attempts: attempt,
            });
        }
        sleeper.sleep_ms(policy.delay_for(attempt, rng));
        attempt += 1;
    }
}

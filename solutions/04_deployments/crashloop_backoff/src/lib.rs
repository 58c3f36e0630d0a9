//! # crashloop_backoff: restart a crashing container ever more slowly
//!
//! A release with a bug that kills the process at start-up turns into a *crash loop*: the
//! container exits, is restarted, exits again. Restarting at once, forever, would burn the
//! node's CPU on start-ups and hammer every dependency the process touches on its way up. So
//! the kubelet waits before each restart, doubling the wait each time, up to a cap; `kubectl`
//! shows the container as `CrashLoopBackOff` while it waits. A container that then runs long
//! enough has proven itself, and its next crash starts from the short wait again. The figures
//! (Kubernetes docs, "Pod Lifecycle", container restart policy): 10 s, 20 s, 40 s, … capped at
//! 300 s (5 minutes), reset once a container has run for 10 minutes without a problem.
//!
//! All times are in milliseconds.
//!
//! ## Task 1: Double the restart delay up to the five-minute cap
//!
//! - [`restart_delay_ms`] for the `n`-th crash in a row (from 1) is `10 000 × 2^(n−1)` ms, but
//!   never more than 300 000 ms, for any `n` and without overflow.
//! - With no crash (`n = 0`) there is nothing to wait for: 0.
//!
//! Example: crashes 1 to 7 wait 10, 20, 40, 80, 160, 300 and 300 seconds.
//!
//! ## Task 2: Track a container through its crashes and restarts
//!
//! A [`Container`] starts running at the time given to [`Container::start`]. When it exits at
//! `at_ms`, [`Container::exited`] returns when it will be started again:
//! - if it ran (since its latest start) for at least 10 minutes (600 000 ms), the back-off is
//!   reset: this crash counts as the first in a row again;
//! - otherwise this crash is one more in a row;
//! - it restarts at `at_ms + restart_delay_ms(crashes in a row)`, and from then on it runs,
//!   the time of its running counted from that restart.
//!
//! [`Container::state`] says at `now_ms` whether it is waiting ([`State::BackOff`], until its
//! restart time, excluded) or running ([`State::Running`], since its latest start).
//!
//! Example: started at 0, it exits at 1 000 (restart at 11 000), exits at 12 000 (restart at
//! 32 000) and exits at 33 000 (restart at 73 000); at 50 000 it is in back-off until 73 000. If
//! it then runs until 673 000 (10 minutes) and exits, it restarts at 683 000.
//!
//! ## Beyond this exercise
//!
//! The kubelet keeps this state per container in a Pod and its bookkeeping differs in
//! details: it measures the reset from its last back-off update (it forgets the back-off once
//! more than twice the cap has passed, hence 10 minutes), and recent Kubernetes versions let a
//! node lower the cap (`maxContainerRestartPeriod`, KEP-5593). Which exits restart at all depends on the Pod's
//! `restartPolicy` (Always, OnFailure, Never). The back-off only slows the loop down: someone
//! still has to roll the release back.

/// The wait before the first restart.
pub const INITIAL_DELAY_MS: u64 = 10_000;
/// No wait is longer than this (5 minutes).
pub const MAX_DELAY_MS: u64 = 300_000;
/// A container that ran this long (10 minutes) resets the back-off.
pub const RESET_AFTER_MS: u64 = 600_000;

/// The wait before restarting after the `crashes`-th crash in a row (from 1).
pub fn restart_delay_ms(crashes: u32) -> u64 {
    if crashes == 0 {
        return 0;
    }
    // Saturating: after 64 doublings the factor pins at u64::MAX and the cap takes over.
    let factor = 2u64.saturating_pow(crashes - 1);
    INITIAL_DELAY_MS.saturating_mul(factor).min(MAX_DELAY_MS)
}

/// What a container is doing at some moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Running since its latest start.
    Running {
        /// When it started.
        since_ms: u64,
    },
    /// Exited, waiting to be restarted (`CrashLoopBackOff`).
    BackOff {
        /// When it will be started again.
        restart_at_ms: u64,
    },
}

/// One container and its restart back-off.
#[derive(Debug, Clone)]
pub struct Container {
    /// When it started (or will start) running, after its latest restart.
    started_at_ms: u64,
    /// Crashes since the back-off was last reset.
    crashes_in_a_row: u32,
}

impl Container {
    /// A container that starts running at `now_ms`, with no crash behind it.
    pub fn start(now_ms: u64) -> Self {
        Self {
            started_at_ms: now_ms,
            crashes_in_a_row: 0,
        }
    }

    /// Crashes since the back-off was last reset.
    pub fn crashes_in_a_row(&self) -> u32 {
        self.crashes_in_a_row
    }

    /// Records that the container exited at `at_ms`; returns when it will be started again.
    pub fn exited(&mut self, at_ms: u64) -> u64 {
        let ran_for = at_ms.saturating_sub(self.started_at_ms);
        // Ten quiet minutes prove the container healthy: its history stops counting.
        self.crashes_in_a_row = if ran_for >= RESET_AFTER_MS {
            1
        } else {
            self.crashes_in_a_row.saturating_add(1)
        };
        let restart_at = at_ms.saturating_add(restart_delay_ms(self.crashes_in_a_row));
        self.started_at_ms = restart_at;
        restart_at
    }

    /// What the container is doing at `now_ms`.
    pub fn state(&self, now_ms: u64) -> State {
        if now_ms < self.started_at_ms {
            State::BackOff {
                restart_at_ms: self.started_at_ms,
            }
        } else {
            State::Running {
                since_ms: self.started_at_ms,
            }
        }
    }
}

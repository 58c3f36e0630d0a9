//! # recovery_point: the data lost is the gap between the last good copy and the failure
//!
//! The recovery point objective (RPO) is the most data the business accepts to lose in a
//! disaster, counted as time: "an RPO of one hour" means the last hour of writes may be gone.
//! When the primary fails, recovery goes back to the last good copy of the data (a backup, a
//! shipped log, a replica); everything written between that copy and the failure is lost. So
//! the data lost is a difference of two moments, and the RPO is met when that difference is
//! at most the objective. (AWS Well-Architected Framework, Reliability pillar, "Disaster
//! recovery objectives"; Google Cloud, "Disaster recovery planning guide".)
//!
//! Times are in **minutes** on one clock (minute 0 is any starting point), the unit in which
//! RPOs are stated. A copy here is known by the moment its data is from, and is usable at once;
//! `rpo_check` adds the time a backup takes to finish, and the disasters that destroy
//! some copies.
//!
//! ## Task 1: Measure the data lost since the last good copy
//!
//! The minutes of writes lost are `failure_at − copy_at`. A copy from the very minute of the
//! failure loses nothing.
//!
//! Example: a copy from minute 120 and a failure at minute 150 lose 30 minutes of writes.
//!
//! ## Task 2: Check the loss against the RPO
//!
//! The RPO is met when the minutes lost are at most the RPO (losing exactly the RPO is
//! allowed: that is what was agreed).
//!
//! Example: copy at 120, failure at 150: an RPO of 30 is met, an RPO of 29 is not.
//!
//! ## Task 3: Find the last good copy before a failure
//!
//! Among the copies (in any order), the last good one is the latest taken at or before the
//! failure: a copy from after it does not exist yet when the failure strikes (or, for a
//! corruption, already holds the bad data). With no such copy, `None`: everything is lost.
//!
//! Example: copies from minutes `[0, 60, 120, 180]` and a failure at 150: `Some(120)`. A
//! failure at 60: `Some(60)`. Copies `[90]` and a failure at 60: `None`.

/// A moment or a duration, in minutes.
pub type Minutes = u64;

/// The minutes of writes lost when a failure at `failure_at` sends recovery back to a copy
/// whose data is from `copy_at` (at or before the failure).
pub fn data_lost(copy_at: Minutes, failure_at: Minutes) -> Minutes {
    failure_at - copy_at
}

/// Whether recovering from a copy from `copy_at` after a failure at `failure_at` meets an RPO
/// of `rpo` minutes.
pub fn meets_rpo(copy_at: Minutes, failure_at: Minutes, rpo: Minutes) -> bool {
    // Losing exactly the RPO is what the business agreed to: still met.
    data_lost(copy_at, failure_at) <= rpo
}

/// The latest of `copies` taken at or before `failure_at`, or `None` if there is none.
pub fn last_good_copy(copies: &[Minutes], failure_at: Minutes) -> Option<Minutes> {
    copies
        .iter()
        .copied()
        .filter(|&copy_at| copy_at <= failure_at)
        .max()
}

//! # lead_time: how long one change takes to reach production
//!
//! DORA's **lead time for changes** is the time from a commit to that commit running in
//! production (Forsgren, Humble and Kim, *Accelerate*, 2018; DORA's *Accelerate State of
//! DevOps* reports). It is Lean's question about flow, asked of one change: how long did it
//! wait? Short lead times mean small batches, fast feedback and fixes that reach users the
//! same hour. The 2021 report put its elite performers at **less than one hour**.
//!
//! Timestamps come as they do from the tools: seconds since the Unix epoch (git records a
//! commit's time that way, and so do most deploy logs). Lead times are in whole minutes, the
//! unit the reports speak in.
//!
//! ## Task 1: Measure the lead time of one change
//!
//! - The lead time is the deployment's time minus the commit's time, in whole minutes,
//!   rounded down (59 min 59 s is 59 minutes).
//! - A change that is not deployed yet has no lead time (`None`): it is still waiting, and a
//!   number would hide that.
//! - The commit's clock and the deploy system's clock can disagree by a few seconds; a
//!   deployment recorded before its commit has a lead time of 0, never a negative one.
//!
//! Example: committed at 1_700_000_000, deployed at 1_700_003_599 (3 599 s later): 59 minutes.
//! Deployed at 1_699_999_990 instead: 0 minutes. Not deployed: `None`.
//!
//! ## Task 2: Tell whether a lead time is elite
//!
//! - The 2021 report's elite performers have a lead time for changes of less than one hour:
//!   59 minutes is elite, 60 minutes is not.
//!
//! Example: `is_elite(59)` is `true`, `is_elite(60)` is `false`.
//!
//! ## Beyond this exercise
//!
//! One change is one data point. DORA's measure is the typical lead time over many changes
//! (the Four Keys project takes the median), which is the next exercise, `dora_keys`. Real
//! pipelines must also decide which commit a deployment carries (a deployment usually ships
//! several, and a squash merge rewrites their times), and whether "commit" means the first
//! commit of a branch or its merge into the main line: the choice changes the number a lot.

/// Seconds in a minute.
pub const SECS_PER_MIN: u64 = 60;

/// The lead time of a change committed at `committed_s` and deployed at `deployed_s` (both in
/// seconds since the Unix epoch), in whole minutes; `None` while it is not deployed.
pub fn lead_time_min(committed_s: u64, deployed_s: Option<u64>) -> Option<u64> {
    // A skewed clock must not make a change look as if it arrived before it was written.
    deployed_s.map(|deployed_s| deployed_s.saturating_sub(committed_s) / SECS_PER_MIN)
}

/// Whether a lead time of `lead_time_min` minutes meets the 2021 report's elite bar.
pub fn is_elite(lead_time_min: u64) -> bool {
    lead_time_min < 60
}

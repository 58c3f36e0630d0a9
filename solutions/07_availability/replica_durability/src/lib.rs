//! # replica_durability: copies protect data only if they do not fail together
//!
//! Durability is the promise that stored data stays stored (course §5.6.2; S3 is designed for
//! 99.999999999 %, "eleven nines", of its objects per year). Disks fail all the time, so
//! durable systems keep several copies and, when one is lost, copy the data again from a
//! survivor. Data is lost only if every other copy also fails before that repair is done.
//! Two things decide the odds: how many copies fail *independently*, and how long the repair
//! window is. Three replicas on one rack are one copy as far as a rack's power supply is
//! concerned, and a repair that takes a week leaves the data exposed seven times longer than
//! a repair that takes a day.
//!
//! ## The model
//!
//! Probabilities are `f64`: they span a dozen orders of magnitude (1e-2 to 1e-14), beyond any
//! fixed-point integer, and the tests compare each result within a relative 1e-9 of the exact
//! value. A year is 365 days; a fault domain (host, rack or zone) fails like one copy, with
//! the annual failure rate (AFR) given, independently of the other domains.
//!
//! ## Task 1: Count the copies that fail independently
//!
//! - Replicas in the same fault domain at the chosen [`Level`] count as one copy.
//! - Names are unique only inside their parent: rack `r1` of zone `a` is not rack `r1` of zone
//!   `b`, and host `h1` of one rack is not host `h1` of another.
//!
//! Example: replicas on `(a, r1, h1)`, `(a, r1, h2)` and `(b, r1, h1)` are 3 copies at the
//! host level, 2 at the rack level and 2 at the zone level.
//!
//! ## Task 2: The chance that a copy fails during a repair window
//!
//! - `AFR × repair_ms / YEAR_MS` (a good approximation while it is small), never more than 1.
//!
//! Example: with an AFR of 2 % and a repair window of 24 h, `0.02 / 365 ≈ 5.479e-5`.
//!
//! ## Task 3: The chance of losing the data in a year
//!
//! - With `c` independent copies, one of them fails about `c × AFR` times a year, and the data
//!   is lost if the other `c − 1` all fail within its repair window: `c × AFR × q^(c − 1)`,
//!   where `q` is the chance of task 2. Never more than 1.
//! - With no copy at all, the data is already lost: 1.
//!
//! Example: 3 copies, AFR 2 %, repair in 24 h: `3 × 0.02 × (5.479e-5)² ≈ 1.801e-10` a year;
//! repair in 1 h: `≈ 3.128e-13`, almost 600 times better without a single extra disk.
//!
//! ## Task 4: How many independent copies a durability target needs
//!
//! - The fewest copies, from 1 to [`MAX_COPIES`], whose annual loss is at most `max_loss`;
//!   `None` if even [`MAX_COPIES`] are not enough.
//!
//! Example: for at most 1e-11 a year (eleven nines) at AFR 2 %, a 24 h repair needs 4 copies,
//! a 1 h repair 3.
//!
//! ## Beyond this exercise
//!
//! Real durability models (Backblaze publishes its own) use erasure codes rather than whole
//! copies, failure distributions that change with a disk's age instead of a constant rate,
//! repair times that grow with the amount of data, and correlated failures inside a domain.
//! And no number of replicas protects against one of the commonest losses of all: a bug or a
//! person deleting the data, which every replica faithfully copies. Only backups (track 05)
//! undo that.

use std::collections::HashSet;

/// Milliseconds in a year of 365 days.
pub const YEAR_MS: u64 = 365 * 24 * 60 * 60 * 1000;

/// The most copies [`copies_needed`] will consider.
pub const MAX_COPIES: u32 = 16;

/// Where one replica lives: a host in a rack in a zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replica {
    /// The zone (a data centre or an availability zone).
    pub zone: String,
    /// The rack, unique inside its zone.
    pub rack: String,
    /// The host, unique inside its rack.
    pub host: String,
}

impl Replica {
    /// A replica on host `host` of rack `rack` in zone `zone`.
    pub fn new(zone: &str, rack: &str, host: &str) -> Replica {
        Replica {
            zone: zone.to_string(),
            rack: rack.to_string(),
            host: host.to_string(),
        }
    }
}

/// The fault domain that may fail as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// A host: its disks, its power supply.
    Host,
    /// A rack: its top-of-rack switch, its power feed.
    Rack,
    /// A zone: its building, its network, its cooling.
    Zone,
}

/// The number of distinct fault domains at `level` that hold at least one of `replicas`.
pub fn independent_copies(replicas: &[Replica], level: Level) -> u32 {
    // A domain is named by its whole path from the zone down, since a rack or host name alone
    // is unique only inside its parent.
    let domains: HashSet<(&str, &str, &str)> = replicas
        .iter()
        .map(|r| match level {
            Level::Zone => (r.zone.as_str(), "", ""),
            Level::Rack => (r.zone.as_str(), r.rack.as_str(), ""),
            Level::Host => (r.zone.as_str(), r.rack.as_str(), r.host.as_str()),
        })
        .collect();
    domains.len() as u32
}

/// The chance that one copy fails within a repair window of `repair_ms`, for an annual
/// failure rate of `afr` (0.02 is 2 % a year).
pub fn window_failure_probability(afr: f64, repair_ms: u64) -> f64 {
    (afr * repair_ms as f64 / YEAR_MS as f64).min(1.0)
}

/// The chance of losing data kept in `copies` independent copies within a year.
pub fn annual_loss_probability(copies: u32, afr: f64, repair_ms: u64) -> f64 {
    if copies == 0 {
        return 1.0;
    }
    let q = window_failure_probability(afr, repair_ms);
    // The first failure starts a repair window; the other copies must all fail inside it.
    (f64::from(copies) * afr * q.powi(copies as i32 - 1)).min(1.0)
}

/// The fewest independent copies whose annual loss is at most `max_loss`.
pub fn copies_needed(afr: f64, repair_ms: u64, max_loss: f64) -> Option<u32> {
    (1..=MAX_COPIES).find(|&copies| annual_loss_probability(copies, afr, repair_ms) <= max_loss)
}

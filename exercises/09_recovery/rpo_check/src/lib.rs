//! # RPO check
//!
//! The recovery point objective (RPO) is how much data, counted in minutes of writes, the
//! business accepts to lose when disaster strikes. A protection plan is a list of safeguards
//! (backups, shipped logs, replicas), each kept on the primary's site or on a remote one.
//! Decide whether a plan meets an RPO, and say which disaster makes it lose the most.
//!
//! - [`worst_window`]: the most minutes of writes one safeguard can be missing at the moment
//!   of a disaster:
//!   - backups capture the data as it was when they *started*, and can be restored only once
//!     they have *finished*: the worst moment is just before a backup finishes, when the last
//!     usable one is a whole interval plus the running time old. With incrementals, a recovery
//!     point is made every incremental interval (a full takes the slot of the incremental due
//!     at its time), so the worst case is that interval plus the longer running time of
//!     the two kinds;
//!   - log shipping: one shipping interval (the log segment still open is lost);
//!   - an asynchronous replica: its maximum lag;
//!   - a synchronous replica: zero, since a write is acknowledged only once the replica has it.
//! - [`survives`] (given) says whether a safeguard is still there after a disaster.
//! - [`loss_in`]: in one disaster, the smallest window among the safeguards that survive it;
//!   if none survives, everything is lost.
//! - [`check`]: the worst loss over [`Disaster::ALL`], the disaster that causes it (the first
//!   in that list on a tie), and whether it is within the RPO.
//!
//! Implement [`worst_window`], [`loss_in`] and [`check`].
//!
//! ## Task 1: Rpo_check

/// A duration or an interval, in minutes.
pub type Minutes = u64;

/// A recurring backup: one starts every `every` minutes and runs for `takes` minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub every: Minutes,
    pub takes: Minutes,
}

/// How a safeguard copies the primary's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Full backups, and incrementals between them when `incremental` is set (its interval
    /// divides the full one).
    Backups { full: Run, incremental: Option<Run> },
    /// The transaction log, cut into segments shipped off the primary every `every` minutes
    /// (`every: 0` ships each commit before it is acknowledged). Replaying it can stop just
    /// before any write, a bad one included.
    LogShipping { every: Minutes },
    /// A replica that applies the primary's writes up to `max_lag` minutes late.
    AsyncReplica { max_lag: Minutes },
    /// A replica that confirms every write before the primary acknowledges it.
    SyncReplica,
}

/// Where a safeguard lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    /// On the primary's site (same data centre): gone if the site is lost.
    Local,
    /// On another site, far enough to survive the loss of the primary's.
    Remote,
}

/// One copy of the data kept for recovery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Safeguard {
    pub method: Method,
    pub site: Site,
}

/// What can go wrong with the primary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disaster {
    /// The primary's server dies; everything else on its site keeps running.
    HostFailure,
    /// The whole site is lost: fire, flood, a region-wide outage.
    SiteLoss,
    /// A bad write or an accidental delete corrupts the data on the primary.
    Corruption,
}

impl Disaster {
    /// Every disaster a plan is checked against, in the order used to break ties.
    pub const ALL: [Disaster; 3] = [
        Disaster::HostFailure,
        Disaster::SiteLoss,
        Disaster::Corruption,
    ];
}

/// How much data a disaster destroys. `UpTo(_)` always orders before `Everything`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Loss {
    /// At most this many minutes of writes.
    UpTo(Minutes),
    /// No safeguard survives: all the data is gone.
    Everything,
}

/// Whether a plan meets an RPO, with its worst loss and the disaster behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub meets: bool,
    pub worst: Loss,
    pub cause: Disaster,
}

/// The most minutes of writes the safeguard's method can be missing when disaster strikes.
pub fn worst_window(method: &Method) -> Minutes {
    // TODO: the worst window of each method, following the rules at the top of this file.
    todo!()
}

/// Whether the safeguard is still usable after the disaster.
pub fn survives(safeguard: &Safeguard, disaster: Disaster) -> bool {
    match disaster {
        // Every safeguard runs on a machine of its own.
        Disaster::HostFailure => true,
        Disaster::SiteLoss => safeguard.site == Site::Remote,
        // A replica applies the bad write as faithfully as a good one; only copies of the
        // past (backups, shipped logs) can take the data back to before it.
        Disaster::Corruption => matches!(
            safeguard.method,
            Method::Backups { .. } | Method::LogShipping { .. }
        ),
    }
}

/// The data lost in one disaster: recovery uses the freshest safeguard that survives it.
pub fn loss_in(plan: &[Safeguard], disaster: Disaster) -> Loss {
    // TODO: the smallest window among the safeguards that survive the disaster, or
    // everything when none does.
    todo!()
}

/// Checks the plan against every disaster: it meets the RPO when even its worst loss is at
/// most `rpo` minutes of writes.
pub fn check(plan: &[Safeguard], rpo: Minutes) -> Verdict {
    // TODO: the worst loss over every disaster, the first disaster causing it, and whether it
    // is within the RPO.
    todo!()
}

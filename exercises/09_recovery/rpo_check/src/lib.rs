//! # rpo_check: does a protection plan meet its RPO, whatever the disaster?
//!
//! The recovery point objective (RPO) is how much data, counted in **minutes** of writes (the
//! unit RPOs are stated in), the business accepts to lose when disaster strikes. A protection
//! plan is a list of safeguards (backups, shipped logs, replicas), each kept on the primary's
//! site or on a remote one. The warm-up measured the gap between the last good copy and the
//! failure; here each kind of safeguard has a *worst* gap, and each disaster destroys some
//! safeguards. The plan meets the RPO only if its worst loss over every disaster does. (AWS
//! Well-Architected Framework, Reliability pillar, REL13 "Plan for disaster recovery"; Google
//! Cloud, "Disaster recovery planning guide"; the PostgreSQL docs on continuous archiving.)
//!
//! ## Task 1: Work out the worst window of each method
//!
//! [`worst_window`]: the most minutes of writes one safeguard can be missing at the moment of
//! a disaster.
//! - Backups capture the data as it was when they *started*, and can be restored only once
//!   they have *finished*: the worst moment is just before a backup finishes, when the last
//!   usable one is a whole interval plus the running time old.
//! - With incrementals, a recovery point is made every incremental interval (a full takes the
//!   slot of the incremental due at its time), so the worst case is that interval plus the
//!   longer running time of the two kinds.
//! - Log shipping: one shipping interval (the log segment still open is lost).
//! - An asynchronous replica: its maximum lag. A synchronous replica: zero, since a write is
//!   acknowledged only once the replica has it.
//!
//! Example: fulls every 1440 minutes taking 60: 1500. With incrementals every 240 taking 30:
//! 240 + 60 = 300.
//!
//! ## Task 2: Find the loss in one disaster
//!
//! [`loss_in`]: recovery uses the freshest safeguard that survives the disaster ([`survives`],
//! given), so the loss is the smallest worst window among them.
//! - Shipped logs are replayed onto a base backup: a [`Method::LogShipping`] safeguard counts
//!   only if some [`Method::Backups`] safeguard survives the same disaster.
//! - If no safeguard counts, [`Loss::Everything`].
//!
//! Example: remote daily fulls (1500) and a local log shipped every 15 minutes: a host failure
//! loses `UpTo(15)`, a site loss `UpTo(1500)`. Logs shipped every 5 minutes with no backup
//! lose `Everything` to corruption.
//!
//! ## Task 3: Check the plan against every disaster
//!
//! [`check`]: the worst loss over [`Disaster::ALL`], the disaster that causes it (the first in
//! that list on a tie), and whether it is within the RPO (a loss equal to the RPO meets it;
//! losing everything never does).
//!
//! Example: a local synchronous replica, a remote asynchronous one 2 minutes behind and local
//! daily fulls (1500): host failure loses 0, site loss 2, corruption 1500. With an RPO of 60
//! the verdict is `{ meets: false, worst: UpTo(1500), cause: Corruption }`.
//!
//! ## Assumptions (where this simplifies)
//!
//! - **Corruption is noticed at once.** A bad write that goes unnoticed for hours is copied
//!   into every backup taken meanwhile, so the loss grows by the time to notice it and the
//!   recovery must go back to a backup from before it. The quiz `dr_drill` models that walk.
//! - **Log shipping needs a base backup** (as in PostgreSQL's continuous archiving); it is
//!   assumed that the logs since that backup are all kept.
//! - Intervals are regular and every backup succeeds; real plans also count failed or skipped
//!   backups, and a restore that has never been tested proves nothing (05_data).

/// A duration or an interval, in minutes.
pub type Minutes = u64;

/// A recurring backup: one starts every `every` minutes and runs for `takes` minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// Minutes from the start of one backup to the start of the next.
    pub every: Minutes,
    /// Minutes a backup runs before it can be restored.
    pub takes: Minutes,
}

/// How a safeguard copies the primary's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Full backups, and incrementals between them when `incremental` is set (its interval
    /// divides the full one).
    Backups {
        /// The full backups.
        full: Run,
        /// The incrementals between them, if any.
        incremental: Option<Run>,
    },
    /// The transaction log, cut into segments shipped off the primary every `every` minutes
    /// (`every: 0` ships each commit before it is acknowledged). Replaying it can stop just
    /// before any write, a bad one included.
    LogShipping {
        /// Minutes between two shipments.
        every: Minutes,
    },
    /// A replica that applies the primary's writes up to `max_lag` minutes late.
    AsyncReplica {
        /// The most minutes the replica trails the primary.
        max_lag: Minutes,
    },
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
    /// How it copies the data.
    pub method: Method,
    /// Where it lives.
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
    /// True when even the worst loss is within the RPO.
    pub meets: bool,
    /// The worst loss over every disaster.
    pub worst: Loss,
    /// The disaster that causes it (the first listed on a tie).
    pub cause: Disaster,
}

/// The most minutes of writes the safeguard's method can be missing when disaster strikes.
pub fn worst_window(method: &Method) -> Minutes {
    // TODO (Task 1): the worst window of each method, following the rules at the top.
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
    // TODO (Task 2): the smallest window among the safeguards that survive the disaster (logs
    // only with a surviving backup to replay them onto), or everything when none does.
    todo!()
}

/// Checks the plan against every disaster: it meets the RPO when even its worst loss is at
/// most `rpo` minutes of writes.
pub fn check(plan: &[Safeguard], rpo: Minutes) -> Verdict {
    // TODO (Task 3): the worst loss over every disaster, the first disaster causing it, and
    // whether it is within the RPO.
    todo!()
}

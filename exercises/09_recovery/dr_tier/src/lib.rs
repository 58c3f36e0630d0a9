//! # dr_tier: the cheapest disaster-recovery tier that meets an RPO and an RTO
//!
//! Disaster-recovery designs come in tiers, from cheap and slow to dear and instant. The AWS
//! whitepaper "Disaster Recovery of Workloads on AWS: Recovery in the Cloud" (2021) names four:
//! **backup and restore** (RPO and RTO in hours), **pilot light** (data replicated, servers
//! off until needed: tens of minutes), **warm standby** (a scaled-down copy running: minutes)
//! and **multi-site active/active** (near zero); Google Cloud's "Disaster recovery planning
//! guide" draws the same cold / warm / hot scale. Each [`Offer`] promises a worst-case data
//! loss (its RPO) and a worst-case downtime (its RTO) for a monthly cost. Pick the cheapest
//! offer that meets a service's objectives within its budget, or explain why none can.
//!
//! Objectives are in **seconds** (tiers range from zero to a day, and multi-site promises a
//! few seconds), money in **cents**. The figures of [`STANDARD_OFFERS`] are illustrative,
//! not prices. Zero data loss means a write is acknowledged only once another site has it:
//! synchronous replication, paid for in money and in the latency every write gains.
//!
//! ## Task 1: Check an offer against each objective
//!
//! [`Offer::meets_rpo`] and [`Offer::meets_rto`]: an offer meets an objective when its promise
//! is *at most* the objective.
//!
//! Example: the pilot light (RPO 15 min, RTO 1 h) meets an RPO of 900 s and of 3600 s, not of
//! 840 s; it meets an RTO of 3600 s, not of 3540 s.
//!
//! ## Task 2: Choose the cheapest offer that meets both
//!
//! [`choose`] returns the cheapest offer meeting both objectives (the first listed on a tie in
//! cost; the list is in any order), if the budget buys it: a budget buys an offer that costs
//! *at most* the budget.
//!
//! Example: an RPO of 1 h, an RTO of 4 h and a budget of $50 000 a month: the pilot light
//! ($3000).
//!
//! ## Task 3: Tell which objective no offer can meet
//!
//! If no offer at all meets both objectives, whatever the price, the answer is
//! [`TierError::Unreachable`], naming what cannot be met among all the offers: `Rpo` if some
//! meet the RTO but none the RPO, `Rto` the other way round, `Both` if none meets either, or
//! none meets the two together (or there are no offers).
//!
//! Example: an RTO of 30 s with the standard offers: `Unreachable(Rto)`.
//!
//! ## Task 4: Tell which objective the budget cannot buy
//!
//! Otherwise, if the cheapest offer meeting both is over budget, the answer is
//! [`TierError::OverBudget`] with that offer (for the conversation about money) and what the
//! offers the budget *does* buy cannot meet, by the same rule as Task 3.
//!
//! Example: an RPO of zero, an RTO of 1 h and $20 000 a month buy offers that recover within
//! the hour but none that loses nothing: `OverBudget { blocked: Rpo, cheapest: <synchronous
//! multi-site> }`.
//!
//! ## Beyond this exercise
//!
//! Real offers are not a fixed menu: the RPO of a tier depends on its replication and backup
//! settings (see `rpo_check`), its RTO on the runbook and on whether it was rehearsed (see
//! `rto_check`), and the cost on the size of the standby. Several services share one recovery
//! site, so the choice is made per service, by its business impact.

/// A duration, in seconds.
pub type Seconds = u64;

const MINUTE: Seconds = 60;
const HOUR: Seconds = 60 * MINUTE;

/// The families of disaster-recovery designs, cheapest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// Restore the latest backup onto new infrastructure.
    BackupRestore,
    /// Data replicated to the recovery site; servers there are off until needed.
    PilotLight,
    /// A scaled-down copy of the whole system runs at the recovery site.
    WarmStandby,
    /// Full-size copies serve traffic on several sites at once.
    MultiSite,
}

/// How the data reaches the recovery site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replication {
    /// Copies are backups shipped to the recovery site.
    Backups,
    /// Writes are acknowledged first and copied afterwards.
    Asynchronous,
    /// Writes are acknowledged only once the other site has them.
    Synchronous,
}

/// A design and what it promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    /// The family of the design.
    pub tier: Tier,
    /// How the data reaches the recovery site.
    pub replication: Replication,
    /// Worst-case data loss, in seconds.
    pub rpo_secs: Seconds,
    /// Worst-case downtime, in seconds.
    pub rto_secs: Seconds,
    /// What it costs a month, in cents.
    pub monthly_cost_cents: u64,
}

/// Typical offers, from cheapest to dearest.
pub const STANDARD_OFFERS: [Offer; 5] = [
    Offer {
        tier: Tier::BackupRestore,
        replication: Replication::Backups,
        rpo_secs: 24 * HOUR,
        rto_secs: 24 * HOUR,
        monthly_cost_cents: 100_000,
    },
    Offer {
        tier: Tier::PilotLight,
        replication: Replication::Asynchronous,
        rpo_secs: 15 * MINUTE,
        rto_secs: HOUR,
        monthly_cost_cents: 300_000,
    },
    Offer {
        tier: Tier::WarmStandby,
        replication: Replication::Asynchronous,
        rpo_secs: MINUTE,
        rto_secs: 15 * MINUTE,
        monthly_cost_cents: 800_000,
    },
    Offer {
        tier: Tier::MultiSite,
        replication: Replication::Asynchronous,
        rpo_secs: 5,
        rto_secs: MINUTE,
        monthly_cost_cents: 2_000_000,
    },
    Offer {
        tier: Tier::MultiSite,
        replication: Replication::Synchronous,
        rpo_secs: 0,
        rto_secs: MINUTE,
        monthly_cost_cents: 3_500_000,
    },
];

/// What a service needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    /// The most data the service may lose, in seconds.
    pub rpo_secs: Seconds,
    /// The longest it may be down, in seconds.
    pub rto_secs: Seconds,
    /// What it may spend a month, in cents.
    pub budget_cents: u64,
}

/// Which recovery objective stands in the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    /// The recovery point objective: how much data may be lost.
    Rpo,
    /// The recovery time objective: how long the service may be down.
    Rto,
    /// Both, or the two together.
    Both,
}

/// Why no offer can be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierError {
    /// No offer meets the objectives, whatever the budget.
    Unreachable(Objective),
    /// Offers meet the objectives, but the budget buys none of them: `blocked` is what the
    /// affordable offers cannot meet, `cheapest` the cheapest offer that would do.
    OverBudget {
        /// What the offers the budget buys cannot meet.
        blocked: Objective,
        /// The cheapest offer that meets both objectives.
        cheapest: Offer,
    },
}

impl std::fmt::Display for TierError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TierError::Unreachable(objective) => {
                write!(
                    f,
                    "no offer meets the {objective:?} objective, whatever the budget"
                )
            }
            TierError::OverBudget { blocked, cheapest } => write!(
                f,
                "the budget cannot buy the {blocked:?} objective; the cheapest offer that meets \
                 both ({:?}) costs {} cents a month",
                cheapest.tier, cheapest.monthly_cost_cents
            ),
        }
    }
}

impl std::error::Error for TierError {}

impl Offer {
    /// Whether the offer loses no more data than `rpo` allows.
    pub fn meets_rpo(&self, rpo_secs: Seconds) -> bool {
        // TODO (Task 1): whether this offer's worst data loss fits the objective.
        todo!()
    }

    /// Whether the offer is down no longer than `rto` allows.
    pub fn meets_rto(&self, rto_secs: Seconds) -> bool {
        // TODO (Task 1): whether this offer's worst downtime fits the objective.
        todo!()
    }
}

/// The cheapest offer meeting the needs, or why there is none.
pub fn choose(needs: &Needs, offers: &[Offer]) -> Result<Offer, TierError> {
    // TODO: the cheapest offer meeting both objectives if the budget buys it (Task 2);
    // otherwise `Unreachable` (Task 3) or `OverBudget` (Task 4).
    todo!()
}

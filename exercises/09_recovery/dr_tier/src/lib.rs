//! # Disaster-recovery tier
//!
//! Disaster-recovery designs come in tiers, from cheap and slow to dear and instant: backup
//! and restore, pilot light, warm standby, multi-site active/active. Each [`Offer`] promises a
//! worst-case data loss (its RPO) and a worst-case downtime (its RTO) for a monthly cost. Pick
//! the cheapest offer that meets a service's objectives within its budget, or explain why none
//! can.
//!
//! Rules:
//! - an offer meets an objective when its promise is *at most* the objective; the budget buys
//!   an offer that costs *at most* the budget;
//! - [`choose`] returns the cheapest offer meeting both objectives (the first listed on a tie
//!   in cost), if the budget buys it;
//! - if no offer at all meets both objectives, whatever the price, the answer is
//!   [`TierError::Unreachable`];
//! - otherwise, if the cheapest offer meeting both is over budget, the answer is
//!   [`TierError::OverBudget`] with that offer, for the conversation about money;
//! - both errors name the objective that cannot be met (among all offers for `Unreachable`,
//!   among those the budget buys for `OverBudget`): `Rpo` if some of them meet the RTO but
//!   none the RPO, `Rto` the other way round, `Both` if none meets either, or none meets the
//!   two together.
//!
//! Zero data loss means a write is acknowledged only once another site has it: synchronous
//! replication, paid for in money and in the latency every write gains.
//!
//! Implement [`Offer::meets_rpo`], [`Offer::meets_rto`] and [`choose`].
//!
//! ## Task 1: Dr_tier

use std::time::Duration;

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;

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
    Backups,
    /// Writes are acknowledged first and copied afterwards.
    Asynchronous,
    /// Writes are acknowledged only once the other site has them.
    Synchronous,
}

/// A design and what it promises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    pub tier: Tier,
    pub replication: Replication,
    /// Worst-case data loss.
    pub rpo: Duration,
    /// Worst-case downtime.
    pub rto: Duration,
    pub monthly_cost: u32,
}

/// Typical offers, from cheapest to dearest.
pub const STANDARD_OFFERS: [Offer; 5] = [
    Offer {
        tier: Tier::BackupRestore,
        replication: Replication::Backups,
        rpo: Duration::from_secs(24 * HOUR),
        rto: Duration::from_secs(24 * HOUR),
        monthly_cost: 1_000,
    },
    Offer {
        tier: Tier::PilotLight,
        replication: Replication::Asynchronous,
        rpo: Duration::from_secs(15 * MINUTE),
        rto: Duration::from_secs(HOUR),
        monthly_cost: 3_000,
    },
    Offer {
        tier: Tier::WarmStandby,
        replication: Replication::Asynchronous,
        rpo: Duration::from_secs(MINUTE),
        rto: Duration::from_secs(15 * MINUTE),
        monthly_cost: 8_000,
    },
    Offer {
        tier: Tier::MultiSite,
        replication: Replication::Asynchronous,
        rpo: Duration::from_secs(5),
        rto: Duration::from_secs(MINUTE),
        monthly_cost: 20_000,
    },
    Offer {
        tier: Tier::MultiSite,
        replication: Replication::Synchronous,
        rpo: Duration::ZERO,
        rto: Duration::from_secs(MINUTE),
        monthly_cost: 35_000,
    },
];

/// What a service needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    pub rpo: Duration,
    pub rto: Duration,
    pub budget: u32,
}

/// Which recovery objective stands in the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Objective {
    Rpo,
    Rto,
    Both,
}

/// Why no offer can be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierError {
    /// No offer meets the objectives, whatever the budget.
    Unreachable(Objective),
    /// Offers meet the objectives, but the budget buys none of them: `blocked` is what the
    /// affordable offers cannot meet, `cheapest` the cheapest offer that would do.
    OverBudget { blocked: Objective, cheapest: Offer },
}

impl Offer {
    /// Whether the offer loses no more data than `rpo` allows.
    pub fn meets_rpo(&self, rpo: Duration) -> bool {
        // TODO: whether this offer's worst data loss fits the objective.
        todo!()
    }

    /// Whether the offer is down no longer than `rto` allows.
    pub fn meets_rto(&self, rto: Duration) -> bool {
        // TODO: whether this offer's worst downtime fits the objective.
        todo!()
    }
}

/// The cheapest offer meeting the needs, or why there is none.
pub fn choose(needs: &Needs, offers: &[Offer]) -> Result<Offer, TierError> {
    // TODO: the cheapest offer meeting both objectives if the budget buys it; otherwise the
    // error the rules at the top of this file describe.
    todo!()
}

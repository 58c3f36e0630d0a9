//! # pager_routing: you build it, you run it, so your pager rings
//!
//! "You build it, you run it" (Werner Vogels, Amazon's CTO, in "A Conversation with Werner
//! Vogels", *ACM Queue* 4(4), 2006) puts the pager with the team that writes the service.
//! In an alerting system that is an **ownership map** (service → team) and, per team, an
//! **escalation policy**: the primary on-call is paged first; if nobody acknowledges within
//! the acknowledgement timeout, the secondary; after another timeout, the team lead (the
//! escalation model of paging tools such as PagerDuty and Opsgenie, and of the on-call
//! chapters of Google's SRE book, ch. 11 "Being On-Call").
//!
//! A service nobody owns still needs a human when it breaks, so its alerts go to a stated
//! **fallback** (here the incident commander on duty). But the fallback is a stopgap, not a
//! home: a fallback that quietly takes every orphan becomes an operations department again,
//! the wall of confusion rebuilt. So every gap in the ownership map is reported, to be fixed.
//! Times are in milliseconds.
//!
//! ## Task 1: Find the escalation chain of a service
//!
//! - The chain of a service is its owning team's primary, secondary and lead, in that order.
//! - A service missing from the ownership map is a [`Gap::NoOwner`]; a service whose owner
//!   has no rotation (a team renamed or dissolved in a re-org) is a [`Gap::NoRotation`]
//!   naming the service and the team.
//!
//! Example: `checkout` owned by `payments` (ana, ben, cleo) has the chain `[ana, ben, cleo]`;
//! `legacy-cron` is `NoOwner("legacy-cron")`.
//!
//! ## Task 2: Page along the chain until someone acknowledges
//!
//! - Step 0 of the chain is paged when the alert fires. Step `k` is paged at
//!   `fired_ms + k × ack_timeout_ms`, unless the alert was acknowledged **at or before**
//!   that moment (an acknowledgement exactly at the timeout is in time). The chain ends with
//!   its last step: nobody is paged after the lead.
//! - Only pages whose moment has come are sent: at or before `now_ms`.
//! - A service with a gap has a chain of one step: the fallback.
//!
//! Example: with a timeout of 300 000 (5 min), an alert on `checkout` fired at 1 000 and
//! acknowledged at 400 000, seen at now 900 000: ana at 1 000, ben at 301 000; cleo (due at
//! 601 000) is spared. Not acknowledged at all: cleo too, at 601 000, and nobody after her.
//!
//! ## Task 3: Dispatch a batch of alerts and report the gaps
//!
//! - The pages of every alert, alert by alert in the order given, each in chain order.
//! - Every gap once, in the order of the first alert that hit it.
//!
//! Example: at now 10 000, `x1` on `legacy-cron` fired at 0 (never acknowledged), `x2` on
//! `checkout` fired at 1 000 (acknowledged at 2 000) and `x3` on `legacy-cron` fired at
//! 5 000: pages `[x1 → fallback at 0, x2 → ana at 1 000, x3 → fallback at 5 000]`, gaps
//! `[NoOwner("legacy-cron")]`.
//!
//! ## Beyond this exercise
//!
//! Real rotations change by the week and by time zone (follow-the-sun), so "who is primary"
//! is itself a lookup by time; policies repeat the chain, page several people per step, and
//! notify by push, then SMS, then phone. Alerts are grouped and deduplicated before paging
//! (Prometheus Alertmanager's grouping and inhibition), and low-urgency alerts open tickets
//! instead of waking anyone. Ownership lives in a service catalogue (Backstage, OpsLevel)
//! checked in CI, so a service cannot ship without an owner: the gap report here is the
//! after-the-fact version of that check.

use std::collections::BTreeMap;
use std::fmt;

/// Who answers for one team, in escalation order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rotation {
    /// Paged first.
    pub primary: String,
    /// Paged when the primary does not acknowledge in time.
    pub secondary: String,
    /// Paged last.
    pub lead: String,
}

/// The organisation as the paging system sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    /// Service → the team that owns it.
    pub owners: BTreeMap<String, String>,
    /// Team → its rotation.
    pub rotations: BTreeMap<String, Rotation>,
    /// Who is paged for services with a gap in ownership.
    pub fallback: String,
    /// How long each step has to acknowledge before the next is paged.
    pub ack_timeout_ms: u64,
}

/// A hole in the ownership map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// The service (by name) has no owner.
    NoOwner(String),
    /// The service is owned by a team that has no rotation.
    NoRotation {
        /// The service.
        service: String,
        /// The team it is mapped to.
        team: String,
    },
}

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gap::NoOwner(service) => write!(f, "service {service} has no owning team"),
            Gap::NoRotation { service, team } => {
                write!(
                    f,
                    "service {service} is owned by {team}, which has no rotation"
                )
            }
        }
    }
}

impl std::error::Error for Gap {}

/// One alert on one service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// The alert's identifier.
    pub id: String,
    /// The service it fired for.
    pub service: String,
    /// When it fired.
    pub fired_ms: u64,
    /// When someone acknowledged it, if anyone did.
    pub acked_ms: Option<u64>,
}

/// One page sent to one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The alert it is for.
    pub alert: String,
    /// Who was paged.
    pub who: String,
    /// When.
    pub at_ms: u64,
}

/// Everything a batch of alerts did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dispatch {
    /// Every page sent, alert by alert, each in chain order.
    pub pages: Vec<Page>,
    /// Every gap hit, once each, in the order of the first alert that hit it.
    pub gaps: Vec<Gap>,
}

/// The escalation chain of `service`: its owning team's primary, secondary and lead.
pub fn chain(org: &Org, service: &str) -> Result<Vec<String>, Gap> {
    // TODO: look up the owner, then its rotation; each missing link is its own gap.
    todo!()
}

/// The pages `alert` has caused by `now_ms`.
pub fn pages(org: &Org, alert: &Alert, now_ms: u64) -> Vec<Page> {
    // TODO: the chain (or the fallback alone), each step at its moment, stopping at an
    // acknowledgement and at now.
    todo!()
}

/// The pages of every alert in `alerts` by `now_ms`, and every gap they hit.
pub fn dispatch(org: &Org, alerts: &[Alert], now_ms: u64) -> Dispatch {
    // TODO: every alert's pages in order, and each gap once.
    todo!()
}

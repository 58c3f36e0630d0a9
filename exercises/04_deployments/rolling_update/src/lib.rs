//! # rolling_update: replace every pod without dropping below capacity
//!
//! A Kubernetes Deployment with the `RollingUpdate` strategy replaces old pods by new ones a
//! few at a time, between two limits (Kubernetes docs, "Deployments", *Max Surge* and *Max
//! Unavailable*):
//! - `maxSurge`: how many pods may exist **above** the desired count, so that new pods can
//!   start before old ones go. A percentage of the desired count is rounded **up**.
//! - `maxUnavailable`: how many of the desired pods may be **missing** (not Ready), so that old
//!   pods can go before new ones are Ready. A percentage is rounded **down**.
//!
//! Both default to 25 %. Rounding surge up and unavailability down errs on the side of
//! capacity: with 3 replicas, 25 % gives a surge of 1 and an unavailability of 0, so the
//! rollout never has fewer than 3 Ready pods nor more than 4 pods in all.
//!
//! ## Task 1: Resolve maxSurge and maxUnavailable into pod counts
//!
//! [`resolve`] turns a [`Strategy`] into [`Limits`] for `replicas` desired pods:
//! - a [`Budget::Count`] is taken as it is; a [`Budget::Percent`] is `percent × replicas / 100`,
//!   rounded up for the surge and down for the unavailability;
//! - both settings zero as written (`0` or `0%` each) is refused with [`StrategyError::BothZero`],
//!   since the rollout could never make progress; a `maxUnavailable` above 100 % is refused with
//!   [`StrategyError::UnavailableAbove100Percent`] (a surge above 100 % is allowed);
//! - if both *resolve* to 0 (say `maxSurge: 0`, `maxUnavailable: 25%` of 3 replicas), the
//!   unavailability becomes 1, as the Deployment controller does, so the rollout can proceed.
//!
//! Example: the defaults for 10 replicas give a surge of 3 (2.5 rounded up) and an
//! unavailability of 2 (2.5 rounded down).
//!
//! ## Task 2: Plan the rollout round by round
//!
//! [`plan`] lists the pods `(old, new)` from the start `(replicas, 0)` to the end
//! `(0, replicas)`, one [`Step`] per round. In each round, as a simplified controller:
//! 1. every pod created in an earlier round is now Ready;
//! 2. old pods are removed, as many as possible while the Ready pods (old + new) stay at least
//!    `replicas − unavailable`;
//! 3. new pods are created, as many as possible while all pods stay at most
//!    `replicas + surge` and the new ones at most `replicas`.
//!
//! Example: 3 replicas with the defaults (surge 1, unavailable 0) give `(3,0) (3,1) (2,2) (1,3)
//! (0,3)`; 10 replicas give `(10,0) (8,5) (3,10) (0,10)`.
//!
//! ## Beyond this exercise
//!
//! The real controller reacts to events rather than rounds: pods become Ready one by one, a
//! pod counts as available only after `minReadySeconds`, terminating pods still use resources,
//! and a rollout that makes no progress for `progressDeadlineSeconds` (600 by default) is
//! reported as failed, not rolled back. Scaling during a rollout spreads the change
//! proportionally over the old and new ReplicaSets.

/// A limit as written in the manifest: a pod count or a percentage of the desired pods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// An absolute number of pods.
    Count(u32),
    /// A percentage of the desired pods.
    Percent(u32),
}

/// The `rollingUpdate` settings of a Deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Strategy {
    /// Pods allowed above the desired count.
    pub max_surge: Budget,
    /// Desired pods allowed to be missing.
    pub max_unavailable: Budget,
}

impl Default for Strategy {
    /// The Kubernetes defaults: 25 % and 25 %.
    fn default() -> Self {
        Self {
            max_surge: Budget::Percent(25),
            max_unavailable: Budget::Percent(25),
        }
    }
}

/// The limits resolved into pod counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Pods allowed above the desired count.
    pub surge: u32,
    /// Desired pods allowed to be missing.
    pub unavailable: u32,
}

/// Why a strategy is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrategyError {
    /// `maxSurge` and `maxUnavailable` are both written as zero.
    BothZero,
    /// `maxUnavailable` is a percentage above 100.
    UnavailableAbove100Percent,
}

impl std::fmt::Display for StrategyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::BothZero => write!(f, "maxSurge and maxUnavailable may not both be 0"),
            Self::UnavailableAbove100Percent => write!(f, "maxUnavailable may not exceed 100%"),
        }
    }
}

impl std::error::Error for StrategyError {}

/// The pods at the end of one round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Pods of the old version.
    pub old: u32,
    /// Pods of the new version.
    pub new: u32,
}

/// Whether a budget is written as zero.
fn is_zero(budget: Budget) -> bool {
    matches!(budget, Budget::Count(0) | Budget::Percent(0))
}

/// A budget in pods; percentages round up or down as asked.
fn scaled(budget: Budget, replicas: u32, round_up: bool) -> u32 {
    // TODO: a count as it is; a percentage of replicas, rounded up or down as asked (compute in u64).
    todo!()
}

/// Resolves a strategy into pod counts for `replicas` desired pods (Task 1).
pub fn resolve(strategy: &Strategy, replicas: u32) -> Result<Limits, StrategyError> {
    // TODO: refuse what Task 1 refuses, scale each budget (surge up, unavailability down), and avoid 0 and 0.
    todo!()
}

/// The pods round by round, from all old to all new (Task 2).
pub fn plan(strategy: &Strategy, replicas: u32) -> Result<Vec<Step>, StrategyError> {
    // TODO: resolve the limits, start at (replicas, 0) and add one step per round until (0, replicas).
    todo!()
}

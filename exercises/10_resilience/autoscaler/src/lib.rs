//! # autoscaler: the HPA formula, and the database it cannot scale
//!
//! An autoscaler adds replicas when each one is too busy and removes them when they idle. The
//! Kubernetes Horizontal Pod Autoscaler (the documentation page "Horizontal Pod Autoscaling",
//! section "Algorithm details") computes `desired = ceil(current × currentMetric /
//! targetMetric)`, ignores ratios within 10 % of 1 so that noise does not resize the fleet,
//! keeps the result between a minimum and a maximum, and scales down only to the highest
//! recommendation of the last five minutes, so that a dip in traffic does not remove pods that
//! the next burst will need. Scenario D of the course is the trap: every app replica opens a pool
//! of database connections, the database cannot grow with the app tier, and adding replicas
//! during a spike saturates the database and brings everything down. So the autoscaler here
//! also caps replicas at what the database can serve, and says when that cap binds.
//!
//! Metric values are in milli-units (CPU in millicores, 500 = half a core), times in ms.
//!
//! ## Task 1: Compute the desired replicas with the HPA formula
//!
//! - `ratio = current_milli / target_milli`; when `0.9 ≤ ratio ≤ 1.1` (both ends included;
//!   compare exactly, without rounding the ratio), the replicas stay as they are.
//! - Otherwise `desired = ceil(current_replicas × current_milli / target_milli)`, rounded up
//!   (a fraction of a pod's load still needs a pod), computed without overflow; a result beyond
//!   `u32::MAX` is `u32::MAX`. `target_milli` is never 0.
//!
//! Example: 3 replicas at 900 m against a target of 500 m → ratio 1.8 → ceil(5.4) = 6;
//! 10 replicas at 540 m → ratio 1.08, within the tolerance → 10; 4 at 200 m → ceil(1.6) = 2.
//!
//! ## Task 2: Keep replicas between the minimum and the maximum
//!
//! - [`Autoscaler::recommend`] clamps the recommendation to `min_replicas..=max_replicas`.
//!
//! Example: with min 2 and max 10, 3 replicas at 2000 m against 500 m want 12 → 10; 4
//! replicas at 100 m want 1 → 2.
//!
//! ## Task 3: Stabilise scale-down over the last five minutes
//!
//! - Every call records the formula's recommendation with `now_ms`.
//! - When the recommendation is at least the current replicas, it is used at once (scaling up
//!   is not delayed).
//! - When it is below, the highest recommendation recorded in the window (this one included)
//!   is used instead, but never more than the current replicas. The window is
//!   `scale_down_window_ms` (the HPA default is 300 000 ms): a recommendation made at `t` is in
//!   it while `now_ms − t < scale_down_window_ms`, so one exactly a window old is out.
//!
//! Example (target 500 m, window 300 000): at 0, 4 replicas at 1000 m → 8. At 60 000, 8
//! replicas at 250 m recommend 4, but 8 was recommended within the window → 8. At 300 000, the
//! same load → the recommendation of 0 has left the window, the highest left is 4 → 4.
//!
//! ## Task 4: Cap replicas by the database's connection limit
//!
//! - Each replica opens `pool_size` connections; the database takes at most
//!   `max_db_connections`. So replicas × `pool_size` ≤ `max_db_connections`: the cap is
//!   `max_db_connections / pool_size`, rounded down (`pool_size` is never 0).
//! - The cap is applied last and wins even over `min_replicas`: more replicas than the
//!   database can serve would not serve more, they would take the database down for all.
//! - When the cap binds (the clamped recommendation is above it), `capped_from` holds that
//!   recommendation, so the operator sees that the database, not the app, is the limit. A
//!   recommendation exactly at the cap does not bind.
//!
//! Example: pool 10, 100 connections → cap 10; 6 replicas at 1000 m against 500 m want 12 →
//! `Scaling { replicas: 10, capped_from: Some(12) }`.
//!
//! ## Beyond this exercise
//!
//! The real HPA takes the highest recommendation over several metrics, ignores pods that are
//! not ready or have no metrics yet (and assumes the worst for them), has a scale-up
//! stabilisation window too (default 0) and rate policies (by default at most double, or 4
//! more pods, per 15 s), and since Kubernetes 1.33 a configurable tolerance. The database side
//! is what it cannot see: the real fixes are a connection pooler (PgBouncer, RDS Proxy), load
//! shedding in front of the app, and capacity planning for the database itself.

/// What the autoscaler is configured with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// The metric value per replica the autoscaler aims at, in milli-units (never 0).
    pub target_milli: u64,
    /// Never fewer replicas than this (unless the database cap is lower).
    pub min_replicas: u32,
    /// Never more replicas than this.
    pub max_replicas: u32,
    /// How far back scale-down looks for a higher recommendation.
    pub scale_down_window_ms: u64,
    /// Database connections each replica opens (never 0).
    pub pool_size: u32,
    /// Database connections available to the whole app tier.
    pub max_db_connections: u32,
}

/// What the autoscaler decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scaling {
    /// The replicas to run.
    pub replicas: u32,
    /// `Some(wanted)` when the database's connection limit held the replicas below `wanted`.
    pub capped_from: Option<u32>,
}

/// The replicas the HPA formula recommends, with the 10 % tolerance.
pub fn desired_replicas(current_replicas: u32, current_milli: u64, target_milli: u64) -> u32 {
    // TODO: the formula with the 10 % tolerance, rounded up, without overflow (task 1).
    todo!()
}

/// An autoscaler with its memory of recent recommendations.
#[derive(Debug, Clone)]
pub struct Autoscaler {
    policy: Policy,
    /// `(when, recommendation)` of the calls still inside the scale-down window.
    history: Vec<(u64, u32)>,
}

impl Autoscaler {
    /// An autoscaler with no recommendations recorded yet.
    pub fn new(policy: Policy) -> Self {
        Self {
            policy,
            history: Vec::new(),
        }
    }

    /// The replicas to run at `now_ms`, given the current replicas and their average metric.
    pub fn recommend(&mut self, now_ms: u64, current_replicas: u32, current_milli: u64) -> Scaling {
        // TODO: record the recommendation, stabilise a scale-down over the window, clamp to
        // min..=max, then cap by the database connections (tasks 2-4).
        todo!()
    }
}

//! # chaos_monkey: seeded rounds of terminations that keep every safety rule
//!
//! You only know a system survives losing an instance once you have seen it do so. Netflix's
//! Chaos Monkey (the "Simian Army" post on the Netflix tech blog, 2011; Chaos Monkey 2 runs on
//! Spinnaker) terminates instances in production during working hours so that teams build
//! services that shrug off the loss. The *Principles of Chaos Engineering*
//! (principlesofchaos.org) add the safety frame: start from a steady state, minimise the blast
//! radius, and stop when the system is not healthy. Each round the monkey plans which healthy
//! instances to terminate; it must be safe and repeatable: the same fleet, rules and seed
//! always give the same plan.
//!
//! The given `healthy_per_group` counts the healthy instances of each group taking part
//! (groups named in `Rules::opted_out` are never touched nor checked), sorted by group name.
//!
//! ## Task 1: Halt a round that does not start from the steady state
//!
//! In [`candidates`]: if a group taking part already has fewer healthy instances than
//! `min_healthy`, the system is not in its steady state and the round halts with
//! [`Halt::BelowMinimum`] (the first such group by name). Opted-out groups do not count.
//!
//! Example: with `min_healthy` 2, a `web` group with 1 healthy instance halts the round:
//! `BelowMinimum { group: "web", healthy: 1, min_healthy: 2 }`.
//!
//! ## Task 2: Choose the candidates
//!
//! Otherwise [`candidates`] lists, in fleet order, the healthy instances of the groups that may
//! lose one: a group may, if it keeps at least `min_healthy` healthy instances (counted over
//! all zones) after losing one.
//!
//! Example: with `min_healthy` 2, a group of 3 healthy instances offers all 3; a group of
//! exactly 2 offers none; an unhealthy instance is never a candidate.
//!
//! ## Task 3: Keep the blast radius to one zone
//!
//! In [`plan_round`], every termination of a round is in one zone (fault domain): draw it with
//! one `below(k)` from the [`Rng`] among the k distinct zones of the candidates, sorted by
//! name. With no candidate at all, the plan is empty ([`Plan::default`]) and nothing is drawn.
//!
//! Example: candidates in zones `zone-b`, `zone-a`, `zone-c`, `zone-a`: the draw is `below(3)`
//! over `[zone-a, zone-b, zone-c]`, and 1 picks `zone-b`.
//!
//! ## Task 4: Terminate one instance per group in that zone
//!
//! Then, for each group with candidates in the chosen zone, in group name order, draw one
//! `below(m)` among its m candidates there, in fleet order: at most one instance per group per
//! round. The plan names the zone and the instance ids, in group name order.
//!
//! Example: in `zone-b`, api has `[api-2]` and web `[web-2, web-3]`: the draws are `below(1)`
//! then `below(2)`; answers 0 and 1 give `terminate: ["api-2", "web-3"]`.
//!
//! ## Beyond this exercise
//!
//! Chaos Monkey itself picks one instance per group at random times and lets teams tune the
//! rate; terminating across one zone at a time is closer to Netflix's Chaos Gorilla (a whole
//! zone) than to the monkey. Real experiments also watch the steady-state metrics *during* the
//! round (error rate, latency) and roll back when they move, not only the healthy counts before.

use std::collections::BTreeMap;

/// One running instance of a service group, in a zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// The instance's id, unique in the fleet.
    pub id: String,
    /// The service group it belongs to.
    pub group: String,
    /// The zone it runs in.
    pub zone: String,
    /// Whether it passes its health checks.
    pub healthy: bool,
}

impl Instance {
    /// An instance with its id, group, zone and health.
    pub fn new(id: &str, group: &str, zone: &str, healthy: bool) -> Instance {
        Instance {
            id: id.to_string(),
            group: group.to_string(),
            zone: zone.to_string(),
            healthy,
        }
    }
}

/// The safety rules of the experiment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rules {
    /// Healthy instances every group taking part must keep.
    pub min_healthy: usize,
    /// Groups that are never touched.
    pub opted_out: Vec<String>,
}

/// What one round will do. An empty plan has no zone and terminates nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// The zone of every termination, if any.
    pub zone: Option<String>,
    /// The ids to terminate, in group name order.
    pub terminate: Vec<String>,
}

/// Why a round was aborted before it started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Halt {
    /// `group` has only `healthy` healthy instances, fewer than `min_healthy`.
    BelowMinimum {
        /// The group.
        group: String,
        /// Its healthy instances.
        healthy: usize,
        /// The minimum it must keep.
        min_healthy: usize,
    },
}

impl std::fmt::Display for Halt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Halt::BelowMinimum {
                group,
                healthy,
                min_healthy,
            } => write!(
                f,
                "{group} has {healthy} healthy instances, below its minimum of {min_healthy}: \
                 not in steady state"
            ),
        }
    }
}

impl std::error::Error for Halt {}

/// A source of random choices.
pub trait Rng {
    /// A number in `0..n`; `n` is at least 1.
    fn below(&mut self, n: usize) -> usize;
}

/// SplitMix64: a tiny, fast, seeded generator. Same seed, same sequence.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose numbers are fixed by `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl Rng for SplitMix64 {
    fn below(&mut self, n: usize) -> usize {
        // Scale the 64 random bits onto 0..n (the high bits of a 128-bit product).
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// Carries out a plan: the terminated instances are no longer healthy.
pub fn apply(fleet: &mut [Instance], plan: &Plan) {
    for instance in fleet.iter_mut() {
        if plan.terminate.contains(&instance.id) {
            instance.healthy = false;
        }
    }
}

/// The healthy instances of each group taking part (not opted out), by group name.
fn healthy_per_group<'a>(fleet: &'a [Instance], rules: &Rules) -> BTreeMap<&'a str, usize> {
    let mut healthy = BTreeMap::new();
    for instance in fleet {
        if !rules.opted_out.contains(&instance.group) {
            *healthy.entry(instance.group.as_str()).or_default() += usize::from(instance.healthy);
        }
    }
    healthy
}

/// The instances this round may terminate, in fleet order, or why the round must halt.
pub fn candidates<'a>(fleet: &'a [Instance], rules: &Rules) -> Result<Vec<&'a Instance>, Halt> {
    let healthy = healthy_per_group(fleet, rules);
    // TODO (Task 1): halt if a group is already below the minimum (the first by group name).
    // TODO (Task 2): the healthy instances of groups that can lose one and keep the minimum.
    let _ = healthy; // silences the unused-variable warning until the body is written
    todo!("the candidates of this round")
}

/// Plans one round of chaos over `fleet` under `rules`, drawing from `rng`.
pub fn plan_round(fleet: &[Instance], rules: &Rules, rng: &mut impl Rng) -> Result<Plan, Halt> {
    // TODO (Task 3): from the candidates, draw the zone among their zones (sorted, each once);
    // no candidate, no draw and an empty plan.
    // TODO (Task 4): then one instance per group in that zone, groups in name order.
    let _ = (fleet, rules, rng); // silences unused-parameter warnings until the body is written
    todo!("plan one round of chaos")
}

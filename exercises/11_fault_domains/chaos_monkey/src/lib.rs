//! A seeded chaos monkey.
//!
//! Each round the monkey plans which healthy instances to terminate, so that the team finds
//! out, on its own terms, whether the fleet survives losing them. It must be safe and
//! repeatable: the same fleet, rules and seed always give the same plan.
//!
//! - Opt-outs: groups named in `Rules::opted_out` are never touched nor checked.
//! - Abort first: if a group taking part already has fewer healthy instances than
//!   `min_healthy`, the system is not in its steady state and the round halts with
//!   `Halt::BelowMinimum` (the first such group by name), without drawing anything.
//! - Minimum healthy: at most one instance per group per round, and only from a group that
//!   keeps at least `min_healthy` healthy instances (counted over all zones) afterwards.
//! - Candidates: the healthy instances of the groups that may lose one.
//! - Blast radius: every termination of a round is in one zone (fault domain).
//! - Draws from the injected `Rng`, in this order: one `below(k)` to pick the zone among the
//!   k distinct zones of the candidates, sorted by name; then, for each group with candidates
//!   in that zone, in group name order, one `below(m)` to pick among its m candidates there,
//!   in fleet order. With no candidate at all, the plan is empty and nothing is drawn.
//! - The plan names the zone and the instance ids to terminate, in group name order.
//!
//! ## Task 1: Chaos_monkey

/// One running instance of a service group, in a zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    pub id: String,
    pub group: String,
    pub zone: String,
    pub healthy: bool,
}

impl Instance {
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
    pub zone: Option<String>,
    pub terminate: Vec<String>,
}

/// Why a round was aborted before it started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Halt {
    /// `group` has only `healthy` healthy instances, fewer than `min_healthy`.
    BelowMinimum {
        group: String,
        healthy: usize,
        min_healthy: usize,
    },
}

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
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

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

/// Plans one round of chaos over `fleet` under `rules`, drawing from `rng`.
pub fn plan_round(fleet: &[Instance], rules: &Rules, rng: &mut impl Rng) -> Result<Plan, Halt> {
    // TODO: count the healthy instances of each group taking part; halt if one is already
    //       below the minimum (the first by group name).
    // TODO: collect the candidates: healthy instances of groups that can lose one and still
    //       keep the minimum.
    // TODO: draw the zone among the candidates' zones (sorted, each once), then one instance
    //       per group in that zone, groups in name order, exactly as the module doc says.
    let _ = (fleet, rules, rng); // silences unused-parameter warnings until the body is written
    todo!("plan one round of chaos")
}

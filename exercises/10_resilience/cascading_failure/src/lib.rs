//! A cascading failure, stepped through one tick at a time.
//!
//! A cluster is made of tiers (web, api, db...), each a set of identical-looking replicas
//! behind a load balancer, each replica with its own capacity in requests per step. A tier
//! gets its external load plus, for every tier that calls it, one request per request that
//! caller served. When a replica dies, the balancer spreads its share over the survivors; if
//! that pushes them past their capacity they die too, and the failure cascades.
//!
//! Rules for one `step`:
//! - tiers are handled in the order given (callers before the tiers they call); each tier
//!   starts from the replicas that are up at that moment.
//! - a tier's load is spread evenly over its replicas that are up, in order; when it does not
//!   divide evenly, the first replicas get one request more (`spread`). Replicas that are down
//!   get a share of 0. With no replica up, the whole load is lost.
//! - a replica given at most its capacity serves everything. Above it, the overload policy
//!   decides: `Crash` (no mitigation) loses its whole share and marks it down for good;
//!   `ShedExcess` (load shedding) serves its capacity and sheds the rest.
//! - only what a tier served reaches the tiers it calls.
//! - the report numbers the step (from 1), lists the replicas that failed during it in tier
//!   order then replica order, and counts the requests shed and lost, each at the tier where
//!   it happened.
//!
//! Implement `spread` and `Cluster::step`.
//!
//! ## Task 1: Cascading_failure

/// What a replica does with more requests than its capacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overload {
    /// No protection: the replica falls over and every request it was given fails.
    Crash,
    /// Load shedding at capacity: the replica serves its capacity and rejects the excess.
    ShedExcess,
}

/// The description of one tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TierSpec {
    pub name: String,
    /// One entry per replica: the requests per step it can serve. Replica `i` (from 0) is
    /// named `"{name}-{i + 1}"`.
    pub capacities: Vec<u32>,
    /// Requests per step arriving from outside the cluster.
    pub external_load: u32,
    /// The tiers this tier calls, each once per request served. They must come later.
    pub calls: Vec<String>,
}

impl TierSpec {
    pub fn new(name: &str, capacities: &[u32], external_load: u32, calls: &[&str]) -> Self {
        Self {
            name: name.to_string(),
            capacities: capacities.to_vec(),
            external_load,
            calls: calls.iter().map(|callee| callee.to_string()).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    DuplicateTier(String),
    NoReplicas(String),
    UnknownTier(String),
    /// `caller` calls a tier listed before it (or itself): the steps could not be ordered.
    CallsUpstream {
        caller: String,
        callee: String,
    },
    UnknownReplica(String),
}

/// What happened during one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepReport {
    /// The number of this step, from 1.
    pub step: u32,
    /// The replicas that failed during this step, in tier order then replica order.
    pub failed: Vec<String>,
    pub shed: u32,
    pub lost: u32,
}

#[derive(Debug)]
struct Replica {
    name: String,
    capacity: u32,
    up: bool,
    /// The share of the tier's load it was given in the last step.
    load: u32,
}

#[derive(Debug)]
struct Tier {
    replicas: Vec<Replica>,
    external_load: u32,
    /// Indexes of the tiers it calls, all greater than its own.
    calls: Vec<usize>,
}

#[derive(Debug)]
pub struct Cluster {
    tiers: Vec<Tier>,
    policy: Overload,
    steps: u32,
}

/// Splits `load` evenly over `replicas`, the first ones getting one request more when it does
/// not divide evenly. No replicas, no shares.
pub fn spread(load: u32, replicas: usize) -> Vec<u32> {
    // TODO: `replicas` shares adding up to `load`, as even as possible, larger ones first.
    todo!()
}

impl Cluster {
    pub fn new(specs: &[TierSpec], policy: Overload) -> Result<Self, ModelError> {
        let index_of = |name: &str| specs.iter().position(|spec| spec.name == name);
        let mut tiers = Vec::with_capacity(specs.len());
        for (index, spec) in specs.iter().enumerate() {
            if index_of(&spec.name) != Some(index) {
                return Err(ModelError::DuplicateTier(spec.name.clone()));
            }
            if spec.capacities.is_empty() {
                return Err(ModelError::NoReplicas(spec.name.clone()));
            }
            let mut calls = Vec::with_capacity(spec.calls.len());
            for callee in &spec.calls {
                let callee_index =
                    index_of(callee).ok_or_else(|| ModelError::UnknownTier(callee.clone()))?;
                if callee_index <= index {
                    return Err(ModelError::CallsUpstream {
                        caller: spec.name.clone(),
                        callee: callee.clone(),
                    });
                }
                calls.push(callee_index);
            }
            let replicas = spec
                .capacities
                .iter()
                .enumerate()
                .map(|(i, &capacity)| Replica {
                    name: format!("{}-{}", spec.name, i + 1),
                    capacity,
                    up: true,
                    load: 0,
                })
                .collect();
            tiers.push(Tier {
                replicas,
                external_load: spec.external_load,
                calls,
            });
        }
        Ok(Self {
            tiers,
            policy,
            steps: 0,
        })
    }

    fn replica(&self, name: &str) -> Option<&Replica> {
        self.tiers
            .iter()
            .flat_map(|tier| &tier.replicas)
            .find(|replica| replica.name == name)
    }

    /// Whether replica `name` is up.
    pub fn is_up(&self, name: &str) -> Option<bool> {
        self.replica(name).map(|replica| replica.up)
    }

    /// The share of load replica `name` was given in the last step (0 when it was down).
    pub fn load(&self, name: &str) -> Option<u32> {
        self.replica(name).map(|replica| replica.load)
    }

    /// Takes replica `name` down, as a crashed host would: the event that starts a cascade.
    pub fn kill(&mut self, name: &str) -> Result<(), ModelError> {
        let replica = self
            .tiers
            .iter_mut()
            .flat_map(|tier| &mut tier.replicas)
            .find(|replica| replica.name == name)
            .ok_or_else(|| ModelError::UnknownReplica(name.to_string()))?;
        replica.up = false;
        Ok(())
    }

    /// Runs one step of the simulation, following the rules in the crate docs.
    pub fn step(&mut self) -> StepReport {
        // TODO: number the step, then tier by tier: spread its load over the replicas up, serve,
        // crash or shed each share, and pass what was served on to the tiers it calls.
        todo!()
    }

    /// Steps until a step in which nothing fails (from then on every step is the same), at
    /// most `max_steps` times, and returns the replicas in the order they failed.
    pub fn run(&mut self, max_steps: u32) -> Vec<String> {
        let mut order = Vec::new();
        for _ in 0..max_steps {
            let report = self.step();
            if report.failed.is_empty() {
                break;
            }
            order.extend(report.failed);
        }
        order
    }
}

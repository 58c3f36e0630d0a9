//! # cascading_failure: one dead replica takes down its tier, unless the survivors shed load
//!
//! A cluster is made of tiers (web, api, db...), each a set of replicas behind a load
//! balancer, each replica with its own capacity in requests per step. When a replica dies, the
//! balancer spreads its share over the survivors; if that pushes them past their capacity they
//! die too, and the failure cascades. The Google SRE book ("Addressing Cascading Failures")
//! tells this very story (a cluster of backends, one fails, the load moves to the others, they
//! fall in turn) and names load shedding as a defence: a replica that serves what it can and
//! refuses the rest stays up. The course's own trap is the same: adding web servers in front
//! of a database that cannot grow only overloads the database faster.
//!
//! A tier gets its external load plus, for every tier that calls it, one request per request
//! that caller served. [`Cluster::step`] (given) handles the tiers in the order given (callers
//! before the tiers they call) and passes on what each served; you write how one tier handles
//! its load.
//!
//! ## Task 1: Spread a load evenly over the replicas
//!
//! - [`spread`] splits `load` into `replicas` shares that add up to `load`, as even as
//!   possible; when it does not divide evenly, the first replicas get one request more. No
//!   replicas, no shares.
//!
//! Example: `spread(11, 4)` is `[3, 3, 3, 2]`; `spread(2, 3)` is `[1, 1, 0]`.
//!
//! ## Task 2: Decide what one replica does with its share
//!
//! [`handle_share`]:
//!
//! - a share of at most the capacity is served entirely;
//! - above it, the overload policy decides: [`Overload::Crash`] (no mitigation) loses the
//!   whole share and the replica crashes; [`Overload::ShedExcess`] (load shedding) serves the
//!   capacity and sheds the rest.
//!
//! Example: `handle_share(125, 125, Crash)` is `Served`; `handle_share(126, 125, Crash)` is
//! `Crashed` (all 126 lost); `handle_share(126, 125, ShedExcess)` is `Shed(1)` (125 served).
//!
//! ## Task 3: Handle a tier's load for one step
//!
//! `Tier::handle`, for one tier in one step:
//!
//! - the load is spread over the replicas that are up at that moment, in order; replicas that
//!   are down get a share of 0 (their `load` is 0 this step). With no replica up, the whole
//!   load is lost.
//! - each replica handles its share (Task 2); one that crashes is down for good and named in
//!   the report's `failed`, in replica order; what is shed and lost is added to the report.
//! - it returns what the tier served, which is what reaches the tiers it calls.
//!
//! Example: web (2 × 200) sends 240 to db (capacities 150, 125, 100): 80 each, all served.
//! With `db-1` killed, `db-2` and `db-3` get 120 each: under `Crash`, `db-3` falls over and its
//! 120 are lost; the next step `db-2` gets all 240 and falls over too. Under `ShedExcess`,
//! `db-3` serves 100 and sheds 20, and the tier holds.
//!
//! ## Beyond this exercise
//!
//! Real replicas slow down before they fall over (latency rises, queues grow, timeouts and
//! retries add load), a crashed replica comes back after a restart and may be knocked over
//! again at once while its cache is cold, and autoscaling reacts minutes late. The SRE book's
//! other defences (retry budgets, deadlines, circuit breakers) are the rest of this track.

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
    /// The tier's name.
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
    /// A tier named `name` with one replica per capacity, its external load and its callees.
    pub fn new(name: &str, capacities: &[u32], external_load: u32, calls: &[&str]) -> Self {
        Self {
            name: name.to_string(),
            capacities: capacities.to_vec(),
            external_load,
            calls: calls.iter().map(|callee| callee.to_string()).collect(),
        }
    }
}

/// Why a cluster cannot be built, or a replica not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Two tiers have this name.
    DuplicateTier(String),
    /// This tier has no replica.
    NoReplicas(String),
    /// A tier calls this name, which is no tier.
    UnknownTier(String),
    /// `caller` calls a tier listed before it (or itself): the steps could not be ordered.
    CallsUpstream {
        /// The calling tier.
        caller: String,
        /// The tier it calls.
        callee: String,
    },
    /// No replica has this name.
    UnknownReplica(String),
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::DuplicateTier(name) => write!(f, "tier {name:?} is listed twice"),
            ModelError::NoReplicas(name) => write!(f, "tier {name:?} has no replica"),
            ModelError::UnknownTier(name) => write!(f, "no tier named {name:?}"),
            ModelError::CallsUpstream { caller, callee } => {
                write!(
                    f,
                    "{caller:?} calls {callee:?}, which is not listed after it"
                )
            }
            ModelError::UnknownReplica(name) => write!(f, "no replica named {name:?}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// What one replica does with its share in one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// It served the whole share.
    Served,
    /// It served its capacity and shed this many requests (load shedding).
    Shed(u32),
    /// It fell over: the whole share is lost and the replica is down.
    Crashed,
}

/// What happened during one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepReport {
    /// The number of this step, from 1.
    pub step: u32,
    /// The replicas that failed during this step, in tier order then replica order.
    pub failed: Vec<String>,
    /// Requests shed in this step, over all tiers.
    pub shed: u32,
    /// Requests lost in this step, over all tiers.
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

/// The tiers of a cluster and their replicas, stepped through time.
#[derive(Debug)]
pub struct Cluster {
    tiers: Vec<Tier>,
    policy: Overload,
    steps: u32,
}

/// Splits `load` evenly over `replicas`, the first ones getting one request more when it does
/// not divide evenly. No replicas, no shares (Task 1).
pub fn spread(load: u32, replicas: usize) -> Vec<u32> {
    if replicas == 0 {
        return Vec::new();
    }
    let count = replicas as u32;
    let (base, extra) = (load / count, load % count);
    (0..count).map(|i| base + u32::from(i < extra)).collect()
}

/// What a replica of `capacity` does with `share` requests under `policy` (Task 2).
pub fn handle_share(share: u32, capacity: u32, policy: Overload) -> Handled {
    if share <= capacity {
        return Handled::Served;
    }
    match policy {
        // Past its capacity an unprotected replica falls over, taking every request with it.
        Overload::Crash => Handled::Crashed,
        // Refusing the excess keeps the replica up and serving at full capacity.
        Overload::ShedExcess => Handled::Shed(share - capacity),
    }
}

impl Tier {
    /// Handles `load` for one step: spreads it over the replicas up, lets each handle its
    /// share, records failures, shed and lost requests in `report`, and returns what the tier
    /// served (Task 3).
    fn handle(&mut self, load: u32, policy: Overload, report: &mut StepReport) -> u32 {
        for replica in &mut self.replicas {
            replica.load = 0;
        }
        let live = self.replicas.iter().filter(|replica| replica.up).count();
        if live == 0 {
            report.lost += load;
            return 0;
        }
        let mut served = 0;
        let up = self.replicas.iter_mut().filter(|replica| replica.up);
        for (replica, share) in up.zip(spread(load, live)) {
            replica.load = share;
            match handle_share(share, replica.capacity, policy) {
                Handled::Served => served += share,
                Handled::Shed(shed) => {
                    served += share - shed;
                    report.shed += shed;
                }
                Handled::Crashed => {
                    replica.up = false;
                    report.lost += share;
                    report.failed.push(replica.name.clone());
                }
            }
        }
        served
    }
}

impl Cluster {
    /// A cluster of the given tiers, every replica up, with one overload policy for all.
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

    /// Runs one step: numbers it (from 1), then handles the tiers in order, each with its
    /// external load plus what its callers served.
    pub fn step(&mut self) -> StepReport {
        self.steps += 1;
        let mut report = StepReport {
            step: self.steps,
            failed: Vec::new(),
            shed: 0,
            lost: 0,
        };
        let mut incoming: Vec<u32> = self.tiers.iter().map(|tier| tier.external_load).collect();
        for index in 0..self.tiers.len() {
            let served = self.tiers[index].handle(incoming[index], self.policy, &mut report);
            // Callees come later in the list, so their load is complete before their turn.
            for &callee in &self.tiers[index].calls {
                incoming[callee] += served;
            }
        }
        report
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

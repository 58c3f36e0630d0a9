//! # blast_radius: how far a failure travels over hard and soft dependencies
//!
//! Each service lists the services it calls. A **hard** dependency is one it cannot work
//! without; a **soft** dependency has a fallback (a cache, a default answer, a hidden widget),
//! so the caller stays up, degraded. A failure travels up the call graph, and everything it
//! reaches is its *blast radius*; turning hard dependencies into soft ones is one of the
//! cheapest ways to shrink it, and measuring it as a share of user traffic says how many users
//! notice. (Google, *Site Reliability Engineering*, ch. 22 "Addressing Cascading Failures";
//! AWS whitepaper "AWS Fault Isolation Boundaries", 2022, on containing blast radius.)
//!
//! Impact levels, from best to worst: `Unaffected`, `Degraded`, `Down`. [`blast_radius`]
//! checks the graph for you (every dependency must be a listed service), and the private
//! `report` helper (given) turns the impacts into a [`Report`]: the `Down` and the `Degraded`
//! services, each sorted by name, with the user traffic (requests per second that users send
//! straight to a service; 0 for internal services) landing on them.
//!
//! ## Task 1: Carry an impact over one dependency
//!
//! [`carried`]: over a hard dependency a service gets the dependency's impact unchanged; over a
//! soft one it gets that impact capped at `Degraded`.
//!
//! Example: `carried(Hard, Down)` is `Down`; `carried(Soft, Down)` is `Degraded`;
//! `carried(Soft, Unaffected)` is `Unaffected`.
//!
//! ## Task 2: Mark the failed services down
//!
//! In [`blast_radius`], every service starts `Unaffected` and the failed ones are `Down`. A
//! failed name that is not a listed service is [`GraphError::UnknownService`] (the first such
//! name, in the order given).
//!
//! Example: failing `["ml", "kafka", "queue"]` in a graph without `kafka`:
//! `Err(UnknownService("kafka"))`.
//!
//! ## Task 3: Spread the impact until nothing changes
//!
//! A service's impact is the worst it gets over all its dependencies (a failed service stays
//! `Down`). The graph may contain cycles, and one pass in list order is not enough: keep
//! raising impacts until nothing changes. Impacts only ever go up.
//!
//! Example: `web` hard-depends on `api` and soft-depends on `recs`; `api` hard-depends on `db`;
//! `recs` on `ml`. Failing `db` takes `api` and `web` down; failing `ml` takes `recs` down and
//! leaves `web` degraded.
//!
//! ## Task 4: Measure the share of user traffic hit
//!
//! [`Report::affected_ppm`]: the user traffic on down *or* degraded services, in parts per
//! million of all user traffic, rounded down, without overflow however large the traffic; 0
//! when there is no user traffic at all.
//!
//! Example: 600 req/s down and 300 degraded out of 1000: 900 000 ppm. 1 out of 3: 333 333.
//!
//! ## Beyond this exercise
//!
//! A real dependency is rarely all or nothing: a slow dependency hurts more than a dead one
//! (timeouts hold threads), a fallback can itself overload (a cache stampede), and the radius
//! depends on load. Chaos experiments (the next exercise) check that the soft edges on paper
//! really are soft.

use std::collections::HashMap;

/// How much a service needs one of its dependencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Without it the service fails.
    Hard,
    /// Without it the service still answers, in a degraded way.
    Soft,
}

/// One edge of the graph: the service calls `on`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    /// The service called.
    pub on: String,
    /// How much the caller needs it.
    pub kind: Kind,
}

impl Dependency {
    /// A hard dependency on `on`.
    pub fn hard(on: &str) -> Dependency {
        Dependency {
            on: on.to_string(),
            kind: Kind::Hard,
        }
    }

    /// A soft dependency on `on`.
    pub fn soft(on: &str) -> Dependency {
        Dependency {
            on: on.to_string(),
            kind: Kind::Soft,
        }
    }
}

/// A service, the traffic users send straight to it, and what it calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// The service's name, unique in the graph.
    pub name: String,
    /// Requests per second users send straight to it (0 for internal services).
    pub user_traffic: u64,
    /// What it calls.
    pub deps: Vec<Dependency>,
}

impl Service {
    /// A service with its user traffic and dependencies.
    pub fn new(name: &str, user_traffic: u64, deps: Vec<Dependency>) -> Service {
        Service {
            name: name.to_string(),
            user_traffic,
            deps,
        }
    }
}

/// How badly a failure reaches a service, ordered from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Impact {
    /// Works as usual.
    Unaffected,
    /// Answers, but worse than usual (a fallback is in use).
    Degraded,
    /// Does not answer.
    Down,
}

/// What the failure touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Services that are down, sorted by name (the failed ones included).
    pub down: Vec<String>,
    /// Services that still answer but degraded, sorted by name.
    pub degraded: Vec<String>,
    /// User traffic landing on down services.
    pub traffic_down: u64,
    /// User traffic landing on degraded services.
    pub traffic_degraded: u64,
    /// All user traffic in the graph.
    pub traffic_total: u64,
}

impl Report {
    /// The share of all user traffic that lands on a down or degraded service, in parts per
    /// million, rounded down; 0 when the graph has no user traffic at all.
    pub fn affected_ppm(&self) -> u64 {
        // TODO (Task 4): down plus degraded traffic over all traffic, in ppm, without overflow.
        todo!()
    }
}

/// Why the graph or the failure cannot be evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphError {
    /// `service` depends on `on`, which is not a listed service.
    UnknownDependency {
        /// The service with the bad edge.
        service: String,
        /// The name it depends on.
        on: String,
    },
    /// A failed component that is not a listed service.
    UnknownService(String),
}

impl std::fmt::Display for GraphError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GraphError::UnknownDependency { service, on } => {
                write!(
                    f,
                    "{service} depends on {on}, which is not a listed service"
                )
            }
            GraphError::UnknownService(name) => {
                write!(f, "{name} failed but is not a listed service")
            }
        }
    }
}

impl std::error::Error for GraphError {}

/// The impact a service gets from a dependency of this `kind` whose own impact is `impact`.
pub fn carried(kind: Kind, impact: Impact) -> Impact {
    // TODO (Task 1): a hard edge passes the impact on as it is; a soft edge never passes more
    // than Degraded.
    todo!("{kind:?} dependency with impact {impact:?}")
}

/// Everything the failure of the `failed` services reaches, and the user traffic it touches.
pub fn blast_radius(services: &[Service], failed: &[&str]) -> Result<Report, GraphError> {
    let index: HashMap<&str, usize> = services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.as_str(), i))
        .collect();
    // Every dependency must name a listed service.
    for service in services {
        if let Some(dep) = service
            .deps
            .iter()
            .find(|d| !index.contains_key(d.on.as_str()))
        {
            return Err(GraphError::UnknownDependency {
                service: service.name.clone(),
                on: dep.on.clone(),
            });
        }
    }

    // TODO (Task 2): every service Unaffected, the failed ones Down (a name not in the graph is
    // an UnknownService). `index` gives a service's position from its name.
    // TODO (Task 3): raise each service to the worst impact its dependencies carry to it, until
    // nothing changes (mind cycles, and services reached first over a soft edge).
    // Then: Ok(report(services, &impact)).
    todo!("blast radius of {failed:?}")
}

/// The report for `impact[i]`, the impact on `services[i]`: lists sorted by name, traffic summed.
fn report(services: &[Service], impact: &[Impact]) -> Report {
    let hit = |level: Impact| {
        let mut names: Vec<String> = Vec::new();
        let mut traffic = 0;
        for (service, _) in services.iter().zip(impact).filter(|(_, &i)| i == level) {
            names.push(service.name.clone());
            traffic += service.user_traffic;
        }
        names.sort();
        (names, traffic)
    };
    let (down, traffic_down) = hit(Impact::Down);
    let (degraded, traffic_degraded) = hit(Impact::Degraded);
    Report {
        down,
        degraded,
        traffic_down,
        traffic_degraded,
        traffic_total: services.iter().map(|s| s.user_traffic).sum(),
    }
}

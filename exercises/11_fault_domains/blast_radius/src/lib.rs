//! Blast radius of a failure over a service dependency graph.
//!
//! Each service lists the services it calls. A hard dependency is one it cannot work without;
//! a soft dependency has a fallback (a cache, a default answer, a hidden widget).
//!
//! Impact levels, from best to worst: `Unaffected`, `Degraded`, `Down`. The failed components
//! are `Down`. Over a hard dependency a service gets the dependency's impact unchanged; over a
//! soft one it gets that impact capped at `Degraded`. A service's impact is the worst it gets
//! over all its dependencies (`Unaffected` if none). The graph may contain cycles.
//!
//! `blast_radius` checks the graph (every dependency and every failed name must be a listed
//! service; report the first problem, services and their dependencies in listed order, then
//! the failed names), then reports the `Down` and the `Degraded` services, each list sorted by
//! name, with the user traffic that lands on them. `user_traffic` is what users send straight
//! to a service (requests per second at an entry point such as a web front end; 0 for internal
//! services).
//!
//! ## Task 1: Blast_radius

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
    pub on: String,
    pub kind: Kind,
}

impl Dependency {
    pub fn hard(on: &str) -> Dependency {
        Dependency {
            on: on.to_string(),
            kind: Kind::Hard,
        }
    }

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
    pub name: String,
    pub user_traffic: u64,
    pub deps: Vec<Dependency>,
}

impl Service {
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
    Unaffected,
    Degraded,
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
    /// The share (0.0 to 1.0) of all user traffic that lands on a down or degraded service;
    /// 0.0 when the graph has no user traffic at all.
    pub fn affected_share(&self) -> f64 {
        // TODO: down plus degraded traffic over all traffic.
        todo!()
    }
}

/// Why the graph or the failure cannot be evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphError {
    /// `service` depends on `on`, which is not a listed service.
    UnknownDependency { service: String, on: String },
    /// A failed component that is not a listed service.
    UnknownService(String),
}

/// The impact a service gets from a dependency of this `kind` whose own impact is `impact`.
pub fn carried(kind: Kind, impact: Impact) -> Impact {
    // TODO: a hard edge passes the impact on as it is; a soft edge never passes more than Degraded.
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

    // TODO: mark the failed components Down (a name not in the graph is an UnknownService).
    // TODO: raise each service to the worst impact its dependencies carry to it, until nothing
    //       changes (mind cycles, and services reached first over a soft edge).
    // TODO: report the Down and Degraded services, each sorted by name, and their traffic.
    todo!("blast radius of {failed:?}")
}

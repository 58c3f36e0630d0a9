//! # ready_endpoints: only Ready replicas receive traffic
//!
//! A deployment replaces running code with new code while users keep sending requests. The
//! one rule every strategy in this track builds on: a load balancer sends requests only to the
//! replicas that say they can serve them. In Kubernetes that signal is the Pod's `Ready`
//! condition, set from the readiness probe; a Service's endpoints list only the Pods that are
//! Ready, and a Pod being shut down (terminating) is taken out of rotation even if its last
//! probe passed, so that new requests stop reaching it while it finishes the ones it has
//! (Kubernetes docs, "Pod Lifecycle" and "EndpointSlices").
//!
//! ## Task 1: List the replicas that may receive traffic
//!
//! - A replica receives traffic exactly when it is Ready **and** not terminating.
//! - A replica that is running but not Ready (still warming its cache, say) gets no traffic.
//! - The result keeps the order of the input; an empty input gives an empty list.
//!
//! Example: replicas `web-1` (Ready), `web-2` (running, not Ready), `web-3` (Ready,
//! terminating) and `web-4` (Ready) give `["web-1", "web-4"]`.
//!
//! ## Beyond this exercise
//!
//! Kubernetes reports more than a yes/no: an EndpointSlice entry carries `ready`, `serving`
//! and `terminating`, so that a load balancer may fall back to terminating-but-serving Pods
//! when nothing else is left. A Pod is Ready only when all its containers are, and its
//! readiness gates (conditions set by other controllers) hold too.

/// One replica of a service, as the load balancer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replica {
    /// The replica's name, e.g. `web-1`.
    pub name: String,
    /// Whether its readiness probe currently says it can serve.
    pub ready: bool,
    /// Whether it is being shut down.
    pub terminating: bool,
}

/// The names of the replicas that may receive traffic, in input order.
pub fn endpoints(replicas: &[Replica]) -> Vec<&str> {
    // TODO: keep only the replicas that are Ready and not terminating, and return their names.
    todo!()
}

//! # health_probes: liveness restarts, readiness routes
//!
//! Kubernetes asks each container two different questions, and mixing them up causes
//! outages. The **liveness** probe asks "is this process stuck beyond repair?": when it fails,
//! the kubelet kills the container and starts a new one. The **readiness** probe asks "can this
//! replica serve requests right now?": when it fails, the Pod is only taken out of the
//! Service's endpoints, and it gets traffic back once it passes again. A **startup** probe
//! holds both off until a slow application has started. (Kubernetes docs, "Configure Liveness,
//! Readiness and Startup Probes".)
//!
//! The classic mistake is a liveness check that calls the database. When the database has an
//! outage, every replica's liveness fails at the same moment, the kubelet restarts all of them,
//! they come back into the same outage and are restarted again: a dependency problem becomes a
//! crash loop of the whole service, and the cold restarts add load when the database returns.
//! A replica that cannot reach its database should stop receiving traffic (readiness), not be
//! killed (liveness). Probe settings are in **seconds**, as in Kubernetes.
//!
//! ## Task 1: Keep the database out of the liveness check
//!
//! - [`liveness_ok`] passes exactly when the process's event loop is responsive, whatever the
//!   state of its dependencies or its cache.
//! - [`readiness_ok`] passes exactly when the event loop is responsive, the cache is warmed up
//!   and the database is reachable.
//!
//! Example: with the database down, a warmed-up, responsive replica is live but not ready.
//!
//! ## Task 2: Fill in the defaults, then refuse what Kubernetes refuses
//!
//! [`admit`] returns the probe as the API server stores it, or why it is refused:
//! - a setting left at 0 is one that was not given (the API cannot tell the two apart), and
//!   takes the Kubernetes default: `period_seconds` 10, `success_threshold` 1,
//!   `failure_threshold` 3; any other value is kept as given;
//! - then, for liveness and startup probes, `success_threshold` must be exactly 1, else
//!   [`ProbeConfigError::SuccessThresholdMustBeOne`] (one success is enough to know a process
//!   is not stuck; readiness may ask for more).
//!
//! Example: a liveness probe with a success threshold of 3 is refused; the same settings on a
//! readiness probe are admitted unchanged; a readiness probe with every setting at 0 is
//! admitted as every 10 s, 1 success, 3 failures.
//!
//! ## Task 3: Change state only after enough results in a row
//!
//! A [`ProbeTracker`] turns probe results into the probe's state, as the kubelet does:
//! - A liveness probe starts passing; readiness and startup probes start failing (a container
//!   is not ready until a probe says so).
//! - The state turns failing after `failure_threshold` failed results **in a row**, and turns
//!   passing after `success_threshold` passed results in a row. Any other result leaves the
//!   state as it is; a result of the other kind starts the count again from 1.
//! - [`ProbeConfig::detection_seconds`] is the longest time from the moment the application
//!   breaks until the probe's state turns failing: `failure_threshold × period_seconds`.
//!
//! Example: a readiness tracker with `success_threshold` 2 and `failure_threshold` 3 given
//! pass, pass, fail, fail, pass, fail, fail, fail reports failing, passing, passing, passing,
//! passing, passing, passing, failing. A startup probe of 30 × 10 s allows 300 s to start.
//!
//! ## Beyond this exercise
//!
//! Real probes also have `initialDelaySeconds` and `timeoutSeconds` (a probe that does not
//! answer in time counts as a failure), and a failed liveness probe restarts the container
//! after its termination grace period. A Pod is Ready only when all its containers are.
//! Kubernetes recommends a liveness probe on the same cheap endpoint as readiness but with a
//! higher `failureThreshold`, so a struggling Pod is taken out of rotation before it is killed.

/// Which question a probe asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProbeKind {
    /// Is the process stuck? Failing restarts the container.
    Liveness,
    /// Can it serve now? Failing removes the Pod from the Service's endpoints.
    Readiness,
    /// Has it finished starting? Holds the other two off until it passes.
    Startup,
}

/// What a replica knows about itself when a probe arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppState {
    /// The process still handles events (it is not deadlocked).
    pub event_loop_responsive: bool,
    /// Its cache has been loaded since it started.
    pub cache_warmed_up: bool,
    /// It can reach its database right now.
    pub database_reachable: bool,
}

/// Whether the liveness endpoint answers with success.
pub fn liveness_ok(state: &AppState) -> bool {
    // TODO: pass exactly when the event loop is responsive, and look at nothing else.
    todo!()
}

/// Whether the readiness endpoint answers with success.
pub fn readiness_ok(state: &AppState) -> bool {
    // TODO: pass when the replica can serve: responsive, warmed up, database reachable.
    todo!()
}

/// The settings of one probe (times in seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProbeConfig {
    /// Which probe this is.
    pub kind: ProbeKind,
    /// How often the probe runs (0: not given, default 10).
    pub period_seconds: u32,
    /// Passed results in a row that turn a failing probe passing (0: not given, default 1).
    pub success_threshold: u32,
    /// Failed results in a row that turn a passing probe failing (0: not given, default 3).
    pub failure_threshold: u32,
}

impl ProbeConfig {
    /// The longest time from a failure of the application to the probe's state turning
    /// failing: `failure_threshold × period_seconds`.
    pub fn detection_seconds(&self) -> u64 {
        // TODO: failure_threshold × period_seconds, without overflowing.
        todo!()
    }
}

/// Why a probe's settings are refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProbeConfigError {
    /// A liveness or startup probe with a `success_threshold` other than 1.
    SuccessThresholdMustBeOne {
        /// The kind of the probe.
        kind: ProbeKind,
        /// The threshold that was given.
        given: u32,
    },
}

impl std::fmt::Display for ProbeConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::SuccessThresholdMustBeOne { kind, given } => {
                write!(
                    f,
                    "successThreshold must be 1 for a {kind:?} probe, not {given}"
                )
            }
        }
    }
}

impl std::error::Error for ProbeConfigError {}

/// The probe as the API server stores it: defaults filled in, or refused (Task 2).
pub fn admit(config: &ProbeConfig) -> Result<ProbeConfig, ProbeConfigError> {
    // TODO: replace each 0 by its default, then refuse what Task 2 refuses.
    todo!()
}

/// The state of one probe, fed with its results one at a time.
#[derive(Debug, Clone)]
pub struct ProbeTracker {
    /// The admitted settings.
    config: ProbeConfig,
    /// Whether the probe's state is passing.
    passing: bool,
    /// The kind of the latest result (`true` for passed), if any.
    last_result: Option<bool>,
    /// How many results of that kind came in a row, the latest included.
    run: u32,
}

impl ProbeTracker {
    /// A tracker for an admitted probe (defaults filled in), in its initial state.
    pub fn new(config: ProbeConfig) -> Result<Self, ProbeConfigError> {
        // TODO: admit the settings, then start passing only for a liveness probe.
        todo!()
    }

    /// Whether the probe's state is passing.
    pub fn passing(&self) -> bool {
        self.passing
    }

    /// Records one result (`true` if the probe passed) and returns the state after it.
    pub fn record(&mut self, passed: bool) -> bool {
        // TODO: count results of the same kind in a row; change the state at the threshold.
        todo!()
    }
}

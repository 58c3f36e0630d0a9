//! # failover_client: move calls to a standby, and fail back only after a stable recovery
//!
//! Redundancy only helps if traffic moves to the standby when the primary fails, and back once
//! the primary has recovered. A failover client lists its endpoints in order of preference:
//! the first is the primary, the rest are standbys in the order they should take over. A call
//! goes to the first endpoint that is up; if it fails, the same call moves on to the next one
//! that is up. Failing back needs care: an endpoint that answers one health check may be
//! flapping (healthy for a moment, down again), so it must stay healthy for a while first, a
//! hold-down time. The AWS Builders' Library ("Implementing health checks") and Nygard's
//! *Release It!* both warn against trusting one good answer. Times are milliseconds.
//!
//! Each endpoint's [`EndpointState`] is a small state machine (Tasks 1 and 2); the client
//! walks the endpoints (Task 3). [`FailoverClient::health_check`] is given.
//!
//! ## Task 1: Mark an endpoint down after consecutive failures
//!
//! [`EndpointState::record`], for the outcome of one request sent to an endpoint:
//!
//! - an endpoint that is up counts consecutive failed requests; a success resets the count to
//!   0; when the count reaches `failures_to_mark_down`, the endpoint is [`EndpointState::Down`];
//! - an endpoint that is not up was not sent anything: its state does not change.
//!
//! Example: with a threshold of 3, `Up { consecutive_failures: 2 }` becomes `Down` on a failure
//! and `Up { consecutive_failures: 0 }` on a success.
//!
//! ## Task 2: Recover only after staying healthy for the hold-down time
//!
//! - [`EndpointState::probe`]: a healthy probe of a down endpoint starts its recovery at that
//!   time (`Recovering { since_ms: now_ms }`); an unhealthy probe of a recovering endpoint marks
//!   it down again. Other probes change nothing: a healthy probe of a recovering endpoint keeps
//!   its `since_ms`, since it must have been healthy all along.
//! - [`EndpointState::promote`]: a recovering endpoint is up again, with a fresh failure count,
//!   once it has been healthy for `failback_after_ms`: at `since_ms + failback_after_ms` or
//!   later. Any other state does not change.
//!
//! Example: `Down` probed healthy at 1 000 ms is `Recovering { since_ms: 1_000 }`; with a
//! hold-down of 5 000 ms, `promote(5_999, 5_000)` leaves it recovering and `promote(6_000,
//! 5_000)` makes it `Up { consecutive_failures: 0 }`.
//!
//! ## Task 3: Fail over within a call, in order of preference
//!
//! [`FailoverClient::call`]:
//!
//! - first promote every recovering endpoint whose time has come (the given
//!   `promote_recovered`); since calls prefer the earliest endpoint, traffic then fails back;
//! - then walk the endpoints in order. One that is not up is not sent anything; its reason is
//!   [`EndpointState::not_tried`] (given). One that is up is sent the request, and the outcome
//!   recorded (Task 1); the first success is returned with the endpoint's name.
//! - When no endpoint serves the call, the error lists every endpoint, in order, with its
//!   reason ([`EndpointFailure::Failed`] for those tried).
//!
//! Example: with the primary failing by timeout, a call is sent to `primary` then to
//! `secondary-a`, and returns `Served { endpoint: "secondary-a", .. }`.
//!
//! ## Beyond this exercise
//!
//! Real clients also spread load over the healthy endpoints instead of always preferring the
//! first, retry with backoff across endpoints, and (for databases) must fence the old primary
//! before a standby takes writes, or failover becomes split brain.

use std::fmt;

/// How one request to one endpoint failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallError {
    /// No answer in time.
    Timeout,
    /// Nothing listens at the endpoint.
    ConnectionRefused,
    /// The endpoint answered with an error.
    ServerError,
}

impl fmt::Display for CallError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Timeout => write!(f, "timed out"),
            CallError::ConnectionRefused => write!(f, "connection refused"),
            CallError::ServerError => write!(f, "server error"),
        }
    }
}

impl std::error::Error for CallError {}

/// What the client thinks of an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// Takes traffic.
    Up,
    /// Takes no traffic until a health check finds it healthy again.
    Down,
    /// Healthy again, but not yet for long enough to take traffic.
    Recovering,
}

/// Why an endpoint did not serve a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndpointFailure {
    /// Tried during this call, and it failed.
    Failed(CallError),
    /// Not tried: marked down.
    MarkedDown,
    /// Not tried: healthy again for `healthy_for_ms`, which is not long enough yet.
    Recovering {
        /// How long it has been healthy.
        healthy_for_ms: u64,
    },
}

/// No endpoint served the call: every endpoint with its reason, in order of preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllEndpointsFailed {
    /// Each endpoint's name and why it did not serve the call.
    pub failures: Vec<(String, EndpointFailure)>,
}

impl fmt::Display for AllEndpointsFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no endpoint served the call:")?;
        for (name, failure) in &self.failures {
            write!(f, " {name}: {failure:?};")?;
        }
        Ok(())
    }
}

impl std::error::Error for AllEndpointsFailed {}

/// A successful call: the value and the name of the endpoint that served it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served<T> {
    /// The endpoint that served the call.
    pub endpoint: String,
    /// What it answered.
    pub value: T,
}

/// When to mark an endpoint down, and how long a recovery must last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// Consecutive failed requests after which an endpoint is marked down.
    pub failures_to_mark_down: u32,
    /// How long a recovering endpoint must stay healthy before it takes traffic again.
    pub failback_after_ms: u64,
}

/// Why a client cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// A client needs at least one endpoint.
    NoEndpoints,
    /// `failures_to_mark_down` must be at least 1.
    ZeroFailureThreshold,
    /// The same name was listed twice.
    DuplicateEndpoint(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::NoEndpoints => write!(f, "no endpoints"),
            ConfigError::ZeroFailureThreshold => write!(f, "failures_to_mark_down is 0"),
            ConfigError::DuplicateEndpoint(name) => write!(f, "endpoint {name:?} listed twice"),
        }
    }
}

impl std::error::Error for ConfigError {}

/// What the client remembers about one endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EndpointState {
    /// Takes traffic; `consecutive_failures` requests in a row have failed so far.
    Up {
        /// Failed requests in a row.
        consecutive_failures: u32,
    },
    /// Takes no traffic until a health check finds it healthy again.
    Down,
    /// Healthy on every probe since `since_ms`, not yet for long enough to take traffic.
    Recovering {
        /// When the first healthy probe of this recovery happened.
        since_ms: u64,
    },
}

impl EndpointState {
    /// Records the outcome of one request sent to the endpoint (Task 1).
    pub fn record(&mut self, succeeded: bool, failures_to_mark_down: u32) {
        // An endpoint that is not up was sent nothing: there is nothing to record.
        if let EndpointState::Up {
            consecutive_failures: count,
        } = self
        {
            // Only consecutive failures count: one success shows the endpoint answers.
            *count = if succeeded { 0 } else { *count + 1 };
            if *count >= failures_to_mark_down {
                *self = EndpointState::Down;
            }
        }
    }

    /// Records a health-check probe at `now_ms` (Task 2).
    pub fn probe(&mut self, healthy: bool, now_ms: u64) {
        *self = match (*self, healthy) {
            (EndpointState::Down, true) => EndpointState::Recovering { since_ms: now_ms },
            (EndpointState::Recovering { .. }, false) => EndpointState::Down,
            // A healthy probe keeps the start of a recovery: only a failed probe restarts it.
            (state, _) => state,
        };
    }

    /// Puts a recovering endpoint back up once it has been healthy for `failback_after_ms`
    /// at `now_ms` (Task 2).
    pub fn promote(&mut self, now_ms: u64, failback_after_ms: u64) {
        if let EndpointState::Recovering { since_ms } = *self {
            if now_ms.saturating_sub(since_ms) >= failback_after_ms {
                *self = EndpointState::Up {
                    consecutive_failures: 0,
                };
            }
        }
    }

    /// Why an endpoint in this state is not tried at `now_ms`; `None` when it is up.
    pub fn not_tried(&self, now_ms: u64) -> Option<EndpointFailure> {
        match *self {
            EndpointState::Up { .. } => None,
            EndpointState::Down => Some(EndpointFailure::MarkedDown),
            EndpointState::Recovering { since_ms } => Some(EndpointFailure::Recovering {
                healthy_for_ms: now_ms.saturating_sub(since_ms),
            }),
        }
    }
}

#[derive(Debug)]
struct Endpoint {
    name: String,
    state: EndpointState,
}

/// A client over a primary endpoint and ordered standbys.
#[derive(Debug)]
pub struct FailoverClient {
    /// In order of preference: the primary first.
    endpoints: Vec<Endpoint>,
    config: Config,
}

impl FailoverClient {
    /// A client over `names` (primary first), all of them up.
    pub fn new(names: &[&str], config: Config) -> Result<Self, ConfigError> {
        if names.is_empty() {
            return Err(ConfigError::NoEndpoints);
        }
        if config.failures_to_mark_down == 0 {
            return Err(ConfigError::ZeroFailureThreshold);
        }
        let mut endpoints: Vec<Endpoint> = Vec::with_capacity(names.len());
        for &name in names {
            if endpoints.iter().any(|endpoint| endpoint.name == name) {
                return Err(ConfigError::DuplicateEndpoint(name.to_string()));
            }
            endpoints.push(Endpoint {
                name: name.to_string(),
                state: EndpointState::Up {
                    consecutive_failures: 0,
                },
            });
        }
        Ok(Self { endpoints, config })
    }

    /// The health of endpoint `name` as of the last call or health check.
    pub fn health(&self, name: &str) -> Option<Health> {
        let endpoint = self
            .endpoints
            .iter()
            .find(|endpoint| endpoint.name == name)?;
        Some(match endpoint.state {
            EndpointState::Up { .. } => Health::Up,
            EndpointState::Down => Health::Down,
            EndpointState::Recovering { .. } => Health::Recovering,
        })
    }

    /// Marks up every recovering endpoint that has been healthy for long enough at `now_ms`.
    fn promote_recovered(&mut self, now_ms: u64) {
        for endpoint in &mut self.endpoints {
            endpoint
                .state
                .promote(now_ms, self.config.failback_after_ms);
        }
    }

    /// Sends one request through `send` (given an endpoint's name) to the first endpoint up,
    /// moving on to the next one up after each failure (Task 3).
    pub fn call<T>(
        &mut self,
        now_ms: u64,
        mut send: impl FnMut(&str) -> Result<T, CallError>,
    ) -> Result<Served<T>, AllEndpointsFailed> {
        self.promote_recovered(now_ms);
        let threshold = self.config.failures_to_mark_down;
        let mut failures = Vec::with_capacity(self.endpoints.len());
        for endpoint in &mut self.endpoints {
            // Never send to an endpoint that is not up; say why it was skipped.
            if let Some(reason) = endpoint.state.not_tried(now_ms) {
                failures.push((endpoint.name.clone(), reason));
                continue;
            }
            match send(&endpoint.name) {
                Ok(value) => {
                    endpoint.state.record(true, threshold);
                    let endpoint = endpoint.name.clone();
                    return Ok(Served { endpoint, value });
                }
                Err(error) => {
                    endpoint.state.record(false, threshold);
                    failures.push((endpoint.name.clone(), EndpointFailure::Failed(error)));
                }
            }
        }
        Err(AllEndpointsFailed { failures })
    }

    /// Probes, through `probe` (given an endpoint's name, true when healthy), every endpoint
    /// that is not up, and updates its recovery; endpoints that are up are checked by real
    /// traffic.
    pub fn health_check(&mut self, now_ms: u64, mut probe: impl FnMut(&str) -> bool) {
        self.promote_recovered(now_ms);
        for endpoint in &mut self.endpoints {
            if endpoint.state.not_tried(now_ms).is_some() {
                let healthy = probe(&endpoint.name);
                endpoint.state.probe(healthy, now_ms);
            }
        }
    }
}

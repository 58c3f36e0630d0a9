//! Failover: a client over a primary endpoint and ordered secondaries.
//!
//! Endpoints are listed in order of preference: the first is the primary, the rest are standbys
//! in the order they should take over. A call goes to the first endpoint that is up; if that
//! endpoint fails, the same call moves on to the next one that is up, and so on.
//!
//! Rules (times are milliseconds on a clock the caller passes in):
//! - an endpoint is marked down after `failures_to_mark_down` consecutive failed requests; a
//!   success resets its count. A call never sends to an endpoint that is not up.
//! - `health_check` probes every endpoint that is not up (endpoints that are up are checked by
//!   real traffic). A healthy probe of a down endpoint starts its recovery at that time; an
//!   unhealthy probe of a recovering endpoint marks it down again. Other probes change nothing.
//! - a recovering endpoint is up again once it has been healthy for `failback_after_ms`
//!   (at or past `since + failback_after_ms`), with a fresh failure count. Since calls prefer
//!   the earliest endpoint, traffic then fails back to it. Waiting guards against an endpoint
//!   that flaps: healthy for a moment, down again.
//! - when no endpoint serves a call, the error lists every endpoint, in order, with the reason.
//!
//! Implement `promote_recovered`, `call` and `health_check`.
//!
//! ## Task 1: A client over a primary endpoint and ordered secondaries.

/// How one request to one endpoint failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallError {
    Timeout,
    ConnectionRefused,
    ServerError,
}

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
    Recovering { healthy_for_ms: u64 },
}

/// No endpoint served the call: every endpoint with its reason, in order of preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllEndpointsFailed {
    pub failures: Vec<(String, EndpointFailure)>,
}

/// A successful call: the value and the name of the endpoint that served it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served<T> {
    pub endpoint: String,
    pub value: T,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// Consecutive failed requests after which an endpoint is marked down.
    pub failures_to_mark_down: u32,
    /// How long a recovering endpoint must stay healthy before it takes traffic again.
    pub failback_after_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    NoEndpoints,
    ZeroFailureThreshold,
    DuplicateEndpoint(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Up { consecutive_failures: u32 },
    Down,
    Recovering { since_ms: u64 },
}

#[derive(Debug)]
struct Endpoint {
    name: String,
    status: Status,
}

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
                status: Status::Up {
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
        Some(match endpoint.status {
            Status::Up { .. } => Health::Up,
            Status::Down => Health::Down,
            Status::Recovering { .. } => Health::Recovering,
        })
    }

    /// Marks up every recovering endpoint that has been healthy for long enough at `now_ms`.
    fn promote_recovered(&mut self, now_ms: u64) {
        let hold = self.config.failback_after_ms;
        for endpoint in &mut self.endpoints {
            if let Status::Recovering { since_ms } = endpoint.status {
                if now_ms.saturating_sub(since_ms) >= hold {
                    endpoint.status = Status::Up {
                        consecutive_failures: 0,
                    };
                }
            }
        }
    }

    /// Sends one request through `send` (given an endpoint's name) to the first endpoint up,
    /// moving on to the next one up after each failure.
    pub fn call<T>(
        &mut self,
        now_ms: u64,
        mut send: impl FnMut(&str) -> Result<T, CallError>,
    ) -> Result<Served<T>, AllEndpointsFailed> {
        self.promote_recovered(now_ms);
        let threshold = self.config.failures_to_mark_down;
        let mut failures = Vec::with_capacity(self.endpoints.len());
        for endpoint in &mut self.endpoints {
            let failure = match endpoint.status {
                Status::Up {
                    consecutive_failures,
                } => match send(&endpoint.name) {
                    Ok(value) => {
                        endpoint.status = Status::Up {
                            consecutive_failures: 0,
                        };
                        return Ok(Served {
                            endpoint: endpoint.name.clone(),
                            value,
                        });
                    }
                    Err(error) => {
                        let consecutive_failures = consecutive_failures + 1;
                        endpoint.status = if consecutive_failures >= threshold {
                            Status::Down
                        } else {
                            Status::Up {
                                consecutive_failures,
                            }
                        };
                        EndpointFailure::Failed(error)
                    }
                },
                Status::Down => EndpointFailure::MarkedDown,
                Status::Recovering { since_ms } => EndpointFailure::Recovering {
                    healthy_for_ms: now_ms.saturating_sub(since_ms),
                },
            };
            failures.push((endpoint.name.clone(), failure));
        }
        Err(AllEndpointsFailed { failures })
    }

    /// Probes, through `probe` (given an endpoint's name, true when healthy), every endpoint
    /// that is not up, and updates its recovery.
    pub fn health_check(&mut self, now_ms: u64, mut probe: impl FnMut(&str) -> bool) {
        self.promote_recovered(now_ms);
        for endpoint in &mut self.endpoints {
            if matches!(endpoint.status, Status::Up { .. }) {
                continue;
            }
            let healthy = probe(&endpoint.name);
            endpoint.status = match (endpoint.status, healthy) {
                (Status::Down, true) => Status::Recovering { since_ms: now_ms },
                (Status::Recovering { .. }, false) => Status::Down,
                // A healthy probe keeps the start of a recovery: the endpoint must have been
                // healthy all along, so only a failed probe restarts the wait.
                (status, _) => status,
            };
        }
    }
}

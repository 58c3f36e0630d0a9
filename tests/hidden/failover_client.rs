use std::collections::HashMap;

use failover_client::{
    AllEndpointsFailed, CallError, Config, ConfigError, EndpointFailure, EndpointState,
    FailoverClient, Health, Served,
};

fn up(consecutive_failures: u32) -> EndpointState {
    EndpointState::Up {
        consecutive_failures,
    }
}

fn recovering(since_ms: u64) -> EndpointState {
    EndpointState::Recovering { since_ms }
}

fn recorded(mut state: EndpointState, succeeded: bool, threshold: u32) -> EndpointState {
    state.record(succeeded, threshold);
    state
}

fn probed(mut state: EndpointState, healthy: bool, now_ms: u64) -> EndpointState {
    state.probe(healthy, now_ms);
    state
}

fn promoted(mut state: EndpointState, now_ms: u64, failback_after_ms: u64) -> EndpointState {
    state.promote(now_ms, failback_after_ms);
    state
}

const NAMES: [&str; 3] = ["primary", "secondary-a", "secondary-b"];
const CONFIG: Config = Config {
    failures_to_mark_down: 3,
    failback_after_ms: 5_000,
};

/// In-memory endpoints: each one answers unless it has been told to fail.
#[derive(Default)]
struct Net {
    failing: HashMap<String, CallError>,
    sent: Vec<String>,
}

impl Net {
    fn send(&mut self, name: &str) -> Result<String, CallError> {
        self.sent.push(name.to_string());
        match self.failing.get(name) {
            Some(error) => Err(*error),
            None => Ok(format!("hello from {name}")),
        }
    }

    fn fail(&mut self, name: &str, error: CallError) {
        self.failing.insert(name.to_string(), error);
    }

    fn heal(&mut self, name: &str) {
        self.failing.remove(name);
    }

    fn take_sent(&mut self) -> Vec<String> {
        std::mem::take(&mut self.sent)
    }
}

fn client() -> FailoverClient {
    FailoverClient::new(&NAMES, CONFIG).expect("three distinct endpoints and a threshold of 3")
}

fn call(
    client: &mut FailoverClient,
    net: &mut Net,
    now_ms: u64,
) -> Result<String, AllEndpointsFailed> {
    client
        .call(now_ms, |name| net.send(name))
        .map(|served| served.endpoint)
}

/// Fails the primary three times in a row so that it is marked down.
fn take_primary_down(client: &mut FailoverClient, net: &mut Net) {
    net.fail("primary", CallError::ConnectionRefused);
    for t in 0..3 {
        call(client, net, t).expect("the secondaries are healthy");
    }
    assert_eq!(
        client.health("primary"),
        Some(Health::Down),
        "three consecutive failures with a threshold of 3 mark the primary down"
    );
    net.take_sent();
}

// Task 1: Mark an endpoint down after consecutive failures
#[test]
fn failures_are_counted_until_the_threshold_marks_the_endpoint_down() {
    assert_eq!(
        recorded(up(0), false, 3),
        up(1),
        "a first failure of an endpoint that is up counts 1"
    );
    assert_eq!(
        recorded(up(1), false, 3),
        up(2),
        "a second failure in a row counts 2, still below the threshold of 3"
    );
    assert_eq!(
        recorded(up(2), false, 3),
        EndpointState::Down,
        "the third failure in a row reaches the threshold of 3: the endpoint is down"
    );
    assert_eq!(
        recorded(up(0), false, 1),
        EndpointState::Down,
        "with a threshold of 1 the first failure marks the endpoint down"
    );
}

#[test]
fn a_success_resets_the_count_of_an_endpoint_that_is_up() {
    assert_eq!(
        recorded(up(2), true, 3),
        up(0),
        "a success resets 2 consecutive failures to 0: only failures in a row count"
    );
    assert_eq!(
        recorded(up(0), true, 3),
        up(0),
        "a success of a healthy endpoint leaves its count at 0"
    );
}

#[test]
fn outcomes_change_nothing_for_an_endpoint_that_is_not_up() {
    for state in [EndpointState::Down, recovering(1_000)] {
        for succeeded in [true, false] {
            assert_eq!(
                recorded(state, succeeded, 1),
                state,
                "an endpoint that is not up was sent nothing: recording an outcome leaves \
                 {state:?} as it was"
            );
        }
    }
}

#[test]
fn errors_read_as_their_cause() {
    assert_eq!(
        CallError::Timeout.to_string(),
        "timed out",
        "a timeout reads as such"
    );
    let all = AllEndpointsFailed {
        failures: vec![
            ("primary".to_string(), EndpointFailure::MarkedDown),
            (
                "secondary".to_string(),
                EndpointFailure::Failed(CallError::ServerError),
            ),
        ],
    }
    .to_string();
    assert!(
        all.contains("primary") && all.contains("secondary"),
        "the error names every endpoint, got {all:?}"
    );
    assert!(
        ConfigError::DuplicateEndpoint("db".to_string())
            .to_string()
            .contains("db"),
        "a duplicate endpoint is named"
    );
    assert_ne!(
        ConfigError::NoEndpoints.to_string(),
        ConfigError::ZeroFailureThreshold.to_string(),
        "the configuration errors read differently"
    );
}

// Task 2: Recover only after staying healthy for the hold-down time
#[test]
fn a_healthy_probe_of_a_down_endpoint_starts_its_recovery_then() {
    assert_eq!(
        probed(EndpointState::Down, true, 1_000),
        recovering(1_000),
        "a down endpoint found healthy at 1000 ms is recovering since 1000 ms"
    );
    assert_eq!(
        probed(EndpointState::Down, false, 1_000),
        EndpointState::Down,
        "a down endpoint found unhealthy stays down"
    );
}

#[test]
fn an_unhealthy_probe_during_recovery_marks_the_endpoint_down_again() {
    assert_eq!(
        probed(recovering(1_000), false, 3_000),
        EndpointState::Down,
        "a recovering endpoint found unhealthy is down again: it was flapping"
    );
}

#[test]
fn a_healthy_probe_during_recovery_keeps_its_start() {
    assert_eq!(
        probed(recovering(1_000), true, 3_000),
        recovering(1_000),
        "healthy again at 3000 ms, the endpoint has been healthy since 1000 ms: the start stays"
    );
}

#[test]
fn probes_change_nothing_for_an_endpoint_that_is_up() {
    for healthy in [true, false] {
        assert_eq!(
            probed(up(2), healthy, 3_000),
            up(2),
            "an endpoint that is up is checked by real traffic: a probe leaves it as it was"
        );
    }
}

#[test]
fn a_recovering_endpoint_is_up_from_exactly_the_end_of_its_hold_down() {
    assert_eq!(
        promoted(recovering(1_000), 5_999, 5_000),
        recovering(1_000),
        "healthy since 1000 ms, at 5999 ms it has been healthy 4999 ms: not yet 5000"
    );
    assert_eq!(
        promoted(recovering(1_000), 6_000, 5_000),
        up(0),
        "at 6000 ms = 1000 + 5000 it is up again, with a fresh failure count"
    );
    assert_eq!(
        promoted(recovering(1_000), 60_000, 5_000),
        up(0),
        "long after the hold-down it is up as well"
    );
    assert_eq!(
        promoted(recovering(1_000), 500, 5_000),
        recovering(1_000),
        "a clock reading before the recovery started is not a long recovery"
    );
}

#[test]
fn only_recovering_endpoints_are_promoted() {
    assert_eq!(
        promoted(EndpointState::Down, 60_000, 0),
        EndpointState::Down,
        "a down endpoint stays down until a probe finds it healthy"
    );
    assert_eq!(
        promoted(up(2), 60_000, 0),
        up(2),
        "an endpoint that is up keeps its failure count"
    );
}

// Task 3: Fail over within a call, in order of preference
#[test]
fn the_primary_serves_every_call_while_it_is_healthy() {
    let mut c = client();
    let mut net = Net::default();
    for t in 0..3 {
        assert_eq!(
            c.call(t, |name| net.send(name)),
            Ok(Served {
                endpoint: "primary".to_string(),
                value: "hello from primary".to_string()
            }),
            "a healthy primary serves the call, and the value it returned is handed back"
        );
    }
    assert_eq!(
        net.sent, ["primary"; 3],
        "no request may go to a standby while the primary works"
    );
}

#[test]
fn a_failed_request_moves_the_call_on_to_the_next_endpoint() {
    let mut c = client();
    let mut net = Net::default();
    net.fail("primary", CallError::Timeout);
    assert_eq!(
        call(&mut c, &mut net, 0).as_deref(),
        Ok("secondary-a"),
        "when the primary fails, the same call is served by the first secondary"
    );
    assert_eq!(
        net.sent,
        ["primary", "secondary-a"],
        "the primary is tried first, then secondary-a"
    );
    assert_eq!(
        c.health("primary"),
        Some(Health::Up),
        "one failure is below the threshold of 3: the primary stays up"
    );
}

#[test]
fn an_endpoint_is_marked_down_after_the_failure_threshold() {
    let mut c = client();
    let mut net = Net::default();
    net.fail("primary", CallError::ServerError);
    call(&mut c, &mut net, 0).expect("a standby is still up, so the call must be served");
    call(&mut c, &mut net, 1).expect("a standby is still up, so the call must be served");
    assert_eq!(
        c.health("primary"),
        Some(Health::Up),
        "two consecutive failures are below the threshold of 3"
    );
    call(&mut c, &mut net, 2).expect("a standby is still up, so the call must be served");
    assert_eq!(
        c.health("primary"),
        Some(Health::Down),
        "the third consecutive failure marks it down"
    );
    net.take_sent();
    net.heal("primary");
    assert_eq!(
        call(&mut c, &mut net, 3).as_deref(),
        Ok("secondary-a"),
        "traffic goes to secondary-a"
    );
    assert_eq!(
        net.sent,
        ["secondary-a"],
        "a call must not send to an endpoint marked down, even one that would answer now"
    );
}

#[test]
fn a_success_resets_the_consecutive_failure_count() {
    let mut c = client();
    let mut net = Net::default();
    net.fail("primary", CallError::Timeout);
    call(&mut c, &mut net, 0).expect("a standby is still up, so the call must be served");
    call(&mut c, &mut net, 1).expect("a standby is still up, so the call must be served");
    net.heal("primary");
    assert_eq!(
        call(&mut c, &mut net, 2).as_deref(),
        Ok("primary"),
        "the primary answers again"
    );
    net.fail("primary", CallError::Timeout);
    call(&mut c, &mut net, 3).expect("a standby is still up, so the call must be served");
    call(&mut c, &mut net, 4).expect("a standby is still up, so the call must be served");
    assert_eq!(
        c.health("primary"),
        Some(Health::Up),
        "fail, fail, success, fail, fail: never 3 failures in a row, so the primary stays up"
    );
}

#[test]
fn down_endpoints_are_skipped_in_order_of_preference() {
    let mut c = client();
    let mut net = Net::default();
    net.fail("primary", CallError::ConnectionRefused);
    net.fail("secondary-a", CallError::ConnectionRefused);
    for t in 0..3 {
        assert_eq!(
            call(&mut c, &mut net, t).as_deref(),
            Ok("secondary-b"),
            "with the primary and secondary-a failing, secondary-b serves"
        );
    }
    assert_eq!(
        c.health("secondary-a"),
        Some(Health::Down),
        "secondary-a failed 3 times in a row"
    );
    net.take_sent();
    call(&mut c, &mut net, 3).expect("a standby is still up, so the call must be served");
    assert_eq!(
        net.sent,
        ["secondary-b"],
        "both endpoints marked down are skipped without a request"
    );
}

#[test]
fn a_healthy_check_starts_a_recovery_and_traffic_fails_back_after_the_wait() {
    let mut c = client();
    let mut net = Net::default();
    take_primary_down(&mut c, &mut net);
    net.heal("primary");
    c.health_check(1_000, |_| true);
    assert_eq!(
        c.health("primary"),
        Some(Health::Recovering),
        "a healthy probe of a down endpoint starts its recovery"
    );
    assert_eq!(
        call(&mut c, &mut net, 5_999).as_deref(),
        Ok("secondary-a"),
        "at 5999 ms the primary has been healthy for 4999 ms, less than the 5000 ms wait"
    );
    assert_eq!(
        c.health("primary"),
        Some(Health::Recovering),
        "the primary is still recovering"
    );
    assert_eq!(
        call(&mut c, &mut net, 6_000).as_deref(),
        Ok("primary"),
        "at 6000 ms the primary has been healthy for exactly 5000 ms: traffic fails back"
    );
    assert_eq!(
        c.health("primary"),
        Some(Health::Up),
        "after failing back the primary is up"
    );
}

#[test]
fn a_failed_check_during_recovery_restarts_the_wait() {
    let mut c = client();
    let mut net = Net::default();
    take_primary_down(&mut c, &mut net);
    net.heal("primary");
    c.health_check(1_000, |_| true);
    c.health_check(3_000, |_| false);
    assert_eq!(
        c.health("primary"),
        Some(Health::Down),
        "an unhealthy probe during recovery marks the endpoint down again"
    );
    c.health_check(4_000, |_| true);
    assert_eq!(
        call(&mut c, &mut net, 8_999).as_deref(),
        Ok("secondary-a"),
        "the wait restarted at 4000 ms, so at 8999 ms the primary must not take traffic yet"
    );
    assert_eq!(
        call(&mut c, &mut net, 9_000).as_deref(),
        Ok("primary"),
        "5000 ms after the new start at 4000 ms, traffic fails back to the primary"
    );
}

#[test]
fn repeated_healthy_checks_do_not_restart_the_wait() {
    let mut c = client();
    let mut net = Net::default();
    take_primary_down(&mut c, &mut net);
    net.heal("primary");
    for t in [1_000, 2_000, 3_000, 4_000, 5_000] {
        c.health_check(t, |_| true);
    }
    assert_eq!(
        call(&mut c, &mut net, 6_000).as_deref(),
        Ok("primary"),
        "healthy since the first probe at 1000 ms: later healthy probes must not move that start"
    );
}

#[test]
fn a_failed_back_primary_starts_with_a_fresh_failure_count() {
    let mut c = client();
    let mut net = Net::default();
    take_primary_down(&mut c, &mut net);
    c.health_check(1_000, |_| true);
    net.fail("primary", CallError::Timeout);
    assert_eq!(
        call(&mut c, &mut net, 6_000).as_deref(),
        Ok("secondary-a"),
        "the primary takes the call again at 6000 ms but fails it, so secondary-a serves"
    );
    call(&mut c, &mut net, 6_001).expect("a standby is still up, so the call must be served");
    assert_eq!(
        net.take_sent(),
        ["primary", "secondary-a", "primary", "secondary-a"],
        "after failing back, the primary is tried first on every call"
    );
    assert_eq!(
        c.health("primary"),
        Some(Health::Up),
        "the failures from before the outage are forgotten: two new ones are below the threshold"
    );
}

#[test]
fn a_health_check_can_complete_the_failback() {
    let mut c = client();
    let mut net = Net::default();
    take_primary_down(&mut c, &mut net);
    c.health_check(1_000, |_| true);
    let mut probed = Vec::new();
    c.health_check(6_000, |name| {
        probed.push(name.to_string());
        true
    });
    assert_eq!(
        c.health("primary"),
        Some(Health::Up),
        "at 6000 ms the primary has waited its 5000 ms: the health check marks it up"
    );
    assert!(
        probed.is_empty(),
        "an endpoint that is up is checked by real traffic, not probed"
    );
}

#[test]
fn health_checks_probe_only_endpoints_that_are_not_up() {
    let mut c = client();
    let mut net = Net::default();
    net.fail("primary", CallError::Timeout);
    net.fail("secondary-b", CallError::Timeout);
    for t in 0..3 {
        call(&mut c, &mut net, t).expect("a standby is still up, so the call must be served");
    }
    let mut probed = Vec::new();
    c.health_check(100, |name| {
        probed.push(name.to_string());
        false
    });
    assert_eq!(
        probed,
        ["primary"],
        "only the primary is down; secondary-b was never tried because secondary-a served"
    );
    assert_eq!(
        c.health("primary"),
        Some(Health::Down),
        "an unhealthy probe leaves it down"
    );
    assert_eq!(
        c.health("secondary-a"),
        Some(Health::Up),
        "secondary-a was never probed"
    );
}

#[test]
fn when_every_endpoint_fails_the_error_names_each_reason_in_order() {
    let mut c = client();
    let mut net = Net::default();
    net.fail("primary", CallError::ConnectionRefused);
    net.fail("secondary-a", CallError::ConnectionRefused);
    for t in 0..3 {
        call(&mut c, &mut net, t).expect("a standby is still up, so the call must be served");
    }
    c.health_check(1_000, |name| name == "secondary-a");
    net.fail("secondary-b", CallError::Timeout);
    net.take_sent();
    assert_eq!(
        call(&mut c, &mut net, 1_500),
        Err(AllEndpointsFailed {
            failures: vec![
                ("primary".to_string(), EndpointFailure::MarkedDown),
                (
                    "secondary-a".to_string(),
                    EndpointFailure::Recovering {
                        healthy_for_ms: 500
                    }
                ),
                (
                    "secondary-b".to_string(),
                    EndpointFailure::Failed(CallError::Timeout)
                ),
            ]
        }),
        "the error lists every endpoint in order: the primary is down, secondary-a has been \
         healthy for 500 ms only, secondary-b was tried and timed out"
    );
    assert_eq!(
        net.sent,
        ["secondary-b"],
        "only the endpoint that is up is tried"
    );
}

#[test]
fn configurations_that_cannot_work_are_refused() {
    assert_eq!(
        FailoverClient::new(&[], CONFIG).err(),
        Some(ConfigError::NoEndpoints),
        "a failover client needs at least one endpoint"
    );
    let zero = Config {
        failures_to_mark_down: 0,
        ..CONFIG
    };
    assert_eq!(
        FailoverClient::new(&NAMES, zero).err(),
        Some(ConfigError::ZeroFailureThreshold),
        "a threshold of 0 would mark endpoints down before any failure"
    );
    assert_eq!(
        FailoverClient::new(&["db-1", "db-2", "db-1"], CONFIG).err(),
        Some(ConfigError::DuplicateEndpoint("db-1".to_string())),
        "each endpoint must be listed once, or its health would be ambiguous"
    );
    assert_eq!(
        client().health("nowhere"),
        None,
        "an unknown endpoint has no health"
    );
}

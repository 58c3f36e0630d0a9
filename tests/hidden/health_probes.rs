use health_probes::{
    admit, liveness_ok, readiness_ok, AppState, ProbeConfig, ProbeConfigError, ProbeKind,
    ProbeTracker,
};

const HEALTHY: AppState = AppState {
    event_loop_responsive: true,
    cache_warmed_up: true,
    database_reachable: true,
};

fn probe(kind: ProbeKind, success_threshold: u32, failure_threshold: u32) -> ProbeConfig {
    ProbeConfig {
        kind,
        period_seconds: 10,
        success_threshold,
        failure_threshold,
    }
}

fn states(tracker: &mut ProbeTracker, results: &[bool]) -> Vec<bool> {
    results.iter().map(|&r| tracker.record(r)).collect()
}

// Task 1: Keep the database out of the liveness check
#[test]
fn a_database_outage_does_not_fail_liveness() {
    let db_down = AppState {
        database_reachable: false,
        ..HEALTHY
    };
    assert!(
        liveness_ok(&db_down),
        "with the database down the process itself is fine: liveness must pass, or the kubelet \
         restarts every replica at once and the outage becomes a crash loop"
    );
    assert!(
        !readiness_ok(&db_down),
        "a replica that cannot reach its database cannot serve: readiness must fail, so that \
         it is taken out of the Service's endpoints"
    );
}

#[test]
fn a_cold_cache_is_not_ready_but_alive() {
    let cold = AppState {
        cache_warmed_up: false,
        ..HEALTHY
    };
    assert!(
        liveness_ok(&cold),
        "a replica still warming its cache is not stuck: restarting it would only start the \
         warm-up again, so liveness passes"
    );
    assert!(
        !readiness_ok(&cold),
        "a replica still warming its cache must not receive traffic yet: readiness fails"
    );
}

#[test]
fn a_stuck_event_loop_fails_both_probes() {
    let stuck = AppState {
        event_loop_responsive: false,
        ..HEALTHY
    };
    assert!(
        !liveness_ok(&stuck),
        "a deadlocked process can only be fixed by a restart: liveness fails"
    );
    assert!(
        !readiness_ok(&stuck),
        "a deadlocked process cannot serve either: readiness fails"
    );
    let stuck_and_cut_off = AppState {
        event_loop_responsive: false,
        cache_warmed_up: false,
        database_reachable: false,
    };
    assert!(
        !liveness_ok(&stuck_and_cut_off),
        "a deadlocked process fails liveness whatever else is wrong"
    );
}

#[test]
fn a_healthy_replica_passes_both_probes() {
    assert!(liveness_ok(&HEALTHY), "a healthy replica is live");
    assert!(readiness_ok(&HEALTHY), "a healthy replica is ready");
    let db_down_and_cold = AppState {
        cache_warmed_up: false,
        database_reachable: false,
        ..HEALTHY
    };
    assert!(
        liveness_ok(&db_down_and_cold),
        "liveness depends on the event loop alone, not on the cache or the database"
    );
}

// Task 2: Fill in the defaults, then refuse what Kubernetes refuses
#[test]
fn liveness_and_startup_need_a_success_threshold_of_one() {
    for kind in [ProbeKind::Liveness, ProbeKind::Startup] {
        assert_eq!(
            admit(&probe(kind, 3, 3)),
            Err(ProbeConfigError::SuccessThresholdMustBeOne { kind, given: 3 }),
            "Kubernetes refuses a {kind:?} probe with successThreshold 3: it must be 1"
        );
        assert_eq!(
            admit(&probe(kind, 1, 3)),
            Ok(probe(kind, 1, 3)),
            "a {kind:?} probe with successThreshold 1 and failureThreshold 3 is admitted as it is"
        );
    }
    assert_eq!(
        admit(&probe(ProbeKind::Readiness, 3, 3)),
        Ok(probe(ProbeKind::Readiness, 3, 3)),
        "a readiness probe may ask for 3 successes in a row before the Pod is Ready again"
    );
}

#[test]
fn settings_left_at_zero_take_the_defaults() {
    let unset = ProbeConfig {
        kind: ProbeKind::Readiness,
        period_seconds: 0,
        success_threshold: 0,
        failure_threshold: 0,
    };
    assert_eq!(
        admit(&unset),
        Ok(ProbeConfig {
            kind: ProbeKind::Readiness,
            period_seconds: 10,
            success_threshold: 1,
            failure_threshold: 3,
        }),
        "settings not given (0) take the Kubernetes defaults: every 10 s, 1 success, 3 failures"
    );
    let only_period = ProbeConfig {
        period_seconds: 0,
        ..probe(ProbeKind::Liveness, 1, 5)
    };
    assert_eq!(
        admit(&only_period),
        Ok(ProbeConfig {
            period_seconds: 10,
            ..probe(ProbeKind::Liveness, 1, 5)
        }),
        "only the setting left at 0 takes its default; failureThreshold 5 is kept"
    );
}

#[test]
fn given_settings_are_kept() {
    let custom = ProbeConfig {
        kind: ProbeKind::Readiness,
        period_seconds: 1,
        success_threshold: 2,
        failure_threshold: 1,
    };
    assert_eq!(
        admit(&custom),
        Ok(custom),
        "a period of 1 s, successThreshold 2 and failureThreshold 1 are valid and kept as given"
    );
}

#[test]
fn a_liveness_success_threshold_left_at_zero_is_the_default_one() {
    for kind in [ProbeKind::Liveness, ProbeKind::Startup] {
        assert_eq!(
            admit(&probe(kind, 0, 3)),
            Ok(probe(kind, 1, 3)),
            "a {kind:?} probe without successThreshold gets the default 1, which is allowed: \
             the defaults are filled in before the check"
        );
    }
}

#[test]
fn an_invalid_probe_gets_no_tracker() {
    assert_eq!(
        ProbeTracker::new(probe(ProbeKind::Liveness, 2, 3)).err(),
        Some(ProbeConfigError::SuccessThresholdMustBeOne {
            kind: ProbeKind::Liveness,
            given: 2
        }),
        "a tracker is only built for settings that are admitted"
    );
}

#[test]
fn the_refusal_names_the_setting_and_the_value() {
    let message = ProbeConfigError::SuccessThresholdMustBeOne {
        kind: ProbeKind::Liveness,
        given: 3,
    }
    .to_string();
    assert!(
        message.contains("successThreshold") && message.contains('3'),
        "the refusal must name the setting and the value given, so that whoever wrote the \
         manifest can fix it; it was {message:?}"
    );
}

// Task 3: Change state only after enough results in a row
#[test]
fn liveness_starts_passing_and_readiness_starts_failing() {
    let liveness = ProbeTracker::new(probe(ProbeKind::Liveness, 1, 3)).unwrap();
    assert!(
        liveness.passing(),
        "a new container is assumed alive until its liveness probe fails"
    );
    for kind in [ProbeKind::Readiness, ProbeKind::Startup] {
        let tracker = ProbeTracker::new(probe(kind, 1, 3)).unwrap();
        assert!(
            !tracker.passing(),
            "a new container's {kind:?} probe starts failing: no traffic until it passes"
        );
    }
}

#[test]
fn failures_must_come_in_a_row_to_fail_the_probe() {
    let mut liveness = ProbeTracker::new(probe(ProbeKind::Liveness, 1, 3)).unwrap();
    assert_eq!(
        states(&mut liveness, &[false, false, true, false, false]),
        vec![true; 5],
        "failureThreshold 3 counts consecutive failures: a success in between starts the count \
         again, so two failures, a success and two failures never restart the container"
    );
    assert!(
        !liveness.record(false),
        "the third failure in a row reaches failureThreshold 3: the probe fails"
    );
}

#[test]
fn the_threshold_is_reached_on_the_nth_result_not_after_it() {
    let mut liveness = ProbeTracker::new(probe(ProbeKind::Liveness, 1, 3)).unwrap();
    assert_eq!(
        states(&mut liveness, &[false, false, false]),
        vec![true, true, false],
        "with failureThreshold 3 the state turns failing on the 3rd failure in a row, not the \
         2nd nor the 4th"
    );
    let mut strict = ProbeTracker::new(probe(ProbeKind::Liveness, 1, 1)).unwrap();
    assert!(
        !strict.record(false),
        "with failureThreshold 1 a single failure fails the probe"
    );
}

#[test]
fn readiness_needs_its_success_threshold_in_a_row() {
    let mut readiness = ProbeTracker::new(probe(ProbeKind::Readiness, 2, 3)).unwrap();
    assert_eq!(
        states(
            &mut readiness,
            &[true, true, false, false, true, false, false, false]
        ),
        vec![false, true, true, true, true, true, true, false],
        "the worked example: 2 passes make it Ready, 2 failures are not enough, a pass restarts \
         the failure count, and only 3 failures in a row take it out of rotation"
    );
    assert_eq!(
        states(&mut readiness, &[true, false, true, true]),
        vec![false, false, false, true],
        "once failing, a pass then a failure does not bring it back: it takes 2 passes in a row"
    );
}

#[test]
fn a_passing_probe_stays_passing_on_success() {
    let mut readiness = ProbeTracker::new(probe(ProbeKind::Readiness, 1, 2)).unwrap();
    assert_eq!(
        states(
            &mut readiness,
            &[true, true, true, false, true, false, false]
        ),
        vec![true, true, true, true, true, true, false],
        "with successThreshold 1 the first pass makes it Ready; more passes keep it so, and it \
         takes 2 failures in a row (failureThreshold 2) to fail it"
    );
}

#[test]
fn a_tracker_uses_the_default_thresholds() {
    let mut liveness = ProbeTracker::new(ProbeConfig {
        kind: ProbeKind::Liveness,
        period_seconds: 0,
        success_threshold: 0,
        failure_threshold: 0,
    })
    .unwrap();
    assert_eq!(
        states(&mut liveness, &[false, false, false]),
        vec![true, true, false],
        "a liveness probe without thresholds gets the default failureThreshold 3: the third \
         failure in a row fails it, not the first"
    );
}

#[test]
fn detection_takes_failure_threshold_periods() {
    let startup = ProbeConfig {
        period_seconds: 10,
        ..probe(ProbeKind::Startup, 1, 30)
    };
    assert_eq!(
        startup.detection_seconds(),
        300,
        "a startup probe of failureThreshold 30 every 10 s gives the application 300 s to start"
    );
    let defaults = probe(ProbeKind::Liveness, 1, 3);
    assert_eq!(
        defaults.detection_seconds(),
        30,
        "with the defaults (every 10 s, failureThreshold 3) a stuck process is detected within \
         30 s"
    );
    let huge = ProbeConfig {
        period_seconds: u32::MAX,
        ..probe(ProbeKind::Liveness, 1, u32::MAX)
    };
    assert_eq!(
        huge.detection_seconds(),
        u64::from(u32::MAX) * u64::from(u32::MAX),
        "the product is computed in u64, without overflowing"
    );
}

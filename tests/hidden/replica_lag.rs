use replica_lag::{lag, route_read, Fallback, Lag, Primary, Replica, Route};

fn primary(position: u64, committed_at_ms: u64) -> Primary {
    Primary {
        position,
        committed_at_ms,
    }
}

fn replica(name: &str, healthy: bool, position: u64, committed_at_ms: u64) -> Replica {
    Replica {
        name: name.to_string(),
        healthy,
        applied_position: position,
        applied_committed_at_ms: committed_at_ms,
    }
}

fn lag_of(millis: u64, transactions: u64) -> Lag {
    Lag {
        millis,
        transactions,
    }
}

fn to_replica(name: &str, millis: u64, transactions: u64) -> Route {
    Route::Replica {
        name: name.to_string(),
        lag: lag_of(millis, transactions),
    }
}

// Task 1: Measure a replica's lag in time and in transactions
#[test]
fn lag_is_the_primary_minus_the_replica_in_time_and_transactions() {
    let p = primary(1_000, 50_000);
    let r = replica("db-2", true, 940, 47_500);
    assert_eq!(
        lag(&p, &r),
        lag_of(2_500, 60),
        "primary at position 1000 committed at 50000 ms, replica at 940 committed at 47500 ms: \
         the replica trails by 2500 ms and 60 transactions"
    );
}

#[test]
fn a_caught_up_replica_has_no_lag() {
    let p = primary(1_000, 50_000);
    let r = replica("db-2", true, 1_000, 50_000);
    assert_eq!(
        lag(&p, &r),
        lag_of(0, 0),
        "a replica that applied the primary's newest transaction has no lag"
    );
}

#[test]
fn a_replica_reported_ahead_of_the_primary_counts_as_no_lag() {
    let p = primary(1_000, 50_000);
    assert_eq!(
        lag(&p, &replica("db-2", true, 1_003, 50_020)),
        lag_of(0, 0),
        "a replica report newer than the primary's report means no lag: clamp at zero, \
         never underflow"
    );
    assert_eq!(
        lag(&p, &replica("db-3", true, 990, 50_020)),
        lag_of(0, 10),
        "each part of the lag is clamped on its own: ahead in time (0 ms) but 10 transactions behind"
    );
    assert_eq!(
        lag(&p, &replica("db-4", true, 1_003, 49_000)),
        lag_of(1_000, 0),
        "each part of the lag is clamped on its own: 1000 ms behind but ahead in position (0)"
    );
}

// Task 2: Route a read to the freshest healthy replica within the bound
#[test]
fn the_least_lagged_healthy_replica_serves_the_read() {
    let p = primary(500, 10_000);
    let replicas = [
        replica("db-1", true, 480, 9_000),
        replica("db-2", true, 498, 9_900),
        replica("db-3", true, 490, 9_500),
    ];
    assert_eq!(
        route_read(&p, &replicas, 2_000),
        to_replica("db-2", 100, 2),
        "db-2 trails by 100 ms, less than db-3 (500 ms) and db-1 (1000 ms): it must serve the read"
    );
}

#[test]
fn a_lag_exactly_at_the_bound_is_fresh_enough() {
    let p = primary(500, 10_000);
    let replicas = [replica("db-1", true, 480, 9_000)];
    assert_eq!(
        route_read(&p, &replicas, 1_000),
        to_replica("db-1", 1_000, 20),
        "a replica 1000 ms behind is within a 1000 ms staleness bound (the bound is inclusive)"
    );
    assert_eq!(
        route_read(&p, &replicas, 999),
        Route::Primary(Fallback::AllTooStale {
            least: lag_of(1_000, 20)
        }),
        "a replica 1000 ms behind is over a 999 ms bound: the read goes to the primary"
    );
}

#[test]
fn the_bound_is_on_milliseconds_not_transactions() {
    let p = primary(10_000, 10_000);
    let replicas = [replica("db-1", true, 9_000, 9_990)];
    assert_eq!(
        route_read(&p, &replicas, 50),
        to_replica("db-1", 10, 1_000),
        "1000 transactions behind but only 10 ms: the staleness bound of 50 ms is about time, \
         so the replica may serve"
    );
}

#[test]
fn unhealthy_replicas_never_serve_reads_even_when_fresher() {
    let p = primary(500, 10_000);
    let replicas = [
        replica("db-1", false, 500, 10_000),
        replica("db-2", true, 495, 9_800),
        replica("db-3", false, 499, 9_990),
    ];
    assert_eq!(
        route_read(&p, &replicas, 1_000),
        to_replica("db-2", 200, 5),
        "db-1 and db-3 are fresher but failed their health check: only db-2 may serve"
    );
}

#[test]
fn on_a_tie_the_replica_listed_first_serves() {
    let p = primary(500, 10_000);
    let replicas = [
        replica("db-1", true, 400, 8_000),
        replica("db-2", true, 495, 9_800),
        replica("db-3", true, 495, 9_800),
        replica("db-4", true, 495, 9_800),
    ];
    assert_eq!(
        route_read(&p, &replicas, 1_000),
        to_replica("db-2", 200, 5),
        "db-2, db-3 and db-4 are equally lagged: the tie goes to the first listed, db-2"
    );
}

#[test]
fn equal_time_lag_is_broken_by_fewer_missing_transactions() {
    let p = primary(500, 10_000);
    let replicas = [
        replica("db-1", true, 490, 9_800),
        replica("db-2", true, 497, 9_800),
    ];
    assert_eq!(
        route_read(&p, &replicas, 1_000),
        to_replica("db-2", 200, 3),
        "both trail by 200 ms; db-2 misses 3 transactions, db-1 misses 10: db-2 is less lagged"
    );
    let replicas = [
        replica("db-1", true, 499, 9_000),
        replica("db-2", true, 490, 9_900),
    ];
    assert_eq!(
        route_read(&p, &replicas, 2_000),
        to_replica("db-2", 100, 10),
        "time comes first: db-2 trails by 100 ms (10 transactions), db-1 by 1000 ms \
         (1 transaction)"
    );
}

#[test]
fn reads_fall_back_to_the_primary_when_every_healthy_replica_is_too_stale() {
    let p = primary(500, 10_000);
    let replicas = [
        replica("db-1", true, 450, 7_000),
        replica("db-2", false, 500, 10_000),
        replica("db-3", true, 470, 8_000),
    ];
    assert_eq!(
        route_read(&p, &replicas, 1_000),
        Route::Primary(Fallback::AllTooStale {
            least: lag_of(2_000, 30)
        }),
        "db-1 (3000 ms) and db-3 (2000 ms) are over the 1000 ms bound and db-2 is unhealthy: \
         read from the primary and report the freshest healthy lag, db-3's"
    );
}

#[test]
fn reads_fall_back_to_the_primary_when_no_replica_is_healthy() {
    let p = primary(500, 10_000);
    let replicas = [
        replica("db-1", false, 500, 10_000),
        replica("db-2", false, 499, 9_999),
    ];
    assert_eq!(
        route_read(&p, &replicas, 1_000),
        Route::Primary(Fallback::NoHealthyReplica),
        "with every replica unhealthy the primary serves, and the reason says so"
    );
    assert_eq!(
        route_read(&p, &[], 1_000),
        Route::Primary(Fallback::NoHealthyReplica),
        "with no replicas at all the primary serves"
    );
}

#[test]
fn a_zero_bound_only_accepts_fully_caught_up_replicas() {
    let p = primary(500, 10_000);
    let replicas = [
        replica("db-1", true, 499, 9_999),
        replica("db-2", true, 500, 10_000),
    ];
    assert_eq!(
        route_read(&p, &replicas, 0),
        to_replica("db-2", 0, 0),
        "a zero staleness bound accepts a replica with no lag at all"
    );
    assert_eq!(
        route_read(&p, &replicas[..1], 0),
        Route::Primary(Fallback::AllTooStale {
            least: lag_of(1, 1)
        }),
        "a zero staleness bound rejects a replica 1 ms behind"
    );
}

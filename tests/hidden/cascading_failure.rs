use cascading_failure::{
    handle_share, spread, Cluster, Handled, ModelError, Overload, StepReport, TierSpec,
};

/// The course's autoscaling trap in miniature: the web tier is fine, the database tier holds
/// only while all three of its replicas are up.
fn web_and_db(policy: Overload) -> Cluster {
    Cluster::new(
        &[
            TierSpec::new("web", &[200, 200], 240, &["db"]),
            TierSpec::new("db", &[150, 125, 100], 0, &[]),
        ],
        policy,
    )
    .expect("web calls db, which comes after it")
}

fn report(step: u32, failed: &[&str], shed: u32, lost: u32) -> StepReport {
    StepReport {
        step,
        failed: failed.iter().map(|name| name.to_string()).collect(),
        shed,
        lost,
    }
}

// Task 1: Spread a load evenly over the replicas
#[test]
fn spread_splits_load_evenly_and_gives_the_remainder_to_the_first_replicas() {
    assert_eq!(
        spread(240, 3),
        vec![80, 80, 80],
        "240 over 3 replicas is 80 each"
    );
    assert_eq!(
        spread(11, 4),
        vec![3, 3, 3, 2],
        "11 over 4 is 2 each with 3 left over: the first three replicas get one more"
    );
    assert_eq!(
        spread(2, 3),
        vec![1, 1, 0],
        "less load than replicas: some get nothing"
    );
    assert_eq!(
        spread(0, 2),
        vec![0, 0],
        "no load: every replica up gets a share of 0"
    );
    assert_eq!(
        spread(50, 0),
        Vec::<u32>::new(),
        "no replica up: no shares at all"
    );
}

#[test]
fn the_cluster_description_is_checked() {
    let upstream = Cluster::new(
        &[
            TierSpec::new("web", &[10], 0, &[]),
            TierSpec::new("db", &[10], 0, &["web"]),
        ],
        Overload::Crash,
    );
    assert_eq!(
        upstream.err(),
        Some(ModelError::CallsUpstream {
            caller: "db".to_string(),
            callee: "web".to_string()
        }),
        "a tier may only call tiers listed after it, so one pass per step sees all its load"
    );
    let itself = Cluster::new(&[TierSpec::new("web", &[10], 0, &["web"])], Overload::Crash);
    assert_eq!(
        itself.err(),
        Some(ModelError::CallsUpstream {
            caller: "web".to_string(),
            callee: "web".to_string()
        }),
        "a tier calling itself would be a loop"
    );
    let unknown = Cluster::new(
        &[TierSpec::new("web", &[10], 0, &["cache"])],
        Overload::Crash,
    );
    assert_eq!(
        unknown.err(),
        Some(ModelError::UnknownTier("cache".to_string())),
        "calls must name a tier of the cluster"
    );
    let empty = Cluster::new(&[TierSpec::new("web", &[], 0, &[])], Overload::Crash);
    assert_eq!(
        empty.err(),
        Some(ModelError::NoReplicas("web".to_string())),
        "a tier needs at least one replica"
    );
    let twice = Cluster::new(
        &[
            TierSpec::new("web", &[10], 0, &[]),
            TierSpec::new("web", &[10], 0, &[]),
        ],
        Overload::Crash,
    );
    assert_eq!(
        twice.err(),
        Some(ModelError::DuplicateTier("web".to_string())),
        "tier names must be unique"
    );
    let mut c = web_and_db(Overload::Crash);
    assert_eq!(
        c.kill("db-9"),
        Err(ModelError::UnknownReplica("db-9".to_string())),
        "there is no db-9 to kill"
    );
    assert_eq!(c.is_up("db-9"), None, "an unknown replica has no state");
    assert_eq!(c.load("db-9"), None, "an unknown replica has no load");
}

#[test]
fn a_model_error_reads_as_its_cause() {
    let text = ModelError::CallsUpstream {
        caller: "db".to_string(),
        callee: "web".to_string(),
    }
    .to_string();
    assert!(
        text.contains("db") && text.contains("web"),
        "an upstream call names both tiers, got {text:?}"
    );
    assert!(
        ModelError::UnknownReplica("db-9".to_string())
            .to_string()
            .contains("db-9"),
        "an unknown replica is named"
    );
}

// Task 2: Decide what one replica does with its share
#[test]
fn a_share_within_capacity_is_served_whatever_the_policy() {
    for policy in [Overload::Crash, Overload::ShedExcess] {
        assert_eq!(
            handle_share(125, 125, policy),
            Handled::Served,
            "a share of 125 for a capacity of 125 is served in full ({policy:?})"
        );
        assert_eq!(
            handle_share(0, 125, policy),
            Handled::Served,
            "an empty share is served ({policy:?})"
        );
    }
}

#[test]
fn one_request_over_capacity_crashes_an_unprotected_replica() {
    assert_eq!(
        handle_share(126, 125, Overload::Crash),
        Handled::Crashed,
        "126 requests for a capacity of 125, without protection: the replica falls over"
    );
}

#[test]
fn a_shedding_replica_refuses_only_the_excess() {
    assert_eq!(
        handle_share(126, 125, Overload::ShedExcess),
        Handled::Shed(1),
        "126 requests for a capacity of 125 with load shedding: 125 served, 1 shed"
    );
    assert_eq!(
        handle_share(400, 100, Overload::ShedExcess),
        Handled::Shed(300),
        "400 requests for a capacity of 100: 300 shed"
    );
}

// Task 3: Handle a tier's load for one step
#[test]
fn a_healthy_cluster_serves_everything_and_passes_load_downstream() {
    let mut c = web_and_db(Overload::Crash);
    assert_eq!(
        c.step(),
        report(1, &[], 0, 0),
        "every replica is under its capacity"
    );
    assert_eq!(
        c.load("web-1"),
        Some(120),
        "240 external requests over 2 web replicas"
    );
    assert_eq!(
        c.load("db-3"),
        Some(80),
        "web served 240 requests, each calling db once: 80 per db replica"
    );
}

#[test]
fn a_replica_exactly_at_capacity_keeps_serving() {
    let mut c = Cluster::new(
        &[TierSpec::new("api", &[100, 100], 200, &[])],
        Overload::Crash,
    )
    .expect("a single tier is valid");
    assert_eq!(
        c.step(),
        report(1, &[], 0, 0),
        "a share of 100 on a capacity of 100 is full, not overloaded: nothing fails"
    );
    assert_eq!(c.is_up("api-2"), Some(true), "api-2 is still up");
}

#[test]
fn the_extra_request_of_an_uneven_split_goes_to_the_first_replica() {
    let mut c = Cluster::new(
        &[TierSpec::new("api", &[101, 100], 201, &[])],
        Overload::Crash,
    )
    .expect("a single tier is valid");
    assert_eq!(
        c.step(),
        report(1, &[], 0, 0),
        "201 over 2 gives 101 to api-1 (capacity 101) and 100 to api-2 (capacity 100)"
    );
    assert_eq!(c.load("api-1"), Some(101), "api-1 gets the extra request");
    assert_eq!(c.load("api-2"), Some(100), "api-2 gets the even share");
}

#[test]
fn a_killed_replica_shifts_its_load_to_its_peers_and_the_failure_cascades() {
    let mut c = web_and_db(Overload::Crash);
    c.kill("db-1").expect("db-1 exists");
    assert_eq!(
        c.step(),
        report(1, &["db-3"], 0, 120),
        "with db-1 gone, 240 requests over 2 replicas is 120 each: db-3 (capacity 100) falls \
         over and its 120 requests are lost"
    );
    assert_eq!(
        c.load("db-1"),
        Some(0),
        "a replica that is down gets no load"
    );
    assert_eq!(
        c.load("db-2"),
        Some(120),
        "db-2 (capacity 125) holds this step"
    );
    assert_eq!(
        c.step(),
        report(2, &["db-2"], 0, 240),
        "now db-2 alone gets all 240 requests and falls over too"
    );
    assert_eq!(
        c.load("db-3"),
        Some(0),
        "db-3 crashed in step 1, so in step 2 it was given nothing"
    );
    assert_eq!(
        c.step(),
        report(3, &[], 0, 240),
        "with no db replica up, every request that reaches the db tier is lost"
    );
    assert_eq!(c.is_up("db-2"), Some(false), "a crashed replica stays down");
}

#[test]
fn run_reports_the_order_in_which_replicas_fail() {
    let mut c = web_and_db(Overload::Crash);
    c.kill("db-1").expect("db-1 exists");
    assert_eq!(
        c.run(10),
        vec!["db-3".to_string(), "db-2".to_string()],
        "the cascade takes db-3 first, then db-2, then stops: nothing is left to fail"
    );
    assert_eq!(
        c.step().step,
        4,
        "run stops after the first step in which nothing failed (step 3)"
    );
}

#[test]
fn run_stops_after_max_steps() {
    let mut c = web_and_db(Overload::Crash);
    c.kill("db-1").expect("db-1 exists");
    assert_eq!(
        c.run(1),
        vec!["db-3".to_string()],
        "with at most one step, only the first failure of the cascade is seen"
    );
}

#[test]
fn shedding_at_capacity_stops_the_cascade() {
    let mut c = web_and_db(Overload::ShedExcess);
    c.kill("db-1").expect("db-1 exists");
    assert_eq!(
        c.step(),
        report(1, &[], 20, 0),
        "db-3 is given 120 but serves its capacity of 100 and sheds 20 instead of falling over"
    );
    assert_eq!(c.is_up("db-3"), Some(true), "a replica that sheds stays up");
    assert_eq!(
        c.run(10),
        Vec::<String>::new(),
        "with shedding, nothing else ever fails"
    );
    assert_eq!(
        c.step(),
        report(3, &[], 20, 0),
        "every step sheds the same 20 requests"
    );
}

#[test]
fn only_what_a_tier_served_reaches_the_tiers_it_calls() {
    let mut crash = Cluster::new(
        &[
            TierSpec::new("web", &[100, 60], 160, &["db"]),
            TierSpec::new("db", &[1_000], 0, &[]),
        ],
        Overload::Crash,
    )
    .expect("every tier calls only tiers listed after it");
    assert_eq!(
        crash.step(),
        report(1, &["web-2"], 0, 80),
        "web-2 is given 80 for a capacity of 60"
    );
    assert_eq!(
        crash.load("db-1"),
        Some(80),
        "the 80 requests lost with web-2 never reach the database: only web-1's 80 do"
    );

    let mut shed = Cluster::new(
        &[
            TierSpec::new("web", &[100, 100], 300, &["db"]),
            TierSpec::new("db", &[1_000], 0, &[]),
        ],
        Overload::ShedExcess,
    )
    .expect("every tier calls only tiers listed after it");
    assert_eq!(
        shed.step(),
        report(1, &[], 100, 0),
        "each web replica sheds 50 of its 150"
    );
    assert_eq!(
        shed.load("db-1"),
        Some(200),
        "the shed requests never reach the database: only the 200 served do"
    );
}

#[test]
fn a_tier_gets_one_request_per_request_served_by_each_caller() {
    let mut c = Cluster::new(
        &[
            TierSpec::new("edge", &[1_000], 50, &["auth", "db"]),
            TierSpec::new("auth", &[1_000], 0, &["db"]),
            TierSpec::new("db", &[1_000], 7, &[]),
        ],
        Overload::Crash,
    )
    .expect("every tier calls only tiers listed after it");
    c.step();
    assert_eq!(
        c.load("auth-1"),
        Some(50),
        "auth gets one call per request edge served"
    );
    assert_eq!(
        c.load("db-1"),
        Some(107),
        "db gets its own 7 external requests plus 50 from edge and 50 from auth"
    );
}

#[test]
fn failures_in_one_step_are_listed_in_tier_order_then_replica_order() {
    let mut c = Cluster::new(
        &[
            TierSpec::new("web", &[100, 50, 40], 225, &["db"]),
            TierSpec::new("db", &[30, 200], 0, &[]),
        ],
        Overload::Crash,
    )
    .expect("every tier calls only tiers listed after it");
    assert_eq!(
        c.step(),
        report(1, &["web-2", "web-3", "db-1"], 0, 188),
        "web-2 and web-3 fail on 75 each (150 lost), then db-1 (capacity 30) fails on its 38 of \
         the 75 requests web-1 served: web before db, and replicas in order within a tier"
    );
}

use blast_radius::{blast_radius, carried, Dependency, GraphError, Impact, Kind, Report, Service};

fn hard(on: &str) -> Dependency {
    Dependency::hard(on)
}

fn soft(on: &str) -> Dependency {
    Dependency::soft(on)
}

/// A small shop: users reach `web` (900 req/s) and `mobile` (100 req/s).
fn shop() -> Vec<Service> {
    vec![
        Service::new("web", 900, vec![hard("api"), soft("recs")]),
        Service::new("mobile", 100, vec![hard("api")]),
        Service::new("api", 0, vec![hard("db"), hard("auth"), soft("search")]),
        Service::new("auth", 0, vec![hard("db")]),
        Service::new("recs", 0, vec![hard("ml")]),
        Service::new("search", 0, vec![hard("index")]),
        Service::new("ml", 0, vec![]),
        Service::new("db", 0, vec![]),
        Service::new("index", 0, vec![]),
        Service::new("admin", 0, vec![hard("db")]),
    ]
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn radius(services: &[Service], failed: &[&str]) -> Report {
    match blast_radius(services, failed) {
        Ok(report) => report,
        Err(e) => panic!("the graph is valid and {failed:?} are listed services, got {e:?}"),
    }
}

// Task 1: Carry an impact over one dependency
#[test]
fn a_hard_dependency_passes_its_impact_on_unchanged() {
    for level in [Impact::Unaffected, Impact::Degraded, Impact::Down] {
        assert_eq!(
            carried(Kind::Hard, level),
            level,
            "a service cannot work around a hard dependency, so it gets the same impact ({level:?})"
        );
    }
}

#[test]
fn a_soft_dependency_passes_on_at_most_degraded() {
    assert_eq!(
        carried(Kind::Soft, Impact::Down),
        Impact::Degraded,
        "a soft dependency that is down leaves the caller up but degraded (it falls back)"
    );
    assert_eq!(
        carried(Kind::Soft, Impact::Degraded),
        Impact::Degraded,
        "a degraded soft dependency gives a worse answer, so the caller is degraded too"
    );
    assert_eq!(
        carried(Kind::Soft, Impact::Unaffected),
        Impact::Unaffected,
        "a healthy soft dependency does not hurt the caller"
    );
}

// Task 2: Mark the failed services down
#[test]
fn a_failed_service_with_no_dependents_is_its_own_blast_radius() {
    let report = radius(&shop(), &["admin"]);
    assert_eq!(
        report.down,
        names(&["admin"]),
        "the failed service itself is down"
    );
    assert!(
        report.degraded.is_empty(),
        "nobody depends on admin, so nothing is degraded"
    );
    assert_eq!(
        (report.traffic_down, report.traffic_degraded),
        (0, 0),
        "admin takes no user traffic, so no user is affected"
    );
}

#[test]
fn a_graph_error_explains_itself() {
    let message = GraphError::UnknownDependency {
        service: "reports".to_string(),
        on: "warehouse".to_string(),
    }
    .to_string();
    assert!(
        message.contains("reports") && message.contains("warehouse"),
        "the message should name the service and its unknown dependency, got {message:?}"
    );
    let message = GraphError::UnknownService("kafka".to_string()).to_string();
    assert!(
        message.contains("kafka"),
        "the message should name the service, got {message:?}"
    );
    let _: &dyn std::error::Error = &GraphError::UnknownService("kafka".to_string());
}

#[test]
fn a_dependency_on_an_unlisted_service_is_an_error() {
    let mut services = shop();
    services.push(Service::new(
        "reports",
        0,
        vec![hard("db"), soft("warehouse")],
    ));
    services.push(Service::new("exports", 0, vec![hard("s3")]));
    assert_eq!(
        blast_radius(&services, &["db"]),
        Err(GraphError::UnknownDependency {
            service: "reports".to_string(),
            on: "warehouse".to_string()
        }),
        "reports depends on warehouse, which is not in the graph: the first such edge is reported"
    );
}

#[test]
fn failing_an_unlisted_service_is_an_error() {
    assert_eq!(
        blast_radius(&shop(), &["ml", "kafka", "queue"]),
        Err(GraphError::UnknownService("kafka".to_string())),
        "kafka is not a service of the graph: the first unknown failed name is reported"
    );
    let mut broken = shop();
    broken.push(Service::new("exports", 0, vec![hard("s3")]));
    assert_eq!(
        blast_radius(&broken, &["kafka"]),
        Err(GraphError::UnknownDependency {
            service: "exports".to_string(),
            on: "s3".to_string()
        }),
        "the graph is checked before the failed names"
    );
}

// Task 3: Spread the impact until nothing changes
#[test]
fn a_zone_outage_fails_several_components_at_once() {
    let report = radius(&shop(), &["ml", "index"]);
    assert_eq!(
        report.down,
        names(&["index", "ml", "recs", "search"]),
        "both failed components and what hard-depends on them are down"
    );
    assert_eq!(
        report.degraded,
        names(&["api", "mobile", "web"]),
        "api loses search (soft), web loses recs (soft) and gets a degraded api"
    );
}

#[test]
fn losing_the_database_takes_down_everything_that_hard_depends_on_it() {
    let report = radius(&shop(), &["db"]);
    assert_eq!(
        report.down,
        names(&["admin", "api", "auth", "db", "mobile", "web"]),
        "db fails; auth, admin and api need it, web and mobile need api: all down, sorted by name"
    );
    assert!(
        report.degraded.is_empty(),
        "nothing is merely degraded when db fails, got {:?}",
        report.degraded
    );
    assert_eq!(
        (
            report.traffic_down,
            report.traffic_degraded,
            report.traffic_total
        ),
        (1000, 0, 1000),
        "all 1000 req/s of user traffic land on down entry points"
    );
}

#[test]
fn a_soft_dependency_turns_an_outage_into_degradation() {
    let report = radius(&shop(), &["ml"]);
    assert_eq!(
        report.down,
        names(&["ml", "recs"]),
        "ml fails and recs hard-depends on it"
    );
    assert_eq!(
        report.degraded,
        names(&["web"]),
        "web only soft-depends on recs, so it keeps serving, degraded; mobile is untouched"
    );
    assert_eq!(
        (report.traffic_down, report.traffic_degraded),
        (0, 900),
        "the 900 req/s sent to web are degraded; no user traffic lands on a down service"
    );
}

#[test]
fn degradation_travels_up_hard_dependencies() {
    let report = radius(&shop(), &["index"]);
    assert_eq!(
        report.down,
        names(&["index", "search"]),
        "index fails and search hard-depends on it"
    );
    assert_eq!(
        report.degraded,
        names(&["api", "mobile", "web"]),
        "api soft-depends on search so it is degraded; web and mobile hard-depend on a degraded api, so they are degraded (not down)"
    );
    assert_eq!(
        (
            report.traffic_down,
            report.traffic_degraded,
            report.traffic_total
        ),
        (0, 1000, 1000),
        "all user traffic reaches a degraded entry point"
    );
}

#[test]
fn degradation_travels_up_soft_dependencies_too() {
    let services = vec![
        Service::new("front", 10, vec![soft("middle")]),
        Service::new("middle", 0, vec![soft("back")]),
        Service::new("back", 0, vec![]),
    ];
    let report = radius(&services, &["back"]);
    assert_eq!(
        report.down,
        names(&["back"]),
        "only the failed service is down"
    );
    assert_eq!(
        report.degraded,
        names(&["front", "middle"]),
        "middle is degraded; front soft-depends on a degraded middle, so it is degraded as well"
    );
}

#[test]
fn the_worst_impact_wins_even_when_the_soft_path_is_found_first() {
    // checkout soft-depends on the failed cache, and hard-depends on cart, which hard-depends
    // on the cache: the hard path makes checkout down, not just degraded.
    let services = vec![
        Service::new("checkout", 50, vec![soft("cache"), hard("cart")]),
        Service::new("cart", 0, vec![hard("cache")]),
        Service::new("cache", 0, vec![]),
    ];
    let report = radius(&services, &["cache"]);
    assert_eq!(
        report.down,
        names(&["cache", "cart", "checkout"]),
        "checkout needs cart, which needs the cache: it is down even though its direct edge to the cache is soft"
    );
    assert!(
        report.degraded.is_empty(),
        "a down service is not also listed as degraded, got {:?}",
        report.degraded
    );
    assert_eq!(
        report.traffic_down, 50,
        "checkout's users hit a down service"
    );
}

#[test]
fn cycles_are_followed_and_do_not_loop_forever() {
    let services = vec![
        Service::new("orders", 30, vec![hard("billing")]),
        Service::new("billing", 0, vec![hard("orders"), hard("ledger")]),
        Service::new("ledger", 0, vec![]),
        Service::new("audit", 5, vec![soft("orders"), hard("audit")]),
    ];
    let report = radius(&services, &["ledger"]);
    assert_eq!(
        report.down,
        names(&["billing", "ledger", "orders"]),
        "billing needs ledger; orders and billing need each other: the whole cycle goes down"
    );
    assert_eq!(
        report.degraded,
        names(&["audit"]),
        "audit soft-depends on orders (and on itself): degraded"
    );
    let calm = radius(&services, &[]);
    assert!(
        calm.down.is_empty() && calm.degraded.is_empty(),
        "with nothing failed, a cycle alone hurts nobody, got {calm:?}"
    );
}

#[test]
fn lists_are_sorted_by_name_whatever_the_listing_order() {
    let services = vec![
        Service::new("zeta", 1, vec![hard("core")]),
        Service::new("alpha", 1, vec![soft("core")]),
        Service::new("core", 0, vec![]),
        Service::new("mu", 1, vec![hard("core")]),
        Service::new("beta", 1, vec![soft("zeta")]),
    ];
    let report = radius(&services, &["core"]);
    assert_eq!(
        report.down,
        names(&["core", "mu", "zeta"]),
        "down services are sorted by name, not by listing or discovery order"
    );
    assert_eq!(
        report.degraded,
        names(&["alpha", "beta"]),
        "degraded services are sorted by name, not by listing or discovery order"
    );
}

// Task 4: Measure the share of user traffic hit
#[test]
fn the_report_counts_down_and_degraded_traffic_and_the_total() {
    let services = vec![
        Service::new("web", 600, vec![hard("api")]),
        Service::new("partner", 300, vec![soft("api")]),
        Service::new("status", 100, vec![]),
        Service::new("api", 0, vec![]),
    ];
    let report = radius(&services, &["api"]);
    assert_eq!(
        (
            report.traffic_down,
            report.traffic_degraded,
            report.traffic_total
        ),
        (600, 300, 1000),
        "web's 600 are down, partner's 300 degraded; the total counts unaffected traffic too"
    );
    assert_eq!(
        report.affected_ppm(),
        900_000,
        "600 down + 300 degraded out of 1000 is 900 000 parts per million"
    );
}

/// A report with only the traffic figures set.
fn traffic(down: u64, degraded: u64, total: u64) -> Report {
    Report {
        down: vec![],
        degraded: vec![],
        traffic_down: down,
        traffic_degraded: degraded,
        traffic_total: total,
    }
}

#[test]
fn the_affected_share_counts_down_and_degraded_traffic() {
    assert_eq!(
        traffic(600, 300, 1000).affected_ppm(),
        900_000,
        "600 down + 300 degraded out of 1000 is 900 000 ppm"
    );
    assert_eq!(
        traffic(600, 0, 1000).affected_ppm(),
        600_000,
        "down traffic alone counts"
    );
    assert_eq!(
        traffic(0, 300, 1000).affected_ppm(),
        300_000,
        "degraded traffic alone counts: degraded users are affected users"
    );
    assert_eq!(
        traffic(1000, 0, 1000).affected_ppm(),
        1_000_000,
        "all traffic down is a million parts per million"
    );
}

#[test]
fn the_affected_share_rounds_down() {
    assert_eq!(
        traffic(1, 0, 3).affected_ppm(),
        333_333,
        "1 out of 3 is 333 333.3 ppm, rounded down"
    );
    assert_eq!(
        traffic(2, 0, 3).affected_ppm(),
        666_666,
        "2 out of 3 is 666 666.7 ppm, rounded down, not to the nearest"
    );
}

#[test]
fn the_affected_share_is_zero_without_traffic_and_never_overflows() {
    assert_eq!(
        traffic(0, 0, 0).affected_ppm(),
        0,
        "with no user traffic at all the share is 0, not a division by zero"
    );
    let big = u64::MAX / 2;
    assert_eq!(
        traffic(big, 0, big * 2).affected_ppm(),
        500_000,
        "half of an enormous traffic is 500 000 ppm: traffic times a million must not overflow"
    );
    assert_eq!(
        traffic(big, big, big * 2).affected_ppm(),
        1_000_000,
        "all of an enormous traffic affected is a million ppm"
    );
}

use platform_request::{
    decide_all, policy, quota, Data, Decision, Env, Platform, Reason, Request, Resource, Size,
};
use std::collections::BTreeMap;

fn size(cpu_millis: u64, memory_mib: u64) -> Size {
    Size {
        cpu_millis,
        memory_mib,
    }
}

fn platform() -> Platform {
    let mut quotas = BTreeMap::new();
    quotas.insert("payments".to_string(), size(4_000, 8_192));
    quotas.insert("search".to_string(), size(2_000, 4_096));
    quotas.insert("growth".to_string(), size(8_000, 16_384));
    Platform {
        golden_paths: vec!["postgres".to_string(), "web-service".to_string()],
        quotas,
        on_call: vec!["payments".to_string(), "search".to_string()],
    }
}

fn request(team: &str, template: &str, env: Env, data: Data, public: bool, sz: Size) -> Request {
    Request {
        team: team.to_string(),
        template: template.to_string(),
        env,
        data,
        public,
        size: sz,
    }
}

/// A request on the golden path that meets every policy.
fn plain(team: &str, sz: Size) -> Request {
    request(team, "postgres", Env::Dev, Data::Internal, false, sz)
}

fn over(resource: Resource, total: u64, quota: u64) -> Reason {
    Reason::OverQuota {
        resource,
        total,
        quota,
    }
}

// Task 1: Check a request against policy
#[test]
fn a_request_on_the_golden_path_meets_policy() {
    let r = request(
        "payments",
        "web-service",
        Env::Prod,
        Data::Confidential,
        false,
        size(1, 1),
    );
    assert_eq!(
        policy(&platform(), &r),
        vec![],
        "a supported template, confidential data kept private, production for a team with a \
         rotation: nothing for a human to look at"
    );
}

#[test]
fn the_doc_example_is_off_path_and_exposes_confidential_data() {
    let r = request(
        "payments",
        "custom-vm",
        Env::Prod,
        Data::Confidential,
        true,
        size(1, 1),
    );
    assert_eq!(
        policy(&platform(), &r),
        vec![
            Reason::OffPath("custom-vm".to_string()),
            Reason::PublicConfidential
        ],
        "custom-vm is no golden path, and confidential data must not be public; payments has \
         a rotation, so production itself is fine"
    );
}

#[test]
fn only_confidential_data_may_not_be_public() {
    for data in [Data::Public, Data::Internal] {
        let r = request("search", "web-service", Env::Dev, data, true, size(1, 1));
        assert_eq!(
            policy(&platform(), &r),
            vec![],
            "{data:?} data may be served publicly"
        );
    }
    let r = request(
        "search",
        "web-service",
        Env::Dev,
        Data::Confidential,
        false,
        size(1, 1),
    );
    assert_eq!(
        policy(&platform(), &r),
        vec![],
        "confidential data behind the firewall is fine"
    );
}

#[test]
fn production_needs_a_team_with_an_on_call_rotation() {
    let r = request(
        "growth",
        "web-service",
        Env::Prod,
        Data::Internal,
        false,
        size(1, 1),
    );
    assert_eq!(
        policy(&platform(), &r),
        vec![Reason::ProdWithoutOnCall("growth".to_string())],
        "growth has no rotation: you build it, you run it, and nobody would be paged"
    );
    for env in [Env::Dev, Env::Staging] {
        let r = request(
            "growth",
            "web-service",
            env,
            Data::Internal,
            false,
            size(1, 1),
        );
        assert_eq!(policy(&platform(), &r), vec![], "{env:?} needs no pager");
    }
}

#[test]
fn every_policy_reason_is_listed_in_the_doc_order() {
    let r = request(
        "growth",
        "custom-vm",
        Env::Prod,
        Data::Confidential,
        true,
        size(1, 1),
    );
    assert_eq!(
        policy(&platform(), &r),
        vec![
            Reason::OffPath("custom-vm".to_string()),
            Reason::PublicConfidential,
            Reason::ProdWithoutOnCall("growth".to_string())
        ],
        "all three at once: off path, public confidential data, production without on-call"
    );
}

// Task 2: Check a request against the team's quota
#[test]
fn the_doc_example_fits_cpu_exactly_and_goes_over_on_memory() {
    assert_eq!(
        quota(
            &platform(),
            size(3_000, 4_096),
            &plain("payments", size(1_000, 8_192))
        ),
        vec![over(Resource::Memory, 12_288, 8_192)],
        "3 000 + 1 000 mCPU is exactly the 4 000 quota and fits; 4 096 + 8 192 MiB is over 8 192"
    );
}

#[test]
fn one_over_the_quota_is_over() {
    assert_eq!(
        quota(
            &platform(),
            size(3_000, 0),
            &plain("payments", size(1_001, 8_193))
        ),
        vec![
            over(Resource::Cpu, 4_001, 4_000),
            over(Resource::Memory, 8_193, 8_192)
        ],
        "one millicore and one MiB over: both reasons, CPU first, each with the total"
    );
}

#[test]
fn usage_counts_toward_the_quota() {
    assert_eq!(
        quota(
            &platform(),
            size(0, 0),
            &plain("search", size(2_000, 4_096))
        ),
        vec![],
        "a team using nothing may ask for its whole quota"
    );
    assert_eq!(
        quota(
            &platform(),
            size(1, 0),
            &plain("search", size(2_000, 4_096))
        ),
        vec![over(Resource::Cpu, 2_001, 2_000)],
        "one millicore already in use and the same request no longer fits"
    );
}

#[test]
fn a_team_without_a_quota_is_told_so_and_nothing_else() {
    assert_eq!(
        quota(&platform(), size(0, 0), &plain("newcomers", size(1, 1))),
        vec![Reason::NoQuota("newcomers".to_string())],
        "newcomers have no quota: one reason, not a comparison with zero"
    );
}

// Task 3: Decide a queue of requests
#[test]
fn the_doc_example_approves_the_first_and_reviews_the_second() {
    let mut usage = BTreeMap::new();
    let r = plain("search", size(1_500, 1_024));
    assert_eq!(
        decide_all(&platform(), &mut usage, &[r.clone(), r]),
        vec![
            Decision::Approved,
            Decision::NeedsReview(vec![over(Resource::Cpu, 3_000, 2_000)])
        ],
        "the first takes 1 500 of search's 2 000 mCPU; the second would make 3 000"
    );
    assert_eq!(
        usage.get("search"),
        Some(&size(1_500, 1_024)),
        "only the approved request is in use"
    );
}

#[test]
fn policy_reasons_come_before_quota_reasons() {
    let mut usage = BTreeMap::new();
    let r = request(
        "growth",
        "custom-vm",
        Env::Prod,
        Data::Internal,
        false,
        size(9_000, 1),
    );
    assert_eq!(
        decide_all(&platform(), &mut usage, &[r]),
        vec![Decision::NeedsReview(vec![
            Reason::OffPath("custom-vm".to_string()),
            Reason::ProdWithoutOnCall("growth".to_string()),
            over(Resource::Cpu, 9_000, 8_000)
        ])],
        "every reason, policy first, so the team sees all it has to change at once"
    );
}

#[test]
fn a_request_under_review_uses_no_quota() {
    let mut usage = BTreeMap::new();
    let requests = [
        request(
            "payments",
            "custom-vm",
            Env::Dev,
            Data::Internal,
            false,
            size(3_000, 1),
        ),
        plain("payments", size(3_000, 1)),
    ];
    assert_eq!(
        decide_all(&platform(), &mut usage, &requests),
        vec![
            Decision::NeedsReview(vec![Reason::OffPath("custom-vm".to_string())]),
            Decision::Approved
        ],
        "the custom VM waits for review and takes nothing; the postgres fits in the 4 000"
    );
    assert_eq!(
        usage.get("payments"),
        Some(&size(3_000, 1)),
        "only the postgres is in use"
    );
}

#[test]
fn usage_already_recorded_is_the_starting_point() {
    let mut usage = BTreeMap::new();
    usage.insert("search".to_string(), size(1_000, 4_000));
    let requests = [
        plain("search", size(1_000, 96)),
        plain("payments", size(4_000, 8_192)),
    ];
    assert_eq!(
        decide_all(&platform(), &mut usage, &requests),
        vec![Decision::Approved, Decision::Approved],
        "search fits exactly on top of what it uses; payments, not in the map, uses nothing yet"
    );
    assert_eq!(
        usage,
        BTreeMap::from([
            ("payments".to_string(), size(4_000, 8_192)),
            ("search".to_string(), size(2_000, 4_096))
        ]),
        "both approved requests are added to their team's usage"
    );
}

#[test]
fn a_review_leaves_the_usage_untouched() {
    let mut usage = BTreeMap::new();
    let r = plain("newcomers", size(1, 1));
    assert_eq!(
        decide_all(&platform(), &mut usage, &[r]),
        vec![Decision::NeedsReview(vec![Reason::NoQuota(
            "newcomers".to_string()
        )])],
        "no quota, no automatic approval"
    );
    assert_eq!(
        usage,
        BTreeMap::new(),
        "nothing was approved, so nothing is recorded as in use"
    );
}

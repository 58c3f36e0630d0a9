use percentiles::{
    count_within, fleet_percentile, fleet_share_ppm, mean_of_host_percentiles, percentile,
    HostCount, Summary,
};

/// 1, 2, …, 100 in a scrambled order, so that an unsorted pick is caught.
fn one_to_hundred() -> Vec<u64> {
    (0..100u64).map(|i| (i * 37) % 100 + 1).collect()
}

/// The example of Task 2: a host with a slow tail and a steady one.
fn two_hosts() -> Vec<Vec<u64>> {
    let mut a = vec![10; 98];
    a.extend([300, 300]);
    vec![a, vec![12; 100]]
}

// Task 1: Pick nearest-rank percentiles
#[test]
fn the_median_of_an_odd_count_is_the_middle_sample() {
    assert_eq!(
        percentile(&[40, 10, 30, 20, 50], 50),
        Some(30),
        "sorted, the samples are 10 20 30 40 50; p50 is rank ⌈2.5⌉ = 3, i.e. 30"
    );
}

#[test]
fn the_rank_rounds_up_and_a_whole_rank_stays() {
    let samples = [40, 10, 30, 20, 50];
    assert_eq!(
        percentile(&samples, 90),
        Some(50),
        "p90 of 5 samples is rank ⌈4.5⌉ = 5 (rounded up, not down to 4): 50"
    );
    assert_eq!(
        percentile(&samples, 20),
        Some(10),
        "p20 of 5 samples is rank ⌈1.0⌉ = 1 exactly: 10 (a whole rank is not bumped to the next)"
    );
    assert_eq!(
        percentile(&samples, 21),
        Some(20),
        "p21 of 5 samples is rank ⌈1.05⌉ = 2: 20"
    );
}

#[test]
fn percentiles_of_a_hundred_samples_are_their_ranks() {
    let samples = one_to_hundred();
    for p in [1, 50, 90, 99, 100] {
        assert_eq!(
            percentile(&samples, p),
            Some(u64::from(p)),
            "among the latencies 1..=100 ms, p{p} is rank {p}: {p} ms"
        );
    }
}

#[test]
fn the_p99_of_fewer_than_a_hundred_samples_is_the_slowest() {
    let samples = [5, 9, 7, 3, 1, 8, 2, 6, 4, 900];
    assert_eq!(
        percentile(&samples, 99),
        Some(900),
        "p99 of 10 samples is rank ⌈9.9⌉ = 10: the slowest one, 900 ms"
    );
    assert_eq!(
        percentile(&samples, 100),
        Some(900),
        "p100 is always the maximum"
    );
}

#[test]
fn no_samples_or_a_percentile_outside_1_to_100_give_none() {
    assert_eq!(percentile(&[], 50), None, "no samples have no median");
    assert_eq!(
        percentile(&[10, 20], 0),
        None,
        "p0 is not defined by the nearest-rank method (its rank would be 0)"
    );
    assert_eq!(
        percentile(&[10, 20], 101),
        None,
        "there is no 101st percentile"
    );
}

#[test]
fn a_summary_gives_p50_p90_and_p99() {
    let samples: Vec<u64> = one_to_hundred().iter().map(|l| l * 10).collect();
    assert_eq!(
        Summary::of(&samples),
        Some(Summary {
            p50: 500,
            p90: 900,
            p99: 990
        }),
        "for latencies 10, 20, …, 1000 ms, p50/p90/p99 are ranks 50, 90 and 99"
    );
    assert_eq!(Summary::of(&[]), None, "no samples, no summary");
}

// Task 2: Compute the fleet percentile from every sample
#[test]
fn the_fleet_p99_is_the_p99_of_every_sample_together() {
    let hosts = two_hosts();
    assert_eq!(
        fleet_percentile(&hosts, 99),
        Some(12),
        "the 200 samples sorted are 98 × 10, 100 × 12, 2 × 300: rank ⌈198⌉ is 12 ms"
    );
    assert_eq!(
        mean_of_host_percentiles(&hosts, 99),
        Some(156),
        "the hosts' own p99s are 300 and 12; their mean is 156"
    );
}

#[test]
fn a_busy_host_weighs_more_than_a_quiet_one() {
    let hosts = vec![vec![20; 1000], vec![1000; 10]];
    assert_eq!(
        fleet_percentile(&hosts, 99),
        Some(20),
        "1010 requests, rank ⌈999.9⌉ = 1000 is still one of the busy host's 20 ms: the quiet \
         host's 10 slow requests are under 1 % of the fleet"
    );
    assert_eq!(
        mean_of_host_percentiles(&hosts, 99),
        Some(510),
        "averaging the hosts' p99s (20 and 1000) gives 510 ms, which no request of the fleet \
         had: host percentiles do not average to the fleet's"
    );
    let tail = vec![vec![20; 95], vec![1000; 5]];
    assert_eq!(
        fleet_percentile(&tail, 99),
        Some(1000),
        "with 5 of 100 requests at 1000 ms, the fleet p99 is 1000 ms"
    );
}

#[test]
fn hosts_without_samples_add_nothing_to_the_fleet() {
    let hosts = vec![vec![], vec![30, 10, 20], vec![]];
    assert_eq!(
        fleet_percentile(&hosts, 50),
        Some(20),
        "the fleet's samples are 10, 20, 30; idle hosts add none: p50 is 20"
    );
    assert_eq!(
        fleet_percentile(&[vec![], vec![]], 50),
        None,
        "a fleet that served nothing has no percentile"
    );
}

#[test]
fn the_dashboard_mean_rounds_down_and_skips_idle_hosts() {
    let hosts = vec![vec![3], vec![], vec![4]];
    assert_eq!(
        mean_of_host_percentiles(&hosts, 50),
        Some(3),
        "the given helper: the mean of 3 and 4 (the idle host skipped) is 3.5, rounded down"
    );
    assert_eq!(
        mean_of_host_percentiles(&[vec![]], 50),
        None,
        "no host with samples, no mean"
    );
}

// Task 3: Combine what does add up: requests within a threshold
#[test]
fn a_request_at_the_threshold_counts_as_within() {
    assert_eq!(
        count_within(&[100, 300, 301, 50, 900], 300),
        HostCount {
            within: 3,
            total: 5
        },
        "100, 300 and 50 are at or below 300 ms (300 included), 301 and 900 are not"
    );
    assert_eq!(
        count_within(&[], 300),
        HostCount {
            within: 0,
            total: 0
        },
        "an idle host counts nothing"
    );
}

#[test]
fn the_fleet_share_adds_the_counts_before_dividing() {
    let counts = [
        HostCount {
            within: 98,
            total: 100,
        },
        HostCount {
            within: 100,
            total: 100,
        },
    ];
    assert_eq!(
        fleet_share_ppm(&counts),
        Some(990_000),
        "198 of 200 requests within the threshold is 990 000 ppm (99 %)"
    );
    let uneven = [
        HostCount {
            within: 1,
            total: 1,
        },
        HostCount {
            within: 0,
            total: 99,
        },
    ];
    assert_eq!(
        fleet_share_ppm(&uneven),
        Some(10_000),
        "1 of 100 requests is 10 000 ppm (1 %), not the 50 % that averaging the hosts' shares \
         (100 % and 0 %) would give"
    );
}

#[test]
fn the_fleet_share_rounds_down() {
    let counts = [HostCount {
        within: 2,
        total: 3,
    }];
    assert_eq!(
        fleet_share_ppm(&counts),
        Some(666_666),
        "2 of 3 is 666 666.67 ppm, rounded down to 666 666"
    );
}

#[test]
fn no_requests_give_no_share() {
    assert_eq!(fleet_share_ppm(&[]), None, "no hosts, no share");
    let idle = [HostCount {
        within: 0,
        total: 0,
    }];
    assert_eq!(
        fleet_share_ppm(&idle),
        None,
        "0 of 0 requests is no share at all, not 0 % (nor a division by zero)"
    );
}

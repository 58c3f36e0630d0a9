use dora_keys::{
    four_keys, key_tiers, median, performance, Deployment, FourKeys, Incident, KeyTiers, Tier,
};

fn deploy(deployed_min: u64, commits_min: &[u64], failed: bool) -> Deployment {
    Deployment {
        deployed_min,
        commits_min: commits_min.to_vec(),
        failed,
    }
}

fn incident(started_min: u64, restored_min: u64) -> Incident {
    Incident {
        started_min,
        restored_min,
    }
}

/// Keys that are elite on every count over a 7-day window; tests change one key at a time.
fn elite_keys() -> FourKeys {
    FourKeys {
        deployments: 14,
        window_days: 7,
        lead_time_min: Some(30),
        change_failure_per_mille: Some(100),
        time_to_restore_min: Some(30),
    }
}

fn tiers(keys: FourKeys) -> KeyTiers {
    key_tiers(&keys)
}

/// `n` deployments of one commit each, 10 minutes old, the first `failed` of them failed.
fn deployments(n: u64, failed: u64) -> Vec<Deployment> {
    (0..n)
        .map(|i| deploy(1_000 + i, &[990 + i], i < failed))
        .collect()
}

// Task 1: Measure the four keys from the records
#[test]
fn the_doc_example_gives_its_four_keys() {
    let deploys = [
        deploy(1_000, &[970, 900], false),
        deploy(2_000, &[1_990], true),
        deploy(3_000, &[], false),
    ];
    let incidents = [incident(2_000, 2_045), incident(5_000, 5_090)];
    assert_eq!(
        four_keys(&deploys, &incidents, 7),
        FourKeys {
            deployments: 3,
            window_days: 7,
            lead_time_min: Some(30),
            change_failure_per_mille: Some(334),
            time_to_restore_min: Some(68),
        },
        "3 deployments; lead times 30, 100 and 10 have the median 30; 1 failure in 3 is 334 ‰ \
         rounded up; restore times 45 and 90 have the median 68 (67.5 rounded up)"
    );
}

#[test]
fn lead_time_counts_every_commit_of_a_deployment() {
    let deploys = [
        deploy(1_000, &[999, 998, 997, 996, 100], false),
        deploy(2_000, &[1_000], false),
    ];
    assert_eq!(
        four_keys(&deploys, &[], 1).lead_time_min,
        Some(4),
        "lead times 1, 2, 3, 4, 900 and 1 000: the median of all six commits is (3 + 4) / 2 \
         rounded up, 4; a deployment is not one change but as many as it has commits"
    );
}

#[test]
fn lead_time_is_a_median_not_a_mean() {
    let deploys = [
        deploy(100, &[90], false),
        deploy(200, &[180], false),
        deploy(100_000, &[0], false),
    ];
    assert_eq!(
        four_keys(&deploys, &[], 1).lead_time_min,
        Some(20),
        "lead times 10, 20 and 100 000: the median is 20; one change that waited two months \
         does not make every change slow"
    );
}

#[test]
fn a_redeploy_without_commits_counts_as_a_deployment_but_adds_no_lead_time() {
    let deploys = [deploy(1_000, &[], false), deploy(2_000, &[1_950], false)];
    let keys = four_keys(&deploys, &[], 1);
    assert_eq!(keys.deployments, 2, "a redeploy is still a deployment");
    assert_eq!(
        keys.lead_time_min,
        Some(50),
        "only the commit deployed at 2 000 has a lead time (50); the redeploy adds none, not 0"
    );
    assert_eq!(
        four_keys(&[deploy(1_000, &[], true)], &[], 1).lead_time_min,
        None,
        "deployments that shipped no commit at all give no lead time"
    );
}

#[test]
fn change_failure_rate_is_failed_over_all_deployments_rounded_up() {
    assert_eq!(
        four_keys(&deployments(7, 1), &[], 7).change_failure_per_mille,
        Some(143),
        "1 failed deployment of 7 is 142.857… ‰, rounded up to 143"
    );
    assert_eq!(
        four_keys(&deployments(20, 3), &[], 7).change_failure_per_mille,
        Some(150),
        "3 failed deployments of 20 are exactly 150 ‰"
    );
    assert_eq!(
        four_keys(&deployments(9, 0), &[], 7).change_failure_per_mille,
        Some(0),
        "no failed deployment is a rate of 0 ‰"
    );
    assert_eq!(
        four_keys(&deployments(4, 4), &[], 7).change_failure_per_mille,
        Some(1_000),
        "every deployment failed: 1 000 ‰"
    );
}

#[test]
fn time_to_restore_is_the_median_over_incidents() {
    let incidents = [incident(0, 10), incident(100, 130), incident(1_000, 21_000)];
    assert_eq!(
        four_keys(&[], &incidents, 7).time_to_restore_min,
        Some(30),
        "restore times 10, 30 and 20 000 have the median 30"
    );
    let incidents = [incident(0, 10), incident(100, 121)];
    assert_eq!(
        four_keys(&[], &incidents, 7).time_to_restore_min,
        Some(16),
        "restore times 10 and 21: the median is their mean, 15.5, rounded up to 16"
    );
}

#[test]
fn without_records_the_keys_have_no_value() {
    assert_eq!(
        four_keys(&[], &[], 30),
        FourKeys {
            deployments: 0,
            window_days: 30,
            lead_time_min: None,
            change_failure_per_mille: None,
            time_to_restore_min: None,
        },
        "no deployment and no incident: nothing to take a median or a rate of"
    );
}

#[test]
fn the_median_of_an_even_count_is_the_mean_of_the_two_middle_rounded_up() {
    assert_eq!(median(vec![4, 1, 3, 2]), Some(3), "2 and 3: 2.5 rounds up");
    assert_eq!(median(vec![10, 2]), Some(6), "2 and 10: exactly 6");
    assert_eq!(
        median(vec![5, 9, 1]),
        Some(5),
        "an odd count takes the middle one"
    );
    assert_eq!(median(vec![]), None, "no values have no median");
}

// Task 2: Place each key in the 2021 table
#[test]
fn the_doc_example_is_high_elite_low_and_high() {
    let keys = FourKeys {
        deployments: 3,
        window_days: 7,
        lead_time_min: Some(30),
        change_failure_per_mille: Some(334),
        time_to_restore_min: Some(68),
    };
    assert_eq!(
        key_tiers(&keys),
        KeyTiers {
            deployment_frequency: Tier::High,
            lead_time: Tier::Elite,
            change_failure_rate: Tier::Low,
            time_to_restore: Tier::High,
        },
        "3 deployments in 7 days are at least monthly (high); 30 min is under an hour (elite); \
         334 ‰ is above 30 % (low); 68 min is under a day (high)"
    );
}

#[test]
fn elite_deploys_at_least_twice_a_day_on_average() {
    let at = |deployments, window_days| {
        tiers(FourKeys {
            deployments,
            window_days,
            ..elite_keys()
        })
        .deployment_frequency
    };
    assert_eq!(
        at(14, 7),
        Tier::Elite,
        "14 deployments in 7 days: multiple a day"
    );
    assert_eq!(
        at(13, 7),
        Tier::High,
        "13 deployments in 7 days are fewer than two a day: high, not elite"
    );
    assert_eq!(
        at(7, 7),
        Tier::High,
        "daily deployments fall in the gap above high's range: high"
    );
}

#[test]
fn high_deploys_at_least_once_a_month_and_medium_once_in_six() {
    let at = |deployments, window_days| {
        tiers(FourKeys {
            deployments,
            window_days,
            ..elite_keys()
        })
        .deployment_frequency
    };
    assert_eq!(
        at(3, 90),
        Tier::High,
        "3 deployments in 90 days: once a month, high"
    );
    assert_eq!(
        at(2, 90),
        Tier::Medium,
        "2 in 90 days is less than monthly: medium"
    );
    assert_eq!(
        at(2, 360),
        Tier::Medium,
        "2 in 360 days: once in six months, medium"
    );
    assert_eq!(
        at(2, 361),
        Tier::Low,
        "2 in 361 days is less than once in six months: low"
    );
    assert_eq!(at(0, 7), Tier::Low, "no deployment at all is low");
}

#[test]
fn lead_time_tiers_follow_the_2021_table() {
    let at = |lead_time_min| {
        tiers(FourKeys {
            lead_time_min,
            ..elite_keys()
        })
        .lead_time
    };
    assert_eq!(
        at(Some(59)),
        Tier::Elite,
        "59 minutes is less than one hour"
    );
    assert_eq!(
        at(Some(60)),
        Tier::High,
        "one hour is not less than one hour"
    );
    assert_eq!(
        at(Some(10_080)),
        Tier::High,
        "one week is the end of high's range"
    );
    assert_eq!(at(Some(10_081)), Tier::Medium, "past a week is medium");
    assert_eq!(
        at(Some(259_200)),
        Tier::Medium,
        "six months is the end of medium's range"
    );
    assert_eq!(at(Some(259_201)), Tier::Low, "more than six months is low");
    assert_eq!(
        at(None),
        Tier::Low,
        "a team that shipped no commit has no lead time: low"
    );
}

#[test]
fn change_failure_rate_tiers_follow_the_2021_table() {
    let at = |change_failure_per_mille| {
        tiers(FourKeys {
            change_failure_per_mille,
            ..elite_keys()
        })
        .change_failure_rate
    };
    assert_eq!(at(Some(0)), Tier::Elite, "no failures is elite");
    assert_eq!(
        at(Some(150)),
        Tier::Elite,
        "15 % is the end of elite's 0-15 %"
    );
    assert_eq!(
        at(Some(151)),
        Tier::High,
        "15.1 % falls in the gap below 16-30 %: high"
    );
    assert_eq!(at(Some(300)), Tier::High, "30 % is the end of 16-30 %");
    assert_eq!(
        at(Some(301)),
        Tier::Low,
        "above 30 % is worse than every range of the table: low, never medium"
    );
    assert_eq!(at(None), Tier::Low, "no deployments, no rate: low");
}

#[test]
fn a_rate_just_above_fifteen_percent_is_not_elite() {
    let keys = four_keys(&deployments(352, 53), &[], 7);
    assert_eq!(
        keys.change_failure_per_mille,
        Some(151),
        "53 of 352 is 150.57 ‰, rounded up to 151"
    );
    assert_eq!(
        key_tiers(&keys).change_failure_rate,
        Tier::High,
        "a failure rate above 15 % is not elite, however little above"
    );
}

#[test]
fn time_to_restore_tiers_follow_the_2021_table() {
    let at = |time_to_restore_min| {
        tiers(FourKeys {
            time_to_restore_min,
            ..elite_keys()
        })
        .time_to_restore
    };
    assert_eq!(
        at(Some(59)),
        Tier::Elite,
        "59 minutes is less than one hour"
    );
    assert_eq!(
        at(Some(60)),
        Tier::High,
        "one hour is not less than one hour"
    );
    assert_eq!(
        at(Some(1_439)),
        Tier::High,
        "23 h 59 min is less than one day"
    );
    assert_eq!(
        at(Some(1_440)),
        Tier::Medium,
        "one day is not less than one day"
    );
    assert_eq!(
        at(Some(10_080)),
        Tier::Medium,
        "one week is the end of medium's range"
    );
    assert_eq!(at(Some(10_081)), Tier::Low, "past a week falls to low");
    assert_eq!(
        at(None),
        Tier::Elite,
        "no incident in the window: nothing to restore, so the key holds no one back"
    );
}

// Task 3: Let the worst key decide
#[test]
fn the_worst_key_decides_the_team_tier() {
    let keys = FourKeys {
        deployments: 3,
        window_days: 7,
        lead_time_min: Some(30),
        change_failure_per_mille: Some(334),
        time_to_restore_min: Some(68),
    };
    assert_eq!(
        performance(&keys),
        Tier::Low,
        "fast lead times do not make up for a third of deployments failing: low"
    );
    assert_eq!(
        performance(&elite_keys()),
        Tier::Elite,
        "elite on every key is elite"
    );
}

#[test]
fn each_key_alone_can_hold_the_team_back() {
    let slow_deploys = FourKeys {
        deployments: 2,
        window_days: 90,
        ..elite_keys()
    };
    assert_eq!(
        performance(&slow_deploys),
        Tier::Medium,
        "deployment frequency decides"
    );
    let slow_changes = FourKeys {
        lead_time_min: Some(300_000),
        ..elite_keys()
    };
    assert_eq!(performance(&slow_changes), Tier::Low, "lead time decides");
    let failing = FourKeys {
        change_failure_per_mille: Some(200),
        ..elite_keys()
    };
    assert_eq!(
        performance(&failing),
        Tier::High,
        "change failure rate decides"
    );
    let slow_restores = FourKeys {
        time_to_restore_min: Some(2_000),
        ..elite_keys()
    };
    assert_eq!(
        performance(&slow_restores),
        Tier::Medium,
        "time to restore decides"
    );
}

#[test]
fn a_team_that_never_deploys_is_low() {
    let keys = four_keys(&[], &[], 30);
    assert_eq!(
        performance(&keys),
        Tier::Low,
        "no deployments in 30 days: low, even with no incident to restore"
    );
}

use replica_placement::{max_per_zone, place, quorum, Placement, PlacementError, Zone};

fn at(zone: &str, rack: &str) -> Placement {
    Placement {
        zone: zone.to_string(),
        rack: rack.to_string(),
    }
}

/// Zones with a single rack each, of the given capacities.
fn flat(zones: &[(&str, usize)]) -> Vec<Zone> {
    zones
        .iter()
        .map(|&(name, capacity)| Zone::new(name, &[("r1", capacity)]))
        .collect()
}

fn count_in(plan: &[Placement], zone: &str) -> usize {
    plan.iter().filter(|p| p.zone == zone).count()
}

// Task 1: Work out the quorum and the limit per zone
#[test]
fn quorum_is_the_smallest_strict_majority() {
    for (n, q) in [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3), (6, 4), (7, 4)] {
        assert_eq!(
            quorum(n),
            q,
            "a quorum of {n} replicas is {q}: more than half, never exactly half"
        );
    }
}

#[test]
fn one_zone_may_hold_only_what_can_be_lost() {
    for (n, k) in [
        (1, 0),
        (2, 0),
        (3, 1),
        (4, 1),
        (5, 2),
        (6, 2),
        (7, 3),
        (9, 4),
    ] {
        assert_eq!(
            max_per_zone(n),
            k,
            "with {n} replicas a zone may hold {k}: losing it must leave a quorum of {}",
            quorum(n)
        );
    }
}

// Task 2: Refuse a placement that cannot survive a zone loss
#[test]
fn fewer_than_three_replicas_cannot_survive_a_zone_loss() {
    let zones = flat(&[("a", 5), ("b", 5), ("c", 5), ("d", 5)]);
    for n in [0, 1, 2] {
        assert_eq!(
            place(&zones, n),
            Err(PlacementError::TooFewReplicas { replicas: n }),
            "with {n} replicas, losing any zone that holds one of them loses the quorum"
        );
    }
}

#[test]
fn too_few_zones_is_reported_with_how_many_are_needed() {
    assert_eq!(
        place(&flat(&[("a", 9), ("b", 9)]), 5),
        Err(PlacementError::NotEnoughZones {
            zones: 2,
            needed: 3
        }),
        "5 replicas allow 2 per zone, so they need 3 zones; 2 zones cannot do it"
    );
    assert_eq!(
        place(&[], 3),
        Err(PlacementError::NotEnoughZones {
            zones: 0,
            needed: 3
        }),
        "with no zones at all, 3 replicas still need 3 zones"
    );
    assert_eq!(
        place(&flat(&[("a", 9), ("b", 9)]), 7),
        Err(PlacementError::NotEnoughZones {
            zones: 2,
            needed: 3
        }),
        "7 replicas allow 3 per zone, so they need 3 zones (7 / 3 rounded up)"
    );
}

#[test]
fn missing_zones_are_reported_before_missing_capacity() {
    assert_eq!(
        place(&flat(&[("a", 0), ("b", 0)]), 5),
        Err(PlacementError::NotEnoughZones {
            zones: 2,
            needed: 3
        }),
        "too few zones is the first reason to give, even when the zones are also full"
    );
}

#[test]
fn usable_capacity_counts_each_zone_only_up_to_its_limit() {
    // 5 replicas: at most 2 per zone. Zone a has 10 slots but only 2 count.
    let zones = flat(&[("a", 10), ("b", 1), ("c", 1)]);
    assert_eq!(
        place(&zones, 5),
        Err(PlacementError::NotEnoughCapacity {
            usable: 4,
            needed: 5
        }),
        "a zone's room beyond its limit does not help: 2 + 1 + 1 = 4 usable slots for 5 replicas"
    );
    let zones = flat(&[("a", 1), ("b", 1), ("c", 0)]);
    assert_eq!(
        place(&zones, 3),
        Err(PlacementError::NotEnoughCapacity {
            usable: 2,
            needed: 3
        }),
        "a zone with no free slot counts as a zone but adds no capacity"
    );
}

#[test]
fn a_refused_placement_explains_itself() {
    let message = PlacementError::NotEnoughZones {
        zones: 2,
        needed: 3,
    }
    .to_string();
    assert!(
        message.contains('2') && message.contains('3'),
        "the message should name the zones there are (2) and needed (3), got {message:?}"
    );
    let message = PlacementError::NotEnoughCapacity {
        usable: 4,
        needed: 5,
    }
    .to_string();
    assert!(
        message.contains('4') && message.contains('5'),
        "the message should name the usable slots (4) and the replicas (5), got {message:?}"
    );
    let message = PlacementError::TooFewReplicas { replicas: 2 }.to_string();
    assert!(
        message.contains('2'),
        "the message should name the replicas, got {message:?}"
    );
    let _: &dyn std::error::Error = &PlacementError::TooFewReplicas { replicas: 2 };
}

// Task 3: Spread the replicas over the zones
#[test]
fn three_replicas_land_in_three_zones_in_listed_order() {
    let zones = flat(&[("eu-a", 5), ("eu-b", 5), ("eu-c", 5)]);
    assert_eq!(
        place(&zones, 3),
        Ok(vec![at("eu-a", "r1"), at("eu-b", "r1"), at("eu-c", "r1")]),
        "3 replicas allow 1 per zone; they go to the least-loaded zone, ties to the zone listed first"
    );
}

#[test]
fn five_replicas_spread_two_two_one_in_round_robin_order() {
    let zones = flat(&[("a", 5), ("b", 5), ("c", 5)]);
    let plan = place(&zones, 5).expect("5 replicas fit in 3 roomy zones, at most 2 per zone");
    let order: Vec<&str> = plan.iter().map(|p| p.zone.as_str()).collect();
    assert_eq!(
        order,
        vec!["a", "b", "c", "a", "b"],
        "each replica goes to the zone holding the fewest so far, ties to the zone listed first"
    );
}

#[test]
fn four_replicas_need_four_zones_not_three() {
    let three = flat(&[("a", 5), ("b", 5), ("c", 5)]);
    assert_eq!(
        place(&three, 4),
        Err(PlacementError::NotEnoughZones {
            zones: 3,
            needed: 4
        }),
        "4 replicas need a quorum of 3, so a zone may hold only 1: that takes 4 zones"
    );
    let four = flat(&[("a", 5), ("b", 5), ("c", 5), ("d", 5)]);
    let plan = place(&four, 4).expect("4 replicas fit in 4 zones, one each");
    for zone in ["a", "b", "c", "d"] {
        assert_eq!(
            count_in(&plan, zone),
            1,
            "with 4 replicas every zone holds exactly 1 (zone {zone})"
        );
    }
}

#[test]
fn a_full_zone_is_skipped_and_the_others_take_the_rest() {
    let zones = flat(&[("a", 1), ("b", 5), ("c", 5)]);
    let plan = place(&zones, 5).expect("1 + 2 + 2 usable slots fit 5 replicas");
    let order: Vec<&str> = plan.iter().map(|p| p.zone.as_str()).collect();
    assert_eq!(
        order,
        vec!["a", "b", "c", "b", "c"],
        "zone a has room for 1 only; once full the least-loaded zones with room take the rest"
    );
}

#[test]
fn no_zone_ever_goes_over_its_limit() {
    let zones = flat(&[("a", 10), ("b", 10), ("c", 10), ("d", 10)]);
    for n in 3..=9 {
        let plan = place(&zones, n).expect("four roomy zones fit 3 to 9 replicas");
        assert_eq!(plan.len(), n, "every one of the {n} replicas gets a place");
        for zone in ["a", "b", "c", "d"] {
            let lost = count_in(&plan, zone);
            assert!(
                n - lost >= quorum(n),
                "with {n} replicas, losing zone {zone} (holding {lost}) must leave a quorum of {}",
                quorum(n)
            );
        }
    }
}

#[test]
fn the_least_loaded_zone_wins_over_the_first_listed() {
    // 7 replicas: limit 3 per zone. Zone a can hold only 1, so b and c get ahead of it,
    // and d (listed last) must be preferred over the fuller b and c.
    let zones = flat(&[("a", 1), ("b", 9), ("c", 9), ("d", 9)]);
    let plan = place(&zones, 7).expect("1 + 3 + 3 + 3 usable slots fit 7 replicas");
    let order: Vec<&str> = plan.iter().map(|p| p.zone.as_str()).collect();
    assert_eq!(
        order,
        vec!["a", "b", "c", "d", "b", "c", "d"],
        "each replica goes to the zone holding the fewest so far among zones with room"
    );
}

#[test]
fn placement_is_deterministic() {
    let zones = vec![
        Zone::new("x", &[("x1", 2), ("x2", 2)]),
        Zone::new("y", &[("y1", 4)]),
        Zone::new("z", &[("z1", 1), ("z2", 1), ("z3", 1)]),
    ];
    let first = place(&zones, 5);
    assert!(first.is_ok(), "5 replicas fit: got {first:?}");
    for _ in 0..5 {
        assert_eq!(
            place(&zones, 5),
            first,
            "the same zones and replica count must always give the same placement"
        );
    }
}

// Task 4: Spread them over the racks of each zone
#[test]
fn replicas_inside_a_zone_spread_over_its_racks() {
    let zones = vec![
        Zone::new("a", &[("a1", 3), ("a2", 3)]),
        Zone::new("b", &[("b1", 3), ("b2", 3)]),
        Zone::new("c", &[("c1", 3), ("c2", 3)]),
    ];
    let plan = place(&zones, 7).expect("7 replicas, up to 3 per zone, fit in 3 zones of 6 slots");
    assert_eq!(
        plan,
        vec![
            at("a", "a1"),
            at("b", "b1"),
            at("c", "c1"),
            at("a", "a2"),
            at("b", "b2"),
            at("c", "c2"),
            at("a", "a1"),
        ],
        "inside a zone each replica goes to the rack holding the fewest, ties to the rack listed first"
    );
}

#[test]
fn a_full_rack_is_skipped_inside_its_zone() {
    let zones = vec![
        Zone::new("a", &[("a1", 1), ("a2", 5), ("a3", 5)]),
        Zone::new("b", &[("b1", 0), ("b2", 5)]),
        Zone::new("c", &[("c1", 1)]),
    ];
    let plan = place(&zones, 9).expect("9 replicas, up to 4 per zone, fit in 4 + 4 + 1 slots");
    let in_a: Vec<&str> = plan
        .iter()
        .filter(|p| p.zone == "a")
        .map(|p| p.rack.as_str())
        .collect();
    assert_eq!(
        in_a,
        vec!["a1", "a2", "a3", "a2"],
        "rack a1 holds only 1 replica; after that zone a's replicas go to a2 and a3"
    );
    let in_b: Vec<&str> = plan
        .iter()
        .filter(|p| p.zone == "b")
        .map(|p| p.rack.as_str())
        .collect();
    assert_eq!(
        in_b,
        vec!["b2", "b2", "b2", "b2"],
        "rack b1 has no free slot, so every replica in zone b goes to b2"
    );
    assert_eq!(
        count_in(&plan, "c"),
        1,
        "zone c has room for 1, so zones a and b take 4 each"
    );
}

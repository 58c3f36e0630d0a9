use chaos_monkey::{apply, candidates, plan_round, Halt, Instance, Plan, Rng, Rules, SplitMix64};

/// A scripted source of randomness: gives the answers in order and records every `below(n)`.
struct Script {
    answers: Vec<usize>,
    asked: Vec<usize>,
}

impl Script {
    fn new(answers: &[usize]) -> Script {
        Script {
            answers: answers.to_vec(),
            asked: Vec::new(),
        }
    }
}

impl Rng for Script {
    fn below(&mut self, n: usize) -> usize {
        let answer = self.answers.get(self.asked.len()).copied().unwrap_or(0);
        self.asked.push(n);
        answer % n.max(1)
    }
}

fn inst(id: &str, group: &str, zone: &str) -> Instance {
    Instance::new(id, group, zone, true)
}

/// api: 4 healthy over zones a, b, c; web: 3 healthy over a and b; db: opted out;
/// batch: exactly at its minimum, in zone d only. Listed in no particular order
/// (neither by group, nor by zone, nor by id).
fn fleet() -> Vec<Instance> {
    vec![
        inst("web-2", "web", "zone-b"),
        inst("api-3", "api", "zone-c"),
        inst("api-4", "api", "zone-a"),
        inst("db-1", "db", "zone-a"),
        inst("api-2", "api", "zone-b"),
        inst("web-1", "web", "zone-a"),
        inst("api-1", "api", "zone-a"),
        inst("db-2", "db", "zone-b"),
        inst("web-3", "web", "zone-b"),
        inst("batch-1", "batch", "zone-d"),
        inst("batch-2", "batch", "zone-d"),
        inst("db-3", "db", "zone-c"),
    ]
}

fn rules() -> Rules {
    Rules {
        min_healthy: 2,
        opted_out: vec!["db".to_string()],
    }
}

fn plan(zone: &str, ids: &[&str]) -> Plan {
    Plan {
        zone: Some(zone.to_string()),
        terminate: ids.iter().map(|s| s.to_string()).collect(),
    }
}

/// Marks the named instances as unhealthy.
fn take_down(fleet: &mut [Instance], ids: &[&str]) {
    for id in ids {
        let instance = fleet
            .iter_mut()
            .find(|i| i.id == *id)
            .expect("the test names a fleet instance");
        instance.healthy = false;
    }
}

/// The ids of the candidates, or the halt.
fn candidate_ids(fleet: &[Instance], rules: &Rules) -> Result<Vec<String>, Halt> {
    candidates(fleet, rules).map(|list| list.iter().map(|i| i.id.clone()).collect())
}

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn healthy_in(fleet: &[Instance], group: &str) -> usize {
    fleet
        .iter()
        .filter(|i| i.group == group && i.healthy)
        .count()
}

// Task 1: Halt a round that does not start from the steady state
#[test]
fn candidates_halt_when_a_group_is_below_its_minimum() {
    let mut fleet = fleet();
    take_down(&mut fleet, &["web-2", "web-3"]);
    assert_eq!(
        candidate_ids(&fleet, &rules()),
        Err(Halt::BelowMinimum {
            group: "web".to_string(),
            healthy: 1,
            min_healthy: 2
        }),
        "web has 1 healthy instance, below its minimum of 2: the round halts"
    );
    take_down(&mut fleet, &["batch-1", "batch-2"]);
    assert_eq!(
        candidate_ids(&fleet, &rules()),
        Err(Halt::BelowMinimum {
            group: "batch".to_string(),
            healthy: 0,
            min_healthy: 2
        }),
        "batch (0 healthy) and web (1) are both below: the first by name, batch, is reported, \
         even though web comes first in the fleet"
    );
}

#[test]
fn a_group_exactly_at_its_minimum_does_not_halt() {
    let fleet = vec![inst("a-1", "a", "zone-a"), inst("a-2", "a", "zone-b")];
    assert_eq!(
        candidate_ids(&fleet, &rules()),
        Ok(vec![]),
        "a group at exactly its minimum is in steady state: no halt, but nothing to take"
    );
}

#[test]
fn an_opted_out_group_below_its_minimum_does_not_halt_the_candidates() {
    let mut fleet = fleet();
    take_down(&mut fleet, &["db-1", "db-2", "db-3"]);
    assert!(
        candidate_ids(&fleet, &rules()).is_ok(),
        "db opted out: its health is not checked"
    );
}

#[test]
fn a_halt_explains_itself() {
    let halt = Halt::BelowMinimum {
        group: "web".to_string(),
        healthy: 1,
        min_healthy: 2,
    };
    let message = halt.to_string();
    assert!(
        message.contains("web") && message.contains('1') && message.contains('2'),
        "the message should name the group, its healthy count and the minimum, got {message:?}"
    );
    let _: &dyn std::error::Error = &halt;
}

// Task 2: Choose the candidates
#[test]
fn candidates_are_the_healthy_instances_of_groups_above_their_minimum_in_fleet_order() {
    assert_eq!(
        candidate_ids(&fleet(), &rules()),
        Ok(ids(&[
            "web-2", "api-3", "api-4", "api-2", "web-1", "api-1", "web-3"
        ])),
        "api (4 healthy) and web (3) can each lose one; db opted out and batch sits at its \
         minimum; the list keeps fleet order"
    );
}

#[test]
fn an_unhealthy_instance_is_never_a_candidate() {
    let mut fleet = fleet();
    take_down(&mut fleet, &["api-1"]);
    assert_eq!(
        candidate_ids(&fleet, &rules()),
        Ok(ids(&["web-2", "api-3", "api-4", "api-2", "web-1", "web-3"])),
        "api-1 is already down: api keeps 3 healthy, which may still lose one, but not api-1"
    );
}

#[test]
fn a_group_that_would_fall_below_its_minimum_offers_no_candidate() {
    let mut fleet = fleet();
    take_down(&mut fleet, &["web-1"]);
    assert_eq!(
        candidate_ids(&fleet, &rules()),
        Ok(ids(&["api-3", "api-4", "api-2", "api-1"])),
        "web has exactly 2 healthy left, its minimum: losing one more would break it"
    );
    let everyone = Rules {
        min_healthy: 2,
        opted_out: vec![],
    };
    assert_eq!(
        candidate_ids(&fleet, &everyone),
        Ok(ids(&[
            "api-3", "api-4", "db-1", "api-2", "api-1", "db-2", "db-3"
        ])),
        "once db takes part, its 3 healthy instances are candidates too"
    );
}

#[test]
fn the_healthy_count_for_candidates_is_over_the_whole_group() {
    let fleet = vec![
        inst("cache-1", "cache", "zone-a"),
        inst("cache-2", "cache", "zone-b"),
        inst("cache-3", "cache", "zone-b"),
    ];
    assert_eq!(
        candidate_ids(&fleet, &rules()),
        Ok(ids(&["cache-1", "cache-2", "cache-3"])),
        "cache-1 is alone in zone-a, but the group has 3 healthy over all zones: all are candidates"
    );
}

// Task 3: Keep the blast radius to one zone
#[test]
fn the_round_halts_when_a_group_is_already_below_its_minimum() {
    let mut fleet = fleet();
    // web-2 and web-3 are down: web has 1 healthy, below its minimum of 2.
    take_down(&mut fleet, &["web-2", "web-3"]);
    let mut rng = Script::new(&[0, 0, 0]);
    assert_eq!(
        plan_round(&fleet, &rules(), &mut rng),
        Err(Halt::BelowMinimum {
            group: "web".to_string(),
            healthy: 1,
            min_healthy: 2
        }),
        "a group below its minimum means the system is not in its steady state: abort the round"
    );
    assert!(
        rng.asked.is_empty(),
        "an aborted round draws nothing, got draws {:?}",
        rng.asked
    );
    // Now api falls to 1 healthy as well; web is listed first in the fleet.
    take_down(&mut fleet, &["api-2", "api-3", "api-4"]);
    assert_eq!(
        plan_round(&fleet, &rules(), &mut Script::new(&[])),
        Err(Halt::BelowMinimum {
            group: "api".to_string(),
            healthy: 1,
            min_healthy: 2
        }),
        "with api and web both below the minimum, the first group by name (api) is reported"
    );
}

#[test]
fn the_generator_is_the_reference_splitmix64() {
    let mut rng = SplitMix64::new(0);
    let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
    assert_eq!(
        first,
        vec![0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f],
        "SplitMix64 seeded with 0 must give the published reference sequence"
    );
    let mut rng = SplitMix64::new(42);
    let draws: Vec<usize> = (0..12).map(|_| rng.below(10)).collect();
    assert_eq!(
        draws,
        vec![7, 1, 2, 3, 0, 8, 2, 8, 3, 6, 2, 4],
        "below(10) scales the high bits of each 64-bit output onto 0..10"
    );
    let mut rng = SplitMix64::new(7);
    for _ in 0..100 {
        assert_eq!(rng.below(1), 0, "below(1) can only ever be 0");
    }
}

#[test]
fn the_zone_is_drawn_among_candidate_zones_sorted_by_name() {
    for (answer, zone) in [(0, "zone-a"), (1, "zone-b"), (2, "zone-c")] {
        let mut rng = Script::new(&[answer]);
        let got = plan_round(&fleet(), &rules(), &mut rng).expect("every group is healthy");
        assert_eq!(
            got.zone.as_deref(),
            Some(zone),
            "draw {answer} among the sorted candidate zones [zone-a, zone-b, zone-c] is {zone}"
        );
        assert_eq!(
            rng.asked.first(),
            Some(&3),
            "the first draw picks among 3 zones: zone-d holds only batch, which is at its minimum"
        );
    }
}

#[test]
fn no_candidate_gives_an_empty_plan_without_drawing() {
    let fleet = vec![
        inst("a-1", "a", "zone-a"),
        inst("a-2", "a", "zone-b"),
        inst("b-1", "b", "zone-a"),
        inst("b-2", "b", "zone-a"),
        inst("b-3", "b", "zone-b"),
    ];
    let rules = Rules {
        min_healthy: 2,
        opted_out: vec!["b".to_string()],
    };
    let mut rng = Script::new(&[0]);
    assert_eq!(
        plan_round(&fleet, &rules, &mut rng),
        Ok(Plan::default()),
        "a sits at its minimum and b opted out: nothing to terminate, no zone"
    );
    assert!(
        rng.asked.is_empty(),
        "with no candidate, nothing is drawn, got draws {:?}",
        rng.asked
    );
    assert_eq!(
        plan_round(&[], &rules, &mut rng),
        Ok(Plan::default()),
        "an empty fleet gives an empty plan"
    );
}

// Task 4: Terminate one instance per group in that zone
#[test]
fn one_instance_per_group_from_the_chosen_zone_in_group_name_order() {
    let mut rng = Script::new(&[1, 0, 1]);
    assert_eq!(
        plan_round(&fleet(), &rules(), &mut rng),
        Ok(plan("zone-b", &["api-2", "web-3"])),
        "zone-b: api draws among [api-2], then web among [web-2, web-3]; draw 1 is web-3"
    );
    assert_eq!(
        rng.asked,
        vec![3, 1, 2],
        "one draw for the zone, then one per group in name order: api (1 candidate), web (2)"
    );
}

#[test]
fn candidates_in_a_zone_are_drawn_in_fleet_order() {
    let mut rng = Script::new(&[0, 0, 0]);
    assert_eq!(
        plan_round(&fleet(), &rules(), &mut rng),
        Ok(plan("zone-a", &["api-4", "web-1"])),
        "api's candidates in zone-a in fleet order are [api-4, api-1]: draw 0 is api-4"
    );
    let mut rng = Script::new(&[0, 1, 0]);
    assert_eq!(
        plan_round(&fleet(), &rules(), &mut rng),
        Ok(plan("zone-a", &["api-1", "web-1"])),
        "draw 1 among api's zone-a candidates [api-4, api-1] is api-1"
    );
    assert_eq!(
        rng.asked,
        vec![3, 2, 1],
        "zone-a holds 2 api candidates and 1 web candidate"
    );
}

#[test]
fn groups_without_candidates_in_the_zone_draw_nothing() {
    let mut rng = Script::new(&[2, 0]);
    assert_eq!(
        plan_round(&fleet(), &rules(), &mut rng),
        Ok(plan("zone-c", &["api-3"])),
        "zone-c holds only api-3 among the candidates; web has nothing there"
    );
    assert_eq!(
        rng.asked,
        vec![3, 1],
        "web has no candidate in zone-c, so it takes no draw"
    );
}

#[test]
fn opted_out_groups_are_never_touched() {
    for zone in 0..3 {
        let mut rng = Script::new(&[zone, 1, 1]);
        let got = plan_round(&fleet(), &rules(), &mut rng).expect("every group is healthy");
        assert!(
            got.terminate.iter().all(|id| !id.starts_with("db")),
            "db opted out: none of its instances may be terminated, got {got:?}"
        );
        assert!(
            rng.asked.len() <= 3,
            "an opted-out group takes no draw, got draws {:?}",
            rng.asked
        );
    }
    let everyone = Rules {
        min_healthy: 2,
        opted_out: vec![],
    };
    let mut rng = Script::new(&[0, 0, 0, 0]);
    assert_eq!(
        plan_round(&fleet(), &everyone, &mut rng),
        Ok(plan("zone-a", &["api-4", "db-1", "web-1"])),
        "once db takes part, it loses one instance like the others (groups in name order)"
    );
}

#[test]
fn a_group_at_its_minimum_is_left_alone() {
    let mut fleet = fleet();
    // web-1 is gone: web keeps exactly 2 healthy, its minimum.
    take_down(&mut fleet, &["web-1"]);
    let mut rng = Script::new(&[1, 0, 0]);
    assert_eq!(
        plan_round(&fleet, &rules(), &mut rng),
        Ok(plan("zone-b", &["api-2"])),
        "web has exactly min_healthy = 2 healthy instances, so losing one would break the minimum"
    );
    assert_eq!(
        rng.asked,
        vec![3, 1],
        "web takes no draw while at its minimum; api still has zones a, b and c"
    );
}

#[test]
fn unhealthy_instances_are_not_candidates() {
    let mut fleet = fleet();
    // api-1 (zone-a) is already down; api keeps 3 healthy, still above its minimum.
    take_down(&mut fleet, &["api-1"]);
    fleet.push(Instance::new("api-9", "api", "zone-e", false));
    let mut rng = Script::new(&[0, 0, 0]);
    assert_eq!(
        plan_round(&fleet, &rules(), &mut rng),
        Ok(plan("zone-a", &["api-4", "web-1"])),
        "in zone-a only api-4 of the api group is still healthy"
    );
    assert_eq!(
        rng.asked,
        vec![3, 1, 1],
        "zone-e holds only an unhealthy instance and is no candidate zone; api-1 is no candidate"
    );
}

#[test]
fn the_healthy_count_is_over_the_whole_group_not_the_zone() {
    let fleet = vec![
        inst("cache-1", "cache", "zone-a"),
        inst("cache-2", "cache", "zone-b"),
        inst("cache-3", "cache", "zone-b"),
    ];
    let mut rng = Script::new(&[0, 0]);
    assert_eq!(
        plan_round(&fleet, &rules(), &mut rng),
        Ok(plan("zone-a", &["cache-1"])),
        "cache has 3 healthy instances in all; losing cache-1 leaves 2, its minimum"
    );
}

#[test]
fn an_opted_out_group_below_its_minimum_does_not_halt_the_round() {
    let mut fleet = fleet();
    for i in &mut fleet {
        if i.group == "db" {
            i.healthy = false;
        }
    }
    let mut rng = Script::new(&[2, 0]);
    assert_eq!(
        plan_round(&fleet, &rules(), &mut rng),
        Ok(plan("zone-c", &["api-3"])),
        "db opted out of the experiment, so its health does not stop the round"
    );
}

#[test]
fn the_same_seed_gives_the_same_plans() {
    let run = |seed: u64| {
        let mut fleet = fleet();
        let mut rng = SplitMix64::new(seed);
        let mut plans = Vec::new();
        for _ in 0..4 {
            let plan =
                plan_round(&fleet, &rules(), &mut rng).expect("rounds never break a minimum");
            apply(&mut fleet, &plan);
            plans.push(plan);
        }
        plans
    };
    assert_eq!(
        run(99),
        run(99),
        "seed 99 must replay exactly the same rounds"
    );
    assert_eq!(
        run(2024)[0],
        plan("zone-b", &["api-2", "web-2"]),
        "seed 2024 first picks zone-b, then api-2 and web-2 there"
    );
    let firsts: Vec<Plan> = (0..10).map(|seed| run(seed).remove(0)).collect();
    assert!(
        firsts.iter().any(|p| p != &firsts[0]),
        "different seeds must be able to give different plans, got {firsts:?}"
    );
}

#[test]
fn many_rounds_never_break_the_safety_rules() {
    let mut fleet = Vec::new();
    for (g, group) in ["api", "cart", "db", "search", "web"].iter().enumerate() {
        for n in 0..(4 + g) {
            let zone = ["zone-a", "zone-b", "zone-c"][(n + g) % 3];
            fleet.push(inst(&format!("{group}-{n}"), group, zone));
        }
    }
    let rules = Rules {
        min_healthy: 3,
        opted_out: vec!["db".to_string()],
    };
    let mut rng = SplitMix64::new(7);
    let mut rounds_with_kills = 0;
    for round in 0..40 {
        let plan =
            plan_round(&fleet, &rules, &mut rng).expect("the monkey itself never breaks a minimum");
        for id in &plan.terminate {
            let victim = fleet
                .iter()
                .find(|i| &i.id == id)
                .expect("terminate only fleet instances");
            assert_eq!(
                Some(&victim.zone),
                plan.zone.as_ref(),
                "round {round}: every termination must be in the one chosen zone (blast radius)"
            );
            assert!(victim.healthy, "round {round}: {id} was already unhealthy");
            assert_ne!(victim.group, "db", "round {round}: db opted out");
            let same_group = plan
                .terminate
                .iter()
                .filter(|other| other.split('-').next() == id.split('-').next())
                .count();
            assert_eq!(
                same_group, 1,
                "round {round}: at most one instance per group"
            );
        }
        if !plan.terminate.is_empty() {
            rounds_with_kills += 1;
        }
        apply(&mut fleet, &plan);
        for group in ["api", "cart", "search", "web"] {
            assert!(
                healthy_in(&fleet, group) >= 3,
                "round {round}: {group} must keep min_healthy = 3 healthy instances"
            );
        }
    }
    for (group, left) in [
        ("api", 3),
        ("cart", 3),
        ("db", 6),
        ("search", 3),
        ("web", 3),
    ] {
        assert_eq!(
            healthy_in(&fleet, group),
            left,
            "after many rounds {group} is worn down to exactly its minimum (db, opted out, keeps all)"
        );
    }
    assert!(
        rounds_with_kills >= 4,
        "with 12 instances above the minimum, several rounds must terminate something"
    );
}

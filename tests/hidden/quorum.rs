use quorum::{Cluster, ConfigError, QuorumConfig, QuorumError, Read, Version, Versioned};

fn strict(n: usize, w: usize, r: usize) -> Cluster {
    Cluster::new(QuorumConfig::new(n, w, r).expect("a valid overlapping config"))
}

fn eventual(n: usize, w: usize, r: usize) -> Cluster {
    Cluster::new(QuorumConfig::new_eventual(n, w, r).expect("a valid config"))
}

fn versioned(version: u64, value: &str) -> Versioned {
    Versioned {
        version: Version(version),
        value: value.to_string(),
    }
}

/// Sets which replicas are up: bit `i` of `mask` set means replica `i` is up.
fn set_pattern(cluster: &mut Cluster, n: usize, mask: u32) {
    for i in 0..n {
        cluster.set_up(i, mask & (1 << i) != 0);
    }
}

// Task 1: Accept only quorums that overlap
#[test]
fn strict_quorums_must_overlap() {
    for (n, w, r) in [
        (3, 2, 2),
        (3, 1, 3),
        (3, 3, 1),
        (5, 3, 3),
        (5, 4, 2),
        (1, 1, 1),
    ] {
        let config = QuorumConfig::new(n, w, r);
        assert!(
            config.is_ok(),
            "N={n}, W={w}, R={r}: R + W > N, so the quorums overlap and the config is accepted, \
             got {config:?}"
        );
    }
    for (n, w, r) in [
        (3, 1, 2),
        (3, 2, 1),
        (3, 1, 1),
        (5, 2, 3),
        (5, 3, 2),
        (4, 2, 2),
    ] {
        assert_eq!(
            QuorumConfig::new(n, w, r),
            Err(ConfigError::QuorumsDoNotOverlap { n, w, r }),
            "N={n}, W={w}, R={r}: R + W <= N, so a read can miss the latest write and a strict \
             config must be refused"
        );
    }
}

#[test]
fn overlaps_tells_whether_reads_always_meet_the_latest_write() {
    let strict = QuorumConfig::new(3, 2, 2).unwrap();
    assert!(
        strict.overlaps(),
        "N=3, W=2, R=2: 2 + 2 > 3, the quorums overlap"
    );
    let edge = QuorumConfig::new_eventual(4, 2, 2).unwrap();
    assert!(
        !edge.overlaps(),
        "N=4, W=2, R=2: 2 + 2 = 4 is not more than N, so the quorums can miss each other"
    );
    let just = QuorumConfig::new_eventual(4, 3, 2).unwrap();
    assert!(
        just.overlaps(),
        "N=4, W=3, R=2: 3 + 2 > 4, the quorums overlap"
    );
    let fast = QuorumConfig::new_eventual(3, 1, 1).unwrap();
    assert!(!fast.overlaps(), "N=3, W=1, R=1: 1 + 1 <= 3, no overlap");
    let config = QuorumConfig::new(5, 3, 4).unwrap();
    assert_eq!(
        (config.n(), config.w(), config.r()),
        (5, 3, 4),
        "the config keeps N, W and R as given"
    );
}

#[test]
fn quorum_sizes_must_be_between_one_and_n() {
    assert_eq!(
        QuorumConfig::new_eventual(0, 1, 1),
        Err(ConfigError::NoReplicas),
        "a store with zero replicas keeps nothing"
    );
    assert_eq!(
        QuorumConfig::new_eventual(3, 0, 1),
        Err(ConfigError::WriteQuorumOutOfRange { w: 0, n: 3 }),
        "a write quorum of 0 would acknowledge writes nobody stored"
    );
    assert_eq!(
        QuorumConfig::new_eventual(3, 4, 1),
        Err(ConfigError::WriteQuorumOutOfRange { w: 4, n: 3 }),
        "a write quorum larger than N can never be met"
    );
    assert_eq!(
        QuorumConfig::new_eventual(3, 1, 0),
        Err(ConfigError::ReadQuorumOutOfRange { r: 0, n: 3 }),
        "a read quorum of 0 reads nothing"
    );
    assert_eq!(
        QuorumConfig::new(3, 3, 4),
        Err(ConfigError::ReadQuorumOutOfRange { r: 4, n: 3 }),
        "a strict config makes the range checks too: R=4 is larger than N=3"
    );
    assert!(
        QuorumConfig::new_eventual(3, 3, 3).is_ok(),
        "W = N and R = N are allowed"
    );
}

#[test]
fn a_refused_config_explains_itself() {
    let messages = [
        ConfigError::NoReplicas.to_string(),
        ConfigError::WriteQuorumOutOfRange { w: 4, n: 3 }.to_string(),
        ConfigError::ReadQuorumOutOfRange { r: 0, n: 3 }.to_string(),
        ConfigError::QuorumsDoNotOverlap { n: 4, w: 2, r: 2 }.to_string(),
    ];
    assert!(!messages[0].is_empty(), "zero replicas needs a message");
    assert!(
        messages[1].contains('4') && messages[1].contains('3'),
        "the message should name W=4 and N=3, got {:?}",
        messages[1]
    );
    assert!(
        messages[2].contains('0') && messages[2].contains('3'),
        "the message should name R=0 and N=3, got {:?}",
        messages[2]
    );
    assert!(
        messages[3].contains('4') && messages[3].contains('2'),
        "the message should name N=4 and W=R=2, got {:?}",
        messages[3]
    );
    let _: &dyn std::error::Error = &ConfigError::NoReplicas;
}

// Task 2: Write to every replica that is up, if W are
#[test]
fn a_write_succeeds_when_w_replicas_are_up_and_lands_on_every_up_replica() {
    let mut cluster = strict(3, 2, 2);
    cluster.set_up(1, false);
    assert_eq!(
        cluster.write("cart", "apples"),
        Ok(Version(1)),
        "N=3, W=2 with two replicas up: the write is acknowledged by 2 and succeeds as version 1"
    );
    assert_eq!(
        cluster.stored(0, "cart"),
        Some(&versioned(1, "apples")),
        "replica 0 was up: it stores the write"
    );
    assert_eq!(
        cluster.stored(2, "cart"),
        Some(&versioned(1, "apples")),
        "replica 2 was up: it stores the write"
    );
    assert_eq!(
        cluster.stored(1, "cart"),
        None,
        "replica 1 was down: it missed the write"
    );
}

#[test]
fn a_write_fails_when_fewer_than_w_replicas_are_up() {
    let mut cluster = strict(4, 3, 2);
    cluster.set_up(0, false);
    cluster.set_up(2, false);
    assert_eq!(
        cluster.write("cart", "apples"),
        Err(QuorumError::NotEnoughReplicas { needed: 3, up: 2 }),
        "N=4, W=3 with two replicas up: the write cannot reach its quorum of 3"
    );
    for i in [1, 3] {
        assert_eq!(
            cluster.stored(i, "cart"),
            None,
            "a refused write must leave nothing behind, not even on replica {i} that was up"
        );
    }
    cluster.set_up(0, true);
    assert_eq!(
        cluster.write("cart", "pears"),
        Ok(Version(1)),
        "a refused write does not use up a version: the first successful write is version 1"
    );
}

#[test]
fn every_successful_write_gets_the_next_version() {
    let mut cluster = strict(3, 2, 2);
    assert_eq!(cluster.write("a", "1"), Ok(Version(1)), "first write");
    assert_eq!(
        cluster.write("b", "1"),
        Ok(Version(2)),
        "versions count over the whole cluster"
    );
    assert_eq!(cluster.write("a", "2"), Ok(Version(3)), "third write");
    assert_eq!(
        cluster.stored(0, "a"),
        Some(&versioned(3, "2")),
        "the overwrite of key a is version 3 and replaces version 1"
    );
}

#[test]
fn a_refused_operation_explains_the_missing_quorum() {
    let message = QuorumError::NotEnoughReplicas { needed: 3, up: 2 }.to_string();
    assert!(
        message.contains('3') && message.contains('2'),
        "the message should name the quorum needed (3) and the replicas up (2), got {message:?}"
    );
    let _: &dyn std::error::Error = &QuorumError::NotEnoughReplicas { needed: 3, up: 2 };
}

// Task 3: Read the newest version from R replicas
#[test]
fn a_read_returns_the_highest_version_among_the_replicas_asked() {
    // Put version 2 on one replica at a time and check every position is found.
    for newest_on in 0..3 {
        let mut cluster = eventual(3, 1, 3);
        cluster.write("k", "old").unwrap();
        for i in 0..3 {
            cluster.set_up(i, i == newest_on);
        }
        cluster.write("k", "new").unwrap();
        for i in 0..3 {
            cluster.set_up(i, true);
        }
        let read = cluster.read("k").unwrap();
        assert_eq!(
            read.value,
            Some(versioned(2, "new")),
            "R=3 asks all three replicas; only replica {newest_on} has version 2, and the read \
             must return the highest version, wherever it is"
        );
    }
}

#[test]
fn a_read_fails_when_fewer_than_r_replicas_are_up() {
    let mut cluster = strict(5, 2, 4);
    cluster.write("k", "v").unwrap();
    for i in 0..3 {
        cluster.set_up(i, false);
    }
    assert_eq!(
        cluster.read("k"),
        Err(QuorumError::NotEnoughReplicas { needed: 4, up: 2 }),
        "N=5, R=4 with two replicas up: the read cannot reach its quorum of 4"
    );
    cluster.set_up(0, true);
    cluster.set_up(1, true);
    assert!(
        cluster.read("k").is_ok(),
        "with four replicas up, a read quorum of 4 is met"
    );
}

#[test]
fn reading_a_key_nobody_has_returns_nothing_and_repairs_nothing() {
    let mut cluster = strict(3, 2, 2);
    cluster.write("other", "v").unwrap();
    assert_eq!(
        cluster.read("missing"),
        Ok(Read {
            value: None,
            repaired: vec![]
        }),
        "a key no replica stores reads as nothing, and there is nothing to repair"
    );
}

#[test]
fn non_overlapping_quorums_can_return_stale_data() {
    let mut cluster = eventual(3, 1, 1);
    cluster.write("balance", "100").unwrap();
    cluster.set_up(1, false);
    cluster.set_up(2, false);
    assert_eq!(
        cluster.write("balance", "40"),
        Ok(Version(2)),
        "W=1: one replica up is enough to accept the write"
    );
    cluster.set_up(0, false);
    cluster.set_up(1, true);
    cluster.set_up(2, true);
    let read = cluster.read("balance").unwrap();
    assert_eq!(
        read.value,
        Some(versioned(1, "100")),
        "N=3, W=1, R=1: the write went to replica 0 only and the read asks replica 1 only, so \
         it returns the stale version 1: R + W <= N gives no guarantee"
    );
    assert_eq!(
        read.repaired,
        Vec::<usize>::new(),
        "replica 1 is the only one asked and holds the newest it knows of: nothing to repair"
    );
}

#[test]
fn a_read_asks_only_the_first_r_replicas_that_are_up() {
    let mut cluster = eventual(4, 1, 2);
    cluster.write("k", "old").unwrap();
    for i in 0..4 {
        cluster.set_up(i, i == 3);
    }
    cluster.write("k", "new").unwrap();
    for i in 0..4 {
        cluster.set_up(i, true);
    }
    cluster.set_up(0, false);
    let read = cluster.read("k").unwrap();
    assert_eq!(
        read.value,
        Some(versioned(1, "old")),
        "replica 0 is down, so R=2 asks replicas 1 and 2; replica 3 holds version 2 but is not \
         asked"
    );
    cluster.set_up(1, false);
    let read = cluster.read("k").unwrap();
    assert_eq!(
        read.value,
        Some(versioned(2, "new")),
        "with replicas 0 and 1 down, R=2 asks replicas 2 and 3, and replica 3 has version 2"
    );
}

#[test]
fn overlapping_quorums_never_return_stale_data() {
    for (n, w, r) in [(3, 2, 2), (3, 1, 3), (3, 3, 1), (4, 3, 2), (5, 3, 3)] {
        let mut successful_reads = 0;
        for write_mask in 0..(1u32 << n) {
            for read_mask in 0..(1u32 << n) {
                let mut cluster = strict(n, w, r);
                cluster.write("k", "old").unwrap();
                set_pattern(&mut cluster, n, write_mask);
                if cluster.write("k", "new").is_err() {
                    continue;
                }
                set_pattern(&mut cluster, n, read_mask);
                if let Ok(read) = cluster.read("k") {
                    successful_reads += 1;
                    assert_eq!(
                        read.value,
                        Some(versioned(2, "new")),
                        "N={n}, W={w}, R={r}: up during the write {write_mask:0n$b}, up during \
                         the read {read_mask:0n$b} (bit i = replica i): with R + W > N every \
                         read quorum meets the write quorum, so the read must see version 2"
                    );
                }
            }
        }
        assert!(
            successful_reads > 0,
            "N={n}, W={w}, R={r}: some up/down patterns must let both the write and the read \
             succeed"
        );
    }
}

// Task 4: Repair the stale replicas a read met
#[test]
fn read_repair_brings_the_stale_replicas_asked_up_to_date() {
    let mut cluster = eventual(4, 1, 3);
    cluster.set_up(2, false);
    cluster.write("k", "v1").unwrap();
    for i in 1..4 {
        cluster.set_up(i, false);
    }
    cluster.write("k", "v2").unwrap();
    for i in 0..4 {
        cluster.set_up(i, true);
    }
    // Replica 0 has version 2, replicas 1 and 3 have version 1, replica 2 has nothing.
    let read = cluster.read("k").unwrap();
    assert_eq!(
        read.value,
        Some(versioned(2, "v2")),
        "the newest version among replicas 0, 1 and 2 is version 2"
    );
    assert_eq!(
        read.repaired,
        vec![1, 2],
        "replica 1 held an older version and replica 2 held nothing: both are repaired, in \
         index order; replica 0 already had the newest and is not reported"
    );
    for i in 0..3 {
        assert_eq!(
            cluster.stored(i, "k"),
            Some(&versioned(2, "v2")),
            "after read repair, asked replica {i} holds the newest version"
        );
    }
    assert_eq!(
        cluster.stored(3, "k"),
        Some(&versioned(1, "v1")),
        "replica 3 was not asked (R=3 asks replicas 0, 1 and 2), so read repair leaves it alone"
    );
    let again = cluster.read("k").unwrap();
    assert_eq!(
        again.repaired,
        Vec::<usize>::new(),
        "a second read finds replicas 0, 1 and 2 up to date: nothing left to repair"
    );
}

#[test]
fn read_repair_spreads_the_newest_version_to_later_quorums() {
    let mut cluster = eventual(3, 1, 2);
    cluster.set_up(1, false);
    cluster.set_up(2, false);
    cluster.write("k", "v1").unwrap();
    cluster.set_up(1, true);
    cluster.set_up(2, true);
    let first = cluster.read("k").unwrap();
    assert_eq!(
        first.repaired,
        vec![1],
        "R=2 asks replicas 0 and 1; replica 1 missed the write and is repaired"
    );
    cluster.set_up(0, false);
    let second = cluster.read("k").unwrap();
    assert_eq!(
        second.value,
        Some(versioned(1, "v1")),
        "with replica 0 down the read asks replicas 1 and 2: thanks to the earlier repair, \
         replica 1 now has the write"
    );
    assert_eq!(
        second.repaired,
        vec![2],
        "replica 2 missed the write and is repaired by this read"
    );
}

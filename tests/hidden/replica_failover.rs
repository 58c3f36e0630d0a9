use replica_failover::{
    data_loss, plan_failover, DataLoss, FailoverError, LogPosition, Policy, Promotion, Replica,
};

fn pos(transactions: u64, bytes: u64) -> LogPosition {
    LogPosition {
        transactions,
        bytes,
    }
}

fn loss(transactions: u64, bytes: u64) -> DataLoss {
    DataLoss {
        transactions,
        bytes,
    }
}

fn replica(name: &str, healthy: bool, transactions: u64, bytes: u64) -> Replica {
    Replica {
        name: name.to_string(),
        healthy,
        applied: pos(transactions, bytes),
    }
}

/// A generous policy that never refuses.
fn lenient() -> Policy {
    Policy {
        max_lost_transactions: u64::MAX,
        max_lost_bytes: u64::MAX,
        force: false,
    }
}

fn policy(max_lost_transactions: u64, max_lost_bytes: u64, force: bool) -> Policy {
    Policy {
        max_lost_transactions,
        max_lost_bytes,
        force,
    }
}

fn promoted(plan: Result<Promotion, FailoverError>) -> String {
    plan.expect("a failover should have been planned").promoted
}

// Task 1: Work out what a promotion loses
#[test]
fn data_loss_is_the_primary_minus_the_replica() {
    assert_eq!(
        data_loss(pos(1_200, 480_000), pos(1_150, 455_000)),
        loss(50, 25_000),
        "primary last seen at 1200 transactions / 480000 bytes, replica at 1150 / 455000: \
         promoting it loses 50 transactions and 25000 bytes"
    );
    assert_eq!(
        data_loss(pos(1_200, 480_000), pos(1_200, 480_000)),
        loss(0, 0),
        "a replica that applied everything loses nothing"
    );
}

#[test]
fn data_loss_is_never_negative() {
    assert_eq!(
        data_loss(pos(1_200, 480_000), pos(1_210, 484_000)),
        loss(0, 0),
        "the primary's last report can be older than the replica's: a replica ahead of it \
         loses nothing (clamp at zero, never underflow)"
    );
    assert_eq!(
        data_loss(pos(1_200, 480_000), pos(1_190, 484_000)),
        loss(10, 0),
        "each field is clamped on its own: 10 transactions behind, bytes ahead"
    );
    assert_eq!(
        data_loss(pos(1_200, 480_000), pos(1_210, 470_000)),
        loss(0, 10_000),
        "each field is clamped on its own: transactions ahead, 10000 bytes behind"
    );
}

// Task 2: Promote the most up-to-date healthy replica
#[test]
fn the_most_up_to_date_healthy_replica_is_promoted() {
    let replicas = [
        replica("db-1", true, 900, 360_000),
        replica("db-2", true, 990, 396_000),
        replica("db-3", true, 950, 380_000),
    ];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &replicas, lenient()),
        Ok(Promotion {
            promoted: "db-2".to_string(),
            lost: loss(10, 4_000),
            over_bound: false,
            must_rewind: vec![],
        }),
        "db-2 has applied the most (990 transactions): it is promoted and loses 10 \
         transactions and 4000 bytes"
    );
}

#[test]
fn an_unhealthy_replica_is_never_promoted() {
    let replicas = [
        replica("db-1", false, 1_000, 400_000),
        replica("db-2", true, 980, 392_000),
        replica("db-3", false, 999, 399_000),
    ];
    assert_eq!(
        promoted(plan_failover(pos(1_000, 400_000), &replicas, lenient())),
        "db-2",
        "db-1 and db-3 are further ahead but unhealthy: db-2 is the only one that can lead"
    );
    let none = [replica("db-1", false, 1_000, 400_000)];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &none, lenient()),
        Err(FailoverError::NoHealthyReplica),
        "with no healthy replica there is nobody to promote"
    );
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &[], lenient()),
        Err(FailoverError::NoHealthyReplica),
        "with no replicas at all there is nobody to promote"
    );
}

#[test]
fn on_a_tie_the_replica_listed_first_is_promoted() {
    let replicas = [
        replica("db-1", true, 900, 360_000),
        replica("db-2", true, 990, 396_000),
        replica("db-3", true, 990, 396_000),
        replica("db-4", true, 990, 396_000),
    ];
    assert_eq!(
        promoted(plan_failover(pos(1_000, 400_000), &replicas, lenient())),
        "db-2",
        "db-2, db-3 and db-4 are equally up to date: the tie goes to the first listed, db-2"
    );
}

#[test]
fn equal_transactions_are_broken_by_bytes() {
    let replicas = [
        replica("db-1", true, 990, 395_000),
        replica("db-2", true, 990, 396_000),
        replica("db-3", true, 989, 399_000),
    ];
    assert_eq!(
        promoted(plan_failover(pos(1_000, 400_000), &replicas, lenient())),
        "db-2",
        "db-1 and db-2 both applied 990 transactions; db-2 has more bytes. db-3 has the most \
         bytes but fewer transactions, and transactions come first"
    );
}

// Task 3: Refuse or flag a loss over the bound
#[test]
fn a_loss_exactly_at_the_bound_is_accepted() {
    let replicas = [replica("db-1", true, 990, 396_000)];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &replicas, policy(10, 4_000, false)),
        Ok(Promotion {
            promoted: "db-1".to_string(),
            lost: loss(10, 4_000),
            over_bound: false,
            must_rewind: vec![],
        }),
        "losing 10 transactions and 4000 bytes is within a bound of 10 and 4000 (inclusive)"
    );
}

#[test]
fn a_loss_over_the_transaction_bound_is_refused() {
    let replicas = [replica("db-1", true, 989, 396_000)];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &replicas, policy(10, 4_000, false)),
        Err(FailoverError::TooMuchDataLoss {
            candidate: "db-1".to_string(),
            lost: loss(11, 4_000)
        }),
        "11 transactions lost is over the bound of 10: refuse, naming the candidate and the \
         loss"
    );
}

#[test]
fn a_loss_over_the_byte_bound_is_refused() {
    let replicas = [replica("db-1", true, 990, 395_999)];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &replicas, policy(10, 4_000, false)),
        Err(FailoverError::TooMuchDataLoss {
            candidate: "db-1".to_string(),
            lost: loss(10, 4_001)
        }),
        "10 transactions is within bound but 4001 bytes is over the bound of 4000: either \
         one over the bound refuses the failover"
    );
}

#[test]
fn a_zero_bound_only_promotes_a_fully_caught_up_replica() {
    let replicas = [
        replica("db-1", true, 999, 399_900),
        replica("db-2", true, 1_000, 400_000),
    ];
    assert_eq!(
        promoted(plan_failover(
            pos(1_000, 400_000),
            &replicas,
            policy(0, 0, false)
        )),
        "db-2",
        "an RPO of zero accepts a replica with everything the primary had"
    );
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &replicas[..1], policy(0, 0, false)),
        Err(FailoverError::TooMuchDataLoss {
            candidate: "db-1".to_string(),
            lost: loss(1, 100)
        }),
        "an RPO of zero refuses a replica one transaction behind"
    );
}

#[test]
fn a_forced_failover_goes_ahead_and_is_flagged() {
    let replicas = [replica("db-1", true, 900, 360_000)];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &replicas, policy(10, 4_000, true)),
        Ok(Promotion {
            promoted: "db-1".to_string(),
            lost: loss(100, 40_000),
            over_bound: true,
            must_rewind: vec![],
        }),
        "the operator forced it: db-1 is promoted despite losing 100 transactions, and the \
         plan says the bound was exceeded"
    );
    let close = [replica("db-1", true, 995, 398_000)];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &close, policy(10, 4_000, true))
            .map(|plan| plan.over_bound),
        Ok(false),
        "forcing a failover that is within the bound anyway does not flag it"
    );
}

#[test]
fn the_loss_is_never_negative_when_a_replica_is_ahead_of_the_last_primary_report() {
    let replicas = [replica("db-1", true, 1_005, 402_000)];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &replicas, policy(0, 0, false)),
        Ok(Promotion {
            promoted: "db-1".to_string(),
            lost: loss(0, 0),
            over_bound: false,
            must_rewind: vec![],
        }),
        "db-1 reported more than the primary's last report: nothing is lost"
    );
}

#[test]
fn a_refused_failover_reports_the_best_candidate() {
    let replicas = [
        replica("db-1", true, 800, 320_000),
        replica("db-2", true, 850, 340_000),
        replica("db-3", false, 1_000, 400_000),
    ];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &replicas, policy(100, 100_000, false)),
        Err(FailoverError::TooMuchDataLoss {
            candidate: "db-2".to_string(),
            lost: loss(150, 60_000)
        }),
        "even the best healthy candidate, db-2, loses 150 transactions, over the bound of 100: \
         the refusal names db-2 so an operator can decide whether to force it"
    );
}

#[test]
fn a_refusal_explains_itself() {
    let message = FailoverError::TooMuchDataLoss {
        candidate: "db-2".to_string(),
        lost: loss(150, 60_000),
    }
    .to_string();
    assert!(
        message.contains("db-2") && message.contains("150"),
        "the message should name the candidate and the transactions it would lose, got {message:?}"
    );
    assert!(
        !FailoverError::NoHealthyReplica.to_string().is_empty(),
        "having nobody to promote needs a message too"
    );
    let _: &dyn std::error::Error = &FailoverError::NoHealthyReplica;
}

// Task 4: List the replicas that must be rewound
#[test]
fn unhealthy_replicas_ahead_of_the_new_primary_must_be_rewound() {
    let replicas = [
        replica("db-1", false, 1_000, 400_000),
        replica("db-2", true, 950, 380_000),
        replica("db-3", false, 950, 380_000),
        replica("db-4", false, 940, 376_000),
        replica("db-5", true, 930, 372_000),
        replica("db-6", false, 950, 380_500),
    ];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &replicas, lenient()),
        Ok(Promotion {
            promoted: "db-2".to_string(),
            lost: loss(50, 20_000),
            over_bound: false,
            must_rewind: vec!["db-1".to_string(), "db-6".to_string()],
        }),
        "db-1 (1000 transactions) and db-6 (950 transactions but more bytes) hold writes the \
         new primary db-2 never had: they must be rewound. db-3 is level with db-2 and db-4 \
         is behind, so they can simply follow; healthy db-5 follows too"
    );
}

#[test]
fn replicas_to_rewind_are_listed_in_list_order_even_when_forced() {
    let replicas = [
        replica("db-9", false, 1_000, 400_000),
        replica("db-1", true, 900, 360_000),
        replica("db-3", false, 901, 360_100),
    ];
    assert_eq!(
        plan_failover(pos(1_000, 400_000), &replicas, policy(10, 4_000, true))
            .map(|plan| plan.must_rewind),
        Ok(vec!["db-9".to_string(), "db-3".to_string()]),
        "db-9 and db-3 are ahead of the new primary db-1: both are rewound, in the order they \
         are listed (not by name or position), and forcing the failover does not skip this"
    );
}

use dr_tier::{choose, Needs, Objective, Offer, Replication, Tier, TierError, STANDARD_OFFERS};

const BACKUP_RESTORE: Offer = STANDARD_OFFERS[0];
const PILOT_LIGHT: Offer = STANDARD_OFFERS[1];
const WARM_STANDBY: Offer = STANDARD_OFFERS[2];
const MULTI_SITE_ASYNC: Offer = STANDARD_OFFERS[3];
const MULTI_SITE_SYNC: Offer = STANDARD_OFFERS[4];

/// `n` minutes, in seconds.
fn minutes(n: u64) -> u64 {
    n * 60
}

/// `n` hours, in seconds.
fn hours(n: u64) -> u64 {
    minutes(n * 60)
}

/// `n` dollars, in cents.
fn dollars(n: u64) -> u64 {
    n * 100
}

/// Needs with a budget given in dollars.
fn needs(rpo_secs: u64, rto_secs: u64, budget_dollars: u64) -> Needs {
    Needs {
        rpo_secs,
        rto_secs,
        budget_cents: dollars(budget_dollars),
    }
}

/// An asynchronous offer with a cost given in dollars.
/// Two offers that fit the same needs at the same cost.
fn twins() -> [Offer; 2] {
    [
        offer(Tier::WarmStandby, minutes(1), minutes(15), 8_000),
        offer(Tier::MultiSite, minutes(1), minutes(1), 8_000),
    ]
}

fn offer(tier: Tier, rpo_secs: u64, rto_secs: u64, monthly_dollars: u64) -> Offer {
    Offer {
        tier,
        replication: Replication::Asynchronous,
        rpo_secs,
        rto_secs,
        monthly_cost_cents: dollars(monthly_dollars),
    }
}

// Task 1: Check an offer against each objective
#[test]
fn an_offer_meets_an_objective_it_matches_exactly() {
    let offer = PILOT_LIGHT;
    assert!(
        offer.meets_rpo(minutes(15)),
        "losing at most 15 minutes of data meets an RPO of 15 minutes"
    );
    assert!(
        offer.meets_rpo(hours(1)),
        "losing at most 15 minutes of data meets an RPO of an hour"
    );
    assert!(
        !offer.meets_rpo(minutes(14)),
        "losing up to 15 minutes of data misses an RPO of 14 minutes"
    );
    assert!(
        offer.meets_rto(hours(1)),
        "being down at most an hour meets an RTO of an hour"
    );
    assert!(
        !offer.meets_rto(minutes(59)),
        "being down up to an hour misses an RTO of 59 minutes"
    );
    assert!(
        MULTI_SITE_SYNC.meets_rpo(0),
        "synchronous replication loses nothing: it meets an RPO of zero"
    );
    assert!(
        !MULTI_SITE_ASYNC.meets_rpo(0),
        "asynchronous replication can lose the last seconds: it misses an RPO of zero"
    );
}

#[test]
fn the_standard_offers_trade_money_for_faster_recovery() {
    use Replication::{Asynchronous, Backups, Synchronous};
    let promises: Vec<(Tier, Replication, u64, u64, u64)> = STANDARD_OFFERS
        .iter()
        .map(|o| {
            (
                o.tier,
                o.replication,
                o.rpo_secs,
                o.rto_secs,
                o.monthly_cost_cents / 100,
            )
        })
        .collect();
    assert_eq!(
        promises,
        vec![
            (Tier::BackupRestore, Backups, hours(24), hours(24), 1_000),
            (Tier::PilotLight, Asynchronous, minutes(15), hours(1), 3_000),
            (
                Tier::WarmStandby,
                Asynchronous,
                minutes(1),
                minutes(15),
                8_000
            ),
            (Tier::MultiSite, Asynchronous, 5, minutes(1), 20_000),
            (Tier::MultiSite, Synchronous, 0, minutes(1), 35_000),
        ],
        "the standard offers are listed cheapest first, each promising less loss and less \
         downtime than the one before (the file's STANDARD_OFFERS is not to be changed)"
    );
}

// Task 2: Choose the cheapest offer that meets both
#[test]
fn the_cheapest_offer_wins_whatever_the_order_of_the_list() {
    let mut offers = STANDARD_OFFERS;
    offers.reverse();
    assert_eq!(
        choose(&needs(minutes(15), hours(4), 50_000), &offers),
        Ok(PILOT_LIGHT),
        "listed dearest first, the pilot light is still the cheapest offer that fits"
    );
    assert_eq!(
        choose(&needs(minutes(5), minutes(15), 8_000), &twins()),
        Ok(twins()[0]),
        "two offers fit at the same cost: the one listed first wins"
    );
}

#[test]
fn relaxed_objectives_get_backup_and_restore() {
    assert_eq!(
        choose(&needs(hours(24), hours(24), 50_000), &STANDARD_OFFERS),
        Ok(BACKUP_RESTORE),
        "a day of data loss and a day of downtime are met by restoring daily backups, the \
         cheapest tier, however large the budget"
    );
}

#[test]
fn the_cheapest_offer_meeting_both_objectives_wins() {
    assert_eq!(
        choose(&needs(hours(1), hours(4), 50_000), &STANDARD_OFFERS),
        Ok(PILOT_LIGHT),
        "RPO 1 h and RTO 4 h: backup and restore is too slow, the pilot light (15 min, 1 h) \
         is the cheapest that fits"
    );
    assert_eq!(
        choose(&needs(minutes(15), hours(1), 50_000), &STANDARD_OFFERS),
        Ok(PILOT_LIGHT),
        "objectives equal to the pilot light's promises (15 min, 1 h) are met by it"
    );
}

#[test]
fn the_stricter_objective_sets_the_tier() {
    assert_eq!(
        choose(&needs(hours(24), minutes(10), 50_000), &STANDARD_OFFERS),
        Ok(MULTI_SITE_ASYNC),
        "a relaxed RPO does not help a 10-minute RTO: only multi-site recovers that fast"
    );
    assert_eq!(
        choose(&needs(minutes(1), hours(24), 50_000), &STANDARD_OFFERS),
        Ok(WARM_STANDBY),
        "a relaxed RTO does not help a 1-minute RPO: the warm standby is the cheapest that \
         loses so little"
    );
}

#[test]
fn zero_data_loss_needs_synchronous_replication() {
    let chosen = choose(&needs(0, hours(1), 50_000), &STANDARD_OFFERS);
    assert_eq!(
        chosen,
        Ok(MULTI_SITE_SYNC),
        "an RPO of zero, even with a relaxed RTO of an hour, takes the dearest offer"
    );
    assert_eq!(
        chosen.map(|offer| offer.replication),
        Ok(Replication::Synchronous),
        "only synchronous replication acknowledges a write once it is safe on another site"
    );
}

#[test]
fn a_budget_equal_to_the_cost_buys_the_offer() {
    assert_eq!(
        choose(&needs(minutes(15), hours(1), 3_000), &STANDARD_OFFERS),
        Ok(PILOT_LIGHT),
        "a budget of exactly $3000 a month buys the $3000 pilot light"
    );
    assert!(
        choose(&needs(minutes(15), hours(1), 2_999), &STANDARD_OFFERS).is_err(),
        "a budget one dollar short of $3000 does not buy the pilot light"
    );
}

// Task 3: Tell which objective no offer can meet
#[test]
fn objectives_beyond_every_offer_are_unreachable() {
    assert_eq!(
        choose(&needs(hours(1), 30, 1_000_000), &STANDARD_OFFERS),
        Err(TierError::Unreachable(Objective::Rto)),
        "no offer recovers within 30 seconds, whatever the budget"
    );
    assert_eq!(
        choose(&needs(0, hours(1), 1_000_000), &STANDARD_OFFERS[..4]),
        Err(TierError::Unreachable(Objective::Rpo)),
        "without synchronous replication no offer reaches zero data loss, whatever the budget"
    );
    assert_eq!(
        choose(&needs(hours(1), hours(1), 1_000_000), &[]),
        Err(TierError::Unreachable(Objective::Both)),
        "with no offer at all, neither objective can be met"
    );
    assert_eq!(
        choose(&needs(0, hours(1), 0), &STANDARD_OFFERS[..4]),
        Err(TierError::Unreachable(Objective::Rpo)),
        "an objective no offer meets is unreachable, not a matter of budget"
    );
}

#[test]
fn unreachable_names_both_when_no_offer_meets_either() {
    assert_eq!(
        choose(&needs(0, 30, 1_000_000), &STANDARD_OFFERS[..4]),
        Err(TierError::Unreachable(Objective::Both)),
        "without synchronous replication none loses nothing, and none recovers within 30 s: both"
    );
}

// Task 4: Tell which objective the budget cannot buy
#[test]
fn a_budget_one_dollar_short_buys_only_what_meets_neither() {
    assert_eq!(
        choose(&needs(minutes(15), hours(1), 2_999), &STANDARD_OFFERS),
        Err(TierError::OverBudget {
            blocked: Objective::Both,
            cheapest: PILOT_LIGHT,
        }),
        "one dollar short of $3000 only buys backup and restore, which meets neither objective"
    );
}

#[test]
fn a_bank_budget_too_small_for_zero_data_loss_blames_the_rpo() {
    assert_eq!(
        choose(&needs(0, hours(1), 20_000), &STANDARD_OFFERS),
        Err(TierError::OverBudget {
            blocked: Objective::Rpo,
            cheapest: MULTI_SITE_SYNC,
        }),
        "20000 buys offers meeting an RTO of an hour but none losing nothing: the RPO is what \
         cannot be met, and synchronous multi-site (35000) is what it would take"
    );
    assert_eq!(
        choose(&needs(0, hours(1), 3_000), &STANDARD_OFFERS),
        Err(TierError::OverBudget {
            blocked: Objective::Rpo,
            cheapest: MULTI_SITE_SYNC,
        }),
        "a budget of exactly 3000 buys the pilot light, which recovers within the hour: still \
         only the RPO is out of reach"
    );
}

#[test]
fn a_budget_too_small_for_a_fast_recovery_blames_the_rto() {
    assert_eq!(
        choose(&needs(hours(24), minutes(1), 10_000), &STANDARD_OFFERS),
        Err(TierError::OverBudget {
            blocked: Objective::Rto,
            cheapest: MULTI_SITE_ASYNC,
        }),
        "10000 buys offers meeting an RPO of a day but none back within a minute: the RTO is \
         what cannot be met, and asynchronous multi-site (20000) is what it would take"
    );
}

#[test]
fn a_budget_that_buys_neither_objective_blames_both() {
    assert_eq!(
        choose(&needs(minutes(1), minutes(15), 5_000), &STANDARD_OFFERS),
        Err(TierError::OverBudget {
            blocked: Objective::Both,
            cheapest: WARM_STANDBY,
        }),
        "5000 buys backup and restore or a pilot light, and neither meets an RPO of 1 minute \
         or an RTO of 15 minutes"
    );
}

#[test]
fn a_budget_that_buys_each_objective_alone_but_not_together_blames_both() {
    let offers = [
        offer(Tier::PilotLight, minutes(1), hours(4), 1_000),
        offer(Tier::WarmStandby, hours(4), minutes(5), 1_000),
        offer(Tier::MultiSite, minutes(1), minutes(5), 9_000),
    ];
    assert_eq!(
        choose(&needs(minutes(1), minutes(5), 2_000), &offers),
        Err(TierError::OverBudget {
            blocked: Objective::Both,
            cheapest: offers[2],
        }),
        "the affordable offers meet the RPO or the RTO, never both at once: blame both"
    );
    assert_eq!(
        choose(&needs(minutes(1), minutes(5), 100_000), &offers[..2]),
        Err(TierError::Unreachable(Objective::Both)),
        "when no offer at any price meets the two objectives together, both are unreachable"
    );
}

#[test]
fn over_budget_names_the_first_listed_of_the_cheapest_offers_that_fit() {
    assert_eq!(
        choose(&needs(minutes(5), minutes(15), 7_999), &twins()),
        Err(TierError::OverBudget {
            blocked: Objective::Both,
            cheapest: twins()[0],
        }),
        "over budget, the error names the first listed of the cheapest offers that fit"
    );
}

#[test]
fn an_over_budget_error_explains_itself() {
    let message = TierError::OverBudget {
        blocked: Objective::Rpo,
        cheapest: MULTI_SITE_SYNC,
    }
    .to_string();
    assert!(
        message.contains("Rpo") && message.contains("3500000"),
        "the message should name the blocked objective and the cheapest offer's cost in cents, \
         got {message:?}"
    );
    let message = TierError::Unreachable(Objective::Rto).to_string();
    assert!(
        message.contains("Rto"),
        "the message should name the objective, got {message:?}"
    );
    let _: &dyn std::error::Error = &TierError::Unreachable(Objective::Both);
}

use team_coupling::{
    coupling, most_coupled_pair, review, Call, Coupling, Owners, Pair, Review, Unowned,
};

fn owners(pairs: &[(&str, &str)]) -> Owners {
    pairs
        .iter()
        .map(|(s, t)| (s.to_string(), t.to_string()))
        .collect()
}

fn call(caller: &str, callee: &str, count: u64) -> Call {
    Call {
        caller: caller.to_string(),
        callee: callee.to_string(),
        count,
    }
}

/// The doc's organisation by layer.
fn by_layer() -> Owners {
    owners(&[
        ("web", "frontend"),
        ("cart-api", "backend"),
        ("pay-api", "backend"),
        ("cart-db", "data"),
        ("pay-db", "data"),
    ])
}

/// The doc's organisation by stream.
fn by_stream() -> Owners {
    owners(&[
        ("web", "frontend"),
        ("cart-api", "cart"),
        ("cart-db", "cart"),
        ("pay-api", "payments"),
        ("pay-db", "payments"),
    ])
}

fn shop_calls() -> Vec<Call> {
    vec![
        call("web", "cart-api", 100),
        call("web", "pay-api", 50),
        call("cart-api", "cart-db", 300),
        call("pay-api", "pay-db", 200),
        call("cart-api", "pay-api", 20),
    ]
}

fn pair(first: &str, second: &str, calls: u64) -> Option<Pair> {
    Some(Pair {
        first: first.to_string(),
        second: second.to_string(),
        calls,
    })
}

// Task 1: Measure the share of calls that cross team boundaries
#[test]
fn the_doc_example_crosses_team_boundaries_in_971_permille_of_calls() {
    assert_eq!(
        coupling(&by_layer(), &shop_calls()),
        Ok(Coupling {
            total: 670,
            cross_team: 650,
            cross_permille: 971
        }),
        "organised by layer, only cart-api→pay-api (20 of 670) stays inside a team: 970.1 ‰ \
         rounded up is 971"
    );
}

#[test]
fn calls_are_weighted_by_their_count() {
    let o = owners(&[("a", "t1"), ("b", "t1"), ("c", "t2")]);
    let calls = [call("a", "b", 900), call("a", "c", 50), call("b", "c", 50)];
    assert_eq!(
        coupling(&o, &calls).map(|c| (c.cross_team, c.cross_permille)),
        Ok((100, 100)),
        "two of three edges cross, but they carry 100 of 1000 calls: 100 ‰, not 667 ‰"
    );
}

#[test]
fn a_service_calling_itself_stays_inside_its_team() {
    let o = owners(&[("a", "t1"), ("b", "t2")]);
    assert_eq!(
        coupling(&o, &[call("a", "a", 3), call("a", "b", 1)]),
        Ok(Coupling {
            total: 4,
            cross_team: 1,
            cross_permille: 250
        }),
        "a→a is inside t1; only a→b crosses: 1 of 4 calls is 250 ‰"
    );
}

#[test]
fn the_share_is_rounded_up_and_exact_shares_are_kept() {
    let o = owners(&[("a", "t1"), ("b", "t1"), ("c", "t2")]);
    assert_eq!(
        coupling(&o, &[call("a", "b", 2), call("a", "c", 1)]).map(|c| c.cross_permille),
        Ok(334),
        "1 of 3 calls is 333.3 ‰, rounded up to 334 (coupling never looks smaller than it is)"
    );
    assert_eq!(
        coupling(&o, &[call("a", "b", 999), call("a", "c", 1)]).map(|c| c.cross_permille),
        Ok(1),
        "1 of 1000 calls is exactly 1 ‰"
    );
    assert_eq!(
        coupling(&o, &[call("a", "b", 1999), call("a", "c", 1)]).map(|c| c.cross_permille),
        Ok(1),
        "1 of 2000 calls is 0.5 ‰, rounded up to 1: traffic across a boundary never shows as 0"
    );
}

#[test]
fn no_calls_is_no_coupling() {
    assert_eq!(
        coupling(&by_layer(), &[]),
        Ok(Coupling {
            total: 0,
            cross_team: 0,
            cross_permille: 0
        }),
        "no calls at all: nothing crosses, 0 ‰ (and no division by zero)"
    );
}

#[test]
fn a_call_involving_an_unowned_service_names_it() {
    let calls = [
        call("web", "cart-api", 1),
        call("cron", "ghost", 1),
        call("web", "orphan", 1),
    ];
    assert_eq!(
        coupling(&by_layer(), &calls),
        Err(Unowned("cron".to_string())),
        "the first unowned service in call order, the caller before the callee"
    );
    assert_eq!(
        coupling(&by_layer(), &[call("web", "ghost", 1)]),
        Err(Unowned("ghost".to_string())),
        "an unowned callee is an error as much as an unowned caller"
    );
}

#[test]
fn an_unowned_service_says_which_service_it_is() {
    assert_eq!(
        Unowned("ghost".to_string()).to_string(),
        "service ghost has no owning team",
        "the message names the service that needs an owner"
    );
}

// Task 2: Find the most coupled pair of teams
#[test]
fn the_doc_example_is_most_coupled_between_backend_and_data() {
    assert_eq!(
        most_coupled_pair(&by_layer(), &shop_calls()),
        Ok(pair("backend", "data", 500)),
        "backend→data carries 300 + 200 calls, frontend–backend only 150"
    );
}

#[test]
fn calls_in_both_directions_add_up_for_a_pair() {
    let o = owners(&[("a", "t1"), ("b", "t2"), ("c", "t3"), ("d", "t4")]);
    let calls = [call("a", "b", 30), call("c", "d", 50), call("b", "a", 30)];
    assert_eq!(
        most_coupled_pair(&o, &calls),
        Ok(pair("t1", "t2", 60)),
        "t1→t2 30 and t2→t1 30 are one pair with 60 calls, more than t3–t4's 50"
    );
}

#[test]
fn a_pair_is_named_with_the_alphabetically_smaller_team_first() {
    let o = owners(&[("z", "zeta"), ("a", "alpha")]);
    assert_eq!(
        most_coupled_pair(&o, &[call("z", "a", 7)]),
        Ok(pair("alpha", "zeta", 7)),
        "zeta calls alpha, but the pair is unordered and is named (alpha, zeta)"
    );
}

#[test]
fn a_tie_goes_to_the_alphabetically_first_pair() {
    let o = owners(&[("a", "ann"), ("b", "bob"), ("c", "cid"), ("d", "dee")]);
    let calls = [call("c", "d", 40), call("b", "c", 40), call("a", "d", 40)];
    assert_eq!(
        most_coupled_pair(&o, &calls),
        Ok(pair("ann", "dee", 40)),
        "three pairs with 40 calls each: (ann, dee) comes before (bob, cid) and (cid, dee)"
    );
}

#[test]
fn calls_inside_teams_make_no_pair() {
    let o = owners(&[("a", "t1"), ("b", "t1")]);
    assert_eq!(
        most_coupled_pair(&o, &[call("a", "b", 1_000), call("b", "b", 5)]),
        Ok(None),
        "all calls stay inside t1: there is no coupled pair of teams"
    );
}

#[test]
fn the_most_coupled_pair_needs_every_service_owned() {
    assert_eq!(
        most_coupled_pair(&by_layer(), &[call("web", "ghost", 1)]),
        Err(Unowned("ghost".to_string())),
        "a call to a service nobody owns cannot be given to a pair of teams"
    );
}

// Task 3: Review a proposed re-organisation
#[test]
fn reorganising_around_streams_lowers_the_cross_team_calls() {
    assert_eq!(
        review(&by_layer(), &by_stream(), &shop_calls(), 2),
        Ok(Review {
            before: 650,
            after: 170,
            overloaded: vec![],
            accepted: true
        }),
        "cart and payments each own their API and database: only web's 150 calls and \
         cart-api→pay-api's 20 still cross, and no team owns more than 2 services"
    );
}

#[test]
fn one_team_owning_everything_is_rejected_as_overloaded() {
    let everyone = owners(&[
        ("web", "everyone"),
        ("cart-api", "everyone"),
        ("pay-api", "everyone"),
        ("cart-db", "everyone"),
        ("pay-db", "everyone"),
    ]);
    assert_eq!(
        review(&by_layer(), &everyone, &shop_calls(), 2),
        Ok(Review {
            before: 650,
            after: 0,
            overloaded: vec![("everyone".to_string(), 5)],
            accepted: false
        }),
        "zero cross-team calls, but one team with 5 services is a monolith's organisation"
    );
}

#[test]
fn a_team_at_its_limit_is_not_overloaded() {
    let r = review(&by_layer(), &by_stream(), &shop_calls(), 1);
    assert_eq!(
        r.as_ref().map(|r| (r.overloaded.clone(), r.accepted)),
        Ok((
            vec![("cart".to_string(), 2), ("payments".to_string(), 2)],
            false
        )),
        "with at most 1 service a team, cart and payments (2 each) are over, listed by name; \
         frontend (1) is exactly at the limit and is not"
    );
}

#[test]
fn overload_counts_services_in_the_proposed_map() {
    let r = review(&by_stream(), &by_layer(), &shop_calls(), 2);
    assert_eq!(
        r.map(|r| r.overloaded),
        Ok(vec![]),
        "by layer, backend and data own 2 services each: at the limit of 2, not over it"
    );
}

#[test]
fn a_proposal_must_make_strictly_fewer_cross_team_calls() {
    let renamed = owners(&[
        ("web", "web-team"),
        ("cart-api", "backend"),
        ("pay-api", "backend"),
        ("cart-db", "data"),
        ("pay-db", "data"),
    ]);
    assert_eq!(
        review(&by_layer(), &renamed, &shop_calls(), 2),
        Ok(Review {
            before: 650,
            after: 650,
            overloaded: vec![],
            accepted: false
        }),
        "renaming a team changes no boundary: as many cross-team calls as before is no gain"
    );
    assert_eq!(
        review(&by_stream(), &by_layer(), &shop_calls(), 2).map(|r| r.accepted),
        Ok(false),
        "going back from streams to layers raises the cross-team calls from 170 to 650"
    );
}

#[test]
fn a_proposal_that_drops_a_service_is_an_error() {
    let mut dropped = by_stream();
    dropped.remove("pay-db");
    assert_eq!(
        review(&by_layer(), &dropped, &shop_calls(), 2),
        Err(Unowned("pay-db".to_string())),
        "a re-org that leaves pay-db without a team is not reviewed, it is sent back"
    );
}

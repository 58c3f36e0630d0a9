use deadline_budget::{run_chain, BudgetError, Call, ChainReport, Deadline, FailedFast, Hop};

fn hop(name: &'static str, work_ms: u64, reserve_ms: u64, timeout_ms: u64) -> Hop {
    Hop {
        name,
        work_ms,
        reserve_ms,
        timeout_ms,
    }
}

fn call(hop: &'static str, at_ms: u64, budget_ms: u64) -> Call {
    Call {
        hop,
        at_ms,
        budget_ms,
    }
}

// Task 1
#[test]
fn a_deadline_is_an_instant_on_the_clock() {
    assert_eq!(
        Deadline::at(1_500).expires_at_ms(),
        1_500,
        "Deadline::at(1500) expires at 1500 ms"
    );
    assert_eq!(
        Deadline::after(1_000, 250).expires_at_ms(),
        1_250,
        "a 250 ms budget starting at 1000 ms expires at 1250 ms"
    );
    assert_eq!(
        Deadline::after(u64::MAX - 5, 100).expires_at_ms(),
        u64::MAX,
        "a deadline past the end of the clock is clamped to the end of the clock"
    );
}

#[test]
fn remaining_time_shrinks_as_the_clock_moves() {
    let d = Deadline::at(1_000);
    assert_eq!(
        d.remaining_ms(0),
        1_000,
        "at 0 ms a deadline at 1000 ms leaves 1000 ms"
    );
    assert_eq!(
        d.remaining_ms(400),
        600,
        "at 400 ms a deadline at 1000 ms leaves 600 ms"
    );
    assert_eq!(
        d.remaining_ms(999),
        1,
        "one millisecond before the deadline, 1 ms is left"
    );
    assert_eq!(
        d.remaining_ms(1_000),
        0,
        "at the deadline itself nothing is left"
    );
}

#[test]
fn a_passed_deadline_leaves_zero_not_a_wrapped_number() {
    let d = Deadline::at(1_000);
    assert_eq!(
        d.remaining_ms(1_001),
        0,
        "a deadline that passed 1 ms ago leaves 0 ms (subtract without wrapping around)"
    );
    assert_eq!(
        d.remaining_ms(u64::MAX),
        0,
        "a deadline long past leaves 0 ms"
    );
}

#[test]
fn the_callee_gets_what_remains_minus_the_callers_reserve() {
    let d = Deadline::at(1_000);
    assert_eq!(
        d.for_call(200, 100, 5_000),
        Ok(Deadline::at(900)),
        "at 200 ms with 800 ms left and 100 ms reserved, the callee must finish by 900 ms"
    );
    assert_eq!(
        d.for_call(0, 0, 5_000),
        Ok(Deadline::at(1_000)),
        "with nothing reserved and a long timeout, the callee inherits the caller's deadline"
    );
}

#[test]
fn a_local_timeout_shortens_the_budget_but_never_extends_it() {
    let d = Deadline::at(1_000);
    assert_eq!(
        d.for_call(200, 100, 300),
        Ok(Deadline::at(500)),
        "a 300 ms timeout at 200 ms ends the call at 500 ms, before the 900 ms the budget allows"
    );
    assert_eq!(
        d.for_call(200, 100, 700),
        Ok(Deadline::at(900)),
        "a 700 ms timeout equal to the budget left after the reserve ends the call at 900 ms"
    );
    assert_eq!(
        d.for_call(200, 100, 701),
        Ok(Deadline::at(900)),
        "a 701 ms timeout may not push the call past the 900 ms the budget allows"
    );
    assert_eq!(
        d.for_call(200, 100, 699),
        Ok(Deadline::at(899)),
        "a 699 ms timeout at 200 ms ends the call at 899 ms"
    );
}

#[test]
fn no_call_when_what_remains_does_not_exceed_the_reserve() {
    let d = Deadline::at(1_000);
    assert_eq!(
        d.for_call(900, 100, 5_000),
        Err(BudgetError::Spent {
            remaining_ms: 100,
            reserve_ms: 100
        }),
        "100 ms left and 100 ms reserved gives the callee nothing: fail fast as Spent"
    );
    assert_eq!(
        d.for_call(950, 100, 5_000),
        Err(BudgetError::Spent {
            remaining_ms: 50,
            reserve_ms: 100
        }),
        "50 ms left with 100 ms reserved: fail fast as Spent, reporting both numbers"
    );
    assert_eq!(
        d.for_call(899, 100, 5_000),
        Ok(Deadline::at(1_000 - 100)),
        "101 ms left with 100 ms reserved still leaves the callee 1 ms"
    );
}

#[test]
fn no_call_once_the_deadline_has_passed() {
    let d = Deadline::at(1_000);
    assert_eq!(
        d.for_call(1_000, 0, 5_000),
        Err(BudgetError::Expired),
        "at the deadline itself nothing is left: fail fast as Expired"
    );
    assert_eq!(
        d.for_call(1_200, 0, 5_000),
        Err(BudgetError::Expired),
        "after the deadline: fail fast as Expired"
    );
    assert_eq!(
        d.for_call(1_200, 100, 5_000),
        Err(BudgetError::Expired),
        "a passed deadline is Expired even when the caller also has a reserve"
    );
    assert_eq!(
        d.for_call(999, 0, 5_000),
        Ok(Deadline::at(1_000)),
        "1 ms before the deadline with no reserve the call is still made"
    );
}

#[test]
fn an_empty_chain_makes_no_calls() {
    let report = run_chain(&[], 0, Deadline::at(1_000));
    assert_eq!(
        report,
        ChainReport {
            calls: vec![],
            failed_fast: None
        },
        "a chain without hops makes no call and does not fail"
    );
}

#[test]
fn the_first_hop_inherits_the_client_deadline() {
    let hops = [hop("edge", 10, 50, 100)];
    let report = run_chain(&hops, 100, Deadline::at(1_100));
    assert_eq!(
        report.calls,
        vec![call("edge", 100, 1_000)],
        "the edge is called at 100 ms with the whole 1000 ms the client allows: the client keeps no reserve and sets no timeout of its own"
    );
    assert_eq!(
        report.failed_fast, None,
        "a chain that completes has no failure"
    );
}

#[test]
fn each_hop_gets_the_deadline_its_caller_hands_down() {
    let hops = [
        hop("gateway", 50, 100, 2_000),
        hop("orders", 30, 40, 400),
        hop("inventory", 20, 0, 1_000),
    ];
    let report = run_chain(&hops, 0, Deadline::at(1_000));
    assert_eq!(
        report.calls,
        vec![
            call("gateway", 0, 1_000),
            // at 50 ms: 950 left, minus gateway's 100 reserved = 850 (its 2000 ms timeout is longer)
            call("orders", 50, 850),
            // at 80 ms: 820 left, minus orders' 40 reserved = 780, capped by orders' 400 ms timeout
            call("inventory", 80, 400),
        ],
        "each hop is called after its caller's work, with what remains minus the caller's reserve, capped by the caller's timeout"
    );
    assert_eq!(
        report.failed_fast, None,
        "every hop had time: nothing failed fast"
    );
}

#[test]
fn time_spent_upstream_shrinks_every_budget_below() {
    // No reserves, generous timeouts: only the work done along the way eats the budget.
    let hops = [
        hop("a", 300, 0, 10_000),
        hop("b", 300, 0, 10_000),
        hop("c", 0, 0, 10_000),
    ];
    let report = run_chain(&hops, 1_000, Deadline::at(2_000));
    assert_eq!(
        report.calls,
        vec![
            call("a", 1_000, 1_000),
            call("b", 1_300, 700),
            call("c", 1_600, 400)
        ],
        "the deadline is absolute: 300 ms of work at each hop leaves 1000, 700 then 400 ms"
    );
}

#[test]
fn a_short_timeout_upstream_bounds_every_hop_below() {
    let hops = [
        hop("a", 0, 0, 200),
        hop("b", 0, 0, 10_000),
        hop("c", 0, 0, 10_000),
    ];
    let report = run_chain(&hops, 0, Deadline::at(5_000));
    assert_eq!(
        report.calls,
        vec![call("a", 0, 5_000), call("b", 0, 200), call("c", 0, 200)],
        "b's long timeout cannot give c more than the 200 ms that a allowed b"
    );
}

#[test]
fn the_chain_fails_fast_at_the_first_hop_without_budget() {
    let hops = [
        hop("gateway", 100, 50, 10_000),
        hop("orders", 800, 100, 10_000),
        hop("payments", 10, 0, 10_000),
        hop("ledger", 10, 0, 10_000),
    ];
    let report = run_chain(&hops, 0, Deadline::at(1_000));
    assert_eq!(
        report.calls,
        vec![call("gateway", 0, 1_000), call("orders", 100, 850)],
        "gateway and orders are called; payments and ledger are not"
    );
    assert_eq!(
        report.failed_fast,
        Some(FailedFast {
            hop: "payments",
            at_ms: 900,
            error: BudgetError::Spent {
                remaining_ms: 50,
                reserve_ms: 100
            },
        }),
        "at 900 ms orders has 50 ms left before its deadline at 950 ms but keeps 100 ms: payments is not called and the chain stops there"
    );
}

#[test]
fn a_hop_that_overruns_its_budget_calls_nobody() {
    let hops = [
        hop("gateway", 0, 0, 300),
        hop("slow", 500, 0, 10_000),
        hop("db", 0, 0, 10_000),
    ];
    let report = run_chain(&hops, 0, Deadline::at(1_000));
    assert_eq!(
        report.calls,
        vec![call("gateway", 0, 1_000), call("slow", 0, 300)],
        "slow is called with 300 ms; db is never called"
    );
    assert_eq!(
        report.failed_fast,
        Some(FailedFast {
            hop: "db",
            at_ms: 500,
            error: BudgetError::Expired
        }),
        "slow's deadline passed at 300 ms, so at 500 ms its call to db fails fast as Expired"
    );
}

#[test]
fn an_expired_request_never_reaches_the_first_hop() {
    let hops = [hop("edge", 10, 0, 100), hop("api", 10, 0, 100)];
    let report = run_chain(&hops, 2_000, Deadline::at(1_500));
    assert_eq!(
        report.calls,
        vec![],
        "a request whose deadline has passed calls no hop at all"
    );
    assert_eq!(
        report.failed_fast,
        Some(FailedFast {
            hop: "edge",
            at_ms: 2_000,
            error: BudgetError::Expired
        }),
        "the failure names the first hop, the time of arrival and Expired"
    );
}

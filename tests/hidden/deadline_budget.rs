use deadline_budget::{
    run_chain, BudgetError, Call, Caller, ChainReport, Deadline, FailedFast, Hop,
};

/// A hop whose clock reads `clock_ms` when the call reaches it.
fn hop_at(
    name: &'static str,
    clock_ms: u64,
    work_ms: u64,
    reserve_ms: u64,
    timeout_ms: u64,
) -> Hop {
    Hop {
        name,
        clock_ms,
        work_ms,
        reserve_ms,
        timeout_ms,
    }
}

/// A hop whose clock happens to read 0 when the call reaches it.
fn hop(name: &'static str, work_ms: u64, reserve_ms: u64, timeout_ms: u64) -> Hop {
    hop_at(name, 0, work_ms, reserve_ms, timeout_ms)
}

fn call(hop: &'static str, timeout_ms: u64) -> Call {
    Call { hop, timeout_ms }
}

// Task 1: Turn a received timeout into a local deadline
#[test]
fn a_received_timeout_becomes_a_deadline_on_the_local_clock() {
    assert_eq!(
        Deadline::after(1_000, 250).expires_at_ms(),
        1_250,
        "a 250 ms timeout received when the local clock reads 1000 ms expires at 1250 ms"
    );
    assert_eq!(
        Deadline::after(0, 0).expires_at_ms(),
        0,
        "a 0 ms timeout received at 0 ms expires at once"
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

// Task 2: Compute the timeout to send to a callee
#[test]
fn the_callee_gets_what_remains_minus_the_callers_reserve() {
    let d = Deadline::at(1_000);
    assert_eq!(
        d.timeout_for_call(200, 100, 5_000),
        Ok(700),
        "at 200 ms with 800 ms left and 100 ms reserved, the callee is sent 700 ms"
    );
    assert_eq!(
        d.timeout_for_call(0, 0, 5_000),
        Ok(1_000),
        "with nothing reserved and a long cap, the callee is sent all the caller has left"
    );
}

#[test]
fn a_local_cap_shortens_the_timeout_but_never_extends_it() {
    let d = Deadline::at(1_000);
    assert_eq!(
        d.timeout_for_call(200, 100, 300),
        Ok(300),
        "a 300 ms cap sends 300 ms, less than the 700 ms the budget allows"
    );
    assert_eq!(
        d.timeout_for_call(200, 100, 700),
        Ok(700),
        "a 700 ms cap equal to the budget left after the reserve sends 700 ms"
    );
    assert_eq!(
        d.timeout_for_call(200, 100, 701),
        Ok(700),
        "a 701 ms cap may not send more than the 700 ms the budget allows"
    );
    assert_eq!(
        d.timeout_for_call(200, 100, 699),
        Ok(699),
        "a 699 ms cap sends 699 ms"
    );
}

#[test]
fn no_call_when_what_remains_does_not_exceed_the_reserve() {
    let d = Deadline::at(1_000);
    assert_eq!(
        d.timeout_for_call(900, 100, 5_000),
        Err(BudgetError::Spent {
            remaining_ms: 100,
            reserve_ms: 100
        }),
        "100 ms left and 100 ms reserved gives the callee nothing: fail fast as Spent"
    );
    assert_eq!(
        d.timeout_for_call(950, 100, 5_000),
        Err(BudgetError::Spent {
            remaining_ms: 50,
            reserve_ms: 100
        }),
        "50 ms left with 100 ms reserved: fail fast as Spent, reporting both numbers"
    );
    assert_eq!(
        d.timeout_for_call(899, 100, 5_000),
        Ok(1),
        "101 ms left with 100 ms reserved still sends the callee 1 ms"
    );
}

#[test]
fn no_call_once_the_deadline_has_passed() {
    let d = Deadline::at(1_000);
    assert_eq!(
        d.timeout_for_call(1_000, 0, 5_000),
        Err(BudgetError::Expired),
        "at the deadline itself nothing is left: fail fast as Expired"
    );
    assert_eq!(
        d.timeout_for_call(1_200, 0, 5_000),
        Err(BudgetError::Expired),
        "after the deadline: fail fast as Expired"
    );
    assert_eq!(
        d.timeout_for_call(1_200, 100, 5_000),
        Err(BudgetError::Expired),
        "a passed deadline is Expired even when the caller also has a reserve"
    );
    assert_eq!(
        d.timeout_for_call(999, 0, 5_000),
        Ok(1),
        "1 ms before the deadline with no reserve the call is still made, with 1 ms"
    );
}

#[test]
fn a_budget_error_reads_as_its_cause() {
    let text = BudgetError::Spent {
        remaining_ms: 50,
        reserve_ms: 100,
    }
    .to_string();
    assert!(
        text.contains("50") && text.contains("100"),
        "a spent budget says what was left and what was reserved, got {text:?}"
    );
    assert!(
        !BudgetError::Expired.to_string().is_empty(),
        "an expired deadline has a message"
    );
}

// Task 3: Become the caller on the hop's own clock
#[test]
fn a_hop_turns_the_timeout_into_a_deadline_on_its_own_clock() {
    let orders = hop_at("orders", 5_000, 30, 40, 400);
    assert_eq!(
        Caller::hop(&orders, 850),
        Caller {
            deadline: Deadline::at(5_850),
            now_ms: 5_030,
            reserve_ms: 40,
            max_timeout_ms: 400,
        },
        "orders receives 850 ms when its clock reads 5000: its deadline is 5850 on its own clock, \
         it calls after its 30 ms of work (5030), with its own reserve of 40 and cap of 400"
    );
    assert_eq!(
        Caller::hop(&orders, 850).timeout_to_send(),
        Ok(400),
        "820 ms left minus 40 reserved is 780, capped at orders' 400 ms"
    );
}

#[test]
fn the_budgets_do_not_depend_on_the_hosts_clocks() {
    // Three hosts whose clocks read wildly different numbers, one of them far behind its caller.
    let hops = [
        hop_at("gateway", 1_000_000, 50, 100, 2_000),
        hop_at("orders", 7, 30, 40, 400),
        hop_at("inventory", 123_456_789, 20, 0, 1_000),
    ];
    let report = run_chain(&hops, 1_000);
    assert_eq!(
        report.calls,
        vec![
            call("gateway", 1_000),
            call("orders", 850),
            call("inventory", 400)
        ],
        "only durations travel: each host counts its timeout on its own clock, so the clocks' \
         readings change nothing"
    );
    assert_eq!(report.failed_fast, None, "every hop had time");
}

#[test]
fn an_empty_chain_makes_no_calls() {
    assert_eq!(
        run_chain(&[], 1_000),
        ChainReport {
            calls: vec![],
            failed_fast: None
        },
        "a chain without hops makes no call and does not fail"
    );
}

#[test]
fn the_first_hop_gets_the_whole_client_timeout() {
    let hops = [hop_at("edge", 100, 10, 50, 100)];
    let report = run_chain(&hops, 1_000);
    assert_eq!(
        report.calls,
        vec![call("edge", 1_000)],
        "the edge is sent the whole 1000 ms: the client keeps no reserve and has no cap"
    );
    assert_eq!(
        report.failed_fast, None,
        "a chain that completes has no failure"
    );
}

#[test]
fn each_hop_gets_what_its_caller_may_send() {
    let hops = [
        hop("gateway", 50, 100, 2_000),
        hop("orders", 30, 40, 400),
        hop("inventory", 20, 0, 1_000),
    ];
    let report = run_chain(&hops, 1_000);
    assert_eq!(
        report.calls,
        vec![
            call("gateway", 1_000),
            // after 50 ms of work: 950 left, minus gateway's 100 reserved = 850
            call("orders", 850),
            // after 30 ms: 820 left, minus orders' 40 reserved = 780, capped at 400
            call("inventory", 400),
        ],
        "each hop is sent what remains after its caller's work, minus the caller's reserve, \
         capped by the caller's timeout"
    );
}

#[test]
fn time_spent_upstream_shrinks_every_budget_below() {
    let hops = [
        hop_at("a", 1_000, 300, 0, 10_000),
        hop_at("b", 40_000, 300, 0, 10_000),
        hop_at("c", 3, 0, 0, 10_000),
    ];
    let report = run_chain(&hops, 1_000);
    assert_eq!(
        report.calls,
        vec![call("a", 1_000), call("b", 700), call("c", 400)],
        "300 ms of work at each hop leaves 1000, 700 then 400 ms"
    );
}

#[test]
fn a_short_timeout_upstream_bounds_every_hop_below() {
    let hops = [
        hop("a", 0, 0, 200),
        hop("b", 0, 0, 10_000),
        hop("c", 0, 0, 10_000),
    ];
    let report = run_chain(&hops, 5_000);
    assert_eq!(
        report.calls,
        vec![call("a", 5_000), call("b", 200), call("c", 200)],
        "b's long timeout cannot give c more than the 200 ms that a allowed b"
    );
}

#[test]
fn the_chain_fails_fast_at_the_first_hop_without_budget() {
    let hops = [
        hop_at("gateway", 10, 100, 50, 10_000),
        hop_at("orders", 20_000, 800, 100, 10_000),
        hop("payments", 10, 0, 10_000),
        hop("ledger", 10, 0, 10_000),
    ];
    let report = run_chain(&hops, 1_000);
    assert_eq!(
        report.calls,
        vec![call("gateway", 1_000), call("orders", 850)],
        "gateway and orders are called; payments and ledger are not"
    );
    assert_eq!(
        report.failed_fast,
        Some(FailedFast {
            hop: "payments",
            error: BudgetError::Spent {
                remaining_ms: 50,
                reserve_ms: 100
            },
        }),
        "after 800 ms of work orders has 50 ms left of its 850 but keeps 100 ms: payments is \
         not called and the chain stops there"
    );
}

#[test]
fn a_hop_that_overruns_its_budget_calls_nobody() {
    let hops = [
        hop("gateway", 0, 0, 300),
        hop_at("slow", 9_000, 500, 0, 10_000),
        hop("db", 0, 0, 10_000),
    ];
    let report = run_chain(&hops, 1_000);
    assert_eq!(
        report.calls,
        vec![call("gateway", 1_000), call("slow", 300)],
        "slow is sent 300 ms; db is never called"
    );
    assert_eq!(
        report.failed_fast,
        Some(FailedFast {
            hop: "db",
            error: BudgetError::Expired
        }),
        "slow's 300 ms ran out during its 500 ms of work, so its call to db fails fast as Expired"
    );
}

#[test]
fn an_expired_request_never_reaches_the_first_hop() {
    let hops = [hop("edge", 10, 0, 100), hop("api", 10, 0, 100)];
    let report = run_chain(&hops, 0);
    assert_eq!(
        report,
        ChainReport {
            calls: vec![],
            failed_fast: Some(FailedFast {
                hop: "edge",
                error: BudgetError::Expired
            }),
        },
        "a client with no time left calls no hop at all, and names the first hop with Expired"
    );
}

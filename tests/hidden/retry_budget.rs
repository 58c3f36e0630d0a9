use retry_budget::{BudgetConfig, BudgetExhausted, RetryBudget, Window};

/// 10 retries per 100 requests, at least 2, over one second.
fn budget() -> RetryBudget {
    RetryBudget::new(BudgetConfig {
        window_ms: 1_000,
        retry_percent: 10,
        min_retries: 2,
    })
}

fn requests(b: &mut RetryBudget, count: u64, at_ms: u64) {
    for _ in 0..count {
        b.record_request(at_ms);
    }
}

// Task 1: Forget what has left the window

#[test]
fn a_request_leaves_the_window_exactly_window_ms_later() {
    let mut b = budget();
    requests(&mut b, 20, 500);
    assert_eq!(
        b.window(1_499),
        Window {
            requests: 20,
            retries: 0
        },
        "at 1499 ms, 999 ms later, the window still holds the 20 requests made at 500 ms"
    );
    assert_eq!(
        b.window(1_500),
        Window {
            requests: 0,
            retries: 0
        },
        "at 1500 ms, 1000 ms later, nothing made at 500 ms is left in a 1000 ms window"
    );
}

#[test]
fn the_window_holds_the_requests_of_the_last_window_ms() {
    let mut b = RetryBudget::new(BudgetConfig {
        window_ms: 250,
        retry_percent: 10,
        min_retries: 0,
    });
    requests(&mut b, 3, 100);
    requests(&mut b, 2, 300);
    assert_eq!(
        b.window(349).requests,
        5,
        "at 349 ms a 250 ms window still holds the requests from 100 ms and 300 ms"
    );
    assert_eq!(
        b.window(350).requests,
        2,
        "at 350 ms the 3 requests from 100 ms have left a 250 ms window; the 2 from 300 ms stay"
    );
    assert_eq!(
        b.window(549).requests,
        2,
        "at 549 ms the requests from 300 ms are still in the window"
    );
    assert_eq!(
        b.window(550).requests,
        0,
        "at 550 ms every request has left the window"
    );
}

#[test]
fn memory_stays_bounded_by_the_window() {
    let mut b = budget();
    for step in 0..10_000u64 {
        b.record_request(step * 10);
    }
    assert!(
        b.tracked() <= 100,
        "requests older than the window must be forgotten as new ones arrive: {} events kept, at most 100 fit in one second at one per 10 ms",
        b.tracked()
    );
    assert_eq!(
        b.window(99_990),
        Window {
            requests: 100,
            retries: 0
        },
        "the window at 99990 ms holds the 100 requests of the last second"
    );
}

// Task 2: Allow retries only within the budget
#[test]
fn a_quiet_client_may_still_send_the_minimum_retries() {
    let mut b = budget();
    assert_eq!(
        b.available(0),
        2,
        "with no traffic at all, the 2 minimum retries are available"
    );
    assert_eq!(
        b.try_retry(0),
        Ok(()),
        "the first of the 2 minimum retries is allowed"
    );
    assert_eq!(
        b.try_retry(1),
        Ok(()),
        "the second of the 2 minimum retries is allowed"
    );
    assert_eq!(
        b.available(2),
        0,
        "after 2 retries and no requests nothing is left"
    );
    assert_eq!(
        b.try_retry(2),
        Err(BudgetExhausted {
            requests: 0,
            retries: 2
        }),
        "a third retry with no requests is refused, reporting 0 requests and 2 retries in the window"
    );
}

#[test]
fn requests_earn_retries_at_the_configured_ratio() {
    let mut b = budget();
    requests(&mut b, 30, 0);
    assert_eq!(
        b.available(0),
        5,
        "30 requests at 10 % earn 3 retries, plus the minimum of 2"
    );
    for i in 0..5 {
        assert_eq!(
            b.try_retry(10),
            Ok(()),
            "retry {} of the 5 allowed must go",
            i + 1
        );
    }
    assert_eq!(
        b.try_retry(10),
        Err(BudgetExhausted {
            requests: 30,
            retries: 5
        }),
        "the 6th retry exceeds 2 + 10 % of 30 and is refused"
    );
}

#[test]
fn the_earned_share_rounds_down() {
    let mut b = budget();
    requests(&mut b, 29, 0);
    assert_eq!(
        b.available(0),
        4,
        "29 requests at 10 % earn 2 whole retries (2.9 rounds down), plus the minimum of 2"
    );
    b.record_request(0);
    assert_eq!(b.available(0), 5, "the 30th request earns the 3rd retry");
}

#[test]
fn the_ratio_is_a_percentage_of_requests() {
    let mut b = RetryBudget::new(BudgetConfig {
        window_ms: 1_000,
        retry_percent: 25,
        min_retries: 0,
    });
    requests(&mut b, 8, 0);
    assert_eq!(b.available(0), 2, "8 requests at 25 % earn 2 retries");
    let mut none = RetryBudget::new(BudgetConfig {
        window_ms: 1_000,
        retry_percent: 0,
        min_retries: 0,
    });
    requests(&mut none, 1_000, 0);
    assert_eq!(
        none.try_retry(0),
        Err(BudgetExhausted {
            requests: 1_000,
            retries: 0
        }),
        "a budget of 0 % with no minimum never allows a retry, however busy"
    );
}

#[test]
fn retries_do_not_earn_more_retries() {
    let mut b = RetryBudget::new(BudgetConfig {
        window_ms: 1_000,
        retry_percent: 10,
        min_retries: 0,
    });
    requests(&mut b, 100, 0);
    for i in 0..10 {
        assert_eq!(
            b.try_retry(1),
            Ok(()),
            "retry {} of the 10 earned by 100 requests must go",
            i + 1
        );
    }
    assert_eq!(
        b.window(1),
        Window {
            requests: 100,
            retries: 10
        },
        "the window holds the 100 requests and 10 retries apart: a retry is not a request"
    );
    assert_eq!(
        b.try_retry(1),
        Err(BudgetExhausted {
            requests: 100,
            retries: 10
        }),
        "the 11th retry is refused: retries must not count as requests and pay for themselves"
    );
}

#[test]
fn a_refused_retry_is_not_counted() {
    let mut b = RetryBudget::new(BudgetConfig {
        window_ms: 1_000,
        retry_percent: 10,
        min_retries: 0,
    });
    requests(&mut b, 10, 0);
    assert_eq!(b.try_retry(0), Ok(()), "10 requests at 10 % earn one retry");
    for _ in 0..5 {
        assert!(b.try_retry(0).is_err(), "further retries are refused");
    }
    assert_eq!(
        b.window(0).retries,
        1,
        "refused retries are never sent, so the window holds only the one retry that went"
    );
    requests(&mut b, 10, 0);
    assert_eq!(
        b.try_retry(0),
        Ok(()),
        "10 more requests earn exactly one more retry, whatever was refused before"
    );
}

#[test]
fn sent_retries_leave_the_window_too() {
    let mut b = budget();
    assert_eq!(b.try_retry(100), Ok(()), "first minimum retry at 100 ms");
    assert_eq!(b.try_retry(200), Ok(()), "second minimum retry at 200 ms");
    assert!(
        b.try_retry(1_099).is_err(),
        "at 1099 ms both retries are still in the window"
    );
    assert_eq!(
        b.try_retry(1_100),
        Ok(()),
        "at 1100 ms the retry from 100 ms has left the window, freeing one slot"
    );
    assert_eq!(
        b.window(1_100),
        Window {
            requests: 0,
            retries: 2
        },
        "the window holds the retries from 200 ms and 1100 ms"
    );
    assert!(
        b.try_retry(1_150).is_err(),
        "at 1150 ms the 2 minimum retries are used again"
    );
}

#[test]
fn the_window_slides_rather_than_resetting() {
    let mut b = RetryBudget::new(BudgetConfig {
        window_ms: 1_000,
        retry_percent: 10,
        min_retries: 0,
    });
    requests(&mut b, 30, 100);
    requests(&mut b, 20, 900);
    assert_eq!(
        b.available(999),
        5,
        "at 999 ms all 50 requests count: 5 retries"
    );
    assert_eq!(
        b.available(1_050),
        5,
        "at 1050 ms the last second still holds all 50 requests (from 100 ms and 900 ms)"
    );
    assert_eq!(
        b.available(1_100),
        2,
        "at 1100 ms only the 20 requests from 900 ms remain in the last second: 2 retries"
    );
    assert_eq!(
        b.available(1_900),
        0,
        "at 1900 ms no request is left in the last second"
    );
}

#[test]
fn old_requests_leaving_never_makes_the_budget_negative() {
    let mut b = budget();
    requests(&mut b, 100, 0);
    for _ in 0..12 {
        assert_eq!(
            b.try_retry(600),
            Ok(()),
            "100 requests plus the minimum allow 12 retries"
        );
    }
    assert_eq!(
        b.available(1_000),
        0,
        "when the requests leave the window before their 12 retries, 0 retries are available (not a negative or wrapped number)"
    );
    assert_eq!(
        b.try_retry(1_000),
        Err(BudgetExhausted {
            requests: 0,
            retries: 12
        }),
        "with 12 retries still in the window and no requests, a retry is refused"
    );
    assert_eq!(
        b.available(1_600),
        2,
        "once the retries have left too, the minimum is back"
    );
}

#[test]
fn a_dead_dependency_is_not_hit_by_a_retry_storm() {
    // One request every 10 ms for 10 s against a dependency that fails every call; the client
    // would retry each failure up to 3 times, which without a budget quadruples the load.
    let mut b = budget();
    let (mut first_attempts, mut retries_sent) = (0u64, 0u64);
    let mut retry_times = Vec::new();
    for step in 0..1_000u64 {
        let now = step * 10;
        b.record_request(now);
        first_attempts += 1;
        for _ in 0..3 {
            if b.try_retry(now).is_ok() {
                retries_sent += 1;
                retry_times.push(now);
            }
        }
    }
    assert_eq!(
        first_attempts, 1_000,
        "the simulation sends 1000 first attempts"
    );
    assert_eq!(
        retries_sent, 120,
        "over 10 s of steady failure the budget lets 12 retries per second through (10 % of 100 requests plus 2), not 3000"
    );
    for (i, &t) in retry_times.iter().enumerate() {
        let in_last_second = retry_times[..=i].iter().filter(|&&r| t - r < 1_000).count();
        assert!(
            in_last_second <= 12,
            "at {t} ms {in_last_second} retries were sent within the last second; at most 12 may be"
        );
    }
}

#[test]
fn sent_retries_are_kept_only_while_in_the_window() {
    let mut b = budget();
    for step in 0..10_000u64 {
        b.record_request(step * 10);
    }
    assert_eq!(b.try_retry(99_990), Ok(()), "100 requests earn retries");
    assert_eq!(
        b.try_retry(99_995),
        Ok(()),
        "100 requests earn a second retry"
    );
    assert_eq!(
        b.tracked(),
        102,
        "the budget keeps exactly the 100 requests and 2 retries of the last second"
    );
    assert_eq!(
        b.window(100_995),
        Window {
            requests: 0,
            retries: 0
        },
        "1000 ms after the last of them, no request and no retry is left"
    );
    assert_eq!(b.tracked(), 0, "and none is kept in memory");
}

#[test]
fn a_refusal_reads_as_the_window_counts() {
    let text = BudgetExhausted {
        requests: 30,
        retries: 5,
    }
    .to_string();
    assert!(
        text.contains("30") && text.contains('5'),
        "a refused retry says how many requests and retries the window held, got {text:?}"
    );
}

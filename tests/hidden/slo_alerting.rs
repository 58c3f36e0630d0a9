use slo_alerting::{
    Alerter, Config, Kind, Notification, Scrape, Severity, DAY_MS, HOUR_MS, MINUTE_MS,
};

const SLO: u64 = 999_000; // 99.9 %

/// The minute at which trouble starts in the scenarios: after three healthy days, so that
/// every window (the 3-day one included) has a full history behind it.
const B: u64 = 3 * 24 * 60 + 100;

fn config(resolve_after_minutes: u64) -> Config {
    Config {
        slo_ppm: SLO,
        resolve_after_ms: resolve_after_minutes * MINUTE_MS,
    }
}

/// Scrapes every minute from minute 0 to `last`. `per_minute(m)` is what minute `m` added
/// (between scrape m − 1 and scrape m), as `(requests, errors)`; the process restarts just
/// before each minute of `restarts`, so that scrape shows only that minute's counts.
fn scrapes(last: u64, per_minute: impl Fn(u64) -> (u64, u64), restarts: &[u64]) -> Vec<Scrape> {
    let (mut requests, mut errors) = (0, 0);
    (0..=last)
        .map(|m| {
            if restarts.contains(&m) {
                requests = 0;
                errors = 0;
            }
            if m > 0 {
                let (r, e) = per_minute(m);
                requests += r;
                errors += e;
            }
            Scrape {
                at_ms: m * MINUTE_MS,
                requests_total: requests,
                errors_total: errors,
            }
        })
        .collect()
}

fn scrape(minute: u64, requests_total: u64, errors_total: u64) -> Scrape {
    Scrape {
        at_ms: minute * MINUTE_MS,
        requests_total,
        errors_total,
    }
}

/// Feeds the scrapes up to each evaluation minute, evaluates, and collects what was sent.
fn run(
    config: Config,
    scrapes: &[Scrape],
    minutes: impl IntoIterator<Item = u64>,
) -> (Alerter, Vec<Notification>) {
    let mut alerter = Alerter::new(config);
    let mut next = 0;
    let mut sent = Vec::new();
    for minute in minutes {
        while next < scrapes.len() && scrapes[next].at_ms <= minute * MINUTE_MS {
            alerter.observe(scrapes[next]);
            next += 1;
        }
        sent.extend(alerter.evaluate(minute * MINUTE_MS));
    }
    (alerter, sent)
}

fn note(minute: u64, severity: Severity, kind: Kind) -> Notification {
    Notification {
        at_ms: minute * MINUTE_MS,
        severity,
        kind,
    }
}

fn only(severity: Severity, sent: &[Notification]) -> Vec<Notification> {
    sent.iter()
        .copied()
        .filter(|n| n.severity == severity)
        .collect()
}

/// 1 000 requests a minute; 20 % of them fail during the minutes in `bad`.
fn bursts(bad: &'static [std::ops::RangeInclusive<u64>]) -> impl Fn(u64) -> (u64, u64) {
    move |m| {
        let failing = bad.iter().any(|r| r.contains(&m));
        (1_000, if failing { 200 } else { 0 })
    }
}

/// An alerter that has seen `scrapes`, for reading burn rates.
fn seen(scrapes: &[Scrape]) -> Alerter {
    let mut alerter = Alerter::new(config(0));
    for s in scrapes {
        alerter.observe(*s);
    }
    alerter
}

// Task 1: Turn counter samples into the burn rate of a window
#[test]
fn the_burn_rate_comes_from_the_increases_of_both_counters() {
    let alerter = seen(&scrapes(120, |_| (1_000, 20), &[]));
    let now = 120 * MINUTE_MS;
    for window in [5 * MINUTE_MS, HOUR_MS, DAY_MS] {
        assert_eq!(
            alerter.burn_rate_milli(now, window),
            20_000,
            "20 errors in every 1 000 requests are 2 %, 20 times the 0.1 % budget, over a \
             window of {window} ms as over any other"
        );
    }
}

#[test]
fn a_restart_does_not_disturb_the_burn_rate() {
    let alerter = seen(&scrapes(120, |_| (1_000, 20), &[30, 90]));
    assert_eq!(
        alerter.burn_rate_milli(120 * MINUTE_MS, HOUR_MS),
        20_000,
        "the counters restarted at minute 90: the drop is a reset, both counters count from 0 \
         again, and the ratio over the hour is still 2 %"
    );
    assert_eq!(
        alerter.burn_rate_milli(120 * MINUTE_MS, 2 * HOUR_MS),
        20_000,
        "over two hours and two restarts, still 2 %"
    );
}

#[test]
fn a_restart_that_lost_only_errors_counts_them_from_zero() {
    let alerter = seen(&[scrape(0, 0, 0), scrape(1, 1_000, 900), scrape(2, 600, 10)]);
    assert_eq!(
        alerter.burn_rate_milli(2 * MINUTE_MS, 5 * MINUTE_MS),
        910 * 1_000_000 / 1_600,
        "requests 0 → 1000 → 600 and errors 0 → 900 → 10: each drop is a reset, so 1 600 \
         requests and 910 errors"
    );
}

#[test]
fn the_window_is_left_open_and_right_closed() {
    let alerter = seen(&[
        scrape(0, 0, 0),
        scrape(1, 1_000, 1_000),
        scrape(2, 2_000, 1_000),
    ]);
    assert_eq!(
        alerter.burn_rate_milli(2 * MINUTE_MS, 2 * MINUTE_MS),
        0,
        "2 minutes at minute 2 hold the scrapes at minutes 1 and 2 (minute 0 is exactly one \
         window ago, so out): 1 000 requests and no error"
    );
    assert_eq!(
        alerter.burn_rate_milli(2 * MINUTE_MS, 3 * MINUTE_MS),
        500_000,
        "3 minutes reach back before minute 0 and hold all three scrapes: 1 000 errors in \
         2 000 requests, 50 % against 0.1 %"
    );
    assert_eq!(
        alerter.burn_rate_milli(MINUTE_MS, 2 * MINUTE_MS),
        1_000_000,
        "at minute 1 the scrape of minute 2 is in the future: 1 000 errors in 1 000 requests"
    );
}

#[test]
fn without_two_scrapes_or_without_errors_nothing_burns() {
    let alerter = seen(&scrapes(10, |_| (1_000, 0), &[]));
    assert_eq!(
        alerter.burn_rate_milli(10 * MINUTE_MS, HOUR_MS),
        0,
        "no error, no burn"
    );
    let one = seen(&[scrape(5, 100, 100)]);
    assert_eq!(
        one.burn_rate_milli(5 * MINUTE_MS, HOUR_MS),
        0,
        "a single scrape shows no increase, however bad its totals look"
    );
    assert_eq!(
        Alerter::new(config(0)).burn_rate_milli(HOUR_MS, HOUR_MS),
        0,
        "no scrape at all burns nothing"
    );
    let idle = seen(&[scrape(0, 50, 3), scrape(1, 50, 4)]);
    assert_eq!(
        idle.burn_rate_milli(MINUTE_MS, HOUR_MS),
        0,
        "a window without any new request burns nothing (not a division by zero)"
    );
}

#[test]
fn the_burn_rate_rounds_down_and_a_perfect_slo_has_no_budget() {
    let alerter = seen(&[scrape(0, 0, 0), scrape(1, 3_000, 2)]);
    assert_eq!(
        alerter.burn_rate_milli(MINUTE_MS, HOUR_MS),
        666,
        "2 errors in 3 000 requests against 0.1 %: 666.7, rounded down"
    );
    let mut perfect = Alerter::new(Config {
        slo_ppm: 1_000_000,
        resolve_after_ms: 0,
    });
    perfect.observe(scrape(0, 0, 0));
    perfect.observe(scrape(1, 1_000_000, 1));
    assert_eq!(
        perfect.burn_rate_milli(MINUTE_MS, HOUR_MS),
        u64::MAX,
        "against an SLO of 100 % one error burns a budget of 0: u64::MAX"
    );
}

// Task 2: Fire pages and tickets on the multi-window rules
#[test]
fn a_fast_burn_pages_once_the_hour_has_caught_up() {
    let data = scrapes(B + 30, bursts(&[B..=B + 30]), &[]);
    let (alerter, sent) = run(config(0), &data, B - 5..=B + 20);
    assert_eq!(
        only(Severity::Page, &sent),
        vec![note(B + 4, Severity::Page, Kind::Fired)],
        "20 % errors from minute B: the 5-minute window burns at once, but the hour's 59 \
         minute-increments reach a burn of 14.4 only with 5 bad ones, at B + 4; and an active \
         page is not fired again"
    );
    assert!(
        alerter.is_active(Severity::Page),
        "the page is still active"
    );
}

#[test]
fn the_ticket_fires_when_three_days_and_six_hours_burn() {
    let data = scrapes(B + 30, bursts(&[B..=B + 30]), &[]);
    let (alerter, sent) = run(config(0), &data, B..=B + 30);
    assert_eq!(
        only(Severity::Ticket, &sent),
        vec![note(B + 21, Severity::Ticket, Kind::Fired)],
        "over 3 days (4 319 minute-increments of 1 000 requests) a burn of 1 needs 22 bad \
         minutes of 200 errors: the ticket fires at B + 21"
    );
    assert!(
        alerter.is_active(Severity::Ticket) && alerter.is_active(Severity::Page),
        "page and ticket are separate alerts, both active"
    );
}

#[test]
fn a_short_spike_fires_nothing() {
    let data = scrapes(B + 30, bursts(&[B..=B + 1]), &[]);
    let (alerter, sent) = run(config(0), &data, B..=B + 30);
    assert_eq!(
        sent,
        vec![],
        "two bad minutes (400 errors) burn the 5-minute window at 100 but the hour only at 6.8 \
         and 6 hours at 1.1: no rule holds over both of its windows"
    );
    assert!(
        !alerter.is_active(Severity::Page) && !alerter.is_active(Severity::Ticket),
        "nothing is active"
    );
}

#[test]
fn a_slow_burn_pages_through_the_six_hour_rule() {
    let data = scrapes(B + 275, |m| (1_000, if m >= B { 8 } else { 0 }), &[]);
    let minutes = [B, B + 100, B + 200].into_iter().chain(B + 260..=B + 275);
    let (_, sent) = run(config(0), &data, minutes);
    assert_eq!(
        only(Severity::Page, &sent),
        vec![note(B + 269, Severity::Page, Kind::Fired)],
        "0.8 % errors are a burn of 8: never 14.4, but the 6-hour window (359 increments) \
         reaches 6 after 270 bad minutes, with the 30-minute window at 8: page at B + 269"
    );
}

#[test]
fn a_steady_low_burn_opens_a_ticket_and_no_page() {
    let data = scrapes(3 * 24 * 60, |_| (10_000, 15), &[]);
    let (_, sent) = run(config(0), &data, [3 * 24 * 60]);
    assert_eq!(
        sent,
        vec![note(3 * 24 * 60, Severity::Ticket, Kind::Fired)],
        "0.15 % errors for three days are a burn of 1.5 on every window: a ticket, no page"
    );
}

#[test]
fn a_ticket_needs_the_last_six_hours_to_burn_too() {
    let end = 3 * 24 * 60;
    let data = scrapes(
        end,
        |m| {
            let burning = m <= end - 360 || m > end - 60;
            (10_000, if burning { 15 } else { 0 })
        },
        &[],
    );
    let (_, sent) = run(config(0), &data, [end]);
    assert_eq!(
        sent,
        vec![],
        "three days at a burn of 1.5 except a clean stretch from 6 hours to 1 hour ago: the \
         3-day window burns at 1.4 and the last hour at 1.5, but the 6-hour window only at \
         0.25, so no ticket"
    );
}

#[test]
fn page_and_ticket_fire_together_page_first() {
    let data = scrapes(20, |_| (1_000, 200), &[]);
    let (_, sent) = run(config(0), &data, [10, 11]);
    assert_eq!(
        sent,
        vec![
            note(10, Severity::Page, Kind::Fired),
            note(10, Severity::Ticket, Kind::Fired)
        ],
        "a burn of 200 on every window fires both alerts at the same evaluation, the page \
         listed first, and neither again at the next"
    );
}

// Task 3: Resolve an alert only after its condition stayed false
#[test]
fn without_hysteresis_an_alert_resolves_at_the_first_false_evaluation() {
    let data = scrapes(B + 40, bursts(&[B..=B + 9]), &[]);
    let (alerter, sent) = run(config(0), &data, B..=B + 40);
    assert_eq!(
        sent,
        vec![
            note(B + 4, Severity::Page, Kind::Fired),
            note(B + 13, Severity::Page, Kind::Resolved)
        ],
        "ten bad minutes B..=B+9: the page fires at B + 4; at B + 13 the 5-minute window is \
         clean and 6 hours burn at 5.6 (< 6), so with resolve_after 0 it resolves there"
    );
    assert!(
        !alerter.is_active(Severity::Page),
        "a resolved page is inactive"
    );
}

#[test]
fn an_alert_resolves_only_once_its_condition_stayed_false_long_enough() {
    let data = scrapes(B + 40, bursts(&[B..=B + 9]), &[]);
    let (alerter, sent) = run(config(15), &data, B..=B + 40);
    assert_eq!(
        sent,
        vec![
            note(B + 4, Severity::Page, Kind::Fired),
            note(B + 28, Severity::Page, Kind::Resolved)
        ],
        "false from B + 13 on, with 15 minutes of hysteresis: resolved at B + 28, the first \
         evaluation with now − streak start ≥ 15 minutes (not before, and ≥ not >)"
    );
    assert!(!alerter.is_active(Severity::Page), "resolved at the end");
    let (_, early) = run(config(15), &data, B..=B + 27);
    assert!(
        early.iter().all(|n| n.kind == Kind::Fired),
        "until B + 27 the condition has been false for only 14 minutes: no resolution yet"
    );
}

#[test]
fn a_condition_that_comes_back_does_not_flap() {
    let data = scrapes(B + 80, bursts(&[B..=B + 9, B + 20..=B + 29]), &[]);
    let (_, flapping) = run(config(0), &data, B..=B + 80);
    assert_eq!(
        flapping,
        vec![
            note(B + 4, Severity::Page, Kind::Fired),
            note(B + 13, Severity::Page, Kind::Resolved),
            note(B + 20, Severity::Page, Kind::Fired),
            note(B + 58, Severity::Page, Kind::Resolved)
        ],
        "two bursts 10 minutes apart without hysteresis: fired, resolved, fired again (the \
         pager flaps), and resolved only at B + 58: after the second burst, 20 bad minutes in \
         6 hours burn at 11, so the 6-hour rule holds until the 30-minute window is clean"
    );
    let (_, steady) = run(config(15), &data, B..=B + 80);
    assert_eq!(
        steady,
        vec![
            note(B + 4, Severity::Page, Kind::Fired),
            note(B + 73, Severity::Page, Kind::Resolved)
        ],
        "with 15 minutes of hysteresis the condition holds again at B + 20, before the first \
         streak (from B + 13) is long enough: it is forgotten and nothing is sent. The last \
         streak starts at B + 58 and resolves at B + 73 (not at B + 28)"
    );
}

#[test]
fn the_false_streak_is_measured_between_evaluations() {
    let data = scrapes(B + 60, bursts(&[B..=B + 9]), &[]);
    let minutes = (B..=B + 13).chain([B + 27, B + 60]);
    let (_, sent) = run(config(15), &data, minutes);
    assert_eq!(
        sent,
        vec![
            note(B + 4, Severity::Page, Kind::Fired),
            note(B + 60, Severity::Page, Kind::Resolved)
        ],
        "false at the evaluations of B + 13 and B + 27 (14 minutes: not yet), resolved at the \
         next evaluation, B + 60"
    );
}

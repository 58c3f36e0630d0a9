use kpi_report::{
    cache_hit_ratio_bp, conversion_bp, error_rate_bp, ratio_bp, throughput_milli_rps, Cache,
    Request, SessionEvent,
};

fn request(at_ms: u64, status: u16, cache: Cache) -> Request {
    Request {
        at_ms,
        status,
        cache,
    }
}

fn with_cache(hits: usize, misses: usize, uncacheable: usize) -> Vec<Request> {
    let mut requests = vec![request(0, 200, Cache::Hit); hits];
    requests.extend(vec![request(0, 200, Cache::Miss); misses]);
    requests.extend(vec![request(0, 200, Cache::NotCacheable); uncacheable]);
    requests
}

fn with_statuses(statuses: &[u16]) -> Vec<Request> {
    statuses
        .iter()
        .map(|&s| request(0, s, Cache::Miss))
        .collect()
}

fn at(times: &[u64]) -> Vec<Request> {
    times.iter().map(|&t| request(t, 200, Cache::Hit)).collect()
}

fn started(session: u64) -> SessionEvent {
    SessionEvent::Started { session }
}

fn purchased(session: u64) -> SessionEvent {
    SessionEvent::Purchased { session }
}

// Task 1: Compute the cache hit ratio over cacheable requests
#[test]
fn uncacheable_requests_are_left_out_of_the_hit_ratio() {
    assert_eq!(
        cache_hit_ratio_bp(&with_cache(6, 2, 12)),
        Some(7_500),
        "6 hits of 8 cacheable requests are 75 %; the 12 uncacheable ones never had a chance to \
         hit and must not dilute it to 30 %"
    );
}

#[test]
fn the_hit_ratio_spans_all_hits_to_all_misses() {
    assert_eq!(
        cache_hit_ratio_bp(&with_cache(5, 0, 3)),
        Some(10_000),
        "every cacheable request was a hit: 100 %"
    );
    assert_eq!(
        cache_hit_ratio_bp(&with_cache(0, 4, 3)),
        Some(0),
        "every cacheable request missed: 0 %"
    );
    assert_eq!(
        cache_hit_ratio_bp(&with_cache(1, 2, 0)),
        Some(3_333),
        "1 hit of 3 is 33.33 %, rounded down to 3 333 bp"
    );
}

#[test]
fn without_cacheable_requests_there_is_no_hit_ratio() {
    assert_eq!(
        cache_hit_ratio_bp(&with_cache(0, 0, 9)),
        None,
        "9 uncacheable requests say nothing about the cache: no ratio, not 0 %"
    );
    assert_eq!(cache_hit_ratio_bp(&[]), None, "no requests, no ratio");
}

// Task 2: Compute the error rate
#[test]
fn only_server_errors_count_as_errors() {
    assert_eq!(
        error_rate_bp(&with_statuses(&[200, 201, 404, 500, 503, 200, 200, 200])),
        Some(2_500),
        "500 and 503 are 2 errors in 8 requests (25 %); the 404 is the client's mistake"
    );
}

#[test]
fn server_errors_are_500_to_599() {
    assert_eq!(
        error_rate_bp(&with_statuses(&[499, 500, 599, 600])),
        Some(5_000),
        "500 and 599 are server errors, 499 and 600 are not: 2 of 4"
    );
    assert_eq!(
        error_rate_bp(&with_statuses(&[429, 400, 302, 200])),
        Some(0),
        "4xx, 3xx and 2xx are no server errors: 0 %"
    );
}

#[test]
fn the_error_rate_is_over_every_request() {
    let mut requests = with_statuses(&[500]);
    requests.push(request(0, 200, Cache::NotCacheable));
    requests.push(request(0, 200, Cache::Hit));
    assert_eq!(
        error_rate_bp(&requests),
        Some(3_333),
        "1 error in 3 requests, cacheable or not: 33.33 %, rounded down"
    );
    assert_eq!(error_rate_bp(&[]), None, "no requests, no error rate");
}

// Task 3: Compute the throughput of a time window
#[test]
fn throughput_is_requests_per_second_of_the_window() {
    let requests = at(&(0..90).map(|i| i * 600).collect::<Vec<_>>());
    assert_eq!(
        throughput_milli_rps(&requests, 0, 60_000),
        Some(1_500),
        "90 requests in 60 s are 1.5 per second: 1 500 milli-rps"
    );
    assert_eq!(
        throughput_milli_rps(&requests, 0, 120_000),
        Some(750),
        "the same 90 requests over a 120 s window are 0.75 per second"
    );
}

#[test]
fn the_window_includes_its_start_and_excludes_its_end() {
    let requests = at(&[999, 1_000, 1_500, 2_000]);
    assert_eq!(
        throughput_milli_rps(&requests, 1_000, 2_000),
        Some(2_000),
        "1000..2000 holds the requests at 1000 and 1500 (not 999, not 2000): 2 in 1 s"
    );
}

#[test]
fn throughput_rounds_down() {
    assert_eq!(
        throughput_milli_rps(&at(&[10]), 0, 7_000),
        Some(142),
        "1 request in 7 s is 0.142857 per second: 142 milli-rps"
    );
    assert_eq!(
        throughput_milli_rps(&at(&[10]), 0, 1_500),
        Some(666),
        "1 request in 1.5 s is 0.667 per second: 666 milli-rps (a window is not rounded to \
         whole seconds)"
    );
    assert_eq!(
        throughput_milli_rps(&at(&[10, 20]), 0, 500),
        Some(4_000),
        "2 requests in half a second are 4 per second"
    );
}

#[test]
fn an_empty_window_has_no_throughput() {
    let requests = at(&[5, 10]);
    assert_eq!(
        throughput_milli_rps(&requests, 10, 10),
        None,
        "a window of 0 ms has no rate"
    );
    assert_eq!(
        throughput_milli_rps(&requests, 20, 10),
        None,
        "a window that ends before it starts has no rate"
    );
    assert_eq!(
        throughput_milli_rps(&requests, 1_000, 2_000),
        Some(0),
        "a real window without requests has a throughput of 0"
    );
}

// Task 4: Compute the conversion of sessions into purchases
#[test]
fn conversion_is_sessions_that_bought_over_sessions_started() {
    let events = [
        started(1),
        started(2),
        started(3),
        started(4),
        purchased(2),
        purchased(2),
        purchased(9),
    ];
    assert_eq!(
        conversion_bp(&events),
        Some(2_500),
        "of 4 sessions only session 2 bought (twice, counted once); session 9 never started: \
         1 / 4 = 25 %"
    );
}

#[test]
fn the_order_of_events_does_not_matter() {
    let events = [purchased(7), started(8), started(7), started(8)];
    assert_eq!(
        conversion_bp(&events),
        Some(5_000),
        "session 7's purchase is listed before its start and still counts; session 8 started \
         twice but is one session: 1 / 2"
    );
}

#[test]
fn without_sessions_there_is_no_conversion() {
    assert_eq!(
        conversion_bp(&[purchased(1)]),
        None,
        "a purchase without any started session gives no conversion, not 100 %"
    );
    assert_eq!(
        conversion_bp(&[started(1), started(2), started(3)]),
        Some(0),
        "3 sessions and no purchase convert at 0 %"
    );
}

#[test]
fn the_given_ratio_rounds_down_and_refuses_an_empty_whole() {
    assert_eq!(
        ratio_bp(2, 3),
        Some(6_666),
        "2 / 3 is 6 666.67 bp, rounded down"
    );
    assert_eq!(ratio_bp(0, 0), None, "nothing out of nothing is no ratio");
}

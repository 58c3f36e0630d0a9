use intro1::{classify, in_rotation, Health, Probe, SLOW_AFTER_MS};

fn probe(status: u16, latency_ms: u64) -> Probe {
    Probe { status, latency_ms }
}

// Task 1: Keep degraded backends in rotation
#[test]
fn up_backends_stay_in_rotation() {
    assert!(
        in_rotation(Health::Up),
        "a backend that is Up must keep receiving traffic"
    );
}

#[test]
fn degraded_backends_stay_in_rotation() {
    assert!(
        in_rotation(Health::Degraded),
        "a Degraded backend is slow but still answers, so it must stay in rotation"
    );
}

#[test]
fn down_backends_are_taken_out_of_rotation() {
    assert!(
        !in_rotation(Health::Down),
        "a Down backend answers with errors, so the load balancer must stop sending it traffic"
    );
}

#[test]
fn a_fast_200_is_up() {
    assert_eq!(
        classify(probe(200, 20)),
        Health::Up,
        "a 200 OK answered in 20 ms means the backend is Up"
    );
}

#[test]
fn every_2xx_status_counts_as_success() {
    for status in [200, 204, 299] {
        assert_eq!(
            classify(probe(status, 20)),
            Health::Up,
            "status {status} is a 2xx success, so a fast answer means Up"
        );
    }
}

#[test]
fn statuses_just_outside_2xx_are_down() {
    for status in [199, 300] {
        assert_eq!(
            classify(probe(status, 20)),
            Health::Down,
            "status {status} is not a 2xx success, so the backend is Down"
        );
    }
}

#[test]
fn error_statuses_are_down() {
    for status in [404, 500, 503] {
        assert_eq!(
            classify(probe(status, 20)),
            Health::Down,
            "a health endpoint answering {status} means the backend is Down"
        );
    }
}

#[test]
fn an_answer_exactly_at_the_slow_threshold_is_still_up() {
    assert_eq!(
        classify(probe(200, SLOW_AFTER_MS)),
        Health::Up,
        "only answers slower than {SLOW_AFTER_MS} ms are degraded; exactly {SLOW_AFTER_MS} ms is Up"
    );
}

#[test]
fn an_answer_past_the_slow_threshold_is_degraded() {
    assert_eq!(
        classify(probe(200, SLOW_AFTER_MS + 1)),
        Health::Degraded,
        "a 200 answered in {} ms is slower than {SLOW_AFTER_MS} ms, so the backend is Degraded",
        SLOW_AFTER_MS + 1
    );
}

#[test]
fn a_slow_error_is_down_not_degraded() {
    assert_eq!(
        classify(probe(503, 2_000)),
        Health::Down,
        "an error status means Down, however long it took to arrive"
    );
}

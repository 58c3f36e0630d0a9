use intro2::{classify, Outcome};

// Task 1: Retry the two 4xx codes that mean "not now"
#[test]
fn every_2xx_status_is_a_success() {
    for status in [200, 201, 204, 299] {
        assert_eq!(
            classify(status),
            Outcome::Success,
            "{status} is a 2xx status: the call worked, so the outcome is Success"
        );
    }
}

#[test]
fn request_timeout_408_is_retried() {
    assert_eq!(
        classify(408),
        Outcome::Retry,
        "408 Request Timeout means the server gave up waiting for the request; sending it again \
         may well work, so it is the one 4xx (with 429) worth a Retry"
    );
}

#[test]
fn too_many_requests_429_is_retried() {
    assert_eq!(
        classify(429),
        Outcome::Retry,
        "429 Too Many Requests means the server asks the client to slow down and come back \
         later: a Retry (after a wait), not a permanent failure"
    );
}

#[test]
fn client_errors_are_not_retried() {
    for status in [400, 401, 403, 404, 409, 422] {
        assert_eq!(
            classify(status),
            Outcome::Fail,
            "{status} is a client error: the request itself is wrong, and sending it again \
             unchanged gets the same answer, so the outcome is Fail"
        );
    }
}

#[test]
fn informational_and_redirect_statuses_are_not_successes() {
    for status in [100, 199, 300, 301, 304] {
        assert_eq!(
            classify(status),
            Outcome::Fail,
            "{status} is not a 2xx status, so this client cannot use the answer: the outcome is \
             Fail"
        );
    }
}

// Task 2: Retry only the transient server errors
#[test]
fn transient_server_errors_are_retried() {
    for status in [500, 502, 503, 504] {
        assert_eq!(
            classify(status),
            Outcome::Retry,
            "{status} comes from a server that crashed, is overloaded or restarting, or from a \
             gateway that could not reach it: transient, so the outcome is Retry"
        );
    }
}

#[test]
fn not_implemented_501_is_not_retried() {
    assert_eq!(
        classify(501),
        Outcome::Fail,
        "501 Not Implemented means the server does not support this request at all; it will \
         not on a second try, so Fail. Of the 5xx codes, only 500, 502, 503 and 504 are transient"
    );
}

#[test]
fn other_server_errors_are_not_retried() {
    for status in [505, 507, 511] {
        assert_eq!(
            classify(status),
            Outcome::Fail,
            "{status} is a server error that does not go away by waiting; of the 5xx codes only \
             500, 502, 503 and 504 are transient, so {status} is Fail"
        );
    }
}

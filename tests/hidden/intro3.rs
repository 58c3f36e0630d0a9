use intro3::Session;

// Task 1: Expire a session exactly at issue time plus TTL
#[test]
fn a_new_session_expires_exactly_its_ttl_after_it_was_issued() {
    let session = Session::new(1_000, 300);
    assert_eq!(
        session.expires_at_ms, 1_300,
        "issued at 1000 ms with a TTL of 300 ms, the session expires at 1300 ms"
    );
    assert_eq!(
        session.ttl_ms, 300,
        "the session keeps its TTL for later touches"
    );
}

#[test]
fn a_session_is_valid_from_its_issue_until_just_before_its_expiry() {
    let session = Session::new(1_000, 300);
    assert!(
        session.is_valid(1_000),
        "a session is valid at the instant it was issued"
    );
    assert!(
        session.is_valid(1_299),
        "at 1299 ms the session (expiring at 1300 ms) is still valid"
    );
}

#[test]
fn a_session_is_expired_exactly_at_its_expiry_and_after() {
    let session = Session::new(1_000, 300);
    assert!(
        !session.is_valid(1_300),
        "the expiry instant itself is expired: valid means strictly before 1300 ms"
    );
    assert!(
        !session.is_valid(86_400_000),
        "a day later the session is long expired"
    );
}

#[test]
fn a_session_with_no_ttl_is_expired_at_once() {
    assert!(
        !Session::new(1_000, 0).is_valid(1_000),
        "with a TTL of 0 ms the session expires at the instant it is issued"
    );
}

// Task 2: Extend a live session on every touch
#[test]
fn a_touch_in_the_last_millisecond_still_extends() {
    let mut session = Session::new(1_000, 300);
    assert!(
        session.touch(1_299),
        "at 1299 ms the session (expiring at 1300 ms) is still live, so the touch works"
    );
    assert_eq!(
        session.expires_at_ms, 1_599,
        "touched at 1299 ms, the session now expires at 1599 ms"
    );
}

#[test]
fn touching_a_live_session_extends_it_from_the_touch() {
    let mut session = Session::new(1_000, 300);
    assert!(
        session.touch(1_200),
        "the session is live at 1200 ms, so touch says true"
    );
    assert_eq!(
        session.expires_at_ms, 1_500,
        "touched at 1200 ms with a TTL of 300 ms, the session expires at 1500 ms: counted \
         from the touch, not added to the old expiry"
    );
    assert!(
        session.is_valid(1_499),
        "the touch keeps the session valid past its first expiry, up to 1499 ms"
    );
}

#[test]
fn each_touch_moves_the_expiry_again() {
    let mut session = Session::new(0, 300);
    for now in [250, 500, 750, 1_000] {
        assert!(
            session.touch(now),
            "touched every 250 ms with a TTL of 300 ms, the session is still live at {now} ms"
        );
    }
    assert_eq!(
        session.expires_at_ms, 1_300,
        "the last touch, at 1000 ms, sets the expiry to 1300 ms"
    );
}

#[test]
fn touching_an_expired_session_does_not_revive_it() {
    let mut session = Session::new(1_000, 300);
    assert!(
        !session.touch(1_300),
        "at 1300 ms the session has just expired: touch says false"
    );
    assert_eq!(
        session.expires_at_ms, 1_300,
        "an expired session stays expired: the touch must not move its expiry"
    );
    assert!(
        !session.touch(2_000),
        "touched again later, it is still expired"
    );
    assert!(!session.is_valid(1_301), "the session is expired for good");
}

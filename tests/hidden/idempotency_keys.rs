use idempotency_keys::{is_idempotent, Decision, IdempotencyStore, KeyError, Response};

fn paid() -> Response {
    Response::new(201, "paid")
}

/// A store with a TTL of 1000 ms in which "k1" was executed at 100 ms for "pay 500" and
/// answered 201 "paid".
fn finished_store() -> IdempotencyStore {
    let mut store = IdempotencyStore::new(1_000);
    assert_eq!(
        store.begin("k1", "pay 500", 100),
        Ok(Decision::Execute),
        "the first request under a key is executed"
    );
    assert!(
        store.finish("k1", paid()),
        "finishing a key in progress stores its response and returns true"
    );
    store
}

// Task 1: Tell which HTTP methods are idempotent
#[test]
fn safe_methods_put_and_delete_are_idempotent() {
    for method in ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"] {
        assert!(
            is_idempotent(method),
            "RFC 9110 §9.2.2 lists {method} as idempotent: doing it twice has the effect of \
             doing it once, so it can be retried as it is"
        );
    }
}

#[test]
fn post_patch_and_connect_are_not_idempotent() {
    for method in ["POST", "PATCH", "CONNECT", "PURGE", ""] {
        assert!(
            !is_idempotent(method),
            "{method:?} is not among the idempotent methods of RFC 9110 §9.2.2: retrying it \
             could do the work twice, which is what an idempotency key is for"
        );
    }
}

#[test]
fn method_names_are_case_sensitive() {
    for method in ["get", "Put", "delete"] {
        assert!(
            !is_idempotent(method),
            "method names are case-sensitive (RFC 9110 §9.1): {method:?} is not a standard \
             method, so nothing is known about whether it is idempotent"
        );
    }
}

// Task 2: Execute once and replay the stored response
#[test]
fn a_retry_with_the_same_body_replays_the_stored_response() {
    let mut store = finished_store();
    assert_eq!(
        store.begin("k1", "pay 500", 110),
        Ok(Decision::Replay(paid())),
        "a retry with the same key and body gets the stored response and is not executed again"
    );
    assert_eq!(
        store.begin("k1", "pay 500", 120),
        Ok(Decision::Replay(paid())),
        "every later retry gets the same stored response too"
    );
}

#[test]
fn a_new_key_is_recorded_as_in_progress() {
    let mut store = IdempotencyStore::new(1_000);
    assert_eq!(store.begin("k1", "pay 500", 42), Ok(Decision::Execute));
    let entry = store
        .entry("k1")
        .expect("begin must record a new key in the store");
    assert_eq!(
        (entry.body.as_str(), entry.first_seen_ms, &entry.response),
        ("pay 500", 42, &None),
        "a new key is recorded with the request body, the time it was first seen and no \
         response yet (it is in progress)"
    );
}

#[test]
fn different_keys_are_independent() {
    let mut store = finished_store();
    assert_eq!(
        store.begin("k2", "pay 500", 110),
        Ok(Decision::Execute),
        "a second payment of the same amount under a new key is a new request and is executed"
    );
    assert_eq!(
        store.begin("k1", "pay 500", 120),
        Ok(Decision::Replay(paid())),
        "a new key does not disturb the response stored under another one"
    );
}

#[test]
fn a_stored_error_is_replayed_too() {
    let mut store = IdempotencyStore::new(1_000);
    assert_eq!(store.begin("k1", "pay 500", 0), Ok(Decision::Execute));
    let declined = Response::new(402, "card declined");
    assert!(store.finish("k1", declined.clone()));
    assert_eq!(
        store.begin("k1", "pay 500", 5),
        Ok(Decision::Replay(declined)),
        "whatever the first execution answered, an error included, is what every retry gets"
    );
}

#[test]
fn finishing_twice_keeps_the_first_response() {
    let mut store = finished_store();
    assert!(
        !store.finish("k1", Response::new(500, "oops")),
        "finishing a key that is finished already changes nothing and returns false"
    );
    assert_eq!(
        store.begin("k1", "pay 500", 110),
        Ok(Decision::Replay(paid())),
        "the first stored response stays the one every retry sees"
    );
}

#[test]
fn finishing_an_unknown_key_stores_nothing() {
    let mut store = IdempotencyStore::new(1_000);
    assert!(
        !store.finish("ghost", paid()),
        "finishing a key that was never begun returns false"
    );
    assert_eq!(
        store.entry("ghost"),
        None,
        "finishing a key that was never begun must not create it"
    );
    assert_eq!(
        store.begin("ghost", "pay 500", 0),
        Ok(Decision::Execute),
        "a key that was only finished, never begun, is still new"
    );
}

// Task 3: Refuse a reused key and a request still in progress
#[test]
fn the_same_key_with_a_different_body_is_refused() {
    let mut store = finished_store();
    let refused = store.begin("k1", "pay 900", 110);
    assert_eq!(
        refused,
        Err(KeyError::KeyReused),
        "the same key with a different body is a client bug: refuse it (422) rather than \
         replay the response of another request"
    );
    assert_eq!(KeyError::KeyReused.status(), 422);
    assert_eq!(
        store.begin("k1", "pay 500", 120),
        Ok(Decision::Replay(paid())),
        "a refused request changes nothing: the original request's retries still replay"
    );
}

#[test]
fn a_retry_while_the_first_is_in_progress_is_told_to_try_later() {
    let mut store = IdempotencyStore::new(1_000);
    assert_eq!(store.begin("k1", "pay 500", 0), Ok(Decision::Execute));
    assert_eq!(
        store.begin("k1", "pay 500", 5),
        Err(KeyError::InProgress),
        "while the first request is still executing there is nothing to replay, and executing \
         again would do the work twice: answer conflict (409), try later"
    );
    assert!(
        store.finish("k1", paid()),
        "the refused retry left the key in progress, so the first request can still finish"
    );
    assert_eq!(
        store.begin("k1", "pay 500", 10),
        Ok(Decision::Replay(paid())),
        "once the first request has finished, the retry gets its response"
    );
}

#[test]
fn a_different_body_is_refused_as_reused_even_while_in_progress() {
    let mut store = IdempotencyStore::new(1_000);
    assert_eq!(store.begin("k1", "pay 500", 0), Ok(Decision::Execute));
    assert_eq!(
        store.begin("k1", "pay 900", 5),
        Err(KeyError::KeyReused),
        "a different body is wrong however long the client waits: the permanent error (422) \
         comes before the transient one (409)"
    );
    let entry = store.entry("k1").expect("the key is still held");
    assert_eq!(
        (entry.body.as_str(), entry.first_seen_ms),
        ("pay 500", 0),
        "a refused request must not overwrite the first request's body or time"
    );
}

#[test]
fn the_refusals_say_what_to_do() {
    let mut store = IdempotencyStore::new(1_000);
    assert_eq!(store.begin("k1", "pay 500", 0), Ok(Decision::Execute));
    let busy = store
        .begin("k1", "pay 500", 1)
        .expect_err("a retry while the first request runs is refused");
    assert_eq!(
        busy.status(),
        409,
        "a request in progress is answered 409 Conflict"
    );
    assert!(
        busy.to_string().contains("try later"),
        "the message of a request in progress tells the client to try later, got {busy}"
    );
    let reused = store
        .begin("k1", "pay 900", 2)
        .expect_err("the same key with another body is refused");
    assert_eq!(reused.status(), 422, "a reused key is answered 422");
    assert!(
        reused.to_string().contains("different request"),
        "the message of a reused key says it came with a different request, got {reused}"
    );
}

// Task 4: Forget keys after their time to live
#[test]
fn a_key_holds_until_one_millisecond_before_its_ttl_has_passed() {
    let mut store = finished_store();
    assert_eq!(
        store.begin("k1", "pay 500", 1_099),
        Ok(Decision::Replay(paid())),
        "first seen at 100 with a TTL of 1000, the key still holds at 1099"
    );
    assert_eq!(
        store.begin("k1", "pay 900", 1_099),
        Err(KeyError::KeyReused),
        "and at 1099 it still refuses a different body"
    );
}

#[test]
fn a_key_expires_exactly_when_its_ttl_has_passed() {
    let mut store = finished_store();
    assert_eq!(
        store.begin("k1", "pay 500", 1_100),
        Ok(Decision::Execute),
        "first seen at 100 with a TTL of 1000, the key has expired at 1100: the request is \
         treated as a new one and executed"
    );
    let entry = store.entry("k1").expect("the key is recorded again");
    assert_eq!(
        (entry.first_seen_ms, &entry.response),
        (1_100, &None),
        "an expired key starts afresh: first seen now, in progress, no stored response"
    );
    assert_eq!(
        store.begin("k1", "pay 500", 1_101),
        Err(KeyError::InProgress),
        "the renewed key is in progress like any new one"
    );
}

#[test]
fn an_expired_key_may_carry_a_different_body() {
    let mut store = finished_store();
    assert_eq!(
        store.begin("k1", "pay 900", 2_000),
        Ok(Decision::Execute),
        "once expired, the key is forgotten, body and all: a different body is a new request"
    );
    assert_eq!(
        store.entry("k1").map(|e| e.body.as_str()),
        Some("pay 900"),
        "the renewed key remembers the new body"
    );
}

#[test]
fn a_key_left_in_progress_expires_too() {
    let mut store = IdempotencyStore::new(1_000);
    assert_eq!(store.begin("k1", "pay 500", 0), Ok(Decision::Execute));
    assert_eq!(
        store.begin("k1", "pay 500", 999),
        Err(KeyError::InProgress),
        "at 999 the first request may still be running"
    );
    assert_eq!(
        store.begin("k1", "pay 500", 1_000),
        Ok(Decision::Execute),
        "a server that crashed mid-request never finishes its key: after the TTL the key \
         expires and the retry is executed, or the client would be blocked for ever"
    );
}

#[test]
fn a_ttl_of_u64_max_never_expires() {
    let mut store = IdempotencyStore::new(u64::MAX);
    assert_eq!(store.begin("k1", "pay 500", 5), Ok(Decision::Execute));
    assert!(store.finish("k1", paid()));
    assert_eq!(
        store.begin("k1", "pay 500", u64::MAX - 1),
        Ok(Decision::Replay(paid())),
        "first seen + TTL does not fit in a u64: the key must never expire, not overflow"
    );
}

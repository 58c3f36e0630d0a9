use read_your_writes::{Database, ReadError, ReadFrom, SessionToken};

fn value(v: &str) -> Option<String> {
    Some(v.to_string())
}

// Task 1: Issue a session token with every write
#[test]
fn a_write_returns_the_log_position_that_includes_it() {
    let mut db = Database::new(2);
    assert_eq!(
        db.write("name", "Ada"),
        SessionToken(1),
        "the first write is at log position 1: its token must be 1"
    );
    assert_eq!(
        db.write("city", "London"),
        SessionToken(2),
        "the second write is at log position 2"
    );
    assert_eq!(db.position(), 2, "the primary's log holds both writes");
}

#[test]
fn a_write_goes_to_the_primary_only_and_replicas_apply_it_later() {
    let mut db = Database::new(2);
    let tokens: Vec<SessionToken> = ["a", "b", "a"]
        .iter()
        .map(|key| db.write(key, "x"))
        .collect();
    assert_eq!(
        tokens,
        vec![SessionToken(1), SessionToken(2), SessionToken(3)],
        "tokens count writes over the whole log, whatever the key"
    );
    assert_eq!(
        (db.applied(0), db.applied(1)),
        (0, 0),
        "a write is appended to the primary's log; replicas apply it only when they replicate"
    );
}

// Task 2: Route a read to a node that has the token's write
#[test]
fn a_read_with_a_token_skips_replicas_that_have_not_applied_it() {
    let mut db = Database::new(3);
    db.write("name", "Ada");
    let token = db.write("name", "Grace");
    db.replicate(0, 1);
    db.replicate(1, 1);
    db.replicate(2, 2);
    assert_eq!(
        db.route(Some(token)),
        Ok(ReadFrom::Replica(2)),
        "replicas 0 and 1 stopped at position 1 and lack the write at 2: only replica 2 may \
         serve a read carrying token 2"
    );
    assert_eq!(
        db.read("name", Some(token)),
        Ok((ReadFrom::Replica(2), value("Grace"))),
        "the read with the token sees the user's own write"
    );
}

#[test]
fn a_replica_exactly_at_the_token_position_may_serve() {
    let mut db = Database::new(2);
    db.write("a", "1");
    let token = db.write("a", "2");
    db.write("a", "3");
    db.replicate(0, 1);
    db.replicate(1, 2);
    assert_eq!(
        db.route(Some(token)),
        Ok(ReadFrom::Replica(1)),
        "replica 1 applied exactly up to position 2, which includes the write behind token 2"
    );
    assert_eq!(
        db.read("a", Some(token)),
        Ok((ReadFrom::Replica(1), value("2"))),
        "replica 1 returns the value as of position 2"
    );
}

#[test]
fn a_read_with_a_token_goes_to_the_primary_when_no_replica_caught_up() {
    let mut db = Database::new(2);
    db.write("cart", "apples");
    let token = db.write("cart", "apples, pears");
    db.replicate(0, 1);
    db.replicate(1, 1);
    assert_eq!(
        db.read("cart", Some(token)),
        Ok((ReadFrom::Primary, value("apples, pears"))),
        "no replica has applied position 2 yet: the primary must serve, so the user sees \
         their own write"
    );
}

#[test]
fn a_read_without_a_token_goes_to_the_first_healthy_replica_however_far_behind() {
    let mut db = Database::new(2);
    db.write("cart", "apples");
    db.write("cart", "apples, pears");
    db.replicate(1, 2);
    assert_eq!(
        db.read("cart", None),
        Ok((ReadFrom::Replica(0), None)),
        "without a token any healthy replica will do: replica 0 is first, even though it has \
         applied nothing and returns no value"
    );
    db.replicate(0, 1);
    assert_eq!(
        db.read("cart", None),
        Ok((ReadFrom::Replica(0), value("apples"))),
        "a read without a token may see stale data: replica 0 is at position 1"
    );
}

#[test]
fn the_first_caught_up_replica_in_index_order_serves() {
    let mut db = Database::new(4);
    let token = db.write("k", "v");
    db.write("k", "w");
    db.replicate(0, 0);
    db.replicate(1, 1);
    db.replicate(2, 2);
    db.replicate(3, 1);
    assert_eq!(
        db.route(Some(token)),
        Ok(ReadFrom::Replica(1)),
        "replicas 1, 2 and 3 have all applied position 1: the first of them, replica 1, \
         serves, even though replica 2 is further ahead"
    );
}

#[test]
fn unhealthy_replicas_never_serve_reads() {
    let mut db = Database::new(3);
    let token = db.write("k", "v");
    for i in 0..3 {
        db.replicate(i, 1);
    }
    db.set_healthy(0, false);
    assert_eq!(
        db.route(Some(token)),
        Ok(ReadFrom::Replica(1)),
        "replica 0 has the write but is unhealthy: replica 1 serves the read with a token"
    );
    assert_eq!(
        db.route(None),
        Ok(ReadFrom::Replica(1)),
        "replica 0 is unhealthy: replica 1 serves the read without a token"
    );
    db.set_healthy(1, false);
    db.set_healthy(2, false);
    assert_eq!(
        db.route(Some(token)),
        Ok(ReadFrom::Primary),
        "with every replica unhealthy, a read with a token goes to the primary"
    );
    assert_eq!(
        db.route(None),
        Ok(ReadFrom::Primary),
        "with every replica unhealthy, a read without a token goes to the primary"
    );
    db.set_healthy(2, true);
    assert_eq!(
        db.route(None),
        Ok(ReadFrom::Replica(2)),
        "replica 2 is healthy again and serves"
    );
}

#[test]
fn a_user_always_reads_their_own_writes_while_replicas_lag() {
    let mut db = Database::new(3);
    db.write("bio", "hello");
    for i in 0..3 {
        db.replicate(i, 1);
    }
    let token = db.write("bio", "hello, world");
    assert_eq!(
        db.read("bio", Some(token)),
        Ok((ReadFrom::Primary, value("hello, world"))),
        "right after the write no replica has it: the user's read goes to the primary"
    );
    assert_eq!(
        db.read("bio", None),
        Ok((ReadFrom::Replica(0), value("hello"))),
        "another user without a token may still see the old bio from replica 0"
    );
    db.replicate(2, 5);
    assert_eq!(
        db.applied(2),
        2,
        "a replica cannot apply past the primary's position (2)"
    );
    assert_eq!(
        db.read("bio", Some(token)),
        Ok((ReadFrom::Replica(2), value("hello, world"))),
        "once replica 2 has caught up it serves the user's read, taking load off the primary"
    );
    db.replicate(2, 1);
    assert_eq!(db.applied(2), 2, "a replica never goes back in the log");
}

#[test]
fn a_token_of_zero_is_like_no_token() {
    let mut db = Database::new(1);
    db.write("k", "v");
    assert_eq!(
        db.route(Some(SessionToken(0))),
        Ok(ReadFrom::Replica(0)),
        "token 0 asks for no write at all: a replica that applied nothing may serve"
    );
}

// Task 3: Refuse a token that no node can honour
#[test]
fn a_token_ahead_of_the_primary_is_refused() {
    let mut db = Database::new(2);
    db.write("k", "v1");
    db.write("k", "v2");
    db.replicate(0, 2);
    assert_eq!(
        db.route(Some(SessionToken(3))),
        Err(ReadError::TokenAhead {
            token: SessionToken(3),
            primary: 2
        }),
        "token 3 names a write the primary (at position 2) does not have: no node can show \
         it, so the read is refused"
    );
    assert_eq!(
        db.read("k", Some(SessionToken(2))),
        Ok((ReadFrom::Replica(0), value("v2"))),
        "a token equal to the primary's position is fine"
    );
}

#[test]
fn a_token_ahead_of_the_primary_is_refused_even_with_no_replicas() {
    let db = Database::new(0);
    assert_eq!(
        db.read("k", Some(SessionToken(1))),
        Err(ReadError::TokenAhead {
            token: SessionToken(1),
            primary: 0
        }),
        "an empty primary cannot honour token 1"
    );
    assert_eq!(
        db.read("k", None),
        Ok((ReadFrom::Primary, None)),
        "with no replicas, reads without a token go to the primary"
    );
}

#[test]
fn the_refusal_explains_itself_with_both_positions() {
    let error = ReadError::TokenAhead {
        token: SessionToken(7),
        primary: 5,
    };
    let message = error.to_string();
    assert!(
        message.contains('7') && message.contains('5'),
        "the error message should name the token (7) and the primary's position (5), got {message:?}"
    );
    let _: &dyn std::error::Error = &error;
}

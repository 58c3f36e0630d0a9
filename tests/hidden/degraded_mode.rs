use std::collections::HashMap;

use degraded_mode::{Database, Mode, Read, ReadError, Service, Unreachable, WriteError};

const PROBE_INTERVAL_MS: u64 = 1_000;

/// An in-memory database that can be cut off, and counts the requests that reach it.
#[derive(Default)]
struct FakeDb {
    rows: HashMap<String, String>,
    partitioned: bool,
    requests: u32,
}

impl Database for FakeDb {
    fn get(&mut self, key: &str) -> Result<Option<String>, Unreachable> {
        self.requests += 1;
        if self.partitioned {
            return Err(Unreachable);
        }
        Ok(self.rows.get(key).cloned())
    }

    fn put(&mut self, key: &str, value: &str) -> Result<(), Unreachable> {
        self.requests += 1;
        if self.partitioned {
            return Err(Unreachable);
        }
        self.rows.insert(key.to_string(), value.to_string());
        Ok(())
    }
}

fn service() -> Service<FakeDb> {
    Service::new(FakeDb::default(), PROBE_INTERVAL_MS)
}

fn partition(s: &mut Service<FakeDb>, cut_off: bool) {
    s.database_mut().partitioned = cut_off;
}

/// Puts a row straight into the fake database, as if another service had written it.
fn seed(s: &mut Service<FakeDb>, key: &str, value: &str) {
    s.database_mut()
        .rows
        .insert(key.to_string(), value.to_string());
}

fn stale(value: &str, age_ms: u64) -> Result<Read, ReadError> {
    Ok(Read::Stale {
        value: value.to_string(),
        age_ms,
    })
}

// Task 1: Answer reads from the database, and remember what it said
#[test]
fn a_reachable_database_serves_fresh_reads() {
    let mut s = service();
    seed(&mut s, "cart:7", "3 items");
    assert_eq!(
        s.read(20, "cart:7"),
        Ok(Read::Fresh("3 items".to_string())),
        "a reachable database serves the value it holds, fresh"
    );
    assert_eq!(s.database().requests, 1, "the read went to the database");
    assert_eq!(s.mode(), Mode::Normal, "nothing failed: normal mode");
}

#[test]
fn a_key_the_database_does_not_have_is_not_found() {
    let mut s = service();
    assert_eq!(
        s.read(0, "cart:404"),
        Err(ReadError::NotFound),
        "the database answered that the key does not exist: that is NotFound"
    );
    assert_eq!(
        s.mode(),
        Mode::Normal,
        "a missing key is an answer, not a partition"
    );
}

// Task 2: Serve stale reads while the database is away
#[test]
fn during_a_partition_reads_are_served_stale_from_the_cache() {
    let mut s = service();
    seed(&mut s, "cart:7", "3 items");
    s.read(100, "cart:7")
        .expect("the database is reachable: the read is served");
    partition(&mut s, true);
    assert_eq!(
        s.read(1_100, "cart:7"),
        stale("3 items", 1_000),
        "the database is unreachable: the cached value is served, marked stale, last seen \
         1000 ms ago"
    );
    assert_eq!(
        s.mode(),
        Mode::Degraded {
            since_ms: 1_100,
            next_probe_ms: 2_100
        },
        "the first failed request switches to degraded mode and schedules a probe 1000 ms later"
    );
}

#[test]
fn a_cache_miss_during_a_partition_is_unavailable_not_not_found() {
    let mut s = service();
    partition(&mut s, true);
    assert_eq!(
        s.read(0, "cart:7"),
        Err(ReadError::Unavailable),
        "with the database unreachable and nothing cached, nobody knows whether the key exists"
    );
    assert_eq!(
        s.read(10, "cart:7"),
        Err(ReadError::Unavailable),
        "between probes a cache miss is still Unavailable"
    );
}

#[test]
fn between_probes_reads_leave_the_database_alone() {
    let mut s = service();
    seed(&mut s, "cart:7", "3 items");
    s.read(0, "cart:7")
        .expect("the database is reachable: the read is served");
    partition(&mut s, true);
    s.read(1_000, "cart:7")
        .expect("a cached key is served while the database is unreachable");
    let before = s.database().requests;
    assert_eq!(
        s.read(1_999, "cart:7"),
        stale("3 items", 1_999),
        "before the next probe a cached key is served stale"
    );
    assert_eq!(
        s.read(1_999, "cart:1"),
        Err(ReadError::Unavailable),
        "before the next probe a key not cached is Unavailable"
    );
    assert_eq!(
        s.database().requests,
        before,
        "before the next probe at 2000 ms no read may go to the partitioned database"
    );
    s.read(2_000, "cart:7")
        .expect("a cached key is served while the database is unreachable");
    assert_eq!(
        s.database().requests,
        before + 1,
        "at 2000 ms, exactly one probe interval after the failure, the database is tried again"
    );
    assert_eq!(
        s.mode(),
        Mode::Degraded {
            since_ms: 1_000,
            next_probe_ms: 3_000
        },
        "the failed probe keeps the outage's start and schedules the next probe"
    );
}

#[test]
fn until_the_probe_the_service_does_not_know_the_database_is_back() {
    let mut s = service();
    seed(&mut s, "cart:7", "3 items");
    s.read(0, "cart:7")
        .expect("the database is reachable: the read is served");
    partition(&mut s, true);
    s.read(1_000, "cart:7")
        .expect("a cached key is served while the database is unreachable");
    partition(&mut s, false);
    seed(&mut s, "cart:7", "changed elsewhere");
    assert_eq!(
        s.read(1_500, "cart:7"),
        stale("3 items", 1_500),
        "before the probe is due the cache answers, even though the database is back"
    );
    assert_eq!(
        s.read(2_000, "cart:7"),
        Ok(Read::Fresh("changed elsewhere".to_string())),
        "the probe reaches the database: the read is fresh again"
    );
}

#[test]
fn a_key_the_database_said_it_lacks_is_not_served_from_the_cache() {
    let mut s = service();
    seed(&mut s, "cart:7", "3 items");
    s.read(0, "cart:7")
        .expect("the database is reachable: the read is served");
    s.database_mut().rows.remove("cart:7");
    assert_eq!(
        s.read(10, "cart:7"),
        Err(ReadError::NotFound),
        "the row was deleted: NotFound"
    );
    partition(&mut s, true);
    assert_eq!(
        s.read(20, "cart:7"),
        Err(ReadError::Unavailable),
        "the database said cart:7 does not exist; during the outage the old cached copy must \
         not come back: Unavailable"
    );
}

#[test]
fn a_database_that_answers_not_found_ends_degraded_mode() {
    let mut s = service();
    partition(&mut s, true);
    s.read(0, "cart:7")
        .expect_err("a key that is not cached cannot be read during a partition");
    partition(&mut s, false);
    assert_eq!(
        s.read(1_000, "cart:7"),
        Err(ReadError::NotFound),
        "the database is back and says the key does not exist"
    );
    assert_eq!(
        s.mode(),
        Mode::Normal,
        "any answer from the database ends degraded mode"
    );
}

#[test]
fn a_fresh_read_ends_degraded_mode() {
    let mut s = service();
    partition(&mut s, true);
    s.read(0, "cart:7")
        .expect_err("a key that is not cached cannot be read during a partition");
    partition(&mut s, false);
    seed(&mut s, "cart:7", "3 items");
    assert_eq!(
        s.read(1_000, "cart:7"),
        Ok(Read::Fresh("3 items".to_string())),
        "at the probe the database answers with the value: it is fresh"
    );
    assert_eq!(s.mode(), Mode::Normal, "and the service is back to normal");
}

#[test]
fn read_errors_read_as_their_cause() {
    assert_ne!(
        ReadError::NotFound.to_string(),
        ReadError::Unavailable.to_string(),
        "NotFound and Unavailable read differently"
    );
    assert!(
        WriteError::ReadOnly { since_ms: 500 }
            .to_string()
            .contains("500"),
        "a refused write says since when"
    );
    assert!(
        !Unreachable.to_string().is_empty(),
        "an unreachable database has a message"
    );
}

// Task 3: Refuse writes while the database is away
#[test]
fn in_normal_mode_reads_and_writes_go_to_the_database() {
    let mut s = service();
    assert_eq!(
        s.write(10, "cart:7", "3 items"),
        Ok(()),
        "a reachable database accepts writes"
    );
    assert_eq!(
        s.database().rows.get("cart:7").map(String::as_str),
        Some("3 items"),
        "the write must be stored in the database"
    );
    assert_eq!(
        s.read(20, "cart:7"),
        Ok(Read::Fresh("3 items".to_string())),
        "a reachable database serves fresh reads"
    );
    assert_eq!(
        s.database().requests,
        2,
        "every request goes to the database in normal mode"
    );
    assert_eq!(
        s.mode(),
        Mode::Normal,
        "nothing failed, so the service stays in normal mode"
    );
}

#[test]
fn writes_are_refused_during_a_partition_and_leave_the_cache_alone() {
    let mut s = service();
    s.write(0, "cart:7", "3 items")
        .expect("the database is reachable: the write is accepted");
    partition(&mut s, true);
    assert_eq!(
        s.write(500, "cart:7", "4 items"),
        Err(WriteError::ReadOnly { since_ms: 500 }),
        "the write that finds the database unreachable is refused, and the outage starts then"
    );
    assert_eq!(
        s.mode(),
        Mode::Degraded {
            since_ms: 500,
            next_probe_ms: 1_500
        },
        "a failed write switches to degraded mode just like a failed read"
    );
    assert_eq!(
        s.write(600, "cart:7", "5 items"),
        Err(WriteError::ReadOnly { since_ms: 500 }),
        "writes stay refused in degraded mode"
    );
    assert_eq!(
        s.read(700, "cart:7"),
        stale("3 items", 700),
        "a refused write must not reach the cache: readers would see data that was never stored"
    );
}

#[test]
fn between_probes_the_database_is_left_alone() {
    let mut s = service();
    s.write(0, "cart:7", "3 items")
        .expect("the database is reachable: the write is accepted");
    partition(&mut s, true);
    s.read(1_000, "cart:7")
        .expect("a cached key is served while the database is unreachable");
    let before = s.database().requests;
    s.read(1_500, "cart:7")
        .expect("a cached key is served while the database is unreachable");
    s.read(1_999, "cart:1")
        .expect_err("a key that is not cached cannot be read during a partition");
    s.write(1_999, "cart:7", "4 items")
        .expect_err("writes are refused during a partition");
    assert_eq!(
        s.database().requests,
        before,
        "before the next probe at 2000 ms no request may go to the partitioned database"
    );
    s.read(2_000, "cart:7")
        .expect("a cached key is served while the database is unreachable");
    assert_eq!(
        s.database().requests,
        before + 1,
        "at 2000 ms, exactly one probe interval after the failure, the database is tried again"
    );
}

#[test]
fn a_failed_probe_keeps_the_outage_start_and_schedules_the_next_probe() {
    let mut s = service();
    partition(&mut s, true);
    s.read(1_000, "cart:7")
        .expect_err("a key that is not cached cannot be read during a partition");
    assert_eq!(
        s.write(2_300, "cart:7", "3 items"),
        Err(WriteError::ReadOnly { since_ms: 1_000 }),
        "a failed probe does not restart the outage: it began at 1000 ms"
    );
    assert_eq!(
        s.mode(),
        Mode::Degraded {
            since_ms: 1_000,
            next_probe_ms: 3_300
        },
        "the next probe is one interval after the failed probe at 2300 ms"
    );
}

#[test]
fn normal_mode_resumes_when_the_database_answers_a_read() {
    let mut s = service();
    s.write(0, "cart:7", "3 items")
        .expect("the database is reachable: the write is accepted");
    partition(&mut s, true);
    s.read(1_000, "cart:7")
        .expect("a cached key is served while the database is unreachable");
    partition(&mut s, false);
    s.database_mut()
        .rows
        .insert("cart:7".to_string(), "changed elsewhere".to_string());
    assert_eq!(
        s.read(1_500, "cart:7"),
        stale("3 items", 1_500),
        "until the probe is due the service does not know the database is back"
    );
    assert_eq!(
        s.read(2_000, "cart:7"),
        Ok(Read::Fresh("changed elsewhere".to_string())),
        "the probe reaches the database: the read is fresh again"
    );
    assert_eq!(
        s.mode(),
        Mode::Normal,
        "a request that reaches the database ends degraded mode"
    );
    assert_eq!(
        s.write(2_001, "cart:7", "4 items"),
        Ok(()),
        "writes are accepted again"
    );
}

#[test]
fn normal_mode_resumes_when_the_database_answers_a_write() {
    let mut s = service();
    partition(&mut s, true);
    s.write(0, "cart:7", "3 items")
        .expect_err("writes are refused during a partition");
    partition(&mut s, false);
    assert_eq!(
        s.write(1_000, "cart:7", "4 items"),
        Ok(()),
        "a write at the probe time reaches the database again and is accepted"
    );
    assert_eq!(s.mode(), Mode::Normal, "that write ends degraded mode");
}

#[test]
fn the_cache_keeps_the_last_value_read_or_written_with_its_time() {
    let mut s = service();
    s.write(100, "cart:7", "3 items")
        .expect("the database is reachable: the write is accepted");
    s.database_mut()
        .rows
        .insert("cart:7".to_string(), "5 items".to_string());
    s.read(400, "cart:7")
        .expect("the database is reachable: the read is served");
    s.write(100, "cart:8", "1 item")
        .expect("the database is reachable: the write is accepted");
    partition(&mut s, true);
    assert_eq!(
        s.read(1_000, "cart:7"),
        stale("5 items", 600),
        "the cache holds the value last read (at 400 ms), not the older value written"
    );
    assert_eq!(
        s.read(1_001, "cart:8"),
        stale("1 item", 901),
        "a value only written is cached too, aged from the time of the write"
    );
}

use token_bucket::{ConfigError, Throttled, TokenBucket};

fn bucket(capacity: u32, refill_per_sec: u32) -> TokenBucket {
    TokenBucket::new(capacity, refill_per_sec, 0).expect("a valid bucket")
}

fn empty(capacity: u32, refill_per_sec: u32, now_ms: u64) -> TokenBucket {
    TokenBucket::empty(capacity, refill_per_sec, now_ms).expect("a valid bucket")
}

fn drain(b: &mut TokenBucket, now_ms: u64) {
    let n = b.available(now_ms);
    assert_eq!(
        b.try_acquire(n, now_ms),
        Ok(()),
        "taking every token there is must succeed"
    );
    assert_eq!(
        b.available(now_ms),
        0,
        "a drained bucket holds no whole token"
    );
}

// Task 1: Refill exactly, in milli-tokens
#[test]
fn a_bucket_needs_a_capacity_and_a_rate() {
    assert_eq!(
        TokenBucket::new(0, 5, 0).err(),
        Some(ConfigError::ZeroCapacity),
        "a bucket that can hold no token is refused as ZeroCapacity"
    );
    assert_eq!(
        TokenBucket::new(5, 0, 0).err(),
        Some(ConfigError::ZeroRate),
        "a bucket that never refills is refused as ZeroRate"
    );
    assert_eq!(
        TokenBucket::empty(0, 5, 0).err(),
        Some(ConfigError::ZeroCapacity),
        "an empty bucket needs a capacity too"
    );
}

#[test]
fn a_full_bucket_holds_its_capacity_and_an_empty_one_nothing() {
    assert_eq!(
        bucket(5, 1).available(0),
        5,
        "a new bucket starts full: 5 tokens"
    );
    assert_eq!(
        empty(5, 1, 0).available(0),
        0,
        "an empty bucket holds no token before any time has passed"
    );
}

#[test]
fn the_bucket_refills_at_the_configured_rate() {
    let mut b = empty(10, 2, 0);
    assert_eq!(
        b.available(499),
        0,
        "at 2 tokens per second, 499 ms is not yet a whole token"
    );
    assert_eq!(
        b.available(500),
        1,
        "at 2 tokens per second, 500 ms adds one token"
    );
    assert_eq!(
        b.available(2_000),
        4,
        "at 2 tokens per second, 2 s adds 4 tokens"
    );
    let mut late = empty(10, 2, 7_000);
    assert_eq!(
        late.available(7_499),
        0,
        "time counts from the instant the bucket was made (7000 ms), not from 0"
    );
    assert_eq!(
        late.available(8_000),
        2,
        "one second after 7000 ms, 2 tokens have dripped in"
    );
}

#[test]
fn frequent_small_refills_add_up_without_drift() {
    let mut c = empty(5, 3, 0);
    for now in 1..=333 {
        assert_eq!(
            c.available(now),
            0,
            "at 3 tokens per second, {now} ms adds less than one token"
        );
    }
    assert_eq!(
        c.available(334),
        1,
        "at 3 tokens per second, 334 ms adds 1002 milli-tokens: one token"
    );
    assert_eq!(
        c.available(1_000),
        3,
        "at 3 tokens per second, polled every millisecond, 1000 ms adds 3 tokens: fractions of a \
         token must not be lost at each refill"
    );
}

#[test]
fn the_bucket_never_holds_more_than_its_capacity() {
    let mut b = empty(5, 10, 0);
    assert_eq!(
        b.available(499),
        4,
        "at 10 tokens per second, 499 ms adds 4 whole tokens"
    );
    assert_eq!(
        b.available(500),
        5,
        "at 10 tokens per second, 500 ms fills a bucket of 5"
    );
    assert_eq!(
        b.available(3_600_000),
        5,
        "after an idle hour the bucket holds its capacity of 5, no more"
    );
}

#[test]
fn a_huge_jump_of_the_clock_fills_the_bucket_without_overflow() {
    let mut b = empty(4_000_000, 4_000_000, 0);
    assert_eq!(
        b.available(u64::MAX),
        4_000_000,
        "the clock jumping to its very end fills the bucket to capacity (compute without overflowing)"
    );
}

#[test]
fn a_clock_going_backwards_adds_nothing() {
    let mut b = empty(10, 1, 5_000);
    assert_eq!(
        b.available(4_000),
        0,
        "a now earlier than one already seen adds no token"
    );
    assert_eq!(
        b.available(5_000),
        0,
        "back at 5000 ms no time has passed since the bucket was made: the glitch must not let \
         the bucket count the same second twice"
    );
    assert_eq!(
        b.available(6_000),
        1,
        "one second after 5000 ms, one token has dripped in"
    );
}

// Task 2: Take all the tokens or none, and say how long to wait
#[test]
fn a_new_bucket_is_full_and_allows_a_burst_up_to_capacity() {
    let mut b = bucket(5, 1);
    assert_eq!(b.available(0), 5, "a new bucket starts full");
    for i in 0..5 {
        assert_eq!(
            b.try_acquire(1, 0),
            Ok(()),
            "request {} of a burst of 5 must pass",
            i + 1
        );
    }
    assert_eq!(
        b.try_acquire(1, 0),
        Err(Throttled::Wait {
            available: 0,
            retry_after_ms: 1_000
        }),
        "the 6th request of the burst is throttled: at 1 token per second the next token comes in 1000 ms"
    );
}

#[test]
fn tokens_are_taken_all_at_once_or_not_at_all() {
    let mut b = bucket(10, 1);
    assert_eq!(b.try_acquire(7, 0), Ok(()), "7 of 10 tokens may be taken");
    assert_eq!(
        b.try_acquire(4, 0),
        Err(Throttled::Wait {
            available: 3,
            retry_after_ms: 1_000
        }),
        "4 tokens with 3 left are refused, reporting the 3 whole tokens there are and 1000 ms until the 4th"
    );
    assert_eq!(
        b.available(0),
        3,
        "a refused request takes nothing: 3 tokens are still there"
    );
    assert_eq!(
        b.try_acquire(3, 0),
        Ok(()),
        "the 3 tokens left may be taken"
    );
}

#[test]
fn polling_every_millisecond_finds_the_token_exactly_when_it_is_due() {
    let mut b = bucket(5, 1);
    drain(&mut b, 0);
    for now in 1..1_000 {
        assert_eq!(
            b.try_acquire(1, now),
            Err(Throttled::Wait {
                available: 0,
                retry_after_ms: 1_000 - now
            }),
            "at {now} ms, polled every millisecond, {now} thousandths of a token have dripped in: the token is due in {} ms",
            1_000 - now
        );
    }
    assert_eq!(
        b.try_acquire(1, 1_000),
        Ok(()),
        "polled every millisecond at 1 token per second, the token is there after exactly 1000 ms: fractions of a token must not be lost at each refill"
    );
}

#[test]
fn idle_time_does_not_pile_up_beyond_capacity() {
    let mut b = bucket(5, 10);
    drain(&mut b, 0);
    for _ in 0..5 {
        assert_eq!(
            b.try_acquire(1, 3_600_000),
            Ok(()),
            "a burst of 5 after idling an hour passes"
        );
    }
    assert_eq!(
        b.try_acquire(1, 3_600_000),
        Err(Throttled::Wait {
            available: 0,
            retry_after_ms: 100
        }),
        "the 6th request is throttled: idle time does not pile up beyond capacity"
    );
}

#[test]
fn a_refill_is_taken_into_account_before_taking() {
    let mut b = bucket(10, 2);
    drain(&mut b, 0);
    assert_eq!(
        b.try_acquire(4, 2_000),
        Ok(()),
        "2 s at 2 tokens per second refilled 4 tokens, which may be taken"
    );
    assert_eq!(b.available(2_000), 0, "and then the bucket is empty again");
}

#[test]
fn a_request_larger_than_capacity_is_refused_for_good() {
    let mut b = bucket(5, 1);
    assert_eq!(
        b.try_acquire(6, 0),
        Err(Throttled::TooLarge {
            requested: 6,
            capacity: 5
        }),
        "6 tokens from a bucket of 5 can never be served: TooLarge, not Wait"
    );
    assert_eq!(b.available(0), 5, "the refused request took nothing");
    assert_eq!(
        b.try_acquire(5, 0),
        Ok(()),
        "exactly the capacity may be taken at once"
    );
    assert_eq!(
        b.try_acquire(6, 0),
        Err(Throttled::TooLarge {
            requested: 6,
            capacity: 5
        }),
        "even from an empty bucket, asking more than the capacity is TooLarge"
    );
}

#[test]
fn the_wait_is_rounded_up_to_when_the_tokens_are_really_there() {
    let mut b = bucket(10, 3);
    drain(&mut b, 0);
    assert_eq!(
        b.try_acquire(1, 0),
        Err(Throttled::Wait {
            available: 0,
            retry_after_ms: 334
        }),
        "at 3 tokens per second one token takes 333.3 ms: the wait is 334 ms, since 333 ms brings only 999 milli-tokens"
    );
    assert!(
        b.try_acquire(1, 333).is_err(),
        "after 333 ms the token is not quite there"
    );
    assert_eq!(
        b.try_acquire(1, 334),
        Ok(()),
        "after the 334 ms announced, the token is there"
    );

    drain(&mut b, 1_000);
    assert_eq!(
        b.try_acquire(3, 1_100),
        Err(Throttled::Wait {
            available: 0,
            retry_after_ms: 900
        }),
        "100 ms after draining, 300 milli-tokens are there: 3 tokens need 2700 more, 900 ms at 3 per second"
    );
    assert_eq!(
        b.try_acquire(3, 2_000),
        Ok(()),
        "after the 900 ms announced, the 3 tokens are there"
    );
}

#[test]
fn a_sustained_flood_is_cut_to_the_refill_rate() {
    // A client sends 10 requests per second for 10 s into a bucket of 5 refilling at 2 per second.
    let mut b = bucket(5, 2);
    let mut admitted = 0;
    for i in 0..100u64 {
        if b.try_acquire(1, i * 100).is_ok() {
            admitted += 1;
        }
    }
    assert_eq!(
        admitted, 24,
        "a burst of 5, then 2 per second for the 9.9 s that follow: 5 + 19 requests pass out of 100"
    );
}

#[test]
fn refusals_and_config_errors_read_as_their_cause() {
    let wait = Throttled::Wait {
        available: 3,
        retry_after_ms: 250,
    }
    .to_string();
    assert!(
        wait.contains('3') && wait.contains("250"),
        "a throttled request says how many tokens there are and how long to wait, got {wait:?}"
    );
    let large = Throttled::TooLarge {
        requested: 6,
        capacity: 5,
    }
    .to_string();
    assert!(
        large.contains('6') && large.contains('5'),
        "a request too large says what was asked and what the bucket holds, got {large:?}"
    );
    assert_ne!(
        ConfigError::ZeroCapacity.to_string(),
        ConfigError::ZeroRate.to_string(),
        "the two configuration errors read differently"
    );
}

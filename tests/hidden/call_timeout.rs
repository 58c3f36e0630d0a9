use call_timeout::{gives_up_at_ms, judge, CallError, Reply};

fn reply(at_ms: u64, result: Result<u32, &'static str>) -> Option<Reply<u32, &'static str>> {
    Some(Reply { at_ms, result })
}

// Task 1: Compute the instant the caller gives up
#[test]
fn the_caller_gives_up_one_timeout_after_sending() {
    assert_eq!(
        gives_up_at_ms(1_000, 250),
        1_250,
        "sent at 1000 ms with a 250 ms timeout, the caller gives up at 1250 ms"
    );
    assert_eq!(
        gives_up_at_ms(40, 0),
        40,
        "a zero timeout gives up at the instant of sending"
    );
}

#[test]
fn a_give_up_instant_past_the_end_of_the_clock_is_the_end_of_the_clock() {
    assert_eq!(
        gives_up_at_ms(u64::MAX - 5, 100),
        u64::MAX,
        "u64::MAX - 5 plus 100 ms does not fit: the caller gives up at the end of the clock, \
         not at a wrapped-around small instant"
    );
    assert_eq!(
        gives_up_at_ms(u64::MAX - 100, 100),
        u64::MAX,
        "u64::MAX - 100 plus 100 ms is exactly u64::MAX"
    );
}

// Task 2: Count a late answer as a timeout
#[test]
fn an_answer_in_time_is_the_result_of_the_call() {
    assert_eq!(
        judge(1_000, 250, reply(1_100, Ok(7))),
        Ok(7),
        "a success 100 ms after sending, within a 250 ms timeout, is a success"
    );
    assert_eq!(
        judge(1_000, 250, reply(1_100, Err("overloaded"))),
        Err(CallError::Failed("overloaded")),
        "an error that arrives in time is the remote side's error, not a timeout"
    );
}

#[test]
fn an_answer_exactly_at_the_timeout_is_still_in_time() {
    assert_eq!(
        judge(1_000, 250, reply(1_250, Ok(7))),
        Ok(7),
        "a reply at 1250 ms, the very instant the caller gives up, still counts"
    );
    assert_eq!(
        judge(1_000, 250, reply(1_250, Err("overloaded"))),
        Err(CallError::Failed("overloaded")),
        "an error at 1250 ms, the very instant the caller gives up, is still the remote error"
    );
}

#[test]
fn a_success_one_millisecond_late_is_a_timeout() {
    assert_eq!(
        judge(1_000, 250, reply(1_251, Ok(7))),
        Err(CallError::TimedOut {
            gave_up_at_ms: 1_250
        }),
        "a success at 1251 ms came after the caller gave up at 1250 ms: for the caller it is a \
         timeout, even though the remote side answered"
    );
    assert_eq!(
        judge(1_000, 250, reply(9_000, Err("overloaded"))),
        Err(CallError::TimedOut {
            gave_up_at_ms: 1_250
        }),
        "a late error is a timeout too: the caller never saw it"
    );
}

#[test]
fn no_answer_at_all_is_a_timeout_at_the_give_up_instant() {
    assert_eq!(
        judge::<u32, &str>(500, 100, None),
        Err(CallError::TimedOut { gave_up_at_ms: 600 }),
        "a call sent at 500 ms with a 100 ms timeout and never answered times out at 600 ms"
    );
}

#[test]
fn the_timeout_counts_from_the_send_time_not_from_zero() {
    assert_eq!(
        judge(1_000, 250, reply(300, Ok(1))),
        Ok(1),
        "the caller gives up 250 ms after sending at 1000 ms, not at 250 ms on the clock"
    );
    assert_eq!(
        judge(u64::MAX - 5, 100, reply(u64::MAX, Ok(2))),
        Ok(2),
        "near the end of the clock the caller gives up at u64::MAX, so a reply at u64::MAX is in \
         time"
    );
}

#[test]
fn a_call_error_reads_as_its_cause() {
    let text = CallError::<&str>::TimedOut {
        gave_up_at_ms: 1_250,
    }
    .to_string();
    assert!(
        text.contains("1250"),
        "a timeout reads as the instant the caller gave up, got {text:?}"
    );
    let text = CallError::Failed("overloaded").to_string();
    assert!(
        text.contains("overloaded"),
        "a failed call reads as the remote error, got {text:?}"
    );
}

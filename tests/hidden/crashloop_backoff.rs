use crashloop_backoff::{restart_delay_ms, Container, State, MAX_DELAY_MS};

const SECOND: u64 = 1_000;
const MINUTE: u64 = 60 * SECOND;

// Task 1: Double the restart delay up to the five-minute cap
#[test]
fn the_delay_starts_at_ten_seconds_and_doubles() {
    let delays: Vec<u64> = (1..=5).map(restart_delay_ms).collect();
    assert_eq!(
        delays,
        vec![
            10 * SECOND,
            20 * SECOND,
            40 * SECOND,
            80 * SECOND,
            160 * SECOND
        ],
        "the kubelet waits 10 s after the first crash in a row, then doubles: 20 s, 40 s, 80 s, \
         160 s"
    );
}

#[test]
fn the_delay_is_capped_at_five_minutes() {
    assert_eq!(
        restart_delay_ms(6),
        300 * SECOND,
        "the 6th crash would wait 320 s, above the cap: it waits 300 s (5 minutes)"
    );
    assert_eq!(
        restart_delay_ms(7),
        5 * MINUTE,
        "from then on every restart waits the 5-minute cap"
    );
    assert_eq!(MAX_DELAY_MS, 300_000, "the cap is 300 s");
}

#[test]
fn the_delay_never_overflows() {
    for crashes in [30, 64, 65, 100, u32::MAX] {
        assert_eq!(
            restart_delay_ms(crashes),
            5 * MINUTE,
            "after {crashes} crashes in a row the delay is still the 5-minute cap (doubling that \
             often must not overflow or wrap around)"
        );
    }
}

#[test]
fn no_crash_means_no_delay() {
    assert_eq!(
        restart_delay_ms(0),
        0,
        "with no crash there is nothing to wait for"
    );
}

// Task 2: Track a container through its crashes and restarts
#[test]
fn quick_crashes_wait_longer_and_longer() {
    let mut c = Container::start(0);
    assert_eq!(
        c.exited(1_000),
        11_000,
        "first crash at 1 s: restart 10 s later"
    );
    assert_eq!(
        c.exited(12_000),
        32_000,
        "second crash in a row: 20 s later"
    );
    assert_eq!(c.exited(33_000), 73_000, "third crash in a row: 40 s later");
    assert_eq!(c.crashes_in_a_row(), 3, "three crashes in a row so far");
}

#[test]
fn a_container_in_back_off_waits_until_its_restart_time() {
    let mut c = Container::start(0);
    c.exited(1_000);
    c.exited(12_000);
    c.exited(33_000);
    assert_eq!(
        c.state(50_000),
        State::BackOff {
            restart_at_ms: 73_000
        },
        "between its exit at 33 s and its restart at 73 s the container is in CrashLoopBackOff"
    );
    assert_eq!(
        c.state(72_999),
        State::BackOff {
            restart_at_ms: 73_000
        },
        "1 ms before the restart it is still waiting"
    );
    assert_eq!(
        c.state(73_000),
        State::Running { since_ms: 73_000 },
        "at its restart time it runs again"
    );
}

#[test]
fn a_new_container_is_running() {
    let c = Container::start(5_000);
    assert_eq!(
        c.state(5_000),
        State::Running { since_ms: 5_000 },
        "a container started at 5 s is running from 5 s"
    );
    assert_eq!(
        c.crashes_in_a_row(),
        0,
        "a new container has no crash behind it"
    );
}

#[test]
fn ten_minutes_of_running_resets_the_back_off() {
    let mut c = Container::start(0);
    c.exited(1_000);
    c.exited(12_000);
    let restart = c.exited(33_000);
    assert_eq!(restart, 73_000);
    assert_eq!(
        c.exited(restart + 10 * MINUTE),
        restart + 10 * MINUTE + 10 * SECOND,
        "it ran exactly 10 minutes since its restart at 73 s: the back-off is reset and this \
         crash waits 10 s again, not 80 s"
    );
    assert_eq!(
        c.crashes_in_a_row(),
        1,
        "after the reset, this crash is the first in a row"
    );
}

#[test]
fn running_just_under_ten_minutes_does_not_reset() {
    let mut c = Container::start(0);
    let restart = c.exited(1_000);
    assert_eq!(
        c.exited(restart + 10 * MINUTE - 1),
        restart + 10 * MINUTE - 1 + 20 * SECOND,
        "1 ms short of 10 minutes is not enough: this is the second crash in a row, 20 s"
    );
}

#[test]
fn running_time_counts_from_the_latest_restart() {
    let mut c = Container::start(0);
    let mut started = 0;
    for _ in 0..5 {
        started = c.exited(started + 4 * MINUTE);
    }
    assert_eq!(
        c.crashes_in_a_row(),
        5,
        "each run lasted 4 minutes: the container has existed for far more than 10 minutes, \
         but no single run since a restart lasted 10, so the crashes keep counting"
    );
    assert_eq!(
        c.exited(started + 4 * MINUTE),
        started + 4 * MINUTE + 5 * MINUTE,
        "the 6th crash in a row waits the 5-minute cap"
    );
}

#[test]
fn a_container_that_was_fine_for_long_starts_from_ten_seconds() {
    let mut c = Container::start(0);
    assert_eq!(
        c.exited(3 * 60 * MINUTE),
        3 * 60 * MINUTE + 10 * SECOND,
        "a container that ran 3 hours and then crashed waits 10 s: a first crash"
    );
    assert_eq!(
        c.exited(3 * 60 * MINUTE + 15 * SECOND),
        3 * 60 * MINUTE + 15 * SECOND + 20 * SECOND,
        "crashing 5 s after that restart is the second crash in a row: 20 s"
    );
}

#[test]
fn the_worked_example_of_the_doc() {
    let mut c = Container::start(0);
    assert_eq!(
        [c.exited(1_000), c.exited(12_000), c.exited(33_000)],
        [11_000, 32_000, 73_000],
        "exits at 1 s, 12 s and 33 s restart at 11 s, 32 s and 73 s"
    );
    assert_eq!(
        c.exited(673_000),
        683_000,
        "running from 73 s to 673 s is 10 minutes: reset, restart 10 s later"
    );
}

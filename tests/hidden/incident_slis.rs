use incident_slis::{availability, durability, merged_outages, Incident, Sli, Window};

const MIN: u64 = 60_000;
const DAY: u64 = 24 * 60 * MIN;

fn window(start_ms: u64, end_ms: u64) -> Window {
    Window { start_ms, end_ms }
}

/// The service stopped answering from `start_ms` to `end_ms`; nothing was lost.
fn outage(start_ms: u64, end_ms: u64) -> Incident {
    Incident {
        start_ms,
        end_ms,
        outage: true,
        objects_lost: 0,
    }
}

/// Objects were lost while the service kept answering.
fn silent_loss(start_ms: u64, end_ms: u64, objects_lost: u64) -> Incident {
    Incident {
        start_ms,
        end_ms,
        outage: false,
        objects_lost,
    }
}

// Task 1: Merge the outages inside the window
#[test]
fn overlapping_outages_merge_and_come_out_sorted() {
    let incidents = [
        outage(50, 70),
        outage(10, 30),
        outage(20, 40),
        outage(90, 120),
    ];
    assert_eq!(
        merged_outages(&incidents, window(0, 100)),
        vec![(10, 40), (50, 70), (90, 100)],
        "[10, 30) and [20, 40) overlap and merge; the list is sorted by start; [90, 120) is \
         cut at the end of the window"
    );
}

#[test]
fn outages_that_touch_merge_into_one() {
    let incidents = [outage(10, 20), outage(20, 30)];
    assert_eq!(
        merged_outages(&incidents, window(0, 100)),
        vec![(10, 30)],
        "an outage that starts the millisecond the last one ended continues it"
    );
}

#[test]
fn outages_with_a_gap_stay_apart() {
    let incidents = [outage(10, 20), outage(21, 30)];
    assert_eq!(
        merged_outages(&incidents, window(0, 100)),
        vec![(10, 20), (21, 30)],
        "one millisecond up between two outages keeps them apart"
    );
}

#[test]
fn an_outage_inside_another_does_not_shorten_it() {
    let incidents = [outage(10, 60), outage(20, 30)];
    assert_eq!(
        merged_outages(&incidents, window(0, 100)),
        vec![(10, 60)],
        "[20, 30) lies inside [10, 60): the merged outage still ends at 60"
    );
}

#[test]
fn an_incident_that_did_not_stop_the_service_is_not_an_outage() {
    let incidents = [silent_loss(10, 50, 40), outage(60, 70)];
    assert_eq!(
        merged_outages(&incidents, window(0, 100)),
        vec![(60, 70)],
        "an incident with outage: false lost data while serving: it is no downtime"
    );
}

#[test]
fn outages_are_clipped_to_the_window_and_dropped_outside_it() {
    let incidents = [
        outage(0, 150),
        outage(180, 250),
        outage(300, 400),
        outage(20, 100),
        outage(160, 160),
    ];
    assert_eq!(
        merged_outages(&incidents, window(100, 200)),
        vec![(100, 150), (180, 200)],
        "in [100, 200): [0, 150) keeps its part from 100, [180, 250) its part until 200; \
         [300, 400) is after the window, [20, 100) ends where the window starts, and \
         [160, 160) is empty"
    );
}

#[test]
fn an_outage_left_empty_is_dropped() {
    assert_eq!(
        merged_outages(&[outage(50, 50)], window(0, 100)),
        vec![],
        "an outage from 50 to 50 lasted no time at all: it is not an outage"
    );
    assert_eq!(
        merged_outages(&[outage(20, 100)], window(100, 200)),
        vec![],
        "an outage that ends the millisecond the window starts leaves nothing inside it"
    );
    assert_eq!(
        merged_outages(&[outage(200, 300)], window(100, 200)),
        vec![],
        "an outage that starts the millisecond the window ends leaves nothing inside it"
    );
}

// Task 2: Measure availability over the window
#[test]
fn overlapping_downtime_counts_once() {
    let incidents = [outage(10 * MIN, 30 * MIN), outage(20 * MIN, 40 * MIN)];
    assert_eq!(
        availability(&incidents, window(0, DAY)),
        Sli {
            good: DAY - 30 * MIN,
            valid: DAY
        },
        "two incidents over 10–30 and 20–40 min are 30 minutes down, not 40"
    );
}

#[test]
fn every_millisecond_of_the_window_is_valid() {
    let incidents = [
        outage(50, 70),
        outage(10, 30),
        outage(20, 40),
        outage(90, 120),
    ];
    assert_eq!(
        availability(&incidents, window(0, 100)),
        Sli {
            good: 40,
            valid: 100
        },
        "60 of the window's 100 ms were down (the part after the window does not count)"
    );
}

#[test]
fn downtime_outside_the_window_does_not_count() {
    let incidents = [outage(0, 2 * DAY), outage(3 * DAY, 3 * DAY + MIN)];
    assert_eq!(
        availability(&incidents, window(2 * DAY, 3 * DAY)),
        Sli {
            good: DAY,
            valid: DAY
        },
        "the window [day 2, day 3) starts when the first outage ends and ends when the next \
         starts: fully available"
    );
}

#[test]
fn data_loss_without_an_outage_costs_no_availability() {
    let incidents = [silent_loss(MIN, 90 * MIN, 40)];
    assert_eq!(
        availability(&incidents, window(0, DAY)),
        Sli {
            good: DAY,
            valid: DAY
        },
        "40 objects lost while every request was answered: availability is untouched"
    );
}

// Task 3: Measure durability over the window
#[test]
fn lost_objects_count_against_the_objects_stored() {
    let incidents = [
        silent_loss(MIN, 2 * MIN, 40),
        silent_loss(DAY / 2, DAY / 2, 2),
    ];
    assert_eq!(
        durability(&incidents, window(0, DAY), 1_000_000),
        Sli {
            good: 999_958,
            valid: 1_000_000
        },
        "of 1 000 000 objects, 40 + 2 were lost: 999 958 kept"
    );
}

#[test]
fn an_outage_that_lost_nothing_costs_no_durability() {
    let incidents = [outage(0, DAY)];
    assert_eq!(
        durability(&incidents, window(0, DAY), 1_000_000),
        Sli {
            good: 1_000_000,
            valid: 1_000_000
        },
        "a whole day down with every object intact: durability is untouched"
    );
}

#[test]
fn an_outage_that_lost_data_costs_both() {
    let restore = Incident {
        start_ms: 10 * MIN,
        end_ms: 130 * MIN,
        outage: true,
        objects_lost: 1_200,
    };
    let incidents = [restore];
    assert_eq!(
        availability(&incidents, window(0, DAY)),
        Sli {
            good: DAY - 120 * MIN,
            valid: DAY
        },
        "a restore from backup kept the service down 2 hours"
    );
    assert_eq!(
        durability(&incidents, window(0, DAY), 100_000),
        Sli {
            good: 98_800,
            valid: 100_000
        },
        "and lost the 1 200 objects written since the last backup"
    );
}

#[test]
fn losses_count_in_the_window_where_the_incident_starts() {
    let incidents = [
        silent_loss(DAY - 1, DAY + MIN, 1),
        silent_loss(DAY, DAY + MIN, 10),
        silent_loss(2 * DAY - 1, 2 * DAY, 100),
        silent_loss(2 * DAY, 2 * DAY + MIN, 1_000),
    ];
    assert_eq!(
        durability(&incidents, window(DAY, 2 * DAY), 1_000_000),
        Sli {
            good: 1_000_000 - 110,
            valid: 1_000_000
        },
        "in [day 1, day 2): the incidents starting at day 1 and a millisecond before day 2 \
         count; the one starting just before the window and the one at its end do not"
    );
}

#[test]
fn losing_more_than_was_stored_keeps_nothing() {
    let incidents = [
        silent_loss(MIN, MIN, 700),
        silent_loss(2 * MIN, 2 * MIN, 700),
    ];
    assert_eq!(
        durability(&incidents, window(0, DAY), 1_000),
        Sli {
            good: 0,
            valid: 1_000
        },
        "1 400 objects reported lost out of 1 000 stored: none kept, and never fewer than none"
    );
}

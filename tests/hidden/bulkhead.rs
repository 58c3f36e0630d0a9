use bulkhead::{Bulkhead, BulkheadError, Permit, SlotCount};
use std::sync::{Arc, Mutex};

fn bulkhead() -> Bulkhead {
    Bulkhead::new(&[("payments", 2), ("search", 3), ("reports", 1)])
}

fn full(partition: &'static str, slots: usize) -> BulkheadError {
    BulkheadError::Full { partition, slots }
}

fn in_use(b: &Bulkhead, name: &str) -> usize {
    b.in_use(name).expect("a known partition")
}

fn rejected(b: &Bulkhead, name: &str) -> u64 {
    b.rejected(name).expect("a known partition")
}

/// A shared count with a rival caller in it: once armed, right after the next `read` the rival
/// takes a slot (by its own correct one-step check, so only if one is free) and keeps it.
#[derive(Debug)]
struct Rival {
    state: Mutex<RivalState>,
}

#[derive(Debug)]
struct RivalState {
    count: usize,
    slots: usize,
    armed: bool,
    rival_holds: usize,
}

impl Rival {
    fn new(slots: usize) -> Arc<Rival> {
        Arc::new(Rival {
            state: Mutex::new(RivalState {
                count: 0,
                slots,
                armed: false,
                rival_holds: 0,
            }),
        })
    }

    fn arm(&self, armed: bool) {
        self.state.lock().unwrap().armed = armed;
    }

    /// (the count as stored, the slots the rival holds)
    fn seen(&self) -> (usize, usize) {
        let s = self.state.lock().unwrap();
        (s.count, s.rival_holds)
    }
}

impl SlotCount for Rival {
    fn read(&self) -> usize {
        let mut s = self.state.lock().unwrap();
        let seen = s.count;
        if s.armed {
            s.armed = false;
            if s.count < s.slots {
                s.count += 1;
                s.rival_holds += 1;
            }
        }
        seen
    }

    fn write(&self, n: usize) {
        self.state.lock().unwrap().count = n;
    }

    fn atomically(&self, decide: &mut dyn FnMut(usize) -> Option<usize>) -> bool {
        let mut s = self.state.lock().unwrap();
        match decide(s.count) {
            Some(n) => {
                s.count = n;
                true
            }
            None => false,
        }
    }
}

fn with_rival(slots: usize) -> (Bulkhead, Arc<Rival>) {
    let rival = Rival::new(slots);
    let count: Arc<dyn SlotCount> = rival.clone();
    (
        Bulkhead::with_counts(vec![("reports", slots, count)]),
        rival,
    )
}

// Task 1: Hand out slots, and take them back when a permit is dropped
#[test]
fn a_partition_hands_out_its_slots_then_refuses() {
    let b = bulkhead();
    let first = b
        .try_acquire("payments")
        .expect("payments has 2 slots: the first call gets one");
    let second = b
        .try_acquire("payments")
        .expect("payments has 2 slots: the second call gets one");
    assert_eq!(
        in_use(&b, "payments"),
        2,
        "two permits hold both payments slots"
    );
    assert_eq!(
        b.try_acquire("payments").err(),
        Some(full("payments", 2)),
        "a third concurrent call to payments is refused at once as Full, naming the partition and its 2 slots"
    );
    assert_eq!(
        first.partition(),
        "payments",
        "a permit knows the partition it holds a slot of"
    );
    assert_eq!(
        second.partition(),
        "payments",
        "a permit knows the partition it holds a slot of"
    );
}

#[test]
fn a_refused_call_takes_no_slot() {
    let b = bulkhead();
    let _held = b.try_acquire("reports").expect("reports has one slot");
    for _ in 0..5 {
        assert!(b.try_acquire("reports").is_err(), "reports is full");
    }
    assert_eq!(
        in_use(&b, "reports"),
        1,
        "refused calls hold nothing: reports still has exactly its 1 slot in use"
    );
}

#[test]
fn a_slow_dependency_cannot_starve_the_others() {
    let b = bulkhead();
    // reports hangs: its calls never return, so its permits are never dropped.
    let stuck: Vec<Permit> = (0..1).map(|_| b.try_acquire("reports").unwrap()).collect();
    assert!(
        b.try_acquire("reports").is_err(),
        "the hung reports partition is full"
    );
    let payments: Vec<Permit> = (0..2)
        .map(|i| {
            b.try_acquire("payments").unwrap_or_else(|e| {
                panic!(
                    "payments call {} must get a slot while reports is stuck: {e:?}",
                    i + 1
                )
            })
        })
        .collect();
    let search: Vec<Permit> = (0..3)
        .map(|i| {
            b.try_acquire("search").unwrap_or_else(|e| {
                panic!(
                    "search call {} must get a slot while reports is stuck: {e:?}",
                    i + 1
                )
            })
        })
        .collect();
    assert_eq!(
        (
            in_use(&b, "reports"),
            in_use(&b, "payments"),
            in_use(&b, "search")
        ),
        (1, 2, 3),
        "each partition counts only its own slots in use"
    );
    drop((stuck, payments, search));
}

#[test]
fn dropping_a_permit_gives_its_slot_back() {
    let b = bulkhead();
    let first = b.try_acquire("payments").expect("first payments slot");
    let _second = b.try_acquire("payments").expect("second payments slot");
    assert!(b.try_acquire("payments").is_err(), "payments is full");
    drop(first);
    assert_eq!(
        in_use(&b, "payments"),
        1,
        "dropping one permit frees one slot"
    );
    let _third = b
        .try_acquire("payments")
        .expect("the slot freed by the dropped permit can be taken again");
    assert_eq!(
        b.try_acquire("payments").err(),
        Some(full("payments", 2)),
        "one dropped permit frees exactly one slot, not more"
    );
}

#[test]
fn a_permit_frees_the_slot_of_its_own_partition() {
    let b = bulkhead();
    let search = b.try_acquire("search").expect("a search slot");
    let _payments = b.try_acquire("payments").expect("a payments slot");
    drop(search);
    assert_eq!(
        in_use(&b, "search"),
        0,
        "dropping the search permit frees the search slot"
    );
    assert_eq!(
        in_use(&b, "payments"),
        1,
        "dropping the search permit leaves the payments slot in use"
    );
}

#[test]
fn the_slot_comes_back_however_the_caller_returns() {
    let b = bulkhead();
    fn call(b: &Bulkhead, fail_early: bool) -> Result<u32, BulkheadError> {
        let _permit = b.try_acquire("reports")?;
        if fail_early {
            return Err(BulkheadError::UnknownPartition("early exit".to_string()));
        }
        Ok(42)
    }
    assert!(
        call(&b, true).is_err(),
        "the call fails on its early-return path"
    );
    assert_eq!(
        in_use(&b, "reports"),
        0,
        "an early return drops the permit and frees the slot"
    );
    assert_eq!(
        call(&b, false),
        Ok(42),
        "the freed slot serves the next call"
    );
    assert_eq!(
        in_use(&b, "reports"),
        0,
        "a normal return frees the slot too"
    );
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let _permit = b.try_acquire("reports").unwrap();
        panic!("the dependency call blew up");
    }));
    assert!(result.is_err(), "the call panicked");
    assert_eq!(
        in_use(&b, "reports"),
        0,
        "even a panic drops the permit and frees the slot"
    );
}

#[test]
fn an_unknown_dependency_is_an_error_not_a_refusal() {
    let b = bulkhead();
    assert_eq!(
        b.try_acquire("billing").err(),
        Some(BulkheadError::UnknownPartition("billing".to_string())),
        "a name with no partition is UnknownPartition, naming it"
    );
    assert_eq!(
        b.in_use("billing"),
        Err(BulkheadError::UnknownPartition("billing".to_string())),
        "in_use of an unknown partition is UnknownPartition"
    );
    assert_eq!(
        b.rejected("billing"),
        Err(BulkheadError::UnknownPartition("billing".to_string())),
        "rejected of an unknown partition is UnknownPartition"
    );
    for name in ["payments", "search", "reports"] {
        assert_eq!(
            rejected(&b, name),
            0,
            "an unknown name is not a refusal of {name}"
        );
        assert_eq!(
            in_use(&b, name),
            0,
            "an unknown name takes no slot of {name}"
        );
    }
}

#[test]
fn a_partition_without_slots_refuses_everything() {
    let b = Bulkhead::new(&[("legacy", 0), ("api", 1)]);
    assert_eq!(
        b.try_acquire("legacy").err(),
        Some(full("legacy", 0)),
        "a partition with 0 slots is always Full"
    );
    assert_eq!(in_use(&b, "legacy"), 0, "and it holds no slot");
    assert!(
        b.try_acquire("api").is_ok(),
        "the api partition is not affected"
    );
}

#[test]
fn a_permit_can_be_released_on_another_thread() {
    let b = bulkhead();
    let permit = b.try_acquire("reports").expect("reports has one slot");
    std::thread::spawn(move || {
        assert_eq!(
            permit.partition(),
            "reports",
            "the permit travels with its partition"
        );
        drop(permit);
    })
    .join()
    .expect("the worker thread finishes");
    assert_eq!(
        in_use(&b, "reports"),
        0,
        "the permit dropped on the worker thread freed its slot"
    );
    assert!(b.try_acquire("reports").is_ok(), "so the next call gets it");
}

#[test]
fn a_refusal_reads_as_its_cause() {
    let text = full("payments", 2).to_string();
    assert!(
        text.contains("payments") && text.contains('2'),
        "a full partition's refusal names it and its slots, got {text:?}"
    );
    let text = BulkheadError::UnknownPartition("billing".to_string()).to_string();
    assert!(
        text.contains("billing"),
        "an unknown partition's error names it, got {text:?}"
    );
}

// Task 2: Count refusals against the partition that refused
#[test]
fn refusals_are_counted_per_partition() {
    let b = bulkhead();
    let _r = b.try_acquire("reports").expect("reports has one slot");
    let _s: Vec<Permit> = (0..3).map(|_| b.try_acquire("search").unwrap()).collect();
    for _ in 0..4 {
        assert!(b.try_acquire("reports").is_err(), "reports is full");
    }
    assert!(b.try_acquire("search").is_err(), "search is full");
    assert_eq!(
        rejected(&b, "reports"),
        4,
        "4 refusals of the full reports partition are counted"
    );
    assert_eq!(
        rejected(&b, "search"),
        1,
        "search counts only its own single refusal"
    );
    assert_eq!(
        rejected(&b, "payments"),
        0,
        "payments refused nothing, whatever happened to the others"
    );
}

#[test]
fn granted_calls_are_not_counted_as_refusals() {
    let b = bulkhead();
    for _ in 0..10 {
        let permit = b.try_acquire("payments").expect("payments has free slots");
        drop(permit);
    }
    assert_eq!(
        rejected(&b, "payments"),
        0,
        "calls that got a slot are not refusals"
    );
    assert_eq!(
        in_use(&b, "payments"),
        0,
        "every permit was dropped, so no slot is in use"
    );
}

#[test]
fn a_hung_dependency_costs_only_its_own_calls() {
    // 60 requests, each calling one dependency in turn; calls to reports hang and never return,
    // calls to payments and search complete at once.
    let b = bulkhead();
    let mut hung = Vec::new();
    let mut refused = [0u32; 3];
    let names = ["payments", "search", "reports"];
    for i in 0..60 {
        let which = i % 3;
        match b.try_acquire(names[which]) {
            Ok(permit) if names[which] == "reports" => hung.push(permit),
            Ok(permit) => drop(permit),
            Err(_) => refused[which] += 1,
        }
    }
    assert_eq!(
        refused,
        [0, 0, 19],
        "only reports refuses calls: its single slot is held by the first hung call, its other 19 calls are refused; payments and search refuse none"
    );
    assert_eq!(
        rejected(&b, "reports"),
        19,
        "the 19 refusals are counted against reports"
    );
    assert_eq!(hung.len(), 1, "one reports call hangs in the slot it holds");
}

#[test]
fn a_partition_without_slots_counts_every_refusal() {
    let b = Bulkhead::new(&[("legacy", 0), ("api", 1)]);
    for _ in 0..3 {
        assert!(b.try_acquire("legacy").is_err(), "legacy has no slot");
    }
    assert_eq!(
        rejected(&b, "legacy"),
        3,
        "each of its 3 refusals is counted"
    );
    assert_eq!(rejected(&b, "api"), 0, "none is counted against api");
}

// Task 3: Make the check and the take one indivisible step
#[test]
fn a_rival_between_check_and_take_cannot_overfill_a_partition() {
    let (b, rival) = with_rival(1);
    rival.arm(true);
    let permit = b.try_acquire("reports");
    rival.arm(false);
    let (count, rival_holds) = rival.seen();
    let holders = usize::from(permit.is_ok()) + rival_holds;
    assert!(
        holders <= 1,
        "another caller took the one reports slot right after your read of the count: if you \
         then took it as well, {holders} calls hold 1 slot. Decide and take in one `atomically` step"
    );
    assert_eq!(
        count, holders,
        "the count must match the slots really held ({holders})"
    );
}

#[test]
fn a_rival_taking_one_of_two_free_slots_leaves_the_other_for_you() {
    let (b, rival) = with_rival(2);
    rival.arm(true);
    let permit = b.try_acquire("reports");
    rival.arm(false);
    assert!(
        permit.is_ok(),
        "with 2 free slots, a call gets one even if a rival takes the other meanwhile: {:?}",
        permit.err()
    );
    let (count, rival_holds) = rival.seen();
    assert_eq!(
        count,
        1 + rival_holds,
        "the count holds your slot and every slot the rival took"
    );
}

#[test]
fn giving_a_slot_back_does_not_erase_a_rivals_slot() {
    let (b, rival) = with_rival(2);
    let permit = b.try_acquire("reports").expect("reports has 2 free slots");
    rival.arm(true);
    drop(permit);
    rival.arm(false);
    let (count, rival_holds) = rival.seen();
    assert_eq!(
        count, rival_holds,
        "after your permit is dropped only the rival's slots are in use: a read of the count \
         then a write of one less erases a slot the rival took in between"
    );
    assert_eq!(
        in_use(&b, "reports"),
        rival_holds,
        "in_use sees the same count"
    );
}

#[test]
fn slots_are_never_oversubscribed_under_real_threads() {
    let b = Arc::new(Bulkhead::new(&[("reports", 3)]));
    let peak = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let (b, peak) = (Arc::clone(&b), Arc::clone(&peak));
            std::thread::spawn(move || {
                for _ in 0..2_000 {
                    if let Ok(permit) = b.try_acquire("reports") {
                        let now = b.in_use("reports").unwrap();
                        peak.fetch_max(now, std::sync::atomic::Ordering::SeqCst);
                        drop(permit);
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().expect("a worker finishes");
    }
    assert!(
        peak.load(std::sync::atomic::Ordering::SeqCst) <= 3,
        "8 threads sharing 3 slots never see more than 3 in use"
    );
    assert_eq!(in_use(&b, "reports"), 0, "every slot came back");
}

#[test]
fn the_atomic_count_behaves_as_the_trait_says() {
    let count = std::sync::atomic::AtomicUsize::new(0);
    count.write(3);
    assert_eq!(count.read(), 3, "a count written as 3 reads 3");
    assert!(
        count.atomically(&mut |n| (n < 4).then_some(n + 1)),
        "atomically stores when its decision says so"
    );
    assert_eq!(count.read(), 4, "and the count is then 4");
    assert!(
        !count.atomically(&mut |n| (n < 4).then_some(n + 1)),
        "atomically stores nothing when its decision is None"
    );
    assert_eq!(count.read(), 4, "so the count stays at 4");
}

//! # bulkhead: one pool of slots per dependency, so a slow one fills only its own
//!
//! A ship's hull is split into watertight compartments so that one breach floods one
//! compartment, not the ship. A service does the same with the capacity it spends on its
//! dependencies: each dependency gets its own *partition* of slots (concurrent calls in
//! flight). When one dependency turns slow, its calls pile up and fill its own slots; calls to
//! every other dependency still find theirs free. Michael Nygard's *Release It!* names the
//! pattern ("Bulkheads"); Netflix's Hystrix gave each dependency its own thread pool or
//! semaphore for the same reason.
//!
//! ## Task 1: Hand out slots, and take them back when a permit is dropped
//!
//! - Each partition has a fixed number of slots (possibly 0).
//! - [`Bulkhead::try_acquire`] returns a [`Permit`] holding one slot of the named partition,
//!   or refuses at once with [`BulkheadError::Full`] when every slot is in use; it never waits
//!   and never borrows a slot from another partition. An unknown name is
//!   [`BulkheadError::UnknownPartition`].
//! - Dropping a permit gives its one slot back to its own partition, however the caller's code
//!   ends (an early return, a panic, another thread): that is RAII.
//!
//! Example: with `payments` of 2 slots, two `try_acquire("payments")` succeed, a third is
//! `Err(Full { partition: "payments", slots: 2 })`; dropping one permit lets the next succeed.
//!
//! ## Task 2: Count refusals against the partition that refused
//!
//! - Every refusal because a partition is full adds one to that partition's
//!   [`Bulkhead::rejected`] count, and to no other; a granted call and an unknown name add
//!   nothing.
//!
//! Example: `reports` (1 slot) held and asked 4 more times, `search` (3 slots) full and asked
//! once: `rejected("reports")` is 4, `rejected("search")` 1, `rejected("payments")` 0.
//!
//! ## Task 3: Make the check and the take one indivisible step
//!
//! Many callers share a partition's count, on many threads. "Read the count; if it is below
//! the slots, write count + 1" is a race: two callers can both read 0 of 1 slot, both decide
//! there is room, and both take it, so two calls run in a one-slot partition (or one write
//! overwrites the other and a slot is lost from the count). The same holds when giving a slot
//! back. So:
//!
//! - Taking a slot and giving it back each use [`SlotCount::atomically`], which decides and
//!   stores in one step that no other caller can cut into; never act on a
//!   [`SlotCount::read`].
//!
//! Example: with `reports` at 0 of 1 slot, if another caller takes the slot right after your
//! `read` saw 0, a check-then-take ends with 2 holders of 1 slot; with `atomically` the
//! decision is made on the count as it really is.
//!
//! ## Beyond this exercise
//!
//! Here a full partition refuses at once; real bulkheads may queue a caller for a short,
//! bounded time. Slots bound concurrency, not time: a slow call still holds its slot, so pair
//! a bulkhead with timeouts. Sizing a partition is Little's law: rate × latency.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

/// The count of slots in use of one partition, shared by every caller on every thread.
/// Real code uses an [`AtomicUsize`]; the tests plug in a count with a rival caller.
pub trait SlotCount: Send + Sync + fmt::Debug {
    /// The count right now. By the time you act on it, another caller may have changed it.
    fn read(&self) -> usize;
    /// Replaces the count.
    fn write(&self, n: usize);
    /// One indivisible step: gives `decide` the current count and, if it returns `Some(new)`,
    /// stores `new` before any other caller can change the count. Returns whether it stored.
    fn atomically(&self, decide: &mut dyn FnMut(usize) -> Option<usize>) -> bool;
}

impl SlotCount for AtomicUsize {
    fn read(&self) -> usize {
        self.load(Ordering::SeqCst)
    }

    fn write(&self, n: usize) {
        self.store(n, Ordering::SeqCst);
    }

    fn atomically(&self, decide: &mut dyn FnMut(usize) -> Option<usize>) -> bool {
        // A compare-and-swap loop: `decide` is asked again if the count moved meanwhile.
        self.fetch_update(Ordering::SeqCst, Ordering::SeqCst, decide)
            .is_ok()
    }
}

/// Why a slot was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkheadError {
    /// No partition has that name.
    UnknownPartition(String),
    /// Every slot of the partition is in use.
    Full {
        /// The partition that is full.
        partition: &'static str,
        /// Its number of slots.
        slots: usize,
    },
}

impl fmt::Display for BulkheadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BulkheadError::UnknownPartition(name) => write!(f, "no partition named {name:?}"),
            BulkheadError::Full { partition, slots } => {
                write!(f, "all {slots} slot(s) of {partition} are in use")
            }
        }
    }
}

impl std::error::Error for BulkheadError {}

/// The slots for one dependency and its counters.
#[derive(Debug)]
struct Partition {
    name: &'static str,
    slots: usize,
    in_use: Arc<dyn SlotCount>,
    rejected: AtomicU64,
}

/// One slot of a partition, held until the permit is dropped.
#[derive(Debug)]
pub struct Permit {
    partition: Arc<Partition>,
}

impl Permit {
    /// The partition this permit holds a slot of.
    pub fn partition(&self) -> &'static str {
        self.partition.name
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        // TODO (Tasks 1 and 3): give this permit's slot back to its partition, in one step.
        todo!()
    }
}

/// Partitions of slots, one per dependency.
#[derive(Debug)]
pub struct Bulkhead {
    partitions: HashMap<&'static str, Arc<Partition>>,
}

impl Bulkhead {
    /// A bulkhead with the given partitions, as `(name, slots)`; names are unique.
    pub fn new(partitions: &[(&'static str, usize)]) -> Self {
        let with_atomics: Vec<_> = partitions
            .iter()
            .map(|&(name, slots)| {
                let count: Arc<dyn SlotCount> = Arc::new(AtomicUsize::new(0));
                (name, slots, count)
            })
            .collect();
        Bulkhead::with_counts(with_atomics)
    }

    /// A bulkhead whose partitions, as `(name, slots, count)`, keep their slots in use in the
    /// given counts (each starting at 0); names are unique.
    pub fn with_counts(partitions: Vec<(&'static str, usize, Arc<dyn SlotCount>)>) -> Self {
        let partitions = partitions
            .into_iter()
            .map(|(name, slots, in_use)| {
                let partition = Partition {
                    name,
                    slots,
                    in_use,
                    rejected: AtomicU64::new(0),
                };
                (name, Arc::new(partition))
            })
            .collect();
        Bulkhead { partitions }
    }

    fn partition(&self, name: &str) -> Result<&Arc<Partition>, BulkheadError> {
        self.partitions
            .get(name)
            .ok_or_else(|| BulkheadError::UnknownPartition(name.to_string()))
    }

    /// Slots of the partition in use right now.
    pub fn in_use(&self, name: &str) -> Result<usize, BulkheadError> {
        Ok(self.partition(name)?.in_use.read())
    }

    /// Refusals of the partition because it was full, since the bulkhead was built.
    pub fn rejected(&self, name: &str) -> Result<u64, BulkheadError> {
        Ok(self.partition(name)?.rejected.load(Ordering::Relaxed))
    }

    /// Takes one slot of the named partition, or refuses at once if all are in use.
    pub fn try_acquire(&self, name: &str) -> Result<Permit, BulkheadError> {
        // TODO (Tasks 1 to 3): find the partition; take one of its slots if one is free, with
        // the check and the take in one step; or count the refusal against it and refuse.
        todo!()
    }
}

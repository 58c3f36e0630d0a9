//! # Bulkhead
//!
//! A ship's hull is split into watertight compartments so that one breach floods one
//! compartment, not the ship. A service does the same with the capacity it spends on its
//! dependencies: each dependency gets its own *partition* of slots (concurrent calls in
//! flight). When one dependency turns slow, its calls pile up and fill its own slots; calls to
//! every other dependency still find theirs free.
//!
//! The rules:
//!
//! - each partition has a fixed number of slots;
//! - [`Bulkhead::try_acquire`] returns a [`Permit`] holding one slot of the named partition,
//!   or refuses at once when every slot is in use; it never waits and never borrows a slot
//!   from another partition;
//! - dropping a permit gives its slot back, however the caller's code ends (RAII);
//! - every refusal for a full partition is counted against that partition.
//!
//! Permits may be moved to and dropped on other threads, so the counters are atomics: taking a
//! slot must check and increment in one atomic step.
//!
//! Implement [`Bulkhead::try_acquire`] and `Drop` for [`Permit`].
//!
//! ## Task 1: Bulkhead

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

/// Why a slot was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkheadError {
    /// No partition has that name.
    UnknownPartition(String),
    /// Every slot of the partition is in use.
    Full {
        partition: &'static str,
        slots: usize,
    },
}

/// The slots for one dependency and its counters.
#[derive(Debug)]
struct Partition {
    name: &'static str,
    slots: usize,
    in_use: AtomicUsize,
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
        // TODO: give this permit's slot back to its partition.
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
        let partitions = partitions
            .iter()
            .map(|&(name, slots)| {
                let partition = Partition {
                    name,
                    slots,
                    in_use: AtomicUsize::new(0),
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
        Ok(self.partition(name)?.in_use.load(Ordering::Acquire))
    }

    /// Refusals of the partition because it was full, since the bulkhead was built.
    pub fn rejected(&self, name: &str) -> Result<u64, BulkheadError> {
        Ok(self.partition(name)?.rejected.load(Ordering::Relaxed))
    }

    /// Takes one slot of the named partition, or refuses at once if all are in use.
    pub fn try_acquire(&self, name: &str) -> Result<Permit, BulkheadError> {
        // TODO: find the partition; take one of its slots if one is free (check and take in
        // one atomic step), or count the refusal against it and refuse.
        todo!()
    }
}

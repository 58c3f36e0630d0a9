//! Replica placement across fault domains.
//!
//! A replicated store keeps `replicas` copies of its data and keeps serving only while a
//! quorum (a strict majority) of them is up. A zone is a fault domain: power, network or a bad
//! change can take out every rack in it at once. Place the replicas so that losing any single
//! zone still leaves a quorum standing.
//!
//! - `quorum(n)`: the smallest strict majority of `n` replicas.
//! - `max_per_zone(n)`: the most replicas one zone may hold so that the other zones still hold
//!   a quorum of the `n`.
//! - `place(zones, n)`: put the replicas one at a time. Each goes to the zone holding the fewest
//!   replicas so far, among zones below `max_per_zone(n)` that still have a free slot; ties go to
//!   the zone listed first. Inside that zone it goes to the rack holding the fewest, among racks
//!   with a free slot; ties go to the rack listed first. A rack holds at most `capacity`
//!   replicas. The result lists where replica 0, 1, 2, ... went, in that order.
//! - When no placement exists, say why, checking in this order: fewer than 3 replicas can never
//!   survive a zone loss (`TooFewReplicas`); too few zones even if every zone had unlimited room
//!   (`NotEnoughZones`); not enough free slots once each zone is held to its limit
//!   (`NotEnoughCapacity`).
//!
//! ## Task 1: Replica_placement

/// A rack inside a zone, with room for `capacity` replicas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rack {
    pub name: String,
    pub capacity: usize,
}

/// A zone (availability zone): the fault domain that may fail as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    pub name: String,
    pub racks: Vec<Rack>,
}

impl Zone {
    /// A zone from `(rack name, capacity)` pairs, in the order given.
    pub fn new(name: &str, racks: &[(&str, usize)]) -> Zone {
        Zone {
            name: name.to_string(),
            racks: racks
                .iter()
                .map(|&(rack, capacity)| Rack {
                    name: rack.to_string(),
                    capacity,
                })
                .collect(),
        }
    }

    /// Free slots over all racks of the zone.
    pub fn capacity(&self) -> usize {
        self.racks.iter().map(|r| r.capacity).sum()
    }
}

/// Where one replica lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub zone: String,
    pub rack: String,
}

/// Why the replicas cannot be placed so that any one zone may fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementError {
    /// With fewer than 3 replicas, losing the zone of any one of them loses the quorum.
    TooFewReplicas { replicas: usize },
    /// Even with unlimited room per zone, `needed` zones are required and only `zones` exist.
    NotEnoughZones { zones: usize, needed: usize },
    /// Counting each zone up to its limit, only `usable` slots exist for `needed` replicas.
    NotEnoughCapacity { usable: usize, needed: usize },
}

/// The smallest strict majority of `replicas`.
pub fn quorum(replicas: usize) -> usize {
    // TODO: the fewest replicas that are more than half of `replicas`.
    todo!("quorum of {replicas}")
}

/// The most replicas one zone may hold so that the rest still form a quorum.
pub fn max_per_zone(replicas: usize) -> usize {
    // TODO: how many may be lost with the zone while the others still make a quorum.
    todo!("limit per zone for {replicas}")
}

/// Places `replicas` copies over `zones` so that losing any one zone keeps a quorum.
pub fn place(zones: &[Zone], replicas: usize) -> Result<Vec<Placement>, PlacementError> {
    // TODO: refuse impossible requests with the right error, in the order the module doc gives.
    // TODO: place replicas one at a time: least-loaded zone under its limit with a free slot,
    //       then least-loaded rack with a free slot; ties to the one listed first.
    todo!("place {replicas} replicas over {} zones", zones.len())
}

//! # replica_placement: spread replicas so that losing any one zone keeps a quorum
//!
//! A replicated store keeps `replicas` copies of its data and keeps serving only while a
//! quorum (a strict majority) of them is up. A zone is a fault domain: power, network or a bad
//! change can take out every rack in it at once. Place the replicas so that losing any single
//! zone still leaves a quorum standing. (Majority quorums as in Raft and etcd, whose FAQ
//! recommends odd cluster sizes; zone-aware placement as in Cassandra's
//! `NetworkTopologyStrategy`, Ceph's CRUSH failure domains and Kubernetes topology spread
//! constraints. The AWS Well-Architected Reliability pillar, REL10, asks for workloads
//! deployed over several zones.)
//!
//! ## Task 1: Work out the quorum and the limit per zone
//!
//! - [`quorum`]: the smallest strict majority of `n` replicas (more than half, never exactly
//!   half).
//! - [`max_per_zone`]: the most replicas one zone may hold so that the other zones still hold a
//!   quorum of the `n` (zero when even losing one replica breaks the quorum).
//!
//! Example: 3 replicas: quorum 2, at most 1 per zone. 4: quorum 3, at most 1. 5: quorum 3, at
//! most 2.
//!
//! ## Task 2: Refuse a placement that cannot survive a zone loss
//!
//! When no placement exists, [`place`] says why, checking in this order:
//! - fewer than 3 replicas can never survive a zone loss: [`PlacementError::TooFewReplicas`];
//! - too few zones even if every zone had unlimited room (each holds at most the limit, so the
//!   replicas need `n / limit` zones, rounded up): [`PlacementError::NotEnoughZones`];
//! - not enough free slots once each zone counts only up to its limit:
//!   [`PlacementError::NotEnoughCapacity`].
//!
//! Example: 5 replicas over zones of 9 and 9 slots: `NotEnoughZones { zones: 2, needed: 3 }`.
//! 5 replicas over zones of 10, 1 and 1 slots: `NotEnoughCapacity { usable: 4, needed: 5 }`
//! (zone a counts for 2 only).
//!
//! ## Task 3: Spread the replicas over the zones
//!
//! Put the replicas one at a time. Each goes to the zone holding the fewest replicas so far,
//! among zones below `max_per_zone(n)` that still have a free slot; ties go to the zone listed
//! first. The result lists where replica 0, 1, 2, … went, in that order.
//!
//! Example: 5 replicas over three roomy zones a, b, c go to a, b, c, a, b. With zone a holding
//! only 1 slot: a, b, c, b, c.
//!
//! ## Task 4: Spread them over the racks of each zone
//!
//! Inside the chosen zone, a replica goes to the rack holding the fewest so far, among racks
//! with a free slot (a rack holds at most its `capacity`); ties go to the rack listed first.
//!
//! Example: 7 replicas over zones a, b, c with two racks of 3 each: a1, b1, c1, a2, b2, c2, a1.
//!
//! ## Beyond this exercise
//!
//! Real schedulers also weigh racks for a *rack* loss, keep replicas of different shards
//! apart, move replicas when zones are added, and place by region for disasters bigger than a
//! zone. Surviving a zone loss is not surviving two: that takes `n` with a quorum left after
//! losing the two fullest zones.

/// A rack inside a zone, with room for `capacity` replicas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rack {
    /// The rack's name, unique within its zone.
    pub name: String,
    /// How many replicas it can hold.
    pub capacity: usize,
}

/// A zone (availability zone): the fault domain that may fail as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Zone {
    /// The zone's name.
    pub name: String,
    /// Its racks, in the order ties are broken.
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
    /// The zone's name.
    pub zone: String,
    /// The rack's name within that zone.
    pub rack: String,
}

/// Why the replicas cannot be placed so that any one zone may fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementError {
    /// With fewer than 3 replicas, losing the zone of any one of them loses the quorum.
    TooFewReplicas {
        /// The replicas asked for.
        replicas: usize,
    },
    /// Even with unlimited room per zone, `needed` zones are required and only `zones` exist.
    NotEnoughZones {
        /// The zones there are.
        zones: usize,
        /// The zones the replicas need.
        needed: usize,
    },
    /// Counting each zone up to its limit, only `usable` slots exist for `needed` replicas.
    NotEnoughCapacity {
        /// The free slots, each zone counted up to its limit.
        usable: usize,
        /// The replicas to place.
        needed: usize,
    },
}

impl std::fmt::Display for PlacementError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlacementError::TooFewReplicas { replicas } => write!(
                f,
                "{replicas} replicas cannot survive the loss of a zone: at least 3 are needed"
            ),
            PlacementError::NotEnoughZones { zones, needed } => {
                write!(f, "the replicas need {needed} zones but only {zones} exist")
            }
            PlacementError::NotEnoughCapacity { usable, needed } => write!(
                f,
                "only {usable} usable slots for {needed} replicas, each zone held to its limit"
            ),
        }
    }
}

impl std::error::Error for PlacementError {}

/// The smallest strict majority of `replicas`.
pub fn quorum(replicas: usize) -> usize {
    replicas / 2 + 1
}

/// The most replicas one zone may hold so that the rest still form a quorum.
pub fn max_per_zone(replicas: usize) -> usize {
    // Losing a zone holding k replicas leaves n - k, which must be at least quorum(n).
    replicas.saturating_sub(quorum(replicas))
}

/// Places `replicas` copies over `zones` so that losing any one zone keeps a quorum.
pub fn place(zones: &[Zone], replicas: usize) -> Result<Vec<Placement>, PlacementError> {
    let limit = max_per_zone(replicas);
    if limit == 0 {
        return Err(PlacementError::TooFewReplicas { replicas });
    }
    let needed = replicas.div_ceil(limit);
    if zones.len() < needed {
        return Err(PlacementError::NotEnoughZones {
            zones: zones.len(),
            needed,
        });
    }
    // Each zone can contribute its room, but never more than the limit.
    let usable: usize = zones.iter().map(|z| z.capacity().min(limit)).sum();
    if usable < replicas {
        return Err(PlacementError::NotEnoughCapacity {
            usable,
            needed: replicas,
        });
    }

    // used[z][r]: replicas placed so far on rack r of zone z.
    let mut used: Vec<Vec<usize>> = zones.iter().map(|z| vec![0; z.racks.len()]).collect();
    let held = |used: &[Vec<usize>], z: usize| used[z].iter().sum::<usize>();
    let mut plan = Vec::with_capacity(replicas);
    for _ in 0..replicas {
        // `min_by_key` returns the first of equal minima: that is the listed-first tie-break.
        // No zone needs an explicit limit test here: the capacity check above guarantees some
        // zone with room is still below its limit, so the least-loaded zone with room is too.
        let z = (0..zones.len())
            .filter(|&z| held(&used, z) < zones[z].capacity())
            .min_by_key(|&z| held(&used, z))
            .expect("usable capacity was checked before placing");
        let racks = &zones[z].racks;
        let r = (0..racks.len())
            .filter(|&r| used[z][r] < racks[r].capacity)
            .min_by_key(|&r| used[z][r])
            .expect("the chosen zone has a free slot");
        used[z][r] += 1;
        plan.push(Placement {
            zone: zones[z].name.clone(),
            rack: racks[r].name.clone(),
        });
    }
    Ok(plan)
}

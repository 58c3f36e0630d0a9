//! # shared_domain: a fault domain is what two replicas have in common
//!
//! A fault domain is a set of things that fail together because they share something: a host,
//! the rack's switch and power, a zone's building, a region. The domains nest: a host sits in a
//! rack, a rack in an availability zone, a zone in a region. Two replicas are lost together by
//! the failure of any domain they *share*, so the smallest domain they share tells how much
//! redundancy the pair really gives. (Google, *Site Reliability Engineering*, ch. 26 and the
//! SRE Workbook on failure domains; AWS, "Regions and Availability Zones"; Kubernetes
//! `topologySpreadConstraints` with the `topology.kubernetes.io/zone` label.)
//!
//! A [`Location`] names a replica's region, zone, rack and host; [`Location::path`] lists them
//! from the largest domain down, and [`Domain::at_depth`] (given) names the domain of the first
//! few names of a path. Names are local to their parent: rack `r1` of zone `a` is not rack `r1` of zone `b`, and zone `a` of two regions are
//! two zones. This model stops at the region: above it, a provider is one more shared domain.
//!
//! ## Task 1: Find the smallest domain two replicas share
//!
//! [`shared_domain`]: the smallest [`Domain`] both locations lie in, or `None` when they are in
//! different regions. Two locations share a domain only if they also share every larger one
//! around it: the shared domain is where their paths, read from the region down, first part.
//!
//! Example: `eu/a/r1/h1` and `eu/a/r1/h2` share `Some(Rack)`; `eu/a/r1/h1` and `eu/b/r1/h1`
//! share `Some(Region)` (same rack name, different zones); `eu/a/r1/h1` and `us/a/r1/h1` share
//! `None`.
//!
//! ## Task 2: Tell whether a pair survives the loss of one domain
//!
//! [`survives_loss_of`]: the pair keeps at least one replica when any single domain of kind
//! `kind` fails exactly when they do not share a domain of that kind. Sharing a smaller
//! domain means sharing the larger ones around it too ([`Domain`] is ordered from the
//! smallest, `Host`, to the largest, `Region`).
//!
//! Example: two replicas sharing a rack survive the loss of a host, not of a rack or a zone.
//! Two replicas in different regions survive the loss of any region.

/// A fault domain kind, ordered from the smallest to the largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Domain {
    /// One machine.
    Host,
    /// The machines behind one top-of-rack switch and power feed.
    Rack,
    /// An availability zone: one or more buildings with their own power and network.
    Zone,
    /// A region: several zones in one geographic area.
    Region,
}

impl Domain {
    /// The domain named by the first `depth` names of a [`Location::path`]: 1 is the region,
    /// 2 the zone, 3 the rack, 4 the host, and 0 (no name in common) is none of them.
    pub fn at_depth(depth: usize) -> Option<Domain> {
        match depth {
            0 => None,
            1 => Some(Domain::Region),
            2 => Some(Domain::Zone),
            3 => Some(Domain::Rack),
            _ => Some(Domain::Host),
        }
    }
}

/// Where a replica runs; each name is local to the one before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The region, such as `eu-west-1`.
    pub region: String,
    /// The zone within the region.
    pub zone: String,
    /// The rack within the zone.
    pub rack: String,
    /// The host within the rack.
    pub host: String,
}

impl Location {
    /// The names from the largest domain to the smallest: region, zone, rack, host.
    pub fn path(&self) -> [&str; 4] {
        [&self.region, &self.zone, &self.rack, &self.host]
    }
}

/// The smallest domain `a` and `b` both lie in, or `None` if they are in different regions.
pub fn shared_domain(a: &Location, b: &Location) -> Option<Domain> {
    // Names are local to their parent, so a level counts only if every level above it matched
    // too: the common prefix of the two paths, not any matching name.
    let common = a
        .path()
        .iter()
        .zip(b.path().iter())
        .take_while(|(x, y)| x == y)
        .count();
    Domain::at_depth(common)
}

/// Whether at least one of `a` and `b` survives the failure of any one domain of kind `kind`.
pub fn survives_loss_of(a: &Location, b: &Location, kind: Domain) -> bool {
    // Sharing a smaller domain means sharing every larger one around it.
    shared_domain(a, b).is_none_or(|shared| kind < shared)
}

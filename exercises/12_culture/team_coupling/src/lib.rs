//! # team_coupling: Conway's law, counted in calls
//!
//! Melvin Conway ("How Do Committees Invent?", *Datamation*, April 1968): organisations
//! design systems that copy their communication structure. Read the other way, every call
//! from a service of one team to a service of another is a line of communication the two
//! teams must keep up: a shared contract, a joint release, a meeting when it breaks. This
//! exercise measures that coupling from an **ownership map** (service → team) and a **call
//! graph** (caller → callee, with how many calls a day), then uses it the way the *inverse
//! Conway manoeuvre* does: to judge a proposed re-organisation before making it. Matthew
//! Skelton and Manuel Pais (*Team Topologies*, 2019) add the counterweight: a team can own
//! only as much as it can understand (its **cognitive load**), so "one team owns everything"
//! has no cross-team calls and is still not an answer.
//!
//! [`team_of`] is given: it finds a service's team, or says which service nobody owns.
//!
//! ## Task 1: Measure the share of calls that cross team boundaries
//!
//! - Calls are weighted by their `count`. A call is cross-team when its caller's team is not
//!   its callee's team (a service calling itself stays inside its team).
//! - The share is cross-team calls over all calls in per-mille, **rounded up** (coupling
//!   never looks smaller than it is); no calls at all is 0 ‰.
//! - A call to or from a service missing from the map is an error naming it: the first such
//!   service in call order, the caller before the callee.
//!
//! Example (organised by layer): `web` is `frontend`'s, `cart-api` and `pay-api` are
//! `backend`'s, `cart-db` and `pay-db` are `data`'s; calls `web→cart-api` 100,
//! `web→pay-api` 50, `cart-api→cart-db` 300, `pay-api→pay-db` 200, `cart-api→pay-api` 20.
//! 650 of 670 calls cross a boundary: 971 ‰ (970.1 rounded up).
//!
//! ## Task 2: Find the most coupled pair of teams
//!
//! - A pair of teams is unordered: calls from A to B and from B to A add up, and the pair is
//!   named with the alphabetically smaller team first. Calls inside a team are no pair.
//! - The pair with the most calls; on a tie, the alphabetically first pair (by its first
//!   team, then its second). No cross-team call: no pair.
//!
//! Example: above, `(backend, data)` with 500 calls (`frontend`–`backend` has 150).
//!
//! ## Task 3: Review a proposed re-organisation
//!
//! - Count the cross-team calls under the current and under the proposed map (same calls).
//! - A team is overloaded when the proposed map gives it more services than
//!   `max_services_per_team`; overloaded teams are listed by name with their count.
//! - The proposal is accepted when it makes strictly fewer cross-team calls and overloads
//!   nobody.
//!
//! Example: re-organised around streams (`cart-api` and `cart-db` to `cart`, `pay-api` and
//! `pay-db` to `payments`, `web` stays `frontend`'s), with at most 2 services a team:
//! 650 → 170 cross-team calls, nobody overloaded, accepted. Giving all five to one team
//! makes 0 cross-team calls but overloads it `("everyone", 5)`: rejected.
//!
//! ## Beyond this exercise
//!
//! Calls are one kind of coupling; the others are invisible in a call graph: shared
//! databases, shared libraries released together, one team's schema read by another's batch
//! job. Real analyses also weigh *change* coupling (which services are changed in the same
//! commits or releases, mined from version control) over call volume, since a chatty but
//! stable interface costs little. Team Topologies would also ask what *kind* of interaction
//! each remaining boundary is (collaboration, X-as-a-service, facilitating), and counts
//! cognitive load in domains, not in services; a service count is a crude stand-in.

use std::collections::BTreeMap;
use std::fmt;

/// Service → the team that owns it.
pub type Owners = BTreeMap<String, String>;

/// Calls from one service to another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// The calling service.
    pub caller: String,
    /// The called service.
    pub callee: String,
    /// How many calls (a day, say: only the proportions matter).
    pub count: u64,
}

/// A service the ownership map does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unowned(pub String);

impl fmt::Display for Unowned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "service {} has no owning team", self.0)
    }
}

impl std::error::Error for Unowned {}

/// The team that owns `service`, or the service nobody owns.
pub fn team_of<'a>(owners: &'a Owners, service: &str) -> Result<&'a str, Unowned> {
    owners
        .get(service)
        .map(String::as_str)
        .ok_or_else(|| Unowned(service.to_string()))
}

/// How much of the traffic crosses team boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coupling {
    /// All calls.
    pub total: u64,
    /// Calls whose caller and callee belong to different teams.
    pub cross_team: u64,
    /// `cross_team / total` in per-mille, rounded up; 0 when there are no calls.
    pub cross_permille: u64,
}

/// Two teams and the calls between them, both directions added up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The alphabetically smaller team.
    pub first: String,
    /// The other team.
    pub second: String,
    /// Calls between them, in both directions.
    pub calls: u64,
}

/// What a proposed ownership map would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// Cross-team calls under the current map.
    pub before: u64,
    /// Cross-team calls under the proposed map.
    pub after: u64,
    /// Teams given more services than allowed, by name, with how many they would own.
    pub overloaded: Vec<(String, usize)>,
    /// Fewer cross-team calls and nobody overloaded.
    pub accepted: bool,
}

/// The share of `calls` that cross team boundaries under `owners`.
pub fn coupling(owners: &Owners, calls: &[Call]) -> Result<Coupling, Unowned> {
    // TODO: add up all calls and the cross-team ones; the share in ‰, rounded up.
    todo!()
}

/// The pair of teams with the most calls between them, if any call crosses a boundary.
pub fn most_coupled_pair(owners: &Owners, calls: &[Call]) -> Result<Option<Pair>, Unowned> {
    // TODO: add up the calls of each unordered pair; the most, the first pair on a tie.
    todo!()
}

/// Reviews moving from the `current` to the `proposed` ownership map.
pub fn review(
    current: &Owners,
    proposed: &Owners,
    calls: &[Call],
    max_services_per_team: usize,
) -> Result<Review, Unowned> {
    // TODO: cross-team calls before and after, the overloaded teams, and the verdict.
    todo!()
}

//! # incident_slis: availability and durability are different promises
//!
//! Availability is about *now*: does the service answer? Durability is about *later*: is the
//! data you were told was stored still there? They fail separately. A region that goes dark
//! for an hour and comes back with every object intact has hurt availability only; a disk
//! that silently corrupts forty objects while every request still gets an answer has hurt
//! durability only. Reporting them as one number hides both (course module 5, §5.6.1–5.6.2).
//!
//! Both are service level indicators in the form the SRE Workbook ("Implementing SLOs")
//! recommends: **good events over valid events**. For availability an event is a millisecond
//! of the window, good when the service was up (the time-based availability of the SRE book,
//! "Embracing Risk"); for durability it is an object stored, good when it was not lost.
//!
//! Times are in milliseconds; a window `[start_ms, end_ms)` includes its start, not its end.
//!
//! ## Task 1: Merge the outages inside the window
//!
//! - Only incidents with `outage: true` stopped the service; the others are not outages.
//! - Each outage is clipped to the window; what is left empty (or was empty) is dropped.
//! - Outages that overlap or touch (one ends exactly when the next starts) merge into one.
//! - The result is sorted by start, whatever the order of the incidents.
//!
//! Example: in the window `[0, 100)`, outages `[50, 70)`, `[10, 30)`, `[20, 40)` and `[90, 120)`
//! give `[(10, 40), (50, 70), (90, 100)]`.
//!
//! ## Task 2: Measure availability over the window
//!
//! - Valid: every millisecond of the window. Good: those not inside a merged outage, so that
//!   two incidents during the same minutes count that downtime once.
//!
//! Example: in the window `[0, 100)` above, 30 + 20 + 10 = 60 ms were down: `Sli { good: 40,
//! valid: 100 }`.
//!
//! ## Task 3: Measure durability over the window
//!
//! - Valid: the `objects_stored` given. Good: those not lost; never fewer than zero.
//! - The objects lost by every incident that starts inside the window count, outage or not;
//!   an outage that lost nothing costs durability nothing.
//!
//! Example: of 1 000 000 objects, incidents in the window losing 40 and 2 give `Sli { good:
//! 999_958, valid: 1_000_000 }`, while a day-long outage that lost nothing changes nothing.
//!
//! ## Beyond this exercise
//!
//! Real availability SLIs count requests, not minutes (a partial outage fails some requests,
//! not all), and exclude planned maintenance only if the SLO says so. Real durability is
//! rarely measured from incidents alone: object stores scrub their data to find silent
//! corruption, and a loss found months later still belongs to the day it happened.

/// A half-open stretch of time `[start_ms, end_ms)`, with `start_ms <= end_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The first millisecond inside.
    pub start_ms: u64,
    /// The first millisecond after.
    pub end_ms: u64,
}

/// One incident from the incident log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    /// When it started.
    pub start_ms: u64,
    /// When it was over (the first millisecond after it).
    pub end_ms: u64,
    /// Whether the service stopped answering from `start_ms` to `end_ms`.
    pub outage: bool,
    /// Stored objects that were lost for good (0 if none).
    pub objects_lost: u64,
}

/// A service level indicator: `good` events out of `valid` events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sli {
    /// Events that went well.
    pub good: u64,
    /// Events that count at all.
    pub valid: u64,
}

/// The outages of `incidents` inside `window`, merged and sorted, as `(start_ms, end_ms)`.
pub fn merged_outages(incidents: &[Incident], window: Window) -> Vec<(u64, u64)> {
    // TODO: keep the outages, clip them to the window, sort them, merge overlaps.
    todo!()
}

/// The availability SLI over `window`: milliseconds up out of milliseconds in the window.
pub fn availability(incidents: &[Incident], window: Window) -> Sli {
    // TODO: the window's milliseconds, minus those inside a merged outage.
    todo!()
}

/// The durability SLI over `window`: objects kept out of `objects_stored`.
pub fn durability(incidents: &[Incident], window: Window, objects_stored: u64) -> Sli {
    // TODO: the objects stored, minus those lost by incidents starting inside the window.
    todo!()
}

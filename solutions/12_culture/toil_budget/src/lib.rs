//! # toil_budget: is the team still ahead of its operational work?
//!
//! Google's SRE book (chapter 5, "Eliminating Toil") calls **toil** the operational work
//! that is manual, repetitive, automatable, tactical, without enduring value, and that grows
//! with the service. Restarting a stuck job by hand every Monday is toil; fixing why it gets
//! stuck is engineering, and so is the script that does the restart. Google's SRE teams aim
//! to keep toil **below 50 %** of each engineer's time, so that at least half goes into
//! engineering that makes the service better; the book's introduction adds that a team over
//! the line hands operational work back to the developers until it is under again. Toil
//! left alone grows with the service until no time is left to remove it.
//!
//! This exercise reads a team's time log and says, per team and per quarter, how much of the
//! time went to toil and whether that was over budget.
//!
//! ## Task 1: Tell toil from the rest of the work
//!
//! - A task is toil when it is manual, repetitive, automatable **and** of no enduring value
//!   (the service is no better once it is done). Lacking any one of these, it is not toil: a
//!   one-off migration is not repetitive; a judgement call is not automatable; writing the
//!   automation has enduring value; a job that runs by itself is not manual.
//! - Overhead (meetings, planning, training, paperwork) is never toil, however tedious: it
//!   is not tied to running the service.
//!
//! Example: rotating a certificate by hand each month (manual, repetitive, automatable, no
//! enduring value) is toil; writing the rotation job (enduring value) is not.
//!
//! ## Task 2: Work out the toil share of each team and quarter
//!
//! - Entries are grouped by team and quarter; the share of a group is its toil minutes over
//!   *all* its minutes (overhead included: it is part of the team's time, as in the book), in
//!   per-mille, **rounded up** (a share never looks better than it is).
//! - A group is over budget when its share is over 50 % (more than 500 ‰); exactly half is
//!   within budget.
//! - Groups come sorted by team, then by quarter (year first, then the quarter in the year).
//!
//! Example: `db` in 2024 Q1 logs 300 min of toil, 200 of project work and 100 of overhead:
//! 500 ‰ (300 of 600), within budget; `web` in 2024 Q1 logs 301 min of toil and 299 of
//! project work: 502 ‰ (501.67 rounded up), over budget. `db` comes before `web`.
//!
//! ## Beyond this exercise
//!
//! The book is clear that not every toil task has every trait; deciding what counts is a
//! judgement the team makes, usually in a review of its tickets and pages, and "tactical"
//! (interrupt-driven) and "grows with the service" are warnings as strong as the four used
//! here. Real measurement comes from surveys, ticket and page counts and on-call logs, not a
//! perfect time log. And the budget is per engineer as well as per team: one person doing all
//! of a team's toil is burning out even when the average looks fine.

use std::collections::BTreeMap;

/// A calendar quarter; quarters order by year, then by quarter in the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quarter {
    /// The year, e.g. 2024.
    pub year: u16,
    /// The quarter in the year, 1 to 4.
    pub q: u8,
}

/// What a logged piece of work was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Meetings, planning, training, paperwork: not tied to running the service.
    Overhead,
    /// Work on the service, described by its traits.
    Task {
        /// Done by a person rather than by a machine.
        manual: bool,
        /// Done again and again, not once.
        repetitive: bool,
        /// A machine could do it as well.
        automatable: bool,
        /// The service is better once it is done.
        enduring_value: bool,
    },
}

/// One entry of a team's time log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The team that did the work.
    pub team: String,
    /// The quarter it was done in.
    pub quarter: Quarter,
    /// How long it took, in minutes (more than 0).
    pub minutes: u64,
    /// What it was.
    pub work: Work,
}

/// The toil share of one team in one quarter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// The team.
    pub team: String,
    /// The quarter.
    pub quarter: Quarter,
    /// Minutes of toil.
    pub toil_min: u64,
    /// Minutes of all work, overhead included.
    pub total_min: u64,
    /// Toil over all work, in per-mille, rounded up.
    pub toil_per_mille: u64,
    /// Whether toil took more than half of the time.
    pub over_budget: bool,
}

/// Whether `work` is toil.
pub fn is_toil(work: &Work) -> bool {
    match *work {
        Work::Overhead => false,
        Work::Task {
            manual,
            repetitive,
            automatable,
            enduring_value,
        } => manual && repetitive && automatable && !enduring_value,
    }
}

/// The toil share of each team in each quarter of `log`, sorted by team, then quarter.
pub fn toil_shares(log: &[Entry]) -> Vec<Share> {
    // A BTreeMap keyed by (team, quarter) groups and sorts in one go.
    let mut groups: BTreeMap<(&str, Quarter), (u64, u64)> = BTreeMap::new();
    for entry in log {
        let (toil, total) = groups.entry((&entry.team, entry.quarter)).or_default();
        if is_toil(&entry.work) {
            *toil += entry.minutes;
        }
        *total += entry.minutes;
    }
    groups
        .into_iter()
        .map(|((team, quarter), (toil_min, total_min))| {
            let toil_per_mille = (toil_min * 1000).div_ceil(total_min);
            Share {
                team: team.to_string(),
                quarter,
                toil_min,
                total_min,
                toil_per_mille,
                // Rounded up, more than 500 ‰ is exactly "more than half".
                over_budget: toil_per_mille > 500,
            }
        })
        .collect()
}

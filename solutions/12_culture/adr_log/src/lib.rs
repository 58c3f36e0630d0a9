//! # adr_log: which decision is in force, and is the log telling one story?
//!
//! An **architecture decision record** (Michael Nygard, "Documenting Architecture
//! Decisions", 2011) is a short numbered document: title, context, decision, consequences,
//! and a **status**: proposed, accepted, deprecated, or superseded. Records are never edited
//! into saying something else; a new decision **supersedes** the old one, which keeps its
//! text and gets the status "superseded" with a link to its successor. So the log shows what
//! was decided, why, and what was believed at the time, and the decision in force on a topic
//! is found by following the links from the first decision to the last.
//!
//! Links are typed by hand, so logs break: a record points at a number that was never
//! written (**dangling**), two records point at each other (a **cycle**), a record is marked
//! superseded without saying by what. This exercise follows the chains and finds the breaks.
//!
//! ## Task 1: Follow a supersede chain to its end
//!
//! - From the record `number`, follow `superseded_by` links until a record without one; its
//!   number is the end of the chain (a record without a link is its own end).
//! - A start that is not in the log is [`ChainError::Unknown`]; a link to a number not in the
//!   log is [`ChainError::Dangling`] (the record with the link, the missing number); a link
//!   back to a record already on the walk is [`ChainError::Cycle`] with the records of the
//!   loop in link order, starting from its lowest number ([`lowest_first`] does that part).
//!
//! Example: 1 superseded by 4, 4 by 6: the chain from 1 ends at 6. 8 by 9, 9 by 8:
//! `Cycle([8, 9])`, from 8 or from 9 alike.
//!
//! ## Task 2: Find the decision in force for a topic
//!
//! - A topic's chain starts at its lowest-numbered record (the first decision on it).
//! - The decision in force is the end of that chain if the end is accepted. A chain that ends
//!   proposed (not decided yet) or deprecated (retired without a replacement) has none, and
//!   neither has a topic without records. A broken chain is its error.
//!
//! Example: with 1 (`orders-db`, superseded by 4), 4 (superseded by 6), 6 (accepted), the
//! decision in force for `orders-db` is 6; `events` with only 3 (proposed) has none.
//!
//! ## Task 3: Audit the log
//!
//! Record by record, in log order, each record's problems in this order:
//! - [`Problem::NoSuccessor`]: superseded, but without a link;
//! - [`Problem::NotMarkedSuperseded`]: a link, but another status;
//! - [`Problem::Dangling`]: a link to a number not in the log;
//! - [`Problem::Cycle`]: the record is on a cycle (or leads into one) not reported yet; each
//!   cycle is reported once, as [`follow`] gives it.
//!
//! Example: 7 superseded without a link, 8 and 9 superseding each other, 10 accepted with a
//! link to 12, which does not exist: `[NoSuccessor(7), Cycle([8, 9]), NotMarkedSuperseded(10),
//! Dangling { from: 10, to: 12 }]`.
//!
//! ## Beyond this exercise
//!
//! Real ADR tools (adr-tools by Nat Pryce, Log4brains, the MADR template) keep records as
//! Markdown files in the repository, next to the code they decide about, and write the
//! "Superseded by" and "Supersedes" lines in both records at once so the links cannot
//! disagree. A record may also *amend* or *clarify* another without replacing it, and one
//! decision can supersede several; the chain here is one line per topic. And no audit can say
//! whether the context of an accepted decision still holds: reviewing old ADRs when the
//! constraints change (a new regulation, ten times the traffic) is a team habit, not a check.

use std::fmt;

/// Where a record stands (Nygard's statuses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Written, not yet agreed.
    Proposed,
    /// Agreed and in force, unless superseded later.
    Accepted,
    /// Replaced by a later record.
    Superseded,
    /// Retired, with no replacement.
    Deprecated,
}

/// One architecture decision record (only the parts that matter here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adr {
    /// Its number, unique in the log.
    pub number: u32,
    /// What it decides about, e.g. `orders-db`.
    pub topic: String,
    /// Its status.
    pub status: Status,
    /// The record that replaced it, if any.
    pub superseded_by: Option<u32>,
}

/// Why a chain cannot be followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainError {
    /// The record to start from is not in the log.
    Unknown(u32),
    /// Record `from` links to `to`, which is not in the log.
    Dangling {
        /// The record with the link.
        from: u32,
        /// The missing number.
        to: u32,
    },
    /// The records of a loop, in link order, from the lowest number.
    Cycle(Vec<u32>),
}

impl fmt::Display for ChainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChainError::Unknown(n) => write!(f, "ADR {n} is not in the log"),
            ChainError::Dangling { from, to } => {
                write!(
                    f,
                    "ADR {from} is superseded by ADR {to}, which is not in the log"
                )
            }
            ChainError::Cycle(loop_) => write!(f, "ADRs supersede each other in a loop: {loop_:?}"),
        }
    }
}

impl std::error::Error for ChainError {}

/// Something wrong in the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The record is superseded but does not say by what.
    NoSuccessor(u32),
    /// The record links to a successor but is not marked superseded.
    NotMarkedSuperseded(u32),
    /// Record `from` links to `to`, which is not in the log.
    Dangling {
        /// The record with the link.
        from: u32,
        /// The missing number.
        to: u32,
    },
    /// A loop of records, as [`follow`] reports it.
    Cycle(Vec<u32>),
}

/// The record numbered `number`, if the log has it.
pub fn find(log: &[Adr], number: u32) -> Option<&Adr> {
    log.iter().find(|adr| adr.number == number)
}

/// The same loop, rotated to start from its lowest number: `[9, 8]` becomes `[8, 9]`.
pub fn lowest_first(mut cycle: Vec<u32>) -> Vec<u32> {
    if let Some(at) = (0..cycle.len()).min_by_key(|&i| cycle[i]) {
        cycle.rotate_left(at);
    }
    cycle
}

/// The number of the last record in the supersede chain from `number`.
pub fn follow(log: &[Adr], number: u32) -> Result<u32, ChainError> {
    let mut adr = find(log, number).ok_or(ChainError::Unknown(number))?;
    let mut walked = vec![adr.number];
    while let Some(next) = adr.superseded_by {
        // Back at a record already walked: everything since then is the loop.
        if let Some(at) = walked.iter().position(|&n| n == next) {
            return Err(ChainError::Cycle(lowest_first(walked.split_off(at))));
        }
        adr = find(log, next).ok_or(ChainError::Dangling {
            from: adr.number,
            to: next,
        })?;
        walked.push(next);
    }
    Ok(adr.number)
}

/// The accepted record in force for `topic`, if there is one.
pub fn in_force(log: &[Adr], topic: &str) -> Result<Option<u32>, ChainError> {
    let first = log
        .iter()
        .filter(|adr| adr.topic == topic)
        .map(|adr| adr.number)
        .min();
    let Some(first) = first else {
        return Ok(None);
    };
    let end = follow(log, first)?;
    // Proposed is not decided yet, deprecated is retired: neither is in force.
    Ok(find(log, end)
        .filter(|adr| adr.status == Status::Accepted)
        .map(|adr| adr.number))
}

/// Every problem in `log`, record by record.
pub fn audit(log: &[Adr]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for adr in log {
        match (adr.status, adr.superseded_by) {
            (Status::Superseded, None) => problems.push(Problem::NoSuccessor(adr.number)),
            (status, Some(_)) if status != Status::Superseded => {
                problems.push(Problem::NotMarkedSuperseded(adr.number))
            }
            _ => {}
        }
        if let Some(to) = adr.superseded_by {
            if find(log, to).is_none() {
                problems.push(Problem::Dangling {
                    from: adr.number,
                    to,
                });
            }
        }
        // Every record on a loop (or leading into one) finds the same loop: report it once.
        if let Err(ChainError::Cycle(cycle)) = follow(log, adr.number) {
            let problem = Problem::Cycle(cycle);
            if !problems.contains(&problem) {
                problems.push(problem);
            }
        }
    }
    problems
}

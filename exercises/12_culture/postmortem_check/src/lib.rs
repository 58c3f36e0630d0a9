//! # postmortem_check: complete, and without blame
//!
//! After a significant incident the team writes a **post-mortem**: what it cost users
//! (impact), what happened when (timeline), why (root causes, usually several), and what
//! will be done so it does not happen again (action items). Google's SRE book (chapter 15,
//! "Postmortem Culture: Learning from Failure") gives its goals: the incident documented, its
//! contributing causes understood, and effective preventive actions put in place. Action items
//! without an owner and a date are wishes. And the document is **blameless**: it looks for
//! the causes "without indicting any individual or team", because people who are blamed hide
//! their mistakes, and an organisation that cannot hear about mistakes cannot learn from them.
//! "Alice ran the wrong command" is where the inquiry starts; the root cause is why the
//! command was so easy to run against production.
//!
//! A machine cannot judge whether the causes are the right ones. It can catch a post-mortem
//! that is incomplete, or that blames someone in so many words, before it is published.
//!
//! ## Task 1: Find the missing sections
//!
//! - The impact is missing when it is empty or only whitespace; the timeline when it has no
//!   entry; the root causes when there is none; the action items when there is none.
//! - They are reported in that order: [`Problem::NoImpact`], [`Problem::NoTimeline`],
//!   [`Problem::NoRootCause`], [`Problem::NoActionItems`].
//!
//! Example: a post-mortem with an impact of `"  "`, two timeline entries, no root cause and
//! one action item has `[NoImpact, NoRootCause]`.
//!
//! ## Task 2: Check that every action item has an owner and a due date
//!
//! - An owner or a due date that is `None`, empty or only whitespace is missing.
//! - Problems come item by item (numbered from 0), the owner before the due date.
//!
//! Example: items `(owner "dana", due "2024-07-01")`, `(owner None, due "")`,
//! `(owner "  ", due "2024-08-01")` have `[NoOwner(1), NoDueDate(1), NoOwner(2)]`.
//!
//! ## Task 3: Find the root causes that blame someone
//!
//! - A root cause names a person when one of its words, compared without regard to case, is
//!   one of the `people` involved in the incident. Words are the runs of letters and digits,
//!   so "Alice's" contains the word "alice" but "Malice" does not.
//! - A root cause uses a blameful phrasing when it contains, without regard to case, one of
//!   [`BLAMEFUL_PHRASES`].
//! - Problems come cause by cause (numbered from 0); within a cause, the people in the order
//!   of `people`, then the phrasings in the order of the list.
//!
//! Example: with people `["alice", "bob"]`, the causes `"Bob's fault: he was careless"` and
//! `"no confirmation step before deleting a production database"` give
//! `[NamesPerson(0, "bob"), BlamefulPhrase(0, "'s fault"), BlamefulPhrase(0, "careless")]`.
//!
//! ## Task 4: Report every problem
//!
//! - All the problems of tasks 1, 2 and 3, in that order: the missing sections, then the
//!   blame, then the action items.
//!
//! Example: no impact, no timeline, the root cause `"human error by alice"` (with `alice`
//! among the people) and one action item with neither owner nor date give `[NoImpact,
//! NoTimeline, NamesPerson(0, "alice"), BlamefulPhrase(0, "human error"), NoOwner(0),
//! NoDueDate(0)]`.
//!
//! ## Beyond this exercise
//!
//! Real reviews catch blame that no word list can: "the on-call engineer did not follow the
//! runbook" names nobody and still blames a person. The SRE book's remedy is people, not
//! parsing: a review by senior engineers before a post-mortem is shared, templates that ask
//! "what made this easy to get wrong?", and praise in public for well-written post-mortems.
//! Teams are blamed too, not only people. Templates also ask for the trigger, the detection,
//! the resolution and the lessons learned, and action items are tracked to completion in a bug
//! tracker: a post-mortem whose actions are never done has taught nothing.

use std::fmt;

/// Phrasings that put the cause in a person rather than in the system; matched as lower-case
/// text anywhere in a root cause.
pub const BLAMEFUL_PHRASES: &[&str] = &[
    "human error",
    "operator error",
    "'s fault",
    "fault of",
    "careless",
    "negligen",
    "should have known",
];

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// When, as written in the document (e.g. `"14:02 UTC"`).
    pub at: String,
    /// What happened.
    pub what: String,
}

/// One action item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionItem {
    /// What will be done.
    pub what: String,
    /// Who will do it.
    pub owner: Option<String>,
    /// By when, as a date (e.g. `"2024-07-01"`).
    pub due: Option<String>,
}

/// A post-mortem document, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postmortem {
    /// What the incident cost users.
    pub impact: String,
    /// What happened, in order.
    pub timeline: Vec<TimelineEntry>,
    /// Why it happened.
    pub root_causes: Vec<String>,
    /// What will be done about it.
    pub action_items: Vec<ActionItem>,
}

/// Something that stops a post-mortem from being complete and blameless.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The impact is empty.
    NoImpact,
    /// The timeline is empty.
    NoTimeline,
    /// No root cause is given.
    NoRootCause,
    /// No action item is given.
    NoActionItems,
    /// The action item (by index) has no owner.
    NoOwner(usize),
    /// The action item (by index) has no due date.
    NoDueDate(usize),
    /// The root cause (by index) names this person.
    NamesPerson(usize, String),
    /// The root cause (by index) uses this blameful phrasing.
    BlamefulPhrase(usize, &'static str),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NoImpact => write!(f, "the impact on users is not described"),
            Problem::NoTimeline => write!(f, "there is no timeline"),
            Problem::NoRootCause => write!(f, "no root cause is given"),
            Problem::NoActionItems => write!(f, "there are no action items"),
            Problem::NoOwner(i) => write!(f, "action item {i} has no owner"),
            Problem::NoDueDate(i) => write!(f, "action item {i} has no due date"),
            Problem::NamesPerson(i, name) => write!(f, "root cause {i} names {name}"),
            Problem::BlamefulPhrase(i, phrase) => write!(f, "root cause {i} says {phrase:?}"),
        }
    }
}

impl std::error::Error for Problem {}

/// The sections of `pm` that are missing, in the order of task 1.
pub fn missing_sections(pm: &Postmortem) -> Vec<Problem> {
    // TODO: impact, timeline, root causes, action items, in that order.
    todo!()
}

/// The action items of `items` that lack an owner or a due date.
pub fn action_item_problems(items: &[ActionItem]) -> Vec<Problem> {
    // TODO: item by item, the owner before the due date; blank counts as missing.
    todo!()
}

/// The root causes of `causes` that name one of `people` or use a blameful phrasing.
pub fn blame_problems(causes: &[String], people: &[&str]) -> Vec<Problem> {
    // TODO: cause by cause: the people named as whole words, then the blameful phrasings.
    todo!()
}

/// Every problem of `pm`, whose incident involved `people`, in the order of task 4.
pub fn check(pm: &Postmortem, people: &[&str]) -> Vec<Problem> {
    // TODO: the three kinds of problems, in the order of task 4.
    todo!()
}

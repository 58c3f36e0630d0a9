//! # incident_timings: where the time of an incident goes
//!
//! An incident's timeline has four moments: the failure **starts** (users are affected), it
//! is **detected** (an alert fires or a user complains), a human **acknowledges** it (takes
//! it on), and service is **restored**. The gaps between them are the classic incident
//! measures, averaged over incidents: **MTTD** (mean time to detect: start to detection),
//! **MTTA** (mean time to acknowledge: detection to acknowledgement) and **MTTR** (mean time
//! to restore: start to restoration, as DORA's "time to restore service" counts it). Split
//! this way, an hour-long outage that took 50 minutes to detect asks for better monitoring,
//! not for faster engineers (Google's SRE book, chapter 15 "Postmortem Culture", and the
//! timelines its post-mortems contain).
//!
//! Timelines are written by people after the fact, and they have holes. A mean that quietly
//! skips the incidents with holes looks better than the truth, so here every hole is
//! reported. Times are in minutes, the unit of incident reviews.
//!
//! ## Task 1: Find every problem in a timeline
//!
//! - Each missing timestamp is one [`Problem::Missing`], in timeline order (started,
//!   detected, acknowledged, restored; [`Incident::timeline`] gives them in that order).
//! - Each present timestamp earlier than the present timestamp before it in the timeline
//!   (skipping missing ones) is one [`Problem::OutOfOrder`], naming both. Equal is in order.
//!
//! Example: `q7` started at 100, detected at 90, acknowledged at none, restored at 80 has
//! `[OutOfOrder(q7, Started, Detected), Missing(q7, Acknowledged), OutOfOrder(q7, Detected,
//! Restored)]`.
//!
//! ## Task 2: Measure the phases of one incident
//!
//! - Time to detect is detected − started, time to acknowledge acknowledged − detected, time
//!   to restore restored − started; each is `None` when one of its two timestamps is missing.
//! - A timeline with any timestamp out of order cannot be trusted: all three are `None`.
//!
//! Example: started 0, detected 10, acknowledged 16, restored 60: 10, 6 and 60 minutes.
//!
//! ## Task 3: Average the phases over all incidents
//!
//! - Each mean is over the incidents that have that phase, with how many there were; no such
//!   incident, no mean. A mean is rounded to the nearest minute, halves up (6.5 is 7).
//! - The report lists the problems of every incident, in the order of the incidents.
//!
//! Example: the incident of task 2, one from 100 to 103 (detected), 110 (acknowledged) and
//! 145 (restored), and `c3` from 200 to 204, not acknowledged, 230: MTTD 6 over 3 (17 / 3),
//! MTTA 7 over 2 (6.5), MTTR 45 over 3, and one problem: `Missing(c3, Acknowledged)`.
//!
//! ## Beyond this exercise
//!
//! Means are pulled by the one incident that lasted a day; many teams report medians or
//! percentiles as well, and DORA's tooling uses medians (see `dora_keys`). Real tooling takes
//! the timestamps from the paging system (acknowledgement), the alerting system (detection)
//! and the status page (impact), which disagree about clocks and about when an incident
//! "really" started. Some define MTTR from detection, or as time to *repair* rather than to
//! restore; a report should always say which. And a mean over few incidents says little:
//! the incidents themselves, read in post-mortems, say more.

use std::fmt;

/// The four moments of an incident's timeline, in the order they happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    /// Users started to be affected.
    Started,
    /// An alert fired, or someone noticed.
    Detected,
    /// A responder took the incident on.
    Acknowledged,
    /// Service was restored.
    Restored,
}

/// One incident's timeline, in minutes; `None` where nobody recorded the moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    /// The incident's identifier.
    pub id: String,
    /// When it started.
    pub started_min: Option<u64>,
    /// When it was detected.
    pub detected_min: Option<u64>,
    /// When it was acknowledged.
    pub acknowledged_min: Option<u64>,
    /// When service was restored.
    pub restored_min: Option<u64>,
}

impl Incident {
    /// The four timestamps, in timeline order.
    pub fn timeline(&self) -> [(Stamp, Option<u64>); 4] {
        [
            (Stamp::Started, self.started_min),
            (Stamp::Detected, self.detected_min),
            (Stamp::Acknowledged, self.acknowledged_min),
            (Stamp::Restored, self.restored_min),
        ]
    }
}

/// Something wrong with an incident's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The incident (by id) has no timestamp for this moment.
    Missing(String, Stamp),
    /// The incident's second moment is recorded earlier than its first.
    OutOfOrder(String, Stamp, Stamp),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Missing(id, stamp) => write!(f, "incident {id}: no {stamp:?} timestamp"),
            Problem::OutOfOrder(id, first, then) => {
                write!(f, "incident {id}: {then:?} is recorded before {first:?}")
            }
        }
    }
}

impl std::error::Error for Problem {}

/// The phases of one incident, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phases {
    /// From start to detection.
    pub to_detect: Option<u64>,
    /// From detection to acknowledgement.
    pub to_acknowledge: Option<u64>,
    /// From start to restoration.
    pub to_restore: Option<u64>,
}

/// A mean over some incidents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mean {
    /// The mean in minutes, rounded to the nearest minute (halves up).
    pub minutes: u64,
    /// How many incidents it is over.
    pub incidents: usize,
}

/// MTTD, MTTA and MTTR over a list of incidents, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Mean time to detect.
    pub mttd: Option<Mean>,
    /// Mean time to acknowledge.
    pub mtta: Option<Mean>,
    /// Mean time to restore.
    pub mttr: Option<Mean>,
    /// The problems of every incident, in the order of the incidents.
    pub problems: Vec<Problem>,
}

/// Every problem in the timeline of `incident`, in timeline order.
pub fn problems(incident: &Incident) -> Vec<Problem> {
    let mut found = Vec::new();
    // The last moment that was recorded: a missing one in between does not hide disorder.
    let mut previous: Option<(Stamp, u64)> = None;
    for (stamp, at) in incident.timeline() {
        let Some(at) = at else {
            found.push(Problem::Missing(incident.id.clone(), stamp));
            continue;
        };
        if let Some((before, before_at)) = previous {
            if at < before_at {
                found.push(Problem::OutOfOrder(incident.id.clone(), before, stamp));
            }
        }
        previous = Some((stamp, at));
    }
    found
}

/// The phases of `incident`; all `None` if its timeline is out of order.
pub fn phases(incident: &Incident) -> Phases {
    let in_order = !problems(incident)
        .iter()
        .any(|p| matches!(p, Problem::OutOfOrder(..)));
    let span = |from: Option<u64>, to: Option<u64>| match (in_order, from, to) {
        (true, Some(from), Some(to)) => Some(to - from),
        _ => None,
    };
    Phases {
        to_detect: span(incident.started_min, incident.detected_min),
        to_acknowledge: span(incident.detected_min, incident.acknowledged_min),
        to_restore: span(incident.started_min, incident.restored_min),
    }
}

/// The mean of `minutes`, rounded to the nearest minute with halves up; `None` if empty.
pub fn mean(minutes: &[u64]) -> Option<Mean> {
    let n = minutes.len() as u64;
    // Adding half the divisor before dividing rounds to nearest, halves up.
    (n > 0).then(|| Mean {
        minutes: (minutes.iter().sum::<u64>() + n / 2) / n,
        incidents: minutes.len(),
    })
}

/// MTTD, MTTA and MTTR over `incidents`, and the problems of each of them.
pub fn timings(incidents: &[Incident]) -> Report {
    let all: Vec<Phases> = incidents.iter().map(phases).collect();
    let over = |phase: fn(&Phases) -> Option<u64>| -> Option<Mean> {
        mean(&all.iter().filter_map(phase).collect::<Vec<_>>())
    };
    Report {
        mttd: over(|p| p.to_detect),
        mtta: over(|p| p.to_acknowledge),
        mttr: over(|p| p.to_restore),
        problems: incidents.iter().flat_map(problems).collect(),
    }
}

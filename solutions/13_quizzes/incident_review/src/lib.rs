//! # incident_review: from raw logs to a post-mortem that can be trusted
//!
//! Quiz for track 12 (with the structured logs of 08). After an incident review, three
//! audiences read the same facts: the team (what happened, minute by minute), the delivery
//! metrics (DORA's change failure rate and time to restore, *Accelerate State of DevOps*
//! 2021), and the post-mortem's readers (Google SRE book, ch. 15 "Postmortem Culture": a
//! timeline, causes, and action items with owners and dates). All three must come from the
//! same log, or they will disagree. Times are in milliseconds.
//!
//! ## Task 1: Parse the log
//!
//! - One event per line: `<ms> <kind> <id> [<cause>]`, fields separated by whitespace; blank
//!   lines are skipped. Kinds: `deploy <deploy>`, `impact <incident> [<deploy that caused it>]`,
//!   `detected <incident>`, `restored <incident>`.
//! - A line that breaks the format is a [`LogError`] with its line number (from 1) and is
//!   skipped: a time that is not a `u64` is `BadTime`; otherwise an unknown kind is
//!   `UnknownKind`; otherwise a wrong number of fields (3, or 3 or 4 for `impact`) is
//!   `WrongFields`.
//!
//! Example: `"100 deploy d1\n\n150 impact i1 d1\nsoon detected i1\n170 page i1"` gives two
//! events and `[BadTime(4), UnknownKind(5, "page")]`.
//!
//! ## Task 2: Build the timelines
//!
//! - Logs are merged from several sources: order the events by time (equal times keep log
//!   order). Every incident mentioned gets a timeline; timelines are listed in the order of
//!   their incident's first event in that order.
//! - Each moment (started = impact, detected, restored) keeps its **first** time; a
//!   repeat (an alert that fired again) changes nothing. The cause is the one of the first
//!   `impact` line.
//!
//! Example: `2600 detected i1`, `2500 impact i1 d2`, `2700 detected i1`, `4100 restored i1`
//! give one timeline: `i1`, cause `d2`, started 2 500, detected 2 600 (not 2 700), restored
//! 4 100.
//!
//! ## Task 3: Measure the delivery
//!
//! - Change failure rate: deploys that are the cause of at least one incident, over all
//!   deploys, in per-mille **rounded up**; no deploys, no rate. A cause that is not a deploy
//!   of the log counts nothing.
//! - Time to restore: over the incidents with both a start and a restore, the mean of
//!   restored − started, **rounded up** to the ms, with how many incidents it is over
//!   (an incident still open, or whose start was never logged, is not in it).
//!
//! Example: deploys `d1`, `d2`, `d3`; `i1` caused by `d2` (2 500 → 4 100), `i2` caused by
//! `d2` (5 000 → 6 000), `i3` caused by `hotfix-x` (not a deploy of the log) and still open:
//! change failure 334 ‰ (one failed deploy of three), time to restore `(1300, 2)`.
//!
//! ## Task 4: Review the post-mortems
//!
//! For each timeline in order: a restored incident without a post-mortem is
//! `Missing(incident)`. Otherwise its (first) post-mortem's problems, in this order:
//! `NoCause` if it lists no cause; for each action in order, `Incomplete(incident, action)`
//! when it lacks an owner or a due date (an action nobody owns, or that has no date, does not
//! happen); `WrongTimeToRestore` when its stated time to restore differs from restored −
//! started of the log (checked only when the log has both). Post-mortems of incidents that
//! are not in the log are not reviewed.
//!
//! Example: `i1` above, written up with no cause, one action "add canary" owned by ana but
//! without a date, and a stated 1 500 ms: `[NoCause("i1"), Incomplete("i1", "add canary"),
//! WrongTimeToRestore("i1", 1500, 1600)]`.
//!
//! ## Beyond this exercise
//!
//! Real reviews pull the timeline from the paging tool, the deploy system and chat, whose
//! clocks disagree; they attribute failures to changes by rollbacks and hotfixes, not only
//! by a cause field; they use medians over a month (see `dora_keys`) rather than a mean over a
//! batch; and they judge what no check can: whether the causes are the real, systemic ones.

/// What happened, as one log line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A deployment, by id.
    Deploy(String),
    /// Users started to be affected: the incident, and the deploy that caused it if known.
    Impact(String, Option<String>),
    /// The incident was detected.
    Detected(String),
    /// Service was restored.
    Restored(String),
}

/// One parsed log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When.
    pub at_ms: u64,
    /// What.
    pub kind: Kind,
}

impl Event {
    /// The deploy the event is, if it is one.
    pub fn deploy(&self) -> Option<&str> {
        match &self.kind {
            Kind::Deploy(d) => Some(d),
            _ => None,
        }
    }

    /// The incident the event is about; `None` for a deploy.
    pub fn incident(&self) -> Option<&str> {
        match &self.kind {
            Kind::Deploy(_) => None,
            Kind::Impact(i, _) | Kind::Detected(i) | Kind::Restored(i) => Some(i),
        }
    }
}

/// A line that breaks the format (line numbers from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LogError {
    /// The time is not a number of milliseconds.
    BadTime(usize),
    /// The kind is none of the four.
    UnknownKind(usize, String),
    /// Too few or too many fields for the kind.
    WrongFields(usize),
}

/// One incident's moments, each its first time in the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The incident.
    pub incident: String,
    /// The deploy that caused it, from its first `impact` line.
    pub cause: Option<String>,
    /// Impact began.
    pub started_ms: Option<u64>,
    /// Detected.
    pub detected_ms: Option<u64>,
    /// Restored.
    pub restored_ms: Option<u64>,
}

impl Timeline {
    /// An incident's timeline with nothing recorded yet.
    pub fn new(incident: &str) -> Self {
        Timeline {
            incident: incident.to_string(),
            cause: None,
            started_ms: None,
            detected_ms: None,
            restored_ms: None,
        }
    }

    /// Restored − started, when the log has both (0 if they are logged the wrong way round).
    pub fn time_to_restore_ms(&self) -> Option<u64> {
        Some(self.restored_ms?.saturating_sub(self.started_ms?))
    }
}

/// The four kinds a log line may have.
pub const KINDS: [&str; 4] = ["deploy", "impact", "detected", "restored"];

/// The log's contribution to the delivery metrics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// Deploys that caused an incident over all deploys, in per-mille rounded up; `None`
    /// without deploys.
    pub change_failure_permille: Option<u64>,
    /// Mean time to restore, rounded up, and how many incidents it is over.
    pub mttr_ms: Option<(u64, usize)>,
}

/// One action item of a post-mortem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// What will be done.
    pub what: String,
    /// Who will do it.
    pub owner: Option<String>,
    /// By when.
    pub due_ms: Option<u64>,
}

/// A post-mortem, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Postmortem {
    /// The incident it is about.
    pub incident: String,
    /// The time to restore it states.
    pub stated_ttr_ms: u64,
    /// Its contributing causes.
    pub causes: Vec<String>,
    /// Its action items.
    pub actions: Vec<Action>,
}

/// Something a review finds (actions named by their `what`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A restored incident has no post-mortem.
    Missing(String),
    /// The post-mortem of this incident lists no cause.
    NoCause(String),
    /// An action of this incident has no owner or no due date.
    Incomplete(String, String),
    /// The incident's stated time to restore (second) is not the log's (third).
    WrongTimeToRestore(String, u64, u64),
}

/// The events of `log`, and every line that broke the format.
pub fn parse(log: &str) -> (Vec<Event>, Vec<LogError>) {
    let (mut events, mut errors) = (Vec::new(), Vec::new());
    for (index, line) in log.lines().enumerate() {
        let n = index + 1;
        let fields: Vec<&str> = line.split_whitespace().collect();
        let Some((time, rest)) = fields.split_first() else {
            continue; // a blank line
        };
        let Ok(at_ms) = time.parse::<u64>() else {
            errors.push(LogError::BadTime(n));
            continue;
        };
        let kind = match rest {
            ["deploy", d] => Ok(Kind::Deploy(d.to_string())),
            ["impact", i] => Ok(Kind::Impact(i.to_string(), None)),
            ["impact", i, c] => Ok(Kind::Impact(i.to_string(), Some(c.to_string()))),
            ["detected", i] => Ok(Kind::Detected(i.to_string())),
            ["restored", i] => Ok(Kind::Restored(i.to_string())),
            // The kind is judged before the count of fields.
            [kind, ..] if !KINDS.contains(kind) => Err(LogError::UnknownKind(n, kind.to_string())),
            _ => Err(LogError::WrongFields(n)),
        };
        match kind {
            Ok(kind) => events.push(Event { at_ms, kind }),
            Err(error) => errors.push(error),
        }
    }
    (events, errors)
}

/// One timeline per incident, from `events` put in time order.
pub fn timelines(events: &[Event]) -> Vec<Timeline> {
    let mut ordered: Vec<&Event> = events.iter().collect();
    // A stable sort: events at the same ms keep the order the log gave them.
    ordered.sort_by_key(|e| e.at_ms);
    let mut all: Vec<Timeline> = Vec::new();
    for event in ordered {
        let Some(incident) = event.incident() else {
            continue; // a deploy belongs to no incident
        };
        if !all.iter().any(|t| t.incident == incident) {
            all.push(Timeline::new(incident));
        }
        let t = all.iter_mut().find(|t| t.incident == incident).unwrap();
        // The first time of each moment stands: `get_or_insert` leaves a set one alone.
        let moment = match &event.kind {
            Kind::Impact(_, cause) => {
                if t.started_ms.is_none() {
                    t.cause = cause.clone();
                }
                &mut t.started_ms
            }
            Kind::Detected(_) => &mut t.detected_ms,
            _ => &mut t.restored_ms,
        };
        moment.get_or_insert(event.at_ms);
    }
    all
}

/// Change failure rate and mean time to restore.
pub fn delivery(events: &[Event], timelines: &[Timeline]) -> Delivery {
    let deploys: Vec<&str> = events.iter().filter_map(Event::deploy).collect();
    // A deploy failed if any incident names it; a cause that is no deploy counts nothing.
    let caused = |d: &str| timelines.iter().any(|t| t.cause.as_deref() == Some(d));
    let failed = deploys.iter().filter(|d| caused(d)).count() as u64;
    let restores: Vec<u64> = timelines
        .iter()
        .filter_map(Timeline::time_to_restore_ms)
        .collect();
    let (d, r) = (deploys.len() as u64, restores.len());
    Delivery {
        change_failure_permille: (d > 0).then(|| (failed * 1000).div_ceil(d)),
        mttr_ms: (r > 0).then(|| (restores.iter().sum::<u64>().div_ceil(r as u64), r)),
    }
}

/// Every finding about `postmortems` against the `timelines`.
pub fn review(timelines: &[Timeline], postmortems: &[Postmortem]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for t in timelines {
        let id = || t.incident.clone();
        let Some(p) = postmortems.iter().find(|p| p.incident == t.incident) else {
            if t.restored_ms.is_some() {
                findings.push(Finding::Missing(id()));
            }
            continue;
        };
        if p.causes.is_empty() {
            findings.push(Finding::NoCause(id()));
        }
        for a in &p.actions {
            // An action nobody owns, or that has no date, does not get done.
            if a.owner.is_none() || a.due_ms.is_none() {
                findings.push(Finding::Incomplete(id(), a.what.clone()));
            }
        }
        // The document must agree with the log it was written from.
        match t.time_to_restore_ms() {
            Some(logged) if logged != p.stated_ttr_ms => {
                findings.push(Finding::WrongTimeToRestore(id(), p.stated_ttr_ms, logged))
            }
            _ => {}
        }
    }
    findings
}

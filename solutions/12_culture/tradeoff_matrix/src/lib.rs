//! # tradeoff_matrix: constraints first, preferences second
//!
//! No architecture is best in general, only for its constraints (course, §5.10). A decision
//! matrix makes that concrete in two steps that must not be mixed up. **Hard constraints** (a
//! latency target, a cost ceiling, data residency under GDPR, whose chapter V restricts
//! transfers of personal data out of the EU, an RPO of zero) are pass or fail: an option that
//! breaks one is out, and no score can buy it back, however fast or cheap it is elsewhere.
//! Only the options that are left are **ranked** by a weighted score over the soft criteria
//! (operability, the team's skills, portability). And every elimination keeps its reasons:
//! the ADR that records the decision (see `adr_log`) must say why the attractive option was
//! rejected, or the next team will propose it again.
//!
//! ## Task 1: Find every constraint an option breaks
//!
//! In this order: p99 latency above `max_latency_ms` ([`Violation::Latency`]); monthly cost
//! above `max_monthly_cents` ([`Violation::Cost`]); each region of the option that is not
//! allowed, in the option's order ([`Violation::Residency`]); RPO above `max_rpo_ms`
//! ([`Violation::Rpo`]). A value exactly at its limit meets it.
//!
//! Example: with at most 20 ms, 500 000 cents, regions `eu-west-1` and `eu-central-1` and an
//! RPO of 0, `aurora-global` (12 ms, 400 000 cents, `eu-west-1` and `us-east-1`, RPO 1 000 ms)
//! breaks `[Residency("us-east-1"), Rpo { rpo_ms: 1000, max_ms: 0 }]`.
//!
//! ## Task 2: Score an option
//!
//! The sum over the criteria of weight × the option's score on it (0 to 10); a criterion the
//! option has no score for counts 0. Scores for criteria that have no weight count nothing.
//!
//! Example: weights operability 3, skills 2, portability 1; `postgres-sync` scored 6, 9 and 8
//! scores 3 × 6 + 2 × 9 + 1 × 8 = 44.
//!
//! ## Task 3: Decide
//!
//! - Options that break a constraint are eliminated, with all their reasons, in input order.
//! - The rest are ranked by score, highest first; a tie goes to the cheaper option, then the
//!   faster one (lower p99 latency), then the name in alphabetical order.
//!
//! Example: with the limits and weights above, four options: `spanner` (15 ms, 900 000
//! cents, EU only, RPO 0, scores 10, 10, 10: it would score 60) is eliminated for its cost;
//! `aurora-global` is eliminated as in task 1; `postgres-sync` (18 ms, 150 000 cents, EU, RPO
//! 0) scores 44 and `cockroach-eu` (20 ms, exactly at the limit, 300 000 cents, EU, RPO 0,
//! scores 8, 5, 8) scores 42: the ranking is `[postgres-sync 44, cockroach-eu 42]`.
//!
//! ## Beyond this exercise
//!
//! Real constraints are rarely one number: latency is a distribution at some load, cost
//! depends on growth, residency covers backups, logs and support staff's access as well as
//! the primary copy. Weights are opinions, so good practice tests how sensitive the ranking
//! is to them (would a small change of weight flip the winner?) and writes them down before
//! scoring, so they are not tuned to a favourite. ATAM (the SEI's Architecture Tradeoff
//! Analysis Method) goes further with quality-attribute scenarios and sensitivity points;
//! the matrix is the decision's summary, the ADR its argument.

use std::collections::BTreeMap;
use std::fmt;

/// The hard limits every option must meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constraints {
    /// Highest acceptable p99 latency.
    pub max_latency_ms: u64,
    /// Highest acceptable monthly cost.
    pub max_monthly_cents: u64,
    /// Where data may be stored.
    pub allowed_regions: Vec<String>,
    /// Most data that may be lost in a failure (0: synchronous replication).
    pub max_rpo_ms: u64,
}

/// One option under consideration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The option's name.
    pub name: String,
    /// Its p99 latency.
    pub p99_latency_ms: u64,
    /// What it costs a month.
    pub monthly_cents: u64,
    /// Every region it stores data in.
    pub regions: Vec<String>,
    /// The data it may lose in a failure.
    pub rpo_ms: u64,
    /// Criterion → its score, 0 to 10.
    pub scores: BTreeMap<String, u64>,
}

/// A hard constraint an option breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Violation {
    /// Slower than allowed.
    Latency {
        /// The option's p99 latency.
        p99_ms: u64,
        /// The limit.
        max_ms: u64,
    },
    /// More expensive than allowed.
    Cost {
        /// The option's monthly cost.
        cents: u64,
        /// The limit.
        max_cents: u64,
    },
    /// Stores data in a region that is not allowed.
    Residency(String),
    /// May lose more data than allowed.
    Rpo {
        /// The option's RPO.
        rpo_ms: u64,
        /// The limit.
        max_ms: u64,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Violation::Latency { p99_ms, max_ms } => {
                write!(f, "p99 latency {p99_ms} ms is over {max_ms} ms")
            }
            Violation::Cost { cents, max_cents } => {
                write!(f, "{cents} cents a month is over {max_cents}")
            }
            Violation::Residency(region) => write!(f, "stores data in {region}"),
            Violation::Rpo { rpo_ms, max_ms } => write!(f, "RPO {rpo_ms} ms is over {max_ms} ms"),
        }
    }
}

impl std::error::Error for Violation {}

/// The outcome: the ranking of the options left, and why the others were eliminated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Names and scores of the options that meet every constraint, best first.
    pub ranking: Vec<(String, u64)>,
    /// Names of the eliminated options with every reason, in input order.
    pub eliminated: Vec<(String, Vec<Violation>)>,
}

/// Every hard constraint `option` breaks, in the order of the doc.
pub fn violations(option: &Candidate, limits: &Constraints) -> Vec<Violation> {
    let mut broken = Vec::new();
    if option.p99_latency_ms > limits.max_latency_ms {
        broken.push(Violation::Latency {
            p99_ms: option.p99_latency_ms,
            max_ms: limits.max_latency_ms,
        });
    }
    if option.monthly_cents > limits.max_monthly_cents {
        broken.push(Violation::Cost {
            cents: option.monthly_cents,
            max_cents: limits.max_monthly_cents,
        });
    }
    // Residency is about every copy: one region outside the list is enough to rule it out.
    for region in &option.regions {
        if !limits.allowed_regions.contains(region) {
            broken.push(Violation::Residency(region.clone()));
        }
    }
    if option.rpo_ms > limits.max_rpo_ms {
        broken.push(Violation::Rpo {
            rpo_ms: option.rpo_ms,
            max_ms: limits.max_rpo_ms,
        });
    }
    broken
}

/// The weighted score of `option` (criterion → weight in `weights`).
pub fn score(option: &Candidate, weights: &BTreeMap<String, u64>) -> u64 {
    weights
        .iter()
        .map(|(criterion, weight)| weight * option.scores.get(criterion).copied().unwrap_or(0))
        .sum()
}

/// Eliminates, then ranks, the `options`.
pub fn decide(
    options: &[Candidate],
    limits: &Constraints,
    weights: &BTreeMap<String, u64>,
) -> Decision {
    let mut left = Vec::new();
    let mut eliminated = Vec::new();
    for option in options {
        let broken = violations(option, limits);
        // Constraints first: an eliminated option is never scored into the ranking.
        if broken.is_empty() {
            left.push((score(option, weights), option));
        } else {
            eliminated.push((option.name.clone(), broken));
        }
    }
    left.sort_by(|(score_a, a), (score_b, b)| {
        score_b
            .cmp(score_a)
            .then(a.monthly_cents.cmp(&b.monthly_cents))
            .then(a.p99_latency_ms.cmp(&b.p99_latency_ms))
            .then(a.name.cmp(&b.name))
    });
    Decision {
        ranking: left.into_iter().map(|(s, o)| (o.name.clone(), s)).collect(),
        eliminated,
    }
}

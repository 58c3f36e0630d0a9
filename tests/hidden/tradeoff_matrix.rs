use std::collections::BTreeMap;
use tradeoff_matrix::{decide, score, violations, Candidate, Constraints, Decision, Violation};

fn limits() -> Constraints {
    Constraints {
        max_latency_ms: 20,
        max_monthly_cents: 500_000,
        allowed_regions: vec!["eu-west-1".to_string(), "eu-central-1".to_string()],
        max_rpo_ms: 0,
    }
}

fn weights() -> BTreeMap<String, u64> {
    [("operability", 3), ("skills", 2), ("portability", 1)]
        .iter()
        .map(|(c, w)| (c.to_string(), *w))
        .collect()
}

fn option(
    name: &str,
    p99_latency_ms: u64,
    monthly_cents: u64,
    regions: &[&str],
    rpo_ms: u64,
    scores: &[(&str, u64)],
) -> Candidate {
    Candidate {
        name: name.to_string(),
        p99_latency_ms,
        monthly_cents,
        regions: regions.iter().map(|r| r.to_string()).collect(),
        rpo_ms,
        scores: scores.iter().map(|(c, s)| (c.to_string(), *s)).collect(),
    }
}

const EU: &[&str] = &["eu-west-1", "eu-central-1"];

fn spanner() -> Candidate {
    option(
        "spanner",
        15,
        900_000,
        EU,
        0,
        &[("operability", 10), ("skills", 10), ("portability", 10)],
    )
}

fn aurora_global() -> Candidate {
    option(
        "aurora-global",
        12,
        400_000,
        &["eu-west-1", "us-east-1"],
        1_000,
        &[("operability", 9)],
    )
}

fn postgres_sync() -> Candidate {
    option(
        "postgres-sync",
        18,
        150_000,
        EU,
        0,
        &[("operability", 6), ("skills", 9), ("portability", 8)],
    )
}

fn cockroach_eu() -> Candidate {
    option(
        "cockroach-eu",
        20,
        300_000,
        EU,
        0,
        &[("operability", 8), ("skills", 5), ("portability", 8)],
    )
}

fn tied(name: &str, p99: u64, cents: u64) -> Candidate {
    option(name, p99, cents, EU, 0, &[("operability", 5)])
}

fn names(d: &Decision) -> Vec<&str> {
    d.ranking.iter().map(|(n, _)| n.as_str()).collect()
}

// Task 1: Find every constraint an option breaks
#[test]
fn the_doc_example_breaks_residency_and_rpo() {
    assert_eq!(
        violations(&aurora_global(), &limits()),
        vec![
            Violation::Residency("us-east-1".to_string()),
            Violation::Rpo {
                rpo_ms: 1_000,
                max_ms: 0
            }
        ],
        "fast and within budget, but it keeps a copy in us-east-1 and replicates \
         asynchronously: two reasons, both kept"
    );
}

#[test]
fn an_option_within_every_limit_breaks_nothing() {
    assert_eq!(
        violations(&postgres_sync(), &limits()),
        vec![],
        "18 ms, 150 000 cents, EU only, RPO 0"
    );
}

#[test]
fn a_value_exactly_at_its_limit_meets_it() {
    let edge = option("edge", 20, 500_000, EU, 0, &[]);
    assert_eq!(
        violations(&edge, &limits()),
        vec![],
        "20 ms against at most 20, 500 000 cents against at most 500 000: both met"
    );
    let mut rpo = limits();
    rpo.max_rpo_ms = 5_000;
    assert_eq!(
        violations(&option("async", 1, 1, EU, 5_000, &[]), &rpo),
        vec![],
        "an RPO of 5 s against at most 5 s is met"
    );
}

#[test]
fn every_limit_one_over_is_broken_in_the_doc_order() {
    let mut rpo = limits();
    rpo.max_rpo_ms = 5_000;
    let over = option(
        "over",
        21,
        500_001,
        &["us-east-1", "eu-west-1", "ap-south-1"],
        5_001,
        &[],
    );
    assert_eq!(
        violations(&over, &rpo),
        vec![
            Violation::Latency {
                p99_ms: 21,
                max_ms: 20
            },
            Violation::Cost {
                cents: 500_001,
                max_cents: 500_000
            },
            Violation::Residency("us-east-1".to_string()),
            Violation::Residency("ap-south-1".to_string()),
            Violation::Rpo {
                rpo_ms: 5_001,
                max_ms: 5_000
            },
        ],
        "one over each limit breaks it; every region outside the list is its own reason, in \
         the option's order; latency, cost, residency, RPO"
    );
}

#[test]
fn violations_say_what_was_broken() {
    assert_eq!(
        Violation::Latency {
            p99_ms: 21,
            max_ms: 20
        }
        .to_string(),
        "p99 latency 21 ms is over 20 ms",
        "latency"
    );
    assert_eq!(
        Violation::Cost {
            cents: 9,
            max_cents: 8
        }
        .to_string(),
        "9 cents a month is over 8",
        "cost"
    );
    assert_eq!(
        Violation::Residency("us-east-1".to_string()).to_string(),
        "stores data in us-east-1",
        "residency"
    );
    assert_eq!(
        Violation::Rpo {
            rpo_ms: 1_000,
            max_ms: 0
        }
        .to_string(),
        "RPO 1000 ms is over 0 ms",
        "RPO"
    );
}

// Task 2: Score an option
#[test]
fn the_score_is_the_weighted_sum_of_the_criteria() {
    assert_eq!(
        score(&postgres_sync(), &weights()),
        44,
        "3 × 6 + 2 × 9 + 1 × 8 = 44"
    );
    assert_eq!(
        score(&cockroach_eu(), &weights()),
        42,
        "3 × 8 + 2 × 5 + 1 × 8 = 42"
    );
}

#[test]
fn a_missing_score_counts_zero_and_an_unweighted_one_nothing() {
    let odd = option("odd", 1, 1, EU, 0, &[("skills", 4), ("hype", 10)]);
    assert_eq!(
        score(&odd, &weights()),
        8,
        "no operability or portability score counts 0; hype has no weight: only 2 × 4"
    );
}

// Task 3: Decide
#[test]
fn the_doc_example_eliminates_two_and_ranks_two() {
    let options = [spanner(), aurora_global(), postgres_sync(), cockroach_eu()];
    assert_eq!(
        decide(&options, &limits(), &weights()),
        Decision {
            ranking: vec![
                ("postgres-sync".to_string(), 44),
                ("cockroach-eu".to_string(), 42)
            ],
            eliminated: vec![
                (
                    "spanner".to_string(),
                    vec![Violation::Cost {
                        cents: 900_000,
                        max_cents: 500_000
                    }]
                ),
                (
                    "aurora-global".to_string(),
                    vec![
                        Violation::Residency("us-east-1".to_string()),
                        Violation::Rpo {
                            rpo_ms: 1_000,
                            max_ms: 0
                        }
                    ]
                ),
            ],
        },
        "spanner would score 60, the best of all, but it is over budget: constraints first"
    );
}

#[test]
fn the_ranking_is_by_score_highest_first() {
    let options = [cockroach_eu(), postgres_sync()];
    assert_eq!(
        names(&decide(&options, &limits(), &weights())),
        vec!["postgres-sync", "cockroach-eu"],
        "44 before 42, whatever order the options came in"
    );
}

#[test]
fn a_tie_goes_to_the_cheaper_option() {
    let options = [tied("dear", 5, 200_000), tied("cheap", 9, 100_000)];
    assert_eq!(
        names(&decide(&options, &limits(), &weights())),
        vec!["cheap", "dear"],
        "both score 15: the cheaper wins the tie, even though it is slower"
    );
}

#[test]
fn a_tie_at_the_same_cost_goes_to_the_faster_option() {
    let options = [tied("slow", 9, 100_000), tied("fast", 5, 100_000)];
    assert_eq!(
        names(&decide(&options, &limits(), &weights())),
        vec!["fast", "slow"],
        "same score, same cost: the lower p99 latency wins"
    );
}

#[test]
fn a_tie_on_everything_goes_by_name() {
    let options = [tied("zeta", 5, 100_000), tied("alpha", 5, 100_000)];
    assert_eq!(
        names(&decide(&options, &limits(), &weights())),
        vec!["alpha", "zeta"],
        "identical on score, cost and latency: alphabetical order"
    );
}

#[test]
fn when_every_option_breaks_a_constraint_nothing_is_ranked() {
    let d = decide(&[spanner(), aurora_global()], &limits(), &weights());
    assert_eq!(
        d.ranking,
        vec![],
        "no option meets the constraints: there is nothing to choose"
    );
    assert_eq!(
        d.eliminated
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>(),
        vec!["spanner", "aurora-global"],
        "both eliminated, in input order, each with its reasons"
    );
}

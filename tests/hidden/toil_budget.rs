use toil_budget::{is_toil, toil_shares, Entry, Quarter, Share, Work};

const TOIL: Work = Work::Task {
    manual: true,
    repetitive: true,
    automatable: true,
    enduring_value: false,
};

const PROJECT: Work = Work::Task {
    manual: true,
    repetitive: false,
    automatable: false,
    enduring_value: true,
};

fn q(year: u16, q: u8) -> Quarter {
    Quarter { year, q }
}

fn entry(team: &str, quarter: Quarter, minutes: u64, work: Work) -> Entry {
    Entry {
        team: team.to_string(),
        quarter,
        minutes,
        work,
    }
}

fn share(team: &str, quarter: Quarter, toil: u64, total: u64, per_mille: u64, over: bool) -> Share {
    Share {
        team: team.to_string(),
        quarter,
        toil_min: toil,
        total_min: total,
        toil_per_mille: per_mille,
        over_budget: over,
    }
}

// Task 1: Tell toil from the rest of the work
#[test]
fn manual_repetitive_automatable_work_without_lasting_value_is_toil() {
    assert!(
        is_toil(&TOIL),
        "rotating a certificate by hand every month has all four traits of toil"
    );
}

#[test]
fn work_lacking_any_one_trait_of_toil_is_not_toil() {
    let cases = [
        (
            false,
            true,
            true,
            false,
            "a job that runs by itself is not manual",
        ),
        (
            true,
            false,
            true,
            false,
            "a one-off migration is not repetitive",
        ),
        (
            true,
            true,
            false,
            false,
            "a judgement call each time is not automatable",
        ),
        (
            true,
            true,
            true,
            true,
            "work that leaves the service better has enduring value",
        ),
    ];
    for (manual, repetitive, automatable, enduring_value, why) in cases {
        let work = Work::Task {
            manual,
            repetitive,
            automatable,
            enduring_value,
        };
        assert!(!is_toil(&work), "not toil: {why}");
    }
}

#[test]
fn overhead_is_never_toil() {
    assert!(
        !is_toil(&Work::Overhead),
        "meetings, planning and paperwork are overhead, not toil: they are not tied to running \
         the service"
    );
}

// Task 2: Work out the toil share of each team and quarter
#[test]
fn the_doc_example_gives_its_two_shares() {
    let log = [
        entry("web", q(2024, 1), 301, TOIL),
        entry("db", q(2024, 1), 300, TOIL),
        entry("db", q(2024, 1), 200, PROJECT),
        entry("web", q(2024, 1), 299, PROJECT),
        entry("db", q(2024, 1), 100, Work::Overhead),
    ];
    assert_eq!(
        toil_shares(&log),
        vec![
            share("db", q(2024, 1), 300, 600, 500, false),
            share("web", q(2024, 1), 301, 600, 502, true),
        ],
        "db: 300 of 600 minutes is exactly half, within budget; web: 301 of 600 is 501.67 ‰, \
         502 rounded up, over budget; db sorts before web"
    );
}

#[test]
fn overhead_counts_in_the_time_but_not_in_the_toil() {
    let log = [
        entry("sre", q(2024, 2), 600, TOIL),
        entry("sre", q(2024, 2), 400, Work::Overhead),
    ];
    assert_eq!(
        toil_shares(&log),
        vec![share("sre", q(2024, 2), 600, 1_000, 600, true)],
        "600 minutes of toil and 400 of meetings: toil is 60 % of the team's time"
    );
}

#[test]
fn exactly_half_is_within_budget_and_a_little_more_is_over() {
    let half = [
        entry("ops", q(2024, 3), 5_000, TOIL),
        entry("ops", q(2024, 3), 5_000, PROJECT),
    ];
    assert_eq!(
        toil_shares(&half),
        vec![share("ops", q(2024, 3), 5_000, 10_000, 500, false)],
        "exactly 50 % toil is not over 50 %"
    );
    let just_over = [
        entry("ops", q(2024, 3), 5_001, TOIL),
        entry("ops", q(2024, 3), 4_999, PROJECT),
    ];
    assert_eq!(
        toil_shares(&just_over),
        vec![share("ops", q(2024, 3), 5_001, 10_000, 501, true)],
        "50.01 % toil is over budget, and its share rounds up to 501 ‰"
    );
}

#[test]
fn the_share_is_rounded_up() {
    let log = [
        entry("net", q(2025, 1), 1, TOIL),
        entry("net", q(2025, 1), 2, PROJECT),
    ];
    assert_eq!(
        toil_shares(&log)[0].toil_per_mille,
        334,
        "1 minute of toil in 3 is 333.3 ‰, rounded up to 334"
    );
}

#[test]
fn teams_and_quarters_are_kept_apart() {
    let log = [
        entry("db", q(2024, 1), 90, TOIL),
        entry("db", q(2024, 2), 10, TOIL),
        entry("db", q(2024, 2), 90, PROJECT),
        entry("web", q(2024, 1), 10, PROJECT),
        entry("db", q(2024, 1), 10, PROJECT),
    ];
    assert_eq!(
        toil_shares(&log),
        vec![
            share("db", q(2024, 1), 90, 100, 900, true),
            share("db", q(2024, 2), 10, 100, 100, false),
            share("web", q(2024, 1), 0, 10, 0, false),
        ],
        "db's bad first quarter does not spill into its second, nor into web's"
    );
}

#[test]
fn quarters_sort_by_year_before_quarter() {
    let log = [
        entry("db", q(2024, 1), 10, TOIL),
        entry("db", q(2023, 4), 10, TOIL),
        entry("db", q(2023, 2), 10, PROJECT),
    ];
    let quarters: Vec<Quarter> = toil_shares(&log).iter().map(|s| s.quarter).collect();
    assert_eq!(
        quarters,
        vec![q(2023, 2), q(2023, 4), q(2024, 1)],
        "2023 Q4 comes before 2024 Q1: the year first, then the quarter"
    );
}

#[test]
fn teams_sort_by_name() {
    let log = [
        entry("web", q(2024, 1), 10, TOIL),
        entry("api", q(2024, 1), 10, TOIL),
        entry("db", q(2024, 2), 10, TOIL),
        entry("db", q(2024, 1), 10, TOIL),
    ];
    let keys: Vec<(String, Quarter)> = toil_shares(&log)
        .into_iter()
        .map(|s| (s.team, s.quarter))
        .collect();
    assert_eq!(
        keys,
        vec![
            ("api".to_string(), q(2024, 1)),
            ("db".to_string(), q(2024, 1)),
            ("db".to_string(), q(2024, 2)),
            ("web".to_string(), q(2024, 1)),
        ],
        "groups come by team name first, then by quarter within the team"
    );
}

#[test]
fn an_empty_log_has_no_shares() {
    assert_eq!(
        toil_shares(&[]),
        vec![],
        "no time logged: nothing to report"
    );
}

//! # dora_keys: four numbers for how well a team delivers
//!
//! DORA (DevOps Research and Assessment; Forsgren, Humble and Kim, *Accelerate*, 2018) found
//! four measures of software delivery that go together with how well an organisation does:
//! two of throughput, **deployment frequency** and **lead time for changes**, and two of
//! stability, **change failure rate** and **time to restore service**. Its central finding is
//! that they do not trade off: teams that deploy often also fail less and recover faster.
//!
//! Each *Accelerate State of DevOps* report groups teams into tiers; this exercise uses the
//! **2021 report's** table. Its ranges leave gaps (no tier is "between one hour and one day"
//! of lead time) and overlap (high, medium and low all have 16–30 % change failures), so the
//! rule here is: **a key reaches a tier when it is at least as good as the worst end of that
//! tier's range**, and a value in a gap falls to the tier below. Times are in minutes (the
//! unit the report speaks in), rates in per-mille (‰), and rounding never flatters a team.
//!
//! ## Task 1: Measure the four keys from the records
//!
//! - Deployment frequency is the number of deployments in the window of `window_days` days.
//! - Lead time for changes is the median, over every commit of every deployment, of deployed
//!   minus committed. A deployment without commits (a redeploy) adds no lead time.
//! - Change failure rate is failed deployments × 1000 / deployments, rounded up.
//! - Time to restore service is the median, over incidents, of restored minus started.
//! - A median of an even count is the mean of the two middle values, rounded up (use the
//!   given [`median`]). Without commits, deployments or incidents a key is `None`.
//!
//! Example: deployments at 1_000 (commits at 970 and 900), at 2_000 (commit at 1_990,
//! failed) and at 3_000 (no commits), and incidents from 2_000 to 2_045 and from 5_000 to
//! 5_090, over 7 days: 3 deployments, lead time 30 (median of 30, 100, 10), change failure
//! rate 334 ‰ (1 of 3, rounded up), time to restore 68 (the mean of 45 and 90 is 67.5).
//!
//! ## Task 2: Place each key in the 2021 table
//!
//! | tier | deployments in `d` days | lead time | change failure rate | time to restore |
//! |---|---|---|---|---|
//! | elite | at least 2 × `d` (multiple a day) | under 60 | at most 150 ‰ | under 60 |
//! | high | at least one per 30 days | at most 10 080 (a week) | at most 300 ‰ | under 1 440 (a day) |
//! | medium | at least one per 180 days | at most 259 200 (180 days) | (none: see above) | at most 10 080 |
//! | low | fewer | more, or no commits | more, or no deployments | more |
//!
//! - A time to restore of `None` (no incidents: nothing to restore) is elite.
//! - [`key_tiers`] (given) puts the four together.
//!
//! Example: the keys of task 1 are high (3 in 7 days), elite (30), low (334 ‰) and high (68).
//!
//! ## Task 3: Let the worst key decide
//!
//! - The team's tier is the lowest of its four keys' tiers: speed does not make up for
//!   failing changes, nor stability for never shipping.
//!
//! Example: the keys of task 1 make a low performer: the change failure rate decides.
//!
//! ## Beyond this exercise
//!
//! The reports' tiers come from clustering survey answers, not from thresholds; turning them
//! into thresholds (as here, or as Google's Four Keys project and Apache DevLake do, each a
//! little differently) is a choice to write down. Real tooling also counts deployment *days*
//! rather than deployments, links failures to the deployment that caused them through
//! incident and rollback records, and measures one service at a time. The 2023 report
//! renamed the fourth key "failed deployment recovery time" and later reports added a fifth,
//! rework rate.

/// Minutes in one hour.
pub const HOUR_MIN: u64 = 60;
/// Minutes in one day.
pub const DAY_MIN: u64 = 1_440;
/// Minutes in one week.
pub const WEEK_MIN: u64 = 10_080;
/// Minutes in six months, counted as 180 days.
pub const SIX_MONTHS_MIN: u64 = 180 * DAY_MIN;

/// One deployment to production.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deployment {
    /// When it reached production, in minutes.
    pub deployed_min: u64,
    /// When each commit it shipped was made, in minutes (none at or after `deployed_min`).
    pub commits_min: Vec<u64>,
    /// Whether it caused a failure in production (a rollback, a hotfix, an incident).
    pub failed: bool,
}

/// One incident in production.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Incident {
    /// When service was degraded, in minutes.
    pub started_min: u64,
    /// When service was restored, in minutes (not before `started_min`).
    pub restored_min: u64,
}

/// DORA's four keys over a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FourKeys {
    /// Deployments in the window.
    pub deployments: u64,
    /// The window's length in days (at least 1).
    pub window_days: u64,
    /// The median lead time for changes in minutes; `None` without commits.
    pub lead_time_min: Option<u64>,
    /// The change failure rate in per-mille, rounded up; `None` without deployments.
    pub change_failure_per_mille: Option<u64>,
    /// The median time to restore service in minutes; `None` without incidents.
    pub time_to_restore_min: Option<u64>,
}

/// A performance tier of the 2021 report, from worst to best (so `min` is the worst).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Low performers.
    Low,
    /// Medium performers.
    Medium,
    /// High performers.
    High,
    /// Elite performers.
    Elite,
}

/// The tier each key reaches on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyTiers {
    /// The tier of the deployment frequency.
    pub deployment_frequency: Tier,
    /// The tier of the lead time for changes.
    pub lead_time: Tier,
    /// The tier of the change failure rate.
    pub change_failure_rate: Tier,
    /// The tier of the time to restore service.
    pub time_to_restore: Tier,
}

/// The median of `values`: the middle one, or for an even count the mean of the two middle
/// ones rounded up; `None` for no values.
pub fn median(mut values: Vec<u64>) -> Option<u64> {
    values.sort_unstable();
    let mid = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[mid]),
        _ => Some((values[mid - 1] + values[mid]).div_ceil(2)),
    }
}

/// DORA's four keys from the `deployments` and `incidents` of a window of `window_days` days.
pub fn four_keys(deployments: &[Deployment], incidents: &[Incident], window_days: u64) -> FourKeys {
    // One lead time per commit, not per deployment: a deployment of ten commits is ten changes.
    let lead_times = deployments
        .iter()
        .flat_map(|d| d.commits_min.iter().map(|c| d.deployed_min - c))
        .collect();
    let total = deployments.len() as u64;
    let failed = deployments.iter().filter(|d| d.failed).count() as u64;
    let change_failure_per_mille = (total > 0).then(|| (failed * 1000).div_ceil(total));
    let restore_times = incidents
        .iter()
        .map(|i| i.restored_min - i.started_min)
        .collect();
    FourKeys {
        deployments: total,
        window_days,
        lead_time_min: median(lead_times),
        change_failure_per_mille,
        time_to_restore_min: median(restore_times),
    }
}

/// The tier of `deployments` in a window of `window_days` days.
pub fn frequency_tier(deployments: u64, window_days: u64) -> Tier {
    // Compare by multiplying, not dividing: "once per 30 days" must not round.
    if deployments >= 2 * window_days {
        Tier::Elite
    } else if deployments * 30 >= window_days {
        Tier::High
    } else if deployments * 180 >= window_days {
        Tier::Medium
    } else {
        Tier::Low
    }
}

/// The tier of a median lead time for changes, in minutes.
pub fn lead_time_tier(lead_time_min: Option<u64>) -> Tier {
    match lead_time_min {
        Some(m) if m < HOUR_MIN => Tier::Elite,
        Some(m) if m <= WEEK_MIN => Tier::High,
        Some(m) if m <= SIX_MONTHS_MIN => Tier::Medium,
        _ => Tier::Low,
    }
}

/// The tier of a change failure rate, in per-mille.
pub fn failure_rate_tier(per_mille: Option<u64>) -> Tier {
    // High, medium and low share 16-30 % in 2021: the rate alone never makes a team medium.
    match per_mille {
        Some(r) if r <= 150 => Tier::Elite,
        Some(r) if r <= 300 => Tier::High,
        _ => Tier::Low,
    }
}

/// The tier of a median time to restore service, in minutes.
pub fn restore_tier(time_to_restore_min: Option<u64>) -> Tier {
    match time_to_restore_min {
        None => Tier::Elite,
        Some(m) if m < HOUR_MIN => Tier::Elite,
        Some(m) if m < DAY_MIN => Tier::High,
        Some(m) if m <= WEEK_MIN => Tier::Medium,
        Some(_) => Tier::Low,
    }
}

/// The tier each of the four `keys` reaches in the 2021 report's table.
pub fn key_tiers(keys: &FourKeys) -> KeyTiers {
    KeyTiers {
        deployment_frequency: frequency_tier(keys.deployments, keys.window_days),
        lead_time: lead_time_tier(keys.lead_time_min),
        change_failure_rate: failure_rate_tier(keys.change_failure_per_mille),
        time_to_restore: restore_tier(keys.time_to_restore_min),
    }
}

/// The team's tier: the worst of the tiers of its four `keys`.
pub fn performance(keys: &FourKeys) -> Tier {
    let t = key_tiers(keys);
    t.deployment_frequency
        .min(t.lead_time)
        .min(t.change_failure_rate)
        .min(t.time_to_restore)
}

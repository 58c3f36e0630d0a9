//! # slo_alerting: from raw counters to pages that do not flap
//!
//! The whole alerting chain of an SLO, as a rule evaluator runs it: every scrape brings the
//! current values of two counters, `requests_total` and `errors_total`; at every evaluation
//! the evaluator turns them into error ratios over several windows, the ratios into burn
//! rates, the burn rates into a page and a ticket, and decides which notifications to send.
//! It draws on `counter_rate` (increase with resets), `burn_rate_alerts` (the SRE Workbook's
//! multi-window, multi-burn-rate rules) and adds what keeps a pager sane: hysteresis.
//!
//! Times are milliseconds; the SLO is in ppm; burn rates are in thousandths (14 400 is 14.4).
//! Scrapes arrive in time order, through [`Alerter::observe`]; [`Alerter::evaluate`] is called
//! with increasing times.
//!
//! ## Task 1: Turn counter samples into the burn rate of a window
//!
//! - A window of `window_ms` at `now_ms` holds the scrapes with `now − window < at ≤ now`
//!   (left-open, right-closed; a window reaching back before 0 holds every scrape up to now).
//! - Each counter's increase over the window is the sum over consecutive scrapes in it of
//!   `new − old`, or `new` when the value dropped (a restart: the counter counts from 0 again).
//!   With fewer than two scrapes, nothing increased.
//! - The burn rate is `1000 × (errors / requests) / (1 − SLO)`, rounded down; 0 when the
//!   window saw no request or no error; `u64::MAX` when there were errors against an SLO of
//!   100 % (no budget at all).
//!
//! Example: scrapes every minute, 1 000 requests and 20 errors a minute, SLO 99.9 %: over any
//! window the burn rate is 2 % / 0.1 % = 20 000, restarts or not.
//!
//! ## Task 2: Fire pages and tickets on the multi-window rules
//!
//! - A rule of [`RULES`] holds when the burn rate over its long window and over its short
//!   window are both at least its threshold. The *page* condition holds when either page rule
//!   holds, the *ticket* condition when the ticket rule holds. Page and ticket are two
//!   separate alerts: both can be active at once.
//! - An inactive alert whose condition holds becomes active and sends
//!   [`Kind::Fired`] at that evaluation's time. An active alert sends nothing more while its
//!   condition holds. Notifications of one evaluation come page first, then ticket.
//!
//! Example: traffic of 1 000 requests a minute, scraped every minute, starts failing at 20 %
//! from minute 100. The 5-minute window burns from minute 100 on, but the 1-hour window
//! reaches 14.4 only when 5 of its 59 minute-increments are bad: the page fires at the
//! evaluation of minute 104.
//!
//! ## Task 3: Resolve an alert only after its condition stayed false
//!
//! - An active alert whose condition no longer holds is not resolved at once. Its *false
//!   streak* starts at the first evaluation where the condition does not hold; it is resolved
//!   ([`Kind::Resolved`]) at the first evaluation, still false, with
//!   `now − streak start ≥ resolve_after_ms`.
//! - If the condition holds again before that, the streak is forgotten and nothing is sent:
//!   the alert never flapped.
//! - With `resolve_after_ms = 0`, an alert resolves at the first evaluation where its
//!   condition is false. A resolved alert can fire again later.
//!
//! Example: with `resolve_after_ms` of 15 minutes, a page whose condition is false at every
//! evaluation from minute 113 on resolves at the evaluation of minute 128, not before. Had the
//! condition held again at minute 120, nothing would have been sent then, and the next false
//! evaluation would start a new streak.
//!
//! ## Beyond this exercise
//!
//! The Workbook's PromQL compares with `>` where this quiz uses `≥` (they differ only exactly
//! at a threshold). Prometheus evaluates such rules every `evaluation_interval`, extrapolates
//! increases (which changes no ratio, since both counters are scaled alike), holds a new alert
//! *pending* for `for:` before firing and keeps a resolved one firing for `keep_firing_for:`
//! (its form of hysteresis); Alertmanager then groups, deduplicates, inhibits (a page silences
//! its ticket) and routes notifications. A real evaluator also forgets scrapes older than its
//! longest window.

/// Milliseconds in a minute.
pub const MINUTE_MS: u64 = 60_000;
/// Milliseconds in an hour.
pub const HOUR_MS: u64 = 60 * MINUTE_MS;
/// Milliseconds in a day.
pub const DAY_MS: u64 = 24 * HOUR_MS;

/// How loudly to tell a human.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Someone is woken up now.
    Page,
    /// Someone looks at it within a working day.
    Ticket,
}

/// One multi-window burn-rate rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The alert this rule feeds.
    pub severity: Severity,
    /// The long window, in milliseconds.
    pub long_ms: u64,
    /// The short window, in milliseconds.
    pub short_ms: u64,
    /// The threshold, in thousandths of a burn rate.
    pub burn_milli: u64,
}

/// The SRE Workbook's rules for a 30-day SLO.
#[rustfmt::skip]
pub const RULES: [Rule; 3] = [
    Rule { severity: Severity::Page, long_ms: HOUR_MS, short_ms: 5 * MINUTE_MS, burn_milli: 14_400 },
    Rule { severity: Severity::Page, long_ms: 6 * HOUR_MS, short_ms: 30 * MINUTE_MS, burn_milli: 6_000 },
    Rule { severity: Severity::Ticket, long_ms: 3 * DAY_MS, short_ms: 6 * HOUR_MS, burn_milli: 1_000 },
];

/// One scrape of the service's two counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scrape {
    /// When it was taken, in milliseconds.
    pub at_ms: u64,
    /// The value of `requests_total`.
    pub requests_total: u64,
    /// The value of `errors_total`.
    pub errors_total: u64,
}

/// What a notification says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The alert became active.
    Fired,
    /// The alert is over.
    Resolved,
}

/// One message to the on-call engineer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notification {
    /// The evaluation that sent it.
    pub at_ms: u64,
    /// Which alert.
    pub severity: Severity,
    /// Fired or resolved.
    pub kind: Kind,
}

/// The objective and the hysteresis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// The SLO, in ppm (999 000 is 99.9 %).
    pub slo_ppm: u64,
    /// How long a condition must stay false before its alert resolves.
    pub resolve_after_ms: u64,
}

/// The state of one alert.
#[derive(Debug, Clone, Copy, Default)]
struct AlertState {
    active: bool,
    false_since_ms: Option<u64>,
}

/// A rule evaluator for one service.
#[derive(Debug, Clone)]
pub struct Alerter {
    config: Config,
    scrapes: Vec<Scrape>,
    /// The page alert, then the ticket alert.
    alerts: [AlertState; 2],
}

impl Alerter {
    /// An evaluator with no scrape yet and both alerts inactive.
    pub fn new(config: Config) -> Self {
        Alerter {
            config,
            scrapes: Vec::new(),
            alerts: [AlertState::default(); 2],
        }
    }

    /// Records a scrape (later than every scrape before it).
    pub fn observe(&mut self, scrape: Scrape) {
        self.scrapes.push(scrape);
    }

    /// The burn rate over the `window_ms` ending at `now_ms`, in thousandths (Task 1).
    pub fn burn_rate_milli(&self, now_ms: u64, window_ms: u64) -> u64 {
        // TODO: the increases of both counters over the window, then the burn rate.
        todo!()
    }

    /// Whether the alert of `severity` is active.
    pub fn is_active(&self, severity: Severity) -> bool {
        // TODO: read the state of that alert.
        todo!()
    }

    /// Evaluates the rules at `now_ms` and returns the notifications to send (Tasks 2 and 3).
    pub fn evaluate(&mut self, now_ms: u64) -> Vec<Notification> {
        // TODO: each alert's condition, then its state change.
        todo!()
    }
}

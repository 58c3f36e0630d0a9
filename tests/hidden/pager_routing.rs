use pager_routing::{chain, dispatch, pages, Alert, Dispatch, Gap, Org, Page, Rotation};
use std::collections::BTreeMap;

const FIVE_MIN: u64 = 300_000;

fn rotation(primary: &str, secondary: &str, lead: &str) -> Rotation {
    Rotation {
        primary: primary.to_string(),
        secondary: secondary.to_string(),
        lead: lead.to_string(),
    }
}

/// checkout and ledger belong to payments, search to discovery, billing to a team that a
/// re-org dissolved (no rotation); legacy-cron belongs to nobody.
fn org() -> Org {
    let owners = [
        ("checkout", "payments"),
        ("ledger", "payments"),
        ("search", "discovery"),
        ("billing", "finance-platform"),
    ];
    let mut rotations = BTreeMap::new();
    rotations.insert("payments".to_string(), rotation("ana", "ben", "cleo"));
    rotations.insert("discovery".to_string(), rotation("dev", "eli", "fay"));
    Org {
        owners: owners
            .iter()
            .map(|(s, t)| (s.to_string(), t.to_string()))
            .collect::<BTreeMap<_, _>>(),
        rotations,
        fallback: "incident-commander".to_string(),
        ack_timeout_ms: FIVE_MIN,
    }
}

fn alert(id: &str, service: &str, fired_ms: u64, acked_ms: Option<u64>) -> Alert {
    Alert {
        id: id.to_string(),
        service: service.to_string(),
        fired_ms,
        acked_ms,
    }
}

fn page(alert: &str, who: &str, at_ms: u64) -> Page {
    Page {
        alert: alert.to_string(),
        who: who.to_string(),
        at_ms,
    }
}

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

// Task 1: Find the escalation chain of a service
#[test]
fn a_service_pages_the_rotation_of_the_team_that_owns_it() {
    assert_eq!(
        chain(&org(), "checkout"),
        Ok(names(&["ana", "ben", "cleo"])),
        "checkout is owned by payments: its chain is payments' primary, secondary and lead"
    );
    assert_eq!(
        chain(&org(), "search"),
        Ok(names(&["dev", "eli", "fay"])),
        "search is owned by discovery, so discovery's on-call carries its pager, not payments'"
    );
}

#[test]
fn a_service_nobody_owns_is_a_gap_named_by_the_service() {
    assert_eq!(
        chain(&org(), "legacy-cron"),
        Err(Gap::NoOwner("legacy-cron".to_string())),
        "legacy-cron is not in the ownership map: the gap names the service"
    );
}

#[test]
fn a_service_whose_team_has_no_rotation_is_a_gap_naming_both() {
    assert_eq!(
        chain(&org(), "billing"),
        Err(Gap::NoRotation {
            service: "billing".to_string(),
            team: "finance-platform".to_string()
        }),
        "billing is mapped to finance-platform, which has no rotation: an owner nobody can page \
         is a gap too, and the report names the service and the stale team"
    );
}

#[test]
fn gaps_say_what_is_missing() {
    assert_eq!(
        Gap::NoOwner("legacy-cron".to_string()).to_string(),
        "service legacy-cron has no owning team",
        "the message of a service without an owner"
    );
    assert_eq!(
        Gap::NoRotation {
            service: "billing".to_string(),
            team: "finance-platform".to_string()
        }
        .to_string(),
        "service billing is owned by finance-platform, which has no rotation",
        "the message of a service whose owner has no rotation"
    );
}

// Task 2: Page along the chain until someone acknowledges
#[test]
fn the_primary_is_paged_the_moment_the_alert_fires() {
    assert_eq!(
        pages(&org(), &alert("a1", "checkout", 1_000, None), 1_000),
        vec![page("a1", "ana", 1_000)],
        "at the moment of firing only the primary has been paged"
    );
}

#[test]
fn the_secondary_is_paged_exactly_when_the_timeout_has_passed() {
    let a = alert("a1", "checkout", 1_000, None);
    assert_eq!(
        pages(&org(), &a, 300_999),
        vec![page("a1", "ana", 1_000)],
        "one millisecond before the timeout the primary still has time to acknowledge"
    );
    assert_eq!(
        pages(&org(), &a, 301_000),
        vec![page("a1", "ana", 1_000), page("a1", "ben", 301_000)],
        "fired at 1 000 with a 5 min timeout: the secondary is paged at 301 000"
    );
}

#[test]
fn an_acknowledgement_exactly_at_the_timeout_is_in_time() {
    assert_eq!(
        pages(
            &org(),
            &alert("a1", "checkout", 1_000, Some(301_000)),
            900_000
        ),
        vec![page("a1", "ana", 1_000)],
        "acknowledged at 301 000, the moment the timeout ends: in time, nobody else is woken"
    );
    assert_eq!(
        pages(
            &org(),
            &alert("a1", "checkout", 1_000, Some(301_001)),
            900_000
        ),
        vec![page("a1", "ana", 1_000), page("a1", "ben", 301_000)],
        "acknowledged one millisecond after the timeout: the secondary was already paged"
    );
}

#[test]
fn an_acknowledgement_the_moment_the_alert_fires_still_follows_the_page() {
    assert_eq!(
        pages(
            &org(),
            &alert("a1", "checkout", 1_000, Some(1_000)),
            900_000
        ),
        vec![page("a1", "ana", 1_000)],
        "the primary acknowledges the page they were sent: the first page always goes out"
    );
}

#[test]
fn an_acknowledgement_by_the_secondary_spares_the_lead() {
    assert_eq!(
        pages(
            &org(),
            &alert("a1", "checkout", 1_000, Some(400_000)),
            900_000
        ),
        vec![page("a1", "ana", 1_000), page("a1", "ben", 301_000)],
        "acknowledged at 400 000, before the lead's moment at 601 000: cleo is not paged"
    );
}

#[test]
fn an_alert_nobody_acknowledges_ends_with_the_lead() {
    assert_eq!(
        pages(&org(), &alert("s9", "search", 50_000, None), 10_000_000),
        vec![
            page("s9", "dev", 50_000),
            page("s9", "eli", 350_000),
            page("s9", "fay", 650_000)
        ],
        "primary at firing, secondary one timeout later, lead two timeouts later, then nobody \
         else however long the alert stays open"
    );
}

#[test]
fn the_timeout_comes_from_the_org() {
    let mut quick = org();
    quick.ack_timeout_ms = 60_000;
    assert_eq!(
        pages(&quick, &alert("s9", "search", 50_000, None), 10_000_000),
        vec![
            page("s9", "dev", 50_000),
            page("s9", "eli", 110_000),
            page("s9", "fay", 170_000)
        ],
        "with a 1 min timeout the steps are one minute apart"
    );
}

#[test]
fn an_orphan_pages_the_fallback_once_and_does_not_escalate() {
    assert_eq!(
        pages(&org(), &alert("x1", "legacy-cron", 0, None), 10_000_000),
        vec![page("x1", "incident-commander", 0)],
        "an unowned service has a chain of one: the fallback, paged when the alert fires"
    );
    assert_eq!(
        pages(&org(), &alert("b1", "billing", 7, None), 10_000_000),
        vec![page("b1", "incident-commander", 7)],
        "a service owned by a team without a rotation goes to the fallback too"
    );
}

#[test]
fn an_alert_that_has_not_fired_yet_pages_nobody() {
    assert_eq!(
        pages(&org(), &alert("a1", "checkout", 1_000, None), 999),
        vec![],
        "pages are sent at or before now, and this alert fires after now"
    );
}

// Task 3: Dispatch a batch of alerts and report the gaps
#[test]
fn the_doc_example_dispatches_its_alerts() {
    let alerts = [
        alert("x1", "legacy-cron", 0, None),
        alert("x2", "checkout", 1_000, Some(2_000)),
        alert("x3", "legacy-cron", 5_000, None),
    ];
    assert_eq!(
        dispatch(&org(), &alerts, 10_000),
        Dispatch {
            pages: vec![
                page("x1", "incident-commander", 0),
                page("x2", "ana", 1_000),
                page("x3", "incident-commander", 5_000)
            ],
            gaps: vec![Gap::NoOwner("legacy-cron".to_string())],
        },
        "two orphan alerts and one owned one: every alert is paged, the gap reported once"
    );
}

#[test]
fn pages_go_alert_by_alert_in_chain_order() {
    let alerts = [
        alert("late", "search", 500_000, None),
        alert("early", "checkout", 0, None),
    ];
    assert_eq!(
        dispatch(&org(), &alerts, 10_000_000).pages,
        vec![
            page("late", "dev", 500_000),
            page("late", "eli", 800_000),
            page("late", "fay", 1_100_000),
            page("early", "ana", 0),
            page("early", "ben", 300_000),
            page("early", "cleo", 600_000)
        ],
        "pages are listed alert by alert in the order given, each alert's in chain order"
    );
}

#[test]
fn each_gap_is_reported_once_in_the_order_it_was_first_hit() {
    let alerts = [
        alert("b1", "billing", 0, None),
        alert("x1", "legacy-cron", 10, None),
        alert("b2", "billing", 20, None),
        alert("c1", "checkout", 30, None),
        alert("x2", "legacy-cron", 40, None),
    ];
    assert_eq!(
        dispatch(&org(), &alerts, 100).gaps,
        vec![
            Gap::NoRotation {
                service: "billing".to_string(),
                team: "finance-platform".to_string()
            },
            Gap::NoOwner("legacy-cron".to_string())
        ],
        "billing was hit first, then legacy-cron; repeats add nothing; checkout is owned"
    );
}

#[test]
fn a_batch_of_owned_services_reports_no_gap() {
    let alerts = [
        alert("c1", "checkout", 0, None),
        alert("l1", "ledger", 0, None),
    ];
    assert_eq!(
        dispatch(&org(), &alerts, 0),
        Dispatch {
            pages: vec![page("c1", "ana", 0), page("l1", "ana", 0)],
            gaps: vec![],
        },
        "every service has an owner with a rotation: nothing to report; ledger is payments' too"
    );
}

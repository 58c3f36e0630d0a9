use gitops_reconcile::{apply, plan, Action, LiveResource, Plan, TRACKING_LABEL};
use std::collections::BTreeMap;

const APP: &str = "shop";

fn desired(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|&(n, s)| (n.to_string(), s.to_string()))
        .collect()
}

/// A live resource, labelled as managed by `owner` if given, plus any extra labels.
fn res(spec: &str, owner: Option<&str>, extra: &[(&str, &str)]) -> LiveResource {
    let mut labels: BTreeMap<String, String> = extra
        .iter()
        .map(|&(k, v)| (k.to_string(), v.to_string()))
        .collect();
    if let Some(owner) = owner {
        labels.insert(TRACKING_LABEL.to_string(), owner.to_string());
    }
    LiveResource {
        spec: spec.to_string(),
        labels,
    }
}

fn live(items: Vec<(&str, LiveResource)>) -> BTreeMap<String, LiveResource> {
    items.into_iter().map(|(n, r)| (n.to_string(), r)).collect()
}

fn create(name: &str, spec: &str) -> Action {
    Action::Create {
        name: name.to_string(),
        spec: spec.to_string(),
    }
}

fn update(name: &str, from: &str, to: &str) -> Action {
    Action::Update {
        name: name.to_string(),
        from: from.to_string(),
        to: to.to_string(),
    }
}

fn delete(name: &str) -> Action {
    Action::Delete {
        name: name.to_string(),
    }
}

/// The worked example: web changed, worker new, cron no longer declared, debug-pod made by hand.
fn example() -> (BTreeMap<String, String>, BTreeMap<String, LiveResource>) {
    (
        desired(&[("web", "v2"), ("worker", "v1")]),
        live(vec![
            ("web", res("v1", Some(APP), &[])),
            ("cron", res("v1", Some(APP), &[])),
            ("debug-pod", res("sleep", None, &[])),
        ]),
    )
}

// Task 1: Plan what to create and update
#[test]
fn a_declared_resource_that_is_missing_is_created() {
    let p = plan(APP, &desired(&[("web", "v1")]), &BTreeMap::new());
    assert_eq!(
        p.actions,
        vec![create("web", "v1")],
        "web is in Git but not in the cluster: create it with its declared spec"
    );
}

#[test]
fn a_changed_spec_is_updated_from_live_to_declared() {
    let p = plan(
        APP,
        &desired(&[("web", "v2")]),
        &live(vec![("web", res("v1", Some(APP), &[]))]),
    );
    assert_eq!(
        p.actions,
        vec![update("web", "v1", "v2")],
        "web runs v1 but Git declares v2: update it, saying from what to what"
    );
}

#[test]
fn a_resource_that_matches_needs_no_action() {
    let p = plan(
        APP,
        &desired(&[("web", "v1")]),
        &live(vec![("web", res("v1", Some(APP), &[("tier", "front")]))]),
    );
    assert_eq!(
        p,
        Plan::default(),
        "web is ours and matches Git: nothing to do (labels other than the tracking label do \
         not matter)"
    );
}

#[test]
fn a_declared_unlabelled_resource_is_adopted() {
    let p = plan(
        APP,
        &desired(&[("web", "v1")]),
        &live(vec![("web", res("v1", None, &[]))]),
    );
    assert_eq!(
        p.actions,
        vec![update("web", "v1", "v1")],
        "web exists with the right spec but without the tracking label: an update adopts it, \
         so that later reconciles know it is ours"
    );
}

#[test]
fn a_resource_of_another_application_is_a_conflict() {
    let p = plan(
        APP,
        &desired(&[("web", "v2"), ("queue", "v1")]),
        &live(vec![
            ("web", res("v1", Some("billing"), &[])),
            ("queue", res("v1", Some("billing"), &[])),
        ]),
    );
    assert_eq!(
        p.actions,
        vec![],
        "web and queue belong to the billing application: shop must not update or adopt them"
    );
    assert_eq!(
        p.conflicts,
        vec!["queue".to_string(), "web".to_string()],
        "both are reported as conflicts, in name order, whether their spec differs or not"
    );
}

// Task 2: Prune only what this application manages
#[test]
fn the_worked_example_prunes_only_what_it_manages() {
    let (desired, live) = example();
    assert_eq!(
        plan(APP, &desired, &live),
        Plan {
            actions: vec![
                delete("cron"),
                update("web", "v1", "v2"),
                create("worker", "v1")
            ],
            conflicts: vec![],
        },
        "cron is ours and gone from Git: delete it; web changed; worker is new; debug-pod was \
         made by hand and is not ours to delete; actions come in name order"
    );
}

#[test]
fn unlabelled_and_foreign_resources_are_never_pruned() {
    let p = plan(
        APP,
        &BTreeMap::new(),
        &live(vec![
            ("by-hand", res("x", None, &[])),
            ("billing-api", res("x", Some("billing"), &[])),
            ("look-alike", res("x", None, &[("team", APP)])),
        ]),
    );
    assert_eq!(
        p,
        Plan::default(),
        "none of these carries the tracking label with the value shop: a resource made by hand, \
         one of the billing application and one whose *other* label says shop are all left alone"
    );
}

#[test]
fn emptying_git_prunes_everything_the_application_manages() {
    let p = plan(
        APP,
        &BTreeMap::new(),
        &live(vec![
            ("web", res("v1", Some(APP), &[])),
            ("cron", res("v1", Some(APP), &[])),
        ]),
    );
    assert_eq!(
        p.actions,
        vec![delete("cron"), delete("web")],
        "nothing is declared any more: every resource labelled shop is pruned, in name order"
    );
}

#[test]
fn actions_of_all_kinds_are_sorted_by_name() {
    let p = plan(
        APP,
        &desired(&[("b", "1"), ("d", "2"), ("a", "9")]),
        &live(vec![
            ("c", res("0", Some(APP), &[])),
            ("d", res("1", Some(APP), &[])),
            ("e", res("0", Some(APP), &[])),
        ]),
    );
    assert_eq!(
        p.actions,
        vec![
            create("a", "9"),
            create("b", "1"),
            delete("c"),
            update("d", "1", "2"),
            delete("e"),
        ],
        "creates, updates and deletes are interleaved in the order of the names, not grouped"
    );
}

// Task 3: Apply the plan so that the next one is empty
#[test]
fn applying_the_plan_makes_the_cluster_match_git() {
    let (desired, mut live_state) = example();
    live_state
        .get_mut("web")
        .unwrap()
        .labels
        .insert("tier".into(), "front".into());
    let p = plan(APP, &desired, &live_state);
    apply(APP, &p, &mut live_state);
    assert_eq!(
        live_state,
        live(vec![
            ("web", res("v2", Some(APP), &[("tier", "front")])),
            ("worker", res("v1", Some(APP), &[])),
            ("debug-pod", res("sleep", None, &[])),
        ]),
        "after apply: web runs v2 (its other labels kept), worker exists labelled as ours, cron \
         is gone, and debug-pod is untouched"
    );
}

#[test]
fn reconciling_again_after_applying_finds_nothing_to_do() {
    let (desired, mut live_state) = example();
    let first = plan(APP, &desired, &live_state);
    apply(APP, &first, &mut live_state);
    assert_eq!(
        plan(APP, &desired, &live_state),
        Plan::default(),
        "the reconcile is idempotent: once its own plan is applied, the next plan is empty"
    );
}

#[test]
fn an_adopted_resource_is_not_adopted_again() {
    let desired = desired(&[("web", "v1")]);
    let mut live_state = live(vec![("web", res("v1", None, &[]))]);
    let first = plan(APP, &desired, &live_state);
    apply(APP, &first, &mut live_state);
    assert_eq!(
        live_state["web"]
            .labels
            .get(TRACKING_LABEL)
            .map(String::as_str),
        Some(APP),
        "applying the adoption puts the tracking label shop on web"
    );
    assert_eq!(
        plan(APP, &desired, &live_state),
        Plan::default(),
        "web is labelled now, so the next plan does not adopt it again"
    );
}

#[test]
fn conflicts_are_left_alone_by_apply() {
    let desired = desired(&[("web", "v2"), ("new", "v1")]);
    let mut live_state = live(vec![("web", res("v1", Some("billing"), &[]))]);
    let first = plan(APP, &desired, &live_state);
    apply(APP, &first, &mut live_state);
    assert_eq!(
        live_state["web"],
        res("v1", Some("billing"), &[]),
        "web belongs to billing: apply leaves its spec and label as they were"
    );
    let again = plan(APP, &desired, &live_state);
    assert!(
        again.actions.is_empty(),
        "after apply nothing is left to do, yet the plan has {:?}",
        again.actions
    );
    assert_eq!(
        again.conflicts,
        vec!["web".to_string()],
        "the conflict is still reported: the tool does not resolve it on its own"
    );
}

#[test]
fn an_empty_plan_changes_nothing() {
    let (_, mut live_state) = example();
    let before = live_state.clone();
    apply(APP, &Plan::default(), &mut live_state);
    assert_eq!(
        live_state, before,
        "applying an empty plan leaves the cluster as it is"
    );
}

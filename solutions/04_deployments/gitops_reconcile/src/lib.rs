//! # gitops_reconcile: make the cluster match Git, and touch only what is yours
//!
//! In GitOps the desired state of a system is declared in files under version control, and an
//! agent in the cluster keeps pulling it and reconciling the live state towards it (OpenGitOps
//! principles: declarative, versioned and immutable, pulled automatically, continuously
//! reconciled). Infrastructure as Code in general works the same way: compare what is declared
//! with what exists, plan the changes, apply them. A reconcile step computes a *plan*:
//! resources to create, to update and to delete (*prune*). Two properties make the loop safe:
//! - it prunes only resources it manages, recognised by a tracking label it put on them, so a
//!   resource someone else created by hand or with another tool is never deleted;
//! - it is **idempotent**: once its own plan is applied, reconciling again finds nothing to do,
//!   so running the loop every few minutes changes nothing until Git or the cluster changes.
//!
//! ## Task 1: Plan what to create and update
//!
//! [`plan`] compares the desired resources (name → spec, from Git) with the live ones:
//! - desired and not live: [`Action::Create`];
//! - desired and live, live labelled [`TRACKING_LABEL`] = another application: a conflict (its
//!   name goes in [`Plan::conflicts`]), no action, since it belongs to someone else;
//! - desired and live otherwise: [`Action::Update`] if the spec differs or the tracking label is
//!   not this application's (the resource is adopted), else nothing.
//!
//! Example: for application `shop`, desired `web: "v2"` against a live `web` ("v1", labelled
//! `shop`) is `Update { web, from: "v1", to: "v2" }`; against a live `web` labelled `billing`
//! it is no action and the conflict `web`.
//!
//! ## Task 2: Prune only what this application manages
//!
//! - Live and not desired, labelled [`TRACKING_LABEL`] = this application: [`Action::Delete`].
//! - Live and not desired without that label, or with another application's: left alone.
//! - The actions come in the order of the resource names; so do the conflicts.
//!
//! Example: for application `shop`, desired `{web: "v2", worker: "v1"}` and live `web` ("v1",
//! ours), `cron` ("v1", ours), `debug-pod` (no label) give `[Delete cron, Update web "v1" →
//! "v2", Create worker "v1"]`; `debug-pod` is not touched.
//!
//! ## Task 3: Apply the plan so that the next one is empty
//!
//! [`apply`] carries out a plan on the live resources: a created or updated resource gets the
//! plan's spec and the tracking label of this application (its other labels kept); a deleted
//! one is removed; conflicts are not touched. Planning again from the same desired state then
//! gives no action.
//!
//! Example: applying the plan of Task 2's example leaves `web` ("v2", ours), `worker` ("v1",
//! labelled `shop`) and `debug-pod` as it was; the next plan is empty.
//!
//! ## Beyond this exercise
//!
//! Argo CD and Flux compare full manifests field by field (ignoring fields the cluster sets,
//! such as status or defaults), apply in dependency order (namespaces and CRDs first, "sync
//! waves"), and prune only when told to (Argo CD's `prune` and `PruneLast`, Flux's `prune:
//! true`). Argo CD tracks resources by the `app.kubernetes.io/instance` label or by an
//! annotation; Terraform keeps the same knowledge in its state file instead of on the
//! resources. A GitOps agent also reports *drift*: a live change nobody committed.

use std::collections::BTreeMap;

/// The label that says which application manages a resource.
pub const TRACKING_LABEL: &str = "app.kubernetes.io/instance";

/// A resource as it exists in the cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveResource {
    /// Its specification (a whole manifest, reduced to a string here).
    pub spec: String,
    /// Its labels.
    pub labels: BTreeMap<String, String>,
}

/// One change to the cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Create a resource that is declared but missing.
    Create {
        /// Its name.
        name: String,
        /// The declared spec.
        spec: String,
    },
    /// Bring a live resource to its declared spec (and label it as ours).
    Update {
        /// Its name.
        name: String,
        /// The live spec.
        from: String,
        /// The declared spec.
        to: String,
    },
    /// Delete a resource this application manages and no longer declares.
    Delete {
        /// Its name.
        name: String,
    },
}

/// What a reconcile would do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// The changes, in the order of the resource names.
    pub actions: Vec<Action>,
    /// Declared resources that exist but belong to another application, by name.
    pub conflicts: Vec<String>,
}

/// Plans the changes that bring `live` to `desired` for application `app` (Tasks 1 and 2).
pub fn plan(
    app: &str,
    desired: &BTreeMap<String, String>,
    live: &BTreeMap<String, LiveResource>,
) -> Plan {
    let mut result = Plan::default();
    // Walk the union of names in order, so that actions come out sorted by name.
    let names: std::collections::BTreeSet<&String> = desired.keys().chain(live.keys()).collect();
    for name in names {
        let owner = live
            .get(name)
            .and_then(|r| r.labels.get(TRACKING_LABEL))
            .map(String::as_str);
        match (desired.get(name), live.get(name)) {
            (Some(spec), None) => result.actions.push(Action::Create {
                name: name.clone(),
                spec: spec.clone(),
            }),
            (Some(_), Some(_)) if owner.is_some_and(|o| o != app) => {
                result.conflicts.push(name.clone())
            }
            (Some(spec), Some(current)) => {
                if current.spec != *spec || owner != Some(app) {
                    result.actions.push(Action::Update {
                        name: name.clone(),
                        from: current.spec.clone(),
                        to: spec.clone(),
                    });
                }
            }
            // Prune only what carries our label: anything else was made by someone else.
            (None, Some(_)) if owner == Some(app) => {
                result.actions.push(Action::Delete { name: name.clone() })
            }
            (None, _) => {}
        }
    }
    result
}

/// Carries out `plan` on `live` for application `app` (Task 3).
pub fn apply(app: &str, plan: &Plan, live: &mut BTreeMap<String, LiveResource>) {
    for action in &plan.actions {
        match action {
            Action::Create { name, spec } | Action::Update { name, to: spec, .. } => {
                let resource = live.entry(name.clone()).or_insert_with(|| LiveResource {
                    spec: String::new(),
                    labels: BTreeMap::new(),
                });
                resource.spec = spec.clone();
                // Without our label the next plan would adopt it again, and never be empty.
                resource
                    .labels
                    .insert(TRACKING_LABEL.to_string(), app.to_string());
            }
            Action::Delete { name } => {
                live.remove(name);
            }
        }
    }
}

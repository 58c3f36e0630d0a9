//! # config_overlays: base < environment < override, and where each value came from
//!
//! The artifact is the same in every environment; its configuration is not. A common way to
//! keep that configuration manageable is *overlays*: a base that every environment shares, a
//! layer per environment on top (staging, prod), and explicit overrides on top of that (an
//! operator's `--set`, an environment variable). Kustomize, Helm's values files and Spring's
//! profiles all work this way. Two questions come up in every incident: "which value is really
//! in effect?" and "where did it come from?". The merge below answers both.
//!
//! ## Task 1: Merge the layers and keep the source of every value
//!
//! [`resolve`] merges settings given in any order:
//! - every key set anywhere appears in the result;
//! - the value of a key is the one from the highest layer that sets it
//!   (`Base < Env < Override`), whatever order the settings are listed in;
//! - within one layer, the setting listed last wins (as with repeated `--set` flags);
//! - the result records the layer the value came from.
//!
//! Example: `Base pool=10`, `Override pool=50`, `Env pool=20`, `Base log=info` resolve to
//! `log = info (Base)`, `pool = 50 (Override)`.
//!
//! ## Task 2: Catch keys that only an upper layer knows
//!
//! [`unknown_keys`]: a key set by `Env` or `Override` but never by `Base` is almost always a
//! typo (`DATABSE_URL`) that the application will silently ignore. Return every such key once,
//! sorted.
//!
//! Example: `Base pool=10`, `Env pol=20`, `Override pol=30`, `Override tls=on` give
//! `["pol", "tls"]`.
//!
//! ## Task 3: Show what differs between two environments
//!
//! [`differences`] compares two resolved configurations (say staging and prod) and lists every
//! key whose value differs, or that only one of them has, sorted by key, with each side's
//! value (`None` where the key is missing). The layers do not matter here, only the values.
//!
//! Example: staging `{log=debug, pool=10}` and prod `{log=info, pool=10, tls=on}` differ in
//! `log` (`debug` / `info`) and `tls` (`None` / `on`).
//!
//! ## Beyond this exercise
//!
//! Real overlay tools merge nested structures (maps inside maps, lists with merge keys), can
//! delete a key in an upper layer, and type their values. Twelve-factor argues against named
//! environments altogether: each deploy gets its own independent environment variables, so
//! config does not grow into `joes-staging`. Overlays are the compromise most teams live with.

use std::collections::BTreeMap;

/// Where a setting comes from, lowest precedence first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    /// Shared by every environment.
    Base,
    /// One environment's file.
    Env,
    /// Set explicitly for this deploy.
    Override,
}

/// One key set to one value in one layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The layer that sets it.
    pub layer: Layer,
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

impl Setting {
    /// A setting of `key` to `value` in `layer`.
    pub fn new(layer: Layer, key: &str, value: &str) -> Setting {
        Setting {
            layer,
            key: key.to_string(),
            value: value.to_string(),
        }
    }
}

/// The value in effect for a key, and the layer it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The value in effect.
    pub value: String,
    /// The layer that set it.
    pub source: Layer,
}

/// A key that two configurations do not agree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The key.
    pub key: String,
    /// Its value on the left (`None`: not set there).
    pub left: Option<String>,
    /// Its value on the right (`None`: not set there).
    pub right: Option<String>,
}

/// The value in effect for every key, with its source (Task 1).
pub fn resolve(settings: &[Setting]) -> BTreeMap<String, Resolved> {
    // TODO: a higher layer replaces a lower one; in the same layer, a later one replaces.
    todo!()
}

/// Keys set above `Base` that `Base` never sets, once each, sorted (Task 2).
pub fn unknown_keys(settings: &[Setting]) -> Vec<String> {
    // TODO: collect the keys of Base, then the others that are not among them.
    todo!()
}

/// Every key on which `left` and `right` disagree, sorted by key (Task 3).
pub fn differences(
    left: &BTreeMap<String, Resolved>,
    right: &BTreeMap<String, Resolved>,
) -> Vec<Difference> {
    // TODO: walk the keys of both sides and compare the values.
    todo!()
}

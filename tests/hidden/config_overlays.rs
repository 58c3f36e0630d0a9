use config_overlays::{differences, resolve, unknown_keys, Difference, Layer, Resolved, Setting};
use std::collections::BTreeMap;

use Layer::{Base, Env, Override};

fn set(layer: Layer, key: &str, value: &str) -> Setting {
    Setting::new(layer, key, value)
}

fn at(value: &str, source: Layer) -> Resolved {
    Resolved {
        value: value.to_string(),
        source,
    }
}

/// A resolved configuration written out as (key, value, source).
fn config(entries: &[(&str, &str, Layer)]) -> BTreeMap<String, Resolved> {
    entries
        .iter()
        .map(|(key, value, source)| (key.to_string(), at(value, *source)))
        .collect()
}

fn diff(key: &str, left: Option<&str>, right: Option<&str>) -> Difference {
    Difference {
        key: key.to_string(),
        left: left.map(String::from),
        right: right.map(String::from),
    }
}

// Task 1: Merge the layers and keep the source of every value
#[test]
fn the_worked_example_resolves_with_sources() {
    let settings = [
        set(Base, "pool", "10"),
        set(Override, "pool", "50"),
        set(Env, "pool", "20"),
        set(Base, "log", "info"),
    ];
    assert_eq!(
        resolve(&settings),
        config(&[("log", "info", Base), ("pool", "50", Override)]),
        "pool comes from the override (highest layer) even though Env is listed after it; \
         log only has a base value"
    );
}

#[test]
fn the_highest_layer_wins_in_any_listing_order() {
    let settings = [
        set(Base, "pool", "10"),
        set(Env, "pool", "20"),
        set(Override, "pool", "50"),
    ];
    for order in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        let listed: Vec<Setting> = order.iter().map(|&i| settings[i].clone()).collect();
        assert_eq!(
            resolve(&listed).get("pool"),
            Some(&at("50", Override)),
            "Base < Env < Override decides, not the order of the list ({order:?})"
        );
    }
}

#[test]
fn an_environment_layer_beats_the_base() {
    let settings = [set(Env, "log", "warn"), set(Base, "log", "info")];
    assert_eq!(
        resolve(&settings).get("log"),
        Some(&at("warn", Env)),
        "the environment's value replaces the shared base value"
    );
}

#[test]
fn within_one_layer_the_last_setting_wins() {
    let settings = [
        set(Override, "pool", "50"),
        set(Env, "pool", "20"),
        set(Override, "pool", "60"),
        set(Base, "log", "info"),
        set(Base, "log", "debug"),
    ];
    let resolved = resolve(&settings);
    assert_eq!(
        resolved.get("pool"),
        Some(&at("60", Override)),
        "two overrides of pool: the one listed last wins, as with repeated --set flags"
    );
    assert_eq!(
        resolved.get("log"),
        Some(&at("debug", Base)),
        "the same holds in the base layer"
    );
}

#[test]
fn every_key_set_anywhere_is_in_the_result() {
    let settings = [
        set(Override, "debug", "true"),
        set(Env, "region", "eu-west-1"),
        set(Base, "port", "8080"),
    ];
    assert_eq!(
        resolve(&settings),
        config(&[
            ("debug", "true", Override),
            ("port", "8080", Base),
            ("region", "eu-west-1", Env),
        ]),
        "keys set in a single layer are kept, each with the layer that set it"
    );
    assert!(resolve(&[]).is_empty(), "no settings, no configuration");
}

// Task 2: Catch keys that only an upper layer knows
#[test]
fn the_worked_example_finds_the_typo_and_the_stray_key() {
    let settings = [
        set(Base, "pool", "10"),
        set(Env, "pol", "20"),
        set(Override, "pol", "30"),
        set(Override, "tls", "on"),
    ];
    assert_eq!(
        unknown_keys(&settings),
        vec!["pol".to_string(), "tls".to_string()],
        "pol (a typo of pool) and tls are set above the base but never in it; pol once only"
    );
}

#[test]
fn a_key_of_the_base_is_known_wherever_the_base_is_listed() {
    let settings = [
        set(Env, "pool", "20"),
        set(Override, "log", "debug"),
        set(Base, "pool", "10"),
        set(Base, "log", "info"),
    ];
    assert_eq!(
        unknown_keys(&settings),
        Vec::<String>::new(),
        "pool and log are in the base, even though the base comes last in the list"
    );
}

#[test]
fn unknown_keys_are_sorted_and_listed_once() {
    let settings = [
        set(Override, "zone", "b"),
        set(Env, "alpha", "1"),
        set(Env, "zone", "a"),
        set(Override, "alpha", "2"),
        set(Base, "port", "8080"),
    ];
    assert_eq!(
        unknown_keys(&settings),
        vec!["alpha".to_string(), "zone".to_string()],
        "each unknown key once, sorted, however often and in whatever order it is set"
    );
}

#[test]
fn keys_only_in_the_base_are_fine() {
    let settings = [set(Base, "port", "8080"), set(Base, "log", "info")];
    assert_eq!(
        unknown_keys(&settings),
        Vec::<String>::new(),
        "a base key that no upper layer touches is a default, not a problem"
    );
}

// Task 3: Show what differs between two environments
#[test]
fn the_worked_example_differs_in_log_and_tls() {
    let staging = config(&[("log", "debug", Env), ("pool", "10", Base)]);
    let prod = config(&[
        ("log", "info", Base),
        ("pool", "10", Base),
        ("tls", "on", Env),
    ]);
    assert_eq!(
        differences(&staging, &prod),
        vec![
            diff("log", Some("debug"), Some("info")),
            diff("tls", None, Some("on")),
        ],
        "log has two values and tls is only in prod; pool is the same on both sides"
    );
}

#[test]
fn the_same_value_from_different_layers_is_no_difference() {
    let staging = config(&[("pool", "10", Base)]);
    let prod = config(&[("pool", "10", Override)]);
    assert_eq!(
        differences(&staging, &prod),
        vec![],
        "pool is 10 on both sides: where it came from does not change what runs"
    );
}

#[test]
fn keys_missing_on_either_side_are_listed_in_key_order() {
    let left = config(&[("a", "1", Base), ("c", "3", Base)]);
    let right = config(&[("b", "2", Base), ("d", "4", Env)]);
    assert_eq!(
        differences(&left, &right),
        vec![
            diff("a", Some("1"), None),
            diff("b", None, Some("2")),
            diff("c", Some("3"), None),
            diff("d", None, Some("4")),
        ],
        "keys of both sides in one sorted list, None for the side that lacks the key"
    );
}

#[test]
fn identical_configurations_have_no_differences() {
    let prod = config(&[("log", "info", Base), ("tls", "on", Env)]);
    assert_eq!(
        differences(&prod, &prod),
        vec![],
        "a configuration does not differ from itself"
    );
    assert_eq!(
        differences(&BTreeMap::new(), &BTreeMap::new()),
        vec![],
        "two empty configurations do not differ"
    );
}

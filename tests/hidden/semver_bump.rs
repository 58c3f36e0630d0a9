use semver_bump::{newest_release, next_version, precedence, Change, Ident, Version};
use std::cmp::Ordering;

use Change::{Breaking, Feature, Fix};

fn v(text: &str) -> Version {
    Version::parse(text).unwrap_or_else(|| panic!("{text} is a valid semantic version"))
}

/// The next version as text, or "none".
fn next(current: &str, changes: &[Change]) -> String {
    next_version(&v(current), changes).map_or("none".to_string(), |v| v.to_string())
}

fn cmp(a: &str, b: &str) -> Ordering {
    precedence(&v(a), &v(b))
}

// Task 1: Bump the version that the change log calls for
#[test]
fn no_changes_means_nothing_to_release() {
    assert_eq!(
        next_version(&v("1.4.2"), &[]),
        None,
        "with an empty change log there is nothing new to release, so no new version"
    );
}

#[test]
fn fixes_alone_bump_patch_once() {
    assert_eq!(next("1.4.2", &[Fix]), "1.4.3", "a bug fix bumps PATCH");
    assert_eq!(
        next("1.4.2", &[Fix, Fix, Fix]),
        "1.4.3",
        "one release bumps PATCH by one, however many fixes it holds"
    );
}

#[test]
fn a_feature_bumps_minor_and_resets_patch() {
    assert_eq!(
        next("1.4.2", &[Fix, Feature, Fix]),
        "1.5.0",
        "the largest change decides: a feature among fixes bumps MINOR, and PATCH goes to 0"
    );
    assert_eq!(
        next("1.9.7", &[Feature]),
        "1.10.0",
        "MINOR is a number: after 9 comes 10"
    );
}

#[test]
fn a_breaking_change_bumps_major_and_resets_minor_and_patch() {
    assert_eq!(
        next("1.4.2", &[Fix, Breaking]),
        "2.0.0",
        "any incompatible change bumps MAJOR, and MINOR and PATCH go to 0"
    );
    assert_eq!(
        next("3.0.9", &[Breaking, Feature, Fix]),
        "4.0.0",
        "a breaking change outweighs features and fixes, wherever it is in the log"
    );
}

#[test]
fn in_initial_development_a_breaking_change_bumps_minor() {
    assert_eq!(
        next("0.3.1", &[Breaking]),
        "0.4.0",
        "under 1.0.0 a breaking change bumps MINOR and resets PATCH, it does not make 1.0.0"
    );
    assert_eq!(
        next("0.9.3", &[Feature, Breaking, Fix]),
        "0.10.0",
        "0.9.3 with a breaking change becomes 0.10.0: leaving 0.y.z is a decision, not a bump"
    );
}

#[test]
fn in_initial_development_features_and_fixes_bump_patch() {
    assert_eq!(
        next("0.3.1", &[Feature]),
        "0.3.2",
        "under 1.0.0 a compatible feature bumps PATCH, as Cargo treats 0.y.z"
    );
    assert_eq!(
        next("0.3.1", &[Fix]),
        "0.3.2",
        "under 1.0.0 a fix bumps PATCH"
    );
    assert_eq!(
        next("0.0.4", &[Fix, Feature]),
        "0.0.5",
        "0.0.z follows the same rule as 0.y.z here"
    );
}

#[test]
fn the_next_version_is_a_plain_release() {
    let current = v("1.4.2+ci.77");
    let next = next_version(&current, &[Fix]).expect("a fix is something to release");
    assert_eq!(
        next.to_string(),
        "1.4.3",
        "build metadata belongs to one build: the next release does not inherit it"
    );
    assert!(
        next.pre.is_empty() && next.build.is_empty(),
        "the next version has no pre-release and no build metadata"
    );
}

// Task 2: Order versions by SemVer precedence
#[test]
fn major_minor_and_patch_compare_numerically() {
    assert_eq!(
        cmp("1.9.0", "1.10.0"),
        Ordering::Less,
        "9 < 10: numbers, not text"
    );
    assert_eq!(
        cmp("2.0.0", "1.99.99"),
        Ordering::Greater,
        "MAJOR decides first"
    );
    assert_eq!(cmp("2.1.0", "2.0.9"), Ordering::Greater, "then MINOR");
    assert_eq!(cmp("2.1.1", "2.1.0"), Ordering::Greater, "then PATCH");
    assert_eq!(
        cmp("2.1.1", "2.1.1"),
        Ordering::Equal,
        "a version equals itself"
    );
}

#[test]
fn a_pre_release_comes_before_its_release() {
    assert_eq!(
        cmp("1.0.0-alpha", "1.0.0"),
        Ordering::Less,
        "1.0.0-alpha leads up to 1.0.0, so it is lower"
    );
    assert_eq!(
        cmp("1.0.0", "1.0.0-rc.1"),
        Ordering::Greater,
        "the release is higher than any of its pre-releases"
    );
    assert_eq!(
        cmp("1.0.1-alpha", "1.0.0"),
        Ordering::Greater,
        "MAJOR.MINOR.PATCH decide before the pre-release: 1.0.1-alpha is after 1.0.0"
    );
}

#[test]
fn the_spec_example_is_in_increasing_order() {
    let chain = [
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-alpha.beta",
        "1.0.0-beta",
        "1.0.0-beta.2",
        "1.0.0-beta.11",
        "1.0.0-rc.1",
        "1.0.0",
    ];
    for (i, a) in chain.iter().enumerate() {
        for (j, b) in chain.iter().enumerate() {
            assert_eq!(
                cmp(a, b),
                i.cmp(&j),
                "SemVer item 11 orders {a} and {b} as in the spec's example chain"
            );
        }
    }
}

#[test]
fn numeric_identifiers_compare_as_numbers() {
    assert_eq!(
        cmp("1.0.0-beta.2", "1.0.0-beta.11"),
        Ordering::Less,
        "2 < 11 numerically, although \"11\" < \"2\" as text"
    );
    assert_eq!(
        cmp("1.0.0-0.3.7", "1.0.0-0.3.10"),
        Ordering::Less,
        "each numeric identifier is a number"
    );
}

#[test]
fn numeric_identifiers_come_before_alphanumeric_ones() {
    assert_eq!(
        cmp("1.0.0-999", "1.0.0-a"),
        Ordering::Less,
        "a numeric identifier is always lower than an alphanumeric one"
    );
    assert_eq!(
        cmp("1.0.0-alpha.beta", "1.0.0-alpha.1"),
        Ordering::Greater,
        "`beta` (alphanumeric) is higher than `1` (numeric)"
    );
}

#[test]
fn alphanumeric_identifiers_compare_in_ascii_order() {
    assert_eq!(
        cmp("1.0.0-RC.1", "1.0.0-rc.1"),
        Ordering::Less,
        "ASCII order, not case-insensitive: `R` (0x52) is below `r` (0x72)"
    );
    assert_eq!(
        cmp("1.0.0-alpha-2", "1.0.0-alpha2"),
        Ordering::Less,
        "`-` (0x2d) is below `2` (0x32)"
    );
    assert_eq!(
        cmp("1.0.0-x-y", "1.0.0-x"),
        Ordering::Greater,
        "an identifier that extends another is higher in ASCII order"
    );
}

#[test]
fn more_identifiers_win_when_the_shared_ones_are_equal() {
    assert_eq!(
        cmp("1.0.0-alpha.1", "1.0.0-alpha"),
        Ordering::Greater,
        "with all shared identifiers equal, the larger set is higher"
    );
    assert_eq!(
        cmp("1.0.0-alpha.1.0", "1.0.0-alpha.1"),
        Ordering::Greater,
        "a trailing 0 still makes a larger set"
    );
}

#[test]
fn build_metadata_is_ignored() {
    assert_eq!(
        cmp("1.0.0+a", "1.0.0+b"),
        Ordering::Equal,
        "versions differing only in build metadata have the same precedence"
    );
    assert_eq!(
        cmp("1.0.0-rc.1+ci.2", "1.0.0-rc.1"),
        Ordering::Equal,
        "build metadata after a pre-release is ignored too"
    );
    assert_eq!(
        cmp("1.0.0+zzz", "1.0.1"),
        Ordering::Less,
        "build metadata never lifts a version above a higher one"
    );
}

#[test]
fn the_given_parser_follows_the_semver_grammar() {
    assert_eq!(
        v("1.0.0-x.7.z.92+exp.sha.5114f85"),
        Version {
            major: 1,
            minor: 0,
            patch: 0,
            pre: vec![
                Ident::Alpha("x".into()),
                Ident::Numeric(7),
                Ident::Alpha("z".into()),
                Ident::Numeric(92)
            ],
            build: vec!["exp".into(), "sha".into(), "5114f85".into()],
        },
        "the parser splits pre-release and build identifiers"
    );
    assert_eq!(
        v("1.0.0-x.7+b.01").to_string(),
        "1.0.0-x.7+b.01",
        "Display writes a version back as it was parsed (build identifiers may have leading zeros)"
    );
    for bad in [
        "1.0",
        "1.0.0.0",
        "01.0.0",
        "1.00.0",
        "1.0.00",
        "1.0.0-",
        "1.0.0-01",
        "1.0.0-a..b",
        "1.0.0+",
        "1.0.0+a_b",
        "v1.0.0",
        "1.0.x",
        "1.0.0-a!",
    ] {
        assert_eq!(Version::parse(bad), None, "{bad} is not a semantic version");
    }
    assert!(Version::parse("0.0.0").is_some(), "0.0.0 is a version");
}

// Task 3: Pick the newest release, never a pre-release
#[test]
fn the_newest_release_skips_pre_releases() {
    let versions = [v("1.4.2"), v("2.0.0-rc.1"), v("1.10.0"), v("1.4.2+b")];
    assert_eq!(
        newest_release(&versions).map(|v| v.to_string()).as_deref(),
        Some("1.10.0"),
        "2.0.0-rc.1 is higher but not a release; of the releases, 1.10.0 is the newest"
    );
}

#[test]
fn only_pre_releases_or_nothing_give_no_release() {
    assert_eq!(
        newest_release(&[v("1.0.0-alpha"), v("1.0.0-rc.1")]),
        None,
        "a project with only pre-releases has no release to call newest"
    );
    assert_eq!(newest_release(&[]), None, "no versions, no newest release");
}

#[test]
fn the_first_listed_of_equal_releases_wins() {
    let versions = [v("1.4.2+a"), v("1.0.0"), v("1.4.2+b"), v("1.4.2")];
    assert_eq!(
        newest_release(&versions).map(|v| v.to_string()).as_deref(),
        Some("1.4.2+a"),
        "1.4.2+a, 1.4.2+b and 1.4.2 are equal in precedence: the first listed is kept"
    );
    let versions = [v("1.0.0"), v("3.0.0"), v("2.0.0")];
    assert_eq!(
        newest_release(&versions).map(|v| v.to_string()).as_deref(),
        Some("3.0.0"),
        "the newest is the highest, wherever it is listed"
    );
}

use advisory_gate::{audit, in_range, Advisory, AdvisoryError, Dependency, Finding, Version};
use std::cmp::Ordering;

fn v(text: &str) -> Version {
    Version::parse(text).expect("the tests only use valid versions here")
}

fn order(a: &str, b: &str) -> Ordering {
    v(a).cmp(&v(b))
}

fn dep(name: &str, version: &str) -> Dependency {
    Dependency {
        name: name.to_string(),
        version: v(version),
    }
}

fn advisory(id: &str, package: &str, affected: &str, patched: Option<&str>) -> Advisory {
    Advisory {
        id: id.to_string(),
        package: package.to_string(),
        affected: affected.to_string(),
        patched: patched.map(v),
    }
}

fn finding(package: &str, version: &str, advisory: &str, fix: Option<&str>) -> Finding {
    Finding {
        package: package.to_string(),
        version: v(version),
        advisory: advisory.to_string(),
        fix: fix.map(v),
    }
}

// Task 1: Order versions by SemVer precedence
#[test]
fn version_numbers_compare_as_numbers_not_strings() {
    for (lower, higher) in [
        ("1.9.0", "1.10.0"),
        ("1.0.9", "1.0.10"),
        ("9.0.0", "10.0.0"),
        ("1.99.99", "2.0.0"),
    ] {
        assert_eq!(
            order(lower, higher),
            Ordering::Less,
            "{lower} < {higher}: each part is a number, so 10 comes after 9 (as strings it \
             would not)"
        );
        assert_eq!(
            order(higher, lower),
            Ordering::Greater,
            "{higher} > {lower}, the same comparison the other way round"
        );
    }
}

#[test]
fn major_then_minor_then_patch_decide() {
    assert_eq!(
        order("2.0.0", "1.9.9"),
        Ordering::Greater,
        "the major version decides first: 2.0.0 > 1.9.9"
    );
    assert_eq!(
        order("1.2.0", "1.1.9"),
        Ordering::Greater,
        "with equal majors the minor decides: 1.2.0 > 1.1.9"
    );
    assert_eq!(
        order("1.1.3", "1.1.2"),
        Ordering::Greater,
        "with equal majors and minors the patch decides: 1.1.3 > 1.1.2"
    );
}

#[test]
fn a_pre_release_comes_before_its_release() {
    assert_eq!(
        order("1.0.0-rc.1", "1.0.0"),
        Ordering::Less,
        "1.0.0-rc.1 leads up to 1.0.0, so it has lower precedence"
    );
    assert_eq!(
        order("1.0.0", "1.0.0-alpha"),
        Ordering::Greater,
        "the release 1.0.0 is above every one of its pre-releases"
    );
    assert_eq!(
        order("1.0.0-rc.1", "0.9.9"),
        Ordering::Greater,
        "the pre-release rule only applies when major, minor and patch are equal: \
         1.0.0-rc.1 > 0.9.9"
    );
}

#[test]
fn the_specs_own_chain_is_in_order() {
    let expected = [
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-alpha.beta",
        "1.0.0-beta",
        "1.0.0-beta.2",
        "1.0.0-beta.11",
        "1.0.0-rc.1",
        "1.0.0",
    ];
    let mut versions: Vec<Version> = [6, 2, 7, 0, 5, 3, 1, 4]
        .iter()
        .map(|&i| v(expected[i]))
        .collect();
    versions.sort();
    let sorted: Vec<Version> = expected.iter().map(|e| v(e)).collect();
    assert_eq!(
        versions, sorted,
        "SemVer 2.0.0 §11's example: alpha < alpha.1 < alpha.beta < beta < beta.2 < beta.11 < \
         rc.1 < the release"
    );
}

#[test]
fn numeric_identifiers_compare_as_numbers() {
    assert_eq!(
        order("1.0.0-beta.2", "1.0.0-beta.11"),
        Ordering::Less,
        "2 < 11 as numbers (as strings \"11\" would come first)"
    );
    assert_eq!(
        order("1.0.0-10", "1.0.0-9"),
        Ordering::Greater,
        "a pre-release that is a single number compares numerically too: 10 > 9"
    );
}

#[test]
fn a_numeric_identifier_is_lower_than_an_alphanumeric_one() {
    assert_eq!(
        order("1.0.0-alpha.1", "1.0.0-alpha.beta"),
        Ordering::Less,
        "numeric identifiers have lower precedence than alphanumeric ones: 1 < beta"
    );
    assert_eq!(
        order("1.0.0-a", "1.0.0-999"),
        Ordering::Greater,
        "a is alphanumeric and 999 numeric, so a is the higher one"
    );
    assert_eq!(
        order("1.0.0-rc1", "1.0.0-rc"),
        Ordering::Greater,
        "rc1 mixes letters and digits, so it is compared as a string: rc1 > rc"
    );
}

#[test]
fn alphanumeric_identifiers_compare_in_ascii_order() {
    assert_eq!(
        order("1.0.0-alpha", "1.0.0-beta"),
        Ordering::Less,
        "alpha < beta in ASCII order"
    );
    assert_eq!(
        order("1.0.0-RC", "1.0.0-rc"),
        Ordering::Less,
        "ASCII order puts upper-case letters before lower-case ones: RC < rc"
    );
}

#[test]
fn more_identifiers_win_when_the_shared_ones_are_equal() {
    assert_eq!(
        order("1.0.0-alpha", "1.0.0-alpha.1"),
        Ordering::Less,
        "alpha.1 has one identifier more than alpha and agrees on the shared one: it is higher"
    );
    assert_eq!(
        order("1.0.0-alpha.1.0", "1.0.0-alpha.1"),
        Ordering::Greater,
        "alpha.1.0 > alpha.1: the larger set of identifiers is higher"
    );
}

#[test]
fn equal_versions_are_equal_and_build_metadata_is_ignored() {
    assert_eq!(
        order("1.0.0-rc.1", "1.0.0-rc.1"),
        Ordering::Equal,
        "a version is neither above nor below itself"
    );
    assert_eq!(
        order("1.0.0+build.1", "1.0.0+build.2"),
        Ordering::Equal,
        "build metadata plays no part in precedence (SemVer §10)"
    );
}

// Task 2: Check a version against an affected range
#[test]
fn a_version_is_in_a_range_when_every_comparator_holds() {
    let range = ">= 1.2.0, < 1.4.3";
    for (version, inside) in [
        ("1.1.9", false),
        ("1.2.0", true),
        ("1.4.2", true),
        ("1.4.3", false),
        ("1.10.0", false),
    ] {
        assert_eq!(
            in_range(range, &v(version)),
            Ok(inside),
            "{version} in {range}: expected {inside} (>= includes its bound, < excludes it, \
             and 1.10.0 is above 1.4.3)"
        );
    }
}

#[test]
fn each_operator_has_its_own_meaning() {
    let cases = [
        ("> 1.0.0", "1.0.0", false),
        ("> 1.0.0", "1.0.1", true),
        ("<= 1.0.0", "1.0.0", true),
        ("<= 1.0.0", "1.0.1", false),
        ("<= 1.0.0", "0.9.0", true),
        ("< 1.0.0", "0.9.9", true),
        ("= 1.0.0", "1.0.0", true),
        ("= 1.0.0", "1.0.1", false),
        ("= 1.0.0", "0.9.0", false),
        (">= 2.0.0", "1.99.0", false),
    ];
    for (range, version, inside) in cases {
        assert_eq!(
            in_range(range, &v(version)),
            Ok(inside),
            "is {version} in {range:?}? expected {inside}"
        );
    }
}

#[test]
fn spaces_after_the_operator_are_optional() {
    assert_eq!(
        in_range(">=1.2.0,<1.4.3", &v("1.2.0")),
        Ok(true),
        "'>=1.2.0,<1.4.3' without spaces is the same range, and 1.2.0 is in it"
    );
    assert_eq!(
        in_range("  >=   1.2.0 ,   <1.4.3  ", &v("1.4.3")),
        Ok(false),
        "extra spaces around comparators change nothing: 1.4.3 is not below 1.4.3"
    );
}

#[test]
fn ranges_use_semver_precedence_for_pre_releases() {
    assert_eq!(
        in_range(">= 1.2.0, < 1.4.3", &v("1.4.3-rc.1")),
        Ok(true),
        "1.4.3-rc.1 comes before 1.4.3, so it is below the fix and in the range"
    );
    assert_eq!(
        in_range(">= 1.2.0, < 1.4.3", &v("1.2.0-beta")),
        Ok(false),
        "1.2.0-beta comes before 1.2.0, so it is not in a range starting at >= 1.2.0"
    );
}

#[test]
fn an_unreadable_range_is_an_error() {
    assert_eq!(
        in_range("~1.2.0", &v("1.2.0")),
        Err(AdvisoryError::BadRange("~1.2.0".to_string())),
        "~ is not one of the operators >=, >, <=, <, ="
    );
    assert_eq!(
        in_range(">= 1.2", &v("1.2.0")),
        Err(AdvisoryError::BadVersion("1.2".to_string())),
        "1.2 is not a full MAJOR.MINOR.PATCH version"
    );
    assert_eq!(
        in_range("< 1.0.0, >= banana", &v("2.0.0")),
        Err(AdvisoryError::BadVersion("banana".to_string())),
        "every comparator is read: the bad second one is an error even though the first one \
         already fails for 2.0.0"
    );
    assert_eq!(
        AdvisoryError::BadRange("~1.2.0".to_string()).to_string(),
        "not a version comparator: \"~1.2.0\"",
        "the error message quotes the comparator it could not read"
    );
    assert_eq!(
        AdvisoryError::BadVersion("1.2".to_string()).to_string(),
        "not a semantic version: \"1.2\"",
        "the error message quotes the version it could not read"
    );
}

#[test]
fn a_bound_is_read_as_a_full_semver_version() {
    assert_eq!(
        in_range("= 1.0.0-x-y.7+build-5", &v("1.0.0-x-y.7")),
        Ok(true),
        "hyphens are allowed inside pre-release identifiers, and build metadata is ignored: \
         the bound equals 1.0.0-x-y.7"
    );
    for bad in ["1.0.0-", "1.0.0-rc..1", "1.0.0-r$c", "1.0.0.0", "v1.0.0"] {
        assert_eq!(
            in_range(&format!("< {bad}"), &v("1.0.0")),
            Err(AdvisoryError::BadVersion(bad.to_string())),
            "{bad:?} is not a SemVer version (an empty or invalid identifier, or not three \
             numbers): the range cannot be read"
        );
    }
}

// Task 3: Gate the dependencies and suggest the fixed version
#[test]
fn an_affected_dependency_is_reported_with_its_fix() {
    let deps = [dep("left-pad", "1.3.0")];
    let advisories = [advisory(
        "GHSA-1",
        "left-pad",
        ">= 1.2.0, < 1.4.3",
        Some("1.4.3"),
    )];
    assert_eq!(
        audit(&deps, &advisories),
        Ok(vec![finding("left-pad", "1.3.0", "GHSA-1", Some("1.4.3"))]),
        "left-pad 1.3.0 is in >= 1.2.0, < 1.4.3: one finding, with 1.4.3 as the fix"
    );
}

#[test]
fn unaffected_versions_and_other_packages_give_nothing() {
    let deps = [dep("left-pad", "1.10.0"), dep("right-pad", "1.3.0")];
    let advisories = [advisory(
        "GHSA-1",
        "left-pad",
        ">= 1.2.0, < 1.4.3",
        Some("1.4.3"),
    )];
    assert_eq!(
        audit(&deps, &advisories),
        Ok(vec![]),
        "left-pad 1.10.0 is above the range (not below it, as a string comparison would say), \
         and the advisory is not about right-pad"
    );
}

#[test]
fn an_advisory_without_a_fix_is_still_reported() {
    let deps = [dep("yaml-lite", "0.4.1")];
    let advisories = [advisory("CVE-2099-1", "yaml-lite", "<= 0.4.1", None)];
    assert_eq!(
        audit(&deps, &advisories),
        Ok(vec![finding("yaml-lite", "0.4.1", "CVE-2099-1", None)]),
        "no patched version exists yet: the finding is reported with no fix to suggest"
    );
}

#[test]
fn findings_follow_the_dependencies_then_the_advisories() {
    let deps = [
        dep("zlib-rs", "2.0.0"),
        dep("left-pad", "1.3.0"),
        dep("clean", "1.0.0"),
    ];
    let advisories = [
        advisory("GHSA-A", "left-pad", ">= 1.0.0, < 2.0.0", Some("2.0.0")),
        advisory("GHSA-B", "zlib-rs", "= 2.0.0", Some("2.0.1")),
        advisory("GHSA-C", "left-pad", "< 1.3.1", Some("1.3.1")),
        advisory("GHSA-D", "left-pad", "> 1.3.0", Some("9.0.0")),
    ];
    assert_eq!(
        audit(&deps, &advisories),
        Ok(vec![
            finding("zlib-rs", "2.0.0", "GHSA-B", Some("2.0.1")),
            finding("left-pad", "1.3.0", "GHSA-A", Some("2.0.0")),
            finding("left-pad", "1.3.0", "GHSA-C", Some("1.3.1")),
        ]),
        "findings come in dependency order, and for left-pad in advisory order; every \
         advisory that affects a version is reported (GHSA-D does not affect 1.3.0)"
    );
}

#[test]
fn an_unreadable_advisory_of_a_used_package_stops_the_gate() {
    let deps = [dep("left-pad", "1.3.0")];
    let advisories = [
        advisory("GHSA-X", "unused", "^1.0.0", None),
        advisory("GHSA-1", "left-pad", "< 1.4", Some("1.4.0")),
    ];
    assert_eq!(
        audit(&deps, &advisories),
        Err(AdvisoryError::BadVersion("1.4".to_string())),
        "the left-pad advisory cannot be read, so the gate cannot say the dependency is safe: \
         it fails with the error (the unused package's advisory is never read)"
    );
}

use release_manifest::{
    image_is_pinned, is_sha256, unpinned, version_is_exact, Finding, ImageInput, Manifest,
    PackageInput, Problem,
};

/// A valid digest: sha256("test").
const D: &str = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

fn image(name: &str, reference: &str) -> ImageInput {
    ImageInput {
        name: name.to_string(),
        reference: reference.to_string(),
    }
}

fn package(name: &str, version: &str, checksum: Option<&str>) -> PackageInput {
    PackageInput {
        name: name.to_string(),
        version: version.to_string(),
        checksum: checksum.map(String::from),
    }
}

fn found(input: &str, problem: Problem) -> Finding {
    Finding {
        input: input.to_string(),
        problem,
    }
}

// Task 1: Tell an image pinned by digest from one pulled by tag
#[test]
fn an_image_pulled_by_tag_is_not_pinned() {
    for reference in [
        "node:20",
        "node:latest",
        "node",
        "registry.example.com:5000/team/node:20",
    ] {
        assert!(
            !image_is_pinned(reference),
            "{reference} names whatever its tag points at today: not pinned"
        );
    }
}

#[test]
fn an_image_pulled_by_digest_is_pinned() {
    for reference in [
        format!("node@{D}"),
        format!("node:20@{D}"),
        format!("registry.example.com:5000/team/node:20@{D}"),
    ] {
        assert!(
            image_is_pinned(&reference),
            "{reference} names one content by its digest: pinned (a tag beside it is ignored)"
        );
    }
}

#[test]
fn only_a_full_valid_digest_pins_an_image() {
    let hex = &D["sha256:".len()..];
    for reference in [
        "node@sha256:9f86d081884c".to_string(),
        format!("node@sha256:{}", &hex[1..]),
        format!("node@sha512:{hex}"),
        format!("node@{}", D.to_uppercase()),
        format!("node@{hex}"),
        "node@".to_string(),
    ] {
        assert!(
            !image_is_pinned(&reference),
            "{reference}: after the `@` must come `sha256:` and exactly 64 lowercase hex digits"
        );
    }
}

#[test]
fn the_digest_is_what_follows_the_last_at_sign() {
    assert!(
        !image_is_pinned(&format!("node@{D}:20")),
        "a tag after the digest means the reference does not end in a digest"
    );
    assert!(
        !image_is_pinned(&format!("node@{D}@other")),
        "what follows the last `@` is not a digest"
    );
    assert!(
        image_is_pinned(&format!("mirror@team/node@{D}")),
        "the digest is read after the last `@`, whatever comes before it"
    );
}

// Task 2: Tell an exact version from a range
#[test]
fn three_numbers_are_an_exact_version() {
    for spec in ["1.3.0", "=1.3.0", "0.0.0", "10.20.300"] {
        assert!(
            version_is_exact(spec),
            "{spec} names exactly one version, with or without one leading `=`"
        );
    }
}

#[test]
fn a_pre_release_is_exact_too() {
    for spec in ["2.0.0-rc.1", "=2.0.0-rc.1", "1.0.0-alpha-1.X"] {
        assert!(
            version_is_exact(spec),
            "{spec} is one exact pre-release version"
        );
    }
    for spec in ["1.3.0-", "1.3.0-rc 1", "1.3.0-rc_1", "1.3.0-rc.1 || 2.0.0"] {
        assert!(
            !version_is_exact(spec),
            "{spec}: a pre-release is one or more letters, digits, `.` or `-` and nothing else"
        );
    }
}

#[test]
fn operators_and_wildcards_make_a_range() {
    for spec in [
        "^1.3.0",
        "~1.3.0",
        ">=1.3.0",
        "<2.0.0",
        ">=1.3.0, <2.0.0",
        "1.3.0 || 2.0.0",
        "1.3.0 - 2.0.0",
        "*",
        "1.x",
        "1.3.x",
        "1.3.*",
        "==1.3.0",
        "v1.3.0",
    ] {
        assert!(
            !version_is_exact(spec),
            "{spec} is a range (or not a version): the build may resolve it differently tomorrow"
        );
    }
}

#[test]
fn a_partial_version_is_a_range() {
    for spec in [
        "1",
        "1.3",
        "1.3.0.0",
        "1..0",
        "1.3.",
        "",
        "=",
        "1.3.0+build.7",
    ] {
        assert!(
            !version_is_exact(spec),
            "{spec:?}: an exact version has exactly three numbers (Cargo reads `1.3` as ^1.3)"
        );
    }
}

// Task 3: Report every unpinned input in a stable order
#[test]
fn the_worked_example_reports_three_findings() {
    let manifest = Manifest {
        images: vec![
            image("web", "web:1.4.2"),
            image("db", &format!("postgres@{D}")),
        ],
        packages: vec![package("left-pad", "^1.3.0", None)],
    };
    assert_eq!(
        unpinned(&manifest),
        vec![
            found("left-pad", Problem::VersionRange),
            found("left-pad", Problem::MissingChecksum),
            found("web", Problem::ImageByTag),
        ],
        "the range and the missing checksum of left-pad, then web pulled by tag; db is pinned"
    );
}

#[test]
fn a_fully_pinned_manifest_has_no_findings() {
    let manifest = Manifest {
        images: vec![image("base", &format!("node:20@{D}"))],
        packages: vec![
            package("left-pad", "1.3.0", Some(D)),
            package("serde", "=1.0.200", Some(D)),
        ],
    };
    assert_eq!(
        unpinned(&manifest),
        vec![],
        "images by digest and exact versions with checksums: nothing to report"
    );
    assert_eq!(
        unpinned(&Manifest::default()),
        vec![],
        "an empty manifest has nothing unpinned"
    );
}

#[test]
fn a_checksum_that_is_not_a_digest_counts_as_missing() {
    let manifest = Manifest {
        images: vec![],
        packages: vec![
            package("a", "1.0.0", Some("sha256:abc")),
            package("b", "1.0.0", Some("d41d8cd98f00b204e9800998ecf8427e")),
            package("c", "1.0.0", Some("")),
            package("d", "1.0.0", Some(D)),
        ],
    };
    assert_eq!(
        unpinned(&manifest),
        vec![
            found("a", Problem::MissingChecksum),
            found("b", Problem::MissingChecksum),
            found("c", Problem::MissingChecksum),
        ],
        "a checksum must be a valid sha256 digest to protect the download"
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let manifest = Manifest {
        images: vec![image("x-base", "alpine"), image("y-tools", "busybox:1.36")],
        packages: vec![
            package("p1", "~2.1", Some("md5:0")),
            package("p2", "*", None),
        ],
    };
    assert_eq!(
        unpinned(&manifest),
        vec![
            found("p1", Problem::VersionRange),
            found("p1", Problem::MissingChecksum),
            found("p2", Problem::VersionRange),
            found("p2", Problem::MissingChecksum),
            found("x-base", Problem::ImageByTag),
            found("y-tools", Problem::ImageByTag),
        ],
        "a review needs the whole list at once: six problems in four inputs"
    );
}

#[test]
fn reordering_the_manifest_does_not_change_the_report() {
    let forward = Manifest {
        images: vec![image("api", "api:2"), image("worker", "worker:2")],
        packages: vec![
            package("b-lib", "^1", None),
            package("a-lib", "1.0.0", None),
            package("c-lib", "2.0", Some(D)),
        ],
    };
    let mut backward = forward.clone();
    backward.images.reverse();
    backward.packages.reverse();
    let expected = vec![
        found("a-lib", Problem::MissingChecksum),
        found("api", Problem::ImageByTag),
        found("b-lib", Problem::VersionRange),
        found("b-lib", Problem::MissingChecksum),
        found("c-lib", Problem::VersionRange),
        found("worker", Problem::ImageByTag),
    ];
    assert_eq!(
        unpinned(&forward),
        expected,
        "findings are sorted by input name, images and packages mixed"
    );
    assert_eq!(
        unpinned(&backward),
        expected,
        "the same manifest listed in another order gives the same report"
    );
}

#[test]
fn one_name_is_ordered_by_problem() {
    let manifest = Manifest {
        images: vec![image("redis", "redis:7")],
        packages: vec![package("redis", ">=4", None)],
    };
    assert_eq!(
        unpinned(&manifest),
        vec![
            found("redis", Problem::ImageByTag),
            found("redis", Problem::VersionRange),
            found("redis", Problem::MissingChecksum),
        ],
        "for the same name, problems come in the order of the enum: image, range, checksum"
    );
}

#[test]
fn the_given_digest_check_is_strict() {
    assert!(is_sha256(D), "sha256 and 64 lowercase hex digits");
    assert!(!is_sha256(&D[..D.len() - 1]), "63 hex digits are too few");
    assert!(!is_sha256(&format!("{D}0")), "65 hex digits are too many");
    assert!(
        !is_sha256(&D.replace('f', "F")),
        "upper-case hex is refused"
    );
    assert!(!is_sha256(&D.replace('f', "g")), "`g` is not a hex digit");
}

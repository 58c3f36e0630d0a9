use artifact_name::artifact_name;

/// sha256("test"), a real SHA-256 digest in the OCI form.
const TEST: &str = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
/// sha256("tests").
const TESTS: &str = "sha256:59830ebc3a4f77a5ed4ec3a5f1ef6f9f2c0a2f5e3f1a0b4d3f3b2c1a09f8e7d6";

/// A digest of `sha256:` and 64 hex characters whose hex at `at` is replaced by `c`.
fn with_char_at(at: usize, c: char) -> String {
    let mut hex: Vec<char> = TEST["sha256:".len()..].chars().collect();
    hex[at] = c;
    format!("sha256:{}", hex.into_iter().collect::<String>())
}

// Task 1: Name an artifact by its name, version and short digest
#[test]
fn the_name_is_name_version_and_the_first_12_hex_of_the_digest() {
    assert_eq!(
        artifact_name("web", "1.4.2", TEST).as_deref(),
        Some("web-1.4.2-9f86d081884c"),
        "the artifact name is NAME-VERSION-SHORT, SHORT being the first 12 hex characters of \
         the digest without its `sha256:` prefix"
    );
    assert_eq!(
        artifact_name("billing-api", "0.10.0-rc.1", TESTS).as_deref(),
        Some("billing-api-0.10.0-rc.1-59830ebc3a4f"),
        "names and versions are used as given, hyphens and pre-release tags included"
    );
}

#[test]
fn one_version_with_two_contents_gives_two_names() {
    assert_ne!(
        artifact_name("web", "1.4.2", TEST),
        artifact_name("web", "1.4.2", TESTS),
        "two builds labelled 1.4.2 with different bytes are different artifacts: the short \
         digest in the name tells them apart"
    );
    assert_eq!(
        artifact_name("web", "1.4.2", TEST),
        artifact_name("web", "1.4.2", TEST),
        "the same content at the same version always gets the same name"
    );
}

#[test]
fn a_digest_without_the_sha256_prefix_is_refused() {
    let bare = &TEST["sha256:".len()..];
    assert_eq!(
        artifact_name("web", "1.4.2", bare),
        None,
        "64 hex characters without `sha256:` do not say which hash they are: not a digest"
    );
    let other = format!("sha512:{bare}");
    assert_eq!(
        artifact_name("web", "1.4.2", &other),
        None,
        "only the `sha256:` algorithm is accepted here"
    );
    let upper = format!("SHA256:{bare}");
    assert_eq!(
        artifact_name("web", "1.4.2", &upper),
        None,
        "the algorithm prefix is lower case: `SHA256:` is not `sha256:`"
    );
}

#[test]
fn a_digest_must_have_exactly_64_hex_characters() {
    assert_eq!(
        artifact_name("web", "1.4.2", &TEST[..TEST.len() - 1]),
        None,
        "63 hex characters are not a SHA-256 digest (a truncated copy-paste)"
    );
    let long = format!("{TEST}0");
    assert_eq!(
        artifact_name("web", "1.4.2", &long),
        None,
        "65 hex characters are not a SHA-256 digest either"
    );
    assert_eq!(
        artifact_name("web", "1.4.2", "sha256:9f86d081884c"),
        None,
        "a short ID is a display form, not a digest: it cannot name an artifact on its own"
    );
    assert_eq!(
        artifact_name("web", "1.4.2", "sha256:"),
        None,
        "a prefix with nothing after it is not a digest"
    );
}

#[test]
fn only_lowercase_hex_digits_are_accepted() {
    for (at, c) in [
        (0, 'A'),
        (20, 'F'),
        (63, 'g'),
        (5, 'z'),
        (30, ':'),
        (40, '/'),
        (50, '`'),
    ] {
        assert_eq!(
            artifact_name("web", "1.4.2", &with_char_at(at, c)),
            None,
            "the digest's hex is 0-9 and a-f in lower case: {c:?} at position {at} makes it \
             invalid"
        );
    }
    for (at, c) in [(0, '0'), (11, '9'), (12, 'a'), (63, 'f')] {
        assert!(
            artifact_name("web", "1.4.2", &with_char_at(at, c)).is_some(),
            "{c:?} is a lowercase hex digit, so the digest with it at position {at} is valid"
        );
    }
}

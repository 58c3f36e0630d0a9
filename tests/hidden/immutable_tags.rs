use immutable_tags::{Pushed, Registry, TagError};

const AA: &str = "sha256:aa";
const BB: &str = "sha256:bb";
const CC: &str = "sha256:cc";

/// A registry with the aliases `latest` and `stable`, and releases 1.4.2 (AA) and 1.5.0 (BB).
fn with_two_releases() -> Registry {
    let mut registry = Registry::new(&["latest", "stable"]);
    assert_eq!(
        registry.push("1.4.2", AA),
        Ok(Pushed::Created),
        "a first push of 1.4.2 creates the tag"
    );
    assert_eq!(
        registry.push("1.5.0", BB),
        Ok(Pushed::Created),
        "a first push of 1.5.0 creates the tag"
    );
    registry
}

// Task 1: Push a tag once, and the same digest again idempotently
#[test]
fn a_new_tag_is_created_and_resolves_to_its_digest() {
    let mut registry = Registry::new(&["latest"]);
    assert_eq!(
        registry.push("1.4.2", AA),
        Ok(Pushed::Created),
        "the first push of a tag records it"
    );
    assert_eq!(
        registry.resolve("1.4.2"),
        Some(AA),
        "a pushed tag resolves to the digest it was pushed with"
    );
    assert_eq!(
        registry.resolve("1.4.3"),
        None,
        "a tag never pushed resolves to nothing"
    );
}

#[test]
fn re_pushing_the_same_digest_under_a_tag_is_idempotent() {
    let mut registry = with_two_releases();
    let before = registry.clone();
    assert_eq!(
        registry.push("1.4.2", AA),
        Ok(Pushed::AlreadyThere),
        "a retried push of the same bytes under the same tag succeeds and says nothing changed"
    );
    assert_eq!(
        registry, before,
        "an idempotent re-push leaves the registry exactly as it was"
    );
}

#[test]
fn another_digest_under_an_existing_tag_is_refused() {
    let mut registry = with_two_releases();
    let before = registry.clone();
    assert_eq!(
        registry.push("1.4.2", CC),
        Err(TagError::TagIsImmutable {
            tag: "1.4.2".to_string(),
            current: AA.to_string(),
            refused: CC.to_string(),
        }),
        "1.4.2 already names sha256:aa: a tag never moves to other bytes"
    );
    assert_eq!(
        registry.resolve("1.4.2"),
        Some(AA),
        "after the refusal 1.4.2 still names what it named before"
    );
    assert_eq!(registry, before, "a refused push changes nothing");
    assert_eq!(
        registry.push("1.5.0", AA),
        Err(TagError::TagIsImmutable {
            tag: "1.5.0".to_string(),
            current: BB.to_string(),
            refused: AA.to_string(),
        }),
        "moving a tag to the digest of another existing release is refused just the same"
    );
}

#[test]
fn one_digest_may_carry_many_tags() {
    let mut registry = with_two_releases();
    assert_eq!(
        registry.push("build-981", AA),
        Ok(Pushed::Created),
        "the artifact of 1.4.2 may also be tagged with its build number"
    );
    assert_eq!(
        registry.resolve("build-981"),
        Some(AA),
        "the build-number tag names the same digest"
    );
    assert_eq!(
        registry.resolve("1.4.2"),
        Some(AA),
        "a second tag on a digest does not disturb the first"
    );
}

#[test]
fn an_alias_name_cannot_be_pushed_as_a_tag() {
    let mut registry = with_two_releases();
    let before = registry.clone();
    assert_eq!(
        registry.push("latest", CC),
        Err(TagError::AliasNotPushable("latest".to_string())),
        "`latest` is an alias: it moves only through point, never by a push"
    );
    assert_eq!(
        registry, before,
        "a push refused for an alias name records nothing"
    );
    assert_eq!(
        registry.resolve("latest"),
        None,
        "the refused push did not make `latest` name anything"
    );
}

#[test]
fn a_refusal_says_what_was_refused() {
    let message = TagError::TagIsImmutable {
        tag: "1.4.2".to_string(),
        current: AA.to_string(),
        refused: CC.to_string(),
    }
    .to_string();
    for part in ["1.4.2", AA, CC] {
        assert!(
            message.contains(part),
            "the message of a refused push names the tag and both digests ({part} is missing \
             from {message:?})"
        );
    }
    let message = TagError::AliasNotPushable("latest".to_string()).to_string();
    assert!(message.contains("latest"), "name the alias: {message:?}");
}

// Task 2: Move an alias only through an explicit call
#[test]
fn an_alias_never_pointed_resolves_to_nothing() {
    let registry = with_two_releases();
    assert_eq!(
        registry.resolve("stable"),
        None,
        "no one has said which release is stable yet, so `stable` names nothing"
    );
}

#[test]
fn point_moves_an_alias_and_returns_where_it_was() {
    let mut registry = with_two_releases();
    assert_eq!(
        registry.point("stable", "1.4.2"),
        Ok(None),
        "the first point of an alias has no previous tag"
    );
    assert_eq!(
        registry.resolve("stable"),
        Some(AA),
        "`stable` now resolves through 1.4.2 to its digest"
    );
    assert_eq!(
        registry.point("stable", "1.5.0"),
        Ok(Some("1.4.2".to_string())),
        "moving `stable` to 1.5.0 returns 1.4.2, the tag to point back at for a rollback"
    );
    assert_eq!(
        registry.resolve("stable"),
        Some(BB),
        "`stable` now resolves through 1.5.0"
    );
    assert_eq!(
        registry.point("stable", "1.5.0"),
        Ok(Some("1.5.0".to_string())),
        "pointing an alias where it already points is allowed and returns that tag"
    );
}

#[test]
fn pushing_a_new_release_does_not_move_any_alias() {
    let mut registry = with_two_releases();
    registry
        .point("latest", "1.5.0")
        .expect("a declared alias may point at a pushed tag");
    registry
        .point("stable", "1.4.2")
        .expect("a declared alias may point at a pushed tag");
    assert_eq!(
        registry.push("1.6.0", CC),
        Ok(Pushed::Created),
        "1.6.0 is a new tag"
    );
    assert_eq!(
        registry.resolve("latest"),
        Some(BB),
        "pushing 1.6.0 does not move `latest`: an alias moves only when pointed"
    );
    assert_eq!(
        registry.resolve("stable"),
        Some(AA),
        "pushing 1.6.0 does not move `stable` either"
    );
}

#[test]
fn aliases_move_independently() {
    let mut registry = with_two_releases();
    registry
        .point("stable", "1.4.2")
        .expect("a declared alias may point at a pushed tag");
    registry
        .point("latest", "1.4.2")
        .expect("a declared alias may point at a pushed tag");
    assert_eq!(
        registry.point("latest", "1.5.0"),
        Ok(Some("1.4.2".to_string())),
        "`latest` moves from 1.4.2 to 1.5.0"
    );
    assert_eq!(
        registry.resolve("stable"),
        Some(AA),
        "moving `latest` leaves `stable` where it was"
    );
}

#[test]
fn pointing_at_a_tag_never_pushed_is_refused_and_changes_nothing() {
    let mut registry = with_two_releases();
    registry
        .point("stable", "1.4.2")
        .expect("a declared alias may point at a pushed tag");
    let before = registry.clone();
    assert_eq!(
        registry.point("stable", "2.0.0"),
        Err(TagError::UnknownTag("2.0.0".to_string())),
        "an alias may only point at a release that exists"
    );
    assert_eq!(
        registry, before,
        "a refused point leaves the alias where it was"
    );
    assert_eq!(
        registry.point("latest", "stable"),
        Err(TagError::UnknownTag("stable".to_string())),
        "an alias points at a release tag, not at another alias"
    );
}

#[test]
fn only_declared_aliases_can_be_pointed() {
    let mut registry = with_two_releases();
    let before = registry.clone();
    assert_eq!(
        registry.point("1.4.2", "1.5.0"),
        Err(TagError::UnknownAlias("1.4.2".to_string())),
        "1.4.2 is a release tag, not an alias: pointing it elsewhere would move a tag"
    );
    assert_eq!(
        registry.point("prod", "9.9.9"),
        Err(TagError::UnknownAlias("prod".to_string())),
        "the alias is checked first: with both names unknown, the alias is reported"
    );
    assert_eq!(registry, before, "refused points change nothing");
    assert_eq!(
        registry.resolve("1.4.2"),
        Some(AA),
        "1.4.2 still names its own digest"
    );
}

#[test]
fn a_refused_point_says_which_name_is_unknown() {
    let message = TagError::UnknownTag("2.0.0".to_string()).to_string();
    assert!(message.contains("2.0.0"), "name the tag: {message:?}");
    let message = TagError::UnknownAlias("prod".to_string()).to_string();
    assert!(message.contains("prod"), "name the alias: {message:?}");
}

//! # immutable_tags: a registry where a release tag, once pushed, never moves
//!
//! A registry stores artifacts by digest and lets people find them by *tag*: `web:1.4.2`. If a
//! tag can be pushed again with other bytes, "1.4.2" means one thing on Monday and another on
//! Tuesday: a rollback to 1.4.2 may not bring back what ran before, and two hosts that pulled
//! 1.4.2 an hour apart may run different code. OCI registries allow that by default (a push
//! simply overwrites the tag); Amazon ECR ("tag immutability") and Harbor ("immutable tag
//! rules") can refuse it. This registry refuses it always.
//!
//! Some names are meant to move: `latest`, `stable`. Here they are *aliases*, declared up
//! front, and they move only when someone points them at a release tag on purpose. Pushing a
//! new release never moves them behind anyone's back.
//!
//! ## Task 1: Push a tag once, and the same digest again idempotently
//!
//! [`Registry::push`] of a `tag` with a `digest`:
//! - a new tag is recorded: [`Pushed::Created`];
//! - the same tag with the digest it already has changes nothing: [`Pushed::AlreadyThere`]
//!   (a retried CI job must not fail);
//! - the same tag with another digest is refused and the tag keeps its digest:
//!   [`TagError::TagIsImmutable`];
//! - an alias name cannot be pushed as a tag: [`TagError::AliasNotPushable`];
//! - one digest may carry many tags.
//!
//! [`Registry::resolve`] gives the digest of a tag (and of an alias, see Task 2), or `None`.
//!
//! Example: push `1.4.2` → `sha256:aa`: `Created`; again: `AlreadyThere`; `1.4.2` → `sha256:bb`:
//! `Err(TagIsImmutable { tag: "1.4.2", current: "sha256:aa", refused: "sha256:bb" })`, and
//! `resolve("1.4.2")` is still `Some("sha256:aa")`.
//!
//! ## Task 2: Move an alias only through an explicit call
//!
//! [`Registry::point`] points an alias at a release tag and returns the tag it pointed at
//! before (`None` the first time):
//! - a name not declared as an alias: [`TagError::UnknownAlias`] (checked first);
//! - a tag that was never pushed (an alias is not a tag): [`TagError::UnknownTag`]; a refused
//!   call changes nothing;
//! - an alias resolves to the digest of the tag it points at; an alias never pointed anywhere
//!   resolves to `None`, and pushing tags never moves an alias.
//!
//! Example: with alias `stable`, push `1.4.2` and `1.5.0`; `resolve("stable")` is `None`;
//! `point("stable", "1.4.2")` is `Ok(None)`, then `resolve("stable")` is `1.4.2`'s digest, and
//! `point("stable", "1.5.0")` returns `Ok(Some("1.4.2"))`.
//!
//! ## Beyond this exercise
//!
//! Deployments should not trust tags at all: they pull by digest (`web@sha256:…`), which no
//! registry can repoint. Real registries also delete (garbage-collect untagged digests), sign
//! (cosign, Notary) and record who pushed what and when, for audit.

use std::collections::BTreeMap;
use std::fmt;

/// What a successful push did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pushed {
    /// The tag is new and now names the digest.
    Created,
    /// The tag already named this very digest: nothing changed.
    AlreadyThere,
}

/// Why the registry refused a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagError {
    /// The tag already names another digest, and tags never move.
    TagIsImmutable {
        /// The tag pushed.
        tag: String,
        /// The digest it names, and keeps.
        current: String,
        /// The digest that was refused.
        refused: String,
    },
    /// This name is an alias: it moves with [`Registry::point`], not by a push.
    AliasNotPushable(String),
    /// This name was not declared as an alias.
    UnknownAlias(String),
    /// No tag of this name was ever pushed.
    UnknownTag(String),
}

impl fmt::Display for TagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TagError::TagIsImmutable {
                tag,
                current,
                refused,
            } => write!(
                f,
                "tag {tag} is {current}; refusing to move it to {refused}"
            ),
            TagError::AliasNotPushable(name) => write!(f, "{name} is an alias, not a tag"),
            TagError::UnknownAlias(name) => write!(f, "{name} is not an alias"),
            TagError::UnknownTag(tag) => write!(f, "no tag {tag} was pushed"),
        }
    }
}

impl std::error::Error for TagError {}

/// Release tags (each naming one digest forever) and aliases (each naming a tag, or nothing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registry {
    /// Tag → digest.
    tags: BTreeMap<String, String>,
    /// Alias → the tag it points at, if any.
    aliases: BTreeMap<String, Option<String>>,
}

impl Registry {
    /// An empty registry with the given alias names, none of them pointing anywhere yet.
    pub fn new(aliases: &[&str]) -> Self {
        Self {
            tags: BTreeMap::new(),
            aliases: aliases.iter().map(|a| (a.to_string(), None)).collect(),
        }
    }

    /// Pushes `digest` under `tag` (Task 1).
    pub fn push(&mut self, tag: &str, digest: &str) -> Result<Pushed, TagError> {
        // TODO: refuse aliases; a known tag is either the same digest or a refusal.
        todo!()
    }

    /// Points `alias` at the pushed tag `tag`; returns the tag it pointed at before (Task 2).
    pub fn point(&mut self, alias: &str, tag: &str) -> Result<Option<String>, TagError> {
        // TODO: check both names first, then move the alias.
        todo!()
    }

    /// The digest `name` stands for: a tag's own, or that of the tag an alias points at.
    pub fn resolve(&self, name: &str) -> Option<&str> {
        // TODO: tags first; an alias goes through its tag.
        todo!()
    }
}

//! An exercise's Cargo.toml: exercises are compiled by rustc alone, so a manifest may not ask for
//! what only cargo would provide (dependencies, a build script).

use anyhow::Result;
use serde::Deserialize;

use super::{Course, info::LocatedError};

#[derive(Deserialize)]
struct Manifest {
    package: Package,
    #[serde(default)]
    dependencies: toml::Table,
    #[serde(default, rename = "dev-dependencies")]
    dev_dependencies: toml::Table,
    #[serde(default, rename = "build-dependencies")]
    build_dependencies: toml::Table,
}

#[derive(Deserialize)]
struct Package {
    name: String,
    #[serde(default = "default_edition")]
    edition: String,
    build: Option<toml::Value>,
}

fn default_edition() -> String {
    "2015".into()
}

/// Checks an exercise manifest and returns its edition.
pub(super) fn check(course: &Course, path: &str, bytes: &[u8], name: &str) -> Result<String> {
    let file = course.describe(path);
    let source = String::from_utf8_lossy(bytes);
    let manifest: Manifest = toml::from_str(&source).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        LocatedError::new(
            &file,
            &source,
            at,
            e.message().trim().to_owned(),
            "fix the manifest",
        )
    })?;
    let fail = |message: String, help: &str| LocatedError::new(&file, &source, 0, message, help);
    if manifest.package.name != name {
        return Err(fail(
            format!(
                "the package is called `{}`, but info.toml calls the exercise `{name}`",
                manifest.package.name
            ),
            "use the same name in both places",
        )
        .into());
    }
    let deps = !manifest.dependencies.is_empty()
        || !manifest.dev_dependencies.is_empty()
        || !manifest.build_dependencies.is_empty();
    if deps
        || manifest.package.build.is_some()
        || course
            .file(&format!(
                "{}/build.rs",
                path.trim_end_matches("/Cargo.toml")
            ))
            .is_some()
    {
        return Err(fail(
            "exercises may not have dependencies or a build script".into(),
            "exercises use std only: opslings compiles them with rustc directly, which keeps a \
             check fast and a grade safe",
        )
        .into());
    }
    Ok(manifest.package.edition)
}

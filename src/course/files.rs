/*!
The files of an exercise set: info.toml, the original exercises, their solutions and hidden tests.

It comes either from the copy built into the binary (what students and graders use, so that no
file on disk can change a verdict) or from a folder laid out like this repository (what an
instructor uses while writing exercises, and what the fixture tests use).
*/

use std::{
    borrow::Cow,
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

use anyhow::{Context, Result};

use super::{paths, walk};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/course.rs"));
}

/// The files of an exercise set, by path relative to its root (always with `/`).
pub struct Course {
    files: BTreeMap<String, Cow<'static, [u8]>>,
    origin: Origin,
}

/// Where a course's files were read from, for messages.
#[derive(Clone, Debug)]
enum Origin {
    Embedded,
    Dir(PathBuf),
}

impl Course {
    /// The exercise set built into this binary.
    pub fn embedded() -> Self {
        let files = embedded::FILES
            .iter()
            .map(|&(path, bytes)| (path.to_owned(), Cow::Borrowed(bytes)))
            .collect();
        Self {
            files,
            origin: Origin::Embedded,
        }
    }

    /// The exercise set in `dir` (a folder with info.toml, exercises/, solutions/, tests/hidden/).
    pub fn from_dir(dir: &Path) -> Result<Self> {
        let info = dir.join(paths::INFO);
        if !info.is_file() {
            anyhow::bail!(
                "{} is missing: an exercise set needs an info.toml at its root",
                info.display()
            );
        }
        let mut found = vec![info];
        for root in paths::COURSE_ROOTS {
            let below = dir.join(root);
            walk::course_files(&below, &mut found)
                .with_context(|| format!("Failed to list the files below {}", below.display()))?;
        }
        let mut files = BTreeMap::new();
        for path in found {
            let bytes =
                fs::read(&path).with_context(|| format!("Failed to read {}", path.display()))?;
            let rel = path.strip_prefix(dir).expect("found below the root");
            files.insert(rel.to_string_lossy().replace('\\', "/"), Cow::Owned(bytes));
        }
        Ok(Self {
            files,
            origin: Origin::Dir(dir.to_owned()),
        })
    }

    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|b| b.as_ref())
    }

    /// The files whose path starts with `prefix/`, with paths relative to that prefix.
    pub fn files_under(&self, prefix: &str) -> Vec<(&str, &[u8])> {
        let prefix = format!("{}/", prefix.trim_end_matches('/'));
        self.files
            .range(prefix.clone()..)
            .take_while(|(path, _)| path.starts_with(&prefix))
            .map(|(path, bytes)| (&path[prefix.len()..], bytes.as_ref()))
            .collect()
    }

    /// Every path in the course.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// How to name a course file in a message: a path on disk, or a note that it is built in.
    pub fn describe(&self, path: &str) -> String {
        match &self.origin {
            Origin::Embedded => path.to_owned(),
            Origin::Dir(dir) => dir.join(path).display().to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_under_strips_the_prefix_and_stops_at_its_end() {
        let mut files = BTreeMap::new();
        for path in ["a/b/x.rs", "a/b/y/z.rs", "a/bc/w.rs", "a/c.rs"] {
            files.insert(path.to_owned(), Cow::Borrowed(&b""[..]));
        }
        let course = Course {
            files,
            origin: Origin::Embedded,
        };
        let under: Vec<_> = course
            .files_under("a/b")
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(under, ["x.rs", "y/z.rs"]);
    }

    #[test]
    fn the_embedded_course_has_an_info_file() {
        assert!(Course::embedded().file("info.toml").is_some());
    }
}

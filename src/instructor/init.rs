/*!
`opslings init DIR`: a fresh student workbook, for an instructor to publish as an assignment
template. It holds the original exercises, info.toml and the topic pages, a workspace manifest
so that editors see every crate, and a short README; no solutions and no hidden tests, which
stay inside opslings.
*/

use std::{
    fs::{self, OpenOptions},
    io::Write,
    path::Path,
};

use anyhow::{Context, Result, bail};

use crate::course::{ExerciseSet, paths};

/// Writes the workbook into `dir`, which must be empty or not exist yet; returns how many
/// files were written.
pub(super) fn init(set: &ExerciseSet, dir: &Path) -> Result<usize> {
    if dir.exists() {
        let mut entries = fs::read_dir(dir)
            .with_context(|| format!("Failed to read {}: is it a folder?", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "{} is not empty: opslings init writes a workbook only into a new or empty \
                 folder, so that it never overwrites anything",
                dir.display()
            );
        }
    }
    fs::create_dir_all(dir).with_context(|| format!("Failed to create {}", dir.display()))?;
    let files = workbook_files(set);
    for (path, bytes) in &files {
        let dest = dir.join(path);
        let parent = dest.parent().expect("a file has a folder");
        fs::create_dir_all(parent)
            .with_context(|| format!("Failed to create {}", parent.display()))?;
        // `create_new`: even a file that appeared since the check above is never overwritten.
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&dest)
            .and_then(|mut file| file.write_all(bytes))
            .with_context(|| format!("Failed to write {}", dest.display()))?;
    }
    Ok(files.len())
}

/// Every file of a fresh workbook, by its path in it.
fn workbook_files(set: &ExerciseSet) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let info = set.course.file(paths::INFO).unwrap_or_default();
    files.push((paths::INFO.into(), info.to_vec()));
    for topic in set.topics() {
        if let Some(page) = set.topic_readme(topic) {
            files.push((paths::topic_page(topic), page.into()));
        }
    }
    for exercise in &set.exercises {
        for (path, bytes) in set.originals(exercise) {
            files.push((format!("{}/{path}", exercise.dir()), bytes.to_vec()));
        }
    }
    let members: String = set
        .exercises
        .iter()
        .map(|e| format!("    \"{}\",\n", e.dir()))
        .collect();
    files.push((
        "Cargo.toml".into(),
        format!("{MANIFEST}members = [\n{members}]\n").into(),
    ));
    files.push((".gitignore".into(), "/target\n/.opslings\n".into()));
    let readme = README
        .replace("{exercises}", &set.exercises.len().to_string())
        .replace("{topics}", &set.topics().len().to_string())
        .replace("{first}", &set.exercises[0].main_file());
    files.push(("README.md".into(), readme.into()));
    files
}

const MANIFEST: &str = "\
# Every exercise is a crate of this workspace, so that editors (rust-analyzer) know them all.
# opslings itself compiles each exercise with rustc and does not read this file.
[workspace]
resolver = \"2\"
";

const README: &str = "\
# Operations and reliability exercises

{exercises} small Rust exercises in {topics} topics: retries, circuit breakers, backups and
restores, replication, recovery objectives, fault domains. Each exercise is a crate under
`exercises/<topic>/<name>/` that you finish; opslings checks it against hidden tests and moves
you on when they pass.

## Getting started

You need a Rust toolchain (<https://rustup.rs>) and `opslings`, installed the way your
instructor says (for example `cargo install --git <the opslings repository> opslings`).
Then, in this folder:

```sh
opslings            # the exercise you are on, re-checked every time you save
```

Start with `{first}`: read its opening comment, then replace each `// TODO` and `todo!()`.
Keep the public names and signatures: the hidden tests use them.

| command | what it does |
|---|---|
| `opslings run [NAME]` | check an exercise once and show the verdict |
| `opslings hint [NAME]` | the next hint |
| `opslings list` | every exercise with its status |
| `opslings explain [TOPIC]` | the topic's page (also in `exercises/<topic>/README.md`) |
| `opslings reset NAME` | restore the original exercise; your version is saved first |

Your progress is kept in `.opslings/`. Commit and push your work as your instructor asks: only
the files under `exercises/*/*/src/` are graded.
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_non_empty_folder_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("notes.txt"), "mine").unwrap();
        let set = ExerciseSet::load(crate::course::Course::embedded()).unwrap();
        let err = init(&set, dir.path()).unwrap_err().to_string();
        assert!(err.contains("is not empty"), "{err}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

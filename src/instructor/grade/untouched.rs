/*!
Exercises a student never touched: when the sources taken from a workbook are byte for byte the
course's own, the verdict is the untouched exercise's, checked once per run (or taken from the
verdict cache) in a workbook-shaped folder of its own, so that it reads exactly as a check of the
student's copy would.
*/

use std::{
    collections::BTreeMap,
    fs, io,
    path::{Path, PathBuf},
    sync::OnceLock,
};

use super::Outcome;
use crate::{
    check::{self, SandboxMode, cache::Cache},
    course::{Exercise, ExerciseSet},
};

/// The untouched verdict of each exercise, found when first needed.
pub(super) struct Untouched {
    /// A workbook-shaped folder holding the original sources.
    root: PathBuf,
    outcomes: Vec<OnceLock<Outcome>>,
}

impl Untouched {
    pub(super) fn new(exercises: usize, root: PathBuf) -> Self {
        Self {
            root,
            outcomes: (0..exercises).map(|_| OnceLock::new()).collect(),
        }
    }

    /// The untouched exercise's outcome; concurrent askers wait for the one check.
    pub(super) fn outcome(
        &self,
        set: &ExerciseSet,
        index: usize,
        sandbox: SandboxMode,
        cache: Option<&Cache>,
    ) -> Outcome {
        let exercise = &set.exercises[index];
        self.outcomes[index]
            .get_or_init(|| match self.check(set, exercise, sandbox, cache) {
                Ok(report) => Outcome::Checked(report),
                Err(e) => Outcome::Failed(format!("{e:#}")),
            })
            .clone()
    }

    fn check(
        &self,
        set: &ExerciseSet,
        exercise: &Exercise,
        sandbox: SandboxMode,
        cache: Option<&Cache>,
    ) -> anyhow::Result<check::CheckReport> {
        let src = PathBuf::from(exercise.dir()).join("src");
        for (path, bytes) in sources(set, exercise) {
            let dest = self.root.join(&src).join(path);
            fs::create_dir_all(dest.parent().expect("a file has a folder"))?;
            fs::write(&dest, bytes)?;
        }
        let build = PathBuf::from("target").join(exercise.name());
        let mut job = exercise.job(&self.root, src, build, false);
        job.sandbox = sandbox;
        job.cache = cache;
        check::check_to_end(&job)
    }
}

/// The course's sources of `exercise` as grading takes them from a workbook: the `.rs` files
/// below `src/`, by their paths below it.
fn sources<'a>(set: &'a ExerciseSet, exercise: &Exercise) -> BTreeMap<&'a str, &'a [u8]> {
    set.originals(exercise)
        .into_iter()
        .filter_map(|(path, bytes)| Some((path.strip_prefix("src/")?, bytes)))
        .filter(|(path, _)| path.ends_with(".rs"))
        .collect()
}

/// Whether the sources copied to `copied` (an exercise's `src/` in the build tree) are the
/// course's own, file for file and byte for byte.
pub(super) fn is_untouched(set: &ExerciseSet, exercise: &Exercise, copied: &Path) -> bool {
    let mut found = BTreeMap::new();
    if collect(copied, "", &mut found).is_err() {
        return false;
    }
    let originals = sources(set, exercise);
    found.len() == originals.len()
        && found
            .iter()
            .all(|(path, bytes)| originals.get(path.as_str()) == Some(&bytes.as_slice()))
}

/// The files below `dir`, by their paths below it.
fn collect(dir: &Path, prefix: &str, into: &mut BTreeMap<String, Vec<u8>>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.file_type()?.is_dir() {
            collect(&entry.path(), &format!("{name}/"), into)?;
        } else {
            into.insert(name, fs::read(entry.path())?);
        }
    }
    Ok(())
}

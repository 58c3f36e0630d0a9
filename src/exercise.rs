/*!
The exercise set: info.toml joined with the files of each exercise, checked against each other.
*/

use anyhow::{Result, bail};
use serde::Deserialize;

use crate::{
    check::harness::HiddenTests,
    course::Course,
    info::{ExerciseInfo, Info, LocatedError},
};

/// An exercise with everything the runner needs to check, reset and explain it.
#[derive(Debug)]
pub struct Exercise {
    pub info: ExerciseInfo,
    /// The Rust edition of the crate, from its manifest.
    pub edition: String,
    /// The hidden tests, ready to compile.
    pub hidden: HiddenTests,
}

impl Exercise {
    pub fn name(&self) -> &str {
        &self.info.name
    }

    /// The crate's folder, relative to the workbook root: `exercises/<topic>/<name>`.
    pub fn dir(&self) -> String {
        format!("exercises/{}/{}", self.info.topic, self.info.name)
    }

    /// The file a student edits first.
    pub fn main_file(&self) -> String {
        format!("{}/src/lib.rs", self.dir())
    }

    pub fn solution_dir(&self) -> String {
        format!("solutions/{}/{}", self.info.topic, self.info.name)
    }

    pub fn hidden_path(&self) -> String {
        format!("tests/hidden/{}.rs", self.info.name)
    }
}

/// The whole set, in order.
pub struct ExerciseSet {
    pub course: Course,
    pub welcome_message: String,
    pub final_message: String,
    pub exercises: Vec<Exercise>,
}

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

impl ExerciseSet {
    /// Reads info.toml and every exercise's files, and checks that they agree.
    pub fn load(course: Course) -> Result<Self> {
        let info_name = course.describe("info.toml");
        let Some(bytes) = course.file("info.toml") else {
            bail!("{info_name} is missing: an exercise set needs an info.toml at its root");
        };
        let Ok(source) = std::str::from_utf8(bytes) else {
            bail!("{info_name} is not UTF-8 text: save it as UTF-8 and try again");
        };
        let info = Info::parse(&info_name, source)?;
        let mut exercises = Vec::with_capacity(info.exercises.len());
        for entry in info.exercises {
            let located = |message: String, help: &str| {
                LocatedError::new(&info_name, source, entry.span.start, message, help)
            };
            let name = &entry.name;
            let dir = format!("exercises/{}/{name}", entry.topic);
            let manifest_path = format!("{dir}/Cargo.toml");
            let Some(manifest) = course.file(&manifest_path) else {
                return Err(located(
                    format!("exercise `{name}` has no crate at {dir} (no Cargo.toml there)"),
                    "create the crate there, or correct this entry's `name` or `topic`",
                )
                .into());
            };
            if course.file(&format!("{dir}/src/lib.rs")).is_none() {
                return Err(located(
                    format!("exercise `{name}` has no {dir}/src/lib.rs"),
                    "every exercise is a library crate: write its starting code in src/lib.rs",
                )
                .into());
            }
            let edition = check_manifest(&course, &manifest_path, manifest, name)?;
            if course
                .files_under(&format!("solutions/{}/{name}", entry.topic))
                .is_empty()
            {
                return Err(located(
                    format!(
                        "exercise `{name}` has no solution in solutions/{}/{name}/",
                        entry.topic
                    ),
                    "add the files a solution changes there, at the same paths as in the exercise",
                )
                .into());
            }
            if course
                .file(&format!("exercises/{}/README.md", entry.topic))
                .is_none()
            {
                return Err(located(
                    format!(
                        "topic `{}` has no exercises/{}/README.md",
                        entry.topic, entry.topic
                    ),
                    "write a page that explains the topic there; `opslings explain` shows it",
                )
                .into());
            }
            let hidden_path = format!("tests/hidden/{name}.rs");
            let Some(hidden) = course.file(&hidden_path) else {
                return Err(located(
                    format!("exercise `{name}` has no hidden tests at {hidden_path}"),
                    "write its tests there; they use the crate's public API",
                )
                .into());
            };
            let hidden_name = course.describe(&hidden_path);
            let hidden_source = String::from_utf8_lossy(hidden);
            let hidden = HiddenTests::parse(&hidden_source).map_err(|e| LocatedError {
                file: hidden_name,
                line: e.line,
                column: 1,
                message: e.message,
                help: "see the README, \"Adding an exercise\", for the form hidden tests take"
                    .into(),
            })?;
            exercises.push(Exercise {
                info: entry,
                edition,
                hidden,
            });
        }
        Ok(Self {
            course,
            welcome_message: info.welcome_message,
            final_message: info.final_message,
            exercises,
        })
    }

    pub fn get(&self, name: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.name() == name)
    }

    pub fn position(&self, name: &str) -> Option<usize> {
        self.exercises.iter().position(|e| e.name() == name)
    }

    /// The exercise called `name`, or an error that lists close names.
    pub fn find(&self, name: &str) -> Result<&Exercise> {
        if let Some(exercise) = self.get(name) {
            return Ok(exercise);
        }
        let close: Vec<&str> = self
            .exercises
            .iter()
            .map(Exercise::name)
            .filter(|n| n.contains(name) || name.contains(n))
            .collect();
        if close.is_empty() {
            bail!("There is no exercise called `{name}`: `opslings list` shows them all");
        }
        bail!(
            "There is no exercise called `{name}`; did you mean {}?",
            close
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        )
    }

    /// The original files of an exercise's crate, relative to its folder.
    pub fn originals(&self, exercise: &Exercise) -> Vec<(&str, &[u8])> {
        self.course.files_under(&exercise.dir())
    }

    /// The files a solution changes, relative to the crate's folder.
    pub fn solution(&self, exercise: &Exercise) -> Vec<(&str, &[u8])> {
        self.course.files_under(&exercise.solution_dir())
    }

    /// A topic's page.
    pub fn topic_readme(&self, topic: &str) -> Option<&str> {
        let bytes = self.course.file(&format!("exercises/{topic}/README.md"))?;
        std::str::from_utf8(bytes).ok()
    }

    /// Topic folders in the order their first exercise appears.
    pub fn topics(&self) -> Vec<&str> {
        let mut topics: Vec<&str> = Vec::new();
        for exercise in &self.exercises {
            if !topics.contains(&exercise.info.topic.as_str()) {
                topics.push(&exercise.info.topic);
            }
        }
        topics
    }
}

/// Checks an exercise manifest and returns its edition. Exercises are compiled by rustc alone,
/// so a manifest may not ask for what only cargo would provide.
fn check_manifest(course: &Course, path: &str, bytes: &[u8], name: &str) -> Result<String> {
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

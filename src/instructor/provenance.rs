/*!
What graded a report: the opslings version, the course (a digest of its info.toml, and the git
commit of the built-in course), the toolchain, the CI run, and when. `merge` compares these to
refuse partitions of different runs, and a gradebook kept for a term can say what produced it.
*/

use std::{process::Command, time::Instant};

use serde::{Deserialize, Serialize};
use time::{OffsetDateTime, format_description::well_known::Rfc3339};

use super::partition::fnv1a64;
use crate::course::ExerciseSet;

/// The course a report was graded against.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct CourseId {
    /// `fnv1a64:` and 16 hex digits of info.toml's bytes.
    pub info_digest: String,
    /// The commit of the course built into opslings, when it was built from a git checkout.
    pub commit: Option<String>,
}

/// What graded a report, and when.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(super) struct Provenance {
    pub opslings_version: String,
    pub course: CourseId,
    /// `rustc -V` of the compiler the checks used, when it answered.
    pub toolchain: Option<String>,
    /// The CI run (`--run`), when known.
    pub run: Option<String>,
    /// RFC 3339, UTC.
    pub started_at: String,
    pub seconds: f64,
}

/// A run's provenance while it runs.
pub(super) struct Started {
    provenance: Provenance,
    clock: Instant,
}

impl Started {
    /// Now, for `set`; `built_in` says whether it is the course built into opslings.
    pub(super) fn now(set: &ExerciseSet, built_in: bool, run: Option<String>) -> Self {
        let info = set
            .course
            .file(crate::course::paths::INFO)
            .unwrap_or_default();
        // Whole seconds: what a person reads, and all that comparing runs needs.
        let now = OffsetDateTime::now_utc();
        let started_at = now
            .replace_nanosecond(0)
            .unwrap_or(now)
            .format(&Rfc3339)
            .unwrap_or_default();
        Self {
            provenance: Provenance {
                opslings_version: env!("CARGO_PKG_VERSION").to_owned(),
                course: CourseId {
                    info_digest: digest(info),
                    commit: built_in
                        .then(|| option_env!("OPSLINGS_COMMIT").map(str::to_owned))
                        .flatten(),
                },
                toolchain: toolchain(),
                run,
                started_at,
                seconds: 0.0,
            },
            clock: Instant::now(),
        }
    }

    /// The provenance with the time the run took.
    pub(super) fn finish(self) -> Provenance {
        Provenance {
            seconds: self.clock.elapsed().as_secs_f64(),
            ..self.provenance
        }
    }
}

pub(super) fn digest(bytes: &[u8]) -> String {
    format!("fnv1a64:{:016x}", fnv1a64(bytes))
}

/// The CI run this process belongs to, from the variables GitHub Actions and GitLab set. Not
/// the attempt: a partition re-run after a failure belongs to the same run as the others.
pub(super) fn ci_run() -> Option<String> {
    let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
    var("GITHUB_RUN_ID").or_else(|| var("CI_PIPELINE_ID"))
}

fn toolchain() -> Option<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc).arg("-V").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// A start time read back from a report, for `merge`.
pub(super) fn parse_time(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_is_stable_and_names_its_hash() {
        assert_eq!(digest(b""), "fnv1a64:cbf29ce484222325");
        assert_ne!(digest(b"[[exercises]]"), digest(b"[[exercises]] "));
    }
}

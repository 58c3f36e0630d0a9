/*!
`opslings merge`: the JSON reports of the partitions of one grading run, made one report.

A CI matrix grades its share of the workbooks on each machine; merging them is where a mistake
would silently cost a student their grade, so anything that does not add up is refused with the
files it is about: a file that is not a grade report, reports of different courses, opslings
versions, toolchains or runs, a missing or repeated partition, and a workbook graded twice.
*/

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use super::{
    provenance::parse_time,
    report::doc::{FORMAT_VERSION, GradeDoc, PartitionDoc},
};

/// One report and where it came from.
struct Part {
    path: PathBuf,
    doc: GradeDoc,
}

fn read(path: &Path) -> Result<Part> {
    let name = path.display();
    let text = std::fs::read_to_string(path).with_context(|| format!("Failed to read {name}"))?;
    let not_a_report = |why: String| {
        anyhow::anyhow!(
            "{name} is not a grade report ({why}): give the files that \
             `opslings grade --format json --output FILE` wrote"
        )
    };
    let value: Value =
        serde_json::from_str(&text).map_err(|e| not_a_report(format!("not JSON: {e}")))?;
    if value.get("command").and_then(Value::as_str) != Some("grade") {
        return Err(not_a_report("its `command` is not \"grade\"".into()));
    }
    let version = value.get("format_version").and_then(Value::as_u64);
    if version != Some(u64::from(FORMAT_VERSION)) {
        bail!(
            "{name} is in report format {}, and this opslings reads format {FORMAT_VERSION}: \
             merge it with the opslings that wrote it",
            version.map_or("(none)".into(), |v| v.to_string())
        );
    }
    let doc = serde_json::from_value(value).map_err(|e| not_a_report(e.to_string()))?;
    Ok(Part {
        path: path.to_owned(),
        doc,
    })
}

/// Fails unless `b` is of the same run as `a`.
fn same_run(a: &Part, b: &Part) -> Result<()> {
    let (x, y) = (&a.doc, &b.doc);
    let differ = |what: &str, one: String, other: String| -> Result<()> {
        bail!(
            "{} and {} are reports of different {what} ({one} and {other}): merge only the \
             partitions of one grading run",
            a.path.display(),
            b.path.display()
        )
    };
    if x.graded_by.course != y.graded_by.course || x.exercises != y.exercises {
        return differ(
            "courses",
            format!("info.toml {}", x.graded_by.course.info_digest),
            format!("info.toml {}", y.graded_by.course.info_digest),
        );
    }
    let fields = [
        (
            "opslings versions",
            &x.opslings_version,
            &y.opslings_version,
        ),
        ("runs", &show(&x.graded_by.run), &show(&y.graded_by.run)),
        (
            "toolchains",
            &show(&x.graded_by.toolchain),
            &show(&y.graded_by.toolchain),
        ),
    ];
    for (what, one, other) in fields {
        if one != other {
            return differ(what, one.clone(), other.clone());
        }
    }
    let (p, q) = (&x.partition, &y.partition);
    if (p.count, &p.scheme) != (q.count, &q.scheme) {
        return differ(
            "partitionings",
            format!("{}:K/{}", p.scheme, p.count),
            format!("{}:K/{}", q.scheme, q.count),
        );
    }
    Ok(())
}

fn show(value: &Option<String>) -> String {
    value.as_deref().map_or("none".into(), |v| format!("`{v}`"))
}

/// Fails unless the parts are partitions 1 to N, each once.
fn complete(parts: &[Part]) -> Result<()> {
    let count = parts[0].doc.partition.count;
    // The count comes from a file: a damaged one must not size anything.
    const MAX_PARTITIONS: usize = 100_000;
    if count > MAX_PARTITIONS {
        bail!(
            "{} claims to be one of {count} partitions: a report of `opslings grade \
             --partition K/N` has N at most {MAX_PARTITIONS}; is the file damaged?",
            parts[0].path.display()
        );
    }
    let mut seen: Vec<Option<&Path>> = vec![None; count];
    for part in parts {
        let index = part.doc.partition.index;
        let Some(slot) = seen.get_mut(index.wrapping_sub(1)) else {
            bail!(
                "{} claims partition {index} of {count}",
                part.path.display()
            );
        };
        if let Some(other) = slot {
            bail!(
                "{} and {} are both partition {index} of {count}: give each partition's report once",
                other.display(),
                part.path.display()
            );
        }
        *slot = Some(&part.path);
    }
    let missing: Vec<String> = (1..=count)
        .filter(|i| seen[i - 1].is_none())
        .map(|i| i.to_string())
        .collect();
    if !missing.is_empty() {
        bail!(
            "Partition {} of {count} is missing: the files given hold {}. Give the report of \
             every partition of the run",
            missing.join(", "),
            seen.iter()
                .enumerate()
                .filter_map(|(i, p)| p.map(|p| format!("{} ({})", i + 1, p.display())))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(())
}

/// Reads `files` and makes them one report, its workbooks sorted by path.
pub(super) fn merge(files: &[PathBuf]) -> Result<GradeDoc> {
    let parts = files.iter().map(|f| read(f)).collect::<Result<Vec<_>>>()?;
    let first = &parts[0];
    for part in &parts[1..] {
        same_run(first, part)?;
    }
    complete(&parts)?;
    let mut workbooks: Vec<(&Path, _)> = Vec::new();
    for part in &parts {
        workbooks.extend(
            part.doc
                .workbooks
                .iter()
                .map(|w| (part.path.as_path(), w.clone())),
        );
    }
    workbooks.sort_by(|a, b| a.1.path.cmp(&b.1.path));
    for pair in workbooks.windows(2) {
        if pair[0].1.path == pair[1].1.path {
            bail!(
                "{} was graded twice, in {} and in {}: grade with --partition hash:K/N, which \
                 gives each workbook one partition whatever the lists of the jobs",
                pair[0].1.path,
                pair[0].0.display(),
                pair[1].0.display()
            );
        }
    }
    if workbooks.is_empty() {
        bail!(
            "No workbook was graded in any of the {} reports: check that the grading jobs fetched the \
             students' repositories",
            files.len()
        );
    }
    let mut doc = first.doc.clone();
    doc.graded_by = span(&parts);
    doc.partition = PartitionDoc {
        index: 1,
        count: 1,
        scheme: doc.partition.scheme.clone(),
    };
    doc.workbooks = workbooks.into_iter().map(|(_, w)| w).collect();
    doc.passed = doc.ok();
    Ok(doc)
}

/// The first part's provenance, from the earliest start to the latest end of all.
fn span(parts: &[Part]) -> super::provenance::Provenance {
    let times: Vec<_> = parts
        .iter()
        .filter_map(|p| {
            let start = parse_time(&p.doc.graded_by.started_at)?;
            let seconds = p.doc.graded_by.seconds;
            // A damaged file's duration must not overflow the clock.
            let seconds = if seconds.is_finite() && (0.0..1e9).contains(&seconds) {
                seconds
            } else {
                0.0
            };
            let end = start.checked_add(time::Duration::seconds_f64(seconds))?;
            Some((start, end))
        })
        .collect();
    let mut by = parts[0].doc.graded_by.clone();
    if let (Some(start), Some(end)) = (
        times.iter().map(|t| t.0).min(),
        times.iter().map(|t| t.1).max(),
    ) {
        let earliest = parts
            .iter()
            .find(|p| parse_time(&p.doc.graded_by.started_at) == Some(start));
        if let Some(p) = earliest {
            by.started_at.clone_from(&p.doc.graded_by.started_at);
        }
        by.seconds = (end - start).as_seconds_f64();
    }
    by
}

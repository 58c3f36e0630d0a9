use std::time::Duration;

use super::*;
use crate::check::{Verdict, harness::HiddenTests};

const TOOLCHAIN: &str = "rustc 1.95.0 (59807616e 2026-04-14)\nhost: x86_64-unknown-linux-gnu\n";

fn hidden(source: &str) -> HiddenTests {
    HiddenTests::parse(source).unwrap()
}

const TESTS: &str = "// Task 1\n#[test]\nfn adds() {\n    assert_eq!(demo::add(1, 2), 3);\n}\n";

/// A crate with two source files, in a folder of its own.
fn workbook() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("src/parts")).unwrap();
    fs::write(
        dir.path().join("src/lib.rs"),
        "pub fn add(a: u32, b: u32) -> u32 { a + b }\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("src/parts/more.rs"),
        "pub const MORE: u32 = 1;\n",
    )
    .unwrap();
    dir
}

fn job<'a>(root: &'a Path, hidden: &'a HiddenTests, time_limit: Duration) -> Job<'a> {
    Job {
        crate_name: "demo",
        edition: "2021",
        hidden,
        hidden_name: "tests/hidden/demo.rs",
        time_limit,
        root,
        src: "src".into(),
        build: "target/demo".into(),
        color: false,
        rename: Vec::new(),
        sandbox: crate::check::SandboxMode::BestEffort,
        resources: crate::check::Resources::COMPILE,
        cache: None,
    }
}

fn report(tests: usize) -> CheckReport {
    CheckReport {
        verdict: Verdict::Passed { tests },
        tests: Vec::new(),
        output: "printed".into(),
    }
}

#[test]
fn a_stored_verdict_comes_back_for_the_same_inputs_only() {
    let dir = workbook();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(cache_dir.path()).unwrap();
    let tests = hidden(TESTS);
    let second = Duration::from_secs(1);
    let key = Key::of(&job(dir.path(), &tests, second), TOOLCHAIN).unwrap();
    assert!(cache.get(&key).is_none());
    cache.put(&key, &report(1));
    let back = cache.get(&key).expect("a hit");
    assert_eq!(back.verdict, Verdict::Passed { tests: 1 });
    assert_eq!(back.output, "printed");
    assert_eq!(
        Key::of(&job(dir.path(), &tests, second), TOOLCHAIN),
        Some(key)
    );

    // Each input on its own makes another key, which misses.
    let misses = |other: Key| assert!(other != key && cache.get(&other).is_none());
    misses(Key::of(&job(dir.path(), &tests, second), "rustc 1.96.0\n").unwrap());
    misses(Key::of(&job(dir.path(), &tests, Duration::from_secs(2)), TOOLCHAIN).unwrap());
    let other_tests = hidden(&TESTS.replace("(1, 2), 3", "(2, 2), 4"));
    misses(Key::of(&job(dir.path(), &other_tests, second), TOOLCHAIN).unwrap());
    let mut colored = job(dir.path(), &tests, second);
    colored.color = true;
    misses(Key::of(&colored, TOOLCHAIN).unwrap());

    let more = dir.path().join("src/parts/more.rs");
    fs::write(&more, "pub const MORE: u32 = 2;\n").unwrap();
    misses(Key::of(&job(dir.path(), &tests, second), TOOLCHAIN).unwrap());
    fs::write(&more, "pub const MORE: u32 = 1;\n").unwrap();
    assert_eq!(
        Key::of(&job(dir.path(), &tests, second), TOOLCHAIN),
        Some(key)
    );
    // The same bytes under another name are other sources.
    fs::rename(&more, dir.path().join("src/parts/mor.rs")).unwrap();
    misses(Key::of(&job(dir.path(), &tests, second), TOOLCHAIN).unwrap());
}

#[test]
fn damaged_planted_and_misplaced_entries_are_not_trusted_and_are_rewritten() {
    let dir = workbook();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(cache_dir.path()).unwrap();
    let tests = hidden(TESTS);
    let key = Key::of(&job(dir.path(), &tests, Duration::from_secs(1)), TOOLCHAIN).unwrap();
    let other = Key::of(&job(dir.path(), &tests, Duration::from_secs(3)), TOOLCHAIN).unwrap();
    cache.put(&key, &report(1));
    let path = cache.entry_path(&key);
    let good = fs::read(&path).unwrap();

    // One byte of the verdict changed: 1 test passed becomes 7.
    let text = String::from_utf8(good.clone()).unwrap();
    let forged = text.replace("\"tests\":1", "\"tests\":7");
    assert_ne!(forged, text);
    fs::write(&path, forged).unwrap();
    assert!(cache.get(&key).is_none());

    // Cut short.
    fs::write(&path, &good[..good.len() / 2]).unwrap();
    assert!(cache.get(&key).is_none());

    // Planted: a well-formed entry for this key, made with another secret.
    let planter_dir = tempfile::tempdir().unwrap();
    let planter = Cache::open(planter_dir.path()).unwrap();
    planter.put(&key, &report(9));
    fs::copy(planter.entry_path(&key), &path).unwrap();
    assert!(cache.get(&key).is_none());

    // Sound, but another key's entry moved to this key's place.
    cache.put(&other, &report(5));
    fs::copy(cache.entry_path(&other), &path).unwrap();
    assert!(cache.get(&key).is_none());

    // The next check writes it over.
    cache.put(&key, &report(1));
    assert_eq!(
        cache.get(&key).unwrap().verdict,
        Verdict::Passed { tests: 1 }
    );
}

#[test]
fn the_secret_is_private_kept_and_replaced_when_unsound() {
    let cache_dir = tempfile::tempdir().unwrap();
    let dir = cache_dir.path().join("cache");
    let first = Cache::open(&dir).unwrap();
    let path = dir.join(SECRET);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
        assert_eq!(fs::metadata(&dir).unwrap().mode() & 0o777, 0o700);
        // Readable by others: no longer a secret.
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        let replaced = Cache::open(&dir).unwrap();
        assert_ne!(replaced.secret, first.secret);
        assert_eq!(fs::metadata(&path).unwrap().mode() & 0o777, 0o600);
    }
    let kept = Cache::open(&dir).unwrap();
    assert_eq!(Cache::open(&dir).unwrap().secret, kept.secret);
    fs::write(&path, b"short").unwrap();
    assert_ne!(Cache::open(&dir).unwrap().secret, kept.secret);
}

#[test]
fn time_outs_are_not_kept() {
    let dir = workbook();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::open(cache_dir.path()).unwrap();
    let tests = hidden(TESTS);
    let key = Key::of(&job(dir.path(), &tests, Duration::from_secs(1)), TOOLCHAIN).unwrap();
    let timed_out = CheckReport {
        verdict: Verdict::TimedOut {
            test: None,
            limit: Duration::from_secs(1),
            passed: 0,
            total: 1,
        },
        tests: Vec::new(),
        output: String::new(),
    };
    cache.put(&key, &timed_out);
    assert!(cache.get(&key).is_none());
}

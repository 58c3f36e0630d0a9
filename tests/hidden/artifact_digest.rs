use artifact_digest::{digest, digest_files, frame, BuildOutput, BuiltFile, DigestError, Fnv1a64};

/// The hash of `bytes` fed in one piece.
fn hash_of(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv1a64::new();
    hasher.update(bytes);
    hasher.finish()
}

/// The hash after framing the given files, in the given order.
fn framed(files: &[(&str, &[u8])]) -> u64 {
    let mut hasher = Fnv1a64::new();
    for (path, contents) in files {
        frame(&mut hasher, path, contents);
    }
    hasher.finish()
}

fn file(path: &str, contents: &[u8], modified_ms: u64) -> BuiltFile {
    BuiltFile {
        path: path.to_string(),
        contents: contents.to_vec(),
        modified_ms,
    }
}

/// The same two output files, built under `root` at `at_ms`.
fn build_of_app(root: &str, at_ms: u64) -> BuildOutput {
    BuildOutput {
        root: root.to_string(),
        files: vec![
            file(&format!("{root}/etc/app.toml"), b"port = 8080\n", at_ms - 5),
            file(&format!("{root}/bin/app"), b"\x7fELF", at_ms - 20),
        ],
        finished_ms: at_ms,
    }
}

// Task 1: Frame every file so that names and contents cannot run together
#[test]
fn framing_feeds_each_length_as_8_little_endian_bytes_before_its_part() {
    let expected = [
        1, 0, 0, 0, 0, 0, 0, 0, b'a', 2, 0, 0, 0, 0, 0, 0, 0, b'b', b'c',
    ];
    assert_eq!(
        framed(&[("a", b"bc")]),
        hash_of(&expected),
        "framing (\"a\", \"bc\") feeds the path length 1 as 8 little-endian bytes, `a`, the \
         contents length 2 likewise, then `bc`"
    );
    assert_eq!(
        framed(&[("", b"")]),
        hash_of(&[0; 16]),
        "an empty path and empty contents still feed their two lengths: 16 zero bytes"
    );
}

#[test]
fn lengths_above_255_use_more_than_one_byte() {
    let contents = vec![b'x'; 300];
    let mut expected = vec![3, 0, 0, 0, 0, 0, 0, 0];
    expected.extend_from_slice(b"big");
    expected.extend_from_slice(&[44, 1, 0, 0, 0, 0, 0, 0]);
    expected.extend_from_slice(&contents);
    assert_eq!(
        framed(&[("big", &contents)]),
        hash_of(&expected),
        "300 bytes of contents have the length 300 = 0x012c, fed as 44, 1, 0, 0, 0, 0, 0, 0: \
         a u64 in little-endian order, not a single byte"
    );
}

#[test]
fn framing_keeps_names_and_contents_from_running_together() {
    assert_ne!(
        framed(&[("ab", b"c")]),
        framed(&[("a", b"bc")]),
        "the file `ab` holding `c` and the file `a` holding `bc` both read `abc` unframed: the \
         lengths must tell them apart"
    );
    assert_ne!(
        framed(&[("a", b"b"), ("c", b"")]),
        framed(&[("a", b"bc")]),
        "two files must not be mistaken for one whose contents run on into the next file"
    );
}

// Task 2: Hash the files in path order, whatever order they come in
#[test]
fn no_files_give_the_hash_of_nothing() {
    assert_eq!(
        digest_files(&[]),
        Ok("fnv1a64:cbf29ce484222325".to_string()),
        "an empty artifact hashes nothing: the digest is `fnv1a64:` and the FNV-1a offset basis"
    );
}

#[test]
fn the_digest_is_fnv1a64_and_16_hex_digits_of_the_files_framed_in_path_order() {
    assert_eq!(
        digest_files(&[("a", b"1"), ("b", b"2")]),
        Ok("fnv1a64:4fa08d85903c5b2b".to_string()),
        "`a` holding `1` then `b` holding `2`, each framed, give this digest"
    );
    assert_eq!(
        digest_files(&[("a", b"bc")]),
        Ok(format!("fnv1a64:{:016x}", framed(&[("a", b"bc")]))),
        "one file's digest is the hash of that one file framed, in lowercase hex"
    );
}

#[test]
fn swapping_the_order_of_files_gives_the_same_digest() {
    let files: [(&str, &[u8]); 3] = [("bin/app", b"\x7fELF"), ("a", b"1"), ("etc/app.toml", b"")];
    let expected = digest_files(&files);
    for order in [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ] {
        let listed: Vec<(&str, &[u8])> = order.iter().map(|&i| files[i]).collect();
        assert_eq!(
            digest_files(&listed),
            expected,
            "a digest is of the set of files, not of the order they were listed in ({order:?})"
        );
    }
    assert_eq!(
        digest_files(&[("b", b"2"), ("a", b"1")]),
        Ok("fnv1a64:4fa08d85903c5b2b".to_string()),
        "listed `b` first, the files are still framed `a` first"
    );
}

#[test]
fn paths_are_ordered_by_their_bytes() {
    assert_eq!(
        digest_files(&[("a", b"2"), ("Z", b"1")]),
        Ok("fnv1a64:655065e3e546ad0b".to_string()),
        "in byte order `Z` (0x5a) comes before `a` (0x61): upper case sorts first"
    );
    assert_eq!(
        digest_files(&[("a/b", b"2"), ("a.txt", b"1")]),
        Ok("fnv1a64:4b48cb050a365147".to_string()),
        "in byte order `a.txt` comes before `a/b`, since `.` (0x2e) is below `/` (0x2f)"
    );
}

#[test]
fn the_hash_is_zero_padded_to_16_hex_digits() {
    assert_eq!(
        digest_files(&[("f", b"500")]),
        Ok("fnv1a64:0e3742ee6339d130".to_string()),
        "a hash below 2^60 keeps its leading zero: a digest always has 16 hex digits"
    );
}

#[test]
fn two_files_at_one_path_are_refused() {
    assert_eq!(
        digest_files(&[("a", b"1"), ("b", b"2"), ("a", b"1")]),
        Err(DigestError::DuplicatePath("a".to_string())),
        "two files at `a` cannot both be in the artifact, even when listed apart"
    );
    assert_eq!(
        digest_files(&[("bin/app", b"old"), ("bin/app", b"new")]),
        Err(DigestError::DuplicatePath("bin/app".to_string())),
        "which of two different `bin/app` files would be deployed? refuse instead of choosing"
    );
}

// Task 3: Leave the build's time and place out of the digest
#[test]
fn the_same_files_built_elsewhere_and_later_have_the_same_digest() {
    let first = digest(&build_of_app("/ci/job-17", 32_400_000));
    assert_eq!(
        first,
        Ok("fnv1a64:95e2485049ea1083".to_string()),
        "the digest of the build is that of `bin/app` and `etc/app.toml`, relative to the root"
    );
    assert_eq!(
        digest(&build_of_app("/ci/job-18", 36_000_000)),
        first,
        "a reproducible build: the same files under another root at another time are the same \
         artifact"
    );
    assert_eq!(
        digest(&build_of_app("/home/dev/src/app/target", 1_000)),
        first,
        "a build on a laptop with a longer root gives the same digest as the CI build"
    );
}

#[test]
fn a_file_outside_the_build_root_is_refused() {
    let mut build = build_of_app("/ci/job-17", 10_000);
    build.files.push(file("/ci/job-170/bin/app", b"other", 0));
    assert_eq!(
        digest(&build),
        Err(DigestError::OutsideRoot("/ci/job-170/bin/app".to_string())),
        "`/ci/job-170/bin/app` starts with `/ci/job-17` but is not under it: the root must be \
         followed by `/`"
    );
    let mut build = build_of_app("/ci/job-17", 10_000);
    build.files.push(file("/etc/passwd", b"root:x:0:0", 0));
    assert_eq!(
        digest(&build),
        Err(DigestError::OutsideRoot("/etc/passwd".to_string())),
        "a file from elsewhere on the build machine is not part of the artifact"
    );
}

#[test]
fn file_times_do_not_change_the_digest() {
    let mut touched = build_of_app("/ci/job-17", 10_000);
    for (i, f) in touched.files.iter_mut().enumerate() {
        f.modified_ms = 99_000 + i as u64;
    }
    assert_eq!(
        digest(&touched),
        digest(&build_of_app("/ci/job-17", 10_000)),
        "touching a file changes its time, not its content: the digest stays"
    );
}

#[test]
fn changing_one_byte_or_one_name_changes_the_digest() {
    let original = digest(&build_of_app("/ci/job-17", 10_000));
    let mut edited = build_of_app("/ci/job-17", 10_000);
    edited.files[0].contents = b"port = 8081\n".to_vec();
    assert_ne!(
        digest(&edited),
        original,
        "one byte of different content is a different artifact"
    );
    let mut renamed = build_of_app("/ci/job-17", 10_000);
    renamed.files[1].path = "/ci/job-17/bin/app2".to_string();
    assert_ne!(
        digest(&renamed),
        original,
        "the same bytes under another name are a different artifact"
    );
}

#[test]
fn the_build_digest_is_the_digest_of_its_relative_files() {
    let build = BuildOutput {
        root: "/b".to_string(),
        files: vec![
            file("/b/z", b"last", 1),
            file("/b/dir/a", b"first", 2),
            file("/b/z", b"again", 3),
        ],
        finished_ms: 4,
    };
    assert_eq!(
        digest(&build),
        Err(DigestError::DuplicatePath("z".to_string())),
        "duplicates are found among relative paths, and reported relative to the root"
    );
    let build = BuildOutput {
        files: build.files[..2].to_vec(),
        ..build
    };
    assert_eq!(
        digest(&build),
        digest_files(&[("z", b"last"), ("dir/a", b"first")]),
        "a build's digest is digest_files over its paths with `/b/` removed"
    );
}

#[test]
fn a_refusal_names_the_file_it_is_about() {
    let outside = DigestError::OutsideRoot("/etc/passwd".to_string()).to_string();
    assert!(
        outside.contains("/etc/passwd"),
        "the message of a refused file must name it, so the build can be fixed: {outside:?}"
    );
    let duplicate = DigestError::DuplicatePath("bin/app".to_string()).to_string();
    assert!(
        duplicate.contains("bin/app"),
        "the message of a duplicate must name the path: {duplicate:?}"
    );
}

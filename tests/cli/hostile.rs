//! Hostile students, graded through the real binary beside an honest one: each attack is a
//! crate put into a real exercise of a workbook, and each test checks that it gained nothing.
//! The attacks are bounded (a few seconds, a few hundred MiB) so that the machine survives a
//! sandbox that fails.

#![cfg(target_os = "linux")]

use std::{
    fs,
    io::ErrorKind,
    net::TcpListener,
    path::{Path, PathBuf},
    time::Duration,
};

use serde_json::Value;

use crate::{Workbook, fixture, output};

const ADDER: &str = "exercises/00_basics/adder/src/lib.rs";
const GREETER: &str = "exercises/00_basics/greeter/src/lib.rs";
/// Written into the course's solution and hidden tests: seen anywhere, an answer leaked.
const ANSWER: &str = "ANSWER-MARKER-5e1f";
/// Set in the grader's environment: seen anywhere, a secret leaked.
const CANARY: &str = "CANARY-SECRET-9d2c";

/// A class: a private copy of the fixture course (marked answers), a home, and workbooks.
struct Class {
    root: Workbook,
    course: PathBuf,
    home: PathBuf,
}

impl Class {
    fn new() -> Self {
        let root = Workbook::new();
        let course = root.path("course");
        opslings::workbook::copy_tree(&fixture(), &course).unwrap();
        for file in [
            "solutions/00_basics/adder/src/lib.rs",
            "tests/hidden/adder.rs",
        ] {
            let path = course.join(file);
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, format!("{text}// {ANSWER}\n")).unwrap();
        }
        let home = root.path("home");
        fs::create_dir_all(home.join(".ssh")).unwrap();
        fs::write(home.join(".ssh/id_ed25519"), CANARY).unwrap();
        Self { root, course, home }
    }

    /// A student's workbook with the fixture's exercises, `adder` replaced by `code`.
    fn student(&self, name: &str, code: &str) -> PathBuf {
        let dir = self.root.path(&format!("students/{name}"));
        opslings::workbook::copy_tree(&fixture().join("exercises"), &dir.join("exercises"))
            .unwrap();
        fs::copy(fixture().join("info.toml"), dir.join("info.toml")).unwrap();
        fs::write(dir.join(ADDER), code).unwrap();
        dir
    }

    /// An honest student who solved everything.
    fn honest(&self, name: &str) -> PathBuf {
        let dir = self.student(name, "pub fn add(a: i32, b: i32) -> i32 {\n    a + b\n}\n");
        let greeter = fs::read_to_string(fixture().join("solutions/00_basics/greeter/src/lib.rs"));
        fs::write(dir.join(GREETER), greeter.unwrap()).unwrap();
        dir
    }

    /// Grades `workbooks` as CI would, with a secret in the environment; (report, all output).
    fn grade(&self, workbooks: &[&Path]) -> (Value, String) {
        self.grade_with(workbooks, &[])
    }

    fn grade_with(&self, workbooks: &[&Path], env: &[(&str, &str)]) -> (Value, String) {
        let mut cmd = self
            .root
            .bare(&["grade", "--format", "json", "--jobs", "2"]);
        cmd.envs(env.iter().copied())
            .args(workbooks)
            .arg("--course")
            .arg(&self.course)
            .env("GITHUB_TOKEN", CANARY)
            .env("HOME", &self.home)
            .timeout(Duration::from_secs(300));
        let (code, out, err) = output(cmd);
        assert!(code == 0 || code == 1, "grade failed ({code}): {err}");
        let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
        (report, format!("{out}\n{err}"))
    }
}

/// The adder row of `workbook` in a grade report: (status, points, summary).
fn adder(report: &Value, workbook: &Path) -> (String, u64, String) {
    let row = report["workbooks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| Path::new(w["path"].as_str().unwrap()) == workbook)
        .unwrap_or_else(|| panic!("no row for {}", workbook.display()));
    let check = &row["exercises"][0]["check"];
    (
        check["status"].as_str().unwrap().to_owned(),
        row["exercises"][0]["points"].as_u64().unwrap(),
        format!("{} {}", check["summary"], check["details"]),
    )
}

fn points(report: &Value, workbook: &Path) -> u64 {
    report["workbooks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| Path::new(w["path"].as_str().unwrap()) == workbook)
        .map(|w| w["points"].as_u64().unwrap())
        .unwrap()
}

/// An `add` that runs `body` (which may `return` a text) and fails with what it found.
fn probe(body: &str) -> String {
    format!(
        "pub fn add(a: i32, b: i32) -> i32 {{\n    let found: String = (|| -> String {{ {body} }})();\n    \
         println!(\"found: {{found}}\");\n    panic!(\"found: {{found}}\");\n}}\n"
    )
}

#[test]
fn secrets_and_answers_stay_out_of_reach() {
    let class = Class::new();
    let honest = class.honest("honest");
    let course = class.course.display().to_string();
    let env = class.student(
        "env",
        &probe(
            "std::env::vars().map(|(k, v)| format!(\"{k}={v};\")).collect::<String>() \
             + option_env!(\"GITHUB_TOKEN\").unwrap_or(\"-\")",
        ),
    );
    let reads = class.student(
        "reads",
        &probe(&format!(
            "let mut found = String::new();\n    \
             for path in [\"{course}/solutions/00_basics/adder/src/lib.rs\", \
             \"{course}/tests/hidden/adder.rs\", \"{home}/.ssh/id_ed25519\", \
             \"/proc/1/environ\", \"/proc/self/mem\", \"../hidden.rs\"] {{\n        \
             match std::fs::read(path) {{ Ok(b) => found += &String::from_utf8_lossy(&b), Err(e) => found += &format!(\"{{e}};\") }}\n    \
             }}\n    \
             for entry in std::fs::read_dir(\"/proc\").into_iter().flatten().flatten() {{\n        \
             if let Ok(b) = std::fs::read(entry.path().join(\"environ\")) {{ found += &String::from_utf8_lossy(&b); }}\n        \
             if let Ok(b) = std::fs::read(entry.path().join(\"cwd/course/tests/hidden/adder.rs\")) {{ found += &String::from_utf8_lossy(&b); }}\n    \
             }}\n    \
             found",
            home = class.home.display()
        )),
    );
    let includes = class.student(
        "includes",
        &format!(
            "const A: &str = include_str!(\"{course}/solutions/00_basics/adder/src/lib.rs\");\n\
             pub fn add(_: i32, _: i32) -> i32 {{ panic!(\"{{A}}\") }}\n"
        ),
    );
    let (report, all) = class.grade(&[&honest, &env, &reads, &includes]);
    assert_eq!(points(&report, &honest), 2, "{all}");
    assert!(!all.contains(CANARY), "a secret leaked:\n{all}");
    assert!(!all.contains(ANSWER), "an answer leaked:\n{all}");
    for student in [&env, &reads, &includes] {
        assert_eq!(points(&report, student), 0, "{}", student.display());
    }
    // The probes did run, and saw only the sandbox's own environment.
    let (status, _, env_details) = adder(&report, &env);
    assert_eq!(status, "tests_failed", "{env_details}");
    assert!(env_details.contains("HOME="), "{env_details}");
    assert!(!env_details.contains("GITHUB"), "{env_details}");
    let (status, _, details) = adder(&report, &includes);
    assert_eq!(status, "compile_error", "{details}");
}

#[test]
fn writes_outside_the_check_change_nothing() {
    let class = Class::new();
    let honest = class.honest("honest");
    let course = class.course.display().to_string();
    let hidden_before = fs::read_to_string(class.course.join("tests/hidden/adder.rs")).unwrap();
    let targets = [
        format!("{}/{ADDER}", honest.display()),
        format!("{course}/tests/hidden/adder.rs"),
        format!("{course}/solutions/00_basics/greeter/src/lib.rs"),
        format!("{}/.bashrc", class.home.display()),
        "../../../../0/exercises/00_basics/adder/src/lib.rs".into(),
        "../../greeter/hidden.rs".into(),
    ];
    let writes: String = targets
        .iter()
        .map(|t| format!("found += &format!(\"{{:?}}\", std::fs::write(\"{t}\", \"broken\"));\n"))
        .collect();
    // FIFOs where other checks write, which would hang a grader that opened them.
    let fifos: String = ["../../greeter/hidden.rs", "../../../../0/target/adder/hidden.rs"]
        .iter()
        .map(|t| {
            format!("found += &format!(\"{{:?}}\", std::process::Command::new(\"mkfifo\").arg(\"{t}\").status());\n")
        })
        .collect();
    let writer = class.student(
        "writer",
        &probe(&format!(
            "let mut found = String::new();\n{writes}{fifos}found"
        )),
    );
    let (report, all) = class.grade(&[&honest, &writer]);
    assert_eq!(points(&report, &honest), 2, "{all}");
    assert_eq!(points(&report, &writer), 0, "{all}");
    assert_eq!(
        fs::read_to_string(class.course.join("tests/hidden/adder.rs")).unwrap(),
        hidden_before
    );
    assert!(
        !fs::read_to_string(honest.join(ADDER))
            .unwrap()
            .contains("broken")
    );
    assert!(!class.home.join(".bashrc").exists());
    let greeter = fs::read_to_string(class.course.join("solutions/00_basics/greeter/src/lib.rs"));
    assert!(!greeter.unwrap().contains("broken"));
}

#[test]
fn no_network_not_even_loopback() {
    let class = Class::new();
    let honest = class.honest("honest");
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    // A Unix socket on disk, as the Docker daemon's is: a way out of any sandbox it reaches.
    let socket = class.home.join("daemon.sock");
    let daemon = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    daemon.set_nonblocking(true).unwrap();
    let socket = socket.display();
    let caller = class.student(
        "caller",
        &probe(&format!(
            "use std::io::Write;\n    \
             let tcp = std::net::TcpStream::connect((\"127.0.0.1\", {port})).map(|mut s| s.write_all(b\"leak\"));\n    \
             let udp = std::net::UdpSocket::bind(\"0.0.0.0:0\").map(|s| s.send_to(b\"leak\", (\"127.0.0.1\", {port})));\n    \
             let unix = std::os::unix::net::UnixStream::connect(\"{socket}\").map(|mut s| s.write_all(b\"leak\"));\n    \
             format!(\"{{tcp:?}} {{udp:?}} {{unix:?}}\")"
        )),
    );
    let (report, all) = class.grade(&[&honest, &caller]);
    assert_eq!(points(&report, &honest), 2, "{all}");
    assert_eq!(points(&report, &caller), 0, "{all}");
    match listener.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        other => panic!("a connection arrived: {other:?}"),
    }
    match daemon.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        other => panic!("a connection to the Unix socket arrived: {other:?}"),
    }
}

/// Processes whose command line holds `mark`.
fn alive_with(mark: &str) -> Vec<String> {
    fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter_map(|e| fs::read(e.path().join("cmdline")).ok())
        .map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
        .filter(|c| c.contains(mark))
        .collect()
}

#[test]
fn no_process_outlives_its_check() {
    let class = Class::new();
    let honest = class.honest("honest");
    // Sleeps long enough to be seen; a mark nothing else on the machine uses.
    let escapes = class.student(
        "escapes",
        &probe(
            "let a = std::process::Command::new(\"setsid\").args([\"sleep\", \"271.828\"]).spawn();\n    \
             let b = std::process::Command::new(\"sh\").args([\"-c\", \"(sleep 314.159 &) ; exit 0\"]).status();\n    \
             format!(\"{a:?} {b:?}\")",
        ),
    );
    let (report, all) = class.grade(&[&honest, &escapes]);
    assert_eq!(points(&report, &honest), 2, "{all}");
    let (_, _, details) = adder(&report, &escapes);
    assert!(
        details.contains("Ok("),
        "the attack must have started: {details}"
    );
    std::thread::sleep(Duration::from_secs(1));
    for mark in ["271.828", "314.159"] {
        assert_eq!(alive_with(mark), Vec::<String>::new(), "{mark} survived");
    }
}

#[test]
fn resource_hogs_are_stopped_by_a_named_limit() {
    let class = Class::new();
    let honest = class.honest("honest");
    let memory = class.student(
        "memory",
        "pub fn add(a: i32, b: i32) -> i32 {\n    \
         let mut hog: Vec<Vec<u8>> = Vec::new();\n    \
         for _ in 0..64 { hog.push(vec![0u8; 64 << 20]); }\n    \
         a + b + hog.len() as i32\n}\n",
    );
    let disk = class.student(
        "disk",
        "pub fn add(a: i32, b: i32) -> i32 {\n    \
         use std::io::Write;\n    \
         let mut f = std::fs::File::create(\"hog\").unwrap();\n    \
         let block = vec![0u8; 1 << 20];\n    \
         for _ in 0..512 { f.write_all(&block).unwrap(); }\n    \
         a + b\n}\n",
    );
    let processes = class.student(
        "processes",
        "pub fn add(a: i32, b: i32) -> i32 {\n    \
         let mut all = Vec::new();\n    \
         for _ in 0..400 { all.push(std::thread::spawn(|| std::thread::sleep(std::time::Duration::from_secs(3)))); }\n    \
         a + b + all.len() as i32\n}\n",
    );
    let cpu = class.student(
        "cpu",
        "pub fn add(a: i32, b: i32) -> i32 {\n    loop {}\n}\n",
    );
    // A const that never ends, with the lint that would stop it lowered: rustc's CPU limit.
    let const_loop = class.student(
        "const_loop",
        "#![allow(long_running_const_eval)]\n\
         const N: u64 = { let mut i = 1u64; while i != 0 { i = i.wrapping_add(2); } i };\n\
         pub fn add(a: i32, b: i32) -> i32 { a + b + N as i32 }\n",
    );
    let students = [&honest, &memory, &disk, &processes, &cpu, &const_loop];
    let (report, all) = class.grade(&students.map(|s| s.as_path()));
    assert_eq!(points(&report, &honest), 2, "{all}");
    for (student, verdict, limit) in [
        (&memory, "crashed", "MiB of memory"),
        (&disk, "crashed", "MiB for a file it writes"),
        // A thread that cannot start is a panic in the test, which fails it.
        (&processes, "tests_failed", "processes and threads"),
    ] {
        let (status, points, details) = adder(&report, student);
        let name = student.display();
        assert_eq!((status.as_str(), points), (verdict, 0), "{name}: {details}");
        assert!(details.contains(limit), "{limit} not named: {details}");
    }
    let (status, points, _) = adder(&report, &cpu);
    assert_eq!((status.as_str(), points), ("timed_out", 0));
    let (status, points, details) = adder(&report, &const_loop);
    assert_eq!((status.as_str(), points), ("compile_error", 0), "{details}");
    // Its CPU limit, or on a loaded machine the compile's time limit, whichever comes first.
    assert!(
        details.contains("s of CPU time") || details.contains("rustc took longer than"),
        "{details}"
    );
}

#[test]
fn passes_cannot_be_forged() {
    let class = Class::new();
    let honest = class.honest("honest");
    let constructor = class.student(
        "constructor",
        "#[used]\n#[unsafe(link_section = \".init_array\")]\n\
         static FORGE: extern \"C\" fn() = forge;\n\
         extern \"C\" fn forge() { println!(\"forged\"); }\n\
         pub fn add(_: i32, _: i32) -> i32 { 0 }\n",
    );
    let interposer = class.student(
        "interposer",
        "#[unsafe(no_mangle)]\npub extern \"C\" fn write(_: i32, _: *const u8, n: usize) -> isize { n as isize }\n\
         pub fn add(_: i32, _: i32) -> i32 { 0 }\n",
    );
    let allocator = class.student(
        "allocator",
        "use std::alloc::{GlobalAlloc, Layout, System};\nstruct A;\n\
         unsafe impl GlobalAlloc for A {\n    \
         unsafe fn alloc(&self, l: Layout) -> *mut u8 { unsafe { System.alloc(l) } }\n    \
         unsafe fn dealloc(&self, p: *mut u8, l: Layout) { unsafe { System.dealloc(p, l) } }\n}\n\
         #[global_allocator]\nstatic G: A = A;\n\
         pub fn add(_: i32, _: i32) -> i32 { 0 }\n",
    );
    let allowed = class.student(
        "allowed",
        "#![allow(unsafe_code)]\npub fn add(a: i32, b: i32) -> i32 { unsafe { std::hint::unreachable_unchecked() } }\n",
    );
    // What a forger can do in safe Rust: read standard input for the nonce, print lookalike
    // reports, and read its own memory.
    let stdin = class.student(
        "stdin",
        "pub fn add(a: i32, b: i32) -> i32 {\n    \
         let mut line = String::new();\n    \
         let _ = std::io::stdin().read_line(&mut line);\n    \
         let nonce = line.trim();\n    \
         let mem = std::fs::read(\"/proc/self/mem\").is_ok();\n    \
         for t in [\"adds_small_numbers\", \"adds_negative_numbers\", \"zero_is_neutral\"] {\n        \
         println!(\"\\n{nonce} pass {t}\");\n    \
         }\n    \
         if mem { println!(\"mem\"); }\n    \
         std::process::exit(0)\n}\n",
    );
    // A lookalike of the launcher's own message, to pass for a machine without a sandbox.
    let setup = class.student(
        "setup",
        "pub fn add(_: i32, _: i32) -> i32 {\n    \
         eprintln!(\"opslings: the sandbox could not be set up: [0] no Landlock\");\n    \
         std::process::exit(125)\n}\n",
    );
    // Macros of its own in place of std's, which the hidden tests would use if they were
    // compiled in the same crate after it; and std renamed to the crate itself.
    let macros = class.student(
        "macros",
        "macro_rules! assert_eq { ($($t:tt)*) => { () }; }\n\
         macro_rules! assert { ($($t:tt)*) => { () }; }\n\
         pub fn add(_: i32, _: i32) -> i32 { 0 }\n",
    );
    let renamed = class.student(
        "renamed",
        "extern crate self as std;\npub fn add(_: i32, _: i32) -> i32 { 0 }\n",
    );
    let forgers = [
        &constructor,
        &interposer,
        &allocator,
        &allowed,
        &stdin,
        &setup,
        &macros,
        &renamed,
    ];
    let mut all_students: Vec<&Path> = vec![&honest];
    all_students.extend(forgers.iter().map(|p| p.as_path()));
    let (report, all) = class.grade(&all_students);
    assert_eq!(points(&report, &honest), 2, "{all}");
    for student in forgers {
        assert_eq!(points(&report, student), 0, "{}: {all}", student.display());
    }
    let (status, _, details) = adder(&report, &setup);
    assert_eq!(status, "crashed", "{details}");
    for student in [&constructor, &interposer, &allocator, &allowed] {
        let (status, _, details) = adder(&report, student);
        assert_eq!(status, "compile_error", "{details}");
        assert!(details.contains("unsafe"), "{details}");
    }
}

#[test]
fn a_linked_source_folder_is_refused() {
    let class = Class::new();
    let honest = class.honest("honest");
    let linked = class.student("linked", "");
    let src = linked.join("exercises/00_basics/adder/src");
    fs::remove_dir_all(&src).unwrap();
    std::os::unix::fs::symlink(class.course.join("solutions/00_basics/adder/src"), &src).unwrap();
    let greeter = linked.join(GREETER);
    fs::remove_file(&greeter).unwrap();
    std::os::unix::fs::symlink(
        class.course.join("solutions/00_basics/greeter/src/lib.rs"),
        &greeter,
    )
    .unwrap();
    // A FIFO among the sources is never opened.
    nix::unistd::mkfifo(
        &linked.join("exercises/00_basics/greeter/src/wait.rs"),
        nix::sys::stat::Mode::S_IRWXU,
    )
    .unwrap();
    let (report, all) = class.grade(&[&honest, &linked]);
    assert_eq!(points(&report, &honest), 2, "{all}");
    assert_eq!(points(&report, &linked), 0, "{all}");
    let (status, _, summary) = adder(&report, &linked);
    assert_eq!(status, "error");
    assert!(summary.contains("is a symbolic link"), "{summary}");
    assert!(!all.contains(ANSWER), "{all}");
}

/// Where the kernel refuses namespaces (Docker's default seccomp profile), every other layer
/// still holds: the same attacks, with the namespaces turned off.
#[test]
fn without_namespaces_the_other_layers_still_hold() {
    let class = Class::new();
    let honest = class.honest("honest");
    let course = class.course.display().to_string();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let attacker = class.student(
        "attacker",
        &probe(&format!(
            "use std::io::Write;\n    \
             let env: String = std::env::vars().map(|(k, v)| format!(\"{{k}}={{v}};\")).collect();\n    \
             let answer = std::fs::read_to_string(\"{course}/tests/hidden/adder.rs\");\n    \
             let hidden = std::fs::read_to_string(\"../hidden.rs\");\n    \
             let tcp = std::net::TcpStream::connect((\"127.0.0.1\", {port})).map(|mut s| s.write_all(b\"x\"));\n    \
             let escape = std::process::Command::new(\"setsid\").args([\"sleep\", \"161.803\"]).spawn();\n    \
             let write = std::fs::write(\"{course}/tests/hidden/adder.rs\", \"broken\");\n    \
             format!(\"{{env}} {{answer:?}} {{hidden:?}} {{tcp:?}} {{escape:?}} {{write:?}}\")"
        )),
    );
    let no_namespaces = [("OPSLINGS_SANDBOX_NAMESPACES", "0")];
    let (report, all) = class.grade_with(&[&honest, &attacker], &no_namespaces);
    assert_eq!(points(&report, &honest), 2, "{all}");
    assert_eq!(points(&report, &attacker), 0, "{all}");
    assert!(!all.contains(CANARY), "a secret leaked:\n{all}");
    assert!(!all.contains(ANSWER), "an answer leaked:\n{all}");
    assert!(
        listener
            .accept()
            .is_err_and(|e| e.kind() == ErrorKind::WouldBlock)
    );
    let hidden = fs::read_to_string(class.course.join("tests/hidden/adder.rs")).unwrap();
    assert!(!hidden.contains("broken"));
    let (_, _, details) = adder(&report, &attacker);
    assert!(
        details.contains("Ok(Child"),
        "the escape must have started: {details}"
    );
    std::thread::sleep(Duration::from_secs(1));
    assert_eq!(
        alive_with("161.803"),
        Vec::<String>::new(),
        "the escape survived"
    );
}

/*!
Turns an exercise's hidden tests into a test program that cannot be fooled by student code.

libtest's summary is plain text on stdout, which student code can print too, and a crate that
calls `std::process::exit(0)` ends libtest with success. So the hidden tests are compiled with a
harness of our own instead: `#[test]` lines are blanked (keeping line numbers, so compiler
messages point at the right line of the hidden test file), and a generated `main` runs each test
and reports it on stdout prefixed by a nonce that it reads from stdin before any test runs. Only
lines carrying the nonce count, and a test counts as passed only if its own `pass` line arrives.
*/

use std::fmt::Write as _;

/// The hidden tests of one exercise, ready to compile.
#[derive(Clone, Debug)]
pub struct HiddenTests {
    /// The tests, in the order they run.
    pub tests: Vec<HiddenTest>,
    /// How many tasks the `// Task N` markers open.
    pub tasks: usize,
    /// The program: the test file with `#[test]` blanked, then the generated harness.
    pub program: String,
}

/// One hidden test and the task it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HiddenTest {
    pub name: String,
    /// From 1, as opened by the `// Task N` marker above the test.
    pub task: usize,
}

impl HiddenTests {
    /// The task of the test called `name`.
    pub fn task_of(&self, name: &str) -> Option<usize> {
        self.tests.iter().find(|t| t.name == name).map(|t| t.task)
    }

    /// How many tests task `task` has.
    pub fn count_in(&self, task: usize) -> usize {
        self.tests.iter().filter(|t| t.task == task).count()
    }
}

/// `// Task N` or `// Task N: title` at column 1: the number N.
fn task_marker(line: &str) -> Option<Result<usize, ()>> {
    let rest = line.strip_prefix("// Task ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let after = &rest[digits.len()..];
    if digits.is_empty() || !(after.is_empty() || after.starts_with(':')) {
        return Some(Err(()));
    }
    Some(digits.parse().map_err(|_| ()))
}

/// Where a hidden test file breaks the rules the harness relies on: (line, message).
#[derive(Debug, PartialEq)]
pub struct HarnessError {
    pub line: usize,
    pub message: String,
}

impl HiddenTests {
    /// Reads a hidden test file. Every test must sit below a `// Task N` marker, and the
    /// markers must count up from 1 without a gap.
    pub fn parse(source: &str) -> Result<Self, HarnessError> {
        let mut tests: Vec<HiddenTest> = Vec::new();
        let mut task = 0;
        let mut program = String::with_capacity(source.len() + 4096);
        let mut lines = source.lines().enumerate().peekable();
        while let Some((index, line)) = lines.next() {
            if let Some(marker) = task_marker(line) {
                task = next_task(marker, task, &tests, index + 1)?;
            }
            let Some(name) = test_at(line, lines.peek().map(|(_, next)| *next), index + 1)? else {
                program.push_str(line);
                program.push('\n');
                continue;
            };
            if task == 0 {
                return Err(HarnessError {
                    line: index + 1,
                    message: "this test belongs to no task: put a `// Task 1` line above it".into(),
                });
            }
            tests.push(HiddenTest {
                name: name.to_owned(),
                task,
            });
            program.push('\n');
        }
        if tests.is_empty() {
            return Err(HarnessError {
                line: 1,
                message: "there is no `#[test]` function".into(),
            });
        }
        if tests.last().is_some_and(|t| t.task != task) {
            return Err(HarnessError {
                line: source.lines().count(),
                message: format!("task {task} has no test: every task needs at least one"),
            });
        }
        let names: Vec<&str> = tests.iter().map(|t| t.name.as_str()).collect();
        program.push_str(&harness(&names));
        Ok(Self {
            tests,
            tasks: task,
            program,
        })
    }
}

/// The task a `// Task N` marker opens, after task `current`; markers count up by one, and the
/// task they close must have a test.
fn next_task(
    marker: Result<usize, ()>,
    current: usize,
    tests: &[HiddenTest],
    line: usize,
) -> Result<usize, HarnessError> {
    let fail = |message: String| Err(HarnessError { line, message });
    match marker {
        Err(()) => fail("a task marker reads `// Task N` or `// Task N: title`".into()),
        Ok(n) if n != current + 1 => fail(format!(
            "`// Task {n}` follows task {current}: tasks count up by one from 1"
        )),
        Ok(_) if current > 0 && tests.last().is_none_or(|t| t.task != current) => fail(format!(
            "task {current} has no test: every task needs at least one"
        )),
        Ok(n) => Ok(n),
    }
}

/// The name of the test that `line` (number `at`) opens with `#[test]`, followed by `next`;
/// `None` for any other line. Attributes the harness cannot honour are refused.
fn test_at<'a>(
    line: &str,
    next: Option<&'a str>,
    at: usize,
) -> Result<Option<&'a str>, HarnessError> {
    let trimmed = line.trim();
    for banned in ["#[should_panic", "#[ignore"] {
        if trimmed.starts_with(banned) {
            return Err(HarnessError {
                line: at,
                message: format!(
                    "`{banned}]` is not supported in hidden tests: assert on the result instead"
                ),
            });
        }
    }
    if trimmed != "#[test]" {
        return Ok(None);
    }
    if line != trimmed {
        return Err(HarnessError {
            line: at,
            message: "hidden tests must be top-level functions: `#[test]` at column 1".into(),
        });
    }
    match next.and_then(test_name) {
        Some(name) => Ok(Some(name)),
        None => Err(HarnessError {
            line: at + 1,
            message: "`#[test]` must be followed directly by `fn name() {`".into(),
        }),
    }
}

/// `fn name(` at the start of a line, with no parameters.
fn test_name(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("fn ")?;
    let end = rest.find('(')?;
    let name = &rest[..end];
    let ident = !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    (ident && rest[end..].starts_with("()")).then_some(name)
}

/// The generated `main` and its support module, appended after the tests.
fn harness(names: &[&str]) -> String {
    let mut table = String::new();
    for name in names {
        writeln!(
            table,
            "        ({name:?}, || __opslings_harness::Outcome::into_result({name}())),"
        )
        .expect("writing to a String");
    }
    format!(
        "
pub(crate) fn main() {{
    __opslings_harness::run(&[
{table}    ]);
}}

#[allow(dead_code)]
mod __opslings_harness {{
{RUNTIME}}}
"
    )
}

/// The harness's runtime, compiled into every test program. Reports are single lines:
/// `<nonce> <start|pass|fail|done> <test> <message with \\ and newlines escaped>`.
const RUNTIME: &str = r#"    use std::io::Write;
    use std::sync::Mutex;

    static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

    pub trait Outcome {
        fn into_result(self) -> Result<(), String>;
    }
    impl Outcome for () {
        fn into_result(self) -> Result<(), String> {
            Ok(())
        }
    }
    impl<E: std::fmt::Debug> Outcome for Result<(), E> {
        fn into_result(self) -> Result<(), String> {
            self.map_err(|e| format!("the test returned an error: {e:?}"))
        }
    }

    fn report(nonce: &str, event: &str, test: &str, message: &str) {
        let message = message.replace('\\', "\\\\").replace('\n', "\\n").replace('\r', "\\r");
        let mut out = std::io::stdout().lock();
        // The leading newline keeps the report on a line of its own after a `print!`.
        let _ = write!(out, "\n{nonce} {event} {test} {message}\n");
        let _ = out.flush();
    }

    pub fn run(tests: &[(&str, fn() -> Result<(), String>)]) {
        let mut nonce = String::new();
        let _ = std::io::stdin().read_line(&mut nonce);
        let nonce = nonce.trim().to_owned();
        std::panic::set_hook(Box::new(|info| {
            let message = info.payload_as_str().unwrap_or("(a panic with a non-text payload)");
            let text = match info.location() {
                Some(at) => format!("{message}\n  at {}:{}:{}", at.file(), at.line(), at.column()),
                None => message.to_owned(),
            };
            *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = Some(text);
        }));
        for &(name, test) in tests {
            report(&nonce, "start", name, "");
            match std::panic::catch_unwind(test) {
                Ok(Ok(())) => report(&nonce, "pass", name, ""),
                Ok(Err(message)) => report(&nonce, "fail", name, &message),
                Err(_) => {
                    let message = LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()).take();
                    report(&nonce, "fail", name, &message.unwrap_or_default());
                }
            }
        }
        report(&nonce, "done", "-", "");
    }
"#;

/// One report line from the test program, once its nonce has been checked and stripped.
#[derive(Debug, PartialEq)]
pub enum Report {
    Start(String),
    Pass(String),
    Fail(String, String),
    Done,
}

/// Parses a stdout line; `None` for anything that is not a report carrying `nonce`.
pub fn parse_report(nonce: &str, line: &str) -> Option<Report> {
    let rest = line.strip_prefix(nonce)?.strip_prefix(' ')?;
    let mut parts = rest.splitn(3, ' ');
    let event = parts.next()?;
    let test = parts.next()?.to_owned();
    let message = unescape(parts.next().unwrap_or(""));
    Some(match event {
        "start" => Report::Start(test),
        "pass" => Report::Pass(test),
        "fail" => Report::Fail(test, message),
        "done" => Report::Done,
        _ => return None,
    })
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TESTS: &str = "use x::f;\n// Task 1\n#[test]\nfn first() {\n    assert!(f());\n}\n\nfn helper() {}\n// Task 2: the second\n#[test]\nfn second() {}\n";

    #[test]
    fn finds_tests_in_order_and_keeps_line_numbers() {
        let hidden = HiddenTests::parse(TESTS).unwrap();
        let names: Vec<_> = hidden
            .tests
            .iter()
            .map(|t| (t.name.as_str(), t.task))
            .collect();
        assert_eq!(names, [("first", 1), ("second", 2)]);
        assert_eq!(hidden.tasks, 2);
        assert_eq!(hidden.task_of("second"), Some(2));
        assert_eq!(hidden.count_in(1), 1);
        let lines: Vec<_> = hidden.program.lines().collect();
        assert_eq!(lines[2], "");
        assert_eq!(lines[3], "fn first() {");
        assert_eq!(lines[10], "fn second() {}");
        assert!(
            hidden
                .program
                .contains("(\"second\", || __opslings_harness::Outcome::into_result(second())),")
        );
    }

    #[test]
    fn rejects_what_the_harness_cannot_run() {
        let err = |src: &str| HiddenTests::parse(&format!("// Task 1\n{src}")).unwrap_err();
        assert_eq!(err("#[test]\n#[should_panic]\nfn a() {}\n").line, 3);
        assert_eq!(err("fn a() {}\n").message, "there is no `#[test]` function");
        assert_eq!(err("mod m {\n    #[test]\n    fn a() {}\n}\n").line, 3);
        assert_eq!(err("#[test]\nfn a(x: u8) {}\n").line, 3);
        assert_eq!(err("#[ignore]\n#[test]\nfn a() {}\n").line, 2);
    }

    #[test]
    fn every_test_belongs_to_one_task_and_every_task_has_a_test() {
        let err = |src: &str| HiddenTests::parse(src).unwrap_err();
        let untasked = err("#[test]\nfn a() {}\n");
        assert_eq!(untasked.line, 1);
        assert!(untasked.message.contains("belongs to no task"));
        let empty = err("// Task 1\n// Task 2\n#[test]\nfn a() {}\n");
        assert_eq!(
            (empty.line, empty.message.as_str()),
            (2, "task 1 has no test: every task needs at least one")
        );
        let last_empty = err("// Task 1\n#[test]\nfn a() {}\n// Task 2\n");
        assert!(
            last_empty.message.starts_with("task 2 has no test"),
            "{}",
            last_empty.message
        );
        let skipped = err("// Task 2\n#[test]\nfn a() {}\n");
        assert!(
            skipped.message.contains("count up by one"),
            "{}",
            skipped.message
        );
        assert!(
            err("// Task one\n#[test]\nfn a() {}\n")
                .message
                .contains("`// Task N`")
        );
    }

    #[test]
    fn reports_need_the_nonce_and_round_trip_messages() {
        assert_eq!(
            parse_report("n1", "n1 start t "),
            Some(Report::Start("t".into()))
        );
        assert_eq!(
            parse_report("n1", "n1 fail t a\\nb \\\\ c"),
            Some(Report::Fail("t".into(), "a\nb \\ c".into()))
        );
        assert_eq!(parse_report("n1", "n1 done - "), Some(Report::Done));
        assert_eq!(parse_report("n1", "n2 pass t "), None);
        assert_eq!(parse_report("n1", "test t ... ok"), None);
        assert_eq!(parse_report("n1", "n1 bogus t "), None);
    }
}

/*!
Rendering for people: verdicts, the exercise list, progress. Colour is decided once, in
[`Term::detect`], from the terminal, `NO_COLOR` and `--color`; nothing here prints by itself,
everything writes to the writer it is given.
*/

use std::{fmt::Write as _, io::Write, path::Path, time::Duration};

use console::Style;

use crate::check::{CheckReport, Part, Verdict};

/// How output looks, decided once at start.
#[derive(Clone, Copy, Debug)]
pub struct Term {
    pub color: bool,
    /// Whether file names are written as terminal hyperlinks (OSC 8).
    pub links: bool,
}

impl Term {
    /// `choice` is `--color`: `Some(true)` always, `Some(false)` never, `None` from the terminal.
    pub fn detect(choice: Option<bool>) -> Self {
        let tty = console::Term::stdout().is_term();
        let color = choice.unwrap_or_else(|| tty && console::colors_enabled());
        Self {
            color,
            links: color && tty,
        }
    }

    pub fn plain() -> Self {
        Self {
            color: false,
            links: false,
        }
    }

    fn style(&self, style: Style) -> Style {
        style.force_styling(self.color)
    }
    pub fn good(&self, text: &str) -> String {
        self.style(Style::new().green().bold())
            .apply_to(text)
            .to_string()
    }
    pub fn bad(&self, text: &str) -> String {
        self.style(Style::new().red().bold())
            .apply_to(text)
            .to_string()
    }
    pub fn warn(&self, text: &str) -> String {
        self.style(Style::new().yellow().bold())
            .apply_to(text)
            .to_string()
    }
    pub fn strong(&self, text: &str) -> String {
        self.style(Style::new().bold()).apply_to(text).to_string()
    }
    pub fn dim(&self, text: &str) -> String {
        self.style(Style::new().dim()).apply_to(text).to_string()
    }

    /// `path` (relative to `root`) as text that a terminal can open, when it supports links.
    pub fn file_link(&self, root: &Path, path: &str) -> String {
        if !self.links {
            return path.to_owned();
        }
        let abs = root.join(path);
        format!("\x1b]8;;file://{}\x1b\\{path}\x1b]8;;\x1b\\", abs.display())
    }
}

/// `[######--------] 3/12` at `width` cells for the bar.
pub fn progress_bar(term: &Term, solved: usize, total: usize, width: usize) -> String {
    let filled = (solved * width).checked_div(total).unwrap_or(0);
    let bar = format!("{}{}", "#".repeat(filled), "-".repeat(width - filled));
    format!("Progress: [{}] {solved}/{total}", term.good(&bar))
}

/// ` during `test`` when a test was running, for the end of a sentence.
fn during(test: &Option<String>) -> String {
    test.as_deref()
        .map(|t| format!(" during `{t}`"))
        .unwrap_or_default()
}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0} s")
    } else {
        format!("{s:.1} s")
    }
}

/// Writes a verdict as the student reads it.
pub fn write_report(
    out: &mut dyn Write,
    term: &Term,
    name: &str,
    report: &CheckReport,
) -> std::io::Result<()> {
    let mut text = String::new();
    match &report.verdict {
        Verdict::Passed { tests } => {
            let _ = writeln!(
                text,
                "{} {name} passes all {tests} hidden tests.",
                term.good("✓")
            );
        }
        Verdict::CompileError {
            part: Part::Exercise,
            diagnostics,
        } => {
            let _ = writeln!(text, "{} {name} does not compile yet:\n", term.bad("✗"));
            text.push_str(diagnostics.trim_end());
            text.push('\n');
        }
        Verdict::CompileError {
            part: Part::HiddenTests,
            diagnostics,
        } => {
            let _ = writeln!(
                text,
                "{} The hidden tests cannot use your crate. Keep the public API the exercise \
                 gives (names, fields, signatures) and change only the bodies:\n",
                term.bad("✗")
            );
            text.push_str(diagnostics.trim_end());
            text.push('\n');
        }
        Verdict::Failed {
            failures,
            passed,
            total,
        } => {
            let _ = writeln!(
                text,
                "{} {} of {total} hidden tests failed ({passed} passed):",
                term.bad("✗"),
                failures.len()
            );
            for failure in failures {
                let _ = writeln!(text, "\n  {} {}", term.bad("✗"), term.strong(&failure.test));
                for line in failure.message.lines() {
                    let _ = writeln!(text, "    {line}");
                }
            }
        }
        Verdict::TimedOut {
            test,
            limit,
            passed,
            total,
        } => {
            let during = during(test);
            let _ = writeln!(
                text,
                "{} The hidden tests were stopped after {}{during}: something does not finish \
                 (a loop without an end, a retry without a limit?). {passed} of {total} tests had passed.",
                term.warn("⏱"),
                seconds(*limit)
            );
        }
        Verdict::Crashed {
            reason,
            test,
            passed,
            total,
        } => {
            let during = during(test);
            let _ = writeln!(
                text,
                "{} The hidden tests did not finish{during}: {reason}. {passed} of {total} tests reported a pass.",
                term.bad("✗")
            );
        }
    }
    if !report.output.trim().is_empty() {
        let _ = writeln!(text, "\n{}", term.dim("Your code printed:"));
        text.push_str(&report.output);
    }
    out.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Failure;

    fn render(verdict: Verdict) -> String {
        let mut out = Vec::new();
        let report = CheckReport {
            verdict,
            output: String::new(),
        };
        write_report(&mut out, &Term::plain(), "breaker", &report).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn failures_name_each_test_with_its_indented_message() {
        let text = render(Verdict::Failed {
            failures: vec![Failure {
                test: "opens".into(),
                message: "must open\n  left: 1".into(),
            }],
            passed: 7,
            total: 8,
        });
        assert_eq!(
            text,
            "✗ 1 of 8 hidden tests failed (7 passed):\n\n  ✗ opens\n    must open\n      left: 1\n"
        );
    }

    #[test]
    fn a_timeout_names_the_test_and_the_limit() {
        let text = render(Verdict::TimedOut {
            test: Some("retries_stop".into()),
            limit: Duration::from_secs(10),
            passed: 2,
            total: 8,
        });
        assert!(
            text.starts_with("⏱ The hidden tests were stopped after 10 s during `retries_stop`"),
            "{text}"
        );
    }

    #[test]
    fn the_progress_bar_is_proportional() {
        assert_eq!(
            progress_bar(&Term::plain(), 1, 4, 8),
            "Progress: [##------] 1/4"
        );
        assert_eq!(
            progress_bar(&Term::plain(), 0, 0, 4),
            "Progress: [----] 0/0"
        );
    }
}

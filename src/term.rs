/*!
Rendering for people: styles, links, wrapping and the progress bar; a verdict's words are in
[`verdict`]. Colour, links and the width are decided once, in [`Term::detect`], by the rules in
[`detect`]; nothing here prints by itself, everything writes to the writer it is given.
*/

pub mod detect;
pub mod link;
pub mod verdict;
pub mod wrap;

use std::{io::Write, path::Path};

use console::Style;

pub use detect::ColorChoice;

use crate::{check::CheckReport, course::Exercise};

/// How output looks, decided once at start.
#[derive(Clone, Copy, Debug)]
pub struct Term {
    pub color: bool,
    /// Whether file names are written as terminal hyperlinks (OSC 8).
    pub links: bool,
    /// The width text is wrapped to; `None` keeps lines whole (output that is not a terminal).
    pub width: Option<usize>,
}

impl Term {
    /// How this process's output looks, from `--color`, the environment and standard output
    /// (rules in [`detect`]); standard error's colour is set by the same rules.
    pub fn detect(choice: ColorChoice) -> Self {
        let env = detect::Env::current();
        let (tty, size) = detect::stdout();
        let color = detect::color(choice, &env, tty);
        detect::color_stderr(choice, &env);
        Self {
            color,
            links: detect::links(color, tty, supports_hyperlinks::supports_hyperlinks()),
            width: detect::width(&env, tty, size),
        }
    }

    pub fn plain() -> Self {
        Self {
            color: false,
            links: false,
            width: None,
        }
    }

    /// Every line of `text` wrapped to the width, under its own indent or bullet.
    pub fn wrap(&self, text: &str) -> String {
        wrap::lines(text, self.width)
    }

    /// One line wrapped to the width, continuing at column `hang` (a table row under its last
    /// column).
    pub fn wrap_hanging(&self, line: &str, hang: usize) -> String {
        match self.width {
            Some(width) => wrap::hanging(line, width, hang),
            None => line.to_owned(),
        }
    }

    /// Markdown prose (a topic's page, a hint) reflowed to the width.
    pub fn reflow(&self, text: &str) -> String {
        wrap::markdown(text, self.width)
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
        link::file(&root.join(path), path)
    }

    /// `text` (compiler or test output) with the locations inside `within` (relative to `root`)
    /// made links, when the terminal supports them; see [`link::locations`].
    pub fn link_locations(&self, text: &str, root: &Path, within: &Path) -> String {
        if !self.links {
            return text.to_owned();
        }
        link::locations(text, root, within)
    }
}

/// The cells of a progress bar in line-mode output: 30, fewer where the terminal is narrow
/// (`Progress: [`, `] ` and the count take about 20 columns).
pub fn bar_width(term: &Term) -> usize {
    term.width
        .map_or(30, |w| w.saturating_sub(20).clamp(10, 30))
}

/// `[######--------] 3/12` at `width` cells for the bar.
pub fn progress_bar(term: &Term, solved: usize, total: usize, width: usize) -> String {
    let filled = (solved * width).checked_div(total).unwrap_or(0);
    let bar = format!("{}{}", "#".repeat(filled), "-".repeat(width - filled));
    format!("Progress: [{}] {solved}/{total}", term.good(&bar))
}

/// Writes the verdict of `exercise` as the student reads it, in watch mode: not wrapped, as the
/// screen lays the verdict out itself.
pub fn write_verdict(
    out: &mut dyn Write,
    term: &Term,
    exercise: &Exercise,
    report: &CheckReport,
) -> std::io::Result<()> {
    let term = &Term {
        width: None,
        ..*term
    };
    let text = verdict::render(term, exercise.name(), &exercise.task_titles(), report);
    out.write_all(text.as_bytes())
}

/// The verdict of `exercise` in a workbook at `root`, for line-mode output: wrapped to the width
/// (but not the compiler's messages or the code's output), and locations in the exercise's own
/// files are links.
pub fn write_verdict_in(
    out: &mut dyn Write,
    term: &Term,
    root: &Path,
    exercise: &Exercise,
    report: &CheckReport,
) -> std::io::Result<()> {
    let text = verdict::render(term, exercise.name(), &exercise.task_titles(), report);
    let text = term.link_locations(&text, root, Path::new(&exercise.dir()));
    out.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_progress_bar_fits_a_narrow_terminal() {
        let at = |width| Term {
            width,
            ..Term::plain()
        };
        assert_eq!(bar_width(&at(None)), 30);
        assert_eq!(bar_width(&at(Some(80))), 30);
        assert_eq!(bar_width(&at(Some(40))), 20);
        assert_eq!(bar_width(&at(Some(20))), 10);
        let line = progress_bar(&at(Some(40)), 12, 99, bar_width(&at(Some(40))));
        assert_eq!(line, "Progress: [##------------------] 12/99");
        assert!(line.chars().count() <= 40);
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

/*!
Rendering for people: styles, links and the progress bar; a verdict's words are in
[`verdict`]. Colour is decided once, in
[`Term::detect`], from the terminal, `NO_COLOR` and `--color`; nothing here prints by itself,
everything writes to the writer it is given.
*/

pub mod link;
pub mod verdict;

use std::{io::Write, path::Path};

use console::Style;

use crate::{check::CheckReport, course::Exercise};

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

/// `[######--------] 3/12` at `width` cells for the bar.
pub fn progress_bar(term: &Term, solved: usize, total: usize, width: usize) -> String {
    let filled = (solved * width).checked_div(total).unwrap_or(0);
    let bar = format!("{}{}", "#".repeat(filled), "-".repeat(width - filled));
    format!("Progress: [{}] {solved}/{total}", term.good(&bar))
}

/// Writes the verdict of `exercise` as the student reads it.
pub fn write_verdict(
    out: &mut dyn Write,
    term: &Term,
    exercise: &Exercise,
    report: &CheckReport,
) -> std::io::Result<()> {
    let text = verdict::render(term, exercise.name(), &exercise.task_titles(), report);
    out.write_all(text.as_bytes())
}

/// [`write_verdict`] for a workbook at `root`: locations in the exercise's own files are links.
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

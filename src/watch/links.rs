/*!
Paths on watch mode's screen as terminal hyperlinks (OSC 8), where the terminal supports them.

ratatui has no notion of a link: an escape sequence inside a cell would be counted as text and
break the layout. So the frame is drawn first, then every path on it that names a file of the
workbook (the header's, a compiler's `--> file:line:col`, a failing test's location) is
written again over itself, the same characters in the same styles, inside an OSC 8 link whose
URL the `url` crate builds (percent-encoded, as [`crate::term::link`] does for line output). A
link that was on the previous frame and is gone is written again plainly, since the terminal
would otherwise keep it on cells that ratatui left untouched.
*/

use std::{io, path::Path};

use crossterm::{
    cursor::MoveTo,
    queue,
    style::{Print, PrintStyledContent, StyledContent},
};
use ratatui::{backend::IntoCrossterm, buffer::Buffer, layout::Position};
use url::Url;

/// A run of cells on one row that names a file.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Link {
    x: u16,
    y: u16,
    width: u16,
    url: String,
}

/// The links on screen.
#[derive(Default)]
pub(super) struct Links {
    shown: Vec<Link>,
}

impl Links {
    /// Makes links of the file paths under `root` in `buffer`, the frame just drawn.
    pub(super) fn write(
        &mut self,
        out: &mut impl io::Write,
        buffer: &Buffer,
        root: &Path,
    ) -> io::Result<()> {
        let found = find(buffer, root);
        for gone in self.shown.iter().filter(|l| !found.contains(l)) {
            write_cells(out, buffer, gone, None)?;
        }
        for link in &found {
            write_cells(out, buffer, link, Some(&link.url))?;
        }
        self.shown = found;
        out.flush()
    }
}

/// Every run of cells in `buffer` that reads as the path of a file (or a folder) under `root`, with an
/// optional `:line` or `:line:column`.
pub(super) fn find(buffer: &Buffer, root: &Path) -> Vec<Link> {
    let area = buffer.area;
    let mut links = Vec::new();
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let start = x;
            let mut word = String::new();
            while x < area.right() {
                let symbol = buffer[(x, y)].symbol();
                // Only single-column characters, so that a character is a cell.
                match symbol.chars().next() {
                    Some(c) if symbol.len() == c.len_utf8() && !c.is_whitespace() && !wide(c) => {
                        word.push(c);
                        x += 1;
                    }
                    _ => break,
                }
            }
            if let Some(link) = link(&word, start, y, root) {
                links.push(link);
            }
            x += 1;
        }
    }
    links
}

fn wide(c: char) -> bool {
    !c.is_ascii() && console::measure_text_width(c.encode_utf8(&mut [0; 4])) != 1
}

/// The link in `word`, which starts at column `x`, when it names a file.
fn link(word: &str, x: u16, y: u16, root: &Path) -> Option<Link> {
    const AROUND: &[char] = &['`', '\'', '"', '(', ')', ',', '.', ':', ';'];
    let trimmed = word.trim_start_matches(AROUND);
    let skipped = word.len() - trimmed.len();
    let trimmed = trimmed.trim_end_matches(AROUND);
    let mut parts = trimmed.split(':');
    let path = parts.next()?;
    let numbers: Vec<&str> = parts.collect();
    let located = numbers.len() <= 2 && numbers.iter().all(|n| n.parse::<u32>().is_ok());
    if !located || !(path.contains('/') || path.contains('.')) {
        return None;
    }
    let file = root.join(path);
    // A folder too, such as the model solution's a pass names.
    if !(file.is_file() || path.contains('/') && file.is_dir()) {
        return None;
    }
    // The visible text keeps the line and column (see `term::link` on why the URL cannot).
    let url = Url::from_file_path(&file).ok()?;
    Some(Link {
        x: x + skipped as u16,
        y,
        width: trimmed.len() as u16,
        url: url.to_string(),
    })
}

/// Writes the cells of `link` as they are in `buffer`, inside a link to `url` if there is one.
fn write_cells(
    out: &mut impl io::Write,
    buffer: &Buffer,
    link: &Link,
    url: Option<&str>,
) -> io::Result<()> {
    if !buffer.area.contains(Position::new(link.x, link.y)) {
        return Ok(());
    }
    queue!(out, MoveTo(link.x, link.y))?;
    if let Some(url) = url {
        queue!(out, Print(format!("\x1b]8;;{url}\x1b\\")))?;
    }
    let end = (link.x + link.width).min(buffer.area.right());
    for x in link.x..end {
        let cell = &buffer[(x, link.y)];
        let style = cell.style().into_crossterm();
        queue!(
            out,
            PrintStyledContent(StyledContent::new(style, cell.symbol()))
        )?;
    }
    if url.is_some() {
        queue!(out, Print("\x1b]8;;\x1b\\"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ratatui::{layout::Rect, text::Line, widgets::Widget};

    use super::*;

    #[test]
    fn paths_of_files_with_their_locations_become_links_and_other_words_do_not() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("my wb#1/src")).unwrap();
        std::fs::write(dir.path().join("my wb#1/src/lib.rs"), "").unwrap();
        std::fs::create_dir_all(dir.path().join("ex/src")).unwrap();
        std::fs::write(dir.path().join("ex/src/lib.rs"), "").unwrap();
        let mut buffer = Buffer::empty(Rect::new(0, 0, 40, 2));
        Line::from("  --> ex/src/lib.rs:8:5 and lib.rs")
            .render(Rect::new(0, 0, 40, 1), &mut buffer);
        Line::from("(`ex/src/lib.rs`) ex/src/gone.rs").render(Rect::new(0, 1, 40, 1), &mut buffer);
        let links = find(&buffer, dir.path());
        let at: Vec<(u16, u16, u16)> = links.iter().map(|l| (l.x, l.y, l.width)).collect();
        assert_eq!(at, [(6, 0, 17), (2, 1, 13)]);
        let root = dir.path().to_string_lossy();
        assert_eq!(links[0].url, format!("file://{root}/ex/src/lib.rs"));
        let mut buffer = Buffer::empty(Rect::new(0, 0, 40, 1));
        Line::from("my wb#1/src/lib.rs").render(buffer.area, &mut buffer);
        assert!(
            find(&buffer, dir.path()).is_empty(),
            "a path with a space is two words"
        );
        let inner = dir.path().join("my wb#1");
        let mut buffer = Buffer::empty(Rect::new(0, 0, 40, 1));
        Line::from("src/lib.rs").render(buffer.area, &mut buffer);
        let links = find(&buffer, &inner);
        assert_eq!(
            links[0].url,
            format!("file://{root}/my%20wb%231/src/lib.rs")
        );
    }
}

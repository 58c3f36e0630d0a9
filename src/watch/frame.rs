/*!
One screen of watch mode as ratatui draws it: a header and a footer that always stay, and
between them a body that is wrapped to the width and scrolls when it does not fit.

Every part arrives as ANSI-styled text (the verdict's words come from [`crate::term::verdict`]
that way), is wrapped here with `textwrap`, which measures text without its escape sequences,
and is turned into ratatui's styled text by `ansi-to-tui`, so colours survive the trip. Wrapping
before ratatui sees the text is what lets a continued line keep its indentation, and gives the
exact number of rows the body takes, which scrolling needs.
*/

use ansi_to_tui::IntoText;
use ratatui::{
    buffer::Buffer,
    layout::{Alignment, Constraint, Layout, Rect},
    text::{Line, Text},
    widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget},
};
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// The smallest terminal the screens are drawn in; below it a short message says so.
pub(super) const MIN_SIZE: (u16, u16) = (40, 12);

/// What one screen shows, each part ANSI-styled text with `\n` line ends.
pub(super) struct Page {
    pub header: String,
    pub body: String,
    /// Its first line also gets the scroll position, at the right, when the body overflows.
    pub footer: String,
}

/// `text` wrapped to `width` columns at spaces; a continued line starts under the first word
/// of the line it continues. Words longer than a line are broken, as nothing else fits them.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for line in without_links(text).replace('\t', "    ").lines() {
        let plain = console::strip_ansi_codes(line);
        let indent = plain.len() - plain.trim_start_matches(' ').len();
        let indent = " ".repeat(indent.min(width / 2));
        let options = Options::new(width)
            .subsequent_indent(&indent)
            .word_separator(WordSeparator::AsciiSpace)
            .word_splitter(WordSplitter::NoHyphenation)
            .wrap_algorithm(WrapAlgorithm::FirstFit);
        out.extend(
            textwrap::wrap(line, options)
                .into_iter()
                .map(|l| l.into_owned()),
        );
    }
    out
}

/// `text` without its OSC 8 hyperlinks, keeping their visible text: ratatui would count a link's
/// URL as text. Links are written over the drawn screen instead (see [`super::links`]).
fn without_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("\x1b]") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = [("\x07", 1), ("\x1b\\", 2)]
            .iter()
            .filter_map(|(end, len)| after.find(end).map(|at| at + len))
            .min()
            .unwrap_or(after.len());
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// ANSI-styled `text`, wrapped to `width`, as ratatui lines with its colours.
pub(super) fn styled(text: &str, width: usize) -> Text<'static> {
    let wrapped = wrap(text, width).join("\n");
    wrapped
        .as_bytes()
        .into_text()
        // Only malformed escapes get here; the words matter more than their colours.
        .unwrap_or_else(|_| Text::raw(console::strip_ansi_codes(&wrapped).into_owned()))
}

/// Whether a screen fits in `area`; [`too_small`] is drawn when it does not.
pub(super) fn fits(area: Rect) -> bool {
    area.width >= MIN_SIZE.0 && area.height >= MIN_SIZE.1
}

/// A message in place of a screen that does not fit.
pub(super) fn too_small(area: Rect, buf: &mut Buffer) {
    let text = format!(
        "The terminal is too small ({}×{}): make it at least {}×{}, or press q to quit.",
        area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
    );
    Paragraph::new(styled(&text, usize::from(area.width))).render(area, buf);
}

/// Draws `page` in `area` with its body from line `scroll`, which is kept within the body;
/// returns how many rows the body has on screen (a page, for PgUp and PgDn).
pub(super) fn render(page: &Page, scroll: &mut usize, area: Rect, buf: &mut Buffer) -> usize {
    if !fits(area) {
        too_small(area, buf);
        return 1;
    }
    let width = usize::from(area.width);
    let header = styled(&page.header, width);
    let footer = styled(&page.footer, width);
    let room = usize::from(area.height).saturating_sub(header.height() + footer.height());
    let mut body = styled(&page.body, width);
    let overflows = body.height() > room;
    if overflows {
        // The last column is the scroll bar's.
        body = styled(&page.body, width - 1);
    }
    let last = body.height().saturating_sub(room);
    *scroll = (*scroll).min(last);
    let [top, middle, bottom] = Layout::vertical([
        Constraint::Length(header.height() as u16),
        Constraint::Length(room as u16),
        Constraint::Length(footer.height() as u16),
    ])
    .areas(area);
    Paragraph::new(header).render(top, buf);
    Paragraph::new(body.clone())
        .scroll((*scroll as u16, 0))
        .render(middle, buf);
    Paragraph::new(footer).render(bottom, buf);
    if overflows {
        let mut state = ScrollbarState::new(last + 1).position(*scroll);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(middle, buf, &mut state);
        let position = position(*scroll, room, body.height());
        let row = Rect {
            height: 1,
            ..bottom
        };
        Paragraph::new(Line::from(position))
            .alignment(Alignment::Right)
            .render(row, buf);
    }
    room
}

/// Which lines of the body are on screen, and arrows for the ways it scrolls.
fn position(scroll: usize, room: usize, total: usize) -> String {
    let last = (scroll + room).min(total);
    let up = if scroll > 0 { "↑" } else { "" };
    let down = if last < total { "↓" } else { "" };
    format!(" {}-{last} of {total} {up}{down}", scroll + 1)
}

/// The rows of `buffer` as text without trailing spaces, for tests.
#[cfg(test)]
pub(super) fn rows(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let row: String = (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            row.trim_end().to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole_and_continues_under_the_indent() {
        let text = "  ✗ the request was retried without a limit";
        assert_eq!(
            wrap(text, 20),
            ["  ✗ the request was", "  retried without a", "  limit"]
        );
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        let link = "see \x1b]8;;file:///wb/src/lib.rs\x1b\\src/lib.rs\x1b]8;;\x1b\\ now";
        assert_eq!(wrap(link, 20), ["see src/lib.rs now"]);
    }

    #[test]
    fn colours_survive_the_wrap() {
        let text = styled("\x1b[1mbold words here\x1b[0m plain", 10);
        let lines: Vec<String> = text.lines.iter().map(ToString::to_string).collect();
        assert_eq!(lines, ["bold words", "here plain"]);
        let bold = |line: usize, span: usize| {
            text.lines[line].spans[span]
                .style
                .add_modifier
                .contains(ratatui::style::Modifier::BOLD)
        };
        assert!(bold(0, 0) && bold(1, 0), "{text:?}");
        assert!(!bold(1, text.lines[1].spans.len() - 1), "{text:?}");
    }

    #[test]
    fn the_position_says_which_way_there_is_more() {
        assert_eq!(position(0, 5, 20), " 1-5 of 20 ↓");
        assert_eq!(position(3, 5, 20), " 4-8 of 20 ↑↓");
        assert_eq!(position(15, 5, 20), " 16-20 of 20 ↑");
    }
}

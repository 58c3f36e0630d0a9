/*!
Text wrapped to the terminal's width, for the line-mode commands (`run`, `hint`, `explain`,
`list`, `verify`, `grade`).

A wrapped line continues under its own text: an indented line at its indent, a list item (`- `,
`1. `, or a verdict's `✗ `) after its bullet. Lines are broken only at spaces, never inside a word
(a long path overflows rather than being cut), an escape sequence or a link: colour codes take
no width (textwrap skips them), and the visible text of an OSC 8 link is held together.
With no width (standard output is not a terminal) every function returns its text unchanged,
so CI logs keep whole lines. Compiler output and code blocks are never passed here, or are
kept verbatim ([`markdown`] keeps fenced blocks and tables).
*/

use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm, core::display_width};

use super::link::Visible;

/// Stands for a space inside a link's text while a line is wrapped, so that no break falls
/// there. A private-use character: it never occurs in the course's text.
const HELD_SPACE: char = '\u{e000}';

/// The columns a continuation line keeps for its words, however deep its hang.
const MIN_ROOM: usize = 20;

/// Every line of `text` wrapped to `width`, each with its own hanging indent.
pub fn lines(text: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        out.push_str(&hanging(body, width, hang(body)));
        out.push_str(end);
    }
    out
}

/// `line` wrapped to `width`, its continuation lines indented by `hang` columns.
pub fn hanging(line: &str, width: usize, hang: usize) -> String {
    if display_width(line) <= width {
        return line.to_owned();
    }
    let indent = &line[..line.len() - line.trim_start_matches(' ').len()];
    let rest = hold_link_spaces(&line[indent.len()..]);
    // A continuation keeps room for words, whatever the hang asked for.
    let subsequent = " ".repeat(hang.min(width.saturating_sub(MIN_ROOM)));
    let options = Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(&subsequent)
        .break_words(false)
        // Greedy, as a terminal and most tools wrap: each line takes all the words that fit.
        .wrap_algorithm(WrapAlgorithm::FirstFit)
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation);
    textwrap::fill(&rest, options).replace(HELD_SPACE, " ")
}

/// The columns a wrapped `line` continues at: its indent, and a list bullet after it.
pub fn hang(line: &str) -> usize {
    let visible = Visible::of(line).text;
    let text = visible.trim_start_matches(' ');
    let indent = visible.len() - text.len();
    indent + display_width(bullet(text))
}

/// The bullet `text` opens with, with the spaces after it: `- `, `* `, `1. `, `✗ `, or nothing.
fn bullet(text: &str) -> &str {
    const MARKS: &[char] = &['-', '*', '+', '•', '·', '✓', '✗', '→', '⏱'];
    let mark_len = match text.chars().next() {
        Some(c) if MARKS.contains(&c) => c.len_utf8(),
        Some(c) if c.is_ascii_digit() => {
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            match text.as_bytes().get(digits) {
                Some(b'.' | b')') => digits + 1,
                _ => return "",
            }
        }
        _ => return "",
    };
    let after = &text[mark_len..];
    let spaces = after.len() - after.trim_start_matches(' ').len();
    if spaces == 0 || spaces == after.len() {
        return "";
    }
    &text[..mark_len + spaces]
}

/// `line` with the spaces inside OSC 8 links' text replaced by [`HELD_SPACE`].
fn hold_link_spaces(line: &str) -> String {
    const OPEN: &str = "\x1b]8;;";
    if !line.contains(OPEN) {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut inside = false;
    let mut rest = line;
    while let Some(at) = rest.find(OPEN) {
        let (before, from) = rest.split_at(at);
        out.push_str(&hold(before, inside));
        // The sequence itself, up to its terminator (ESC \ or BEL); one without a URL
        // (`ESC ]8;; ESC \`) closes a link, any other opens one.
        let body = &from[OPEN.len()..];
        let (url, terminator) = match body.find(['\x1b', '\x07']) {
            Some(i) if body[i..].starts_with('\x07') => (i, 1),
            Some(i) => (i, 2),
            None => (body.len(), 0),
        };
        let end = (OPEN.len() + url + terminator).min(from.len());
        let sequence = &from[..end];
        inside = url > 0;
        out.push_str(sequence);
        rest = &from[end..];
    }
    out.push_str(&hold(rest, inside));
    out
}

fn hold(text: &str, inside: bool) -> String {
    if inside {
        text.replace(' ', &HELD_SPACE.to_string())
    } else {
        text.to_owned()
    }
}

/// Markdown prose (a topic's page, a hint) reflowed to `width`: the lines of a paragraph or a
/// list item are joined and wrapped again, under the item's bullet. Headings, tables, fenced
/// code and indented code are kept as they are.
pub fn markdown(text: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text.to_owned();
    };
    let mut out = String::with_capacity(text.len());
    let mut paragraph = String::new();
    let mut fenced = false;
    let flush = |paragraph: &mut String, out: &mut String| {
        if !paragraph.is_empty() {
            out.push_str(&hanging(paragraph, width, hang(paragraph)));
            out.push('\n');
            paragraph.clear();
        }
    };
    for line in text.lines() {
        let trimmed = line.trim_start();
        let fence = trimmed.starts_with("```") || trimmed.starts_with("~~~");
        let starts_block = paragraph.is_empty() && line.starts_with("    ");
        if fenced || fence || trimmed.is_empty() || verbatim(trimmed) || starts_block {
            flush(&mut paragraph, &mut out);
            fenced ^= fence;
            out.push_str(line);
            out.push('\n');
        } else if !paragraph.is_empty() && bullet(trimmed).is_empty() {
            paragraph.push(' ');
            paragraph.push_str(trimmed);
        } else {
            flush(&mut paragraph, &mut out);
            paragraph.push_str(line.trim_end());
        }
    }
    flush(&mut paragraph, &mut out);
    if !text.ends_with('\n') {
        out.pop();
    }
    out
}

/// Lines that stand alone: headings, table rows, rules.
fn verbatim(trimmed: &str) -> bool {
    trimmed.starts_with('#') || trimmed.starts_with('|') || trimmed.starts_with("---")
}

#[cfg(test)]
mod tests;

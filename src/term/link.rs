/*!
Terminal hyperlinks (OSC 8) to the student's files: the header's path, the compiler's
` --> path:line:col` and a failing test's `at path:line:col`.

URLs are built by the `url` crate, so a folder named `my wb#1` becomes `my%20wb%231` and the link
still opens it. A `file://` URL has no place for a line (RFC 8089 defines none; a `:3:5` suffix
or a `#L3` fragment is read by some editors and makes others open a file that does not exist),
so a link opens the file and its visible text keeps `path:line:col`, which editors' and
terminals' own "go to location" understand. The host is left empty, which terminals read as this
machine.

Whether links are written at all is decided once, in [`super::detect`]; these functions only
build text.
*/

use std::path::{Component, Path};

use url::Url;

/// Opens an OSC 8 hyperlink to `url`; [`CLOSE`] ends it.
fn open(url: &Url) -> String {
    format!("\x1b]8;;{url}\x1b\\")
}

/// Ends an OSC 8 hyperlink.
const CLOSE: &str = "\x1b]8;;\x1b\\";

/// `text` as a link to `url`.
pub fn hyperlink(url: &Url, text: &str) -> String {
    format!("{}{text}{CLOSE}", open(url))
}

/// `text` as a link to the file at `path`; `text` unchanged when `path` is not absolute (a
/// `file://` URL names a file from the root).
pub fn file(path: &Path, text: &str) -> String {
    match Url::from_file_path(path) {
        Ok(url) => hyperlink(&url, text),
        Err(()) => text.to_owned(),
    }
}

/// `text` with every location `path:line[:col]` whose path (relative to `root`) lies inside
/// `within` made a link to that file: the compiler's ` --> ` lines, a failing test's
/// `at path:line:col`, `panicked at …`. Standard-library and hidden-test locations are outside
/// `within` and stay text. Colour codes around a location are kept; a line that already holds
/// a link is left alone, so that links never nest.
pub fn locations(text: &str, root: &Path, within: &Path) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.contains("\x1b]8;") {
            out.push_str(line);
        } else {
            link_line(line, root, within, &mut out);
        }
    }
    out
}

/// One line of [`locations`], appended to `out`.
fn link_line(line: &str, root: &Path, within: &Path, out: &mut String) {
    let visible = Visible::of(line);
    let mut done = 0;
    for (start, end) in tokens(&visible.text) {
        let Some(path) = location_path(&visible.text[start..end]) else {
            continue;
        };
        if !inside(path, within) {
            continue;
        }
        let Ok(url) = Url::from_file_path(root.join(path)) else {
            continue;
        };
        let (from, to) = (visible.at[start], visible.at[end - 1] + 1);
        out.push_str(&line[done..from]);
        out.push_str(&hyperlink(&url, &line[from..to]));
        done = to;
    }
    out.push_str(&line[done..]);
}

/// A line without its escape sequences, and where each of its bytes is in the line.
pub(super) struct Visible {
    pub(super) text: String,
    at: Vec<usize>,
}

impl Visible {
    pub(super) fn of(line: &str) -> Self {
        let bytes = line.as_bytes();
        let (mut text, mut at) = (Vec::new(), Vec::new());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == 0x1b {
                i = escape_end(bytes, i);
                continue;
            }
            text.push(bytes[i]);
            at.push(i);
            i += 1;
        }
        // Escape sequences are ASCII and end on ASCII, so what is left is whole characters.
        let text = String::from_utf8(text).expect("only ASCII escape sequences were removed");
        Self { text, at }
    }
}

/// Where the escape sequence starting at `i` ends: CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or
/// `ESC ] … ESC \`), or any other two-byte escape.
fn escape_end(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i + 1) {
        Some(b'[') => (i + 2..bytes.len())
            .find(|&j| (0x40..=0x7e).contains(&bytes[j]))
            .map_or(bytes.len(), |j| j + 1),
        Some(b']') => (i + 2..bytes.len())
            .find_map(|j| match bytes[j] {
                0x07 => Some(j + 1),
                0x1b if bytes.get(j + 1) == Some(&b'\\') => Some(j + 2),
                _ => None,
            })
            .unwrap_or(bytes.len()),
        Some(_) => i + 2,
        None => i + 1,
    }
}

/// The words of `text` as byte ranges, without the quotes, brackets and punctuation around them
/// (`(src/lib.rs:3:5)`, `` `x` ``, `lib.rs:3:5:` as Rust 1.73+ prints before a panic message).
fn tokens(text: &str) -> Vec<(usize, usize)> {
    const OPENING: &[char] = &['`', '\'', '"', '(', '[', '<'];
    const CLOSING: &[char] = &['`', '\'', '"', ')', ']', '>', ':', ',', '.', ';'];
    let mut found = Vec::new();
    let mut offset = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += word.len();
        let trimmed = word.trim_end().trim_start_matches(OPENING);
        let trimmed = trimmed.trim_end_matches(CLOSING);
        if trimmed.is_empty() {
            continue;
        }
        let lead = word.len() - word.trim_start_matches(OPENING).len();
        found.push((start + lead, start + lead + trimmed.len()));
    }
    found
}

/// The path of `path:line` or `path:line:col`, when `token` is one.
fn location_path(token: &str) -> Option<&str> {
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let (rest, last) = token.rsplit_once(':')?;
    if !numeric(last) {
        return None;
    }
    let path = match rest.rsplit_once(':') {
        Some((path, line)) if numeric(line) => path,
        _ => rest,
    };
    (!path.is_empty()).then_some(path)
}

/// Whether the relative `path` names a file inside `within` without leaving it through `..`.
fn inside(path: &str, within: &Path) -> bool {
    let path = Path::new(path);
    path.components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        && path.starts_with(within)
}

// The paths are Unix paths: a `file://` URL needs an absolute one.
#[cfg(all(test, unix))]
mod tests {
    use super::*;

    const ROOT: &str = "/home/ada/my wb#1";
    const WITHIN: &str = "exercises/00_basics/adder";

    fn link(url: &str, text: &str) -> String {
        format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\")
    }

    fn linked(text: &str) -> String {
        locations(text, Path::new(ROOT), Path::new(WITHIN))
    }

    #[test]
    fn a_file_link_is_percent_encoded() {
        assert_eq!(
            file(Path::new("/home/ada/my wb#1/src/lib.rs"), "src/lib.rs"),
            link("file:///home/ada/my%20wb%231/src/lib.rs", "src/lib.rs")
        );
    }

    #[test]
    fn a_relative_path_is_not_a_link() {
        assert_eq!(file(Path::new("src/lib.rs"), "src/lib.rs"), "src/lib.rs");
    }

    #[test]
    fn compiler_locations_become_links_that_keep_line_and_column() {
        let text = "error[E0308]: mismatched types\n \
                    --> exercises/00_basics/adder/src/lib.rs:2:5\n  |\n";
        let url = "file:///home/ada/my%20wb%231/exercises/00_basics/adder/src/lib.rs";
        assert_eq!(
            linked(text),
            format!(
                "error[E0308]: mismatched types\n --> {}\n  |\n",
                link(url, "exercises/00_basics/adder/src/lib.rs:2:5")
            )
        );
    }

    #[test]
    fn coloured_compiler_locations_keep_their_colours() {
        let text = "  \x1b[1m\x1b[94m--> \x1b[0mexercises/00_basics/adder/src/lib.rs:2:5\x1b[0m\n";
        let url = "file:///home/ada/my%20wb%231/exercises/00_basics/adder/src/lib.rs";
        assert_eq!(
            linked(text),
            format!(
                "  \x1b[1m\x1b[94m--> \x1b[0m{}\x1b[0m\n",
                link(url, "exercises/00_basics/adder/src/lib.rs:2:5")
            )
        );
    }

    #[test]
    fn panic_locations_in_the_students_files_become_links() {
        let text = "assertion failed\n  at exercises/00_basics/adder/src/lib.rs:7:9\n\
                    panicked at exercises/00_basics/adder/src/lib.rs:3:5:\n";
        let url = "file:///home/ada/my%20wb%231/exercises/00_basics/adder/src/lib.rs";
        assert_eq!(
            linked(text),
            format!(
                "assertion failed\n  at {}\npanicked at {}:\n",
                link(url, "exercises/00_basics/adder/src/lib.rs:7:9"),
                link(url, "exercises/00_basics/adder/src/lib.rs:3:5")
            )
        );
    }

    #[test]
    fn locations_outside_the_students_files_stay_text() {
        let text = "  at tests/hidden/adder.rs:12:5\n\
                    at /rustc/abc/library/core/src/panic.rs:1:1\n\
                    --> exercises/00_basics/other/src/lib.rs:1:1\n\
                    at exercises/00_basics/adder/../other/src/lib.rs:1:1\n\
                    see exercises/00_basics/adder/src/lib.rs for more\n";
        assert_eq!(linked(text), text);
    }

    #[test]
    fn a_line_with_a_link_is_left_alone() {
        let text = format!(
            "{} at exercises/00_basics/adder/src/lib.rs:1:1\n",
            link("file:///x", "x")
        );
        assert_eq!(linked(&text), text);
    }

    #[test]
    fn a_location_in_backquotes_keeps_its_quotes_outside_the_link() {
        let url = "file:///home/ada/my%20wb%231/exercises/00_basics/adder/src/lib.rs";
        assert_eq!(
            linked("(`exercises/00_basics/adder/src/lib.rs:4`)"),
            format!(
                "(`{}`)",
                link(url, "exercises/00_basics/adder/src/lib.rs:4")
            )
        );
    }
}

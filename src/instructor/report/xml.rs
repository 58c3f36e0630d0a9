/*!
Just enough XML for the JUnit report, written here so that every character is ours to check:
XML 1.0 cannot hold U+FFFE, U+FFFF, NUL or most C0 controls (not even escaped), and one such
character in one student's output would make the whole class's report unreadable. Text is
cleaned with [`clean`] before it is escaped.
*/

/// Text as XML 1.0 can hold it: ANSI escape codes removed, and every character outside XML's
/// `Char` production (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF)
/// replaced by U+FFFD. Lone surrogates never reach here: a Rust string cannot hold one, and the
/// check reads output lossily, so they are already U+FFFD.
pub(super) fn clean(text: &str) -> String {
    console::strip_ansi_codes(text)
        .chars()
        .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
        .collect()
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn escape(text: &str, in_attribute: bool, out: &mut String) {
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            // An attribute's line breaks and tabs would be normalised to spaces by a parser.
            '\n' if in_attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if in_attribute => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
}

/// An element with attributes and either child elements or text.
pub(super) struct Element {
    name: &'static str,
    attributes: Vec<(&'static str, String)>,
    children: Vec<Element>,
    text: Option<String>,
}

impl Element {
    pub(super) fn new(name: &'static str) -> Self {
        Self {
            name,
            attributes: Vec::new(),
            children: Vec::new(),
            text: None,
        }
    }

    pub(super) fn attr(mut self, name: &'static str, value: impl ToString) -> Self {
        self.attributes.push((name, value.to_string()));
        self
    }

    pub(super) fn push(&mut self, child: Element) {
        self.children.push(child);
    }

    /// Text content, written only when the element has no children.
    pub(super) fn text(mut self, text: &str) -> Self {
        self.text = (!text.is_empty()).then(|| text.to_owned());
        self
    }

    /// The document: the XML declaration and this element.
    pub(super) fn document(&self) -> String {
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        self.write(0, &mut out);
        out
    }

    fn write(&self, depth: usize, out: &mut String) {
        let indent = "  ".repeat(depth);
        out.push_str(&indent);
        out.push('<');
        out.push_str(self.name);
        for (name, value) in &self.attributes {
            out.push(' ');
            out.push_str(name);
            out.push_str("=\"");
            escape(value, true, out);
            out.push('"');
        }
        match (&self.text, self.children.is_empty()) {
            (_, false) => {
                out.push_str(">\n");
                for child in &self.children {
                    child.write(depth + 1, out);
                }
                out.push_str(&indent);
            }
            (Some(text), true) => {
                out.push('>');
                escape(text, false, out);
            }
            (None, true) => {
                out.push_str("/>\n");
                return;
            }
        }
        out.push_str("</");
        out.push_str(self.name);
        out.push_str(">\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_cannot_hold_are_replaced_and_ansi_codes_removed() {
        let dirty = "a\u{FFFE}b\u{FFFF}c\0d\u{1b}[31mred\u{1b}[0m\u{7}\t\n\r\u{10000}";
        assert_eq!(
            clean(dirty),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}dred\u{FFFD}\t\n\r\u{10000}"
        );
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut case = Element::new("case").attr("name", "<a & \"b\">\nnext");
        case.push(Element::new("out").text("x < y && z\u{0}"));
        case.push(Element::new("empty"));
        let xml = case.document();
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <case name=\"&lt;a &amp; &quot;b&quot;&gt;&#10;next\">\n  \
             <out>x &lt; y &amp;&amp; z\u{FFFD}</out>\n  <empty/>\n</case>\n"
        );
        roxmltree::Document::parse(&xml).unwrap();
    }
}

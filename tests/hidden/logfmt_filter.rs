use logfmt_filter::{parse, select, Level, ParseError, Query};

/// Expected fields from `(key, value)` pairs.
fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|&(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn query(min_level: Level, field: Option<(&str, &str)>) -> Query {
    Query {
        min_level,
        field: field.map(|(k, v)| (k.to_string(), v.to_string())),
    }
}

// Task 1: Parse a logfmt line into its fields
#[test]
fn unquoted_pairs_parse_in_their_order() {
    assert_eq!(
        parse("at=info method=GET path=/ status=200"),
        Ok(fields(&[
            ("at", "info"),
            ("method", "GET"),
            ("path", "/"),
            ("status", "200")
        ])),
        "Brandur's example: four key=value pairs, in the order they were written"
    );
}

#[test]
fn runs_of_spaces_separate_pairs_and_the_ends_are_trimmed() {
    assert_eq!(
        parse("   a=1     b=2  "),
        Ok(fields(&[("a", "1"), ("b", "2")])),
        "several spaces are one separator, and spaces before the first or after the last pair \
         are no field"
    );
    assert_eq!(parse(""), Ok(vec![]), "an empty line has no fields");
    assert_eq!(parse("    "), Ok(vec![]), "a line of spaces has no fields");
}

#[test]
fn an_unquoted_value_may_be_empty_or_hold_equals_signs() {
    assert_eq!(
        parse("user= path=/a?b=c next=1"),
        Ok(fields(&[("user", ""), ("path", "/a?b=c"), ("next", "1")])),
        "`user=` has an empty value; an unquoted value runs to the next space, `=` included"
    );
}

#[test]
fn a_quoted_value_holds_spaces_and_escapes() {
    assert_eq!(
        parse(r#"msg="card \"declined\" by bank" dir="C:\\tmp" lines="one\ntwo" empty="""#),
        Ok(fields(&[
            ("msg", "card \"declined\" by bank"),
            ("dir", "C:\\tmp"),
            ("lines", "one\ntwo"),
            ("empty", ""),
        ])),
        "inside quotes spaces are kept, \\\" is a quote, \\\\ a backslash, \\n a newline, and \
         \"\" is an empty value"
    );
}

#[test]
fn a_bare_key_is_a_flag_set_to_true() {
    assert_eq!(
        parse("retry level=warn cached"),
        Ok(fields(&[
            ("retry", "true"),
            ("level", "warn"),
            ("cached", "true")
        ])),
        "a key without `=` is a flag: its value is \"true\", at the start or the end of a line"
    );
}

#[test]
fn a_pair_without_a_key_is_an_error_where_the_key_should_be() {
    assert_eq!(
        parse("=5"),
        Err(ParseError::MissingKey { at: 0 }),
        "`=5` has no key: the error points at byte 0"
    );
    assert_eq!(
        parse("level=warn  =x"),
        Err(ParseError::MissingKey { at: 12 }),
        "the second pair starts with `=` at byte 12"
    );
}

#[test]
fn an_unterminated_quote_is_an_error_at_the_opening_quote() {
    assert_eq!(
        parse(r#"a=1 msg="oops"#),
        Err(ParseError::UnterminatedQuote { at: 8 }),
        "the quote opened at byte 8 is never closed"
    );
    assert_eq!(
        parse(r#"msg="ends with \"#),
        Err(ParseError::UnterminatedQuote { at: 4 }),
        "a final backslash escapes nothing and leaves the quote at byte 4 open"
    );
}

#[test]
fn an_unknown_escape_is_an_error_at_the_backslash() {
    assert_eq!(
        parse(r#"msg="tab\there""#),
        Err(ParseError::BadEscape { at: 8 }),
        "only \\\", \\\\ and \\n are escapes; \\t at byte 8 is an error"
    );
}

#[test]
fn positions_are_byte_offsets() {
    assert_eq!(
        parse("city=\"Zürich\" =x"),
        Err(ParseError::MissingKey { at: 15 }),
        "ü takes two bytes in UTF-8, so the `=` is at byte 15 (character 14)"
    );
    assert_eq!(
        parse("a=x =x"),
        Err(ParseError::MissingKey { at: 4 }),
        "the key-less pair starts at byte 4, even though `=x` also appears at byte 1"
    );
    assert_eq!(
        parse("city=Zürich"),
        Ok(fields(&[("city", "Zürich")])),
        "non-ASCII text is kept as it is"
    );
}

#[test]
fn parse_errors_explain_themselves() {
    let errors = [
        ParseError::MissingKey { at: 3 },
        ParseError::UnterminatedQuote { at: 3 },
        ParseError::BadEscape { at: 3 },
    ];
    let mut messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        messages.iter().all(|m| m.contains('3')),
        "each error message names the byte offset: {messages:?}"
    );
    messages.sort();
    messages.dedup();
    assert_eq!(messages.len(), 3, "each error has its own message");
}

// Task 2: Select the lines that match a query
#[test]
fn level_names_are_read_in_any_case() {
    let cases = [
        ("debug", Level::Debug),
        ("INFO", Level::Info),
        ("Warn", Level::Warn),
        ("warning", Level::Warn),
        ("WARNING", Level::Warn),
        ("error", Level::Error),
        ("ERROR", Level::Error),
    ];
    for (name, level) in cases {
        assert_eq!(
            Level::parse(name),
            Some(level),
            "{name:?} names the level {level:?}"
        );
    }
    assert!(
        Level::Debug < Level::Info && Level::Info < Level::Warn && Level::Warn < Level::Error,
        "levels are ordered debug < info < warn < error"
    );
}

#[test]
fn unknown_level_names_are_none() {
    for name in ["fatal", "", "warnings", "inf", "err", " warn"] {
        assert_eq!(
            Level::parse(name),
            None,
            "{name:?} is not one of debug, info, warn, warning, error"
        );
    }
}

#[test]
fn lines_at_or_above_the_minimum_level_match() {
    let lines = [
        "level=debug msg=a",
        "level=info msg=b",
        "level=warn msg=c",
        "level=error msg=d",
        "level=WARNING msg=e",
    ];
    assert_eq!(
        select(&lines, &query(Level::Warn, None)),
        vec![
            "level=warn msg=c",
            "level=error msg=d",
            "level=WARNING msg=e"
        ],
        "level ≥ warn keeps warn (equal counts), error and WARNING, whole and in order"
    );
    assert_eq!(
        select(&lines, &query(Level::Debug, None)).len(),
        5,
        "level ≥ debug keeps every line with a known level"
    );
}

#[test]
fn a_field_must_hold_exactly_the_value() {
    let lines = [
        "level=warn msg=\"payment declined\" order=42",
        "level=info order=42",
        "level=error order=43",
        "level=error order=420",
        "level=error msg=timeout",
        "level=error order=\"42\"",
    ];
    assert_eq!(
        select(&lines, &query(Level::Warn, Some(("order", "42")))),
        vec![
            "level=warn msg=\"payment declined\" order=42",
            "level=error order=\"42\""
        ],
        "order=42 at warn or above: not info, not 43, not 420 (no prefix match), not a line \
         without the field; a quoted \"42\" is the value 42"
    );
    assert_eq!(
        select(
            &lines,
            &query(Level::Warn, Some(("msg", "payment declined")))
        ),
        vec!["level=warn msg=\"payment declined\" order=42"],
        "a quoted value is compared unquoted"
    );
}

#[test]
fn the_first_of_repeated_keys_decides() {
    let lines = ["level=info level=error", "level=error order=1 order=2"];
    assert!(
        select(&lines[..1], &query(Level::Warn, None)).is_empty(),
        "the first level, info, is the line's level"
    );
    assert_eq!(
        select(&lines[1..], &query(Level::Debug, Some(("order", "2")))),
        Vec::<&str>::new(),
        "the first order (1) is the line's order, so order=2 does not match"
    );
}

#[test]
fn lines_that_do_not_parse_or_lack_a_level_never_match() {
    let lines = [
        "level=error msg=\"unterminated",
        "msg=\"no level\" order=42",
        "level=fatal order=42",
        "level order=42",
        "level=error order=42",
    ];
    assert_eq!(
        select(&lines, &query(Level::Debug, Some(("order", "42")))),
        vec!["level=error order=42"],
        "a line that does not parse, one without a level, one with an unknown level and a bare \
         `level` flag are all skipped; the search still returns the good line"
    );
}

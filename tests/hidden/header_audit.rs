use header_audit::{audit, header, hsts_max_age, Finding, HstsError, ONE_YEAR_SECS};

fn headers(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

/// A response that passes every check.
fn good() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains",
        ),
        ("X-Content-Type-Options", "nosniff"),
        ("Content-Security-Policy", "default-src 'self'"),
        ("Server", "nginx"),
        ("Content-Type", "text/html"),
    ]
}

/// `good()` with the header `name` replaced by `value`, or removed when `value` is `None`.
fn good_with(name: &str, value: Option<&'static str>) -> Vec<(String, String)> {
    let mut list: Vec<(&str, &str)> = good().into_iter().filter(|(n, _)| *n != name).collect();
    if let Some(value) = value {
        list.push((name, value));
    }
    headers(&list)
}

fn bad_max_age(value: &str) -> Result<u64, HstsError> {
    Err(HstsError::BadMaxAge(value.to_string()))
}

// Task 1: Find a header whatever the case of its name
#[test]
fn header_names_are_case_insensitive() {
    let h = headers(&[("content-security-policy", "default-src 'self'")]);
    assert_eq!(
        header(&h, "Content-Security-Policy"),
        Some("default-src 'self'"),
        "field names ignore case: content-security-policy is Content-Security-Policy"
    );
    assert_eq!(
        header(&h, "CONTENT-SECURITY-POLICY"),
        Some("default-src 'self'"),
        "the name asked for may be in any case too"
    );
}

#[test]
fn the_first_header_of_a_name_wins_and_its_value_is_trimmed() {
    let h = headers(&[("server", " nginx "), ("Server", "other")]);
    assert_eq!(
        header(&h, "SERVER"),
        Some("nginx"),
        "the first Server header counts, without the spaces around its value"
    );
    let tabs = headers(&[("X-Content-Type-Options", " \tno sniff\t ")]);
    assert_eq!(
        header(&tabs, "x-content-type-options"),
        Some("no sniff"),
        "spaces and tabs around the value go; the space inside stays"
    );
}

#[test]
fn a_missing_header_is_none_and_names_must_match_whole() {
    let h = headers(&[("Server-Timing", "db;dur=53"), ("X-Server", "a")]);
    assert_eq!(
        header(&h, "Server"),
        None,
        "Server-Timing and X-Server are other headers: there is no Server header here"
    );
}

// Task 2: Read the max-age of a Strict-Transport-Security value
#[test]
fn max_age_is_read_with_or_without_quotes_and_other_directives() {
    assert_eq!(
        hsts_max_age("max-age=31536000"),
        Ok(31_536_000),
        "max-age=31536000 is one year"
    );
    assert_eq!(
        hsts_max_age("max-age=\"31536000\"; includeSubDomains"),
        Ok(31_536_000),
        "the value may be a quoted-string (RFC 6797 §6.1), and includeSubDomains is ignored"
    );
    assert_eq!(
        hsts_max_age("includeSubDomains; max-age=600; preload"),
        Ok(600),
        "max-age need not come first"
    );
    assert_eq!(
        hsts_max_age("max-age=10; foo=bar; x"),
        Ok(10),
        "unknown directives are ignored"
    );
}

#[test]
fn directive_names_ignore_case_and_spaces_are_allowed() {
    assert_eq!(
        hsts_max_age("  MAX-AGE = 600 ; includesubdomains"),
        Ok(600),
        "directive names are case-insensitive, and spaces may surround the name, = and value"
    );
    assert_eq!(
        hsts_max_age("max-age=5;;  ;includeSubDomains;"),
        Ok(5),
        "empty directives between semicolons are allowed and skipped"
    );
}

#[test]
fn max_age_is_required() {
    assert_eq!(
        hsts_max_age("includeSubDomains; preload"),
        Err(HstsError::MissingMaxAge),
        "RFC 6797 requires max-age: without it the header means nothing"
    );
    assert_eq!(
        hsts_max_age(""),
        Err(HstsError::MissingMaxAge),
        "an empty value has no max-age either"
    );
}

#[test]
fn max_age_is_digits_only() {
    for raw in [
        "+5",
        "-1",
        "",
        "1y",
        "\"\"",
        "\"5",
        "1 000",
        "99999999999999999999999",
    ] {
        assert_eq!(
            hsts_max_age(&format!("max-age={raw}")),
            bad_max_age(raw),
            "max-age={raw} is not one or more digits fitting a u64 (delta-seconds): the error \
             quotes the value as written"
        );
    }
    assert_eq!(
        hsts_max_age("max-age; includeSubDomains"),
        bad_max_age(""),
        "a max-age with no value at all is a bad max-age, not a missing one"
    );
}

#[test]
fn a_directive_may_appear_only_once() {
    assert_eq!(
        hsts_max_age("max-age=1; Max-Age=2"),
        Err(HstsError::Duplicate("max-age".to_string())),
        "max-age twice (in any case) makes the header invalid; the name is given in lower case"
    );
    assert_eq!(
        hsts_max_age("max-age=1; includeSubDomains; INCLUDESUBDOMAINS"),
        Err(HstsError::Duplicate("includesubdomains".to_string())),
        "every directive may appear only once, not just max-age"
    );
}

#[test]
fn the_first_problem_in_the_header_is_reported() {
    assert_eq!(
        hsts_max_age("max-age=abc; max-age=1"),
        bad_max_age("abc"),
        "the bad value comes before the duplicate, so it is the error"
    );
    assert_eq!(
        hsts_max_age("max-age=1; max-age=abc"),
        Err(HstsError::Duplicate("max-age".to_string())),
        "the second max-age is a duplicate before its value is even looked at"
    );
}

#[test]
fn hsts_errors_explain_themselves() {
    let message = |value: &str| hsts_max_age(value).map_err(|e| e.to_string());
    assert_eq!(
        message("preload"),
        Err("no max-age directive".to_string()),
        "the message names the missing directive"
    );
    assert_eq!(
        message("max-age=+5"),
        Err("max-age is not a number of seconds: \"+5\"".to_string()),
        "the message quotes the bad value"
    );
    assert_eq!(
        message("max-age=1; preload; Preload"),
        Err("directive preload appears more than once".to_string()),
        "the message names the repeated directive"
    );
}

// Task 3: Report every finding of the response
#[test]
fn a_well_configured_response_has_no_findings() {
    assert_eq!(
        audit(&headers(&good())),
        vec![],
        "a year of HSTS, nosniff, a CSP and a Server header without a version: nothing to report"
    );
}

#[test]
fn every_finding_is_reported_in_order() {
    let h = headers(&[
        ("strict-transport-security", "max-age=86400"),
        ("Server", "Apache/2.4.41 (Ubuntu)"),
    ]);
    assert_eq!(
        audit(&h),
        vec![
            Finding::HstsTooShort {
                max_age_secs: 86_400
            },
            Finding::NosniffMissing,
            Finding::CspMissing,
            Finding::ServerVersion("Apache/2.4.41 (Ubuntu)".to_string()),
        ],
        "the worked example: every finding, not just the first, in the order HSTS, nosniff, \
         CSP, Server, X-Powered-By"
    );
    assert_eq!(
        audit(&headers(&[
            ("X-Powered-By", "Express"),
            ("Server", "nginx/1.25.3")
        ])),
        vec![
            Finding::HstsMissing,
            Finding::NosniffMissing,
            Finding::CspMissing,
            Finding::ServerVersion("nginx/1.25.3".to_string()),
            Finding::PoweredBy("Express".to_string()),
        ],
        "five findings, in the fixed order, whatever the order of the headers"
    );
    assert_eq!(
        audit(&headers(&[(
            "Strict-Transport-Security",
            "max-age=1; max-age=2"
        )])),
        vec![
            Finding::HstsInvalid(HstsError::Duplicate("max-age".to_string())),
            Finding::NosniffMissing,
            Finding::CspMissing,
        ],
        "an invalid HSTS header is one finding among others: the checks after it still run"
    );
}

#[test]
fn hsts_must_be_present_readable_and_a_year_long() {
    let name = "Strict-Transport-Security";
    assert_eq!(
        audit(&good_with(name, None)),
        vec![Finding::HstsMissing],
        "no Strict-Transport-Security header at all"
    );
    assert_eq!(
        audit(&good_with(name, Some("includeSubDomains"))),
        vec![Finding::HstsInvalid(HstsError::MissingMaxAge)],
        "a header without max-age is reported as invalid, with the reason"
    );
    assert_eq!(
        audit(&good_with(name, Some("max-age=31535999"))),
        vec![Finding::HstsTooShort {
            max_age_secs: 31_535_999
        }],
        "one second short of a year is too short"
    );
    assert_eq!(
        audit(&good_with(name, Some("max-age=31536000"))),
        vec![],
        "exactly one year ({ONE_YEAR_SECS} s) passes"
    );
    assert_eq!(
        audit(&good_with(name, Some("max-age=0"))),
        vec![Finding::HstsTooShort { max_age_secs: 0 }],
        "max-age=0 tells browsers to forget HSTS: far too short"
    );
}

#[test]
fn only_the_first_hsts_header_counts() {
    let mut h = good_with("Strict-Transport-Security", None);
    h.insert(
        0,
        (
            "strict-transport-security".to_string(),
            "max-age=60".to_string(),
        ),
    );
    h.push((
        "Strict-Transport-Security".to_string(),
        "max-age=63072000".to_string(),
    ));
    assert_eq!(
        audit(&h),
        vec![Finding::HstsTooShort { max_age_secs: 60 }],
        "browsers process only the first Strict-Transport-Security header (RFC 6797 §8.1): \
         its 60 s are what counts"
    );
}

#[test]
fn nosniff_is_the_first_value_ignoring_case() {
    let name = "X-Content-Type-Options";
    for value in ["nosniff", "NoSniff", "nosniff, nosniff", " NOSNIFF ,x"] {
        assert_eq!(
            audit(&good_with(name, Some(value))),
            vec![],
            "{value:?}: the first comma-separated value is nosniff, ignoring case"
        );
    }
    for value in ["sniff", "foo, nosniff", "", "no-sniff"] {
        assert_eq!(
            audit(&good_with(name, Some(value))),
            vec![Finding::NosniffMissing],
            "{value:?}: the first value is not nosniff, so browsers may still sniff"
        );
    }
    assert_eq!(
        audit(&good_with(name, None)),
        vec![Finding::NosniffMissing],
        "no X-Content-Type-Options header at all"
    );
}

#[test]
fn a_csp_must_be_present_enforced_and_not_empty() {
    let name = "Content-Security-Policy";
    assert_eq!(
        audit(&good_with(name, None)),
        vec![Finding::CspMissing],
        "no Content-Security-Policy header"
    );
    let mut report_only = good_with(name, None);
    report_only.push((
        "Content-Security-Policy-Report-Only".to_string(),
        "default-src 'self'".to_string(),
    ));
    assert_eq!(
        audit(&report_only),
        vec![Finding::CspMissing],
        "a report-only policy enforces nothing, so it does not count as a CSP"
    );
    assert_eq!(
        audit(&good_with(name, Some("  "))),
        vec![Finding::CspMissing],
        "an empty policy is as good as none"
    );
}

#[test]
fn a_server_header_must_not_give_its_version_away() {
    let name = "Server";
    assert_eq!(
        audit(&good_with(name, Some("nginx/1.25.3"))),
        vec![Finding::ServerVersion("nginx/1.25.3".to_string())],
        "product/version tells an attacker which vulnerabilities to try"
    );
    assert_eq!(
        audit(&good_with(name, None)),
        vec![],
        "no Server header at all leaks nothing"
    );
    assert_eq!(
        audit(&good_with(name, Some("cloudflare"))),
        vec![],
        "a bare product name without a version is fine"
    );
}

#[test]
fn any_x_powered_by_header_is_a_finding() {
    let mut h = headers(&good());
    h.push(("x-powered-by".to_string(), " PHP ".to_string()));
    assert_eq!(
        audit(&h),
        vec![Finding::PoweredBy("PHP".to_string())],
        "OWASP says remove X-Powered-By: it is reported even without a version, trimmed"
    );
}

#[test]
fn the_audit_reads_header_names_in_any_case() {
    let h = headers(&[
        ("STRICT-TRANSPORT-SECURITY", "max-age=31536000"),
        ("x-content-type-options", "nosniff"),
        ("content-security-policy", "default-src 'none'"),
        ("SERVER", "envoy"),
    ]);
    assert_eq!(
        audit(&h),
        vec![],
        "every check finds its header whatever the case of the name"
    );
}

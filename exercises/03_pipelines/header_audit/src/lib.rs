//! # header_audit: a DAST check of a staging response's security headers
//!
//! Static analysis (SAST) reads the code; dynamic analysis (DAST) probes the running
//! application from outside, as an attacker would, which is why it runs against staging once
//! the build is deployed there. One of the cheapest dynamic checks looks at the headers of a
//! response, because several browser defences are only switched on by the server: the OWASP
//! Secure Headers Project lists what to send and what to remove. A check like this in the
//! pipeline catches the proxy config that silently dropped a header, before production does.
//!
//! Headers arrive as `(name, value)` pairs in the order received. Field names are
//! case-insensitive (RFC 9110 §5.1) and the spaces or tabs around a value are not part of it
//! (§5.5). All times in this exercise are in **seconds**, as HSTS itself counts them.
//!
//! ## Task 1: Find a header whatever the case of its name
//!
//! [`header`] returns the value of the first header whose name equals `name` ignoring ASCII
//! case, with the spaces and tabs around it removed; `None` if there is none.
//!
//! Example: in `[("server", " nginx "), ("Server", "other")]`, `header(h, "SERVER")` is
//! `Some("nginx")`.
//!
//! ## Task 2: Read the max-age of a Strict-Transport-Security value
//!
//! [`hsts_max_age`] follows RFC 6797 §6.1: the value is directives separated by `;` (empty ones
//! are allowed and skipped), each a name, optionally `=` and a value, with spaces around each
//! part allowed. Names are case-insensitive; directives other than `max-age` (such as
//! `includeSubDomains`, `preload`) are ignored. Going through the directives in order, the
//! first problem found is the error:
//! - a directive name seen before, ignoring case: [`HstsError::Duplicate`] with that name in
//!   lower case (every directive may appear only once);
//! - a `max-age` whose value, after removing one pair of surrounding double quotes, is not
//!   one or more digits fitting a `u64`: [`HstsError::BadMaxAge`] with the value as written;
//! - at the end, no `max-age` at all: [`HstsError::MissingMaxAge`].
//!
//! Example: `max-age="31536000"; includeSubDomains` → `Ok(31536000)`; `max-age=+5` →
//! `Err(BadMaxAge("+5"))`; `max-age=1; Max-Age=2` → `Err(Duplicate("max-age"))`.
//!
//! ## Task 3: Report every finding of the response
//!
//! [`audit`] returns every [`Finding`], in this order:
//! 1. HSTS: [`Finding::HstsMissing`] with no `Strict-Transport-Security` header,
//!    [`Finding::HstsInvalid`] if its value cannot be read, [`Finding::HstsTooShort`] if its
//!    max-age is below [`ONE_YEAR_SECS`] (OWASP's recommended 31 536 000 s; exactly one year
//!    passes). Only the first such header counts (RFC 6797 §8.1).
//! 2. [`Finding::NosniffMissing`] unless `X-Content-Type-Options` is `nosniff`: browsers take
//!    its first comma-separated value, trimmed, ignoring ASCII case (WHATWG Fetch).
//! 3. [`Finding::CspMissing`] if there is no `Content-Security-Policy` header or its value is
//!    empty (`Content-Security-Policy-Report-Only` enforces nothing, so it does not count).
//! 4. [`Finding::ServerVersion`] if the `Server` value contains a `/`, the form of a product
//!    version (`nginx/1.25.3`, RFC 9110 §10.2.4); a bare `nginx` is fine.
//! 5. [`Finding::PoweredBy`] if there is an `X-Powered-By` header at all: OWASP says remove it.
//!
//! Example: `strict-transport-security: max-age=86400`, `Server: Apache/2.4.41 (Ubuntu)` and
//! nothing else → `[HstsTooShort { max_age_secs: 86400 }, NosniffMissing, CspMissing,
//! ServerVersion("Apache/2.4.41 (Ubuntu)")]`.
//!
//! ## Beyond this exercise
//!
//! Real DAST tools (OWASP ZAP, Burp, Nuclei) crawl the whole application and attack it: they
//! probe for injection, broken authentication and misconfigured TLS, not just headers. A header
//! check also goes further than this one: HSTS only counts over HTTPS (browsers ignore it over
//! plain HTTP), `includeSubDomains` and `preload` matter for the HSTS preload list, a CSP is
//! judged by its directives (`'unsafe-inline'` scripts defeat much of it), and cookies need
//! `Secure`, `HttpOnly` and `SameSite`. OWASP also recommends `X-Frame-Options` or CSP's
//! `frame-ancestors`, `Referrer-Policy` and `Permissions-Policy`.

/// One year in seconds: OWASP's recommended HSTS max-age (365 × 24 × 3600).
pub const ONE_YEAR_SECS: u64 = 31_536_000;

/// Why a `Strict-Transport-Security` value cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HstsError {
    /// There is no `max-age` directive, which RFC 6797 requires.
    MissingMaxAge,
    /// The `max-age` value (as written) is not a number of seconds.
    BadMaxAge(String),
    /// This directive (lower case) appears more than once.
    Duplicate(String),
}

impl std::fmt::Display for HstsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HstsError::MissingMaxAge => write!(f, "no max-age directive"),
            HstsError::BadMaxAge(v) => write!(f, "max-age is not a number of seconds: {v:?}"),
            HstsError::Duplicate(d) => write!(f, "directive {d} appears more than once"),
        }
    }
}

impl std::error::Error for HstsError {}

/// One problem with the security headers of a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// No `Strict-Transport-Security` header.
    HstsMissing,
    /// A `Strict-Transport-Security` header that cannot be read.
    HstsInvalid(HstsError),
    /// HSTS with a max-age below one year.
    HstsTooShort {
        /// The max-age it has.
        max_age_secs: u64,
    },
    /// `X-Content-Type-Options` is missing or not `nosniff`.
    NosniffMissing,
    /// No (or an empty) `Content-Security-Policy`.
    CspMissing,
    /// The `Server` header (its value here) gives a product version away.
    ServerVersion(String),
    /// An `X-Powered-By` header (its value here) is sent.
    PoweredBy(String),
}

/// The value of the first header named `name` (ignoring ASCII case), trimmed.
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    // TODO: the first header with this name, ignoring ASCII case; its value without surrounding
    // spaces and tabs.
    todo!()
}

/// The max-age, in seconds, of a `Strict-Transport-Security` value.
pub fn hsts_max_age(value: &str) -> Result<u64, HstsError> {
    // TODO: go through the directives in order: duplicates, then max-age's value; max-age required.
    todo!()
}

/// Every finding about the security headers `headers`, in the order of task 3.
pub fn audit(headers: &[(String, String)]) -> Vec<Finding> {
    // TODO: the five checks, in the order of task 3, each adding its finding.
    todo!()
}

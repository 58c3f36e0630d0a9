//! # secret_scan: shift left, and catch a secret in the diff that would add it
//!
//! A credential committed to a repository is exposed to everyone who can read it, for ever:
//! deleting it in a later commit leaves it in the history, so the only real fix is to revoke
//! it. That makes the cheapest place to catch it the change that *adds* it, before it is merged
//! (GitHub's push protection goes one step further and refuses the push). Scanning the diff
//! rather than the whole tree also keeps the report about what this change did: lines it
//! removed or merely shows as context are not its doing.
//!
//! The scanner reads the lines a change adds, as the exercise `diff_added_lines` finds them in
//! its unified diff: each [`AddedLine`] has its file, its line number in the new file and its
//! text. Removed and context lines never reach it.
//!
//! Each detector returns the byte index in the line where its secret starts, or `None`.
//! [`private_key_start`] is given as a model: after a PEM boundary such as
//! `-----BEGIN PRIVATE KEY-----` (RFC 7468; OpenSSL and OpenSSH write `RSA`, `EC` or `OPENSSH`
//! before `PRIVATE KEY`), the rest of the line is key material.
//!
//! ## Task 1: Spot an AWS access key id
//!
//! [`aws_key_start`]: an AWS access key id is `AKIA` followed by exactly 16 upper-case letters
//! or digits, not preceded and not followed by another letter or digit (a longer token is not
//! a key id). The first such key in the line is the one reported.
//!
//! Example: `aws_key_start("id=AKIAIOSFODNN7EXAMPLE")` is `Some(3)` (AWS's documented example
//! key id); `"AKIAIOSFODNN7EXAMPL"` (15 after `AKIA`) and `"xAKIAIOSFODNN7EXAMPLE"` give `None`.
//!
//! ## Task 2: Spot a password assignment with a literal value
//!
//! [`password_start`]: the word `password` in any case (also inside `db_password`), then
//! optional whitespace, `=`, optional whitespace and an optional opening quote (`"` or `'`);
//! the secret starts right after those. An empty value (the line or the quotes end there) and
//! a value starting with `$` (a reference such as `${DB_PASSWORD}`: the secret is kept
//! elsewhere, which is the point) do not count. The first `password` that counts is reported.
//!
//! Example: `password_start("db_password = 'hunter22'")` is `Some(15)`;
//! `password_start("PASSWORD=$DB_PASS")` and `password_start("password_hash=x")` are `None`.
//!
//! ## Task 3: Report each finding with the secret masked
//!
//! [`scan`] gives at most one [`Finding`] per added line, in the order of the lines: the kind
//! whose secret starts **earliest** in the line (on a tie, the first of AWS key, private key,
//! password). Its `excerpt` is the line up to where that secret starts, then `***`: nothing from
//! the secret on is ever shown, so a second secret later in the line does not leak either.
//!
//! Example: line 12 of `deploy.sh` added as `export PASSWORD=s3cr3t AWS=AKIAIOSFODNN7EXAMPLE`
//! → one finding: `deploy.sh`, line 12, `Password`, excerpt `export PASSWORD=***`.
//!
//! ## Beyond this exercise
//!
//! Real scanners (GitHub secret scanning, Gitleaks, TruffleHog) know hundreds of token formats,
//! many with checksums or a known prefix so they rarely misfire. For AWS alone they know more
//! prefixes (temporary STS keys start with `ASIA`) and a tighter alphabet: Gitleaks' rule takes
//! the 16 characters from `A`–`Z` and `2`–`7`, the base32 alphabet real key ids use, and skips
//! ids ending in `EXAMPLE`. A rule as loose as this `password=` one also flags
//! `password = read_secret()`, so they add entropy checks for generic secrets, and they ask the
//! provider whether a found credential is live. They scan the whole history as well as each
//! push, and the fix they ask for is always the same: revoke and rotate the secret, then remove
//! it.

/// One line that a change adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedLine {
    /// The file it is added to.
    pub file: String,
    /// Its line number in the new version of the file (from 1).
    pub line: u32,
    /// Its text, without the leading `+`.
    pub text: String,
}

/// The kinds of secret the scanner knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An AWS access key id (`AKIA` and 16 more).
    AwsAccessKeyId,
    /// A PEM private key (`-----BEGIN … PRIVATE KEY-----`).
    PrivateKey,
    /// A `password=` assignment with a literal value.
    Password,
}

/// A secret found on an added line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The file the line is added to.
    pub file: String,
    /// The line number in the new file.
    pub line: u32,
    /// What was found.
    pub kind: Kind,
    /// The line up to the secret, then `***`.
    pub excerpt: String,
}

/// Where the first AWS access key id in `text` starts, if there is one.
pub fn aws_key_start(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let is_word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
    text.match_indices("AKIA").map(|(i, _)| i).find(|&i| {
        let body = bytes.get(i + 4..i + 20);
        body.is_some_and(|body| {
            body.iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        }) && (i == 0 || !is_word(i - 1))
            && !is_word(i + 20)
    })
}

/// Where the key material starts after a `-----BEGIN … PRIVATE KEY-----` marker (the label
/// between `BEGIN ` and `PRIVATE KEY` is upper-case letters and spaces: `RSA `, `EC `,
/// `OPENSSH `, or nothing), if the line has one.
pub fn private_key_start(text: &str) -> Option<usize> {
    const BEGIN: &str = "-----BEGIN ";
    const END: &str = "PRIVATE KEY-----";
    let begin = text.find(BEGIN)? + BEGIN.len();
    let label_len = text[begin..].find(END)?;
    let label = &text[begin..begin + label_len];
    let plain = label.bytes().all(|b| b.is_ascii_uppercase() || b == b' ');
    plain.then_some(begin + label_len + END.len())
}

/// Where the literal value of the first `password=` assignment in `text` starts, if any.
pub fn password_start(text: &str) -> Option<usize> {
    // ASCII lower-casing keeps every byte where it was, so indices carry over to `text`.
    let lower = text.to_ascii_lowercase();
    lower.match_indices("password").find_map(|(i, word)| {
        let value = text[i + word.len()..].trim_start().strip_prefix('=')?;
        let value = value.trim_start();
        let value = value.strip_prefix(['"', '\'']).unwrap_or(value);
        let first = value.chars().next()?;
        // A `$` value is a reference to a secret kept elsewhere, which is what we want.
        let literal = !matches!(first, '$' | '"' | '\'');
        literal.then_some(text.len() - value.len())
    })
}

/// Every added line that carries a secret, as a masked finding, in the order of `lines`.
pub fn scan(lines: &[AddedLine]) -> Vec<Finding> {
    lines
        .iter()
        .filter_map(|added| {
            let text = &added.text;
            let starts = [
                (Kind::AwsAccessKeyId, aws_key_start(text)),
                (Kind::PrivateKey, private_key_start(text)),
                (Kind::Password, password_start(text)),
            ];
            // The earliest secret (the first kind on a tie): cutting the excerpt there hides
            // every secret of the line, not just the one reported.
            let (kind, start) = starts
                .into_iter()
                .filter_map(|(kind, start)| Some((kind, start?)))
                .min_by_key(|&(_, start)| start)?;
            Some(Finding {
                file: added.file.clone(),
                line: added.line,
                kind,
                excerpt: format!("{}***", &text[..start]),
            })
        })
        .collect()
}

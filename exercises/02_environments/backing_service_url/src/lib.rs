//! # backing_service_url: a database is an attached resource, named by a URL
//!
//! Twelve-factor treats every backing service (a database, a queue, a cache, an SMTP relay) as
//! an *attached resource* (factor IV): the code does not care whether it is a local Postgres or
//! a managed one, because all it gets is a locator in its config, usually one URL such as
//! `postgres://app:s3cret@db.internal:5432/orders`. Swapping the database for one restored from
//! backup is then a config change, not a code change. The URL carries a credential, though, and
//! URLs get logged: at start-up ("connecting to …"), in errors, in dashboards. So the parsed
//! resource prints itself with the password redacted.
//!
//! This exercise hand-parses a small subset of URL syntax (RFC 3986 has much more):
//! `scheme://[user[:password]@]host[:port][/database]`.
//!
//! ## Task 1: Split the URL into scheme, credentials, host, port and database
//!
//! [`parse`], in this order:
//! - the scheme is everything before the first `://`; the rest is the *authority* up to the
//!   first `/`, and the database is what follows that `/` (`None` if nothing does);
//! - if the authority holds an `@`, the credentials are what comes before its **last** `@`:
//!   the user up to the first `:`, the password after it (`None` without a `:`);
//! - the host is what follows the `@` (or the whole authority), up to a `:` and a port;
//! - no port: the scheme's default ([`default_port`]: postgres and postgresql 5432, mysql
//!   3306, redis 6379, amqp 5672).
//!
//! Example: `postgres://app:p@ss:word@db.internal/orders` has user `app`, password `p@ss:word`,
//! host `db.internal`, port 5432 and database `orders`.
//!
//! ## Task 2: Refuse what is not a usable resource, without leaking the password
//!
//! Checked in this order, the first failure is returned:
//! - no `://`: [`UrlError::MissingScheme`]; a scheme without a default port:
//!   [`UrlError::UnknownScheme`];
//! - an empty host: [`UrlError::MissingHost`];
//! - a port (after a `:`) that is not digits only (RFC 3986: `port = *DIGIT`), or not from 1
//!   to 65535: [`UrlError::BadPort`].
//! - No error holds any part of the credentials, nor the port's text.
//!
//! Example: `postgres://app:pw@db:99999/x` is `Err(BadPort)`, and `postgres://app:s3cret/x`
//! (the `@` forgotten, so `s3cret` stands where the port goes) is `Err(BadPort)` too.
//!
//! ## Task 3: Display the resource with its password redacted
//!
//! `Display` writes `scheme://`, then `user:***@` if there is a password (`user@` if there is
//! only a user, nothing without credentials), then `host:port` with the port always written,
//! then `/database` if there is one.
//!
//! Example: `postgres://app:s3cret@db.internal/orders` displays as
//! `postgres://app:***@db.internal:5432/orders`; `redis://cache` as `redis://cache:6379`.
//!
//! ## Beyond this exercise
//!
//! Real URLs percent-encode reserved characters in credentials (`p%40ss`), put IPv6 hosts in
//! brackets (`[::1]:5432`), and carry options in a query string (`?sslmode=require`); use a
//! real parser (the `url` crate). Better still, keep the password out of the URL: many drivers
//! take it separately, from a secret store, so that the locator itself can be logged whole.

use std::fmt;

/// A password: its `Debug` never shows it, and it has no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(pub String);

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// A backing service, as the app attaches to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    /// `postgres`, `mysql`, `redis` or `amqp`.
    pub scheme: String,
    /// The user to log in as, if any.
    pub user: Option<String>,
    /// The password, if any.
    pub password: Option<Password>,
    /// The host name or address.
    pub host: String,
    /// The port: as given, or the scheme's default.
    pub port: u16,
    /// The database (or virtual host, or index) after the `/`, if any.
    pub database: Option<String>,
}

/// Why a URL does not name a usable resource. None of these carries a credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// There is no `://`.
    MissingScheme,
    /// The scheme has no known default port.
    UnknownScheme(String),
    /// The host is empty.
    MissingHost,
    /// The port is not a whole number from 1 to 65535. Its text is not repeated: with the `@`
    /// forgotten (`postgres://app:s3cret/db`), the "port" is the password.
    BadPort,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::MissingScheme => write!(f, "no scheme:// in the URL"),
            UrlError::UnknownScheme(scheme) => write!(f, "unknown scheme {scheme:?}"),
            UrlError::MissingHost => write!(f, "no host in the URL"),
            UrlError::BadPort => write!(f, "the port is not a number from 1 to 65535"),
        }
    }
}

impl std::error::Error for UrlError {}

/// The port a service of this scheme listens on by default, if the scheme is known.
pub fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "postgres" | "postgresql" => Some(5432),
        "mysql" => Some(3306),
        "redis" => Some(6379),
        "amqp" => Some(5672),
        _ => None,
    }
}

/// Parses `scheme://[user[:password]@]host[:port][/database]` (Tasks 1 and 2).
pub fn parse(url: &str) -> Result<Resource, UrlError> {
    // TODO: scheme, then authority and database, then credentials, then host and port.
    todo!()
}

impl fmt::Display for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // TODO: the URL again, with `***` for the password and the port always written (Task 3).
        todo!()
    }
}

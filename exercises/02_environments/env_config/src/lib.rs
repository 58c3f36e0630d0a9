//! # env_config: typed config from the environment, every error at once, no secret echoed
//!
//! The twelve-factor app keeps its config in environment variables (factor III): whatever
//! varies between deploys (ports, pool sizes, credentials) is set per deploy, and the same
//! artifact runs everywhere. Environment variables are only strings, though, so the app must
//! turn them into typed values at start-up and refuse to start on bad ones. Two details make
//! the difference during an incident at 3 a.m.: report *every* problem at once (not one per
//! restart), and never print a secret, not in an error and not in a `{:?}` of the config that
//! ends up in a log.
//!
//! ## Task 1: Read every variable into its type, or its default
//!
//! [`from_env`] reads these variables (others in `vars` are ignored); values are used exactly as
//! given, without trimming:
//!
//! | variable | type | default | valid values |
//! |---|---|---|---|
//! | `PORT` | `u16` | 8080 | a whole number from 1 to 65535 |
//! | `WORKERS` | `u32` | 4 | a whole number from 1 to 64 |
//! | `DEBUG` | `bool` | false | exactly `true` or `false` |
//! | `LOG_LEVEL` | [`LogLevel`] | `info` | `error`, `warn`, `info` or `debug` |
//! | `DATABASE_PASSWORD` | [`Secret`] | none: required | at least 12 characters |
//!
//! Example: `{DATABASE_PASSWORD: "correct-horse-battery", WORKERS: "16"}` gives port 8080,
//! 16 workers, debug off, log level info and that password.
//!
//! ## Task 2: Report every error at once
//!
//! - A missing required variable is [`ConfigError::Missing`]; a value that is not valid is
//!   [`ConfigError::Invalid`] with the value as given.
//! - Every error is returned, in the order of the table; `Ok` only if there is none.
//!
//! Example: `{PORT: "80a", WORKERS: "0"}` gives `[Invalid PORT "80a", Invalid WORKERS "0",
//! Missing DATABASE_PASSWORD]`.
//!
//! ## Task 3: Never echo a secret
//!
//! - An invalid secret is reported with `value: None`: the error says which variable is wrong,
//!   never what it holds.
//! - `{:?}` of a [`Secret`] prints `Secret(***)`, so `{:?}` of a whole [`Config`] is safe to log.
//!
//! Example: `DATABASE_PASSWORD=hunter2` gives `Invalid { var: "DATABASE_PASSWORD", value: None }`
//! and "hunter2" appears in no error and no `Debug` output.
//!
//! ## Beyond this exercise
//!
//! Real secrets usually come from a secret manager (Vault, a cloud KMS, Kubernetes Secrets
//! mounted as files) rather than plain variables, are rotated, and are wiped from memory after
//! use. Config crates (`envy`, `figment`, `config`) derive this parsing from a struct; the rules
//! (typed, validated at start, all errors at once, secrets redacted) are the same.

use std::collections::BTreeMap;
use std::fmt;

/// A value that must never be printed. It has no `Display`, and its `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: &str) -> Secret {
        Secret(value.to_string())
    }

    /// The secret itself, for the one place that needs it (the database driver).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // TODO: print `Secret(***)`, never the value (Task 3).
        todo!()
    }
}

/// How much the service logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogLevel {
    /// `error`
    Error,
    /// `warn`
    Warn,
    /// `info`
    Info,
    /// `debug`
    Debug,
}

impl LogLevel {
    /// The level named exactly `error`, `warn`, `info` or `debug`, or `None`.
    pub fn parse(name: &str) -> Option<LogLevel> {
        match name {
            "error" => Some(LogLevel::Error),
            "warn" => Some(LogLevel::Warn),
            "info" => Some(LogLevel::Info),
            "debug" => Some(LogLevel::Debug),
            _ => None,
        }
    }
}

/// The service's configuration, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// `PORT`
    pub port: u16,
    /// `WORKERS`
    pub workers: u32,
    /// `DEBUG`
    pub debug: bool,
    /// `LOG_LEVEL`
    pub log_level: LogLevel,
    /// `DATABASE_PASSWORD`
    pub database_password: Secret,
}

/// One problem with one variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// A required variable is not set.
    Missing {
        /// Its name.
        var: &'static str,
    },
    /// A variable is set to a value that is not valid.
    Invalid {
        /// Its name.
        var: &'static str,
        /// The value as given, or `None` for a secret.
        value: Option<String>,
    },
}

/// What a valid value of `var` looks like, for error messages.
pub fn expected(var: &str) -> &'static str {
    match var {
        "PORT" => "a whole number from 1 to 65535",
        "WORKERS" => "a whole number from 1 to 64",
        "DEBUG" => "true or false",
        "LOG_LEVEL" => "error, warn, info or debug",
        "DATABASE_PASSWORD" => "at least 12 characters",
        _ => "a valid value",
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Missing { var } => write!(f, "{var} is not set"),
            ConfigError::Invalid {
                var,
                value: Some(value),
            } => write!(f, "{var}={value:?} is not {}", expected(var)),
            ConfigError::Invalid { var, value: None } => {
                write!(f, "{var} (hidden) is not {}", expected(var))
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// The configuration in `vars`, or every problem found in it (Tasks 1 to 3).
pub fn from_env(vars: &BTreeMap<String, String>) -> Result<Config, Vec<ConfigError>> {
    // TODO: read each variable of the table, keep going after an error, collect them all.
    todo!()
}

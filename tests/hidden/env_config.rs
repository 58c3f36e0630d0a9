use env_config::{from_env, Config, ConfigError, LogLevel, Secret};
use std::collections::BTreeMap;

const PASSWORD: &str = "correct-horse-battery";

fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn invalid(var: &'static str, value: &str) -> ConfigError {
    ConfigError::Invalid {
        var,
        value: Some(value.to_string()),
    }
}

/// The errors `from_env` reports for `pairs` plus a valid password.
fn errors_with_password(pairs: &[(&str, &str)]) -> Vec<ConfigError> {
    let mut vars = env(pairs);
    vars.insert("DATABASE_PASSWORD".to_string(), PASSWORD.to_string());
    from_env(&vars).err().unwrap_or_default()
}

// Task 1: Read every variable into its type, or its default
#[test]
fn unset_variables_take_their_defaults() {
    let config = from_env(&env(&[("DATABASE_PASSWORD", PASSWORD), ("WORKERS", "16")]));
    assert_eq!(
        config,
        Ok(Config {
            port: 8080,
            workers: 16,
            debug: false,
            log_level: LogLevel::Info,
            database_password: Secret::new(PASSWORD),
        }),
        "WORKERS is read as 16; PORT, DEBUG and LOG_LEVEL are not set and take 8080, false, info"
    );
}

#[test]
fn every_variable_is_read_into_its_type() {
    let config = from_env(&env(&[
        ("PORT", "443"),
        ("WORKERS", "64"),
        ("DEBUG", "true"),
        ("LOG_LEVEL", "debug"),
        ("DATABASE_PASSWORD", PASSWORD),
    ]))
    .expect("every value here is valid");
    assert_eq!(
        (config.port, config.workers, config.debug, config.log_level),
        (443, 64, true, LogLevel::Debug),
        "PORT=443, WORKERS=64, DEBUG=true, LOG_LEVEL=debug"
    );
    assert_eq!(
        config.database_password.expose(),
        PASSWORD,
        "the password is kept, for the one place that needs it"
    );
}

#[test]
fn the_bounds_themselves_are_valid() {
    for (var, value) in [
        ("PORT", "1"),
        ("PORT", "65535"),
        ("WORKERS", "1"),
        ("WORKERS", "64"),
        ("DEBUG", "false"),
    ] {
        assert_eq!(
            errors_with_password(&[(var, value)]),
            vec![],
            "{var}={value} is within the valid values of the table"
        );
    }
}

#[test]
fn each_log_level_is_recognised() {
    for (text, level) in [
        ("error", LogLevel::Error),
        ("warn", LogLevel::Warn),
        ("info", LogLevel::Info),
        ("debug", LogLevel::Debug),
    ] {
        let config = from_env(&env(&[
            ("LOG_LEVEL", text),
            ("DATABASE_PASSWORD", PASSWORD),
        ]));
        assert_eq!(
            config.map(|c| c.log_level),
            Ok(level),
            "LOG_LEVEL={text} is {level:?}"
        );
    }
}

#[test]
fn other_variables_are_ignored() {
    let config = from_env(&env(&[
        ("PATH", "/usr/bin"),
        ("HOME", "/root"),
        ("port", "not-a-port"),
        ("DATABASE_PASSWORD", PASSWORD),
    ]));
    assert_eq!(
        config.map(|c| c.port),
        Ok(8080),
        "PATH, HOME and a lower-case `port` are not this service's variables"
    );
}

// Task 2: Report every error at once
#[test]
fn the_worked_example_reports_three_errors() {
    assert_eq!(
        from_env(&env(&[("PORT", "80a"), ("WORKERS", "0")])),
        Err(vec![
            invalid("PORT", "80a"),
            invalid("WORKERS", "0"),
            ConfigError::Missing {
                var: "DATABASE_PASSWORD"
            },
        ]),
        "a bad port, a bad worker count and a missing password: all three at once"
    );
}

#[test]
fn every_variable_wrong_gives_every_error_in_table_order() {
    assert_eq!(
        from_env(&env(&[
            ("LOG_LEVEL", "trace"),
            ("DEBUG", "yes"),
            ("WORKERS", "65"),
            ("PORT", "65536"),
        ])),
        Err(vec![
            invalid("PORT", "65536"),
            invalid("WORKERS", "65"),
            invalid("DEBUG", "yes"),
            invalid("LOG_LEVEL", "trace"),
            ConfigError::Missing {
                var: "DATABASE_PASSWORD"
            },
        ]),
        "five problems, reported in the order PORT, WORKERS, DEBUG, LOG_LEVEL, DATABASE_PASSWORD"
    );
}

#[test]
fn a_missing_required_variable_is_reported_alone() {
    assert_eq!(
        from_env(&env(&[("PORT", "9090")])),
        Err(vec![ConfigError::Missing {
            var: "DATABASE_PASSWORD"
        }]),
        "DATABASE_PASSWORD has no default: without it the service must not start"
    );
}

#[test]
fn out_of_range_and_malformed_numbers_are_invalid() {
    for (var, value) in [
        ("PORT", "0"),
        ("PORT", "65536"),
        ("PORT", "-1"),
        ("PORT", " 8080"),
        ("PORT", "8080 "),
        ("PORT", ""),
        ("WORKERS", "0"),
        ("WORKERS", "65"),
        ("WORKERS", "4.5"),
    ] {
        assert_eq!(
            errors_with_password(&[(var, value)]),
            vec![invalid(var, value)],
            "{var}={value:?} is outside the valid values (and values are not trimmed)"
        );
    }
}

#[test]
fn booleans_and_levels_are_spelled_exactly() {
    for (var, value) in [
        ("DEBUG", "TRUE"),
        ("DEBUG", "1"),
        ("DEBUG", "yes"),
        ("DEBUG", ""),
        ("LOG_LEVEL", "INFO"),
        ("LOG_LEVEL", "warning"),
        ("LOG_LEVEL", ""),
    ] {
        assert_eq!(
            errors_with_password(&[(var, value)]),
            vec![invalid(var, value)],
            "{var}={value:?} is not one of the exact spellings the table allows"
        );
    }
}

// Task 3: Never echo a secret
#[test]
fn an_invalid_secret_is_reported_without_its_value() {
    let errors = from_env(&env(&[("DATABASE_PASSWORD", "hunter2")]));
    assert_eq!(
        errors,
        Err(vec![ConfigError::Invalid {
            var: "DATABASE_PASSWORD",
            value: None
        }]),
        "a password of 7 characters is too short, and the error must not carry it"
    );
    let shown = format!("{:?} {}", errors, errors.clone().unwrap_err()[0]);
    assert!(
        !shown.contains("hunter2"),
        "neither the Debug nor the Display of the error may show the secret: {shown}"
    );
}

#[test]
fn the_debug_of_a_secret_hides_it() {
    assert_eq!(
        format!("{:?}", Secret::new(PASSWORD)),
        "Secret(***)",
        "a secret prints as Secret(***), whatever it holds"
    );
    assert_eq!(
        format!("{:?}", Secret::new("")),
        "Secret(***)",
        "even an empty secret does not reveal its length"
    );
}

#[test]
fn a_whole_config_can_be_logged_safely() {
    let config = from_env(&env(&[("DATABASE_PASSWORD", PASSWORD)]))
        .expect("a valid password is all the config needs");
    let logged = format!("{config:?} {config:#?}");
    assert!(
        !logged.contains(PASSWORD),
        "Debug of a Config ends up in logs: it must not contain the password ({logged})"
    );
    assert!(
        logged.contains("Secret(***)"),
        "the password field shows as Secret(***): {logged}"
    );
}

#[test]
fn a_password_is_measured_in_characters() {
    assert_eq!(
        from_env(&env(&[("DATABASE_PASSWORD", "pässwörd-12")])).err(),
        Some(vec![ConfigError::Invalid {
            var: "DATABASE_PASSWORD",
            value: None
        }]),
        "pässwörd-12 has 11 characters (13 bytes): too short"
    );
    assert!(
        from_env(&env(&[("DATABASE_PASSWORD", "twelve-chars")])).is_ok(),
        "twelve-chars has exactly 12 characters: long enough"
    );
}

#[test]
fn error_messages_say_what_was_expected_and_hide_secrets() {
    for (error, message) in [
        (
            invalid("PORT", "80a"),
            "PORT=\"80a\" is not a whole number from 1 to 65535",
        ),
        (
            invalid("WORKERS", "0"),
            "WORKERS=\"0\" is not a whole number from 1 to 64",
        ),
        (
            invalid("DEBUG", "yes"),
            "DEBUG=\"yes\" is not true or false",
        ),
        (
            invalid("LOG_LEVEL", "trace"),
            "LOG_LEVEL=\"trace\" is not error, warn, info or debug",
        ),
        (
            ConfigError::Invalid {
                var: "DATABASE_PASSWORD",
                value: None,
            },
            "DATABASE_PASSWORD (hidden) is not at least 12 characters",
        ),
        (
            ConfigError::Missing {
                var: "DATABASE_PASSWORD",
            },
            "DATABASE_PASSWORD is not set",
        ),
    ] {
        assert_eq!(
            error.to_string(),
            message,
            "an error message names the variable, what it holds (unless secret) and what was \
             expected"
        );
    }
}

use backing_service_url::{parse, Password, Resource, UrlError};

fn resource(
    scheme: &str,
    credentials: Option<(&str, Option<&str>)>,
    host: &str,
    port: u16,
    database: Option<&str>,
) -> Resource {
    Resource {
        scheme: scheme.to_string(),
        user: credentials.map(|(user, _)| user.to_string()),
        password: credentials.and_then(|(_, p)| p.map(|p| Password(p.to_string()))),
        host: host.to_string(),
        port,
        database: database.map(String::from),
    }
}

/// The parsed URL displayed again, or the error displayed.
fn shown(url: &str) -> String {
    match parse(url) {
        Ok(resource) => resource.to_string(),
        Err(error) => format!("error: {error}"),
    }
}

// Task 1: Split the URL into scheme, credentials, host, port and database
#[test]
fn a_full_url_is_split_into_its_parts() {
    assert_eq!(
        parse("postgres://app:s3cret@db.internal:6432/orders"),
        Ok(resource(
            "postgres",
            Some(("app", Some("s3cret"))),
            "db.internal",
            6432,
            Some("orders")
        )),
        "scheme postgres, user app, password s3cret, host db.internal, port 6432, db orders"
    );
}

#[test]
fn a_password_may_hold_at_signs_and_colons() {
    assert_eq!(
        parse("postgres://app:p@ss:word@db.internal/orders"),
        Ok(resource(
            "postgres",
            Some(("app", Some("p@ss:word"))),
            "db.internal",
            5432,
            Some("orders")
        )),
        "the credentials end at the last `@`, and the user at the first `:`"
    );
}

#[test]
fn credentials_and_database_are_optional() {
    assert_eq!(
        parse("redis://cache"),
        Ok(resource("redis", None, "cache", 6379, None)),
        "no credentials, no port, no database: redis on its default port"
    );
    assert_eq!(
        parse("amqp://guest@mq.internal/billing"),
        Ok(resource(
            "amqp",
            Some(("guest", None)),
            "mq.internal",
            5672,
            Some("billing")
        )),
        "a user without `:` has no password"
    );
    assert_eq!(
        parse("mysql://root:pw@db/"),
        Ok(resource(
            "mysql",
            Some(("root", Some("pw"))),
            "db",
            3306,
            None
        )),
        "a `/` with nothing after it names no database"
    );
}

#[test]
fn the_database_is_everything_after_the_first_slash() {
    assert_eq!(
        parse("postgres://db:5433/tenants/eu").map(|r| (r.port, r.database)),
        Ok((5433, Some("tenants/eu".to_string()))),
        "the authority ends at the first `/`; what follows it is the database"
    );
}

#[test]
fn each_scheme_has_its_default_port() {
    for (url, port) in [
        ("postgres://db", 5432),
        ("postgresql://db", 5432),
        ("mysql://db", 3306),
        ("redis://db", 6379),
        ("amqp://db", 5672),
    ] {
        assert_eq!(
            parse(url).map(|r| r.port),
            Ok(port),
            "{url} names no port, so the scheme's default {port} applies"
        );
    }
}

// Task 2: Refuse what is not a usable resource, without leaking the password
#[test]
fn a_url_without_a_scheme_is_refused() {
    for url in ["db.internal:5432/orders", "postgres:/db", "app:pw@db"] {
        assert_eq!(
            parse(url),
            Err(UrlError::MissingScheme),
            "{url} has no `://`: not a resource locator"
        );
    }
}

#[test]
fn an_unknown_scheme_is_refused() {
    assert_eq!(
        parse("postgress://app:pw@db/orders"),
        Err(UrlError::UnknownScheme("postgress".to_string())),
        "postgress (a typo) has no known default port"
    );
    assert_eq!(
        parse("http://api.internal"),
        Err(UrlError::UnknownScheme("http".to_string())),
        "only the schemes of the table are backing services here"
    );
}

#[test]
fn an_empty_host_is_refused() {
    for url in [
        "postgres://app:pw@/orders",
        "postgres://",
        "redis://:6380",
        "redis://:x",
    ] {
        assert_eq!(
            parse(url),
            Err(UrlError::MissingHost),
            "{url} names no host (the host is checked before the port)"
        );
    }
}

#[test]
fn a_port_must_be_a_number_from_1_to_65535() {
    for port in ["0", "65536", "99999", "", "54x2", "-1", "+80"] {
        let url = format!("postgres://app:pw@db:{port}/x");
        assert_eq!(
            parse(&url),
            Err(UrlError::BadPort),
            "{url}: {port:?} is not a port"
        );
    }
    assert_eq!(
        parse("postgres://db:1").map(|r| r.port),
        Ok(1),
        "1 is the lowest valid port"
    );
    assert_eq!(
        parse("postgres://db:65535").map(|r| r.port),
        Ok(65535),
        "65535 is the highest valid port"
    );
}

#[test]
fn a_forgotten_at_sign_does_not_leak_the_password() {
    let result = parse("postgres://app:s3cret/orders");
    assert_eq!(
        result,
        Err(UrlError::BadPort),
        "without `@`, `app` is read as the host and `s3cret` as its port"
    );
    let error = result.unwrap_err();
    let printed = format!("{error} {error:?}");
    assert!(
        !printed.contains("s3cret"),
        "the error must not repeat the \"port\", which is really the password: {printed}"
    );
}

#[test]
fn no_error_message_holds_a_credential() {
    for url in [
        "postgress://app:s3cret@db/orders",
        "postgres://app:s3cret@/orders",
        "postgres://app:s3cret@db:s3cret/orders",
        "app:s3cret@db/orders",
    ] {
        let error = parse(url).expect_err("every one of these URLs is refused");
        let printed = format!("{error} {error:?}");
        assert!(
            !printed.contains("s3cret"),
            "the error for {url} shows the password: {printed}"
        );
    }
}

#[test]
fn error_messages_say_what_is_wrong() {
    for (error, part) in [
        (UrlError::MissingScheme, "scheme"),
        (
            UrlError::UnknownScheme("postgress".to_string()),
            "postgress",
        ),
        (UrlError::MissingHost, "host"),
        (UrlError::BadPort, "port"),
    ] {
        let message = error.to_string();
        assert!(
            message.contains(part),
            "the message for {error:?} should mention {part:?}: {message:?}"
        );
    }
}

// Task 3: Display the resource with its password redacted
#[test]
fn the_password_is_displayed_as_stars() {
    assert_eq!(
        shown("postgres://app:s3cret@db.internal/orders"),
        "postgres://app:***@db.internal:5432/orders",
        "the user stays, the password becomes ***, and the default port is written out"
    );
    assert_eq!(
        shown("postgres://app:p@ss:word@db.internal:6432/orders"),
        "postgres://app:***@db.internal:6432/orders",
        "a password with `@` and `:` is hidden whole"
    );
}

#[test]
fn the_port_is_always_displayed() {
    assert_eq!(
        shown("redis://cache"),
        "redis://cache:6379",
        "no credentials, no database: scheme, host and the port in effect"
    );
}

#[test]
fn a_user_without_password_is_displayed_without_stars() {
    assert_eq!(
        shown("amqp://guest@mq.internal/billing"),
        "amqp://guest@mq.internal:5672/billing",
        "stars would claim a password that is not there"
    );
}

#[test]
fn nothing_of_the_password_is_displayed_or_debugged() {
    let resource = parse("mysql://root:hunter2hunter2@db:3307/shop")
        .expect("a valid mysql URL with credentials and a port");
    let printed = format!("{resource} {resource:?}");
    assert!(
        !printed.contains("hunter2"),
        "neither Display nor Debug of a resource may show its password: {printed}"
    );
    assert_eq!(
        resource.to_string(),
        "mysql://root:***@db:3307/shop",
        "the display keeps everything but the password"
    );
    assert!(
        format!("{resource:?}").contains("Password(***)"),
        "Debug shows that there is a password, as Password(***): {resource:?}"
    );
}

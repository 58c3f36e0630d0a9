use secret_scan::{aws_key_start, password_start, scan, AddedLine, Finding, Kind};

const KEY: &str = "AKIAIOSFODNN7EXAMPLE";

fn line(file: &str, line: u32, text: &str) -> AddedLine {
    AddedLine {
        file: file.to_string(),
        line,
        text: text.to_string(),
    }
}

fn finding(file: &str, line: u32, kind: Kind, excerpt: &str) -> Finding {
    Finding {
        file: file.to_string(),
        line,
        kind,
        excerpt: excerpt.to_string(),
    }
}

// Task 1: Spot an AWS access key id
#[test]
fn an_access_key_id_is_found_where_it_starts() {
    assert_eq!(
        aws_key_start("id=AKIAIOSFODNN7EXAMPLE"),
        Some(3),
        "AKIA and 16 upper-case letters or digits, after 'id=': the key starts at byte 3"
    );
    assert_eq!(
        aws_key_start(KEY),
        Some(0),
        "a key id that fills the whole line starts at 0"
    );
    assert_eq!(
        aws_key_start("\"AKIAIOSFODNN7EXAMPLE\","),
        Some(1),
        "quotes and commas around the key are not letters or digits, so they do not hide it"
    );
}

#[test]
fn a_key_id_has_exactly_sixteen_characters_after_akia() {
    assert_eq!(
        aws_key_start("AKIAIOSFODNN7EXAMPL"),
        None,
        "15 characters after AKIA are too few for an access key id"
    );
    assert_eq!(
        aws_key_start("AKIAIOSFODNN7EXAMPLE7"),
        None,
        "17 upper-case characters after AKIA are one too many: a longer token is not a key id"
    );
    assert_eq!(
        aws_key_start("AKIA"),
        None,
        "AKIA alone at the end of a line is no key (and must not read past the end)"
    );
}

#[test]
fn a_key_id_is_upper_case_letters_and_digits_only() {
    assert_eq!(
        aws_key_start("AKIAiosfodnn7example"),
        None,
        "lower-case letters are not part of an access key id"
    );
    assert_eq!(
        aws_key_start("AKIAIOSFODNN7EXAMP-E"),
        None,
        "a '-' among the 16 characters means this is not a key id"
    );
}

#[test]
fn a_key_id_is_not_part_of_a_longer_word() {
    assert_eq!(
        aws_key_start("xAKIAIOSFODNN7EXAMPLE"),
        None,
        "a letter just before AKIA makes it part of a longer token"
    );
    assert_eq!(
        aws_key_start("9AKIAIOSFODNN7EXAMPLE"),
        None,
        "a digit just before AKIA makes it part of a longer token"
    );
    assert_eq!(
        aws_key_start("key_AKIAIOSFODNN7EXAMPLE"),
        Some(4),
        "'_' is neither a letter nor a digit: the key after key_ counts"
    );
}

#[test]
fn the_first_real_key_id_in_the_line_counts() {
    assert_eq!(
        aws_key_start("AKIA123 then AKIAIOSFODNN7EXAMPLE"),
        Some(13),
        "the first AKIA is too short; the search goes on to the real key at byte 13"
    );
    assert_eq!(
        aws_key_start("clé=AKIAIOSFODNN7EXAMPLE"),
        Some(5),
        "the start is a byte index: 'é' takes two bytes, so the key starts at 5"
    );
}

// Task 2: Spot a password assignment with a literal value
#[test]
fn a_password_value_starts_after_the_quote() {
    assert_eq!(
        password_start("db_password = 'hunter22'"),
        Some(15),
        "db_password, spaces, =, a space and a quote: the secret starts at byte 15"
    );
    assert_eq!(
        password_start("password=\"hunter2\""),
        Some(10),
        "password=\" is 10 bytes: the secret starts right after the opening quote"
    );
    assert_eq!(
        password_start("password=hunter2"),
        Some(9),
        "without quotes the value starts right after the ="
    );
}

#[test]
fn the_key_is_matched_in_any_case_and_around_spaces() {
    assert_eq!(
        password_start("PASSWORD=s3cr3t"),
        Some(9),
        "PASSWORD in capitals is still a password assignment"
    );
    assert_eq!(
        password_start("  Password\t =  s3cr3t"),
        Some(15),
        "whitespace (tabs too) may surround the ="
    );
}

#[test]
fn an_empty_value_is_not_a_secret() {
    for text in [
        "password=",
        "password = \"\"",
        "password=''",
        "password =   ",
    ] {
        assert_eq!(
            password_start(text),
            None,
            "{text:?} assigns nothing: there is no secret to report"
        );
    }
}

#[test]
fn a_dollar_reference_is_not_a_secret() {
    assert_eq!(
        password_start("PASSWORD=$DB_PASS"),
        None,
        "$DB_PASS refers to a secret kept elsewhere: that is what we want people to write"
    );
    assert_eq!(
        password_start("password: \"x\" # password=\"${DB}\""),
        None,
        "a quoted ${{DB}} reference is not a secret either (and 'password:' is not an assignment)"
    );
}

#[test]
fn only_password_followed_by_equals_is_an_assignment() {
    assert_eq!(
        password_start("password_hash=ab12"),
        None,
        "password_hash is another key: after 'password' comes '_', not '='"
    );
    assert_eq!(
        password_start("passwords = 3"),
        None,
        "after 'password' comes 's', not '='"
    );
}

#[test]
fn the_first_password_with_a_literal_value_counts() {
    assert_eq!(
        password_start("password=$REF; admin_password=letmein"),
        Some(30),
        "the first password refers to $REF; the second has the literal letmein, at byte 30"
    );
}

// Task 3: Report each finding with the secret masked
#[test]
fn a_finding_keeps_its_file_and_line_and_masks_the_secret() {
    let lines = [line(
        "deploy.sh",
        12,
        "export PASSWORD=s3cr3t AWS=AKIAIOSFODNN7EXAMPLE",
    )];
    assert_eq!(
        scan(&lines),
        vec![finding(
            "deploy.sh",
            12,
            Kind::Password,
            "export PASSWORD=***"
        )],
        "the password starts first; the excerpt stops there, so neither s3cr3t nor the key \
         later in the line is shown"
    );
}

#[test]
fn an_access_key_is_reported_without_its_characters() {
    let lines = [line(
        "config/aws.ini",
        3,
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE # prod",
    )];
    let found = scan(&lines);
    assert_eq!(
        found,
        vec![finding(
            "config/aws.ini",
            3,
            Kind::AwsAccessKeyId,
            "aws_access_key_id = ***"
        )],
        "the excerpt is the line up to the key, then ***; what follows the key is cut too"
    );
    assert!(
        !found[0].excerpt.contains("IOSFODNN"),
        "a finding must never echo the secret"
    );
}

#[test]
fn a_private_key_marker_is_reported_and_its_material_masked() {
    let lines = [
        line("id_rsa", 1, "-----BEGIN RSA PRIVATE KEY-----"),
        line(
            "sa.json",
            5,
            "  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n\",",
        ),
    ];
    assert_eq!(
        scan(&lines),
        vec![
            finding(
                "id_rsa",
                1,
                Kind::PrivateKey,
                "-----BEGIN RSA PRIVATE KEY-----***"
            ),
            finding(
                "sa.json",
                5,
                Kind::PrivateKey,
                "  \"private_key\": \"-----BEGIN PRIVATE KEY-----***"
            ),
        ],
        "after a BEGIN … PRIVATE KEY marker the rest of the line is key material, cut and \
         replaced by ***"
    );
}

#[test]
fn public_material_is_not_a_finding() {
    let lines = [
        line("key.pem", 1, "-----BEGIN PUBLIC KEY-----"),
        line("ca.pem", 1, "-----BEGIN CERTIFICATE-----"),
        line("app.py", 8, "db_pass = os.environ[\"DB_PASSWORD\"]"),
        line("app.py", 9, "print('hello')"),
    ];
    assert_eq!(
        scan(&lines),
        vec![],
        "public keys, certificates, a password read from the environment (DB_PASSWORD is \
         followed by a quote, not =) and plain code are not secrets"
    );
}

#[test]
fn the_earliest_secret_in_the_line_is_the_one_reported() {
    let lines = [line("ci.yml", 2, "AWS=AKIAIOSFODNN7EXAMPLE password=abc")];
    assert_eq!(
        scan(&lines),
        vec![finding("ci.yml", 2, Kind::AwsAccessKeyId, "AWS=***")],
        "the key starts before the password: one finding, for the key, and the cut hides the \
         password as well"
    );
}

#[test]
fn a_tie_goes_to_the_access_key() {
    let lines = [line(".env", 1, "password=AKIAIOSFODNN7EXAMPLE")];
    assert_eq!(
        scan(&lines),
        vec![finding(".env", 1, Kind::AwsAccessKeyId, "password=***")],
        "the password's value and the key start at the same byte: the tie goes to the first \
         kind, the AWS key"
    );
}

#[test]
fn findings_come_one_per_line_in_the_order_of_the_lines() {
    let lines = [
        line("a.env", 1, "USER=admin"),
        line("a.env", 2, "PASSWORD=one PASSWORD=two"),
        line("b.env", 7, "X=AKIAIOSFODNN7EXAMPLE Y=AKIAIOSFODNN7EXAMPLF"),
        line("a.env", 3, "-----BEGIN EC PRIVATE KEY-----"),
    ];
    assert_eq!(
        scan(&lines),
        vec![
            finding("a.env", 2, Kind::Password, "PASSWORD=***"),
            finding("b.env", 7, Kind::AwsAccessKeyId, "X=***"),
            finding(
                "a.env",
                3,
                Kind::PrivateKey,
                "-----BEGIN EC PRIVATE KEY-----***"
            ),
        ],
        "a line with no secret gives nothing, a line with several gives one finding, and the \
         findings follow the order of the lines"
    );
}

use super::*;

#[test]
fn nothing_changes_without_a_width() {
    let text = "a line far longer than any terminal would show in one go, kept whole for logs\n";
    assert_eq!(lines(text, None), text);
    assert_eq!(markdown(text, None), text);
}

#[test]
fn an_indented_line_continues_at_its_indent() {
    let text = "    the request was retried 5 times but the budget allows only 3 retries\n";
    assert_eq!(
        lines(text, Some(40)),
        "    the request was retried 5 times but\n    the budget allows only 3 retries\n"
    );
    assert_eq!(lines(text, Some(80)), text);
}

#[test]
fn a_bullet_continues_after_the_bullet() {
    let text = "· Task 3: Retry budget: 2 hidden tests, not started yet";
    assert_eq!(
        lines(text, Some(40)),
        "· Task 3: Retry budget: 2 hidden tests,\n  not started yet"
    );
}

#[test]
fn colour_codes_take_no_width_and_stay_whole() {
    let text =
        "\x1b[31m✗\x1b[0m Task 2 of 3: \x1b[1mBack off exponentially between attempts\x1b[0m";
    assert_eq!(
        lines(text, Some(40)),
        "\x1b[31m✗\x1b[0m Task 2 of 3: \x1b[1mBack off exponentially\n  between attempts\x1b[0m"
    );
}

#[test]
fn a_link_is_never_broken_even_at_a_space_in_its_text() {
    let link = "\x1b]8;;file:///a/my%20wb/x.rs\x1b\\my wb/x.rs\x1b]8;;\x1b\\";
    let text = format!("the file you edit for this task is {link} today");
    assert_eq!(
        lines(&text, Some(40)),
        format!("the file you edit for this task is\n{link} today")
    );
}

#[test]
fn a_long_word_overflows_rather_than_being_cut() {
    let text = "Edit exercises/10_resilience/circuit_breaker_half_open/src/lib.rs, save, and run \
                `opslings` again.";
    assert_eq!(
        lines(text, Some(40)),
        "Edit\nexercises/10_resilience/circuit_breaker_half_open/src/lib.rs,\n\
         save, and run `opslings` again."
    );
}

#[test]
fn bullets_are_recognised_only_with_text_after_them() {
    assert_eq!(hang("- item"), 2);
    assert_eq!(hang("  10. `x`: y"), 6);
    assert_eq!(hang("  \x1b[31m✗\x1b[0m name"), 4);
    assert_eq!(hang("-flag"), 0);
    assert_eq!(hang("2026 was a year"), 0);
    assert_eq!(hang("    plain"), 4);
}

const PAGE: &str = "\
Start opslings from the repository with `cargo run`. It opens watch mode on the first exercise
you have not solved yet and shows its path.

- **Compiler errors.** Your code does not build yet. Read the first error first: later ones
  often follow from it.

| key | what it does, in a table row that is long and must not be wrapped at all |
|---|---|

```text
a code line that is long and should never be wrapped by the reflow at all, whatever the width
```
";

#[test]
fn a_page_is_reflowed_at_80_columns() {
    assert_eq!(
        markdown(PAGE, Some(80)),
        "\
Start opslings from the repository with `cargo run`. It opens watch mode on the
first exercise you have not solved yet and shows its path.

- **Compiler errors.** Your code does not build yet. Read the first error first:
  later ones often follow from it.

| key | what it does, in a table row that is long and must not be wrapped at all |
|---|---|

```text
a code line that is long and should never be wrapped by the reflow at all, whatever the width
```
"
    );
}

#[test]
fn a_page_is_reflowed_at_40_columns() {
    assert_eq!(
        markdown(PAGE, Some(40)),
        "\
Start opslings from the repository with
`cargo run`. It opens watch mode on the
first exercise you have not solved yet
and shows its path.

- **Compiler errors.** Your code does
  not build yet. Read the first error
  first: later ones often follow from
  it.

| key | what it does, in a table row that is long and must not be wrapped at all |
|---|---|

```text
a code line that is long and should never be wrapped by the reflow at all, whatever the width
```
"
    );
}

#[test]
fn a_numbered_item_continues_under_its_text() {
    let text = "10. `restore_critical_path`: time a restore runbook whose steps wait for each \
                other, and find\n    its critical path.\n";
    assert_eq!(
        markdown(text, Some(40)),
        "10. `restore_critical_path`: time a\n    restore runbook whose steps wait for\n    \
         each other, and find its critical\n    path.\n"
    );
}

#[test]
fn an_indented_block_after_a_blank_line_is_code() {
    let text = "Run it:\n\n    cargo run -- watch --manual --and-a-very-long-option-list here\n";
    assert_eq!(markdown(text, Some(40)), text);
}

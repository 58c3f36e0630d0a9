/*!
Shell completions and manual pages, generated from the same clap definition as `--help`, so that
they can never disagree with the binary that prints them.

The man page is printed by a command rather than written by build.rs: a build step would leave a
generated file to install by hand and to keep in step, while `opslings man | man -l -` always
shows the page of the opslings on the path, with its version, however it was installed.
*/

use std::io::Write;

use anyhow::{Context, Result, bail};
use clap::CommandFactory;
use clap_complete::Shell;
use roff::{Roff, roman};

use super::Cli;

/// Writes the completion script for `shell`.
pub fn completions(shell: Shell, out: &mut dyn Write) -> Result<()> {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "opslings", out);
    Ok(())
}

/// Writes the man page of opslings, or of its command `name` (`opslings-grade(1)`).
pub fn man(name: Option<&str>, out: &mut dyn Write) -> Result<()> {
    let mut root = Cli::command();
    // Building names the commands as a page shows them: `opslings-grade`, run as `opslings grade`.
    root.build();
    let page = match name {
        None => root,
        Some(name) => match root.find_subcommand(name).filter(|c| !c.is_hide_set()) {
            Some(command) => command.clone(),
            None => bail!(
                "opslings has no command `{name}`. Commands: {}",
                commands(&root).join(", ")
            ),
        },
    };
    render(&page, out).context("Failed to write the man page")
}

/// clap_mangen's sections, with the examples of `--help` as an EXAMPLES section whose lines are
/// kept (its own EXTRA section fills them into one paragraph).
fn render(page: &clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    // The footer's source is short; the VERSION section has the course and the commit.
    let source = format!("opslings {}", env!("CARGO_PKG_VERSION"));
    let man = clap_mangen::Man::new(page.clone()).source(source);
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    if page.has_subcommands() {
        man.render_subcommands_section(out)?;
    }
    if let Some(examples) = page.get_after_help() {
        let mut roff = Roff::new();
        roff.control("SH", ["EXAMPLES"]).control("nf", []);
        let text = examples.to_string();
        for line in text.lines().skip_while(|l| l.trim_end().ends_with(':')) {
            roff.text([roman(line)]);
        }
        roff.control("fi", []).to_writer(out)?;
    }
    if page.get_version().is_some() {
        man.render_version_section(out)?;
    }
    Ok(())
}

/// The commands a reader may ask for, in the order `--help` lists them.
fn commands(root: &clap::Command) -> Vec<&str> {
    root.get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(clap::Command::get_name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(name: Option<&str>) -> String {
        let mut out = Vec::new();
        man(name, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_man_page_names_every_command() {
        let root = Cli::command();
        let page = page(None);
        // After the preamble that defines the apostrophe string (`.ie`, `.el`), the title.
        let first = page
            .lines()
            .find(|l| !l.starts_with(".ie") && !l.starts_with(".el"));
        assert!(
            first.is_some_and(|l| l.starts_with(".TH opslings 1 ")),
            "{page}"
        );
        for name in commands(&root) {
            assert!(page.contains(name), "the page does not name `{name}`");
        }
        assert!(commands(&root).contains(&"grade"));
        assert!(!page.contains("__exec"));
    }

    #[test]
    fn a_command_has_a_page_of_its_own() {
        let page = page(Some("grade"));
        assert!(page.contains(".TH opslings-grade 1"), "{page}");
        assert!(page.contains("\\-\\-partition"), "{page}");
    }

    #[test]
    fn an_unknown_command_lists_the_real_ones() {
        let error = man(Some("grdae"), &mut Vec::new()).unwrap_err().to_string();
        assert!(error.contains("`grdae`"), "{error}");
        for name in ["verify", "grade", "merge", "sandbox", "init", "run", "hint"] {
            assert!(error.contains(name), "{name} missing: {error}");
        }
    }
}

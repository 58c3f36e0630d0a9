/*!
Whether output gets colour, links and wrapping: decided once at start, by the rules the command
line tools around opslings follow, as pure functions of the flag, the environment and whether
standard output is a terminal (so that every rule is tested here without one).

Colour, first rule that applies:

1. `--color never`: none.
2. `--color always`: colour, even with `NO_COLOR` set. The flag is typed for this one command,
   the variable set once for every program; <https://no-color.org> itself lets command-line
   arguments override it.
3. `NO_COLOR` set and not empty: none (it wins over `CLICOLOR_FORCE`, which asks for the
   opposite less directly: it is how a pipeline forces colour on every tool at once).
4. `CLICOLOR_FORCE` set, not empty and not `0`: colour, even when not a terminal.
5. `CLICOLOR=0`: none.
6. `TERM=dumb`: none.
7. Otherwise colour exactly when standard output is a terminal.

Links need colour (both are escape sequences a reader of plain text does not want), a terminal
(a link in a log file is noise), and a terminal known to show them (`supports-hyperlinks`, which
also reads `FORCE_HYPERLINK`). Wrapping needs a terminal, so that CI logs keep whole lines; its
width is `COLUMNS` when that is a number, else the terminal's.
*/

use std::io::IsTerminal;

/// `--color`, as the core sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The environment variables the rules read.
#[derive(Clone, Debug, Default)]
pub struct Env {
    pub no_color: Option<String>,
    pub clicolor: Option<String>,
    pub clicolor_force: Option<String>,
    pub term: Option<String>,
    pub columns: Option<String>,
}

impl Env {
    /// The variables of this process.
    pub fn current() -> Self {
        let var = |name| std::env::var_os(name).map(|v| v.to_string_lossy().into_owned());
        Self {
            no_color: var("NO_COLOR"),
            clicolor: var("CLICOLOR"),
            clicolor_force: var("CLICOLOR_FORCE"),
            term: var("TERM"),
            columns: var("COLUMNS"),
        }
    }
}

/// Whether to colour output; the rules are in the module's header.
pub fn color(choice: ColorChoice, env: &Env, is_tty: bool) -> bool {
    let set = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.is_empty());
    match choice {
        ColorChoice::Never => false,
        ColorChoice::Always => true,
        ColorChoice::Auto if set(&env.no_color) => false,
        ColorChoice::Auto
            if set(&env.clicolor_force) && env.clicolor_force.as_deref() != Some("0") =>
        {
            true
        }
        ColorChoice::Auto if env.clicolor.as_deref() == Some("0") => false,
        ColorChoice::Auto if env.term.as_deref() == Some("dumb") => false,
        ColorChoice::Auto => is_tty,
    }
}

/// Whether file names become hyperlinks.
pub fn links(color: bool, is_tty: bool, terminal_shows_links: bool) -> bool {
    color && is_tty && terminal_shows_links
}

/// The narrowest width text is wrapped to: below it a hanging indent leaves no room for words.
const MIN_WIDTH: usize = 20;

/// The width to wrap text to, or `None` to leave lines whole. `size` is the terminal's width.
pub fn width(env: &Env, is_tty: bool, size: Option<u16>) -> Option<usize> {
    if !is_tty {
        return None;
    }
    let columns = env
        .columns
        .as_deref()
        .and_then(|c| c.trim().parse::<usize>().ok());
    columns
        .filter(|&c| c > 0)
        .or(size.map(usize::from).filter(|&c| c > 0))
        .map(|c| c.max(MIN_WIDTH))
}

/// Whether standard output is a terminal, and its width when it is one.
pub fn stdout() -> (bool, Option<u16>) {
    let tty = std::io::stdout().is_terminal();
    let size = console::Term::stdout().size_checked().map(|(_, cols)| cols);
    (tty, size)
}

/// Applies the colour rules to standard error, for the `error:` label that `lib.rs` prints.
pub fn color_stderr(choice: ColorChoice, env: &Env) {
    console::set_colors_enabled_stderr(color(choice, env, std::io::stderr().is_terminal()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColorChoice::{Always, Auto, Never};

    fn env(vars: &[(&str, &str)]) -> Env {
        let get = |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        Env {
            no_color: get("NO_COLOR"),
            clicolor: get("CLICOLOR"),
            clicolor_force: get("CLICOLOR_FORCE"),
            term: get("TERM"),
            columns: get("COLUMNS"),
        }
    }

    #[test]
    fn auto_follows_the_terminal() {
        assert!(color(Auto, &env(&[]), true));
        assert!(!color(Auto, &env(&[]), false));
    }

    #[test]
    fn the_flag_wins_over_every_variable() {
        let all = env(&[("NO_COLOR", "1"), ("CLICOLOR", "0"), ("TERM", "dumb")]);
        assert!(color(Always, &all, false));
        let force = env(&[("CLICOLOR_FORCE", "1")]);
        assert!(!color(Never, &force, true));
    }

    #[test]
    fn no_color_when_not_empty_wins_over_clicolor_force() {
        assert!(!color(Auto, &env(&[("NO_COLOR", "1")]), true));
        assert!(!color(
            Auto,
            &env(&[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")]),
            true
        ));
        assert!(color(Auto, &env(&[("NO_COLOR", "")]), true));
    }

    #[test]
    fn clicolor_force_colours_a_pipe_unless_empty_or_zero() {
        assert!(color(Auto, &env(&[("CLICOLOR_FORCE", "1")]), false));
        assert!(color(
            Auto,
            &env(&[("CLICOLOR_FORCE", "1"), ("CLICOLOR", "0"), ("TERM", "dumb")]),
            false
        ));
        assert!(!color(Auto, &env(&[("CLICOLOR_FORCE", "0")]), false));
        assert!(!color(Auto, &env(&[("CLICOLOR_FORCE", "")]), false));
    }

    #[test]
    fn clicolor_zero_and_a_dumb_terminal_turn_auto_off() {
        assert!(!color(Auto, &env(&[("CLICOLOR", "0")]), true));
        assert!(color(Auto, &env(&[("CLICOLOR", "1")]), true));
        assert!(!color(Auto, &env(&[("TERM", "dumb")]), true));
        assert!(color(Auto, &env(&[("TERM", "xterm-256color")]), true));
    }

    #[test]
    fn links_need_colour_a_terminal_and_one_that_shows_them() {
        assert!(links(true, true, true));
        assert!(!links(false, true, true));
        assert!(!links(true, false, true));
        assert!(!links(true, true, false));
    }

    #[test]
    fn a_pipe_is_never_wrapped() {
        assert_eq!(width(&env(&[("COLUMNS", "60")]), false, Some(80)), None);
    }

    #[test]
    fn columns_overrides_the_terminal_width_when_it_is_a_number() {
        assert_eq!(width(&env(&[]), true, Some(80)), Some(80));
        assert_eq!(width(&env(&[("COLUMNS", "60")]), true, Some(80)), Some(60));
        assert_eq!(
            width(&env(&[("COLUMNS", "wide")]), true, Some(80)),
            Some(80)
        );
        assert_eq!(width(&env(&[("COLUMNS", "0")]), true, None), None);
        assert_eq!(
            width(&env(&[("COLUMNS", "5")]), true, None),
            Some(MIN_WIDTH)
        );
    }
}

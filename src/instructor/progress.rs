/*!
Progress of a long instructor run (verify, grade), on stderr so that stdout keeps the report.

Decided once, in [`Progress::detect`]: a bar (indicatif) on a terminal, and plain lines
everywhere else (a pipe, a file, CI logs), where a bar would be noise.
*/

use std::{
    io::Write,
    sync::{
        Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub(super) struct Progress {
    kind: Kind,
    total: usize,
    done: AtomicUsize,
}

enum Kind {
    Bar(ProgressBar),
    Lines(Mutex<Box<dyn Write + Send>>),
}

impl Progress {
    /// A bar when stderr is a terminal outside CI, plain lines on stderr otherwise.
    pub(super) fn detect(total: usize) -> Self {
        let term = console::Term::stderr();
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        if term.is_term() && !ci && !dumb {
            Self::bar(total)
        } else {
            Self::lines(total, Box::new(std::io::stderr()))
        }
    }

    pub(super) fn bar(total: usize) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {elapsed} {wide_msg}")
                .expect("the template is valid")
                .progress_chars("#>-"),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        Self::with(Kind::Bar(bar), total)
    }

    /// Plain lines to `out`.
    pub(super) fn lines(total: usize, out: Box<dyn Write + Send>) -> Self {
        Self::with(Kind::Lines(Mutex::new(out)), total)
    }

    fn with(kind: Kind, total: usize) -> Self {
        Self {
            kind,
            total,
            done: AtomicUsize::new(0),
        }
    }

    /// One item is finished; returns `[done/total]` for a line about it.
    pub(super) fn advance(&self, message: &str) -> String {
        self.advance_by(1, message)
    }

    /// `n` items are finished (or will not be done at all).
    pub(super) fn advance_by(&self, n: usize, message: &str) -> String {
        let done = self.done.fetch_add(n, Ordering::SeqCst) + n;
        if let Kind::Bar(bar) = &self.kind {
            bar.inc(n as u64);
            bar.set_message(message.to_owned());
        }
        let width = self.total.to_string().len();
        format!("[{done:>width$}/{}]", self.total)
    }

    /// A line for the reader: above the bar, or on a line of its own.
    pub(super) fn line(&self, text: &str) {
        match &self.kind {
            Kind::Bar(bar) => bar.println(text),
            Kind::Lines(out) => {
                let mut out = out.lock().unwrap_or_else(|e| e.into_inner());
                // Progress is a courtesy: a closed stderr must not stop the work.
                let _ = writeln!(out, "{text}");
                let _ = out.flush();
            }
        }
    }

    /// A line only where there is no bar to show the same thing.
    pub(super) fn plain_line(&self, text: &str) {
        if matches!(self.kind, Kind::Lines(_)) {
            self.line(text);
        }
    }

    pub(super) fn finish(&self) {
        if let Kind::Bar(bar) = &self.kind {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// A writer whose bytes the test can read afterwards.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().write(buf)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn plain_lines_count_the_items_done() {
        let out = Shared::default();
        let progress = Progress::lines(12, Box::new(out.clone()));
        let first = progress.advance("a");
        progress.line(&format!("{first} ok a"));
        progress.plain_line(&format!("{} ok b", progress.advance("b")));
        progress.finish();
        let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        assert_eq!(text, "[ 1/12] ok a\n[ 2/12] ok b\n");
    }
}

//! Drawing the view watch mode is in, from its state.

use std::io::Write;

use anyhow::Result;

use super::{
    super::{
        screen::{self, MainScreen},
        terminal,
    },
    Ui, View,
};

impl Ui<'_> {
    /// Draws the current view on a terminal of `(width, height)`.
    pub(super) fn draw(
        &mut self,
        out: &mut dyn Write,
        (width, height): (usize, usize),
    ) -> Result<()> {
        let app = self.app;
        let done = self.done();
        let text = match &mut self.view {
            View::List(list) => screen::list_screen(
                &app.term,
                &app.set.exercises,
                &done,
                self.current,
                list,
                height,
            ),
            View::Page { topic, scroll } => {
                let page = app
                    .set
                    .topic_readme(topic)
                    .unwrap_or("(this topic has no page)");
                screen::page_screen(&app.term, page, scroll, height)
            }
            View::Main | View::ConfirmReset => {
                let exercise = &app.set.exercises[self.current];
                let task = self.task();
                let hints = exercise.info.task(task).map_or(&[][..], |t| &t.hints[..]);
                let shown = self
                    .state
                    .hints_shown(exercise.name(), task)
                    .min(hints.len());
                let confirm = format!(
                    "Reset {} to its original? Your version is saved first. (y/n)",
                    exercise.name()
                );
                let prompt = match self.view {
                    View::ConfirmReset => Some(confirm.as_str()),
                    _ => self.message.as_deref(),
                };
                screen::main_screen(&MainScreen {
                    term: &app.term,
                    root: &app.workbook.root,
                    exercise,
                    position: self.current + 1,
                    total: app.set.exercises.len(),
                    solved: self.state.solved(&app.set),
                    status: &self.status,
                    banner: self.banner.as_deref(),
                    task,
                    hints: &hints[..shown],
                    note: &self.note,
                    prompt,
                    width,
                    height,
                })
            }
        };
        terminal::draw(out, &text)?;
        Ok(())
    }
}

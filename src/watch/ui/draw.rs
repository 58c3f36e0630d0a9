//! Drawing the view watch mode is in, from its state, into a ratatui buffer.

use ratatui::{buffer::Buffer, layout::Rect};

use super::{
    super::{
        frame,
        screen::{self, ListScreen, MainScreen},
    },
    Ui, View,
};

impl Ui<'_> {
    /// Draws the current view in `area`.
    pub(super) fn render(&mut self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let (width, height) = (usize::from(area.width), usize::from(area.height));
        let done = self.done();
        match &mut self.view {
            View::List(list) => {
                let l = ListScreen {
                    term: &app.term,
                    exercises: &app.set.exercises,
                    done: &done,
                    current: self.current,
                };
                screen::render_list(&l, list, area, buf);
            }
            View::Page { topic, scroll } => {
                let text = app
                    .set
                    .topic_readme(topic)
                    .unwrap_or("(this topic has no page)");
                let page = screen::topic_page(&app.term, topic, text, width);
                self.rows = frame::render(&page, scroll, area, buf);
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
                let page = screen::main_page(&MainScreen {
                    term: &app.term,
                    exercise,
                    position: self.current + 1,
                    total: app.set.exercises.len(),
                    solved: self.state.solved(&app.set),
                    status: &self.status,
                    banner: self.banner.as_deref(),
                    task,
                    hints: &hints[..shown],
                    note: &self.note,
                    message: self.message.as_deref(),
                    prompt: matches!(self.view, View::ConfirmReset).then_some(confirm.as_str()),
                    width,
                    height,
                });
                self.rows = frame::render(&page, &mut self.scroll, area, buf);
            }
        }
    }
}

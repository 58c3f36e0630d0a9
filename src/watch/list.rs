//! The exercise list in watch mode: a cursor, a status filter and a scrolling window.

use crossterm::event::{KeyCode, KeyEvent};

/// Which exercises the list shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Filter {
    All,
    Done,
    Pending,
}

/// What a key did to the list.
pub(super) enum ListAction {
    Stay,
    Back,
    Jump(usize),
    Explain(usize),
}

pub(super) struct ListView {
    pub filter: Filter,
    /// Position of the cursor among the shown rows.
    pub cursor: usize,
    /// The first shown row on screen.
    pub top: usize,
}

impl ListView {
    pub(super) fn new(current: usize) -> Self {
        Self {
            filter: Filter::All,
            cursor: current,
            top: 0,
        }
    }

    /// Indexes of the exercises the filter lets through.
    pub(super) fn rows(&self, done: &[bool]) -> Vec<usize> {
        (0..done.len())
            .filter(|&i| match self.filter {
                Filter::All => true,
                Filter::Done => done[i],
                Filter::Pending => !done[i],
            })
            .collect()
    }

    pub(super) fn handle(&mut self, key: KeyEvent, done: &[bool], page: usize) -> ListAction {
        let rows = self.rows(done);
        let last = rows.len().saturating_sub(1);
        let page = page.max(1);
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => self.cursor = (self.cursor + 1).min(last),
            KeyCode::PageUp => self.cursor = self.cursor.saturating_sub(page),
            KeyCode::PageDown => self.cursor = (self.cursor + page).min(last),
            KeyCode::Home | KeyCode::Char('g') => self.cursor = 0,
            KeyCode::End | KeyCode::Char('G') => self.cursor = last,
            KeyCode::Char(c @ ('a' | 'd' | 'p')) => {
                self.filter = match c {
                    'd' => Filter::Done,
                    'p' => Filter::Pending,
                    _ => Filter::All,
                };
                self.cursor = 0;
                self.top = 0;
            }
            KeyCode::Enter => {
                return rows
                    .get(self.cursor)
                    .map_or(ListAction::Stay, |&i| ListAction::Jump(i));
            }
            KeyCode::Char('e') => {
                return rows
                    .get(self.cursor)
                    .map_or(ListAction::Stay, |&i| ListAction::Explain(i));
            }
            KeyCode::Esc | KeyCode::Char('q' | 'l') => return ListAction::Back,
            _ => {}
        }
        ListAction::Stay
    }

    /// Moves the window so the cursor is on screen, for a window of `height` rows.
    pub(super) fn scroll(&mut self, rows: usize, height: usize) {
        let height = height.max(1);
        self.cursor = self.cursor.min(rows.saturating_sub(1));
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + height {
            self.top = self.cursor + 1 - height;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn filters_and_jumps_to_the_exercise_under_the_cursor() {
        let done = [true, false, true, false];
        let mut list = ListView::new(0);
        assert!(matches!(
            list.handle(key(KeyCode::Char('p')), &done, 10),
            ListAction::Stay
        ));
        assert_eq!(list.rows(&done), [1, 3]);
        list.handle(key(KeyCode::Down), &done, 10);
        list.handle(key(KeyCode::Down), &done, 10);
        assert!(matches!(
            list.handle(key(KeyCode::Enter), &done, 10),
            ListAction::Jump(3)
        ));
    }

    #[test]
    fn the_window_follows_the_cursor() {
        let mut list = ListView::new(0);
        list.cursor = 7;
        list.scroll(10, 3);
        assert_eq!(list.top, 5);
        list.cursor = 2;
        list.scroll(10, 3);
        assert_eq!(list.top, 2);
        list.cursor = 99;
        list.scroll(10, 0);
        assert_eq!((list.cursor, list.top), (9, 9));
    }
}

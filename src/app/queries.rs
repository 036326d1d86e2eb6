//! What the screen (`ui::draw`) and the terminal layer read from an
//! [`App`]: read-only views of its parts.

use super::{
    App, Confirm, Cursor, Detail, Filters, KeyGuide, MarkState, Options, Overlay, Size, Status,
    View,
};
use crate::article::Article;
use crate::library::Library;
use crate::marks::ViewFilter;

impl App {
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// Read and starred flags, the marks behind them, and the view.
    pub fn marks(&self) -> &MarkState {
        &self.marks
    }

    /// All, unread only, or starred only.
    pub fn view_filter(&self) -> ViewFilter {
        self.marks.view()
    }

    /// How many listed articles are unread.
    pub fn unread_listed(&self) -> usize {
        self.marks.count_unread(self.list.visible())
    }

    /// The question waiting for y/n, if any.
    pub fn confirm(&self) -> Option<Confirm> {
        self.confirm.clone()
    }

    pub fn articles(&self) -> &[Article] {
        &self.library.articles
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    /// Indices of the listed articles, in list order.
    pub fn visible(&self) -> &[usize] {
        self.list.visible()
    }

    pub fn list_cursor(&self) -> Cursor {
        self.list.cursor()
    }

    /// The index of the article under the list selection.
    pub fn selected_article(&self) -> Option<usize> {
        self.list.selected_article()
    }

    /// The article view while an article is open, else the list.
    pub fn view(&self) -> View {
        if self.reading.open().is_some() {
            View::Detail
        } else {
            View::List
        }
    }

    pub fn detail(&self) -> Option<&Detail> {
        self.reading.open()
    }

    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The number the search index's answers (`Action::IndexStarted`,
    /// `Action::IndexProgress`) must carry to be taken: the one the last
    /// `Effect::StartIndex` asked with.
    pub fn index_generation(&self) -> u64 {
        self.search.generation()
    }

    pub fn size(&self) -> Size {
        self.size
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    pub fn guide(&self) -> &KeyGuide {
        &self.guide
    }

    /// The help pop-up at this size, border included.
    pub fn help_area(&self) -> ratatui::layout::Rect {
        self.size.help_area(self.guide.help_width())
    }

    /// Columns of help text inside the pop-up's border.
    pub fn help_text_width(&self) -> usize {
        usize::from(self.help_area().width.saturating_sub(2))
    }
}

//! The article view's state: which article, its parsed body, and the lines
//! laid out for the current width (computed in `update`, so drawing only
//! slices them).

use ratatui::text::Line;

use super::Action;
use super::cursor::signed;
use super::list::WHEEL_ROWS;
use crate::article::Article;
use crate::render::{self, ArticleStyles, Document, Page, PageBody};
use crate::text::cells;

/// Where the article's body is in its life.
#[derive(Debug, Clone)]
pub enum Body {
    Loading,
    Loaded(Document),
    Failed(String),
}

/// An open article.
#[derive(Debug, Clone)]
pub struct Detail {
    /// Index into the library's articles.
    pub article: usize,
    pub body: Body,
    /// Header, a blank line, then the body, wrapped to `width` columns.
    pub lines: Vec<Line<'static>>,
    /// The width `lines` were laid out for (0: not yet).
    pub width: usize,
    /// The first line shown.
    pub scroll: usize,
    /// How the header writes the date (strftime; empty: `YYYY-MM-DD`).
    pub date_format: String,
    /// How the header writes the time after it, if the article has one
    /// (strftime; empty: `HH:MM`).
    pub time_format: String,
    /// Where the article's exact duplicates are (paths, cleaned), listed
    /// under the header.
    pub copies: Vec<String>,
    /// The body on its way was read before the archive's links were
    /// known, so it comes without its `[n↩]` marks: read it again then.
    pub unmarked_on_the_way: bool,
}

impl Detail {
    pub fn new(article: usize) -> Self {
        Detail {
            article,
            body: Body::Loading,
            lines: Vec::new(),
            width: 0,
            scroll: 0,
            date_format: String::new(),
            time_format: String::new(),
            copies: Vec::new(),
            unmarked_on_the_way: false,
        }
    }

    /// The text of body link `[n]` (from 1); empty without one.
    pub fn link_text(&self, n: usize) -> &str {
        match &self.body {
            Body::Loaded(document) => document.link_text(n),
            _ => "",
        }
    }

    /// The body's numbered links (none until it is loaded).
    pub fn links(&self) -> &[String] {
        match &self.body {
            Body::Loaded(document) => document.links(),
            _ => &[],
        }
    }

    /// Lays the article out for `width` columns in `styles`, keeping the
    /// reading position at the same fraction of the text.
    pub fn layout(&mut self, article: &Article, width: usize, styles: &ArticleStyles) {
        let width = width.max(1);
        let old_len = self.lines.len().max(1);
        let page = Page {
            article,
            date: super::dates::stamp(article, &self.date_format, Some(&self.time_format)),
            copies: &self.copies,
            body: match &self.body {
                Body::Loading => PageBody::Loading,
                Body::Failed(reason) => PageBody::Failed(reason),
                Body::Loaded(document) => PageBody::Loaded(document),
            },
        };
        let lines: Vec<Line<'static>> = render::article_lines(&page, width, styles)
            .into_iter()
            .map(terminal_cells)
            .collect();
        if self.width != 0 && self.width != width {
            self.scroll = self.scroll * lines.len() / old_len;
        }
        self.lines = lines;
        self.width = width;
    }

    /// Scrolls for a movement key or the wheel, `rows` being the rows on
    /// screen; says whether `action` was one.
    pub(super) fn update(&mut self, action: &Action, rows: usize) -> bool {
        let page = signed(rows.max(1));
        let half = signed((rows / 2).max(1));
        match action {
            Action::HalfPageDown => self.scroll_by(half, rows),
            Action::HalfPageUp => self.scroll_by(-half, rows),
            Action::MoveDown => self.scroll_by(1, rows),
            Action::MoveUp => self.scroll_by(-1, rows),
            Action::PageDown => self.scroll_by(page, rows),
            Action::PageUp => self.scroll_by(-page, rows),
            Action::ScrollDown { .. } => self.scroll_by(WHEEL_ROWS, rows),
            Action::ScrollUp { .. } => self.scroll_by(-WHEEL_ROWS, rows),
            Action::First => self.scroll_to(0, rows),
            Action::Last => self.scroll_to(usize::MAX, rows),
            _ => return false,
        }
        true
    }

    /// The furthest `scroll` goes: the last line at the bottom of the pane.
    pub fn max_scroll(&self, rows: usize) -> usize {
        self.lines.len().saturating_sub(rows.max(1))
    }

    pub fn scroll_by(&mut self, delta: isize, rows: usize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll(rows));
    }

    pub fn scroll_to(&mut self, line: usize, rows: usize) {
        self.scroll = line.min(self.max_scroll(rows));
    }
}

/// The line with every span made [`cells::terminal_safe`].
fn terminal_cells(mut line: Line<'static>) -> Line<'static> {
    for span in &mut line.spans {
        if let std::borrow::Cow::Owned(safe) = cells::terminal_safe(&span.content) {
            span.content = safe.into();
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::article;

    #[test]
    fn relayout_keeps_the_reading_position() {
        let a = article("標題", &[], &[]);
        let text = "一二三四五六七八九十".repeat(40);
        let mut d = Detail::new(0);
        d.body = Body::Loaded(render::render_body(&text, None));
        d.layout(&a, 40, &ArticleStyles::default());
        let long = d.lines.len();
        d.scroll_to(long / 2, 5);
        d.layout(&a, 80, &ArticleStyles::default());
        assert!(d.lines.len() < long);
        let fraction = d.scroll as f64 / d.lines.len() as f64;
        assert!((fraction - 0.5).abs() < 0.1, "{fraction}");
        d.scroll_by(10_000, 5);
        assert_eq!(d.scroll, d.max_scroll(5));
    }
}

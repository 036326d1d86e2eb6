//! `App::update` for the article view: routes keys to [`Reading`] and acts
//! on its outcome, and opens articles (from the list, a link, Back, next
//! unread, the next or previous listed one), which takes the library, the
//! options and the marks the sub-state does not hold.
//!
//! [`Reading`]: super::reading::Reading

use super::reading::{ReadingOutcome, Visited};
use super::{Action, App, Choices, Detail, Effect, PickerEntry, PickerKind};

impl App {
    pub(super) fn update_detail(&mut self, action: Action) -> Vec<Effect> {
        match self.reading.update(&action, self.size.body_rows()) {
            ReadingOutcome::Done => Vec::new(),
            ReadingOutcome::Close => {
                self.reading.close();
                Vec::new()
            }
            ReadingOutcome::Return(visited) => self.go_back(visited),
            ReadingOutcome::Step(delta) => self.step_article(delta),
            ReadingOutcome::NextUnread => self.open_next_unread(),
            ReadingOutcome::Other => match action {
                Action::ShowLinks => {
                    self.show_links();
                    Vec::new()
                }
                Action::Backlinks => {
                    self.show_backlinks();
                    Vec::new()
                }
                Action::Search | Action::NextMatch | Action::PrevMatch => {
                    self.update_find(&action);
                    Vec::new()
                }
                Action::Open | Action::Click { .. } => Vec::new(),
                other => self.update_common(&other),
            },
        }
    }

    pub(super) fn open_selected(&mut self) -> Vec<Effect> {
        match self.selected_article() {
            Some(article) => self.open_article(article),
            None => Vec::new(),
        }
    }

    /// Shows `article` in the article view and asks for its body.
    fn open_article(&mut self, article: usize) -> Vec<Effect> {
        let Some(meta) = self.library.articles.get(article) else {
            return Vec::new();
        };
        let mut detail = Detail::new(article);
        detail.date_format.clone_from(&self.options.date_format);
        detail.time_format.clone_from(&self.options.time_format);
        detail.copies = self
            .catalog
            .duplicates
            .copies_of(article)
            .iter()
            .filter_map(|&i| self.library.articles.get(i as usize))
            .map(|copy| crate::text::sanitize::clean_inline(&copy.path.to_string_lossy()))
            .collect();
        let width = usize::from(self.size.text_area().width);
        detail.layout(meta, width, &self.options.article_styles());
        // Opened with a search kept: its first match is shown once the
        // body is in.
        let search_kept = self.search_query().is_some();
        self.reading.show(detail, search_kept);
        self.find = None;
        self.search.hits = None;
        self.mark_opened(article);
        vec![Effect::LoadBody { article }]
    }

    pub(super) fn body_loaded(
        &mut self,
        article: usize,
        path: &std::path::Path,
        result: Result<crate::render::Document, String>,
    ) -> Vec<Effect> {
        let Some(meta) = self
            .library
            .articles
            .get(article)
            .filter(|a| *a.path == *path)
        else {
            return Vec::new(); // The articles changed meanwhile; a new load is on its way.
        };
        let rows = self.size.body_rows();
        let styles = self.options.article_styles();
        let Some(arrived) = self
            .reading
            .body_arrived(meta, article, result, rows, &styles)
        else {
            return Vec::new(); // The person moved on before it arrived.
        };
        if arrived.first_match {
            self.jump_to_match(true);
        }
        if arrived.read_again {
            vec![Effect::LoadBody { article }]
        } else {
            Vec::new()
        }
    }

    fn step_article(&mut self, delta: isize) -> Vec<Effect> {
        let before = self.list.cursor.selected;
        self.list
            .cursor
            .move_by(delta, self.list.visible.len(), self.size.body_rows());
        if self.list.cursor.selected == before {
            self.notify(if delta > 0 {
                "This is the last article"
            } else {
                "This is the first article"
            });
            return Vec::new();
        }
        self.open_selected()
    }

    /// Opens the first unread listed article after the current one (the
    /// open one, else the selected one), going round to the top.
    pub(super) fn open_next_unread(&mut self) -> Vec<Effect> {
        let current = self.current_article();
        let len = self.list.visible.len();
        let here = current.and_then(|a| self.list.visible.iter().position(|&i| i == a));
        let start = here.map_or(0, |p| p + 1);
        let found = (start..len).chain(0..start.min(len)).find(|&k| {
            Some(self.list.visible[k]) != current && !self.marks.is_read(self.list.visible[k])
        });
        let Some(position) = found else {
            self.notify("No unread article left in the list");
            return Vec::new();
        };
        let wrapped = here.is_some_and(|p| position <= p);
        self.list
            .cursor
            .select(position, len, self.size.body_rows());
        self.reading.forget_back();
        let effects = self.open_article(self.list.visible[position]);
        if wrapped {
            self.notify("Next unread: back at the top of the list");
        }
        effects
    }

    /// Opens `target` from the open article, remembering where the person
    /// was so Back returns there.
    pub(super) fn follow(&mut self, target: usize) -> Vec<Effect> {
        let depth = self.reading.leave_for_link();
        let effects = self.open_article(target);
        self.notify(format!(
            "Opened from the archive ({depth} back: h, Backspace or Left)"
        ));
        effects
    }

    /// Back in the article view to the article a link was followed from,
    /// at the same place.
    fn go_back(&mut self, visited: Visited) -> Vec<Effect> {
        let effects = self.open_article(visited.article);
        self.reading.returned(visited, self.size.body_rows());
        effects
    }

    /// `B`: a picker of the articles that link to the open one.
    fn show_backlinks(&mut self) {
        let Some(detail) = self.reading.open() else {
            return;
        };
        let Some(graph) = self.link_graph() else {
            self.notify("Still finding the links between articles; try again in a moment");
            return;
        };
        let from = graph
            .back
            .get(detail.article)
            .map_or(&[][..], Vec::as_slice);
        if from.is_empty() {
            self.notify("No article of the archive links here");
            return;
        }
        let entries = from
            .iter()
            .filter_map(|&i| {
                let article = self.library.articles.get(i as usize)?;
                let date = self.date_text(article);
                Some(PickerEntry {
                    label: crate::text::sanitize::clean_inline(&format!(
                        "{date}  {}",
                        article.title
                    )),
                    count: i as usize,
                })
            })
            .collect();
        self.show_picker(PickerKind::Backlinks, Choices::new(entries));
    }
}

//! `App::update`: the list and article views, and actions every view
//! shares. Pop-ups are in `update_overlay`.

use super::PickerKind;
use super::{Action, App, Body, Detail, Effect, Overlay, Size, View};

impl App {
    /// Applies one action; the only place the state changes. Returns the
    /// work to do outside (usually none).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if action.is_user_input() {
            // A count applies to the one action after it.
            self.repeat = if matches!(action, Action::Count(_)) {
                None
            } else {
                self.count.take()
            };
            self.status = None;
            if !matches!(action, Action::Answer(_)) {
                // Anything but an answer cancels a pending question.
                self.confirm = None;
            }
        }
        if !self.catalog.has_labels()
            && (action.is_user_input() || matches!(action, Action::Tick { .. }))
        {
            // Deferred from start-up so the first frame comes sooner; the
            // first tick after it (or the first key) builds them.
            self.index_labels();
        }
        // Below the minimum size nothing the keys would act on can be seen
        // (a question, a picker): only leaving and redrawing work.
        let leaves_or_redraws = matches!(
            action,
            Action::Quit | Action::Suspend | Action::Redraw | Action::Resize { .. }
        );
        if self.size.too_small() && action.is_user_input() && !leaves_or_redraws {
            return Vec::new();
        }
        match action {
            Action::Quit => return vec![Effect::Quit],
            Action::Suspend => return vec![Effect::Suspend],
            Action::Redraw => return vec![Effect::Redraw],
            Action::Resize { width, height } => self.resize(Size::new(width, height)),
            Action::BodyLoaded {
                article,
                path,
                result,
            } => return self.body_loaded(article, &path, result),
            Action::Notify(text) => self.notify(text),
            Action::Fail(text) => self.fail(text),
            Action::Answer(yes) => return self.answer(yes),
            Action::Tick { now } => {
                let index = self.request_index();
                return index
                    .into_iter()
                    .chain(self.save_marks_if_due(now))
                    .chain(self.scan_links_once())
                    .collect();
            }
            Action::LinksResolved {
                generation,
                links,
                graph,
                found,
            } => return self.links_resolved(generation, links, graph, found),
            Action::Library(event) => return self.library_event(event),
            Action::ChangesMerged(changes) => return self.changes_merged(*changes),
            Action::LibraryReloaded(library) => return self.library_reloaded(*library),
            Action::IndexStarted { generation, view } => {
                return self.index_started(generation, view);
            }
            Action::IndexProgress { generation, view } => {
                return self.index_progressed(generation, view);
            }
            Action::SearchDone {
                generation,
                matches,
            } => return self.search_done(generation, matches),
            Action::MarksSaved(outcome) => self.marks_saved(outcome),
            Action::FlushMarks => return self.flush_marks(),
            Action::FilterDates(range) => self.filter_dates(range),
            other => {
                return match self.overlay {
                    Some(Overlay::Picker(_)) => self.update_picker(&other),
                    Some(Overlay::Help { .. }) => {
                        self.update_help(&other);
                        Vec::new()
                    }
                    Some(Overlay::Sources(_)) => self.update_sources(&other),
                    Some(Overlay::Timeline(_)) => self.update_timeline(&other),
                    None if self.input.is_some() => self.update_input(other),
                    None if self.view == View::List && self.search.prompt.is_some() => {
                        self.update_search_prompt(other)
                    }
                    None if self.view == View::List => self.update_list(other),
                    None if self.find.as_ref().is_some_and(|f| f.typing) => {
                        self.update_find_prompt(other)
                    }
                    None => self.update_detail(other),
                };
            }
        }
        Vec::new()
    }

    pub(super) fn update_list(&mut self, action: Action) -> Vec<Effect> {
        let counted = self.repeat.take();
        if self.list.update(&action, self.size.body_rows(), counted) {
            return Vec::new();
        }
        match action {
            Action::Count(digit) => self.push_count(digit),
            Action::NextMatch => self.list_match(true, counted.unwrap_or(1)),
            Action::PrevMatch => self.list_match(false, counted.unwrap_or(1)),
            Action::Open => return self.open_selected(),
            Action::Click { row, .. } => return self.click_list(row),
            Action::ShowLinks => self.notify("Open an article first: its links are listed there"),
            Action::Search => return self.open_search(),
            Action::CycleSort => self.cycle_sort(),
            Action::Sources => self.open_sources(),
            Action::Timeline => self.open_timeline(),
            Action::JumpToDate => self.ask_date(),
            other => return self.update_common(&other),
        }
        Vec::new()
    }

    fn update_detail(&mut self, action: Action) -> Vec<Effect> {
        let Some(detail) = self.detail.as_mut() else {
            self.view = View::List;
            return Vec::new();
        };
        if detail.update(&action, self.size.body_rows()) {
            return Vec::new();
        }
        match action {
            Action::Back => return self.go_back(),
            Action::PageOrNextUnread => return self.page_or_next_unread(),
            Action::NextArticle => return self.step_article(1),
            Action::PrevArticle => return self.step_article(-1),
            Action::ShowLinks => self.show_links(),
            Action::Backlinks => self.show_backlinks(),
            Action::Search => self.open_find(),
            Action::NextMatch => self.jump_to_match(true),
            Action::PrevMatch => self.jump_to_match(false),
            Action::Open | Action::Click { .. } => {}
            other => return self.update_common(&other),
        }
        Vec::new()
    }

    /// Actions that mean the same in the list and the article view.
    fn update_common(&mut self, action: &Action) -> Vec<Effect> {
        match action {
            Action::OpenLink => return self.open_link(false),
            Action::OpenOriginal => return self.open_link(true),
            Action::TagPicker => self.open_picker(PickerKind::Tags),
            Action::CategoryPicker => self.open_picker(PickerKind::Categories),
            Action::FilterByTag(n) => self.filter_by_nth_tag(*n),
            Action::ClearFilters => self.clear_filters(),
            Action::RemoveLastFilter => self.remove_last_filter(),
            Action::Pipe => self.ask_pipe(),
            Action::Pager => return self.page(),
            Action::CopyLink => return self.copy_link(),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::NextUnread => return self.open_next_unread(),
            Action::ToggleRead | Action::ToggleStar | Action::MarkAllRead | Action::CycleView => {
                return self.update_marks(action);
            }
            _ => {}
        }
        Vec::new()
    }

    fn resize(&mut self, size: Size) {
        self.size = size;
        self.list
            .cursor
            .reveal(self.list.visible.len(), size.body_rows());
        let width = usize::from(size.text_area().width);
        let styles = self.options.article_styles();
        if let Some(detail) = self.detail.as_mut() {
            if let Some(article) = self.library.articles.get(detail.article) {
                if detail.width != width {
                    detail.layout(article, width, &styles);
                }
            }
            detail.scroll_by(0, size.body_rows());
        }
        let help_lines = self.guide.help_len(self.help_text_width());
        match self.overlay.as_mut() {
            Some(Overlay::Picker(picker)) => {
                let rows = usize::from(size.picker_rows_area(picker.kind).height);
                picker.cursor.reveal(picker.matches.len(), rows);
            }
            Some(Overlay::Help { scroll }) => {
                *scroll = (*scroll).min(help_lines.saturating_sub(size.help_rows()));
            }
            Some(Overlay::Sources(view)) => view.cursor.reveal(view.rows.len(), size.body_rows()),
            Some(Overlay::Timeline(view)) => {
                view.cursor
                    .reveal(view.timeline.buckets.len(), size.body_rows());
            }
            None => {}
        }
    }

    fn click_list(&mut self, row: u16) -> Vec<Effect> {
        let area = self.size.body_area();
        if self.size.too_small() || row < area.y || row >= area.y + area.height {
            return Vec::new();
        }
        let index = self.list.cursor.offset + usize::from(row - area.y);
        if index >= self.list.visible.len() {
            return Vec::new();
        }
        if index == self.list.cursor.selected {
            return self.open_selected();
        }
        self.list
            .cursor
            .select(index, self.list.visible.len(), self.size.body_rows());
        Vec::new()
    }

    pub(super) fn open_selected(&mut self) -> Vec<Effect> {
        match self.selected_article() {
            Some(article) => self.open_article(article),
            None => Vec::new(),
        }
    }

    /// Shows `article` in the article view and asks for its body.
    pub(super) fn open_article(&mut self, article: usize) -> Vec<Effect> {
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
        self.detail = Some(detail);
        self.view = View::Detail;
        self.find = None;
        self.restore = None;
        self.search.hits = None;
        // Opened with a search kept: its first match is shown once the
        // body is in.
        self.first_match_due = self.search_query().is_some();
        self.mark_opened(article);
        vec![Effect::LoadBody { article }]
    }

    fn body_loaded(
        &mut self,
        article: usize,
        path: &std::path::Path,
        result: Result<crate::render::Document, String>,
    ) -> Vec<Effect> {
        let styles = self.options.article_styles();
        let Some(detail) = self.detail.as_mut().filter(|d| d.article == article) else {
            return Vec::new(); // The person moved on before it arrived.
        };
        let Some(meta) = self
            .library
            .articles
            .get(article)
            .filter(|a| *a.path == *path)
        else {
            return Vec::new(); // The articles changed meanwhile; a new load is on its way.
        };
        detail.body = match result {
            Ok(document) => Body::Loaded(document),
            Err(reason) => Body::Failed(reason),
        };
        detail.layout(meta, detail.width, &styles);
        detail.scroll_by(0, self.size.body_rows());
        self.apply_restore();
        if std::mem::take(&mut self.first_match_due) {
            self.jump_to_match(true);
        }
        // Shown as it is meanwhile; the marked one follows.
        let again = self
            .detail
            .as_mut()
            .is_some_and(|d| std::mem::take(&mut d.unmarked_on_the_way));
        if again {
            vec![Effect::LoadBody { article }]
        } else {
            Vec::new()
        }
    }

    pub(super) fn close_article(&mut self) {
        self.view = View::List;
        self.detail = None;
        self.history.clear();
    }

    fn step_article(&mut self, delta: isize) -> Vec<Effect> {
        let before = self.list.cursor.selected;
        self.list
            .cursor
            .move_by(delta, self.list.visible.len(), self.size.body_rows());
        self.history.clear();
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
}

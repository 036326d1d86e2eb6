//! `App::update`: the list and article views, and actions every view
//! shares. Pop-ups are in `overlay`.

use super::{Action, App, Effect, HelpView, Overlay, Size, View};

impl App {
    /// Applies one action; the only place the state changes. Returns the
    /// work to do outside (usually none).
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if action.is_user_input() {
            // A count applies to the one action after it.
            self.list.start_key(&action);
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
            Action::IndexStarted { .. }
            | Action::IndexProgress { .. }
            | Action::SearchDone { .. } => {
                return self.search_answered(action);
            }
            Action::MarksSaved(outcome) => self.marks_saved(outcome),
            Action::FlushMarks => return self.flush_marks(),
            Action::FilterDates(_) => self.update_filters(&action),
            other => {
                return match self.overlay {
                    Some(Overlay::Picker(_)) => self.update_picker(&other),
                    Some(Overlay::Help(_)) => {
                        self.update_help(&other);
                        Vec::new()
                    }
                    Some(Overlay::Sources(_)) => self.update_sources(&other),
                    Some(Overlay::Timeline(_)) => self.update_timeline(&other),
                    None if self.input.is_some() => self.update_input(&other),
                    None if self.view() == View::List && self.search.prompting() => {
                        self.update_search_prompt(other)
                    }
                    None if self.view() == View::List => self.update_list(other),
                    None if self.reading.find_typing() => self.update_find_prompt(&other),
                    None => self.update_detail(other),
                };
            }
        }
        Vec::new()
    }

    /// Actions that mean the same in the list and the article view.
    pub(super) fn update_common(&mut self, action: &Action) -> Vec<Effect> {
        match action {
            Action::OpenLink => return self.open_link(false),
            Action::OpenOriginal => return self.open_link(true),
            Action::TagPicker
            | Action::CategoryPicker
            | Action::FilterByTag(_)
            | Action::ClearFilters
            | Action::RemoveLastFilter => self.update_filters(action),
            Action::Pipe | Action::Pager | Action::CopyLink => return self.update_outside(action),
            Action::Help => self.overlay = Some(Overlay::Help(HelpView::default())),
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
        self.list.reveal(size.body_rows());
        let width = usize::from(size.text_area().width);
        let styles = self.options.article_styles();
        self.reading
            .resize(&self.library.articles, width, size.body_rows(), &styles);
        let help_lines = self.guide.help_len(self.help_text_width());
        if let Some(overlay) = self.overlay.as_mut() {
            overlay.fit(size, help_lines);
        }
    }
}

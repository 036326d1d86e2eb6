//! `App::update`: routing each action, and the actions every view shares.
//! The list view and the prompt are in `views`, the article view in
//! `detail`, pop-ups in `overlays`.

use super::marks::MarkOutcome;
use super::{
    Action, App, Confirm, Effect, HelpView, InputPurpose, LineInput, Overlay, Size, View, outside,
    plural,
};
use crate::text::thousands::thousands;

mod detail;
mod overlays;
mod views;

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
                let marks = self.marks.save_if_due(now).map(Effect::SaveMarks);
                let links = self.archive.scan_once(&self.library.articles);
                return index.into_iter().chain(marks).chain(links).collect();
            }
            Action::LinksResolved { .. }
            | Action::LinksLearnt { .. }
            | Action::LinksRead { .. } => {
                return self.links_answered(action);
            }
            Action::Library(event) => return self.library_event(event),
            Action::ChangesMerged(changes) => return self.changes_merged(*changes),
            Action::LibraryReloaded(library) => return self.library_reloaded(*library),
            Action::IndexStarted { .. }
            | Action::IndexProgress { .. }
            | Action::SearchDone { .. } => {
                let searched = self.search.answered(action, &mut self.filters);
                return self.searched(searched);
            }
            Action::MarksSaved(outcome) => {
                let failed = self.marks.answered(outcome, &self.library.articles);
                if let Some(text) = failed {
                    self.fail(text);
                }
            }
            Action::FlushMarks => {
                return self
                    .marks
                    .save_now()
                    .map(Effect::SaveMarks)
                    .into_iter()
                    .collect();
            }
            Action::FilterDates(_) => self.update_filters(&action),
            other => {
                return match self.overlay {
                    Some(_) => self.update_overlay(&other),
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
    fn update_common(&mut self, action: &Action) -> Vec<Effect> {
        match action {
            Action::OpenLink | Action::OpenOriginal => {
                let original = matches!(action, Action::OpenOriginal);
                let reply = outside::open_link(self.current_meta(), original);
                return self.reply(reply);
            }
            Action::TagPicker
            | Action::CategoryPicker
            | Action::FilterByTag(_)
            | Action::ClearFilters
            | Action::RemoveLastFilter => self.update_filters(action),
            Action::Pipe => match self.current_article() {
                Some(article) => {
                    self.input = Some(LineInput::new(InputPurpose::Pipe { article }));
                }
                None => self.notify("No article to pipe"),
            },
            Action::Pager => {
                let width = usize::from(self.size.text_area().width);
                return self.reply(outside::page(self.current_article(), width));
            }
            Action::CopyLink => return self.reply(outside::copy_link(self.current_meta())),
            Action::Help => self.overlay = Some(Overlay::Help(HelpView::default())),
            Action::NextUnread => return self.open_next_unread(),
            Action::ToggleRead | Action::ToggleStar | Action::MarkAllRead | Action::CycleView => {
                let current = self.current_article();
                let listed = self.list.visible();
                let outcome = self
                    .marks
                    .update(action, &self.library.articles, current, listed);
                self.marks_changed(outcome);
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

    /// Acts on what a marking key asks.
    fn marks_changed(&mut self, outcome: MarkOutcome) {
        match outcome {
            MarkOutcome::Stay => {}
            MarkOutcome::Say(text) => self.notify(text),
            MarkOutcome::Ask(question) => self.confirm = Some(question),
            MarkOutcome::ViewChanged(view) => {
                self.refilter();
                self.notify(format!(
                    "Showing {} articles: {} listed",
                    view.label(),
                    thousands(self.list.visible().len())
                ));
            }
        }
    }

    /// `Action::Answer`: the reply to the pending question, if any.
    fn answer(&mut self, yes: bool) -> Vec<Effect> {
        let Some(question) = self.confirm.take() else {
            return Vec::new();
        };
        if !yes {
            self.notify(match question {
                Confirm::OpenLink { .. } => "Not opened",
                Confirm::MarkAllRead { .. } | Confirm::MarkSourceRead { .. } => "Nothing changed",
            });
            return Vec::new();
        }
        match question {
            Confirm::OpenLink { url, hidden } => {
                self.notify(format!(
                    "Opening {} (host {})",
                    crate::text::width::truncate(&url, 200),
                    hidden.host
                ));
                return vec![Effect::OpenUrl(url)];
            }
            Confirm::MarkSourceRead { source, .. } => {
                let articles = &self.library.articles;
                let marked = self.marks.mark_source_read(articles, &source);
                if let Some(Overlay::Sources(view)) = self.overlay.as_mut() {
                    view.recount(articles, &self.catalog, &self.marks);
                }
                self.notify(format!(
                    "Marked {} of {} read",
                    plural(marked, "article", "articles"),
                    crate::overview::source_shown(&source)
                ));
            }
            Confirm::MarkAllRead { .. } => {
                let listed = self.list.visible().iter().copied();
                let marked = self.marks.mark_read(&self.library.articles, listed);
                self.notify(format!(
                    "Marked {} read",
                    plural(marked, "article", "articles")
                ));
            }
        }
        Vec::new()
    }

    /// The link scan's answers: a part of what it learnt, the end of its
    /// reading, the links found.
    fn links_answered(&mut self, action: Action) -> Vec<Effect> {
        match action {
            // The targets read are kept in the articles (which the cache
            // is written from) as each part comes: here, not on the
            // worker, so only `update` changes what the app holds.
            Action::LinksLearnt { generation, found } if self.archive.is_current(generation) => {
                self.library.store_links(found);
            }
            Action::LinksRead { generation } => {
                return self
                    .archive
                    .scan_again(generation, &self.library.articles)
                    .into_iter()
                    .collect();
            }
            Action::LinksResolved {
                generation,
                links,
                graph,
                found,
            } => {
                if !self.archive.resolved(generation, links, graph) {
                    return Vec::new();
                }
                self.library.store_links(found);
                // The open article was rendered without its ↩ marks: again.
                // One being read comes without them too: again once it is
                // there (not now, or the two reads could arrive in either
                // order).
                let again = self.reading.links_known();
                return again
                    .map(|article| Effect::LoadBody { article })
                    .into_iter()
                    .collect();
            }
            _ => {}
        }
        Vec::new()
    }
}

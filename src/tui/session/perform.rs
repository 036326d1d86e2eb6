//! Performing one effect of `App::update`: work for the effect runner
//! (whose outcome comes back as actions on `queue`), or for the real
//! terminal (`outside`).

use std::collections::VecDeque;

use ratatui::backend::Backend;

use super::{Outside, Session, load_body_marking};
use crate::app::{Action, Effect};
use crate::tui::browser::{self, Launch};
use crate::tui::pipe;

impl<B: Backend> Session<B>
where
    B::Error: Send + Sync + 'static,
{
    pub(super) fn perform(
        &mut self,
        effect: Effect,
        queue: &mut VecDeque<Action>,
        outside: &mut Vec<Outside>,
    ) {
        match effect {
            Effect::Quit => outside.push(Outside::Quit),
            Effect::Suspend => outside.push(Outside::Suspend),
            Effect::Redraw => outside.push(Outside::Redraw),
            Effect::LoadBody { article } => {
                if let Some(meta) = self.app.articles().get(article).cloned() {
                    let links = self.app.archive_links();
                    let job = move || load_body_marking(article, &meta, links.as_deref());
                    queue.extend(self.runner.run("body", job));
                }
            }
            Effect::ScanLinks {
                articles,
                generation,
            } => queue.extend(self.runner.scan_links(articles, generation)),
            Effect::Release(articles) => queue.extend(self.runner.release(articles)),
            Effect::Pipe {
                article,
                command,
                width,
            } => match self
                .app
                .articles()
                .get(article)
                .map(|a| pipe::plain_text(a, width))
            {
                Some(Ok(text)) => outside.push(Outside::Pipe { text, command }),
                Some(Err(reason)) => queue.push_back(Action::Fail(format!(
                    "Could not read the article: {}",
                    crate::text::sanitize::clean_inline(&reason)
                ))),
                None => {}
            },
            Effect::SavePipeHistory(commands) => {
                if let Some(path) = self.app.options().pipe_history_file.clone() {
                    if let Err(e) = pipe::save_history(&path, &commands) {
                        queue.push_back(Action::Fail(format!(
                            "Could not save the pipe history to {}: {e}",
                            path.display()
                        )));
                    }
                }
            }
            Effect::CopyToClipboard(link) => {
                outside.push(Outside::Clipboard(pipe::osc52(&link)));
            }
            Effect::SaveSearchHistory { path, history } => {
                let job = move || {
                    crate::search::history::save(&path, &history)
                        .err()
                        .map(|e| Action::Fail(format!("search history not saved: {e}")))
                };
                queue.extend(self.runner.run_quiet("history", job));
            }
            Effect::OpenUrl(url) => match browser::plan(&url) {
                Launch::Background => {
                    browser::open_in_background(url, self.runner.sender());
                }
                Launch::Terminal(command) => {
                    outside.push(Outside::RunInTerminal { url, command });
                }
            },
            Effect::ScanChanges(job) => queue.extend(self.runner.scan_changes(job)),
            Effect::StartIndex {
                generation,
                articles,
                store,
            } => queue.extend(self.runner.start_index(generation, articles, store)),
            Effect::SaveMarks(job) => queue.extend(self.runner.save_marks(job)),
            Effect::Search(job) => queue.extend(self.runner.search(job)),
        }
    }
}

/// A link scan asked for runs when the session lets it (on workers; see
/// `Runner::start_held_links`).
impl<B: Backend> Session<B>
where
    B::Error: Send + Sync + 'static,
{
    /// Whether a link scan waits only for the session's word: the live
    /// side writes what the scan learnt first (see `Live::poll`).
    pub fn links_wait(&self) -> bool {
        self.runner.links_wait_for_session()
    }

    /// Starts the link scan held, if any, once the search index is built.
    pub fn start_held_links(&mut self) -> Vec<Outside> {
        match self.runner.start_held_links() {
            Some(failed) => self.dispatch(failed),
            None => Vec::new(),
        }
    }
}

//! `Effect::ScanLinks` on a worker of the least priority. A cache written
//! by `list` holds no link targets, so the first reader start after it
//! reads every body for them: at a million articles that is minutes of
//! one core. One thread at the lowest CPU priority (and, where the disk's
//! scheduler follows it, the lowest disk priority) reads them one at a
//! time, so the keys, the frames and the search index always come first,
//! and only one body is held at a time. What it learns is handed over a
//! part at a time (`Action::LinksLearnt`), so the app stores it as it
//! comes and the cache written meanwhile keeps it; once every body is
//! read (`Action::LinksRead`) the app asks again, and that scan, with
//! nothing left to read, finds the links. The outcome does not count as
//! busy work (see `Runner::run_quiet`): nothing waits for it before the
//! next key.
//!
//! On workers a scan asked for is held until the session lets it start
//! (`Runner::start_held_links`): never while the search index builds,
//! and the scan that finds the links only once what the reading scan
//! learnt is written. Each of these phases takes hundreds of MB at a
//! million articles (the index build, the learnt targets, the cache
//! write, the link graph); run at once, their peaks added up.

use std::sync::Arc;

use super::{Runner, Workers};
use crate::app::Action;
use crate::article::Article;
use crate::library::{LINKS_PART, link_graph, read_missing_links_in_parts};

impl Runner {
    /// `Effect::ScanLinks`: reads the bodies whose link targets are not
    /// known, handing what it learns over in parts, or (nothing left to
    /// read) finds the links between the articles. Inline, every action
    /// is returned in order; on a worker they come through the channel.
    /// On workers the scan is held (see the module) and nothing is
    /// returned now.
    pub fn scan_links(&mut self, articles: Arc<Vec<Article>>, generation: u64) -> Vec<Action> {
        if self.workers == Workers::Inline {
            // The caller's thread is left as it is (tests, benchmarks).
            let mut actions = Vec::new();
            let last = scan(&articles, generation, |action| {
                actions.push(action);
                true
            });
            actions.push(last);
            return actions;
        }
        // A newer scan replaces one still held (its articles changed).
        self.held_links = Some((articles, generation));
        Vec::new()
    }

    /// Whether a link scan is held and the search index is not building:
    /// it waits for the session alone (see [`Runner::start_held_links`]).
    pub fn links_wait_for_session(&self) -> bool {
        self.held_links.is_some() && !self.index_building
    }

    /// Starts the link scan held, if any, unless the search index is
    /// building. An action only if the worker could not be started.
    pub fn start_held_links(&mut self) -> Option<Action> {
        if self.index_building {
            return None;
        }
        let (articles, generation) = self.held_links.take()?;
        let tx = self.sender();
        self.run_quiet("links", move || {
            lower_priority();
            // A send fails once the session is gone: then stop reading.
            Some(scan(&articles, generation, |action| {
                tx.send(action).is_ok()
            }))
        })
    }
}

/// The scan of `articles`' links (see the module), the parts it learns
/// given to `send` (which says whether to go on); the last action.
fn scan(articles: &[Article], generation: u64, mut send: impl FnMut(Action) -> bool) -> Action {
    let learnt = read_missing_links_in_parts(articles, LINKS_PART, |found| {
        send(Action::LinksLearnt { generation, found })
    });
    if learnt {
        return Action::LinksRead { generation };
    }
    let (links, graph) = link_graph(articles);
    Action::LinksResolved {
        generation,
        links: Arc::new(links),
        graph: Arc::new(graph),
        found: Vec::new(),
    }
}

/// The calling thread runs at the lowest priority from now on (nice 19;
/// on Linux a thread has a nice value of its own). Only a speed-up for the
/// rest of the reader: failing is fine.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 19);
    }
}

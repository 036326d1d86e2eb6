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
    pub fn scan_links(&self, articles: Arc<Vec<Article>>, generation: u64) -> Vec<Action> {
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
        let tx = self.sender();
        self.run_quiet("links", move || {
            lower_priority();
            // A send fails once the session is gone: then stop reading.
            Some(scan(&articles, generation, |action| {
                tx.send(action).is_ok()
            }))
        })
        .into_iter()
        .collect()
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

//! `Effect::ScanLinks` on a worker of the least priority. A cache written
//! by `list` holds no link targets, so the first reader start after it
//! reads every body for them: at a million articles that is minutes of
//! one core. One thread at the lowest CPU priority (and, where the disk's
//! scheduler follows it, the lowest disk priority) reads them one at a
//! time, so the keys, the frames and the search index always come first,
//! and only one body is held at a time. The outcome does not count as
//! busy work (see `Runner::run_quiet`): nothing waits for it before the
//! next key.

use std::sync::Arc;

use super::{Runner, Workers};
use crate::app::Action;
use crate::article::Article;

impl Runner {
    /// `Effect::ScanLinks`: finds the links between the articles, from the
    /// link targets the cache held and by reading the other bodies.
    pub fn scan_links(&self, articles: Arc<Vec<Article>>, generation: u64) -> Option<Action> {
        // Inline (tests, benchmarks) the caller's thread is left as it is.
        let on_worker = self.workers == Workers::Threads;
        self.run_quiet("links", move || {
            if on_worker {
                lower_priority();
            }
            let (links, graph, found) = crate::library::scan_links_in_turn(&articles);
            Some(Action::LinksResolved {
                generation,
                links: Arc::new(links),
                graph: Arc::new(graph),
                found,
            })
        })
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

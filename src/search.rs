//! Full-text search over an archive, insensitive to case, width
//! (`ＡＢＣ１２３` = `abc123`, halfwidth = fullwidth katakana) and script
//! (Traditional = Simplified: `习近平` finds `習近平`, `台湾` finds `臺灣`).
//! Knows nothing of the terminal beyond styling a `ratatui` line.
//!
//! # What is searched
//! An article matches when every term of the [`Query`] occurs in its title,
//! authors, categories, tags or visible body text (HTML tags, attributes,
//! URLs, link targets and Markdown syntax are left out; image alt text is
//! in). Words are terms; `"a quoted phrase"` is one term, matched as written
//! after folding. See [`fold`] for the folding, [`Query`] for the parsing.
//!
//! # Wiring it into the reader
//! 1. **Start-up**, right after the library loads:
//!    `let index = SearchIndex::open_or_build(&library.articles, store);`
//!    returns after copying the metadata (about 10 ms for 49,118 articles;
//!    call it after the first draw if every millisecond of start-up
//!    counts). Metadata is searchable some 50-100 ms later. Bodies come from
//!    the stored index in `store` ([`store_file`], beside the metadata
//!    cache): searchable as soon as it is opened and matched to the files;
//!    new or changed bodies (or all, the first time) are read and the file
//!    written again, on a thread pool of the index's own. The reader keeps
//!    `index` in `App` and runs each query on a search thread (`app`'s
//!    `SearchJob`, which narrows the last result as a [`SearchSession`]
//!    does in one thread).
//! 2. **Progress**: while `!index.progress().is_complete()`, show
//!    `indexed/total` in the header (poll it on each tick or redraw).
//!    Meanwhile queries already work: articles whose body is not indexed yet
//!    match on metadata only (nothing, in the first instants), and
//!    [`Matches::pending`] counts them (say "searching bodies…").
//! 3. **Each keystroke** in `/` mode: `let query = Query::parse(&input);`
//!    then `let matches = session.search(&index, &query);` — under 1 ms for
//!    one character, up to about 30 ms for two very common CJK characters on
//!    49,118 articles (BENCHMARKS.md); typing more narrows the
//!    previous result. `matches.len()` is the count for the header. Calling
//!    `search` again with the same query is free once nothing is pending, so
//!    doing it on each tick while indexing runs is how results fill in.
//!    `SearchIndex` is `Clone + Send + Sync` if you prefer a worker thread.
//! 4. **Filters** combine by intersection. In `app::filter`, a
//!    `Criterion::Search(Matches)` (label: the query as typed) answers no
//!    `positions` (`None`) and is checked per article *index* with
//!    `matches.contains(i)` (a bit test), so `Filters::apply`'s `passes(i)`
//!    needs the index as well as the article; standalone,
//!    `matches.filter(&order)` keeps list order. Enter keeps the query as a
//!    criterion; Esc restores the previous one.
//! 5. **Sort**: `order = sort.sorted(&articles)` once per `S` press
//!    ([`SortOrder::next`], [`SortOrder::label`] for the header); `Newest`
//!    is the order `App` builds today. Then filter as above.
//! 6. **Highlight** in list titles: [`highlight_line`] on the drawn title
//!    line (or [`match_ranges`] for byte ranges of any displayed string).
//!    In the detail view, once per layout (width or query change):
//!    `let found = match_lines(line_texts, &query);` — it reads across
//!    wrapped lines, so a match cut by wrapping (`習` | `近平`) is found and
//!    highlighted on both lines — then at draw time
//!    `highlight_ranges(&lines[i], &found.ranges[i], style)` for the visible
//!    lines only.
//! 7. **`n` / `N`**: scroll to `next_match(&found.starts, top_line)` /
//!    `previous_match(&found.starts, top_line)` (both wrap around);
//!    `found.starts.len()` is the "k matches" count for the article.
//!
//! Article `i` of the index is `library.articles[i]`: after a reload, build
//! a new index and [`SearchSession::reset`].
//!
//! The CLI (`inkstone list --search`) uses [`matching`]: the stored index
//! where it holds a body as it is, else the body read and folded; the same
//! matching, so scripts see what the reader shows.

mod fold;
mod forms;
mod highlight;
pub mod history;
mod index;
mod presence;
mod query;
mod raw_filter;
mod scan;
mod sort;
mod stored;
mod stream;
mod strip;

pub use self::fold::{fold, fold_into};
pub use self::highlight::document::{
    LineMatches, MatchPosition, match_lines, match_positions, next_match, previous_match,
};
pub use self::highlight::{
    highlight_line, highlight_ranges, highlight_styled_ranges, match_ranges,
};
pub use self::index::{IndexMemory, IndexView, Progress, SearchIndex};
pub use self::query::{MAX_QUERY_CHARS, QUERY_CUT_MESSAGE, Query, append_capped, cap as cap_query};
pub use self::sort::SortOrder;
pub use self::stream::{matching, matching_keyed};

/// The file that keeps the bodies' index for a set of library roots, in
/// the cache folder beside the metadata cache.
pub fn store_file(cache_dir: &std::path::Path, roots: &[std::path::PathBuf]) -> std::path::PathBuf {
    crate::cache::file_for(cache_dir, &crate::cache::absolute_roots(roots)).with_extension("search")
}

/// The body text search looks in: `body` without markup, URLs or Markdown
/// syntax (not folded; see [`fold`]). The index never builds this string —
/// it folds the visible runs as they are found — but tests and tools can
/// check a match against it.
pub fn searchable_text(body: &str) -> String {
    let mut text = String::with_capacity(body.len() / 2);
    strip::visible_text(body, &mut |piece| text.push_str(piece));
    text
}

/// The articles matching a query, as indices into the library's articles in
/// ascending order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    query: Query,
    indices: Vec<usize>,
    /// One bit per article, for `contains` in constant time while the list
    /// filters 50,000 rows per keystroke.
    members: Vec<u64>,
    pending: usize,
}

impl Matches {
    pub(crate) fn new(query: Query, indices: Vec<usize>, pending: usize) -> Self {
        let words = indices.last().map_or(0, |last| last / 64 + 1);
        let mut members = vec![0u64; words];
        for &i in &indices {
            members[i / 64] |= 1 << (i % 64);
        }
        Matches {
            query,
            indices,
            members,
            pending,
        }
    }

    /// The query these are the matches of.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Ascending article indices.
    pub fn indices(&self) -> &[usize] {
        &self.indices
    }

    pub fn len(&self) -> usize {
        self.indices.len()
    }

    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    pub fn contains(&self, article: usize) -> bool {
        self.members
            .get(article / 64)
            .is_some_and(|word| word & (1 << (article % 64)) != 0)
    }

    /// The members of `order` (article indices in list order, perhaps
    /// already filtered by tag) that match, in the same order.
    pub fn filter(&self, order: &[usize]) -> Vec<usize> {
        order
            .iter()
            .copied()
            .filter(|&i| self.contains(i))
            .collect()
    }

    /// Articles whose bodies were not indexed yet when this was computed:
    /// they were matched on metadata only, so more may match later.
    pub fn pending(&self) -> usize {
        self.pending
    }
}

/// Search as you type: remembers the last query and its result, so a query
/// that extends it (one more character, one more word) only re-checks the
/// articles that matched before. One session per index.
#[derive(Debug, Default)]
pub struct SearchSession {
    last: Option<Matches>,
}

impl SearchSession {
    pub fn search(&mut self, index: &SearchIndex, query: &Query) -> &Matches {
        self.search_in(&index.as_it_is(), query)
    }

    /// [`SearchSession::search`] over the index as `view` saw it.
    pub fn search_in(&mut self, view: &IndexView, query: &Query) -> &Matches {
        let matches = match self.last.take() {
            Some(last) if last.query() == query && last.pending() == 0 => last,
            Some(last) => view.matches_within(query, &last),
            None => view.matches(query),
        };
        self.last.insert(matches)
    }

    /// Forgets the last result (when the library is reloaded).
    pub fn reset(&mut self) {
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_contain_and_filter_in_list_order() {
        let matches = Matches::new(Query::parse("x"), vec![1, 64, 200], 0);
        assert!(matches.contains(64));
        assert!(!matches.contains(63));
        assert!(!matches.contains(100_000));
        assert_eq!(matches.filter(&[300, 200, 5, 64, 1]), [200, 64, 1]);
        assert!(!Matches::default().contains(0));
    }
}

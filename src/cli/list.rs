//! `inkstone list`: one line per article, newest first (or `--sort`), or
//! JSON lines; `--tag` and `--search` filter.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::OnceLock;

use serde::Serialize;

mod checked_as_read;
mod text;

use super::ListArgs;
use super::output::{open_library, terminal_safe_json, to_stdout};
use crate::archive_links::LinkGraph;
use crate::article::{Article, Label};
use crate::cache::{self, FileKey};
use crate::library::{Duplicates, Library};
use crate::marks::{Marks, ViewFilter};
use crate::search::{self, QUERY_CUT_MESSAGE, Query, SortOrder, cap_query};
use crate::text::sanitize::clean_inline;

pub fn run(args: &ListArgs, dates: crate::overview::DateRange) -> ExitCode {
    if args.search.is_some() && !args.json {
        return checked_as_read::run(args, dates);
    }
    // The cache is written meanwhile; `saving` waits for it at the end.
    let (library, saving) = match open_library(&args.paths, args.json) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let code = list(args, dates, &library);
    super::open::finish(library, saving);
    code
}

fn list(args: &ListArgs, dates: crate::overview::DateRange, library: &Library) -> ExitCode {
    let articles = selected(args, dates, library, &mut |articles, query| {
        searched(articles, query, library)
    });
    write(args, library, &articles)
}

/// The articles to list, in library order; `matching` keeps those of the
/// articles given that match the query.
fn selected<'a>(
    args: &ListArgs,
    dates: crate::overview::DateRange,
    library: &'a Library,
    matching: &mut dyn FnMut(Vec<Listed<'a>>, &Query) -> Vec<Listed<'a>>,
) -> Vec<Listed<'a>> {
    let wanted: Vec<String> = args
        .tags
        .iter()
        .map(|t| crate::search::fold(clean_inline(t).trim()))
        .collect();
    let view = match (args.unread, args.starred) {
        (true, _) => ViewFilter::Unread,
        (_, true) => ViewFilter::Starred,
        _ => ViewFilter::All,
    };
    let marks = if view == ViewFilter::All {
        Marks::in_memory()
    } else {
        super::open::marks()
    };
    // Found over the whole library, so `duplicate_of` does not depend on filters.
    let duplicates = Duplicates::find(&library.articles);
    let collapse = !args.json && super::open::collapse_duplicates();
    let mut articles: Vec<Listed> = library
        .articles
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            has_tags(a, &wanted)
                && dates.contains(a.date)
                && view.admits(&marks, &a.id)
                && !(collapse && duplicates.is_copy(*i))
        })
        .map(|(i, article)| Listed {
            article,
            index: i,
            copies: 1 + duplicates.copies_of(i).len(),
            duplicate_of: duplicates
                .original_of(i)
                .map(|k| library.articles[k].id.as_str()),
        })
        .collect();
    if let Some(search) = &args.search {
        let (search, cut) = cap_query(search);
        if cut {
            eprintln!("inkstone: {QUERY_CUT_MESSAGE}");
        }
        articles = matching(articles, &Query::parse(search));
    }
    articles
}

/// Writes `articles` in the order asked for, as text or JSON lines.
fn write(args: &ListArgs, library: &Library, articles: &[Listed]) -> ExitCode {
    // The library is newest first already (see `Library::articles`), and
    // the selection keeps its order: sorting it again was a pass of
    // comparisons over every article on the tail of a cold `list`.
    let articles: Vec<&Listed> = if args.sort == SortOrder::Newest {
        articles.iter().collect()
    } else {
        let refs: Vec<&Article> = articles.iter().map(|l| l.article).collect();
        let order = args.sort.sorted(&refs);
        order.into_iter().map(|i| &articles[i]).collect()
    };
    to_stdout(ExitCode::SUCCESS, |out| {
        if args.json {
            // From the link targets stored in the cache (only the bodies
            // it did not hold were read, by `open_library`).
            let (_, graph) = crate::library::link_graph(&library.articles);
            write_json(out, &articles, &library.articles, &graph)
        } else {
            text::write_text(out, &articles)
        }
    })
}

/// One article to list, with its exact duplicates.
struct Listed<'a> {
    article: &'a Article,
    /// Its index in the library.
    index: usize,
    /// Files holding it (1 + its copies).
    copies: usize,
    /// The id of the article it copies, if it is a copy.
    duplicate_of: Option<&'a str>,
}

/// The articles matching `query`, with the reader's matching: the bodies'
/// index the reader keeps beside the cache answers for the bodies it holds
/// as they are now, the others are read (only these articles': a tag
/// filter saves reading bodies).
fn searched<'a>(articles: Vec<Listed<'a>>, query: &Query, library: &Library) -> Vec<Listed<'a>> {
    let roots = &library.roots;
    let store = cache::default_dir()
        .filter(|_| !roots.is_empty())
        .map(|dir| search::store_file(&dir, roots));
    // Every file was just looked at by the load (`load_cached_exact`): its
    // size and time need no second look to match the stored bodies. Only
    // a stored index asks (hashing 50,000 paths for nothing was a tenth of
    // a search's time on one core, without one).
    let keys: OnceLock<HashMap<&Path, FileKey>> = OnceLock::new();
    let known = |path: &Path| {
        keys.get_or_init(|| {
            library
                .disk
                .file_keys()
                .iter()
                .map(|(path, key)| (&**path, *key))
                .collect()
        })
        .get(path)
        .copied()
    };
    let refs: Vec<&Article> = articles.iter().map(|l| l.article).collect();
    let found = search::matching(&refs, query, store.as_deref(), &known);
    kept(articles, found)
}

/// The articles at the positions `found`, in their order.
fn kept(articles: Vec<Listed<'_>>, found: impl IntoIterator<Item = usize>) -> Vec<Listed<'_>> {
    let mut keep = vec![false; articles.len()];
    for i in found {
        keep[i] = true;
    }
    articles
        .into_iter()
        .zip(keep)
        .filter_map(|(listed, keep)| keep.then_some(listed))
        .collect()
}

/// Whether `article` carries every tag in `wanted` (folded as search folds:
/// case, width and script, so `国安法` is `國安法`).
pub fn has_tags(article: &Article, wanted: &[String]) -> bool {
    if wanted.is_empty() {
        return true;
    }
    let tags: Vec<String> = article
        .tags()
        .iter()
        .map(|t| crate::search::fold(t))
        .collect();
    wanted.iter().all(|w| tags.contains(w))
}

/// One `list --json` line.
#[derive(Serialize)]
struct ArticleJson<'a> {
    path: String,
    /// The path's bytes in hex, only when it is not UTF-8 (`path` then has
    /// U+FFFD in place of the bad bytes and cannot be opened).
    #[serde(skip_serializing_if = "Option::is_none")]
    path_bytes: Option<String>,
    id: &'a str,
    title: &'a str,
    date: Option<String>,
    /// The date with its time and offset, RFC 3339; null without a time.
    datetime: Option<String>,
    updated: Option<String>,
    author: &'a [Label],
    categories: &'a [Label],
    tags: &'a [Label],
    url: Option<&'a str>,
    original_url: Option<&'a str>,
    draft: bool,
    /// The id of the article this file duplicates exactly, if any.
    duplicate_of: Option<&'a str>,
    /// The ids of the other articles of the library its body links to.
    links_in_archive: Vec<&'a str>,
}

impl<'a> ArticleJson<'a> {
    fn new(listed: &Listed<'a>, all: &'a [Article], graph: &LinkGraph) -> Self {
        let a = listed.article;
        let links_in_archive = graph
            .out(listed.index)
            .iter()
            .filter_map(|&i| all.get(i as usize).map(|t| t.id.as_str()))
            .collect();
        ArticleJson {
            path: a.path.to_string_lossy().into_owned(),
            path_bytes: a
                .path
                .to_str()
                .is_none()
                .then(|| hex(a.path.as_os_str().as_encoded_bytes())),
            id: &a.id,
            title: &a.title,
            date: a.date.map(|d| d.format("%Y-%m-%d").to_string()),
            datetime: a
                .datetime
                .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
            updated: a.updated.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string()),
            author: a.authors(),
            categories: a.categories(),
            tags: a.tags(),
            url: a.url(),
            original_url: a.original_url(),
            draft: a.draft,
            duplicate_of: listed.duplicate_of,
            links_in_archive,
        }
    }
}

/// Lower-case hex, two digits a byte.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

fn write_json(
    out: &mut dyn Write,
    articles: &[&Listed],
    all: &[Article],
    graph: &LinkGraph,
) -> io::Result<()> {
    for article in articles {
        let json = serde_json::to_string(&ArticleJson::new(article, all, graph))
            .map_err(io::Error::other)?;
        writeln!(out, "{}", terminal_safe_json(&json))?;
    }
    Ok(())
}

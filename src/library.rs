//! A loaded archive: the articles found under the paths the user gave, and
//! every problem met on the way. Knows nothing of the terminal.
//!
//! Start-up reads front matter only, in parallel; bodies are read with
//! [`read_body`] when an article is opened.

mod body;
mod cached;
mod changes;
mod duplicates;
mod gathered;
mod links;
mod load;
mod name;
mod open;
pub(crate) use self::open::Opener;
mod order;
mod progress;
mod read;
mod samples;

use gathered::Gathered;
use name::library_name;
use std::path::PathBuf;
use std::sync::Arc;

use crate::article::{Article, YamlParser};
use crate::tree::{self, Found, Keys};

pub use crate::problem::{Problem, Severity};
pub use body::{BODY_LIMIT, Body, read_body, read_body_bounded};
pub use cached::{CacheWrite, DiskIndex, Recheck};
pub use changes::{ChangeScan, ChangeSummary, MergeBase, MergedArticles};
pub use duplicates::Duplicates;
pub use links::{
    FoundLinks, LINKS_PART, Learnt, link_graph, read_missing_links, read_missing_links_in_parts,
    scan_links,
};
pub use order::{compare_articles, sort_articles};
pub use progress::Progress;
pub use read::load_file;

/// One file's outcome: the article and its problems, or why it is not one.
pub type LoadResult = Result<(Article, Vec<Problem>), NotArticle>;

/// Why a file gave no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotArticle {
    /// It could not be read or parsed.
    Failed(Problem),
    /// An HTML file without front matter: a page of the site (an index,
    /// an about page), not a post. Skipped and counted.
    SitePage,
}

/// Everything loaded from one or more paths.
#[derive(Debug, Default)]
pub struct Library {
    /// Shown in the list header: the folder name, or "samples".
    pub name: String,
    /// Newest first; undated articles last; ties in path order. Shared, so
    /// the cache can be written from it in the background (changes copy it
    /// only while such a write is under way).
    pub articles: Arc<Vec<Article>>,
    /// In path order.
    pub problems: Vec<Problem>,
    /// The paths it was loaded from (none for the samples), so that live
    /// changes can be parsed as the loader would.
    pub roots: Vec<PathBuf>,
    /// Sizes and times of the files, for the cache and live changes
    /// (opaque; `Library::default()`'s is right for a library built by hand).
    pub disk: DiskIndex,
    /// What the walk and the loader passed over, for `check` (counted by a
    /// plain load; a load through the cache leaves it empty).
    pub skipped: Skipped,
}

/// Files that were not loaded, and not because anything was wrong.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Skipped {
    /// Files with other extensions (`.txt`, images, feeds).
    pub other_files: usize,
    /// `.html`/`.htm` files without front matter: pages of the site.
    pub site_pages: usize,
    /// Hidden entries (`.git`, `.drafts`): not walked.
    pub hidden: usize,
}

impl Skipped {
    pub fn is_empty(&self) -> bool {
        *self == Skipped::default()
    }
}

/// How to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Which parser reads front matter (the default is the fast one with
    /// `serde_yaml` behind it).
    pub parser: YamlParser,
    /// Also read every body in full, to report invalid UTF-8 or NUL bytes
    /// in it. `check` does; start-up does not (it reads front matter only).
    pub verify_bodies: bool,
    /// Hash the bodies of articles whose title and date match another's,
    /// for finding exact duplicates (`Article::body_hash`; see
    /// `Duplicates`).
    pub hash_bodies: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            parser: YamlParser::Auto,
            verify_bodies: false,
            hash_bodies: true,
        }
    }
}

impl Library {
    /// Loads every Markdown article under `paths` (files or folders).
    /// Never fails: unreadable and broken files become [`Problem`]s.
    pub fn load(paths: &[PathBuf]) -> Library {
        Self::load_with(paths, LoadOptions::default())
    }

    /// [`Library::load`] with chosen options.
    pub fn load_with(paths: &[PathBuf], options: LoadOptions) -> Library {
        Self::load_reporting(paths, options, &Progress::new())
    }

    /// [`Library::load_with`], counting files read of total in `progress`.
    pub fn load_reporting(paths: &[PathBuf], options: LoadOptions, progress: &Progress) -> Library {
        let found: Vec<Found> = paths.iter().map(|p| tree::find(p, Keys::Skip)).collect();
        Self::load_found(paths, found, options, progress)
    }

    /// The name a library loaded from `paths` has in the header ("samples"
    /// for none), to show before it is loaded.
    pub fn name_for(paths: &[PathBuf]) -> String {
        if paths.is_empty() {
            "samples".to_owned()
        } else {
            library_name(paths)
        }
    }

    /// The sample articles compiled into the binary.
    pub fn samples() -> Library {
        Self::samples_with(LoadOptions::default())
    }

    fn samples_with(options: LoadOptions) -> Library {
        let mut gathered = Gathered::default();
        for result in samples::load(options) {
            gathered.add(result);
        }
        if options.hash_bodies {
            duplicates::hash_colliding(&mut gathered.articles);
        }
        Self::assemble("samples".to_owned(), gathered.articles, gathered.problems)
    }

    /// The articles under `paths`, or the samples when no path is given.
    pub fn open(paths: &[PathBuf]) -> Library {
        Self::open_with(paths, LoadOptions::default())
    }

    /// [`Library::open`] with chosen options.
    pub fn open_with(paths: &[PathBuf], options: LoadOptions) -> Library {
        Self::open_reporting(paths, options, &Progress::new())
    }

    /// [`Library::open_with`], counting files in `progress`.
    pub fn open_reporting(paths: &[PathBuf], options: LoadOptions, progress: &Progress) -> Library {
        if paths.is_empty() {
            Self::samples_with(options)
        } else {
            Self::load_reporting(paths, options, progress)
        }
    }

    /// The paths given that do not exist or cannot be read, with why: a
    /// command must name them and fail rather than show an empty list.
    pub fn missing_roots(&self) -> Vec<&Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error && self.roots.contains(&p.path))
            .filter(|p| p.reason.starts_with("cannot read"))
            .collect()
    }

    /// Whether any file could not be read or parsed.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }

    fn assemble(name: String, mut articles: Vec<Article>, problems: Vec<Problem>) -> Library {
        sort_articles(&mut articles);
        Self::assemble_in_order(name, articles, problems)
    }

    /// [`Library::assemble`] of articles already in list order (a load puts
    /// them so as it gathers them): checking the order again compared
    /// every neighbour, ~1% of a cold `list`, on one core.
    fn assemble_in_order(
        name: String,
        articles: Vec<Article>,
        mut problems: Vec<Problem>,
    ) -> Library {
        debug_assert!(articles.is_sorted_by(|a, b| compare_articles(a, b).is_le()));
        problems.sort_by(|a, b| a.path.cmp(&b.path));
        Library {
            name,
            articles: Arc::new(articles),
            problems,
            ..Library::default()
        }
    }
}

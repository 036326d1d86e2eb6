//! The library's folders as found on disk: which files are articles, which
//! entries are hidden, and the one walk of a folder tree that loading, the
//! metadata cache and live changes all use. Knows nothing of articles'
//! contents, of the cache file or of the terminal.

mod disk;
mod kind;
mod lookup;
mod walk;

pub use disk::{FileKey, Stamp};
pub use kind::{archive_path, has_hidden_part, is_article_file, is_hidden};
pub use lookup::FolderLookup;
pub use walk::{
    DirScan, Found, Keys, Walk, duplicates, find, list_dir, list_dir_inside, walk, walk_inside,
};

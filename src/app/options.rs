//! What the reader was started with: config.yaml's display choices and
//! where it keeps its files.

/// Choices made at start-up.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// No colours, only bold/dim/reverse (`NO_COLOR`).
    pub monochrome: bool,
    /// config.yaml's `colors:`, laid over the built-in styles (only their
    /// bold, underline and such when `monochrome`).
    pub colors: crate::config::ColorOverrides,
    /// How dates are shown (strftime); empty: `YYYY-MM-DD`.
    pub date_format: String,
    /// How times are shown after the date (strftime); empty: `HH:MM`.
    /// The list shows them when some article has a time.
    pub time_format: String,
    /// List exact duplicates once, with a count (config.yaml's
    /// `collapse_duplicates`).
    pub collapse_duplicates: bool,
    /// The file the search index keeps the bodies in (beside the metadata
    /// cache, see [`crate::search::store_file`]); `None`: in memory.
    pub search_store: Option<std::path::PathBuf>,
    /// Pipe commands used before (oldest first), from the state folder.
    pub pipe_history: Vec<String>,
    /// Where the terminal layer keeps the pipe history; `None`: nowhere.
    pub pipe_history_file: Option<std::path::PathBuf>,
    /// The file the searches kept with Enter are saved to (beside the
    /// marks, see [`crate::search::history`]); `None`: not saved.
    pub search_history_file: Option<std::path::PathBuf>,
}

impl Options {
    /// What article text looks like: the built-in styles for
    /// `monochrome`, with `colors:` over them.
    pub fn article_styles(&self) -> crate::render::ArticleStyles {
        self.colors.article_styles(self.monochrome)
    }
}

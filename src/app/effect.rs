//! What `App::update` asks the outside world to do.

/// Work that needs the terminal, the file system or other processes.
/// `App::update` returns these instead of doing them, so it stays a pure
/// state transition; `tui` performs them and feeds any outcome back as an
/// [`crate::app::Action`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the program.
    Quit,
    /// Read and parse the body of `articles[article]`; answer with
    /// `Action::BodyLoaded`.
    LoadBody { article: usize },
    /// Hand an http(s) URL (already checked) to the browser; answer with
    /// `Action::Notify` or `Action::Fail`.
    OpenUrl(String),
    /// Restore the terminal and stop until resumed, then repaint.
    Suspend,
    /// Repaint every cell (the screen may hold someone else's output).
    Redraw,
    /// Read every body of `articles` and find the links between them;
    /// answer with `Action::LinksResolved` carrying `generation`.
    ScanLinks {
        articles: std::sync::Arc<Vec<crate::article::Article>>,
        generation: u64,
    },
}

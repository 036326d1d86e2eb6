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
    /// Give `articles[article]` as plain text wrapped at `width` to the
    /// shell `command`, or to `$PAGER` (`None`), on the normal screen;
    /// answer with `Action::Notify` or `Action::Fail`.
    Pipe {
        article: usize,
        command: Option<String>,
        width: usize,
    },
    /// Keep these pipe commands (the whole history, oldest first).
    SavePipeHistory(Vec<String>),
    /// Put this link (a checked web address) on the terminal's clipboard.
    CopyToClipboard(String),
}

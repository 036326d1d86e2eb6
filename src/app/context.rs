//! Where the reader is, as far as keys go: which bindings apply.

/// Which set of key bindings applies right now ([`crate::app::App::context`]), and
/// the sections of a keymap file that hold them (`crate::keymap` names
/// them and says which apply where).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    /// A keymap file's keys for both the list and the article view (a
    /// binding in `list` or `detail` wins); the reader is never in it.
    Global,
    List,
    Detail,
    Picker,
    Help,
    /// The `/` prompt over the list.
    Search,
    Sources,
    Timeline,
    /// A one-line prompt: the pipe command, a date to go to (the
    /// `prompt` section of a keymap file).
    Input,
}

impl Context {
    /// The contexts the reader is in, each with its section's title on the
    /// help screen, in the order the help lists them.
    pub const HELP_SECTIONS: [(&'static str, Context); 8] = [
        ("List", Context::List),
        ("Article", Context::Detail),
        ("Search and find prompts (/)", Context::Search),
        ("Sources view", Context::Sources),
        ("Timeline", Context::Timeline),
        ("Pipe and go-to-date prompts", Context::Input),
        ("Tag, category and link pickers", Context::Picker),
        ("Help", Context::Help),
    ];
}

//! The sections of a keymap file (and of config.yaml's `keys:`), and which
//! of them apply in each context of the reader.

use std::fmt;

use crate::app::Context;

/// The sections of a keymap file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// Keys for both the list and the article view (a binding in `list` or
    /// `detail` wins).
    Global,
    List,
    Detail,
    Picker,
    Help,
    /// The `/` search prompt.
    Search,
    /// The sources view.
    Sources,
    /// The timeline.
    Timeline,
    /// The pipe and go-to-date prompts.
    Prompt,
}

pub const SECTION_NAMES: [(&str, Section); 9] = [
    ("global", Section::Global),
    ("list", Section::List),
    ("detail", Section::Detail),
    ("picker", Section::Picker),
    ("help", Section::Help),
    ("search", Section::Search),
    ("sources", Section::Sources),
    ("timeline", Section::Timeline),
    ("prompt", Section::Prompt),
];

impl Section {
    /// The section a keymap file names `name`.
    pub fn from_name(name: &str) -> Result<Section, String> {
        SECTION_NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, s)| s)
            .ok_or_else(|| {
                let known: Vec<_> = SECTION_NAMES.iter().map(|(n, _)| *n).collect();
                format!("unknown section `{name}` (known: {})", known.join(", "))
            })
    }

    /// The sections consulted in `context`, in priority order.
    pub fn for_context(context: Context) -> &'static [Section] {
        match context {
            Context::List => &[Section::List, Section::Global],
            Context::Detail => &[Section::Detail, Section::Global],
            Context::Picker => &[Section::Picker],
            Context::Help => &[Section::Help],
            Context::Search => &[Section::Search],
            Context::Sources => &[Section::Sources],
            Context::Timeline => &[Section::Timeline],
            Context::Input => &[Section::Prompt],
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = SECTION_NAMES
            .iter()
            .find(|(_, s)| s == self)
            .map_or("?", |(n, _)| *n);
        f.write_str(name)
    }
}

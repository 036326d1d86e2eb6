//! The sections of a keymap file (and of config.yaml's `keys:`): one per
//! [`Context`] of the reader, plus `global`, and which of them apply in
//! each context.

use std::fmt;

use crate::app::Context;

pub const SECTION_NAMES: [(&str, Context); 9] = [
    ("global", Context::Global),
    ("list", Context::List),
    ("detail", Context::Detail),
    ("picker", Context::Picker),
    ("help", Context::Help),
    ("search", Context::Search),
    ("sources", Context::Sources),
    ("timeline", Context::Timeline),
    ("prompt", Context::Input),
];

impl Context {
    /// The section a keymap file names `name`.
    pub fn from_section_name(name: &str) -> Result<Context, String> {
        SECTION_NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, s)| s)
            .ok_or_else(|| {
                let known: Vec<_> = SECTION_NAMES.iter().map(|(n, _)| *n).collect();
                format!("unknown section `{name}` (known: {})", known.join(", "))
            })
    }

    /// The sections whose bindings apply in this context, in priority
    /// order.
    pub fn sections(self) -> &'static [Context] {
        match self {
            Context::Global => &[Context::Global],
            Context::List => &[Context::List, Context::Global],
            Context::Detail => &[Context::Detail, Context::Global],
            Context::Picker => &[Context::Picker],
            Context::Help => &[Context::Help],
            Context::Search => &[Context::Search],
            Context::Sources => &[Context::Sources],
            Context::Timeline => &[Context::Timeline],
            Context::Input => &[Context::Input],
        }
    }
}

/// The name of the keymap file's section.
impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = SECTION_NAMES
            .iter()
            .find(|(_, s)| s == self)
            .map_or("?", |(n, _)| *n);
        f.write_str(name)
    }
}

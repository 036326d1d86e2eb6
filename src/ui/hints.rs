//! The key hints of the status line (and of the picker and search
//! prompt): which commands each context advertises, with the key the
//! keymap actually binds to each, so a rebound key shows and an unbound
//! command is left out.

use crate::app::{Command, Context, Hint, KeyGuide};

/// The commands each context's hints name, most useful first (as many as
/// fit are shown), with their labels.
fn wanted(context: Context) -> &'static [(Command, &'static str)] {
    match context {
        Context::List => &[
            (Command::Open, "open"),
            (Command::Search, "search"),
            (Command::ToggleRead, "read"),
            (Command::ToggleStar, "star"),
            (Command::CycleView, "view"),
            (Command::TagPicker, "tags"),
            (Command::Help, "help"),
            (Command::Quit, "quit"),
            (Command::CategoryPicker, "categories"),
            (Command::ClearFilters, "clear"),
        ],
        Context::Detail => &[
            (Command::Back, "back"),
            (Command::NextArticle, "next"),
            (Command::OpenLink, "browser"),
            (Command::ShowLinks, "links"),
            (Command::FilterByTag(1), "tag"),
            (Command::Help, "help"),
        ],
        Context::Picker => &[
            (Command::Apply, "apply"),
            (Command::ToggleMark, "mark"),
            (Command::Back, "cancel"),
        ],
        Context::Help => &[(Command::MoveDown, "scroll"), (Command::Back, "close")],
        Context::Search => &[(Command::Apply, "keep"), (Command::Back, "cancel")],
    }
}

/// The hints for `context`, each with the first key bound to its command.
pub fn hints(guide: &KeyGuide, context: Context) -> Vec<Hint> {
    wanted(context)
        .iter()
        .filter_map(|&(command, label)| {
            let key = guide.keys(context, command).first()?;
            // `1-9`: the digits stand for all nine tag filters.
            let key = match command {
                Command::FilterByTag(1) => format!("{key}-9"),
                _ => key.clone(),
            };
            Some(Hint {
                key,
                label: label.to_owned(),
            })
        })
        .collect()
}

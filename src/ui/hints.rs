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
        Context::Sources => &[
            (Command::Open, "list"),
            (Command::CycleSort, "sort"),
            (Command::MarkAllRead, "mark read"),
            (Command::Back, "back"),
        ],
        Context::Timeline => &[
            (Command::Open, "narrow"),
            (Command::Zoom, "days"),
            (Command::Back, "back"),
        ],
        Context::Input => &[(Command::Apply, "run"), (Command::Back, "cancel")],
        // Never the reader's context: only a keymap file's section.
        Context::Global => &[],
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;
    use crate::keymap::{DEFAULT_KEYMAP, Keymap};

    #[test]
    fn a_rebound_key_shows_and_an_unbound_command_is_left_out() {
        let user = "list:\n  /: none\n  F3: search\nglobal:\n  \"?\": none\n";
        let keymap = Keymap::from_texts(DEFAULT_KEYMAP, Some((Path::new("k"), user))).unwrap();
        let list = hints(&keymap.guide(), Context::List);
        assert!(list.contains(&Hint {
            key: "F3".into(),
            label: "search".into()
        }));
        assert!(!list.iter().any(|h| h.label == "help"), "{list:?}");
        // config.yaml's `keys:` too, and the help screen agrees.
        let config = Config::parse(
            "keys:\n  detail:\n    Backspace: back\n    Esc: none\n    h: none\n    Left: none\n    q: none\n",
            Path::new("config.yaml"),
        )
        .unwrap();
        let guide = Keymap::defaults().with_config(&config).unwrap().guide();
        let detail = hints(&guide, Context::Detail);
        assert_eq!(
            detail[0],
            Hint {
                key: "Backspace".into(),
                label: "back".into()
            }
        );
        assert!(guide.help[1].entries.iter().any(|e| e.keys == "Backspace"
            && e.description == "back to the article a link came from, else to the list"));
    }

    /// The bindings a keymap file changes reach both the help and the
    /// hints (here, not in the keymap's tests: `ui` sits above `keymap`).
    #[test]
    fn help_and_hints_follow_the_bindings() {
        let user = "list:\n  Enter: none\n  l: none\n  Right: none\n  x: open\n";
        let keymap = Keymap::from_texts(DEFAULT_KEYMAP, Some((Path::new("k"), user))).unwrap();
        let guide = keymap.guide();
        let list = &guide.help[0];
        assert_eq!(list.title, "List");
        let open = list
            .entries
            .iter()
            .find(|e| e.description == "open the article")
            .unwrap();
        assert_eq!(open.keys, "x");
        let move_down = list
            .entries
            .iter()
            .find(|e| e.description == "next article")
            .unwrap();
        assert_eq!(move_down.keys, "j Down");
        assert_eq!(
            hints(&guide, Context::List)[0],
            Hint {
                key: "x".into(),
                label: "open".into()
            }
        );
        let detail = &guide.help[1];
        assert!(
            detail
                .entries
                .iter()
                .any(|e| e.keys == "t" && e.description.starts_with("filter by tag"))
        );
        assert!(
            hints(&guide, Context::Detail)
                .iter()
                .any(|h| h.key == "1-9")
        );
        // Global `q` is shadowed by detail's `q: back`, so quit is not listed there.
        assert!(!detail.entries.iter().any(|e| e.description == "quit"));
        assert_eq!(guide.help.last().unwrap().entries[0].keys, "Ctrl-c");
    }
}

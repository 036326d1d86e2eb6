//! Action names as the keymap file spells them, and what each does in each
//! context (for the help screen).

use crate::app::{Action, Context};

/// Every name a keymap file may use, in the order the help lists them.
pub const ACTION_NAMES: &[&str] = &[
    "move_down",
    "move_up",
    "page_down",
    "page_up",
    "half_page_down",
    "half_page_up",
    "page_or_next_unread",
    "next_unread",
    "backlinks",
    "first",
    "last",
    "open",
    "back",
    "next_article",
    "prev_article",
    "open_link",
    "open_original",
    "links",
    "tag_picker",
    "category_picker",
    "filter_tag_1",
    "filter_tag_2",
    "filter_tag_3",
    "filter_tag_4",
    "filter_tag_5",
    "filter_tag_6",
    "filter_tag_7",
    "filter_tag_8",
    "filter_tag_9",
    "clear_filters",
    "toggle_read",
    "toggle_star",
    "mark_all_read",
    "cycle_view",
    "search",
    "cycle_sort",
    "next_match",
    "prev_match",
    "toggle_mark",
    "apply",
    "delete_char",
    "clear_query",
    "help",
    "redraw",
    "suspend",
    "quit",
];

/// The name as stored in [`ACTION_NAMES`], if it is one.
pub fn canonical(name: &str) -> Option<&'static str> {
    ACTION_NAMES.iter().copied().find(|n| *n == name)
}

/// The action a keymap name stands for.
pub fn action(name: &str) -> Option<Action> {
    Some(match name {
        "move_down" => Action::MoveDown,
        "move_up" => Action::MoveUp,
        "page_down" => Action::PageDown,
        "page_up" => Action::PageUp,
        "half_page_down" => Action::HalfPageDown,
        "half_page_up" => Action::HalfPageUp,
        "page_or_next_unread" => Action::PageOrNextUnread,
        "next_unread" => Action::NextUnread,
        "backlinks" => Action::Backlinks,
        "first" => Action::First,
        "last" => Action::Last,
        "open" => Action::Open,
        "back" => Action::Back,
        "quit" => Action::Quit,
        "next_article" => Action::NextArticle,
        "prev_article" => Action::PrevArticle,
        "open_link" => Action::OpenLink,
        "open_original" => Action::OpenOriginal,
        "links" => Action::ShowLinks,
        "tag_picker" => Action::TagPicker,
        "category_picker" => Action::CategoryPicker,
        "clear_filters" => Action::ClearFilters,
        "toggle_read" => Action::ToggleRead,
        "toggle_star" => Action::ToggleStar,
        "mark_all_read" => Action::MarkAllRead,
        "cycle_view" => Action::CycleView,
        "search" => Action::Search,
        "cycle_sort" => Action::CycleSort,
        "next_match" => Action::NextMatch,
        "prev_match" => Action::PrevMatch,
        "toggle_mark" => Action::ToggleMark,
        "apply" => Action::Apply,
        "delete_char" => Action::DeleteChar,
        "clear_query" => Action::ClearQuery,
        "help" => Action::Help,
        "redraw" => Action::Redraw,
        "suspend" => Action::Suspend,
        other => {
            let n: u8 = other.strip_prefix("filter_tag_")?.parse().ok()?;
            if !(1..=9).contains(&n) {
                return None;
            }
            Action::FilterByTag(n)
        }
    })
}

/// What `action` does in `context`, for the help screen.
pub fn describe(action: &Action, context: Context) -> String {
    let in_list = context == Context::List;
    let in_picker = context == Context::Picker;
    let in_search = context == Context::Search;
    let text = match action {
        Action::MoveDown if in_list || in_search => "next article",
        Action::MoveUp if in_list || in_search => "previous article",
        Action::MoveDown if in_picker => "next entry",
        Action::MoveUp if in_picker => "previous entry",
        Action::MoveDown => "scroll down",
        Action::MoveUp => "scroll up",
        Action::PageDown => "page down",
        Action::PageUp => "page up",
        Action::HalfPageDown => "half a page down",
        Action::HalfPageUp => "half a page up",
        Action::PageOrNextUnread => "page down; at the end, the next unread article",
        Action::NextUnread => "open the next unread article",
        Action::Backlinks => "articles of the archive that link here (open one)",
        Action::First if in_list || in_picker => "first",
        Action::Last if in_list || in_picker => "last",
        Action::First => "top",
        Action::Last => "bottom",
        Action::Open if in_picker => "apply",
        Action::Open => "open the article",
        Action::Back if in_picker => "close without applying",
        Action::Back if in_search => "cancel: back to the list (or article) as it was",
        Action::Back if context == Context::Help => "close the help",
        Action::Back => "back to the article a link came from, else to the list",
        Action::Quit => "quit",
        Action::NextArticle => "next article",
        Action::PrevArticle => "previous article",
        Action::OpenLink => "open the article's link in the browser",
        Action::OpenOriginal => "open the original link in the browser",
        Action::ShowLinks => "list the links in the article, open one (↩: in the archive)",
        Action::TagPicker => "filter by tag (pick from a list)",
        Action::CategoryPicker => "filter by category (pick from a list)",
        Action::FilterByTag(n) => return format!("filter by the article's tag [{n}]"),
        Action::ClearFilters => "clear all filters (search included)",
        Action::Search if context == Context::Detail => "find in the article's text",
        Action::Search => "search titles, tags, authors, categories and text",
        Action::CycleSort => "sort: newest first, oldest first, title, source",
        Action::NextMatch if in_list => "next article matching the search",
        Action::PrevMatch if in_list => "previous article matching the search",
        Action::NextMatch => "next match of the find (else of the search)",
        Action::PrevMatch => "previous match of the find (else of the search)",
        Action::ToggleRead => "mark read / unread",
        Action::ToggleStar => "star / unstar",
        Action::MarkAllRead => "mark every listed article read (asks first)",
        Action::CycleView => "show all / unread / starred articles",
        Action::ToggleMark => "mark / unmark (marked entries combine with AND)",
        Action::Apply if in_search => {
            "keep the search as a filter (Backspace in the list clears it); keep the find"
        }
        Action::Apply => "apply the marked entries, or the highlighted one",
        Action::DeleteChar => "delete the last typed character",
        Action::ClearQuery => "clear what was typed",
        Action::Help => "this help",
        Action::Redraw => "redraw the screen",
        Action::Suspend => "suspend (fg resumes)",
        _ => "",
    };
    text.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_maps_to_an_action_with_a_description() {
        for name in ACTION_NAMES {
            let action = action(name).unwrap_or_else(|| panic!("{name}"));
            for context in [
                Context::List,
                Context::Detail,
                Context::Picker,
                Context::Help,
                Context::Search,
            ] {
                assert!(!describe(&action, context).is_empty(), "{name}");
            }
        }
        assert!(action("filter_tag_0").is_none());
        assert!(action("filter_tag_10").is_none());
        assert!(action("launch_missiles").is_none());
    }
}

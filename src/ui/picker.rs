//! The tag / category / link picker pop-up.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders};

use super::spans::{LineBuilder, count};
use super::theme::Theme;
use crate::app::{App, Context, Picker, PickerEntry, PickerKind, Size};
use crate::render::readable_url;
use crate::text::width;

pub fn draw(frame: &mut Frame, app: &App, picker: &Picker, size: Size, theme: &Theme) {
    let outer = size.picker_area(picker.kind);
    super::open_popup(frame, outer);
    let inner_width = usize::from(outer.width.saturating_sub(2));
    let title = format!(
        " {} {} / {} ",
        picker.kind.title(),
        count(picker.matches.len()),
        count(picker.entries.len())
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_set(Theme::border_set())
        .border_style(theme.border)
        .title(Line::styled(
            width::truncate(&title, inner_width),
            theme.header,
        ));
    frame.render_widget(block, outer);
    let line_at = |y: u16| Rect::new(outer.x + 1, y, inner_width as u16, 1);
    frame.render_widget(query_line(picker, inner_width, theme), line_at(outer.y + 1));
    draw_entries(
        frame,
        app,
        picker,
        size.picker_rows_area(picker.kind),
        theme,
    );
    let mut hints = LineBuilder::new(inner_width);
    if picker.kind == PickerKind::Links {
        hints.push("0-9", theme.key);
        hints.push(" number  ", theme.dim);
    }
    let hint_list = super::hints(app.guide(), Context::Picker);
    // Links are opened one at a time: no marking.
    let one_at_a_time = matches!(picker.kind, PickerKind::Links | PickerKind::Backlinks);
    let shown = hint_list
        .iter()
        .filter(|h| !one_at_a_time || h.label != "mark");
    for (i, hint) in shown.enumerate() {
        hints.push(if i == 0 { "" } else { "  " }, theme.dim);
        hints.push(&hint.key, theme.key);
        hints.push(&format!(" {}", hint.label), theme.dim);
    }
    frame.render_widget(
        hints.build(),
        line_at(outer.y + outer.height.saturating_sub(2)),
    );
}

/// `> query█  2 marked`, keeping the end of a long query (where the typing
/// happens) in view.
fn query_line(picker: &Picker, width: usize, theme: &Theme) -> Line<'static> {
    let mut line = LineBuilder::new(width);
    line.push("> ", theme.key);
    let room = line.left().saturating_sub(1);
    let mut shown = picker.query.as_str();
    while width::str_width(shown) > room {
        let mut chars = shown.chars();
        chars.next();
        shown = chars.as_str();
    }
    line.push(shown, theme.query);
    line.push(" ", theme.selected);
    if !picker.marked.is_empty() {
        line.push(&format!("  {} marked", picker.marked.len()), theme.marked);
    }
    line.build()
}

fn draw_entries(frame: &mut Frame, app: &App, picker: &Picker, rows: Rect, theme: &Theme) {
    let width = usize::from(rows.width);
    if picker.matches.is_empty() {
        let mut b = LineBuilder::new(width);
        b.push("  nothing matches", theme.dim);
        frame.render_widget(b.build(), Rect::new(rows.x, rows.y, rows.width, 1));
        return;
    }
    let shown: Vec<(usize, usize)> = picker
        .matches
        .iter()
        .copied()
        .enumerate()
        .skip(picker.cursor.offset)
        .take(usize::from(rows.height))
        .collect();
    let count_width = shown
        .iter()
        .filter_map(|&(_, i)| picker.entries.get(i))
        .map(|e| width::str_width(&count(e.count)))
        .max()
        .unwrap_or(0);
    // Links to the archive's own articles are `[n↩]`: the others' text
    // starts in the same column. Each row's target is looked up once.
    let in_archive: Vec<bool> = shown
        .iter()
        .map(|&(_, i)| {
            picker.kind == PickerKind::Links
                && picker
                    .entries
                    .get(i)
                    .is_some_and(|e| app.link_in_archive(e.count).is_some())
        })
        .collect();
    let mark_width = if in_archive.contains(&true) {
        width::str_width(IN_ARCHIVE)
    } else {
        0
    };
    for (row, (&(position, entry_index), &in_archive)) in shown.iter().zip(&in_archive).enumerate()
    {
        let Some(entry) = picker.entries.get(entry_index) else {
            continue;
        };
        let selected = position == picker.cursor.selected;
        let marked = picker.marked.contains(&entry_index);
        let line = if picker.kind == PickerKind::Links {
            let label_width = count_width + 4 + mark_width;
            let mark = if in_archive { IN_ARCHIVE } else { "" };
            link_line(
                app,
                (entry.count, mark),
                selected,
                width,
                label_width,
                theme,
            )
        } else if picker.kind == PickerKind::Backlinks {
            backlink_line(entry, selected, width, theme)
        } else {
            entry_line(entry, (selected, marked), width, count_width, theme)
        };
        frame.render_widget(line, Rect::new(rows.x, rows.y + row as u16, rows.width, 1));
    }
}

/// The mark of a link that leads to another article of the archive
/// (opened here).
const IN_ARCHIVE: &str = "↩";

/// A link: `[n]` with its `mark` (in `label_width` columns), its text,
/// then its address decoded for reading and cut in the middle, so its
/// distinguishing end stays in view.
fn link_line(
    app: &App,
    (n, mark): (usize, &str),
    selected: bool,
    width: usize,
    label_width: usize,
    theme: &Theme,
) -> Line<'static> {
    let patch = |style| theme.row_style(style, selected);
    let detail = app.detail();
    let text = detail.map_or("", |d| d.link_text(n));
    let raw = detail.and_then(|d| n.checked_sub(1).and_then(|i| d.links().get(i)));
    let url = raw.map(|u| readable_url(u)).unwrap_or_default();
    // `https://example.com@evil.com/` goes to evil.com: say so first.
    let hidden = raw.and_then(|u| crate::app::hidden_host(u));
    let mut b = LineBuilder::new(width);
    b.push_fit(&format!(" [{n}{mark}]"), label_width, patch(theme.key));
    // An address written out in the text is its own text.
    if !text.is_empty() && readable_url(text) != url {
        // The text takes at most a third, the address the rest.
        let text_width = width::str_width(text).min(b.left() / 3);
        b.push_fit(text, text_width, patch(theme.title));
        b.push("  ", patch(theme.title));
    }
    if let Some(hidden) = hidden {
        b.push(&format!("goes to {}  ", hidden.host), patch(theme.error));
    }
    let url = width::elide_middle(&url, b.left());
    b.push(&url, patch(theme.dim));
    b.pad(patch(theme.title)).build()
}

/// An article that links to the open one: its date and title.
fn backlink_line(
    entry: &PickerEntry,
    selected: bool,
    width: usize,
    theme: &Theme,
) -> Line<'static> {
    let patch = |style| theme.row_style(style, selected);
    let mut b = LineBuilder::new(width);
    b.push(" ↩ ", patch(theme.key));
    b.push(&entry.label, patch(theme.title));
    b.pad(patch(theme.title)).build()
}

/// One entry: mark, label, count.
fn entry_line(
    entry: &PickerEntry,
    (selected, marked): (bool, bool),
    width: usize,
    count_width: usize,
    theme: &Theme,
) -> Line<'static> {
    let patch = |style| theme.row_style(style, selected);
    let mut b = LineBuilder::new(width);
    b.push_fit(if marked { "* " } else { "  " }, 2, patch(theme.marked));
    let label_width = b.left().saturating_sub(count_width + 2);
    b.push_fit(
        &entry.label,
        label_width,
        patch(if marked { theme.marked } else { theme.title }),
    );
    let number = width::pad_left(&count(entry.count), count_width + 2);
    b.push_fit(&number, count_width + 2, patch(theme.dim));
    b.pad(patch(theme.title)).build()
}

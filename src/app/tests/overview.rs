//! The sources view, the timeline, filter chips, the date prompt, pipe,
//! pager and copy.

use super::*;
use crate::overview::DateRange;

fn sources(app: &App) -> &SourcesView {
    match app.overlay() {
        Some(Overlay::Sources(view)) => view,
        other => panic!("{other:?}"),
    }
}

fn timeline(app: &App) -> &TimelineView {
    match app.overlay() {
        Some(Overlay::Timeline(view)) => view,
        other => panic!("{other:?}"),
    }
}

#[test]
fn sources_list_counts_sort_and_narrow_the_list() {
    let mut app = app();
    app.update(Action::Sources);
    assert_eq!(app.context(), Context::Sources);
    let rows: Vec<(String, usize, usize)> = sources(&app)
        .rows
        .iter()
        .map(|r| (r.name.clone(), r.total, r.unread))
        .collect();
    assert_eq!(
        rows,
        [("港聞".to_owned(), 24, 24), ("國際".to_owned(), 6, 6)]
    );
    // The selected article (第0篇) is from 國際: the view starts there.
    assert_eq!(sources(&app).cursor.selected, 1);
    app.update(Action::CycleSort);
    assert_eq!(sources(&app).rows[0].name, "國際", "by name: 國 < 港");
    assert_eq!(sources(&app).selected().unwrap().name, "國際", "kept");
    app.update(Action::MoveDown);
    app.update(Action::Open);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.visible().len(), 24);
    assert_eq!(app.filters().criteria(), [Criterion::Source("港聞".into())]);
    assert_eq!(app.status().unwrap().text, "24 articles listed from 港聞");
}

#[test]
fn marking_a_source_read_asks_first() {
    let mut app = app();
    app.update(Action::Sources);
    app.update(Action::MarkAllRead);
    assert_eq!(
        app.confirm().map(|c| c.question()).as_deref(),
        Some("Mark all 6 articles of 國際 read (6 unread)? y/n")
    );
    app.update(Action::Answer(false));
    assert_eq!(sources(&app).rows[1].unread, 6, "no changes nothing");
    app.update(Action::MarkAllRead);
    app.update(Action::Answer(true));
    assert_eq!(app.status().unwrap().text, "Marked 6 articles of 國際 read");
    assert_eq!(sources(&app).rows[1].unread, 0);
    assert_eq!(sources(&app).rows[0].unread, 24, "other sources untouched");
    app.update(Action::Back);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.unread_listed(), 24);
}

#[test]
fn timeline_narrows_to_a_month_or_a_day() {
    let mut app = app();
    app.update(Action::Timeline);
    assert_eq!(app.context(), Context::Timeline);
    let bars = &timeline(&app).timeline.buckets;
    assert_eq!(bars.len(), 1);
    assert_eq!(bars[0].count, 30);
    app.update(Action::Zoom);
    let view = timeline(&app);
    assert_eq!(view.timeline.buckets.len(), 31);
    assert_eq!(view.cursor.selected, 0, "the first day with articles");
    app.update(Action::Last);
    app.update(Action::Open);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.visible().len(), 0, "nothing on 2021-01-31");
    assert_eq!(app.filters().criteria()[0].label(), "2021-01-31");
    // Another period replaces the range, it does not add to it.
    app.update(Action::Timeline);
    app.update(Action::Zoom);
    app.update(Action::MoveDown);
    app.update(Action::Open);
    assert_eq!(app.filters().criteria().len(), 1);
    assert_eq!(app.filters().criteria()[0].label(), "2021-01-02");
    assert_eq!(app.visible().len(), 1);
    // Esc zooms out first, then leaves.
    app.update(Action::Timeline);
    app.update(Action::Zoom);
    app.update(Action::Back);
    assert!(matches!(
        timeline(&app).timeline.zoom,
        crate::overview::Zoom::Months
    ));
    app.update(Action::Open);
    assert_eq!(app.filters().criteria()[0].label(), "2021-01");
    assert_eq!(app.visible().len(), 30);
}

#[test]
fn the_last_chip_comes_off_first_and_backspace_clears_all() {
    let mut app = app();
    app.update(Action::CycleView); // unread only
    app.apply_criteria(vec![Criterion::Tag("香港".into())]);
    app.update(Action::FilterDates(DateRange {
        since: NaiveDate::from_ymd_opt(2021, 1, 20),
        until: None,
    }));
    assert_eq!(app.visible().len(), 6);
    app.update(Action::RemoveLastFilter);
    assert_eq!(
        app.status().unwrap().text,
        "Removed ≥2021-01-20: 15 articles listed"
    );
    app.update(Action::RemoveLastFilter);
    assert_eq!(app.visible().len(), 30);
    assert_eq!(app.view_filter(), crate::marks::ViewFilter::Unread);
    app.update(Action::RemoveLastFilter);
    assert_eq!(app.view_filter(), crate::marks::ViewFilter::All);
    app.update(Action::RemoveLastFilter);
    assert_eq!(app.status().unwrap().text, "No filters to remove");
    app.apply_criteria(vec![
        Criterion::Tag("香港".into()),
        Criterion::Tag("交通".into()),
    ]);
    app.update(Action::ClearFilters);
    assert!(app.filters().is_empty());
}

#[test]
fn a_typed_date_moves_the_highlight_to_the_nearest_article_on_or_before_it() {
    let mut app = app();
    app.update(Action::JumpToDate);
    assert_eq!(app.context(), Context::Input);
    type_text(&mut app, "2021-01-10");
    app.update(Action::Apply);
    assert_eq!(app.context(), Context::List);
    assert_eq!(title(&app), "第20篇");
    assert_eq!(
        app.status().unwrap().text,
        "Article 21 of 30, dated 2021-01-10"
    );
    // A month means its last day; a later date than any: the newest.
    app.update(Action::JumpToDate);
    type_text(&mut app, "2021-02");
    app.update(Action::Apply);
    assert_eq!(title(&app), "第0篇");
    app.update(Action::JumpToDate);
    type_text(&mut app, "2020-12-31");
    app.update(Action::Apply);
    assert_eq!(
        app.status().unwrap().text,
        "No listed article is dated on or before 2020-12-31"
    );
    app.update(Action::JumpToDate);
    type_text(&mut app, "soon");
    app.update(Action::Apply);
    assert!(app.status().unwrap().error);
    assert!(app.status().unwrap().text.contains("is not a date"));
}

#[test]
fn pipe_asks_for_a_command_and_keeps_a_history() {
    let mut app = App::new(
        library(),
        guide(),
        Options {
            pipe_history: vec!["less".into(), "wc -c".into()],
            ..Options::default()
        },
    );
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::Pipe);
    assert_eq!(app.context(), Context::Input);
    app.update(Action::MoveUp);
    assert_eq!(app.line_input().unwrap().text, "wc -c");
    app.update(Action::MoveUp);
    app.update(Action::MoveUp);
    assert_eq!(app.line_input().unwrap().text, "less");
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    assert_eq!(app.line_input().unwrap().text, "");
    app.update(Action::InsertText("grep 港\nx".into()));
    let effects = app.update(Action::Apply);
    assert_eq!(
        effects,
        [
            Effect::SavePipeHistory(vec!["less".into(), "wc -c".into(), "grep 港 x".into()]),
            Effect::Pipe {
                article: 0,
                command: Some("grep 港 x".into()),
                width: 78,
            }
        ]
    );
    assert_eq!(app.pipe_history().last().unwrap(), "grep 港 x");
    // Esc cancels; an empty command pipes nothing.
    app.update(Action::Pipe);
    app.update(Action::Back);
    assert_eq!(app.context(), Context::List);
    app.update(Action::Pipe);
    assert!(app.update(Action::Apply).is_empty());
}

#[test]
fn pager_and_copy_are_effects_with_the_checked_link_only() {
    let mut app = app();
    assert_eq!(
        app.update(Action::Pager),
        [Effect::Pipe {
            article: 0,
            command: None,
            width: 78
        }]
    );
    assert_eq!(
        app.update(Action::CopyLink),
        [Effect::CopyToClipboard("https://news.example.hk/7".into())]
    );
    assert!(
        app.status()
            .unwrap()
            .text
            .starts_with("Copied https://news.example.hk/7")
    );
    let mut library = library();
    let mut articles = library.articles.to_vec();
    articles[0].set_links(Some("javascript:alert(1)\x1b]52;c;x\x07"), None);
    articles[1].set_links(None, None);
    library.articles = articles.into();
    let mut app = App::new(library, guide(), Options::default());
    assert!(app.update(Action::CopyLink).is_empty());
    assert!(app.status().unwrap().error);
    app.update(Action::MoveDown);
    assert!(app.update(Action::CopyLink).is_empty());
    assert_eq!(
        app.status().unwrap().text,
        "This article has no link to copy"
    );
}

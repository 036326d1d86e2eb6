//! A search beyond its prompt: results filling in while indexing, `n` /
//! `N` in the article, `S`, a reload, and the query length limit.

use super::*;

#[test]
fn results_fill_in_as_bodies_are_indexed() {
    let mut app = App::new(search_library(), guide(), Options::default());
    crate::app::tests::with_bodies_pending(&mut app);
    let progress = app.index_progress().expect("bodies are pending");
    assert_eq!((progress.indexed, progress.total), (0, 6));
    drive(&mut app, Action::Search);
    type_text(&mut app, "台湾");
    assert_eq!(app.visible(), [0, 1], "titles and tags only so far");
    drive(&mut app, Action::Apply);
    assert!(
        app.status()
            .unwrap()
            .text
            .ends_with("so far (still indexing)")
    );
    // The bodies are in: the progress report re-runs the kept search.
    let view = SearchIndex::build(&app.library.articles).wait_metadata();
    let generation = app.index_generation();
    drive(&mut app, Action::IndexStarted { generation, view });
    report_progress(&mut app);
    assert_eq!(app.visible(), [0, 1, 2]);
    assert_eq!(app.index_progress(), None);
    // The first tick also asks for the scan of links between articles.
    let asked = app.update(Action::Tick {
        now: std::time::Instant::now(),
    });
    assert!(matches!(asked[..], [Effect::ScanLinks { .. }]), "{asked:?}");
    assert!(!app.needs_tick());
}

#[test]
fn n_and_shift_n_step_through_the_matches_in_the_article() {
    let mut app = indexed_app();
    drive(
        &mut app,
        Action::Resize {
            width: 40,
            height: 12,
        },
    );
    drive(&mut app, Action::NextMatch);
    drive(&mut app, Action::Search);
    type_text(&mut app, "台湾");
    drive(&mut app, Action::Apply);
    let padding = "\n\n".to_owned() + &"填充。\n\n".repeat(20);
    let body = format!("第一段提到臺灣。{padding}第三段再說台灣。{padding}結尾：臺灣。");
    open(&mut app, &body);
    let lines = |app: &App| {
        let detail = app.detail().unwrap();
        (detail.scroll, app.search_focus().map(|p| p.line))
    };
    // Opened from the search, the article shows its first match: the
    // title's, on screen, so without scrolling.
    assert_eq!(app.status().unwrap().text, "match 1/4");
    assert_eq!(lines(&app), (0, Some(0)));
    drive(&mut app, Action::NextMatch);
    assert_eq!(app.status().unwrap().text, "match 2/4");
    let (_, Some(second)) = lines(&app) else {
        panic!()
    };
    drive(&mut app, Action::NextMatch);
    assert_eq!(app.status().unwrap().text, "match 3/4");
    let (scroll, Some(third)) = lines(&app) else {
        panic!()
    };
    assert!(third > second + 10);
    assert!(
        (scroll..scroll + app.size().body_rows()).contains(&third),
        "scrolled to it"
    );
    drive(&mut app, Action::NextMatch);
    drive(&mut app, Action::NextMatch);
    assert_eq!(app.status().unwrap().text, "match 1/4", "wraps around");
    assert_eq!(lines(&app).0, 0);
    drive(&mut app, Action::PrevMatch);
    assert_eq!(app.status().unwrap().text, "match 4/4");
    drive(&mut app, Action::PrevMatch);
    assert_eq!(app.status().unwrap().text, "match 3/4");
    // After scrolling away, `n` starts from the screen's top.
    drive(&mut app, Action::First);
    drive(&mut app, Action::NextMatch);
    assert_eq!(app.status().unwrap().text, "match 1/4");
}

#[test]
fn n_without_a_search_or_a_match_says_so() {
    let mut app = indexed_app();
    open(&mut app, "nothing");
    drive(&mut app, Action::NextMatch);
    assert!(app.status().unwrap().text.starts_with("No search"));
    drive(&mut app, Action::Back);
    drive(&mut app, Action::Search);
    type_text(&mut app, "游客");
    drive(&mut app, Action::Apply);
    open(&mut app, "a body without it");
    drive(&mut app, Action::NextMatch);
    assert_eq!(
        app.status().unwrap().text,
        "No match of /游客 in the text shown here"
    );
}

#[test]
fn s_cycles_the_sort_and_keeps_the_selection() {
    let mut app = indexed_app();
    drive(&mut app, Action::MoveDown);
    drive(&mut app, Action::MoveDown); // 半導体工場の新設
    drive(&mut app, Action::CycleSort);
    assert_eq!(app.sort_order(), SortOrder::Oldest);
    assert_eq!(app.visible(), [5, 4, 3, 2, 1, 0]);
    assert_eq!(app.selected_article(), Some(2));
    assert_eq!(app.status().unwrap().text, "Sorted oldest first");
    drive(&mut app, Action::CycleSort);
    assert_eq!(app.sort_order(), SortOrder::Title);
    assert_eq!(app.visible()[0], 5, "ＡＰＰ folds to app: Latin first");
    assert_eq!(app.selected_article(), Some(2));
    // Sorting applies to a filtered list as well.
    drive(&mut app, Action::Search);
    type_text(&mut app, "台湾");
    drive(&mut app, Action::Apply);
    drive(&mut app, Action::CycleSort);
    assert_eq!(app.sort_order(), SortOrder::Source);
    let sources: Vec<&str> = app
        .visible()
        .iter()
        .map(|&i| app.articles()[i].source().unwrap())
        .collect();
    let mut sorted = sources.clone();
    sorted.sort_unstable();
    assert_eq!(sources, sorted);
    assert_eq!(app.selected_article(), Some(2));
    drive(&mut app, Action::CycleSort);
    assert_eq!(app.sort_order(), SortOrder::Newest);
    assert_eq!(app.visible(), [0, 1, 2]);
    assert_eq!(app.selected_article(), Some(2));
}

#[test]
fn a_reload_runs_the_kept_search_again() {
    let mut app = indexed_app();
    drive(&mut app, Action::CycleSort);
    drive(&mut app, Action::CycleSort); // by title
    drive(&mut app, Action::Search);
    type_text(&mut app, "台湾");
    drive(&mut app, Action::Apply);
    assert_eq!(app.visible().len(), 3);
    // A reload brings a new title for the weather article.
    std::sync::Arc::make_mut(&mut app.library.articles)[4].title = "颱風吹襲臺灣".into();
    app.search.library_changed(&app.library.articles);
    assert!(app.needs_tick());
    build_index(&mut app);
    assert_eq!(app.visible().len(), 4);
    assert!(app.visible().contains(&4));
    assert_eq!(app.sort_order(), SortOrder::Title, "still sorted by title");
    let titles = titles(&app);
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| crate::search::fold(t));
    assert_eq!(titles, sorted);
}

#[test]
fn a_huge_paste_is_cut_to_the_query_limit_and_later_keys_are_dropped() {
    use crate::search::{MAX_QUERY_CHARS, QUERY_CUT_MESSAGE};
    let mut app = indexed_app();
    drive(&mut app, Action::Search);
    // 72 KB of words, as a bracketed paste.
    let paste = "台湾 新闻 ".repeat(72 * 1024 / 14);
    drive(&mut app, Action::InsertText(paste));
    let prompt = app.search_prompt().unwrap().to_owned();
    assert_eq!(prompt.chars().count(), MAX_QUERY_CHARS);
    assert_eq!(app.status().unwrap().text, QUERY_CUT_MESSAGE);
    drive(&mut app, Action::Insert('x'));
    assert_eq!(
        app.search_prompt(),
        Some(prompt.as_str()),
        "a key past the limit is dropped"
    );
    drive(&mut app, Action::DeleteChar);
    drive(&mut app, Action::Insert('y'));
    assert!(app.search_prompt().unwrap().ends_with('y'));
}

#[test]
fn typing_past_the_limit_key_by_key_stops_there() {
    use crate::search::MAX_QUERY_CHARS;
    let mut app = indexed_app();
    drive(&mut app, Action::Search);
    type_text(&mut app, &"台".repeat(MAX_QUERY_CHARS + 50));
    assert_eq!(
        app.search_prompt().unwrap().chars().count(),
        MAX_QUERY_CHARS
    );
}

/// A query takes the last result along (to look only at its articles) when
/// it narrows it, and goes without it (no copy) when it does not.
#[test]
fn only_a_narrowing_query_carries_the_last_result() {
    let mut app = indexed_app();
    drive(&mut app, Action::Search);
    let ask = |app: &mut App, action: Action| -> Option<bool> {
        let effects = app.update(action);
        let job = effects.into_iter().find_map(|e| match e {
            Effect::Search(job) => Some(job),
            _ => None,
        })?;
        let within = job.within.is_some();
        drive(
            app,
            Action::SearchDone {
                generation: job.generation,
                matches: job.run(),
            },
        );
        Some(within)
    };
    assert_eq!(
        ask(&mut app, Action::Insert('台')),
        Some(false),
        "no last result"
    );
    assert_eq!(
        ask(&mut app, Action::Insert('湾')),
        Some(true),
        "台湾 narrows 台"
    );
    assert_eq!(
        ask(&mut app, Action::DeleteChar),
        Some(false),
        "台 widens 台湾"
    );
    assert_eq!(app.search_prompt(), Some("台"));
}

//! The `/` prompt: typing, keeping, Esc, combining with filters, pasting.
//! What a search does beyond the prompt is in `results`.

use super::*;
use crate::search::{SearchIndex, SortOrder};

mod results;

/// Newest first: 0 Traditional (臺灣, body mentions 台灣 three times),
/// 1 Simplified (台湾), 2 Japanese (台湾 in the body only), 3 English,
/// 4 Hong Kong weather (no 台湾), 5 fullwidth Latin.
pub(crate) fn search_library() -> Library {
    let rows: [(&str, &str, &[&str], &'static [u8]); 6] = [
        (
            "臺灣海峽局勢　習近平會見訪問團",
            "政治",
            &["兩岸"],
            "第一段提到臺灣。\n\n第二段沒有。\n\n第三段再說台灣。\n\n結尾：臺灣。\n".as_bytes(),
        ),
        (
            "台湾旅游业复苏",
            "旅游",
            &["台湾"],
            "游客人数回升。".as_bytes(),
        ),
        (
            "半導体工場の新設",
            "経済",
            &[],
            "台湾の企業が熊本に工場を建てる。".as_bytes(),
        ),
        (
            "Strait tensions rise",
            "World",
            &["taiwan"],
            b"Ships crossed the strait on Monday.",
        ),
        (
            "天文台發出八號風球",
            "港聞",
            &["香港"],
            "市民留在家中。".as_bytes(),
        ),
        (
            "ＡＰＰ２０２１ 新版",
            "科技",
            &[],
            b"Version app2021 ships today.",
        ),
    ];
    let articles: Vec<_> = rows
        .iter()
        .enumerate()
        .map(|(i, (title, category, tags, body))| {
            let mut a = article(title, &[category], tags);
            a.date = NaiveDate::from_ymd_opt(2024, 6, 30 - i as u32);
            a.body = BodySource::Embedded {
                bytes: body,
                offset: 0,
            };
            a
        })
        .collect();
    Library {
        name: "search".into(),
        articles: articles.into(),
        problems: Vec::new(),
        ..Library::default()
    }
}

/// An app over [`search_library`] at 80x24, its index not started.
pub(super) fn search_app() -> App {
    let mut app = App::new(search_library(), guide(), Options::default());
    drive(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    app
}

/// An app at 80x24 whose index has every body in.
fn indexed_app() -> App {
    let mut app = search_app();
    build_index(&mut app);
    assert!(!app.needs_tick());
    app
}

fn titles(app: &App) -> Vec<String> {
    app.visible()
        .iter()
        .map(|&i| app.articles()[i].title.as_str().to_owned())
        .collect()
}

#[test]
fn typing_narrows_at_each_keystroke_across_scripts() {
    let mut app = indexed_app();
    drive(&mut app, Action::Search);
    assert_eq!(app.context(), Context::Search);
    assert_eq!(app.search_prompt(), Some(""));
    assert_eq!(app.visible().len(), 6, "nothing typed: the whole list");
    drive(&mut app, Action::Insert('台'));
    // 天文台 has 台 too.
    assert_eq!(app.visible(), [0, 1, 2, 4]);
    drive(&mut app, Action::Insert('湾'));
    assert_eq!(app.visible(), [0, 1, 2]);
    assert_eq!(app.search_prompt(), Some("台湾"));
    assert_eq!(
        app.filters().search().map(Criterion::label).as_deref(),
        Some("/台湾")
    );
    assert_eq!(app.search_query().unwrap().terms(), ["台湾"]);
    // A second word must match too; tags are searched.
    type_text(&mut app, " 习近平");
    assert_eq!(titles(&app), ["臺灣海峽局勢　習近平會見訪問團"]);
    // Keys that mean something elsewhere type here.
    drive(&mut app, Action::ClearQuery);
    type_text(&mut app, "taiwan");
    assert_eq!(app.visible(), [3]);
    drive(&mut app, Action::ClearQuery);
    type_text(&mut app, "app2021");
    assert_eq!(app.visible(), [5], "fullwidth ＡＰＰ２０２１ matches");
}

#[test]
fn enter_keeps_the_search_as_a_filter() {
    let mut app = indexed_app();
    drive(&mut app, Action::Search);
    type_text(&mut app, "台湾");
    drive(&mut app, Action::Apply);
    assert_eq!(app.context(), Context::List);
    assert_eq!(app.search_prompt(), None);
    assert_eq!(app.visible(), [0, 1, 2]);
    assert_eq!(app.status().unwrap().text, "3 articles with /台湾");
    // List keys work again; the search stays while articles are opened.
    drive(&mut app, Action::MoveDown);
    assert_eq!(app.selected_article(), Some(1));
    drive(&mut app, Action::Open);
    drive(&mut app, Action::Back);
    assert_eq!(app.visible(), [0, 1, 2]);
    // Backspace in the list clears it like any filter.
    drive(&mut app, Action::ClearFilters);
    assert!(app.filters().is_empty());
    assert_eq!(app.visible().len(), 6);
    assert_eq!(app.selected_article(), Some(1), "the selection is kept");
}

#[test]
fn an_empty_search_kept_is_no_filter() {
    let mut app = indexed_app();
    drive(&mut app, Action::Search);
    type_text(&mut app, "  ");
    drive(&mut app, Action::Apply);
    assert!(app.filters().is_empty());
    assert_eq!(app.visible().len(), 6);
}

#[test]
fn backspace_in_the_prompt_deletes_and_widens() {
    let mut app = indexed_app();
    drive(&mut app, Action::Search);
    type_text(&mut app, "台湾x");
    assert!(app.visible().is_empty());
    drive(&mut app, Action::DeleteChar);
    assert_eq!(app.search_prompt(), Some("台湾"));
    assert_eq!(app.visible(), [0, 1, 2]);
    drive(&mut app, Action::DeleteChar);
    drive(&mut app, Action::DeleteChar);
    drive(&mut app, Action::DeleteChar);
    assert_eq!(app.search_prompt(), Some(""));
    assert_eq!(app.context(), Context::Search, "still typing");
    assert_eq!(app.visible().len(), 6);
}

#[test]
fn esc_restores_the_previous_list_and_selection() {
    let mut app = indexed_app();
    drive(&mut app, Action::MoveDown);
    drive(&mut app, Action::MoveDown);
    drive(&mut app, Action::MoveDown); // Strait tensions rise
    drive(&mut app, Action::Search);
    type_text(&mut app, "台湾");
    assert_eq!(
        app.selected_article(),
        Some(0),
        "a new query: its first match"
    );
    drive(&mut app, Action::Back);
    assert_eq!(app.context(), Context::List);
    assert!(app.filters().is_empty());
    assert_eq!(app.visible().len(), 6);
    assert_eq!(app.selected_article(), Some(3));

    // With a search kept, Esc on a new one brings the kept one back.
    drive(&mut app, Action::Search);
    type_text(&mut app, "台湾");
    drive(&mut app, Action::Apply);
    drive(&mut app, Action::Search);
    assert_eq!(
        app.search_prompt(),
        Some("台湾"),
        "it starts from the kept one"
    );
    drive(&mut app, Action::ClearQuery);
    assert_eq!(app.visible().len(), 6, "cleared: every article");
    type_text(&mut app, "香港");
    assert_eq!(app.visible(), [4]);
    drive(&mut app, Action::Back);
    assert_eq!(app.visible(), [0, 1, 2]);
    assert_eq!(
        app.filters().search().map(Criterion::label).as_deref(),
        Some("/台湾")
    );
}

#[test]
fn search_combines_with_tag_and_category_filters() {
    let mut app = indexed_app();
    app.apply_criteria(vec![Criterion::Category("旅游".into())]);
    assert_eq!(app.visible(), [1]);
    drive(&mut app, Action::Search);
    type_text(&mut app, "台");
    assert_eq!(app.visible(), [1], "both must hold");
    drive(&mut app, Action::Apply);
    assert_eq!(app.filters().criteria().len(), 2);
    drive(&mut app, Action::TagPicker);
    assert_eq!(picker(&app).entries.len(), 1, "counts what is listed");
    drive(&mut app, Action::Back);
    drive(&mut app, Action::ClearFilters);
    assert_eq!(app.visible().len(), 6);
}

#[test]
fn a_new_query_selects_its_first_match_and_down_moves_the_list() {
    let mut app = indexed_app();
    drive(&mut app, Action::MoveDown); // 台湾旅游业复苏
    drive(&mut app, Action::Search);
    type_text(&mut app, "台湾");
    assert_eq!(app.selected_article(), Some(0), "issue 11: the first match");
    drive(&mut app, Action::MoveDown);
    assert_eq!(app.selected_article(), Some(1), "Down moves the list");
    assert_eq!(app.context(), Context::Search);
}

#[test]
fn pasted_text_is_typed_clean() {
    let mut app = indexed_app();
    drive(&mut app, Action::Search);
    drive(&mut app, Action::InsertText("習近平\n\u{1b}[31m".into()));
    assert_eq!(app.visible(), [0]);
    assert!(!app.search_prompt().unwrap().contains('\u{1b}'));
    drive(&mut app, Action::Insert('\u{7}'));
    assert!(!app.search_prompt().unwrap().contains('\u{7}'));
}

use super::*;
use crate::search::SearchSession;

fn article(title: &str, tags: &[&str], body: &'static str) -> Article {
    Article {
        labels: crate::article::LabelLists::new(
            vec!["眾新聞記者".into()],
            vec!["眾聞".into()],
            crate::article::labels(tags),
        ),
        urls: crate::article::Urls::new(
            Some("https://web.archive.example/web/1/https://news.example/article/1"),
            None,
        ),
        ..Article::with_body(title, body)
    }
}

fn library() -> Vec<Article> {
    vec![
        article(
            "相隔一月　金正恩再訪華",
            &["金正恩訪華", "習近平"],
            "# 相隔一月\n\n<figure><img src=\"https://img.example/xi-jinping.jpg\" alt=\"\">\
             <figcaption>大連海邊</figcaption></figure>\n\n國家主席**習近平**與北韓領袖會晤。\n",
        ),
        article(
            "国安法实施一周年",
            &["国安法"],
            "<p>香港国家安全法在<a href=\"https://example.org/台湾\">台湾</a>引起关注。</p>",
        ),
        article(
            "ＡＢＣ１２３ report",
            &[],
            "Plain English body about Hong  Kong elections.",
        ),
        article(
            "臺灣選舉",
            &["Taiwan"],
            "ｶﾞｲﾄﾞ for visitors: see [the map](https://maps.example/xinjiang).",
        ),
    ]
}

fn found(index: &SearchIndex, query: &str) -> Vec<usize> {
    index.matches(&Query::parse(query)).indices().to_vec()
}

#[test]
fn script_width_and_case_do_not_matter() {
    let index = SearchIndex::build(&library());
    assert_eq!(found(&index, "习近平"), [0]);
    assert_eq!(found(&index, "國安法"), [1]);
    assert_eq!(found(&index, "台灣"), [1, 3]);
    assert_eq!(found(&index, "臺灣"), [1, 3]);
    assert_eq!(found(&index, "abc123"), [2]);
    assert_eq!(found(&index, "ＨＯＮＧ"), [2]);
    assert_eq!(found(&index, "ガイド"), [3]);
}

#[test]
fn every_word_must_match_somewhere_in_the_article() {
    let index = SearchIndex::build(&library());
    // Tag and body.
    assert_eq!(found(&index, "金正恩訪華 大连"), [0]);
    assert_eq!(found(&index, "香港 关注"), [1]);
    assert_eq!(found(&index, "香港 金正恩"), Vec::<usize>::new());
    // Author and category are searched too.
    assert_eq!(found(&index, "众闻 report"), [2]);
}

#[test]
fn phrases_match_as_written() {
    let index = SearchIndex::build(&library());
    assert_eq!(found(&index, "\"hong kong elections\""), [2]);
    assert_eq!(found(&index, "\"kong hong\""), Vec::<usize>::new());
    assert_eq!(found(&index, "kong hong"), [2]);
}

#[test]
fn urls_and_markup_are_not_searched() {
    let index = SearchIndex::build(&library());
    for query in [
        "xi-jinping",
        "figcaption",
        "maps.example",
        "xinjiang",
        "web.archive",
        "https",
    ] {
        assert_eq!(found(&index, query), Vec::<usize>::new(), "{query}");
    }
    // ...but link text is.
    assert_eq!(found(&index, "the map"), [3]);
}

#[test]
fn empty_query_matches_everything() {
    let index = SearchIndex::build(&library());
    assert_eq!(found(&index, ""), [0, 1, 2, 3]);
    assert_eq!(found(&index, "   "), [0, 1, 2, 3]);
}

#[test]
fn before_bodies_are_indexed_metadata_still_matches() {
    let index = SearchIndex::metadata_only(&library());
    assert_eq!(
        index.progress(),
        Progress {
            indexed: 0,
            total: 4
        }
    );
    let matches = index.matches(&Query::parse("习近平"));
    assert_eq!(matches.indices(), [0]);
    assert_eq!(matches.pending(), 4);
    assert!(index.matches(&Query::parse("大连")).is_empty());
}

#[test]
fn build_reports_completion() {
    let index = SearchIndex::build(&library());
    assert!(index.progress().is_complete());
    assert!(index.memory().body_text > 0);
    let empty = SearchIndex::build(&[]);
    assert!(empty.progress().is_complete());
    assert!(empty.matches(&Query::parse("a")).is_empty());
}

#[test]
fn many_chunks_and_narrowing_agree_with_full_search() {
    let articles: Vec<Article> = (0..CHUNK * 3 + 7)
        .map(|i| match i % 3 {
            0 => article("香港新聞", &[], "立法會選舉"),
            1 => article("台灣新聞", &[], "立法院選舉"),
            _ => article("other", &[], "nothing"),
        })
        .collect();
    let index = SearchIndex::build(&articles);
    let mut session = SearchSession::default();
    for typed in ["立", "立法", "立法會", "立法會 选举", "新闻", "新闻 香"] {
        let query = Query::parse(typed);
        let full = index.matches(&query);
        assert_eq!(session.search(&index, &query), &full, "{typed}");
    }
    assert_eq!(found(&index, "立法會").len(), CHUNK + 3);
    assert_eq!(found(&index, "立法院").len(), CHUNK + 2);
    // Every article's author is 眾新聞記者.
    assert_eq!(found(&index, "新闻").len(), articles.len());
}

#[test]
fn composed_characters_are_not_their_base() {
    let articles = [
        article("cafe\u{301} pour ｶﾞｲﾄﾞ", &[], ""),
        article("po", &[], ""),
    ];
    let index = SearchIndex::build(&articles);
    assert_eq!(found(&index, "café"), [0]);
    assert_eq!(found(&index, "é"), [0]);
    assert_eq!(found(&index, "ガ"), [0]);
    assert!(found(&index, "cafe").is_empty());
    assert!(found(&index, "カ").is_empty());
    assert_eq!(found(&index, "po"), [0, 1]);
    assert_eq!(found(&index, "e"), Vec::<usize>::new());
}

#[test]
fn index_can_move_to_a_worker_thread() {
    fn shareable<T: Clone + Send + Sync>() {}
    shareable::<SearchIndex>();
}

#[test]
fn before_anything_is_folded_nothing_matches_yet() {
    let (index, _work) = SearchIndex::unbuilt(&Arc::new(library()));
    let matches = index.matches(&Query::parse("习近平"));
    assert!(matches.is_empty());
    assert_eq!(matches.pending(), 4);
    assert_eq!(index.matches(&Query::parse("")).len(), 4);
}

mod stored_file;

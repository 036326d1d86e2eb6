use super::*;

fn article(title: &str, body: &'static str) -> Article {
    Article {
        categories: vec!["眾聞".into()],
        ..Article::with_body(title, body)
    }
}

fn found(articles: &[Article], query: &str) -> Vec<usize> {
    let refs: Vec<&Article> = articles.iter().collect();
    matching(&refs, &Query::parse(query), None, &|_| None)
}

#[test]
fn terms_match_in_metadata_or_body_as_the_index_does() {
    let long: &'static str =
        Box::leak(format!("{}香港<b>民</b>主", "字".repeat(20_000)).into_boxed_str());
    let articles = vec![
        article("國家安全", "<p>香港 **police**</p>"),
        article("other", "[台灣](https://x.example/香港) ＰＯＬＩＣＥ"),
        article("long", long),
    ];
    assert_eq!(found(&articles, "国家安全 police"), [0]);
    assert_eq!(found(&articles, "police"), [0, 1]);
    assert_eq!(found(&articles, "香港"), [0, 2]);
    assert_eq!(found(&articles, "香港民主"), [2]);
    assert_eq!(found(&articles, "眾聞 台湾"), [1]);
    assert_eq!(found(&articles, "字字 police"), Vec::<usize>::new());
    assert_eq!(found(&articles, ""), [0, 1, 2]);
}

#[test]
fn the_checked_text_keeps_an_overlap_for_hits_across_checks() {
    let done = Cell::new(false);
    let mut sink = Checking::new(&["香港民主"], &done);
    for c in "字"
        .repeat(CHECK_EVERY * 6)
        .chars()
        .chain("香港民主".chars())
    {
        sink.push(c, 0..0);
    }
    assert!(sink.text.len() < CHECK_EVERY * 4 * 3);
    sink.check();
    assert!(done.get());
}

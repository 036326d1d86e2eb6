use super::*;

fn article(title: &str, body: &'static str) -> Article {
    Article {
        labels: crate::article::LabelLists::new(Vec::new(), vec!["眾聞".into()], Vec::new()),
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

/// Pieces of metadata: forms of the same characters (script, width, case),
/// what folding drops or composes, markup that metadata shows as it is.
const METADATA_PIECES: &[&str] = &[
    "香",
    "港",
    "國",
    "国",
    "家",
    "P",
    "p",
    "Ｐ",
    "o",
    "O",
    "ｏ",
    "l",
    "ﬁ",
    "f",
    "i",
    "İ",
    " ",
    "\u{200B}",
    "\u{AD}",
    "\u{301}",
    "e",
    "é",
    "ｶ",
    "ﾞ",
    "ガ",
    "<b>",
    "&amp;",
    "&#x9999;",
    "*",
    "[",
    "h",
    "\n",
    "\u{1F600}",
    "\u{1D429}",
    "\u{2F800}",
    "丽",
];

proptest::proptest! {
    /// The raw-bytes test that spares folding metadata never rules out a
    /// term its folded fields hold: the result is the full check's.
    #[test]
    fn metadata_matches_as_folded(
        title in proptest::collection::vec(0..METADATA_PIECES.len(), 0..12),
        tag in proptest::collection::vec(0..METADATA_PIECES.len(), 0..6),
        from in 0usize..20,
        len in 1usize..5,
    ) {
        let piece = |i: &usize| METADATA_PIECES[*i];
        let title: String = title.iter().map(piece).collect();
        let tag: String = tag.iter().map(piece).collect();
        let mut article = Article::with_body(&title, "");
        article.labels = article.labels.with_tags(vec![tag.as_str().into()]);
        let folded = format!(
            "{}\n{}",
            crate::search::fold(&article.title),
            crate::search::fold(article.tags()[0].as_str())
        );
        let chars: Vec<char> = folded.chars().collect();
        proptest::prop_assume!(!chars.is_empty());
        let from = from % chars.len();
        let cut: String = chars[from..(from + len).min(chars.len())].iter().collect();
        let term = crate::search::fold(cut.trim());
        proptest::prop_assume!(!term.is_empty() && !term.contains('\n'));
        let terms = [term.as_str(), "港"];
        let filter = RawFilter::new(&terms);
        let rest = with_terms_not_in_metadata(&article, &terms, &filter, <[usize]>::to_vec);
        let expected: Vec<usize> = (0..terms.len())
            .filter(|&t| !folded.contains(terms[t]))
            .collect();
        proptest::prop_assert_eq!(rest, expected, "title {:?} tag {:?}", title, tag);
    }
}

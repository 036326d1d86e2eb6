use super::*;

fn visible(body: &str) -> String {
    let mut out = String::new();
    visible_text(body, &mut |piece| out.push_str(piece));
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn html_tags_and_attributes_go() {
    assert_eq!(
        visible("<p class=\"lead\">中國<b>推動</b>訪韓</p><p>下段</p>"),
        "中國推動訪韓 下段"
    );
    assert_eq!(
        visible("<a href='https://x.example/習近平'>連結</a>"),
        "連結"
    );
    assert_eq!(visible("a<br>b<br/>c"), "a b c");
}

#[test]
fn comments_scripts_and_styles_go() {
    assert_eq!(visible("<!--1605174977000-->正文<!-- never closed"), "正文");
    assert_eq!(visible("前<script>var 秘密 = '<p>';</script>後"), "前 後");
    assert_eq!(visible("<style>p { color: red }</STYLE>文"), "文");
}

#[test]
fn image_alt_stays_source_goes() {
    assert_eq!(
        visible(
            "<figure>\n<img src=\"https://web.example/im_/金正恩.jpg\" alt=\"會晤 &amp; 傾談\">\n<figcaption>大連</figcaption>\n</figure>"
        ),
        "會晤 & 傾談 大連"
    );
    assert_eq!(
        visible("![圖說](https://img.example/a.jpg \"標題\") 後文"),
        "圖說 後文"
    );
}

#[test]
fn markdown_links_keep_only_their_text() {
    assert_eq!(
        visible("見[北京外交消息](https://www.cna.example/news/1.aspx)報導"),
        "見北京外交消息報導"
    );
    assert_eq!(visible("[![相片](/web/im_/a.jpg)](/web/page)"), "相片");
    assert_eq!(visible("[參考][1]\n\n[1]: https://example.org/ref"), "參考");
    assert_eq!(
        visible("[not a link] and [brackets]"),
        "[not a link] and [brackets]"
    );
}

#[test]
fn bare_urls_go() {
    assert_eq!(
        visible("詳見https://www.hkcnews.example/article/12012/%E9%87%91 全文"),
        "詳見 全文"
    );
    assert_eq!(visible("see HTTP://EXAMPLE.COM/x."), "see");
    assert_eq!(
        visible("the hash and http-like words stay"),
        "the hash and http-like words stay"
    );
}

#[test]
fn markdown_syntax_goes() {
    assert_eq!(
        visible("# 相隔一月\n\n**習近平**與`金正恩`"),
        "相隔一月 習近平與金正恩"
    );
    assert_eq!(
        visible("> 引文\n> > 再引\n- 一\n* 二\n1. 三"),
        "引文 再引 一 二 1. 三"
    );
    assert_eq!(visible("段落\n\n---\n訂閱"), "段落 訂閱");
    assert_eq!(visible("| 甲 | 乙 |\n|---|:--:|\n| 1 | 2 |"), "甲 乙 1 2");
    assert_eq!(visible("~~刪除~~ \\*星號\\*"), "刪除 *星號*");
}

#[test]
fn entities_decode() {
    assert_eq!(
        visible("A&amp;B&nbsp;C &#20013;&#x6587; &bogus; &"),
        "A&B C 中文 &bogus; &"
    );
}

#[test]
fn hostile_input_does_not_panic() {
    for body in [
        "<",
        "&",
        "[",
        "![",
        "](",
        "<a href=\"",
        "[a](",
        "\\",
        "h",
        "<!--",
        "<script>",
        "&#;",
        "&#x;",
        "[[[[[[[[[[]]]]]]]]]](x)",
    ] {
        let _ = visible(body);
    }
    let long = "[".repeat(5000) + &"]".repeat(5000);
    let _ = visible(&long);
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn any_markup_soup_strips_without_panicking(
            parts in proptest::collection::vec(
                prop::sample::select(vec![
                    "<", ">", "</", "<p>", "<img alt=\"", "\"", "'", "&", "&amp;", "&#", ";", "[", "]",
                    "](", "(", ")", "![", "!", "*", "`", "~~", "|", "\\", "\n", "# ", "> ", "- ",
                    "---", "<!--", "-->", "<script>", "</script>", "http://", "https://a.b/c",
                    "習近平", "ｶﾞ", "a", " ", "\u{200B}", "é",
                ]),
                0..60,
            )
        ) {
            let body: String = parts.concat();
            let text = visible(&body);
            prop_assert!(!text.contains("https://a.b/c"));
        }

        #[test]
        fn plain_text_passes_through(text in "[a-z0-9習近平香港，。 ]{0,60}") {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(visible(&text), expected);
        }
    }
}

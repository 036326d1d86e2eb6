//! `inkstone list --search` and `--sort`, run as a user would, over fixture
//! articles written for these tests.

use std::path::PathBuf;
use std::process::Command;

mod common;

fn fixtures() -> PathBuf {
    common::archive::fixtures("search")
}

/// Titles printed by `inkstone list --json <extra args> <fixtures>`.
fn titles(extra: &[&str]) -> Vec<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_inkstone"))
        .arg("list")
        .arg("--json")
        .args(extra)
        .arg(fixtures())
        .output()
        .expect("run inkstone");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("utf-8 output")
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            value["title"].as_str().expect("a title").to_owned()
        })
        .collect()
}

fn searched(query: &str) -> Vec<String> {
    titles(&["--search", query])
}

const TRADITIONAL: &str = "立法會三讀通過條例　習近平會見特首";
const SIMPLIFIED: &str = "台湾选举结果出炉　两岸关系受关注";
const FULLWIDTH: &str = "ＡＰＰ２０２１ 新版發布：支援ｶﾀｶﾅ輸入";
const HALFWIDTH: &str = "Release notes for app2021, version XYZ789";
const JEKYLL: &str = "北京外交消息：中國推動領導人訪問鄰國";

#[test]
fn simplified_query_finds_traditional_articles() {
    assert_eq!(searched("习近平"), [TRADITIONAL, JEKYLL]);
    assert_eq!(searched("立法会"), [TRADITIONAL]);
}

#[test]
fn traditional_query_finds_simplified_articles() {
    assert_eq!(searched("兩岸關係"), [SIMPLIFIED]);
    assert_eq!(searched("選舉"), [SIMPLIFIED]);
}

#[test]
fn taiwan_in_every_spelling_meets() {
    for spelling in ["台湾", "臺灣", "台灣"] {
        assert_eq!(searched(spelling), [TRADITIONAL, SIMPLIFIED], "{spelling}");
    }
}

#[test]
fn fullwidth_and_halfwidth_meet() {
    assert_eq!(searched("abc123"), [FULLWIDTH]);
    assert_eq!(searched("ＸＹＺ７８９"), [HALFWIDTH]);
    assert_eq!(searched("APP2021"), [HALFWIDTH, FULLWIDTH]);
    assert_eq!(searched("カタカナ"), [HALFWIDTH, FULLWIDTH]);
}

#[test]
fn words_must_all_match_and_phrases_as_written() {
    assert_eq!(searched("國家 安全"), [TRADITIONAL, SIMPLIFIED]);
    assert_eq!(searched("國家 北京 特首"), [TRADITIONAL]);
    assert_eq!(searched("\"hong kong team\""), [HALFWIDTH]);
    assert_eq!(searched("\"kong hong team\""), Vec::<String>::new());
}

#[test]
fn markup_and_urls_are_not_searched() {
    for query in [
        "waterfall",
        "moonlight",
        "hiddenlinktarget",
        "hidden-bareword",
        "figcaption",
        "insert",
    ] {
        assert_eq!(searched(query), Vec::<String>::new(), "{query}");
    }
    // Text split by inline tags still reads as one word; captions count.
    assert_eq!(searched("国家主席习近平"), [TRADITIONAL, JEKYLL]);
    assert_eq!(searched("测试图片说明"), [TRADITIONAL]);
}

#[test]
fn search_combines_with_tags_and_empty_search_lists_all() {
    // `--tag` folds like search (issue 11): `tech` is also the `ｔｅｃｈ` tag.
    assert_eq!(
        titles(&["--tag", "tech", "--search", "app2021"]),
        [HALFWIDTH, FULLWIDTH]
    );
    assert_eq!(
        titles(&["--tag", "tech", "--search", "XYZ789"]),
        [HALFWIDTH]
    );
    assert_eq!(searched("").len(), 5);
}

#[test]
fn sort_orders() {
    let newest = [HALFWIDTH, FULLWIDTH, TRADITIONAL, JEKYLL, SIMPLIFIED];
    assert_eq!(titles(&["--sort", "newest"]), newest);
    assert_eq!(titles(&[]), newest);
    let mut oldest = newest;
    oldest.reverse();
    assert_eq!(titles(&["--sort", "oldest"]), oldest);
    assert_eq!(
        titles(&["--sort", "title", "--search", "app2021"]),
        [FULLWIDTH, HALFWIDTH]
    );
    let by_source = titles(&["--sort", "source"]);
    assert_eq!(by_source.first().map(String::as_str), Some(JEKYLL));
}

/// A warm `list --search` takes the size and time of the files it reads as
/// it opens them, and looks at the others after: a file edited in place
/// (its folder keeps its time) is searched as it is now, whether the
/// search read its body (the word only there) or not (the word in its
/// cached title).
#[test]
fn search_follows_files_edited_in_place() {
    use common::archive::age;
    use common::home::{Home, stdout};
    use std::time::Duration;
    let home = Home::new();
    let folder = home.path("news/2020");
    std::fs::create_dir_all(&folder).unwrap();
    let write = |name: &str, title: &str, body: &str| {
        let text = format!("---\ntitle: {title}\ndate: 2020-05-01\n---\n\n{body}\n");
        std::fs::write(folder.join(name), text).unwrap();
        age(&folder.join(name), Duration::from_secs(30));
    };
    write("a.md", "Alpha", "正文。");
    write("b.md", "Beta 鯨魚", "正文。");
    write("c.md", "Gamma", "正文。");
    age(&home.path("news"), Duration::from_secs(60));
    let root = home.path("news");
    let root = root.to_str().unwrap();
    let found = |word: &str| -> Vec<String> {
        let output = home.run(&["list", "--search", word, root]);
        assert!(output.status.success());
        let mut titles: Vec<String> = ["Alpha", "Beta", "Gamma"]
            .iter()
            .filter(|t| stdout(&output).contains(*t))
            .map(|t| (*t).to_owned())
            .collect();
        titles.sort();
        titles
    };
    assert!(home.run(&["list", root]).status.success(), "cache written");
    assert_eq!(found("鯨魚"), ["Beta"]);
    write("a.md", "Alpha", "正文有鯨魚。");
    assert_eq!(found("鯨魚"), ["Alpha", "Beta"], "read, and changed");
    write("b.md", "Beta", "正文。");
    assert_eq!(found("鯨魚"), ["Alpha"], "not read, and changed");
    assert_eq!(found("鯨魚"), ["Alpha"]);
    assert_eq!(found("正文"), ["Alpha", "Beta", "Gamma"]);
}

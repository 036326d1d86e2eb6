use super::*;
use crate::article::{BodyFormat, BodySource, KnownAddresses, KnownLinks, Urls};
use crate::cache::{WriteInput, write};
use crate::problem::Severity;
use chrono::NaiveDate;
use chrono::NaiveDateTime;
use std::fs;

fn article(path: &Path, title: &str) -> Article {
    Article {
        id: format!("id:{title}").into(),
        path: path.into(),
        title: title.into(),
        date: NaiveDate::from_ymd_opt(2019, 6, 12),
        datetime: None,
        updated: NaiveDateTime::parse_from_str("2019-06-13 08:09:10", "%Y-%m-%d %H:%M:%S").ok(),
        labels: crate::article::LabelLists::new(
            vec!["記者".into()],
            vec!["眾聞".into()],
            vec!["a".into(), "b".into()],
        ),
        urls: Urls::new(Some("https://example.org/1"), None),
        aliases: crate::article::Aliases::default(),
        links: KnownLinks::default(),
        addresses: KnownAddresses::default(),
        draft: false,
        format: BodyFormat::Markdown,
        body_hash: None,
        body: BodySource::File {
            path: path.into(),
            offset: 123,
            encoding: None,
        },
    }
}

/// An article whose other addresses and link targets are known (the
/// other fixture article has none known: both must come back as they were).
fn with_links(article: Article) -> Article {
    let links = KnownLinks::default();
    let _ = links.set(Box::from("example.org/2\n\t/lib/a/1.md"));
    let addresses = KnownAddresses::default();
    let _ = addresses.set(Box::from([crate::article::AddressKey {
        key: 3,
        host: u64::MAX,
        id: 1 << 33,
    }]));
    Article {
        aliases: vec!["https://example.org/from/2".into()].into(),
        links,
        addresses,
        ..article
    }
}

fn old_key(size: u64) -> FileKey {
    FileKey {
        size,
        mtime: Stamp(1_500_000_000, 7),
    }
}

struct Fixture {
    roots: Vec<PathBuf>,
    dirs: HashMap<PathBuf, Stamp>,
    keys: Vec<(Arc<Path>, FileKey)>,
    articles: Vec<Article>,
    problems: Vec<Problem>,
}

impl Fixture {
    fn new() -> Fixture {
        let a = PathBuf::from("/lib/a/1.md");
        let b = PathBuf::from("/lib/b/2.md");
        let bad = PathBuf::from("/lib/b/bad.md");
        Fixture {
            roots: vec![PathBuf::from("/lib")],
            dirs: [("/lib", 1), ("/lib/a", 2), ("/lib/b", 3)]
                .into_iter()
                .map(|(d, t)| (PathBuf::from(d), Stamp(1_400_000_000 + t, 0)))
                .collect(),
            keys: vec![
                (a.as_path().into(), old_key(10)),
                (b.as_path().into(), old_key(20)),
                (bad.as_path().into(), old_key(30)),
            ],
            articles: vec![with_links(article(&b, "二")), article(&a, "一")],
            problems: vec![
                Problem {
                    path: bad,
                    severity: Severity::Error,
                    reason: "no front matter".into(),
                },
                Problem {
                    path: a,
                    severity: Severity::Warning,
                    reason: "odd title".into(),
                },
            ],
        }
    }

    fn write(&self, file: &Path) {
        let input = WriteInput {
            roots: &self.roots,
            dirs: &self.dirs,
            keys: &self.keys,
            articles: &self.articles,
            problems: &self.problems,
        };
        write(file, &input).unwrap();
    }
}

#[test]
fn round_trips_articles_problems_and_order() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.bin");
    let fx = Fixture::new();
    fx.write(&file);
    let snap = Snapshot::read(&file, &fx.roots).unwrap();
    assert_eq!(snap.dirs, fx.dirs);
    let whole = snap.decode(&|_| false).unwrap().others;
    let articles: Vec<_> = whole.iter().filter_map(|f| f.article.clone()).collect();
    assert_eq!(
        articles, fx.articles,
        "articles come back identical, in library order"
    );
    let find = |name: &str| whole.iter().find(|f| f.path.ends_with(name)).unwrap();
    assert!(find("bad.md").article.is_none());
    assert_eq!(find("bad.md").problems, fx.problems[..1]);
    assert_eq!(find("1.md").problems, fx.problems[1..]);
    assert_eq!(find("2.md").key, old_key(20));

    let taken = snap.decode(&|p| p.starts_with("/lib/b")).unwrap();
    assert_eq!(taken.articles, fx.articles[..1]);
    assert_eq!(taken.problems, fx.problems[..1]);
    let keys: Vec<_> = taken
        .keys
        .iter()
        .map(|(p, _)| p.to_str().unwrap())
        .collect();
    assert_eq!(keys, ["/lib/b/2.md", "/lib/b/bad.md"]);
    assert_eq!(taken.others.len(), 1);
}

#[test]
fn other_roots_or_damage_read_as_none() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.bin");
    let fx = Fixture::new();
    fx.write(&file);
    assert!(Snapshot::read(&file, &[PathBuf::from("/other")]).is_none());
    let bytes = fs::read(&file).unwrap();
    fs::write(&file, &bytes[..bytes.len() / 2]).unwrap();
    assert!(Snapshot::read(&file, &fx.roots).is_none());
    assert!(Snapshot::read(&dir.path().join("none.bin"), &fx.roots).is_none());
}

#[test]
fn recent_files_are_left_out_and_their_folder_untrusted() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.bin");
    let mut fx = Fixture::new();
    fx.keys[0] = (
        Path::new("/lib/a/1.md").into(),
        FileKey {
            size: 10,
            mtime: Stamp::now(),
        },
    );
    fx.write(&file);
    let snap = Snapshot::read(&file, &fx.roots).unwrap();
    let whole = snap.decode(&|_| false).unwrap().others;
    assert!(!whole.iter().any(|f| f.path.ends_with("1.md")));
    assert_eq!(
        snap.dirs[Path::new("/lib/a")],
        Stamp::UNTRUSTED,
        "its folder must be listed again"
    );
    assert_eq!(snap.dirs[Path::new("/lib/b")], fx.dirs[Path::new("/lib/b")]);
}

#[test]
fn decoded_label_lists_hold_no_spare_room() {
    // At a million articles, spare room in three lists an article was
    // ~100 MB of the reader's memory.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.bin");
    let mut fx = Fixture::new();
    fx.articles[1].labels = fx.articles[1]
        .labels
        .with_tags(["一", "二", "三", "四", "五"].map(Into::into).to_vec());
    fx.write(&file);
    let snap = Snapshot::read(&file, &fx.roots).unwrap();
    let taken = snap.decode(&|_| true).unwrap().articles;
    assert_eq!(taken.len(), 2);
    // The lists are one boxed slice an article (`LabelLists`): no spare
    // room by construction.
    assert_eq!(taken.iter().map(|a| a.tags().len()).sum::<usize>(), 7);
}

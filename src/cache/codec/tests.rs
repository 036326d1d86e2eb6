use super::view::View;
use super::*;

fn record(path: &str) -> FileRecord<&str> {
    let url = "https://archive.example/web/1/https://news.example/a";
    FileRecord {
        path,
        size: 10,
        mtime: Stamp(7, 8),
        article: Some(ArticleRecord {
            url: Some(url),
            id: url,
            original_url: Some("https://news.example/a"),
            title: "標題",
            date: Some(737_000),
            datetime: Some((Stamp(1_700_000_000, 5), 8 * 3600)),
            updated: None,
            authors: vec!["記者"],
            categories: vec![],
            tags: vec!["香港", "b"],
            draft: true,
            body_offset: 42,
            encoding: Some("Big5"),
            body_hash: Some(0x0123_4567_89ab_cdef),
            aliases: vec!["https://news.example/from"],
            links: Some("news.example/b\n\tarc/c.md"),
            addresses: Some(vec![AddressKey {
                key: u64::MAX,
                host: 1 << 40 | 7,
                id: 0,
            }]),
        }),
        problems: vec![ProblemRecord {
            error: false,
            reason: "odd",
        }],
    }
}

fn meta() -> Meta<&'static str> {
    Meta {
        build: Stamp(1, 2),
        roots: vec!["/a"],
        written_at: Stamp(3, 4),
        dirs: vec![DirRecord {
            path: "/a",
            mtime: Stamp(5, 6),
        }],
    }
}

/// `bytes` written to a file and opened by `open_file`.
fn open_with(bytes: &[u8], open_file: fn(&std::path::Path) -> Option<View>) -> Option<View> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.bin");
    std::fs::write(&file, bytes).unwrap();
    open_file(&file)
}

fn open(bytes: &[u8]) -> Option<View> {
    open_with(bytes, View::open)
}

#[test]
fn round_trips_in_place() {
    let files: Vec<_> = (0..3).map(|_| record("/a/x.md")).collect();
    let bytes = encode(&meta(), &files).unwrap();
    let view = open(&bytes).unwrap();
    assert_eq!(
        (view.build(), view.written_at()),
        (Stamp(1, 2), Stamp(3, 4))
    );
    assert_eq!(view.roots().unwrap(), ["/a"]);
    assert_eq!(view.dirs().unwrap(), [("/a", Stamp(5, 6))]);
    assert_eq!(view.file_count(), 3);
    let f = view.file(2).unwrap();
    assert_eq!(f.path().unwrap(), ("/a/", "x.md"));
    assert_eq!((f.size(), f.mtime()), (Some(10), Some(Stamp(7, 8))));
    assert_eq!(f.title(), Some("標題"));
    assert_eq!(f.id(), f.url().unwrap());
    assert_eq!(f.original_url(), Ok(Some("https://news.example/a")));
    assert_eq!((f.date(), f.updated()), (Some(737_000), None));
    assert_eq!(f.datetime(), Some((Stamp(1_700_000_000, 5), 8 * 3600)));
    assert!(f.draft());
    assert_eq!(f.encoding(), Ok(Some("Big5")));
    assert_eq!(f.body_hash(), Some(0x0123_4567_89ab_cdef));
    assert_eq!(f.tags().unwrap(), ["香港", "b"]);
    assert_eq!(f.authors().unwrap(), ["記者"]);
    assert!(f.categories().unwrap().is_empty());
    assert_eq!(f.problems().unwrap(), [(false, "odd")]);
    assert_eq!(f.error_count(), Some(0), "a warning is no error");
    assert_eq!(f.body_offset(), Some(42));
    assert_eq!(f.aliases().unwrap(), ["https://news.example/from"]);
    assert_eq!(f.links(), Ok(Some("news.example/b\n\tarc/c.md")));
    assert_eq!(
        f.addresses(),
        Ok(Some(vec![AddressKey {
            key: u64::MAX,
            host: 1 << 40 | 7,
            id: 0,
        }]))
    );
    assert!(view.file(3).is_none());
}

#[test]
fn shared_strings_are_stored_once() {
    let one = encode(&meta(), &[record("/a/x.md")]).unwrap();
    let many: Vec<_> = (0..100).map(|_| record("/a/x.md")).collect();
    let hundred = encode(&meta(), &many).unwrap();
    let per_file = (hundred.len() - one.len()) / 99;
    // The fixed record, the title and the url, and the list words (three
    // strings of two words, one problem of three, one address of six) and
    // the link targets; the tags, author, alias, name, folder and problem
    // text are not repeated.
    let url = "https://archive.example/web/1/https://news.example/a";
    let links = "news.example/b\n\tarc/c.md";
    let expected = RECORD_LEN + "標題".len() + url.len() + links.len() + 4 * 8 + 12 + 24;
    // (The encoding's name is interned too.)
    assert!(per_file <= expected + 1, "{per_file} bytes a file");
}

#[test]
fn a_path_without_a_file_name_comes_back_whole() {
    let bytes = encode(&meta(), &[record("x.md"), record("/")]).unwrap();
    let view = open(&bytes).unwrap();
    assert_eq!(view.file(0).unwrap().path().unwrap(), ("", "x.md"));
    assert_eq!(view.file(1).unwrap().path().unwrap(), ("/", ""));
}

#[test]
fn any_damage_reads_as_no_cache() {
    let good = encode(&meta(), &[record("/a/x.md"), record("/a/y.md")]).unwrap();
    assert!(open(&good).is_some());
    assert!(open(&good[..good.len() - 1]).is_none(), "truncated");
    assert!(open(&good[..10]).is_none(), "truncated header");
    assert!(open(b"").is_none(), "empty");
    let mut longer = good.clone();
    longer.extend_from_slice(&[0; 8]);
    assert!(open(&longer).is_none(), "trailing bytes");
    for at in [20, 60, HEADER_LEN + 3, good.len() - 9] {
        let mut flipped = good.clone();
        flipped[at] ^= 0x40;
        assert!(open(&flipped).is_none(), "bit flip at {at}");
    }
    let mut foreign = good.clone();
    foreign[..8].copy_from_slice(b"NOTMINE!");
    assert!(open(&foreign).is_none(), "foreign");
    let mut newer = good;
    newer[8] = 99;
    assert!(open(&newer).is_none(), "other format");
}

fn open_checking_as_read(bytes: &[u8]) -> Option<View> {
    open_with(bytes, View::open_checking_as_read)
}

#[test]
fn a_reader_of_the_records_finds_damage_where_it_reads() {
    // A title three blocks long: the strings then span several blocks.
    let long = "題".repeat(CHECK_BLOCK);
    let mut files = vec![record("/a/x.md"), record("/a/y.md")];
    files[1].article.as_mut().unwrap().title = &long;
    let good = encode(&meta(), &files).unwrap();
    let intact = open_checking_as_read(&good).unwrap();
    assert_eq!(intact.file(1).unwrap().title(), Some(long.as_str()));

    let title_at = good.windows(12).position(|w| w == "題題題題".as_bytes());
    let mut flipped = good.clone();
    // In a block that holds nothing but the long title.
    flipped[title_at.unwrap() + 2 * CHECK_BLOCK - 6] ^= 0x40;
    assert!(open(&flipped).is_none(), "the whole file is checked");
    let view = open_checking_as_read(&flipped).expect("records intact");
    let (x, y) = (view.file(0).unwrap(), view.file(1).unwrap());
    assert_eq!(y.path(), Some(("/a/", "y.md")));
    assert_eq!((y.size(), y.mtime()), (Some(10), Some(Stamp(7, 8))));
    assert_eq!(y.tags(), Some(vec!["香港", "b"]));
    assert_eq!(x.title(), Some("標題"));
    assert_eq!(y.title(), None, "a damaged block reads as missing");
    assert_eq!(y.title(), None, "and again");

    for at in [
        HEADER_LEN + 3,
        HEADER_LEN + RECORD_LEN + at::SIZE,
        good.len() - 5,
    ] {
        let mut flipped = good.clone();
        flipped[at] ^= 0x40;
        assert!(
            open_checking_as_read(&flipped).is_none(),
            "bit flip at {at}"
        );
    }
}

/// Every field of record `i`, as read.
fn fields(view: &View, i: usize) -> String {
    let f = view.file(i).unwrap();
    format!(
        "{:?}",
        (
            (f.path(), f.size(), f.mtime(), f.has_article(), f.title()),
            (f.url(), f.id(), f.original_url(), f.date(), f.datetime()),
            (f.draft(), f.body_hash(), f.encoding(), f.updated()),
            (f.body_offset(), f.tags(), f.categories(), f.authors()),
            (f.aliases(), f.links(), f.addresses(), f.problems()),
        )
    )
}

#[test]
fn a_part_encoded_apart_reads_as_if_encoded_in_turn() {
    let mut own_id = record("/b/y.md");
    if let Some(a) = &mut own_id.article {
        a.id = "y";
        a.original_url = Some("https://elsewhere.example/y");
        a.categories = vec!["來源"];
        a.links = None;
    }
    let mut no_article = record("/b/z.html");
    no_article.article = None;
    no_article.problems.push(ProblemRecord {
        error: true,
        reason: "broken",
    });
    let files = [record("/a/x.md"), own_id, no_article, record("/a/w.md")];
    let whole = encode(&meta(), &files).unwrap();
    let mut encoder = Encoder::new(std::io::Cursor::new(Vec::new()), files.len()).unwrap();
    encoder.file(&files[0]).unwrap();
    let mut part = Part::new(3);
    for file in &files[1..] {
        part.file(file).unwrap();
    }
    encoder.append(part).unwrap();
    let parted = encoder.finish(&meta()).unwrap().into_inner();
    let (whole, parted) = (open(&whole).unwrap(), open(&parted).unwrap());
    assert_eq!(parted.file_count(), 4);
    for i in 0..4 {
        assert_eq!(fields(&parted, i), fields(&whole, i), "record {i}");
    }
    assert_eq!(parted.dirs(), whole.dirs());
    assert_eq!(parted.roots(), whole.roots());
}

use std::path::Path;

use chrono::NaiveDate;

use super::*;
use crate::article::BodySource;
use crate::library::{Duplicates, Library};

fn article(title: &str, day: u32, hash: Option<u64>) -> Article {
    Article {
        date: NaiveDate::from_ymd_opt(2022, 1, day),
        body_hash: hash,
        ..Article::with_body(title, "")
    }
}

#[test]
fn bodies_whose_samples_differ_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str| Article {
        body: BodySource::File {
            path: dir.path().join(name).into(),
            offset: 0,
            encoding: None,
        },
        ..article("告別", 3, None)
    };
    for (name, body) in [("a.md", "同一"), ("b.md", "同一"), ("c.md", "另一")] {
        std::fs::write(dir.path().join(name), body).unwrap();
    }
    // d.md does not exist: were it read, it would still have no hash.
    let mut articles = [file("a.md"), file("b.md"), file("c.md"), file("d.md")];
    let samples = [Some(1), Some(1), Some(2), Some(3)];
    hash_colliding_sampled(&mut articles, &samples);
    let hashes: Vec<Option<u64>> = articles.iter().map(|a| a.body_hash).collect();
    assert!(hashes[0].is_some());
    assert_eq!(hashes[0], hashes[1]);
    // Alone with its sample: never read.
    assert_eq!(hashes[2], None);
    // One sample not known: the whole title and date is read.
    let mut articles = [file("a.md"), file("c.md")];
    hash_colliding_sampled(&mut articles, &[Some(1), None]);
    assert!(articles.iter().all(|a| a.body_hash.is_some()));
}

#[test]
fn only_groups_with_a_new_article_are_read_after_a_cached_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, "同一").unwrap();
    let body = || BodySource::File {
        path: path.as_path().into(),
        offset: 0,
        encoding: None,
    };
    let with_body = |a: Article| Article { body: body(), ..a };
    let mut articles = [
        // Two old ones told apart by their samples at their load.
        with_body(article("舊", 3, None)),
        with_body(article("舊", 3, None)),
        // An old one and a new one of one title and date.
        with_body(article("新", 4, None)),
        with_body(article("新", 4, None)),
    ];
    hash_new_collisions(&mut articles, 3);
    let hashed: Vec<bool> = articles.iter().map(|a| a.body_hash.is_some()).collect();
    assert_eq!(hashed, [false, false, true, true]);
}

#[test]
fn a_sample_is_met_before_with_the_same_title_date_and_time() {
    let seen = SeenSamples::default();
    assert!(!seen.met_before(&article("告別", 3, None), 7));
    assert!(seen.met_before(&article("告別", 3, None), 7));
    assert!(!seen.met_before(&article("告別", 3, None), 8));
    assert!(!seen.met_before(&article("告別", 4, None), 7));
    assert!(!seen.met_before(&article("再見", 3, None), 7));
}

#[test]
fn equal_bodies_have_equal_samples() {
    let body = "正文".repeat(2_000);
    let long = body.as_bytes();
    let len = long.len() as u64;
    assert_eq!(sample(len, long), sample(len, &long[..SAMPLE_BYTES]));
    assert_ne!(sample(len, long), sample(len + 1, long));
    let mut other = long.to_vec();
    other[10] = b'x';
    assert_ne!(sample(len, long), sample(len, &other));
    // Past the sample, only the length tells.
    other = long.to_vec();
    other[SAMPLE_BYTES + 10] = b'x';
    assert_eq!(sample(len, long), sample(len, &other));
}

/// Copies whose front matter differs in length (so one's sample goes
/// past its first read), a body that differs only past its sample, and
/// one of the same length that differs early: read from disk, only the
/// true copies are one group.
#[test]
fn a_load_finds_copies_past_the_first_read() {
    let dir = tempfile::tempdir().unwrap();
    let body = "香港新聞。".repeat(400); // 6,000 bytes
    let mut late = body.clone().into_bytes();
    late[5_000] = b'x';
    let mut early = body.clone().into_bytes();
    early[100] = b'x';
    let front = |url: &str| format!("---\ntitle: 告別\ndate: 2022-01-03\nurl: {url}\n---\n");
    let files: [(&str, String, Vec<u8>); 6] = [
        (
            "a.md",
            front("https://a.example/1"),
            body.clone().into_bytes(),
        ),
        (
            "b.md",
            front(&format!("https://b.example/{}", "長".repeat(1_000))),
            body.clone().into_bytes(),
        ),
        ("c.md", front("https://c.example/1"), late),
        ("d.md", front("https://d.example/1"), early),
        ("e.md", front("https://e.example/1"), "短".into()),
        // A third copy: read whole at its first read, or hashed after.
        (
            "f.md",
            front("https://f.example/1"),
            body.clone().into_bytes(),
        ),
    ];
    for (name, front, body) in &files {
        let mut text = front.clone().into_bytes();
        text.extend(body);
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let library = Library::open(&[dir.path().to_path_buf()]);
    let name = |i: usize| library.articles[i].path.file_name().unwrap().to_owned();
    let at = |n: &str| {
        (0..library.articles.len())
            .find(|&i| name(i) == Path::new(n))
            .unwrap()
    };
    let d = Duplicates::find(&library.articles);
    let mut copies = [at("a.md"), at("b.md"), at("f.md")].map(|i| i as u32);
    copies.sort_unstable();
    assert_eq!(d.copies_of(copies[0] as usize), &copies[1..]);
    assert_eq!(d.copy_count(), 2);
    // Hashed: the copies, and the one that differs only past its sample.
    assert!(library.articles[at("c.md")].body_hash.is_some());
    assert_eq!(library.articles[at("d.md")].body_hash, None);
}

/// Hard links: one file under three names, and a copy that is a file
/// of its own. All four are one group; the links' bodies are hashed
/// once, the copy's from its own bytes.
#[cfg(unix)]
#[test]
fn hard_links_are_listed_as_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let body = "香港新聞。".repeat(400); // past the first read
    let text = format!("---\ntitle: 告別\ndate: 2022-01-03\n---\n{body}");
    let a = dir.path().join("a.md");
    std::fs::write(&a, text).unwrap();
    for name in ["b.md", "c.md"] {
        std::fs::hard_link(&a, dir.path().join(name)).unwrap();
    }
    std::fs::copy(&a, dir.path().join("d.md")).unwrap();
    let library = Library::open(&[dir.path().to_path_buf()]);
    assert_eq!(library.articles.len(), 4);
    let d = Duplicates::find(&library.articles);
    assert_eq!(d.copies_of(0), &[1, 2, 3]);
    assert_eq!(d.copy_count(), 3);
}

/// A file written in place after one of its paths was hashed is not
/// the same file any more: its hash is not taken for another path.
#[cfg(unix)]
#[test]
fn a_file_edited_in_place_is_read_again() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, "同一").unwrap();
    let same_file = || SameFile::of(&std::fs::metadata(&path).unwrap()).unwrap();
    let seen = SeenSamples::default();
    seen.note_hash(same_file(), 30, 42);
    assert_eq!(seen.hash_of(&same_file(), 30), Some(42));
    assert_eq!(seen.hash_of(&same_file(), 31), None);
    let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    file.write_all("另一".as_bytes()).unwrap();
    // A time apart from the first write's (a coarse clock could give both one).
    file.set_modified(std::time::SystemTime::UNIX_EPOCH)
        .unwrap();
    drop(file);
    assert_eq!(seen.hash_of(&same_file(), 30), None);
}

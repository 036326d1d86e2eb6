//! Which bodies are read and hashed to tell duplicates: only those of
//! articles whose title, date and time match another's, and, where the
//! load took a [`sample`] of both bodies, whose samples match too (in the
//! real 49k archive 31,882 articles share their title and date with
//! another, but only 2,498 also share their body's length and first
//! 2 KiB; a load reads 4 KiB of each file, like the first-4 KiB floor).

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
// foldhash, not SipHash: one lookup per article in the archive.
use foldhash::fast::RandomState;
use rayon::prelude::*;

use super::body_hash;
use crate::article::Article;

/// How many bytes of a body its sample covers: enough to tell apart most
/// bodies of one length (feed mirrors keep copies that differ only in an
/// archive time stamp a little way into the body), and within the first
/// read of nearly every file.
pub(in crate::library) const SAMPLE_BYTES: usize = 2048;

/// What is known of a body before it is read whole: a hash of its length
/// (as [`body_hash`] takes it, at most `BODY_LIMIT`) and its first
/// [`SAMPLE_BYTES`]. Equal bodies have equal samples; `start` holds at
/// least the first `SAMPLE_BYTES` of the body, or all of it.
pub(in crate::library) fn sample(len: u64, start: &[u8]) -> u64 {
    let len = len.min(crate::library::BODY_LIMIT);
    let take = start.len().min(SAMPLE_BYTES).min(len as usize);
    xxhash_rust::xxh3::xxh3_64_with_seed(&start[..take], len)
}

/// What must be equal for two articles to be duplicates, besides the body.
type Slot<'a> = (Option<NaiveDate>, Option<DateTime<FixedOffset>>, &'a str);

fn slot(a: &Article) -> Slot<'_> {
    (a.date, a.datetime, a.title.as_str())
}

/// Hashes the body of every article whose title, date and time match
/// another article's and that has no hash yet, on all cores. An article
/// whose body cannot be read keeps no hash (and is nobody's duplicate).
pub(in crate::library) fn hash_colliding(articles: &mut [Article]) {
    hash_needed(articles, &[], 0);
}

/// [`hash_colliding`] told by `samples` (one per article; `None`: not
/// known): two articles whose samples are both known and differ cannot be
/// duplicates, so neither body is read for the other.
pub(in crate::library) fn hash_colliding_sampled(
    articles: &mut [Article],
    samples: &[Option<u64>],
) {
    hash_needed(articles, samples, 0);
}

/// [`hash_colliding`] after new articles were added from `new_from` on to
/// articles whose bodies were hashed as they needed (a load through the
/// cache): only groups holding a new article are looked at, since two old
/// articles without hashes were already found to differ.
pub(in crate::library) fn hash_new_collisions(articles: &mut [Article], new_from: usize) {
    hash_needed(articles, &[], new_from);
}

/// What one title, date and time has: its members, whether one's sample
/// is not known, and whether one is new.
#[derive(Default)]
struct Group {
    count: u32,
    unknown: bool,
    new: bool,
}

fn hash_needed(articles: &mut [Article], samples: &[Option<u64>], new_from: usize) {
    let needs = needing(articles, samples, new_from);
    articles
        .par_iter_mut()
        .zip(needs)
        .filter(|(a, needs)| *needs && a.body_hash.is_none())
        .for_each_init(Vec::new, |buf, (a, _)| {
            a.body_hash = body_hash(&a.body, buf);
        });
}

/// Which articles need their body hashed (see [`hash_needed`]).
fn needing(articles: &[Article], samples: &[Option<u64>], new_from: usize) -> Vec<bool> {
    let sample = |i: usize| samples.get(i).copied().flatten();
    let mut groups: HashMap<Slot<'_>, Group, RandomState> =
        HashMap::with_capacity_and_hasher(articles.len(), RandomState::default());
    for (i, a) in articles.iter().enumerate() {
        let group = groups.entry(slot(a)).or_default();
        group.count += 1;
        group.unknown |= sample(i).is_none();
        group.new |= i >= new_from;
    }
    let open = |g: &Group| g.count > 1 && g.new;
    // Within groups whose samples are all known, how many share each one.
    let mut same: HashMap<(Slot<'_>, u64), u32, RandomState> = HashMap::default();
    for (i, a) in articles.iter().enumerate() {
        let group = &groups[&slot(a)];
        if let Some(s) = sample(i).filter(|_| open(group) && !group.unknown) {
            *same.entry((slot(a), s)).or_default() += 1;
        }
    }
    articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let group = &groups[&slot(a)];
            open(group) && (group.unknown || sample(i).is_some_and(|s| same[&(slot(a), s)] > 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
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
        let files: [(&str, String, Vec<u8>); 5] = [
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
        let (a, b) = (at("a.md"), at("b.md"));
        let (kept, copy) = (a.min(b), a.max(b));
        assert_eq!(d.copies_of(kept), [copy as u32]);
        assert_eq!(d.copy_count(), 1);
        // Hashed: the copies, and the one that differs only past its sample.
        assert!(library.articles[at("c.md")].body_hash.is_some());
        assert_eq!(library.articles[at("d.md")].body_hash, None);
    }
}

use super::*;

#[test]
fn keys_of_terms_and_texts() {
    let (keys, exact) = term_keys("港");
    assert_eq!((keys, exact), (vec![char_key('港')], true));
    let (keys, exact) = term_keys("香港");
    assert_eq!((keys, exact), (vec![pair_key('香', '港')], true));
    let (keys, exact) = term_keys("香港港");
    assert_eq!(keys.len(), 2);
    assert!(!exact);
    let mut keys = Vec::new();
    text_keys("abab", &mut keys);
    assert_eq!(keys.len(), 4);
}

mod file {
    use super::super::format::HEADER_LEN;
    use super::super::*;
    use crate::cache::{FileKey, Stamp};

    fn source(n: u64) -> DocSource {
        DocSource {
            path: std::path::Path::new(&format!("news/{n}.md")).into(),
            key: FileKey {
                size: n,
                mtime: Stamp(1_700_000_000 + i64::try_from(n).unwrap(), 7),
            },
            body_offset: 3,
        }
    }

    fn index_of(texts: &[&str]) -> Vec<u8> {
        index_by(Writer::in_memory(), texts)
    }

    fn index_by(mut writer: Writer<std::io::Cursor<Vec<u8>>>, texts: &[&str]) -> Vec<u8> {
        let mut keys = Vec::new();
        for (n, text) in (0..).zip(texts) {
            text_keys(text, &mut keys);
            writer.add(source(n), text, &keys).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    const TEXTS: [&str; 4] = [
        "香港国家安全法 实施",
        "港人 香 安全 国家",
        "hong kong police 香港",
        "",
    ];

    #[test]
    fn documents_round_trip_with_their_versions() {
        let (index, mut docs) = StoredIndex::from_bytes(index_of(&TEXTS)).unwrap();
        assert_eq!(index.doc_count(), 4);
        assert_eq!(docs.len(), 4);
        assert_eq!(docs.path(0), b"news/0.md");
        assert_eq!(docs.path(2), b"news/2.md");
        assert_eq!(docs.key(2), source(2).key);
        assert_eq!(docs.body_offset(2), 3);
        for (doc, text) in (0..).zip(TEXTS) {
            assert_eq!(index.text(doc), text);
        }
    }

    #[test]
    fn terms_are_found_as_substrings() {
        let (index, _) = StoredIndex::from_bytes(index_of(&TEXTS)).unwrap();
        assert_eq!(index.containing("香", None), [0, 1, 2]);
        assert_eq!(index.containing("香港", None), [0, 2]);
        // Both pairs are in document 1, apart: checked against the text.
        assert_eq!(index.containing("国家安全", None), [0]);
        assert_eq!(index.containing("安全国家", None), Vec::<u32>::new());
        assert_eq!(index.containing("g kong p", None), [2]);
        assert_eq!(index.containing("ong", None), [2]);
        assert_eq!(index.containing("香港", Some(&[1, 2, 3])), [2]);
        assert!(index.containing("☃", None).is_empty());
    }

    #[test]
    fn many_documents_span_batches_and_blocks() {
        let texts: Vec<String> = (0..5000).map(|n| format!("第{n}篇 {}", n % 7)).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (index, _) = StoredIndex::from_bytes(index_of(&refs)).unwrap();
        assert_eq!(index.containing("第4999篇", None), [4999]);
        assert_eq!(index.containing(" 6", None).len(), 714);
        assert_eq!(index.containing("篇", None).len(), 5000);
    }

    #[test]
    fn batches_ended_by_their_keys_make_the_same_index() {
        let texts: Vec<String> = (0..700)
            .map(|n| format!("第{n}篇 香港{} {}", n % 13, "新聞".repeat(n % 5)))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let whole = index_of(&refs);
        // A batch per few documents; one of 1 key: every document alone.
        for pairs in [40, 1] {
            assert!(index_by(Writer::in_memory_with_batches_of(pairs), &refs) == whole);
        }
        let (index, _) = StoredIndex::from_bytes(whole).unwrap();
        assert_eq!(index.containing("香港12", None).len(), 53);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_new_build_removes_what_a_gone_writer_left_and_keeps_a_live_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("search.idx");
        // No process has this number (above the kernel's limit).
        let gone = dir.path().join(".search.idx.tmp-9999999-0");
        let live = dir
            .path()
            .join(format!(".search.idx.tmp-{}-999", std::process::id()));
        let other = dir.path().join(".other.tmp-9999999-0");
        for file in [&gone, &live, &other] {
            std::fs::write(file, "partial").unwrap();
        }
        let mut writer = Writer::to_file(&path).unwrap();
        writer.add(source(0), TEXTS[0], &[]).unwrap();
        writer.commit().unwrap();
        assert!(!gone.exists());
        assert!(live.exists() && other.exists() && path.exists());
    }

    #[test]
    fn an_unnamed_file_is_read_back_and_leaves_no_name() {
        let mut writer = Writer::to_unnamed_file().unwrap();
        let mut keys = Vec::new();
        for (n, text) in (0..).zip(TEXTS) {
            text_keys(text, &mut keys);
            writer.add(source(n), text, &keys).unwrap();
        }
        let (index, docs) = StoredIndex::from_file(writer.commit().unwrap()).unwrap();
        assert_eq!(docs.len(), 4);
        assert_eq!(index.containing("国家安全", None), [0]);
        if cfg!(unix) {
            let left = std::fs::read_dir(std::env::temp_dir())
                .unwrap()
                .filter_map(Result::ok)
                .filter(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.contains(&format!("inkstone-search.tmp-{}-", std::process::id()))
                        || name.contains(&format!("inkstone-search.side-{}-", std::process::id()))
                })
                .count();
            assert_eq!(left, 0);
        }
    }

    #[test]
    fn damaged_truncated_and_foreign_files_are_refused() {
        let bytes = index_of(&TEXTS);
        assert!(StoredIndex::from_bytes(bytes[..bytes.len() - 1].to_vec()).is_none());
        assert!(StoredIndex::from_bytes(bytes[..HEADER_LEN - 1].to_vec()).is_none());
        assert!(StoredIndex::from_bytes(Vec::new()).is_none());
        let mut foreign = bytes.clone();
        foreign[0] = b'X';
        assert!(StoredIndex::from_bytes(foreign).is_none());
        // A damaged path (a table read at opening) fails the checksum.
        let mut damaged = bytes.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        assert!(StoredIndex::from_bytes(damaged).is_none());
        // Damaged text or lists give wrong answers, never a panic.
        for at in (HEADER_LEN..bytes.len()).step_by(3) {
            let mut damaged = bytes.clone();
            damaged[at] = damaged[at].wrapping_add(0x55);
            if let Some((index, _)) = StoredIndex::from_bytes(damaged) {
                let _ = index.containing("国家安全", None);
                let _ = index.containing("港", None);
                let _ = index.text(0);
            }
        }
    }

    #[test]
    fn a_file_is_written_atomically_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache/search.idx");
        let mut writer = Writer::to_file(&path).unwrap();
        let mut keys = Vec::new();
        for (n, text) in (0..).zip(TEXTS) {
            text_keys(text, &mut keys);
            writer.add(source(n), text, &keys).unwrap();
        }
        writer.commit().unwrap();
        let (index, docs) = StoredIndex::open(&path).unwrap();
        assert_eq!(docs.len(), 4);
        assert_eq!(index.containing("国家安全", None), [0]);
        // No temporary file is left beside it.
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap()).unwrap().collect();
        assert_eq!(names.len(), 1);
        // A folder is not an index.
        assert!(StoredIndex::open(dir.path()).is_none());
    }
}

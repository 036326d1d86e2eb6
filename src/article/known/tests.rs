use std::io::Write;
use std::sync::Arc;

use mapped::Mapped;

use super::{KnownAddresses, KnownLinks, decode_keys, encode_key};
use crate::article::AddressKey;

/// `bytes` in a file of their own, mapped.
fn mapped(name: &str, bytes: &[u8]) -> Arc<Mapped> {
    let dir = std::env::temp_dir().join(format!("known-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("f");
    std::fs::File::create(&path)
        .unwrap()
        .write_all(bytes)
        .unwrap();
    let map = Mapped::map(&std::fs::File::open(&path).unwrap()).unwrap();
    let _ = std::fs::remove_dir_all(dir);
    Arc::new(map)
}

#[test]
fn links_read_in_place_equal_owned_ones_and_are_set_once() {
    let file = mapped("links", b"..a.example/1\n\tb.md\xff");
    let links = KnownLinks::in_place(&file, 2..19);
    assert!(links.is_known());
    assert_eq!(links.get(), Some("a.example/1\n\tb.md"));
    assert_eq!(links, KnownLinks::owned("a.example/1\n\tb.md".into()));
    assert_eq!(links.clone().get(), links.get());
    assert!(links.set("other".into()).is_err());
    links.release_pages();
    assert_eq!(links.get(), Some("a.example/1\n\tb.md"), "read again");
    // Not UTF-8: no targets; past the end: copied out as none.
    assert_eq!(KnownLinks::in_place(&file, 2..20).get(), None);
    assert_eq!(KnownLinks::in_place(&file, 2..99).get(), None);
    let unknown = KnownLinks::default();
    assert!(!unknown.is_known());
    assert!(unknown.set("x".into()).is_ok());
    assert_eq!(unknown.get(), Some("x"));
}

#[test]
fn address_keys_read_in_place_as_written() {
    let keys = [
        AddressKey {
            key: 1,
            host: u64::MAX,
            id: 3 << 40,
        },
        AddressKey {
            key: 7,
            host: 8,
            id: 0,
        },
    ];
    let mut bytes = vec![0u8; 8];
    for k in &keys {
        bytes.extend_from_slice(&encode_key(k));
    }
    assert_eq!(decode_keys(&bytes[8..]).collect::<Vec<_>>(), keys);
    let file = mapped("keys", &bytes);
    let stored = KnownAddresses::in_place(&file, 8..bytes.len());
    assert_eq!(stored.get().as_deref(), Some(&keys[..]));
    assert_eq!(stored.count(), Some(2));
    assert_eq!(stored, KnownAddresses::owned(keys.into()));
    assert!(stored.set(Box::default()).is_err());
    assert_eq!(
        KnownAddresses::in_place(&file, 8..8).get().map(|k| k.len()),
        Some(0)
    );
    assert!(!KnownAddresses::default().is_known());
}

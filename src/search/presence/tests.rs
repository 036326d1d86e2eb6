use super::*;

fn articles(presence: &CharPresence, key: Key) -> Vec<usize> {
    presence.articles_with(key).iter().collect()
}

fn record_text(builder: &mut PresenceBuilder, article: usize, text: &str) {
    builder.start_article(article);
    let mut out = String::new();
    let mut sink = RecordingSink::new(&mut out, builder);
    text.chars().for_each(|c| sink.push(c, 0..0));
}

#[test]
fn records_each_character_per_article() {
    let mut builder = PresenceBuilder::default();
    for (i, text) in ["香港", "港口", "𠮷"].iter().enumerate() {
        record_text(&mut builder, i, text);
    }
    let presence = builder.take();
    assert_eq!(articles(&presence, Key::char('港')), [0, 1]);
    assert_eq!(articles(&presence, Key::char('香')), [0]);
    assert_eq!(articles(&presence, Key::char('𠮷')), [2]);
    assert!(articles(&presence, Key::char('x')).is_empty());
    // The builder starts clean for the next chunk.
    record_text(&mut builder, 0, "口");
    assert!(articles(&builder.take(), Key::char('港')).is_empty());
}

#[test]
fn records_adjacent_ascii_pairs() {
    let mut builder = PresenceBuilder::default();
    record_text(&mut builder, 0, "police");
    record_text(&mut builder, 1, "p o");
    record_text(&mut builder, 2, "香港po");
    let presence = builder.take();
    let po = Key::pair('p', 'o').unwrap();
    assert_eq!(articles(&presence, po), [0, 2]);
    assert!(articles(&presence, Key::pair('o', 'p').unwrap()).is_empty());
    assert_eq!(Key::pair('港', 'p'), None);
}

#[test]
fn sparse_and_dense_keys_both_answer() {
    let mut builder = PresenceBuilder::default();
    for i in 0..256 {
        builder.start_article(i);
        builder.record(Key::char('的'));
        if i % 100 == 0 || i == 255 {
            builder.record(Key::char('鯨'));
        }
    }
    let presence = builder.take();
    assert_eq!(articles(&presence, Key::char('的')).len(), 256);
    assert_eq!(articles(&presence, Key::char('鯨')), [0, 100, 200, 255]);
    for i in [255, 7] {
        builder.start_article(i);
        builder.record(Key::char('鯨'));
    }
    let presence = builder.take();
    assert_eq!(articles(&presence, Key::char('鯨')), [7, 255]);
    assert!(presence.dense.is_empty());
}

#[test]
fn term_keys_and_exactness() {
    let (keys, exact) = Key::of_term("po");
    assert_eq!(keys.len(), 3);
    assert!(exact);
    assert!(Key::of_term("港").1);
    assert!(!Key::of_term("香港").1);
    assert!(!Key::of_term("pol").1);
    assert!(!Key::of_term("p o").1);
    let (keys, _) = Key::of_term("aaa");
    assert_eq!(keys, [Key::char('a'), Key::pair('a', 'a').unwrap()]);
}

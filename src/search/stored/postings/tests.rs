use proptest::prelude::*;

use super::*;

#[test]
fn sparse_lists_are_gaps_and_dense_ones_bits() {
    let mut sparse = Vec::new();
    encode(&[3, 1000, 70_000], 100_000, &mut sparse);
    assert_eq!(sparse[0], GAPS);
    assert_eq!(decode(&sparse, 100_000), [3, 1000, 70_000]);
    let all: Vec<u32> = (0..1000).collect();
    let mut dense = Vec::new();
    encode(&all, 1000, &mut dense);
    assert_eq!(dense[0], BITS);
    assert_eq!(dense.len(), 1 + 125);
    assert_eq!(decode(&dense, 1000), all);
}

#[test]
fn damaged_lists_stay_ascending_and_in_range() {
    assert!(decode(&[], 10).is_empty());
    assert_eq!(decode(&[GAPS, 5, 0, 2, 0x80], 10), [5, 7]);
    assert_eq!(decode(&[GAPS, 5, 20], 10), [5]);
    assert_eq!(decode(&[BITS, 0xFF, 0xFF], 10), (0..10).collect::<Vec<_>>());
    let mut at = 0;
    assert_eq!(take_varint(&[0xFF; 11], &mut at), None);
}

#[test]
fn intersections() {
    assert_eq!(intersect(&[1, 3, 5, 7], &[3, 4, 7]), [3, 7]);
    let large: Vec<u32> = (0..1000).collect();
    assert_eq!(intersect(&[5, 999, 2000], &large), [5, 999]);
}

proptest! {
    #[test]
    fn lists_round_trip(mut docs in proptest::collection::vec(0u32..5000, 0..400)) {
        docs.sort_unstable();
        docs.dedup();
        let mut bytes = Vec::new();
        encode(&docs, 5000, &mut bytes);
        prop_assert_eq!(decode(&bytes, 5000), docs);
    }
}

//! Little-endian numbers and the parts' bounds, read from the mapped file
//! with every offset checked.

pub(in crate::cache::codec) fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

pub(super) fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

pub(super) fn i64_at(bytes: &[u8], at: usize) -> Option<i64> {
    Some(i64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

/// Where `len` items of `unit` bytes, from item `first`, lie in the file,
/// in a part of it that starts at byte `at` and holds `size` items: the one
/// bounds check of the string arena, link targets and address keys.
pub(super) fn part_span(
    at: usize,
    size: usize,
    first: u32,
    len: u32,
    unit: usize,
) -> Option<std::ops::Range<usize>> {
    let (first, len) = (first as usize, len as usize);
    if first.checked_add(len)? > size {
        return None;
    }
    let start = at + first * unit;
    Some(start..start + len * unit)
}

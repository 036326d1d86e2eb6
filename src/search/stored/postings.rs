//! Posting lists: the ascending documents holding one key, as gaps in
//! variable-length integers, or as one bit per document when that is
//! smaller (characters and pairs most articles hold).

const GAPS: u8 = 0;
const BITS: u8 = 1;

/// Appends `value` as a variable-length integer (7 bits a byte, low first).
pub(crate) fn put_varint(mut value: u64, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a variable-length integer at `*at`, moving past it; `None` if the
/// bytes end first or it overflows.
pub(crate) fn take_varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= u64::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

/// Appends ascending `docs` (of `doc_count` documents) in the smaller form.
pub(crate) fn encode(docs: &[u32], doc_count: u32, out: &mut Vec<u8>) {
    let start = out.len();
    out.push(GAPS);
    let mut previous = 0u32;
    for (n, &doc) in docs.iter().enumerate() {
        put_varint(u64::from(if n == 0 { doc } else { doc - previous }), out);
        previous = doc;
    }
    let bitmap_len = (doc_count as usize).div_ceil(8);
    if out.len() - start - 1 > bitmap_len {
        out.truncate(start);
        out.push(BITS);
        let bits = out.len();
        out.resize(bits + bitmap_len, 0);
        for &doc in docs {
            out[bits + doc as usize / 8] |= 1 << (doc % 8);
        }
    }
}

/// Decodes a list written by [`encode`]; damaged bytes end it, and
/// documents out of order or past `doc_count` are dropped, so what comes
/// back is always ascending and in range.
pub(crate) fn decode(bytes: &[u8], doc_count: u32) -> Vec<u32> {
    let Some((&kind, rest)) = bytes.split_first() else {
        return Vec::new();
    };
    let mut docs = Vec::new();
    if kind == BITS {
        for (i, &byte) in rest.iter().enumerate() {
            let mut bits = byte;
            while bits != 0 {
                let doc = (i * 8) as u32 + bits.trailing_zeros();
                bits &= bits - 1;
                if doc < doc_count {
                    docs.push(doc);
                }
            }
        }
        return docs;
    }
    let mut at = 0;
    let mut doc = 0u64;
    while let Some(gap) = take_varint(rest, &mut at) {
        if !docs.is_empty() && gap == 0 {
            continue;
        }
        doc += gap;
        if doc >= u64::from(doc_count) {
            break;
        }
        docs.push(doc as u32);
    }
    docs
}

/// The members of both ascending lists.
pub(crate) fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.len() * 32 < large.len() {
        return small
            .iter()
            .copied()
            .filter(|x| large.binary_search(x).is_ok())
            .collect();
    }
    let mut out = Vec::with_capacity(small.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;

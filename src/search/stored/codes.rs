//! Packed text: the folded body text of the stored index, one to four bytes
//! a character instead of UTF-8's three for CJK.
//!
//! Characters are numbered by how often they occur (the first articles
//! indexed decide; characters met later are numbered as they come). The 128
//! most frequent take one byte below 0x80; the next 16,256 take two bytes,
//! both at or above 0x80; the rest take two such pairs, the first of them a
//! value no single pair has (an escape). So a search of packed bytes for a
//! packed term is a substring search, as long as a hit starting inside a
//! pair is thrown out: see [`is_aligned`].

use std::collections::HashMap;

/// One-byte codes.
const ONE_BYTE: u32 = 0x80;
/// Values a pair of bytes can hold (7 bits each).
const PAIR_VALUES: u32 = 1 << 14;
/// Pair values from here on are escapes: the high part of a character
/// numbered past every one- and two-byte code. A low part is always below.
const ESCAPE: u32 = PAIR_VALUES - 128;
/// The first number that needs an escape.
const FIRST_ESCAPED: u32 = ONE_BYTE + ESCAPE;
/// How many characters the codes can number (more than Unicode has).
const CAPACITY: u32 = FIRST_ESCAPED + 128 * ESCAPE;
/// Characters below this are numbered through a table, not the map:
/// packing looks up every character of every body, and a hash per
/// character was a sixth of a first start's index build.
const TABLE_CHARS: usize = 0x1_0000;

/// The numbering of characters, both ways.
#[derive(Debug, Default, Clone)]
pub(crate) struct Codes {
    chars: Vec<char>,
    /// Per character below [`TABLE_CHARS`] (as far as the highest one
    /// numbered), its number plus one; 0 for none.
    table: Vec<u32>,
    /// The numbers of the characters past the table.
    numbers: HashMap<char, u32>,
}

impl Codes {
    /// Numbers `counts`' characters, most frequent first (ties by
    /// character, so the numbering is the same on every run).
    pub(crate) fn by_frequency(counts: &HashMap<char, u64>) -> Self {
        let mut by_count: Vec<(char, u64)> = counts.iter().map(|(&c, &n)| (c, n)).collect();
        by_count.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut codes = Codes::default();
        for (c, _) in by_count {
            codes.add(c);
        }
        codes
    }

    /// The codes of a stored index, numbered in the order given; `None` if
    /// a character repeats or there are too many.
    pub(crate) fn from_chars(chars: Vec<char>) -> Option<Self> {
        if chars.len() as u64 > u64::from(CAPACITY) {
            return None;
        }
        let mut codes = Codes::default();
        for c in chars {
            if codes.number(c).is_some() {
                return None;
            }
            codes.add(c);
        }
        Some(codes)
    }

    pub(crate) fn chars(&self) -> &[char] {
        &self.chars
    }

    fn add(&mut self, c: char) -> u32 {
        let n = self.chars.len() as u32;
        self.chars.push(c);
        let at = c as usize;
        if at < TABLE_CHARS {
            if at >= self.table.len() {
                self.table.resize(at + 1, 0);
            }
            self.table[at] = n + 1;
        } else {
            self.numbers.insert(c, n);
        }
        n
    }

    /// The number of `c`, if it has one.
    fn number(&self, c: char) -> Option<u32> {
        match self.table.get(c as usize) {
            Some(&n) => n.checked_sub(1),
            None if (c as usize) < TABLE_CHARS => None,
            None => self.numbers.get(&c).copied(),
        }
    }

    /// Appends `text` packed, numbering characters not seen before.
    pub(crate) fn pack_extending(&mut self, text: &str, out: &mut Vec<u8>) {
        for c in text.chars() {
            let n = match self.number(c) {
                Some(n) => n,
                None => self.add(c),
            };
            put(n, out);
        }
    }

    /// `text` packed, or `None` if it holds a character no stored text
    /// holds (then no stored text contains it).
    pub(crate) fn pack(&self, text: &str) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            put(self.number(c)?, &mut out);
        }
        Some(out)
    }

    /// Unpacks `bytes` into `out`; a damaged code ends the text.
    pub(crate) fn unpack(&self, bytes: &[u8], out: &mut String) {
        let mut rest = bytes;
        while let Some((n, used)) = take(rest) {
            let Some(&c) = self.chars.get(n as usize) else {
                return;
            };
            out.push(c);
            rest = &rest[used..];
        }
    }
}

fn put(n: u32, out: &mut Vec<u8>) {
    if n < ONE_BYTE {
        out.push(n as u8);
    } else if n < FIRST_ESCAPED {
        put_pair(n - ONE_BYTE, out);
    } else {
        let m = n - FIRST_ESCAPED;
        put_pair(ESCAPE + m / ESCAPE, out);
        put_pair(m % ESCAPE, out);
    }
}

fn put_pair(value: u32, out: &mut Vec<u8>) {
    out.push(0x80 | (value >> 7) as u8);
    out.push(0x80 | (value & 0x7F) as u8);
}

fn pair_at(bytes: &[u8], i: usize) -> Option<u32> {
    match bytes.get(i..i + 2)? {
        &[a, b] if a >= 0x80 && b >= 0x80 => Some(u32::from(a & 0x7F) << 7 | u32::from(b & 0x7F)),
        _ => None,
    }
}

/// The first character's number and how many bytes it took.
fn take(bytes: &[u8]) -> Option<(u32, usize)> {
    let &first = bytes.first()?;
    if first < 0x80 {
        return Some((u32::from(first), 1));
    }
    let value = pair_at(bytes, 0)?;
    if value < ESCAPE {
        return Some((value + ONE_BYTE, 2));
    }
    let low = pair_at(bytes, 2).filter(|&low| low < ESCAPE)?;
    Some((FIRST_ESCAPED + (value - ESCAPE) * ESCAPE + low, 4))
}

/// Whether a hit at `at` in packed `text` starts on a character, not inside
/// one: one-byte codes always do; otherwise the bytes at or above 0x80 just
/// before it must pair up, the last pair not an escape.
pub(crate) fn is_aligned(text: &[u8], at: usize) -> bool {
    if text.get(at).is_none_or(|&b| b < 0x80) {
        return true;
    }
    let high_before = text[..at].iter().rev().take_while(|&&b| b >= 0x80).count();
    high_before % 2 == 0 && (high_before == 0 || pair_at(text, at - 2).is_some_and(|v| v < ESCAPE))
}

#[cfg(test)]
mod tests;

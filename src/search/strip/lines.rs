//! Markdown block syntax at the start of a line: heading and quote marks,
//! bullets, and lines that are syntax only.

use memchr::memchr;

use super::Stripper;

impl Stripper<'_> {
    /// Where the text of the line starting at `at` begins, past Markdown
    /// block syntax: heading marks, quote marks, list bullets. Lines that are
    /// all syntax (rules, table separators, link definitions) are skipped.
    pub(super) fn line_start(&self, at: usize) -> usize {
        let line_end = memchr(b'\n', &self.bytes[at..]).map_or(self.bytes.len(), |i| at + i);
        let line = &self.bytes[at..line_end];
        let mut i = 0;
        let skip_spaces = |i: &mut usize| {
            while line.get(*i).is_some_and(|b| *b == b' ' || *b == b'\t') {
                *i += 1;
            }
        };
        skip_spaces(&mut i);
        if is_rule(&line[i..]) || is_link_definition(&line[i..]) {
            return line_end;
        }
        while line.get(i) == Some(&b'>') {
            i += 1;
            skip_spaces(&mut i);
        }
        let marks = line[i..].iter().take_while(|b| **b == b'#').count();
        if marks > 0 && matches!(line.get(i + marks), None | Some(b' ' | b'\t')) {
            i += marks;
        } else if matches!(line.get(i), Some(b'-' | b'+' | b'*'))
            && matches!(line.get(i + 1), Some(b' ' | b'\t'))
        {
            i += 1;
        }
        at + i
    }
}

/// `---`, `***`, `===`, `| --- | :-: |`: lines of syntax only.
fn is_rule(line: &[u8]) -> bool {
    // The test of every byte first: it stops at the first letter of a line
    // of text, where counting the marks first went through every line whole.
    line.iter().all(|b| {
        matches!(
            b,
            b'-' | b'*' | b'_' | b'=' | b'|' | b':' | b' ' | b'\t' | b'\r'
        )
    }) && line
        .iter()
        .filter(|b| matches!(b, b'-' | b'*' | b'_' | b'='))
        .count()
        >= 3
}

/// `[label]: target`
fn is_link_definition(line: &[u8]) -> bool {
    line.first() == Some(&b'[')
        && memchr(b']', line).is_some_and(|close| line.get(close + 1) == Some(&b':'))
}

//! Removes noise from converted blocks: the title repeated at the top of the
//! body, a caption repeated right after its image, runs of blank lines.

use super::convert::{Kind, RawBlock, Run};

/// Applies every clean-up. `title` is the article's title, when known.
pub(super) fn tidy(blocks: Vec<RawBlock>, title: Option<&str>) -> Vec<RawBlock> {
    let blocks = drop_title(blocks, title);
    let blocks = drop_repeated_captions(blocks);
    collapse_blanks(space_lists(blocks))
}

fn visible(runs: &[Run]) -> String {
    runs.iter()
        .flat_map(|r| r.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Feed posts open with `[title](url)` over a `------` underline, archive
/// articles with `# title`: the header already shows the title.
fn drop_title(mut blocks: Vec<RawBlock>, title: Option<&str>) -> Vec<RawBlock> {
    let Some(first) = blocks
        .iter()
        .position(|b| !matches!(b, RawBlock::Blank { .. }))
    else {
        return blocks;
    };
    if let RawBlock::Text {
        kind: Kind::Heading(1 | 2),
        runs,
        ..
    } = &blocks[first]
    {
        let text = visible(runs);
        let only_link = runs
            .iter()
            .all(|r| r.link.is_some() || r.text.trim().is_empty());
        let is_title = title.is_some_and(|t| {
            let t: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            !t.is_empty() && t == text
        });
        if !text.is_empty() && (only_link || is_title) {
            blocks.remove(first);
        }
    }
    blocks
}

/// Feeds often put a picture's caption both in its alt text and in the
/// paragraph after it.
fn drop_repeated_captions(blocks: Vec<RawBlock>) -> Vec<RawBlock> {
    let mut out: Vec<RawBlock> = Vec::with_capacity(blocks.len());
    let mut last_caption: Option<String> = None;
    for block in blocks {
        match &block {
            RawBlock::Blank { .. } => {}
            RawBlock::Text {
                kind: Kind::Image(caption),
                ..
            } => {
                last_caption = Some(caption.chars().filter(|c| !c.is_whitespace()).collect());
            }
            RawBlock::Text {
                kind: Kind::Body,
                runs,
                ..
            } => {
                let repeated = last_caption
                    .take()
                    .is_some_and(|c| !c.is_empty() && c == visible(runs));
                if repeated {
                    continue;
                }
            }
            _ => last_caption = None,
        }
        out.push(block);
    }
    out
}

/// html2text sets a list right under the paragraph before it; a blank line
/// on each side reads better.
fn space_lists(blocks: Vec<RawBlock>) -> Vec<RawBlock> {
    let mut out: Vec<RawBlock> = Vec::with_capacity(blocks.len());
    for block in blocks {
        if let (Some(a), Some(b)) = (out.last().and_then(list_side), list_side(&block)) {
            if a != b {
                let indent = match &block {
                    RawBlock::Text { indent, .. }
                    | RawBlock::Rule { indent }
                    | RawBlock::Row { indent, .. }
                    | RawBlock::Blank { indent } => indent.clone(),
                };
                out.push(RawBlock::Blank { indent });
            }
        }
        out.push(block);
    }
    out
}

/// Whether a visible block is in a list; `None` for blank lines.
fn list_side(block: &RawBlock) -> Option<bool> {
    match block {
        RawBlock::Blank { .. } => None,
        RawBlock::Text { indent, .. }
        | RawBlock::Rule { indent }
        | RawBlock::Row { indent, .. } => Some(indent.in_list()),
    }
}

fn collapse_blanks(blocks: Vec<RawBlock>) -> Vec<RawBlock> {
    let mut out: Vec<RawBlock> = Vec::with_capacity(blocks.len());
    for block in blocks {
        let blank = matches!(block, RawBlock::Blank { .. });
        let after_blank = matches!(out.last(), None | Some(RawBlock::Blank { .. }));
        if blank && after_blank {
            continue;
        }
        out.push(block);
    }
    while matches!(out.last(), Some(RawBlock::Blank { .. })) {
        out.pop();
    }
    out
}

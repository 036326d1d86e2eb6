use super::*;

fn text(doc: &Document, width: usize) -> Vec<String> {
    doc.layout(width)
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

#[test]
fn smoke() {
    let doc = render_body(
        "# T\n\n中文**粗體**[連結](/a)\n\n> 引文\n\n- 一\n- 二\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        Some("https://x.org/p"),
    );
    for l in text(&doc, 40) {
        println!("{l}");
    }
}

use super::*;
use crate::app::LabelIndex;
use crate::app::tests::article;

fn tags_picker() -> Picker {
    let articles = vec![
        article("a", &[], &["香港", "交通", "Tokyo"]),
        article("b", &[], &["香港", "東京", "交通"]),
        article("c", &[], &["香港", "서울", "香港"]),
    ];
    let index = LabelIndex::build(&articles, &[0, 1, 2], |a| a.tags());
    let entries = index
        .all_counts()
        .into_iter()
        .map(|(label, count)| PickerEntry {
            label: label.into(),
            count,
        });
    Picker::new(PickerKind::Tags, Choices::new(entries.collect()))
}

fn labels(p: &Picker) -> Vec<&str> {
    p.matches
        .iter()
        .map(|&i| p.entries[i].label.as_str())
        .collect()
}

#[test]
fn counts_most_used_first() {
    let p = tags_picker();
    assert_eq!(
        p.entries[0],
        PickerEntry {
            label: "香港".into(),
            count: 3
        }
    );
    assert_eq!(
        p.entries[1],
        PickerEntry {
            label: "交通".into(),
            count: 2
        }
    );
    assert_eq!(p.entries.len(), 5);
}

#[test]
fn fuzzy_matching_works_for_cjk_and_latin() {
    let mut p = tags_picker();
    p.set_query("東".into(), 5);
    assert_eq!(labels(&p), ["東京"]);
    p.set_query("서".into(), 5);
    assert_eq!(labels(&p), ["서울"]);
    p.set_query("t".into(), 5);
    assert_eq!(labels(&p), ["Tokyo"]);
    p.set_query("tky".into(), 5);
    assert_eq!(labels(&p), ["Tokyo"]);
    p.set_query("tkx".into(), 5);
    assert!(labels(&p).is_empty());
    p.set_query("香".into(), 5);
    assert_eq!(labels(&p), ["香港"]);
    p.set_query("香 !港".into(), 5);
    assert!(labels(&p).is_empty());
    p.set_query("!港".into(), 5);
    assert_eq!(labels(&p).len(), 4);
    p.set_query("zzz".into(), 5);
    assert!(labels(&p).is_empty());
    assert!(p.chosen().is_empty());
    p.set_query(String::new(), 5);
    assert_eq!(labels(&p).len(), 5);
}

#[test]
fn the_exact_tag_then_prefixes_rank_first_and_queries_fold_like_search() {
    let entries = [
        ("港區國安法", 900),
        ("國安法", 537),
        ("維護國安", 40),
        ("國安", 10),
    ]
    .map(|(label, count)| PickerEntry {
        label: label.into(),
        count,
    });
    let mut p = Picker::new(PickerKind::Tags, Choices::new(entries.to_vec()));
    p.set_query("國安".into(), 5);
    assert_eq!(labels(&p), ["國安", "國安法", "港區國安法", "維護國安"]);
    p.set_query("国安".into(), 5);
    assert_eq!(labels(&p)[..2], ["國安", "國安法"]);
    let entries = ["Stand News", "standard"].map(|label| PickerEntry {
        label: label.into(),
        count: 1,
    });
    let mut p = Picker::new(PickerKind::Tags, Choices::new(entries.to_vec()));
    p.set_query("ＳＴＡＮＤ news".into(), 5);
    assert_eq!(labels(&p), ["Stand News"]);
}

#[test]
fn marks_toggle_and_win_over_the_highlight() {
    let mut p = tags_picker();
    assert_eq!(p.chosen()[0].label, "香港");
    assert_eq!(p.toggle_mark(), Some(true));
    p.cursor.move_by(1, p.matches.len(), 5);
    p.toggle_mark();
    p.cursor.move_by(1, p.matches.len(), 5);
    let chosen: Vec<_> = p.chosen().iter().map(|e| e.label.as_str()).collect();
    assert_eq!(chosen, ["香港", "交通"]);
    p.cursor.select(0, p.matches.len(), 5);
    assert_eq!(p.toggle_mark(), Some(false));
    assert_eq!(p.chosen()[0].label, "交通");
}

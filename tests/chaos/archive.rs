//! The archive the reader watches, and the churn of its files.

use std::path::{Path, PathBuf};

use crate::Rng;

pub(crate) fn article(n: u64, day: u64, extra: &str) -> String {
    format!(
        "---\ntitle: 混沌測試第{n}篇\ndate: 2020-01-{:02}\nurl: https://chaos.example/{n}\ntags: [測試, t{}]\n---\n\n# 標題\n\n正文{extra}\n\n[連結](https://chaos.example/link/{n})\n",
        1 + day % 28,
        n % 5
    )
}

/// The archive: one fixed newest article (the one starred) and churn.
pub(crate) fn archive(dir: &Path) -> PathBuf {
    let root = dir.join("archive");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    std::fs::write(
        root.join("newest.md"),
        "---\ntitle: 最新的文章\ndate: 2030-01-01\nurl: https://chaos.example/newest\n---\n\n正文\n",
    )
    .unwrap();
    for n in 0..30 {
        std::fs::write(root.join(format!("a{n}.md")), article(n, n, "")).unwrap();
    }
    root
}

pub(crate) fn churn(rng: &mut Rng, root: &Path) {
    let n = rng.below(40);
    let path = if rng.below(2) == 0 {
        root.join(format!("a{n}.md"))
    } else {
        root.join("sub").join(format!("b{n}.md"))
    };
    match rng.below(5) {
        0 => {
            let _ = std::fs::remove_file(&path);
        }
        1 => {
            // Replaced by rename, as editors and sync tools do.
            let tmp = root.join(format!(".tmp{n}"));
            let _ = std::fs::write(&tmp, article(n, rng.below(28), "替換"));
            let _ = std::fs::rename(&tmp, &path);
        }
        2 => {
            let body: Vec<u8> = (0..rng.below(3000)).map(|_| rng.below(256) as u8).collect();
            let _ = std::fs::write(&path, body);
        }
        _ => {
            let _ = std::fs::write(
                &path,
                article(n, rng.below(28), &"長".repeat(rng.below(500) as usize)),
            );
        }
    }
}

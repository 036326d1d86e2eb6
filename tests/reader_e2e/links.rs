//! Opening links: the browser's failures, the link picker's keys, and a
//! link whose name before `@` hides its real host.

use std::time::Duration;

use crate::common::archive::fixtures;
use crate::{recording_browser, start, start_plain, wait_for_file};

#[test]
fn a_failing_browser_is_reported_with_its_status_and_reason() {
    use std::os::unix::fs::PermissionsExt;
    let temp = tempfile::tempdir().unwrap();
    let browser = temp.path().join("fail-browser");
    std::fs::write(
        &browser,
        "#!/bin/sh\necho 'cannot reach display' >&2\nexit 3\n",
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let archive = fixtures("reader");
    let mut r = start(&archive, temp.path(), &browser, &temp.path().join("x"));
    r.wait_for(&["reader  7 articles"]);
    r.send("\ro");
    let screen = r.wait_for(&[
        "Could not open the link (fail-browser exited with status 3: cannot reach display)",
    ]);
    assert!(!screen.contains("Opened"), "{screen}");
    r.quit_with("qq");
}

#[test]
fn link_picker_digits_open_that_link_and_space_does_not() {
    let temp = tempfile::tempdir().unwrap();
    let record = temp.path().join("opened-url");
    let browser = recording_browser(temp.path());
    let archive = fixtures("links");
    let mut r = start(&archive, temp.path(), &browser, &record);
    r.wait_for(&["links  1 article"]);
    r.send("\r");
    // The body (and so its links) may load after the header shows.
    r.wait_for(&["立法會選舉連結整理", "選舉相關的報道整理如下"]);
    r.press("u", &["Links 12 / 12", "0-9 number"]);
    // Space and Tab neither open nor close.
    r.send(" \t");
    std::thread::sleep(Duration::from_millis(300));
    r.wait_for(&["Links 12 / 12"]);
    assert!(!record.exists(), "Space or Tab opened a link");
    // `1` could start 10, 11 or 12: it waits; `2` makes 12.
    r.press("1", &["Links 4 / 12"]);
    r.send("2");
    assert_eq!(
        wait_for_file(&record),
        "https://www.example.hk/guide/%E6%8C%87%E5%BC%95.pdf"
    );
    std::fs::remove_file(&record).unwrap();
    r.send("u5");
    assert_eq!(
        wait_for_file(&record),
        "https://web.archive.org/web/20220519053245if_/https://www.example.hk/news/2022/05/%E9%BB%9E%E7%A5%A8%E5%AE%89%E6%8E%92"
    );
    r.quit_with("qq");
}

#[test]
fn picker_space_types_and_tab_marks() {
    let temp = tempfile::tempdir().unwrap();
    let archive = fixtures("reader");
    let mut r = start_plain(&archive, temp.path());
    r.wait_for(&["reader  7 articles"]);
    r.press("t", &["Tags 20 / 20"]);
    r.send("港 鐵");
    let screen = r.wait_for(&["> 港 鐵"]);
    assert!(!screen.contains("marked"), "{screen}");
    r.press("\x15港鐵", &["Tags 1 / 20", "> 港鐵"]);
    r.press("\t", &["1 marked"]);
    r.send("\x1b");
    std::thread::sleep(Duration::from_millis(200));
    r.quit_with("q");
}

#[test]
fn a_link_with_a_name_before_at_shows_its_host_and_asks_first() {
    let temp = tempfile::tempdir().unwrap();
    let record = temp.path().join("opened-url");
    let browser = recording_browser(temp.path());
    let mut r = start(&fixtures("userinfo"), temp.path(), &browser, &record);
    r.wait_for(&["userinfo  1 article"]);
    r.press("\r", &["銀行通知", "官方網站"]);
    // `o`: a question naming the real host; `n` opens nothing.
    r.press(
        "o",
        &["This link goes to evil.example, not bank.example.hk", "y/n"],
    );
    r.press("n", &["Not opened"]);
    std::thread::sleep(Duration::from_millis(300));
    assert!(!record.exists(), "n opened the link");
    // The link list says where each link goes.
    r.send("u");
    let screen = r.wait_for(&["Links 2 / 2", "goes to evil.example"]);
    assert_eq!(
        screen.matches("goes to evil.example").count(),
        1,
        "only the link with a name before @: {screen}"
    );
    // A digit asks too; `y` opens exactly that link.
    r.press(
        "1",
        &["This link goes to evil.example, not bank.example.hk:pw"],
    );
    r.send("y");
    assert_eq!(
        wait_for_file(&record),
        "https://bank.example.hk:pw@evil.example/a"
    );
    r.quit_with("qq");
}

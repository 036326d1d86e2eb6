#!/usr/bin/env python3
"""Writes tests/fixtures/formats: the archive shapes of issue 9, in the
encodings they come in. The text is the project's own. Run from the
repository root; the bytes are committed, so this only documents them and
rebuilds them after an edit."""

import pathlib

ROOT = pathlib.Path("tests/fixtures/formats")


def write(rel, text, encoding="utf-8", bom=b""):
    path = ROOT / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bom + text.encode(encoding))


# --- a Jekyll feed mirror: _posts mixing .md and .html -----------------------

write("_posts/2025-11-01-typhoon.md", """---
layout: post
title: "颱風逼近　天文台考慮改發八號風球"
date: 2025-11-01 11:18:23.000000000 +08:00
author: 港島日報
from: https://news.example.hk/2025/11/01/typhoon
tags: [ 天氣, 颱風 ]
categories: [ 港島日報 ]
---
<!--1761967103000-->
[颱風逼近　天文台考慮改發八號風球](https://news.example.hk/2025/11/01/typhoon)
------

<div class="paragraph">
<p>天文台表示，颱風正向本港方向移動。</p>

\t<dl>
\t<dt><img src="https://img.example.hk/typhoon.jpg" alt="衛星圖"></dt>
\t<dd>衛星雲圖顯示風眼清晰。</dd>
\t</dl>
   
\t<p>市民應避免前往海灘，風速達每小時&#37;八十公里。</p>
<!-- 廣告 -->
</div>

<div >
    <p>渡輪服務或會暫停。</p>
</div>

文中的 `<p>` 是段落標籤。
""")

write("_posts/2025-11-01-harbour.html", """---
layout: post
title: "維港夜景重現燈光匯演"
date: 2025-11-01T20:05:00+08:00
author: 港島日報
from: https://news.example.hk/2025/11/01/harbour
tags: [ 旅遊 ]
categories: [ 港島日報 ]
---
<div class="article">
    <p>燈光匯演今晚八時重開，*星號*照原樣顯示。</p>

        <p>縮排的段落不是程式碼。</p>
    <!-- 評論 -->
    <p>票價&#20803;免費。</p>
</div>
""")

write("_posts/2025-10-31-rain.MARKDOWN", """---
title: "暴雨警告取消"
date: 2025-10-31 23:40:00 +08:00
tags: [天氣]
---
黃色暴雨警告信號已經取消。
""")

write("_posts/2025-10-30-ferry.HTM", """---
title: "新渡輪航線啟用"
date: "2025-10-30T08:00:00Z"
tags: [交通]
---
<p>新航線來往中環與大澳。</p>
""")

# Site pages: HTML without front matter is not a post.
write("_posts/index.html", """<!DOCTYPE html>
<html><head><title>港島日報</title></head>
<body><h1>港島日報</h1><ul><li><a href="/2025/11/01/typhoon">颱風</a></li></ul></body></html>
""")
write("about.htm", "<html><body><h1>關於我們</h1></body></html>\n")
write("_posts/notes.txt", "not an article\n")
write(".drafts/2025-11-03-secret.md", "---\ntitle: 未發佈\n---\n秘密\n")

# --- Hugo: TOML and JSON front matter ------------------------------------------

write("hugo/toml-post.md", """+++
title = "山頂纜車延長服務時間"
date = 2024-03-01T08:30:00+08:00
lastmod = 2024-03-02T10:00:00+08:00
tags = ["交通", "旅遊"]
categories = ["本地"]
authors = ["陳記者", "李記者"]
[params]
images = ["a.jpg"]
+++

# 山頂纜車延長服務時間

纜車公司宣布**延長**服務時間。
""")

write("hugo/json-post.md", """{
  "title": "圖書館增設自修室",
  "date": "2024-03-02T09:00:00+08:00",
  "tags": ["教育"],
  "categories": ["本地"],
  "author": "王記者",
  "draft": false
}

公共圖書館將增設自修室。
""")

write("hugo/draft.md", """+++
title = "草稿：未完成的報道"
date = 2024-03-03
draft = true
+++
尚未完成。
""")

# --- Encodings -------------------------------------------------------------

HANT = """---
title: "{title}"
date: 2023-05-0{day}
tags: [編碼]
---
香港新聞：今日天氣晴朗，市民外出遊玩。政府宣布新的交通安排，將於下月開始實施。
記者在現場訪問了多位市民，他們大多表示支持，並希望安排能夠盡快落實。
"""
HANS = """---
title: "{title}"
date: 2023-05-0{day}
tags: [编码]
---
香港新闻：今日天气晴朗，市民外出游玩。政府宣布新的交通安排，将于下月开始实施。
记者在现场访问了多位市民，他们大多表示支持，并希望安排能够尽快落实。
"""
JA = """---
title: "{title}"
date: 2023-05-0{day}
tags: [文字コード]
---
東京のニュース：今日は晴れで、多くの市民が外出しました。政府は新しい交通計画を発表し、
来月から実施する予定です。記者が現場で何人かの市民に話を聞きました。
"""
KO = """---
title: "{title}"
date: 2023-05-0{day}
tags: [인코딩]
---
서울 뉴스: 오늘 날씨가 맑아서 많은 시민들이 외출했습니다. 정부는 새로운 교통 계획을
발표했으며 다음 달부터 시행할 예정입니다.
"""

write("encodings/big5.md", HANT.format(title="大五碼編碼的新聞", day=1), "big5")
write("encodings/gb18030.md", HANS.format(title="国标编码的新闻𠀀", day=2), "gb18030")
write("encodings/gbk.md", HANS.format(title="汉字内码扩展的新闻", day=3), "gbk")
write("encodings/shift_jis.md", JA.format(title="シフトJISのニュース", day=4), "shift_jis")
write("encodings/euc-kr.md", KO.format(title="완성형 인코딩 뉴스", day=5), "euc-kr")
write("encodings/utf16le.md", HANT.format(title="小端序的新聞", day=6), "utf-16-le", b"\xff\xfe")
write("encodings/utf16be.md", HANT.format(title="大端序的新聞", day=7), "utf-16-be", b"\xfe\xff")
write("encodings/utf8-bom.md", HANT.format(title="帶位元組順序記號的新聞", day=8), "utf-8", b"\xef\xbb\xbf")

# --- Exact duplicates ----------------------------------------------------------

FAREWELL = """---
title: "告別讀者"
date: 2022-01-03
tags: [{tag}]
---
感謝各位讀者多年來的支持，本報今日起停止運作。
"""
for n in range(1, 4):
    write(f"duplicates/copy-{n}.md", FAREWELL.format(tag=f"版本{n}"))
# Same title and date, another body: not a duplicate.
write("duplicates/other-body.md", FAREWELL.format(tag="版本9").replace("停止運作", "暫停運作"))

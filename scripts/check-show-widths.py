#!/usr/bin/env python3
"""Runs `inkstone show --plain --width N` on every article of a corpus and
checks what a reader would see, measuring with an independent width
implementation (Python's wcwidth):

- no output line is wider than N columns;
- no control character, escape or bidi override comes out;
- every article renders (exit status 0, within a time limit);
- the words of each body are in the output (letters, digits and CJK runs
  of the body's visible text, compared with whitespace removed);
- Chinese paragraph lines are well filled: the average fill of non-final
  lines of mostly-CJK paragraphs is reported and must reach --min-fill.

Usage: scripts/check-show-widths.py [--bin target/release/inkstone]
       [--corpus target/corpus/articles] [--width 40] [--jobs N]
Exit status 1 on any failure. Needs `pip install wcwidth`.
"""

import argparse
import os
import re
import subprocess
import sys
import time
import unicodedata
from concurrent.futures import ThreadPoolExecutor

from wcwidth import wcswidth, wcwidth

BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def bad_char(c):
    """A character that must never reach the terminal."""
    return unicodedata.category(c) == "Cc" or c in BIDI


def is_cjk(c):
    return wcwidth(c) == 2 and unicodedata.category(c).startswith("L")


def body_words(path):
    """Words of the body's visible text: front matter, tags, comments, URLs,
    Markdown link targets and shortcodes removed."""
    try:
        text = open(path, encoding="utf-8", errors="replace").read()
    except OSError:
        return []
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            text = text[end + 4:]
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"\{\{[<%].*?[>%]\}\}", " ", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", text, flags=re.S | re.I)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "] ", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"&[#a-zA-Z0-9]+;", " ", text)
    return WORD.findall(text)


def fill_lines(lines, width):
    """(sum of fill, count) over non-final lines of mostly-CJK paragraphs."""
    total, count = 0.0, 0
    paragraph = []
    for line in lines + [""]:
        if line.strip():
            paragraph.append(line)
            continue
        if len(paragraph) > 1:
            chars = [c for c in "".join(paragraph) if not c.isspace()]
            if chars and sum(map(is_cjk, chars)) >= 0.8 * len(chars):
                for p in paragraph[:-1]:
                    total += wcswidth(p) / width
                    count += 1
        paragraph = []
    return total, count


def check(path, args):
    start = time.monotonic()
    try:
        run = subprocess.run(
            [args.bin, "show", "--plain", "--width", str(args.width), path],
            capture_output=True,
            timeout=args.timeout,
        )
    except subprocess.TimeoutExpired:
        return path, [f"timed out after {args.timeout}s"], (0.0, 0), args.timeout
    elapsed = time.monotonic() - start
    problems = []
    if run.returncode != 0:
        problems.append(f"exit status {run.returncode}: {run.stderr.decode(errors='replace')[:200]}")
    try:
        out = run.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        return path, problems + [f"output is not UTF-8: {e}"], (0.0, 0), elapsed
    lines = out.split("\n")
    for n, line in enumerate(lines, 1):
        bad = [c for c in line if bad_char(c)]
        if bad:
            problems.append(f"line {n}: control/bidi characters {bad!r}")
            continue
        w = wcswidth(line)
        if w < 0 or w > args.width:
            problems.append(f"line {n}: {w} columns > {args.width}: {line!r}")
    squashed = re.sub(r"\s+", "", out)
    missing = [w for w in body_words(path) if w not in squashed]
    if missing:
        problems.append(f"{len(missing)} body words missing, e.g. {missing[:5]!r}")
    return path, problems, fill_lines(lines, args.width), elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default="target/release/inkstone")
    ap.add_argument("--corpus", default="target/corpus/articles")
    ap.add_argument("--width", type=int, default=40)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--min-fill", type=float, default=0.93)
    args = ap.parse_args()

    files = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(args.corpus) for f in fs if f.endswith(".md")
    )
    if not files:
        print(f"no articles under {args.corpus}", file=sys.stderr)
        return 1
    failed, fill_total, fill_count, slowest = 0, 0.0, 0, (0.0, "")
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for path, problems, (f_sum, f_n), elapsed in pool.map(lambda p: check(p, args), files):
            fill_total += f_sum
            fill_count += f_n
            slowest = max(slowest, (elapsed, path))
            if problems:
                failed += 1
                for p in problems[:5]:
                    print(f"{path}: {p}")
    fill = fill_total / fill_count if fill_count else 1.0
    print(
        f"{len(files)} articles at width {args.width}: {failed} with problems; "
        f"Chinese paragraph fill {fill:.1%} over {fill_count} lines; "
        f"slowest {slowest[0]:.2f}s ({slowest[1]})"
    )
    if fill < args.min_fill:
        print(f"fill below {args.min_fill:.0%}")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

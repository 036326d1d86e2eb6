#!/bin/sh
# Builds the 1M-article benchmark tree (issue 10): 20 copies of the whole
# hkcnews archive (20 x 49,118 = 982,360 articles), each copy made of hard
# links to one unpacked archive, so the tree costs directory entries only, no
# file data.
#
# Usage: scripts/build-million-tree.sh [DEST] [SOURCE]
#   DEST    folder to create (default: target/corpus-million). Must not exist,
#           or be a tree this script built (then it is left as it is).
#   SOURCE  an already unpacked archive's `articles` folder to link from
#           (default: unpack ../shared/corpus/hkcnews-full.tar.zst into
#           DEST/.source first). Must be on the same file system as DEST.
#
# Layout: DEST/copy-01/articles/N-M/article_K.md ... DEST/copy-20/...
# The benches (BENCHMARKS.md) use DEST when it exists; CI does not build it.
set -eu

COPIES=20
EXPECTED_PER_COPY=49118
dest=${1:-target/corpus-million}
source=${2:-}
archive=${ARCHIVE:-../shared/corpus/hkcnews-full.tar.zst}

if [ -f "$dest/.complete" ]; then
    echo "$dest already built: $(cat "$dest/.complete") articles" >&2
    exit 0
fi
if [ -e "$dest" ] && [ -n "$(ls -A "$dest" 2>/dev/null)" ]; then
    echo "$dest exists and is not a finished tree from this script; remove it first" >&2
    exit 1
fi
mkdir -p "$dest"

if [ -z "$source" ]; then
    if [ ! -f "$archive" ]; then
        echo "archive $archive not found (set ARCHIVE= or pass SOURCE)" >&2
        exit 1
    fi
    mkdir -p "$dest/.source"
    echo "unpacking $archive ..." >&2
    tar -I zstd -xf "$archive" -C "$dest/.source"
    source="$dest/.source/articles"
fi
if [ ! -d "$source" ]; then
    echo "source folder $source not found" >&2
    exit 1
fi

per_copy=$(find "$source" -type f -name '*.md' | wc -l)
if [ "$per_copy" -ne "$EXPECTED_PER_COPY" ]; then
    echo "note: $source holds $per_copy articles, not $EXPECTED_PER_COPY" >&2
fi

i=1
while [ "$i" -le "$COPIES" ]; do
    copy=$(printf '%s/copy-%02d' "$dest" "$i")
    mkdir -p "$copy"
    # -l: hard links instead of copies (GNU cp); fails across file systems.
    cp -al "$source" "$copy/articles"
    i=$((i + 1))
done

total=$(find "$dest" -path "$dest/.source" -prune -o -type f -name '*.md' -print | wc -l)
echo "$total" > "$dest/.complete"
echo "built $dest: $total articles in $COPIES hard-linked copies" >&2

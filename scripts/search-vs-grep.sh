#!/bin/bash
# `inkstone list --search WORD` against `grep -rlF WORD` over the same folder,
# measured in turn in the same minute, from outside: wall time, CPU (user +
# system), peak RSS, the ratio to grep, the load average. Each binary gets a
# home of its own with a warm metadata cache (one `list` first) and no stored
# search index (the reader writes one: give it its own cache to compare).
# The lists are kept in OUT (default: a temporary folder) to compare builds.
# With STORE naming a stored search index the reader wrote for TREE (its
# cache folder's `library-<hash>.search`), each home gets a copy of it: the
# figures are then those of `list --search` with a stored index.
#
# Usage: scripts/search-vs-grep.sh TREE RUNS WORDS BINARY...
#   e.g. scripts/search-vs-grep.sh target/corpus-full/articles 2 "香港 鯨 police" old/inkstone target/release/inkstone
set -eu
T=$1
N=$2
WORDS=$3
shift 3
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
ms() { echo $(((${2} - ${1}) / 1000000)); }
now() { date +%s%N; }
i=0
for b in "$@"; do
  i=$((i + 1))
  H=$OUT/home$i
  mkdir -p "$H"
  HOME=$H XDG_CONFIG_HOME=$H/config XDG_STATE_HOME=$H/state XDG_CACHE_HOME=$H/cache "$b" list "$T" >/dev/null 2>&1
  if [ -n "${STORE:-}" ]; then
    cp "$STORE" "$(dirname "$(ls "$H"/cache/inkstone/*.bin)")/$(basename "$STORE")"
  fi
done
grep -rlF warm "$T" >/dev/null || true
for _ in $(seq "$N"); do
  for w in $WORDS; do
    s=$(now); /usr/bin/time -f "%U %S %M" -o "$OUT/g" grep -rlF "$w" "$T" >"$OUT/grep-$w" || true; e=$(now)
    g=$(ms "$s" "$e")
    read -r gu gs gm <"$OUT/g"
    echo "grep -rlF $w: ${g} ms, CPU ${gu}+${gs} s, $(wc -l <"$OUT/grep-$w") files | load $(cut -d' ' -f1 /proc/loadavg)"
    i=0
    for b in "$@"; do
      i=$((i + 1))
      H=$OUT/home$i
      s=$(now)
      HOME=$H XDG_CONFIG_HOME=$H/config XDG_STATE_HOME=$H/state XDG_CACHE_HOME=$H/cache \
        /usr/bin/time -f "%U %S %M" -o "$OUT/t" "$b" list --search "$w" "$T" >"$OUT/list$i-$w" 2>/dev/null
      e=$(now)
      c=$(ms "$s" "$e")
      read -r u sy m <"$OUT/t"
      echo "  $b: ${c} ms ($(echo "scale=2; $c/$g" | bc)x grep), CPU ${u}+${sy} s, peak RSS $((m / 1024)) MB, $(wc -l <"$OUT/list$i-$w") listed | load $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
done
echo "lists in $OUT"

#!/bin/bash
# Whether two builds of `inkstone list --search` list the same articles for
# a wide set of queries (CJK words in either script, Latin words in any
# case and width, phrases, several terms), over the same folder: without a
# stored search index, and, when STORE names one (a `.search` file the
# reader wrote for TREE), with it. Each build gets homes of its own with a
# warm metadata cache. Prints one line per query and build pair; exits 1 on
# any difference. Queries are read one a line from QUERIES when given.
#
# Usage: scripts/search-same-as.sh TREE OLD_BINARY NEW_BINARY
#   e.g. STORE=~/.cache/inkstone/library-….search scripts/search-same-as.sh \
#        target/corpus-full/articles old/inkstone target/release/inkstone
set -eu
T=$1
OLD=$2
NEW=$3
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
if [ -n "${QUERIES:-}" ]; then
  mapfile -t Q <"$QUERIES"
else
  Q=(
    香港 police 国家安全 國家安全 习近平 習近平 台湾 臺灣 民主 警察 示威 立法會 立法会
    新冠 肺炎 疫苗 特首 林鄭月娥 李家超 法院 判刑 記者 新聞自由 中国 美國 日本
    Police POLICE ＰＯＬＩＣＥ covid COVID-19 hong kong "hong kong" hk01 trump biden
    the and a e x z 2019 2020 7.1 http https www com html
    "香港 民主" "警察 示威" "\"國家 安全\"" "\"hong kong\"" 港 香 國 国 の 「 」 ，
    "police 香港" "國安法 47" 鯨 龘 zzzzqqq "<b>" "&amp;"
  )
fi
run() { # bin home query -> sorted list file
  local b=$1 h=$2 q=$3 f=$4
  HOME=$h XDG_CONFIG_HOME=$h/config XDG_STATE_HOME=$h/state XDG_CACHE_HOME=$h/cache \
    "$b" list --search "$q" "$T" 2>/dev/null | sort >"$f"
}
differ=0
modes=(plain)
[ -n "${STORE:-}" ] && modes+=(stored)
for mode in "${modes[@]}"; do
  for side in old new; do
    h=$OUT/$mode-$side
    mkdir -p "$h"
    b=$OLD
    [ "$side" = new ] && b=$NEW
    HOME=$h XDG_CONFIG_HOME=$h/config XDG_STATE_HOME=$h/state XDG_CACHE_HOME=$h/cache "$b" list "$T" >/dev/null 2>&1
    if [ "$mode" = stored ]; then
      cp "$STORE" "$(dirname "$(ls "$h"/cache/inkstone/*.bin)")/$(basename "$STORE")"
    fi
  done
  n=0
  for q in "${Q[@]}"; do
    n=$((n + 1))
    run "$OLD" "$OUT/$mode-old" "$q" "$OUT/$mode-old-$n"
    run "$NEW" "$OUT/$mode-new" "$q" "$OUT/$mode-new-$n"
    if cmp -s "$OUT/$mode-old-$n" "$OUT/$mode-new-$n"; then
      echo "same    $mode $(wc -l <"$OUT/$mode-new-$n") listed: $q"
    else
      echo "DIFFER  $mode old $(wc -l <"$OUT/$mode-old-$n") new $(wc -l <"$OUT/$mode-new-$n"): $q"
      differ=1
    fi
  done
done
echo "lists in $OUT"
exit $differ

#!/bin/bash
# Cold `inkstone list` (no metadata cache) against the first-4 KiB floor,
# measured in the same minute, from outside: wall time, CPU (user + system),
# peak RSS, then the warm `list` that reads the cache the cold one wrote.
# Several binaries are measured in turn, so a before/after comparison shares
# the machine's load. Prints the load average with every row.
#
# Usage: scripts/cold-list-vs-floor.sh TREE RUNS BINARY...
#   e.g. scripts/cold-list-vs-floor.sh target/corpus-full/articles 3 target/release/inkstone
set -eu
T=$1
N=$2
shift 2
H=$(mktemp -d)
trap 'rm -rf "$H"' EXIT
export HOME=$H XDG_CONFIG_HOME=$H/config XDG_STATE_HOME=$H/state XDG_CACHE_HOME=$H/cache
floor() { find -H "$T" -type f -print0 | xargs -0 -P2 -n 4000 head -qc 4096 >/dev/null; }
now() { date +%s%N; }
floor # warm the page cache
for _ in $(seq "$N"); do
  for b in "$@"; do
    s=$(now); floor; e=$(now)
    f=$(((e - s) / 1000000))
    rm -rf "$H/cache"
    s=$(now); /usr/bin/time -f "%U %S %M" -o "$H/t" "$b" list "$T" >/dev/null 2>&1; e=$(now)
    c=$(((e - s) / 1000000))
    read -r u sy m <"$H/t"
    s=$(now); "$b" list "$T" >/dev/null 2>&1; e=$(now)
    w=$(((e - s) / 1000000))
    echo "$b: floor ${f} ms | cold ${c} ms ($(echo "scale=2; $c/$f" | bc)x), CPU ${u} s user + ${sy} s system, peak RSS $((m / 1024)) MB | warm ${w} ms | load $(cut -d' ' -f1 /proc/loadavg)"
  done
done

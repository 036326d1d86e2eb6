#!/bin/bash
# A reader's first start after a cold `list`, sampled from outside: every
# 0.5 s the reader's VmHWM, VmRSS, RssAnon and RssFile (MB, from
# /proc/PID/status), the CPU seconds of each of its threads by name (link
# scan `inkstone-links`, index `search-index*`, cache write
# `inkstone-cache`), and the files in its cache folder (a write or an index
# build under way shows as a temporary file growing). Stops once its CPU has
# not moved for 4 s (or after MAX seconds), then `q` and the time to exit.
#
# SEED (a folder) keeps the home made by the cold `list`, so later runs of
# the same binary start from the same cache; SEARCH=FILE puts a stored
# search index in place (hard-linked) to time the link scan and the cache
# write alone; without it the index is built too.
#
# Usage: SEED=DIR [SEARCH=FILE] scripts/first-start-rss.sh TREE BINARY OUT [MAX]
set -u
T=$1; B=$(readlink -f "$2"); OUT=$3; MAX=${4:-900}
if [ ! -d "$SEED/cache/inkstone" ]; then
  mkdir -p "$SEED"
  HOME=$SEED XDG_CONFIG_HOME=$SEED/config XDG_STATE_HOME=$SEED/state XDG_CACHE_HOME=$SEED/cache \
    /usr/bin/time -f "cold list %e s, peak %M KB" "$B" list "$T" >/dev/null
fi
H=$(mktemp -d)
cp -a "$SEED/." "$H/"
rm -f "$H"/cache/inkstone/*.search
if [ -n "${SEARCH:-}" ]; then
  ln "$SEARCH" "$H/cache/inkstone/$(basename "$(ls "$H"/cache/inkstone/library-*.bin)" .bin).search"
fi
ENV="HOME=$H XDG_CONFIG_HOME=$H/config XDG_STATE_HOME=$H/state XDG_CACHE_HOME=$H/cache"
S=first-start-$$
start=$(date +%s%N)
tmux -L "$S" new-session -d -s "$S" -x 200 -y 60 "env $ENV $B $T"
pid=$(tmux -L "$S" display -p -t "$S" '#{pane_pid}')
last=""; still=0
while [ -e "/proc/$pid" ]; do
  t=$((($(date +%s%N) - start) / 1000000))
  st=$(awk '/VmHWM|VmRSS|RssAnon|RssFile/ {printf "%s %d ", $1, $2/1024}' "/proc/$pid/status")
  thr=$(for d in /proc/"$pid"/task/*; do echo "$(cat "$d/comm") $(awk '{print $14+$15}' "$d/stat")"; done 2>/dev/null |
    awk '{a[$1]+=$2} END {for (k in a) printf "%s=%d ", k, a[k]/100}')
  files=$(find "$H/cache" -type f -printf '%f:%s ' 2>/dev/null)
  echo "$t ms $st| $thr| $files" >>"$OUT"
  cpu=$(awk '{print $14+$15}' "/proc/$pid/stat")
  # Still: no CPU, and no link scan, index build or cache write left (the
  # scan runs at nice 19 and may get no CPU for seconds on a loaded machine).
  busy=$(cat /proc/"$pid"/task/*/comm 2>/dev/null | grep -cE "inkstone-links|search-index|inkstone-cache")
  if [ "$cpu" = "$last" ] && [ "$busy" = 0 ]; then still=$((still + 1)); else still=0; fi
  last=$cpu
  if [ $still -ge 8 ] || [ "$t" -gt $((MAX * 1000)) ]; then break; fi
  sleep 0.5
done
tail -n1 "$OUT"
asked=$(date +%s%N)
tmux -L "$S" send-keys -t "$S" q
while [ -e "/proc/$pid" ] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]; do sleep 0.002; done
echo "q to exit $((($(date +%s%N) - asked) / 1000000)) ms | load $(cut -d' ' -f1-3 /proc/loadavg)"
sleep 1
tmux -L "$S" kill-server 2>/dev/null
ls -l "$H/cache/inkstone/"
rm -rf "$H"

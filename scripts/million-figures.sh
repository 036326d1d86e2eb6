#!/bin/bash
# Issue 10's figures for one binary on a big tree (the 1M tree from
# scripts/build-million-tree.sh), from outside, with the floors measured in
# the same run and the load average on every line:
#   floors (after one untimed walk): a stat-only walk (`find -printf %s`: every file's metadata) and
#   the first 4 KiB of every file on both cores;
#   `list` cold (only when the home has no cache yet) and warm, `tags` warm:
#   wall, CPU (user + system) and peak RSS from /usr/bin/time;
#   the reader in a 200x60 tmux pane (its own tmux server): launch to the
#   first drawn list, CPU and peak RSS (VmHWM) once its CPU time has not
#   moved for 3 s (search ready, cache written), then `q` to the process gone.
# The metadata cache is kept in HOME (default: a new temporary folder), so a
# second run with the same HOME is warm. Each build has its own cache.
#
# Usage: HOME_DIR=/tmp/h [READER_ONLY=1] [IDLE_MAX=s] scripts/million-figures.sh TREE BINARY
set -eu
T=$1
B=$(readlink -f "$2")
H=${HOME_DIR:-$(mktemp -d)}
mkdir -p "$H"
ENV="HOME=$H XDG_CONFIG_HOME=$H/config XDG_STATE_HOME=$H/state XDG_CACHE_HOME=$H/cache"
export HOME=$H XDG_CONFIG_HOME=$H/config XDG_STATE_HOME=$H/state XDG_CACHE_HOME=$H/cache
load() { cut -d' ' -f1-3 /proc/loadavg; }
timed() { # label, command...
  local label=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$H/t" "$@" >/dev/null 2>&1 || true
  read -r e u s m <"$H/t"
  echo "$label: ${e} s wall, CPU ${u} user + ${s} sys, peak RSS $((m / 1024)) MB | load $(load)"
}
echo "tree $T: $(find "$T/" -type f | wc -l) files; binary $B; home $H"
# Once untimed, so the floors and the commands all find the inodes cached.
find "$T/" -type f -printf '%s\n' >/dev/null
timed "floor: stat-only walk" find "$T/" -type f -printf '%s\n'
timed "floor: first 4 KiB of every file" sh -c "find '$T/' -type f -print0 | xargs -0 -P2 -n 4000 head -qc 4096"
if [ -z "${READER_ONLY:-}" ]; then
  if ! ls "$H"/cache/inkstone/library-* >/dev/null 2>&1; then
    timed "cold list" "$B" list "$T"
  fi
  timed "warm list" "$B" list "$T"
  timed "warm tags" "$B" tags "$T"
fi
S=mem10-figures
tmux -L "$S" kill-server 2>/dev/null || true
start=$(date +%s%N)
tmux -L "$S" new-session -d -s "$S" -x 200 -y 60 "env $ENV $B $T"
pid=$(tmux -L "$S" display -p -t "$S" '#{pane_pid}')
# `env` execs the reader: the pane's process is the reader.
# The list: its header's count and an article's unread dot (the loading
# screen's "Reading articles…" is not it).
listed() { tmux -L "$S" capture-pane -p -t "$S" 2>/dev/null | grep -v 'Reading articles' | grep ' articles' >/dev/null &&
  tmux -L "$S" capture-pane -p -t "$S" 2>/dev/null | grep -q '● '; }
until listed; do sleep 0.02; done
first=$((($(date +%s%N) - start) / 1000000))
echo "reader: first drawn list ${first} ms, peak RSS $(($(awk '/VmHWM/ {print $2}' "/proc/$pid/status") / 1024)) MB by then | load $(load)"
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
last=$(cpu); quiet=0
# IDLE_MAX (seconds) stops waiting for idle, e.g. while a search index is built.
limit=$((start / 1000000 + ${IDLE_MAX:-3600} * 1000))
while [ "$quiet" -lt 30 ] && [ "$(($(date +%s%N) / 1000000))" -lt "$limit" ]; do
  sleep 0.1
  now=$(cpu)
  if [ "$now" -gt $((last + 1)) ]; then quiet=0; else quiet=$((quiet + 1)); fi
  last=$now
done
idle=$((($(date +%s%N) - start) / 1000000))
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
[ "$quiet" -lt 30 ] && echo "reader: still busy after IDLE_MAX"
echo "reader: idle after ${idle} ms, CPU $(echo "scale=2; $last/100" | bc) s, peak RSS $((hwm / 1024)) MB | load $(load)"
asked=$(date +%s%N)
tmux -L "$S" send-keys -t "$S" q
while [ -e "/proc/$pid" ]; do sleep 0.005; done
echo "reader: q to exit $((($(date +%s%N) - asked) / 1000000)) ms | load $(load)"
tmux -L "$S" kill-server 2>/dev/null || true

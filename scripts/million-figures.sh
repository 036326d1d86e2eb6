#!/bin/bash
# Issue 10's figures for one binary on a big tree (the 1M tree from
# scripts/build-million-tree.sh), from outside, with the floors measured in
# the same run and the load average on every line:
#   floors (after one untimed walk): a stat-only walk (`find -printf %s`: every file's metadata) and
#   the first 4 KiB of every file on both cores;
#   `list` cold (only when the home has no cache yet) and warm, `tags` warm:
#   wall, CPU (user + system) and peak RSS from /usr/bin/time;
#   the reader in a 200x60 tmux pane (its own tmux server): launch to the
#   first drawn list, CPU and peak RSS (VmHWM) once it is idle (for 3 s its
#   CPU time, its I/O counters and its cache folder have not moved and no
#   thread waited on the disk: search ready, cache written), then `q` to the
#   process gone.
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
S=figures-$$
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
# Idle: for 3 s running, none of the reader's CPU time, its I/O counters
# (/proc/PID/io: bytes asked of read/write and bytes that reached the disk)
# or the files in its cache folder (a temporary index file growing) moved,
# and none of its threads waited on the disk (state D). CPU alone stops
# while the index merge waits on the disk.
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
activity() {
  cat "/proc/$pid/io" 2>/dev/null | awk '/^(rchar|wchar|read_bytes|write_bytes):/ {printf "%s ", $2}'
  find "$H/cache" -type f -printf '%f %s\n' 2>/dev/null | sort | cksum
  cat /proc/"$pid"/task/*/stat 2>/dev/null | awk '$3 == "D" {d++} END {print d + 0}'
}
last=$(cpu); seen=$(activity); moved=$(date +%s%N)
# IDLE_MAX (seconds) stops waiting for idle, e.g. while a search index is built.
limit=$((start / 1000000 + ${IDLE_MAX:-3600} * 1000))
while [ "$(($(date +%s%N) - moved))" -lt 3000000000 ] && [ "$(($(date +%s%N) / 1000000))" -lt "$limit" ]; do
  sleep 0.1
  now=$(cpu)
  act=$(activity)
  if [ "$now" -gt $((last + 1)) ] || [ "$act" != "$seen" ] || [ "${act##*$'\n'}" != 0 ]; then
    moved=$(date +%s%N)
  fi
  last=$now
  seen=$act
done
idle=$(((moved - start) / 1000000))
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
[ "$(($(date +%s%N) - moved))" -lt 3000000000 ] && echo "reader: still busy after IDLE_MAX"
echo "reader: idle from ${idle} ms (CPU, I/O and cache files still for 3 s), CPU $(echo "scale=2; $last/100" | bc) s, peak RSS $((hwm / 1024)) MB | load $(load)"
# Quitting: from the key to the process ended (its main thread a zombie and
# no other thread left: the last one out has given the memory back to the
# kernel; a shell would be back),
# and to tmux having reaped it, which comes about 2 s later even for a
# small library and is tmux's, not the reader's.
asked=$(date +%s%N)
tmux -L "$S" send-keys -t "$S" q
ended=""
while [ -e "/proc/$pid" ]; do
  if [ -z "$ended" ] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = Z ] &&
    [ "$(ls "/proc/$pid/task" 2>/dev/null | wc -l)" -le 1 ]; then ended=$(date +%s%N); fi
  sleep 0.002
done
gone=$(date +%s%N)
echo "reader: q to exit $(((${ended:-$gone} - asked) / 1000000)) ms (reaped by tmux after $(((gone - asked) / 1000000)) ms) | load $(load)"
tmux -L "$S" kill-server 2>/dev/null || true

#!/bin/sh
# A/B of two builds on a shared machine: each round runs every bench once
# for A (an older commit) and once for B (this tree), one right after the
# other, so the load of the moment hits both alike. Each bench runs its
# own build's bench binary (the harness as it was then); `scale` is this
# tree's harness timing either release binary from outside.
#
# Usage: scripts/bench-ab.sh A_TARGET B_TARGET ROUNDS OUT [BENCH...]
#   A_TARGET, B_TARGET: the cargo target folders of the two builds, each
#     with `release/inkstone` and the benches built
#     (`cargo build --release --bins && cargo bench --no-run`), e.g. an
#     older commit checked out with `git worktree add` and built with
#     `CARGO_TARGET_DIR`; the older one needs its `target/corpus-full`
#     (and `target/corpus`) beside its sources as this tree has them.
#   ROUNDS: rounds of A then B.  OUT: folder for one file per run.
#   BENCH: any of scale first_frame render reader reader_search
#     (default: all). `scale` needs this tree's scale bench in B_TARGET.
# Prints the load average before each run; each bench prints its own.
set -eu
a=$1 b=$2 rounds=$3 out=$4
shift 4
benches=${*:-scale first_frame render reader reader_search}
corpus=$(dirname "$0")/../target/corpus-full/articles
mkdir -p "$out"

# The newest bench executable called NAME in a target folder.
bench_bin() {
    ls -t "$1"/release/deps/"$2"-* 2>/dev/null | grep -E "/$2-[0-9a-f]{16}$" | head -n 1
}

round=1
while [ "$round" -le "$rounds" ]; do
    for bench in $benches; do
        for side in A B; do
            if [ "$side" = A ]; then target=$a; else target=$b; fi
            file="$out/$round-$bench-$side.txt"
            echo "round $round $bench $side: load $(cut -d' ' -f1-3 /proc/loadavg)"
            {
                echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
                case $bench in
                    scale)
                        INKSTONE_BIN="$target/release/inkstone" \
                            "$(bench_bin "$b" scale)" --bench --runs 1 "$corpus"
                        ;;
                    first_frame) "$(bench_bin "$target" first_frame)" --bench --pty ;;
                    *) "$(bench_bin "$target" "$bench")" --bench ;;
                esac
                echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
            } >"$file" 2>&1 || echo "  failed, see $file"
        done
    done
    round=$((round + 1))
done

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/cp.sh DIR COPY_FILE: iosafe_copy_all (bench/copy_file.c, built as
# COPY_FILE) against `cp --reflink=never` on one file of BENCH_CP_MIB MiB
# (default 1024: 1 GiB) in DIR, timed side by side in one run: ROUNDS
# rounds (default 3), each timing cp then copy_file on the same source,
# after a sync so that neither pays for the other's dirty pages.  Prints
# the median wall time of each and their ratio (copy_all / cp; 1.00: as
# fast as cp).  Both copy with copy_file_range(2) where the file system
# supports it (coreutils 9 does, iosafe_copy_all tries it first).
set -euo pipefail

dir=${1:?usage: cp.sh DIR COPY_FILE}
prog=${2:?usage: cp.sh DIR COPY_FILE}
mib=${BENCH_CP_MIB:-1024}
rounds=${ROUNDS:-3}
src="$dir/cp-src.bin"

mkdir -p "$dir"
trap 'rm -f "$src" "$dir/cp-dst-cp.bin" "$dir/cp-dst-iosafe.bin"' EXIT
head -c $((mib * 1024 * 1024)) /dev/urandom > "$src"
sync

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

tcp=() tio=()
for ((r = 0; r < rounds; r++)); do
	rm -f "$dir/cp-dst-cp.bin" "$dir/cp-dst-iosafe.bin"
	sync
	t0=$(now); cp --reflink=never "$src" "$dir/cp-dst-cp.bin"; sync; t1=$(now)
	tcp+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
	t0=$(now); "$prog" "$src" "$dir/cp-dst-iosafe.bin"; sync; t1=$(now)
	tio+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
	cmp -s "$src" "$dir/cp-dst-iosafe.bin" || { echo "bench-cp: copy_file's copy differs" >&2; exit 1; }
done
mcp=$(printf '%s\n' "${tcp[@]}" | median)
mio=$(printf '%s\n' "${tio[@]}" | median)
printf '\nbench-cp: iosafe_copy_all against cp --reflink=never, %d MiB, median of %d rounds (wall time, each followed by sync)\n' "$mib" "$rounds"
printf '  cp --reflink=never  %8.3f s   (rounds: %s)\n' "$mcp" "${tcp[*]}"
printf '  iosafe_copy_all     %8.3f s   (rounds: %s)\n' "$mio" "${tio[*]}"
printf '  ratio copy_all/cp   %8s\n' "$(awk -v a="$mio" -v b="$mcp" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }')"

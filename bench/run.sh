#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/run.sh DIR PROGRAM...: run each program's three builds (DIR/P-bare,
# DIR/P-iosafe, DIR/P-lto) under callgrind and print, side by side:
#   - instructions executed in the hot functions (bench_*) and in all they
#     call (libc, libiosafe), counted by callgrind --toggle-collect=bench_*:
#     instruction counts, not seconds, so the same on every run;
#   - the code size of the hot functions (nm -S), and of the libiosafe
#     functions linked in beside them.
# Ratios are iosafe / bare; 1.00 means iosafe costs nothing.
set -euo pipefail

dir=${1:?usage: run.sh DIR PROGRAM...}
shift
VALGRIND=${VALGRIND:-valgrind}

instr() { # binary -> instructions executed in bench_* and callees
	local out="$1.callgrind"
	"$VALGRIND" --tool=callgrind --toggle-collect='bench_*' --callgrind-out-file="$out" -q \
		"$1" >/dev/null || { echo "bench: $1 failed" >&2; exit 1; }
	sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$out"
}
size_of() { # binary, symbol regex -> total bytes of matching defined functions
	local addr size type name total=0
	while read -r addr size type name; do
		case $type in T | t) ;; *) continue ;; esac
		[[ $name =~ $2 ]] && total=$((total + 16#$size))
	done < <(nm -S --defined-only "$1")
	echo "$total"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }

printf '\nbench-lib: iosafe against bare ints, gcc -O2 (iosafe: linked with libiosafe.a; +LTO: library sources built in with -flto)\n'
printf 'instructions: executed in bench_* and all it calls (callgrind); bytes: size of bench_* (nm), [+ libiosafe functions linked in]\n\n'
printf '%-12s | %10s %10s %6s %10s %6s | %6s %6s %6s %12s %6s %6s\n' \
	program 'bare' 'iosafe' ratio '+LTO' ratio 'bare' 'iosafe' ratio '[+lib]' '+LTO' ratio
printf '%-12s | %10s %10s %6s %10s %6s | %6s %6s %6s %12s %6s %6s\n' \
	'' instr instr '' instr '' bytes bytes '' bytes bytes ''
printf -- '-------------+-----------------------------------------------+--------------------------------------------------\n'
for p in "$@"; do
	b="$dir/$p-bare" i="$dir/$p-iosafe" l="$dir/$p-lto"
	ib=$(instr "$b") ii=$(instr "$i") il=$(instr "$l")
	sb=$(size_of "$b" '^bench_') si=$(size_of "$i" '^bench_') sl=$(size_of "$l" '^bench_')
	slib=$(size_of "$i" '^iosafe_')
	printf '%-12s | %10d %10d %6s %10d %6s | %6d %6d %6s %12s %6d %6s\n' \
		"$p" "$ib" "$ii" "$(ratio "$ii" "$ib")" "$il" "$(ratio "$il" "$ib")" \
		"$sb" "$si" "$(ratio "$si" "$sb")" "[+$slib]" "$sl" "$(ratio "$sl" "$sb")"
done
printf '\ngoal: every ratio 1.00 (iosafe costs nothing at run time)\n'

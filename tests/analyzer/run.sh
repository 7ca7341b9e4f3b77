#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/analyzer/run.sh PLUGIN: run the analyzer -verify tests.
#
# Each tests/analyzer/*.c holds one topic, LLVM style: `// RUN:` lines run
# by this script (lit's %clang_analyze_cc1 and %s substitutions), and the
# expectations inline (`// expected-warning{{...}}`, `// expected-note{{...}}`,
# `// expected-no-diagnostics`), checked by clang's own -verify.
# %clang_analyze_win is the analyzer for Windows code (win-*.c, below).
#
# The posix-*.c files run twice: as written, and with
# unix.StdCLibraryFunctions on too (as iosafe-check and clang --analyze run
# it), since that checker splits the paths of open, socket, pipe and others
# right after the call.  Where the two runs differ (a leak found at another
# line, Clang's own argument warning on the failure path), the directives
# carry the run's -verify prefix: plain-warning or stdc-warning (inl-warning
# and noipa-warning where a run inlines nothing, -analyzer-config ipa=none).
#
# A test case is a function named pos_* (it must carry at least one
# expected-warning) or neg_* (it must carry none: the checker stays quiet).
# The script checks that convention too, so a case cannot silently lose its
# expectation, then prints the number of files and cases and a last line
#   analyzer: N passed, M failed
# counting cases (a file that fails fails all its cases).
set -uo pipefail

plugin=${1:?usage: run.sh PLUGIN [FILE.c...]}
shift
CLANG=${CLANG:-clang-19}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ ! -f "$plugin" ]; then
	echo "analyzer: plugin $plugin not found" >&2
	exit 2
fi
plugin=$(cd "$(dirname "$plugin")" && pwd)/$(basename "$plugin")

# clang -cc1 has no default include paths: take the driver's, so that the
# tests can include <fcntl.h> and iosafe's headers as users do.
isys=()
while read -r d; do
	isys+=(-internal-isystem "$d")
done < <("$CLANG" -E -v -x c /dev/null -o /dev/null 2>&1 |
	sed -n '/#include <...> search starts here:/,/End of search list/p' |
	sed -n 's/^ //p')
cc1="$CLANG -cc1 -analyze -triple x86_64-pc-linux-gnu ${isys[*]} -load $plugin -I $root/include"
# The win-*.c files analyse Windows code: %clang_analyze_win is the same
# analyzer with the mingw-w64 target and its headers (the driver's search
# path for --target=x86_64-w64-mingw32, as iosafe-check runs a cross
# build's entries).
wsys=()
while read -r d; do
	wsys+=(-internal-isystem "$d")
done < <("$CLANG" --target=x86_64-w64-mingw32 -E -v -x c /dev/null -o /dev/null 2>&1 |
	sed -n '/#include <...> search starts here:/,/End of search list/p' |
	sed -n 's/^ //p')
cc1win="$CLANG -cc1 -analyze -triple x86_64-w64-windows-gnu -fgnuc-version=4.2.1 -mms-bitfields ${wsys[*]} -load $plugin -I $root/include"

if [ $# -gt 0 ]; then files=("$@"); else files=("$here"/*.c); fi

nfiles=0 ncases=0 npos=0 nneg=0 passed=0 failed=0
for f in "${files[@]}"; do
	nfiles=$((nfiles + 1))
	name=${f#"$root"/}
	# Cases and the pos/neg convention.
	counts=$(awk '
		function flush() {
			if (fn == "") return
			if (fn ~ /^pos_/ && w == 0) { print "BAD " fn " has no expected-warning"; bad++ }
			if (fn ~ /^neg_/ && w > 0)  { print "BAD " fn " expects a warning"; bad++ }
		}
		/^[A-Za-z_].*[^A-Za-z0-9_](pos|neg)_[A-Za-z0-9_]*[ \t]*\(/ && $0 !~ /;[ \t]*$/ {
			flush()
			match($0, /(pos|neg)_[A-Za-z0-9_]*/)
			fn = substr($0, RSTART, RLENGTH); w = 0
			if (fn ~ /^pos_/) p++; else n++
		}
		/(expected|plain|stdc|inl|noipa)-warning/ { w++ }
		END { flush(); print "COUNT " p+0 " " n+0 " " bad+0 }
	' "$f")
	read -r _ p n bad < <(grep '^COUNT' <<<"$counts")
	cases=$((p + n))
	ncases=$((ncases + cases)) npos=$((npos + p)) nneg=$((nneg + n))
	ok=1
	if [ "$bad" -gt 0 ]; then
		grep '^BAD' <<<"$counts" | sed "s|^BAD|  $name:|"
		ok=0
	fi
	runs=$(sed -n 's|^[[:space:]]*//[[:space:]]*RUN:[[:space:]]*||p' "$f")
	if [ -z "$runs" ]; then
		echo "  $name: no RUN line"
		ok=0
	fi
	while IFS= read -r run; do
		[ -n "$run" ] || continue
		cmd=${run//%clang_analyze_cc1/$cc1}
		cmd=${cmd//%clang_analyze_win/$cc1win}
		cmd=${cmd//%s/$f}
		if ! out=$(eval "$cmd" 2>&1); then
			echo "  FAIL $name: $run"
			sed 's/^/    /' <<<"$out" | head -40
			ok=0
		fi
	done <<<"$runs"
	if [ $ok -eq 1 ]; then
		passed=$((passed + cases))
		[ "${VERBOSE:-0}" = 1 ] && echo "  PASS $name ($cases cases)"
	else
		failed=$((failed + (cases > 0 ? cases : 1)))
	fi
done
# The other ways users load the plugin: through the compiler driver, with
# -fplugin= and with -Xclang -load.  Each must find leak.c's first leak.
if [ ${#files[@]} -gt 1 ] || [ $# -eq 0 ]; then
	for how in "-fplugin=$plugin" "-Xclang -load -Xclang $plugin"; do
		out=$("$CLANG" --analyze $how -Xclang -analyzer-checker=iosafe.Ownership \
			-I "$root/include" "$here/leak.c" -o /dev/null 2>&1)
		if grep -q "warning: fd leak: .*\[iosafe.Ownership\]" <<<"$out"; then
			echo "analyzer: loads with clang --analyze $how"
		else
			echo "  FAIL clang --analyze $how: no finding"
			sed 's/^/    /' <<<"$out" | head -10
			failed=$((failed + 1))
		fi
	done
fi
echo "analyzer: $nfiles files, $ncases cases ($npos with a finding, $nneg clean)"
echo "analyzer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

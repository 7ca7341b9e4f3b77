#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/prove/check.sh: iosafe-prove as a user runs it.  Installs iosafe into
# a DESTDIR, then runs the installed command on examples/prove/save_message.c:
#   - as written: every goal proved, exit 0;
#   - with -DSEEDED_LEAK: exit 1, and the unproved goal named is the
#     contract's table_same (the leak), at its line;
#   - after moving the whole installed tree elsewhere: still exit 0;
#   - on a file that does not parse, on a missing file, on a bad option and
#     with no frama-c on PATH: exit 2 with a message.
# Environment: MAKE, V=1 to print the command's output.
set -euo pipefail

MAKE=${MAKE:-make}
V=${V:-0}
dest=$(mktemp -d "${TMPDIR:-/tmp}/iosafe-prove.XXXXXX")
trap 'rm -rf "$dest"' EXIT
passed=0
ex=examples/prove/save_message.c

fail() {
	echo "prove-client: FAIL: $*" >&2
	[ -f "$dest/out" ] && cat "$dest/out" >&2
	exit 1
}
expect() { # status, description, command...
	local want=$1 what=$2 got=0
	shift 2
	"$@" >"$dest/out" 2>&1 || got=$?
	[ "$V" = 1 ] && cat "$dest/out"
	[ "$got" = "$want" ] || fail "$what: exit $got, expected $want"
	passed=$((passed + 1))
}

"$MAKE" --no-print-directory -s install DESTDIR="$dest/stage" PREFIX=/usr >/dev/null ||
	fail "make install"
cmd="$dest/stage/usr/bin/iosafe-prove"
[ -x "$cmd" ] || fail "make install wrote no $cmd"

expect 0 "proved example" "$cmd" "$ex"
grep -q "^iosafe-prove: save_message: \([0-9]*\)/\1 goals proved" "$dest/out" ||
	fail "proved example: no per-function line with every goal proved"

expect 1 "seeded leak" "$cmd" "$ex" -- -DSEEDED_LEAK
line=$(grep -n 'ensures table_same' "$ex" | cut -d: -f1)
grep -q "^$ex:$line: save_message: not proved (postcondition): table_same:" "$dest/out" ||
	fail "seeded leak: the unproved goal is not table_same at $ex:$line"
[ "$(grep -c ': not proved ' "$dest/out")" = 1 ] ||
	fail "seeded leak: other goals than table_same failed"

mv "$dest/stage" "$dest/moved"
expect 0 "moved install" "$dest/moved/usr/bin/iosafe-prove" "$ex"
cmd="$dest/moved/usr/bin/iosafe-prove"

printf 'int f(void) { return ; \n' >"$dest/broken.c"
expect 2 "a file that does not parse" "$cmd" "$dest/broken.c"
grep -q "could not parse" "$dest/out" || fail "no parse error message"
expect 2 "a missing file" "$cmd" "$dest/missing.c"
expect 2 "a bad option" "$cmd" --prover nosuch "$ex"
mkdir -p "$dest/nofc"
ln -s "$(python3 -c 'import sys; print(sys.executable)')" "$dest/nofc/python3"
expect 2 "no frama-c" env PATH="$dest/nofc" python3 "$cmd" "$ex"
grep -q "frama-c is not installed" "$dest/out" || fail "no 'frama-c is not installed' message"

echo "prove-client: $passed passed, 0 failed"

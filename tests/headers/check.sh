#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/headers/check.sh: the header portability matrix.
#
#   1. every public header (include/iosafe/*.h), alone in a translation unit
#      (and included twice, for its include guard), compiles as C99, C11,
#      C17 and C2x under gcc and clang, and as C++11, C++17 and C++20 under
#      g++ and clang++, with -Wall -Wextra -Wpedantic -Werror;
#   2. tests/headers/use.c (IOSAFE_FD_NONE, iosafe_auto_fd) builds in every
#      one of those modes, links with the library, and runs successfully;
#   3. iosafe_auto_fd without a cleanup attribute is a compile error naming
#      iosafe_auto_fd_needs_the_cleanup_attribute_of_gcc_or_clang
#      (tests/headers/needs_cleanup.c says how).
#
# Environment: CC_GCC CC_CLANG CXX_GCC CXX_CLANG (compilers), LIB_A (the
# static library), OUT (a build directory), V=1 to print every command.
set -uo pipefail

CC_GCC=${CC_GCC:-gcc}
CC_CLANG=${CC_CLANG:-clang-19}
CXX_GCC=${CXX_GCC:-g++}
CXX_CLANG=${CXX_CLANG:-clang++-19}
LIB_A=${LIB_A:?LIB_A: the static library}
OUT=${OUT:?OUT: a build directory}
V=${V:-0}
WARN=(-Wall -Wextra -Wpedantic -Werror)

mkdir -p "$OUT"
pass=0
fail=0

run() { # description, command...
	local what=$1
	shift
	[ "$V" = 1 ] && echo "$*"
	if "$@" >"$OUT/last.log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "headers: FAIL: $what" >&2
		echo "  $*" >&2
		sed 's/^/  | /' "$OUT/last.log" | head -n 30 >&2
	fi
}

# mode list: "compiler language std"
modes=()
for cc in "$CC_GCC" "$CC_CLANG"; do
	for std in c99 c11 c17 c2x; do modes+=("$cc c $std"); done
done
for cxx in "$CXX_GCC" "$CXX_CLANG"; do
	for std in c++11 c++17 c++20; do modes+=("$cxx c++ $std"); done
done

for cmd in "$CC_GCC" "$CC_CLANG" "$CXX_GCC" "$CXX_CLANG"; do
	if ! command -v "$cmd" >/dev/null; then
		echo "headers: $cmd not found (make deps installs it)" >&2
		exit 1
	fi
done

headers=(include/iosafe/*.h)
for h in "${headers[@]}"; do
	name=$(basename "$h")
	tu="$OUT/only_${name%.h}.c"
	# The typedef keeps ISO C's "a translation unit declares something"
	# (-Wempty-translation-unit) off the macro-only headers.
	printf '#include <iosafe/%s>\n#include <iosafe/%s>\ntypedef int only_this_header;\n' \
		"$name" "$name" >"$tu"
	for m in "${modes[@]}"; do
		read -r cc lang std <<<"$m"
		run "$name alone, $cc -x $lang -std=$std" \
			"$cc" -x "$lang" -std="$std" "${WARN[@]}" -Iinclude -fsyntax-only "$tu"
	done
done

for m in "${modes[@]}"; do
	read -r cc lang std <<<"$m"
	bin="$OUT/use-$(basename "$cc")-$std"
	run "use.c, $cc -x $lang -std=$std: build" \
		"$cc" -x "$lang" -std="$std" "${WARN[@]}" -Iinclude tests/headers/use.c -x none "$LIB_A" -o "$bin"
	run "use.c, $cc -x $lang -std=$std: run" "$bin"
done

# The cleanup attribute is required: control build, then the failing one.
for cc in "$CC_GCC" "$CC_CLANG"; do
	run "needs_cleanup.c builds with $cc (control)" \
		"$cc" -std=c11 "${WARN[@]}" -Iinclude -c tests/headers/needs_cleanup.c -o "$OUT/needs_cleanup.o"
	log="$OUT/needs_cleanup-$(basename "$cc").log"
	[ "$V" = 1 ] && echo "$cc -std=c11 -U__GNUC__ -U__clang__ ... (must fail)"
	if "$cc" -std=c11 "${WARN[@]}" -U__GNUC__ -U__clang__ -Iinclude -c tests/headers/needs_cleanup.c \
		-o "$OUT/needs_cleanup-bad.o" >"$log" 2>&1; then
		fail=$((fail + 1))
		echo "headers: FAIL: iosafe_auto_fd compiled with $cc without __GNUC__/__clang__" >&2
	elif ! grep -q 'error: .*iosafe_auto_fd_needs_the_cleanup_attribute_of_gcc_or_clang' "$log"; then
		fail=$((fail + 1))
		echo "headers: FAIL: $cc's error does not name the missing cleanup attribute:" >&2
		sed 's/^/  | /' "$log" | head -n 20 >&2
	else
		pass=$((pass + 1))
	fi
done

echo "headers: ${#headers[@]} headers x ${#modes[@]} modes alone, use.c built and run in each mode, cleanup-attribute error with 2 compilers"
echo "headers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

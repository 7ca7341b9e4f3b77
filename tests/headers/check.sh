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
#      (tests/headers/needs_cleanup.c says how);
#   4. the bodies in headers (include/iosafe/inline.h): tests/headers/inlined.c
#      at -O2 in every mode, with no feature macro (strict ISO C),
#      -D_POSIX_C_SOURCE=200809L and -D_GNU_SOURCE, and in the other build
#      modes users have (gnu89 and -fgnu89-inline, _FORTIFY_SOURCE=2 and 3,
#      _FILE_OFFSET_BITS=64, -O0, -Os, IOSAFE_NO_INLINE, every function
#      called through a pointer): the object defines no iosafe_ function
#      (no copy to clash with libiosafe's), links with the library and runs;
#      under gcc, the library functions it still calls are exactly those
#      whose body the unit's feature macros leave out (gcc -O2 inlines every
#      other one; clang's inliner may keep a call on a cold path, so for it
#      only the first two are checked).
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

# ---- 4. bodies in headers --------------------------------------------------
# Every function with a body in a header, and those of them each feature set
# leaves to the library (the guards in fd.h, io.h and net.h; inline.h).
# net.h's SOCK_CLOEXEC (socketpair) and MSG_CMSG_CLOEXEC (recvmsg) guards
# hold in every mode on glibc (<bits/socket.h>, <bits/socket_type.h>), so
# those two are in no list.
mapfile -t bodies < <(sed -n 's/^IOSAFE_INLINE [^(]*[ *]\(iosafe_[a-z0-9_]*\)(.*/\1/p' include/iosafe/*.h | sort -u)
if [ "${#bodies[@]}" -lt 29 ]; then
	echo "headers: FAIL: found ${#bodies[@]} IOSAFE_INLINE bodies in include/iosafe/, expected 29 or more" >&2
	fail=$((fail + 1))
fi
all_bodies=$(printf '%s\n' "${bodies[@]}")
needs_posix2008="iosafe_fd_try_clone iosafe_open iosafe_openat"
needs_gnu="iosafe_accept iosafe_pipe iosafe_dup_onto"
sorted() { tr ' ' '\n' | sed '/^$/d' | sort -u; }

# inlined: description, expected calls ("any": not checked), compiler, flags...
inlined() {
	local what=$1 expect=$2 cc=$3
	shift 3
	local obj="$OUT/inlined.o" bin="$OUT/inlined"
	[ "$V" = 1 ] && echo "$cc $* -Iinclude -c tests/headers/inlined.c"
	if ! "$cc" "$@" -Iinclude -c tests/headers/inlined.c -o "$obj" >"$OUT/last.log" 2>&1; then
		fail=$((fail + 1))
		echo "headers: FAIL: inlined.c, $what: build" >&2
		sed 's/^/  | /' "$OUT/last.log" | head -n 30 >&2
		return
	fi
	local defined called
	# Global definitions only: the static inline functions of fd.h are
	# local copies (type t) where not inlined, as they must be.
	defined=$(nm --defined-only "$obj" | awk '$2 ~ /^[A-Z]$/ && $3 ~ /^iosafe_/ { print $3 }')
	if [ -n "$defined" ]; then
		fail=$((fail + 1))
		echo "headers: FAIL: inlined.c, $what: the object defines $defined (must stay the library's)" >&2
	else
		pass=$((pass + 1))
	fi
	called=$(nm -u "$obj" | awk '$2 ~ /^iosafe_/ { print $2 }' | sort -u)
	if [ "$expect" != any ] && [ "$called" != "$(sorted <<<"$expect")" ]; then
		fail=$((fail + 1))
		echo "headers: FAIL: inlined.c, $what: calls in the library:" $called "; expected:" $expect >&2
	elif [ "$expect" != any ]; then
		pass=$((pass + 1))
	fi
	run "inlined.c, $what: link with libiosafe.a" "$cc" "$@" -x none "$obj" "$LIB_A" -o "$bin"
	run "inlined.c, $what: run" "$bin"
}

for m in "${modes[@]}"; do
	read -r cc lang std <<<"$m"
	gcc_like=0
	[ "$cc" = "$CC_GCC" ] || [ "$cc" = "$CXX_GCC" ] && gcc_like=1
	exp() { if [ "$gcc_like" = 1 ]; then echo "$1"; else echo any; fi; }
	if [ "$lang" = c ]; then
		inlined "$cc -std=$std -O2 (strict ISO C)" "$(exp "$needs_posix2008 $needs_gnu")" \
			"$cc" -x c -std="$std" -O2 "${WARN[@]}"
		inlined "$cc -std=$std -O2 -D_POSIX_C_SOURCE=200809L" "$(exp "$needs_gnu")" \
			"$cc" -x c -std="$std" -O2 -D_POSIX_C_SOURCE=200809L "${WARN[@]}"
		inlined "$cc -std=$std -O2 -D_GNU_SOURCE" "$(exp "")" \
			"$cc" -x c -std="$std" -O2 -D_GNU_SOURCE "${WARN[@]}"
	else
		# g++ and clang++ define _GNU_SOURCE themselves.
		inlined "$cc -x c++ -std=$std -O2" "$(exp "")" "$cc" -x c++ -std="$std" -O2 "${WARN[@]}"
	fi
	inlined "$cc -x $lang -std=$std -O2, through pointers" "$all_bodies" \
		"$cc" -x "$lang" -std="$std" -O2 -D_GNU_SOURCE -DTAKE_ADDRESSES "${WARN[@]}"
done

for cc in "$CC_GCC" "$CC_CLANG"; do
	if [ "$cc" = "$CC_GCC" ]; then g="" ; else g=any; fi
	# -Wpedantic off: IOSAFE_FD_NONE is a compound literal, not C90.
	inlined "$cc -std=gnu89 -O2" "${g:-}" "$cc" -std=gnu89 -O2 -D_GNU_SOURCE -Wall -Wextra -Werror
	inlined "$cc -std=c99 -fgnu89-inline -O2" "${g:-}" \
		"$cc" -std=c99 -fgnu89-inline -O2 -D_GNU_SOURCE "${WARN[@]}"
	inlined "$cc -O2 -D_FORTIFY_SOURCE=2" "${g:-}" "$cc" -std=c11 -O2 -D_FORTIFY_SOURCE=2 -D_GNU_SOURCE "${WARN[@]}"
	inlined "$cc -O2 -D_FORTIFY_SOURCE=3" "${g:-}" "$cc" -std=c11 -O2 -D_FORTIFY_SOURCE=3 -D_GNU_SOURCE "${WARN[@]}"
	inlined "$cc -O2 -D_FILE_OFFSET_BITS=64" "${g:-}" \
		"$cc" -std=c11 -O2 -D_FILE_OFFSET_BITS=64 -D_GNU_SOURCE "${WARN[@]}"
	inlined "$cc -Os" any "$cc" -std=c11 -Os -D_GNU_SOURCE "${WARN[@]}"
	# -O0 inlines nothing: every call goes to the library.
	inlined "$cc -O0" "$all_bodies" "$cc" -std=c11 -O0 -D_GNU_SOURCE "${WARN[@]}"
	inlined "$cc -O2 -DIOSAFE_NO_INLINE" "$all_bodies" \
		"$cc" -std=c11 -O2 -DIOSAFE_NO_INLINE -D_GNU_SOURCE "${WARN[@]}"
done

# The bodies compile in the user's unit, under the user's warnings: none of
# the strictest sets may warn about a line of include/iosafe/ (what the
# test file itself draws is not counted).
strict_gcc=(-Wall -Wextra -Wpedantic -Wundef -Wconversion -Wsign-conversion -Wshadow
	-Wcast-qual -Wredundant-decls -Wmissing-declarations -Wcast-align -Wlogical-op
	-Wduplicated-cond -Wnull-dereference -Winline)
for w in "$CC_GCC -x c -std=c11 ${strict_gcc[*]} -Wmissing-prototypes -Wstrict-prototypes -Wbad-function-cast -Wdeclaration-after-statement -Wjump-misses-init" \
	"$CXX_GCC -x c++ -std=c++17 ${strict_gcc[*]} -Wold-style-cast -Wzero-as-null-pointer-constant -Wuseless-cast" \
	"$CC_CLANG -x c -std=c11 -Weverything" \
	"$CXX_CLANG -x c++ -std=c++20 -Weverything -Wno-c++98-compat -Wno-c++98-compat-pedantic"; do
	read -r -a cmd <<<"$w"
	[ "$V" = 1 ] && echo "${cmd[*]} -O2 -D_GNU_SOURCE -Iinclude -fsyntax-only tests/headers/inlined.c"
	"${cmd[@]}" -O2 -D_GNU_SOURCE -Iinclude -fsyntax-only tests/headers/inlined.c >"$OUT/last.log" 2>&1
	if grep -q 'include/iosafe/.*\(warning\|error\)' "$OUT/last.log"; then
		fail=$((fail + 1))
		echo "headers: FAIL: ${cmd[0]} warns about the headers' bodies:" >&2
		grep 'include/iosafe/.*\(warning\|error\)' "$OUT/last.log" | head -n 10 | sed 's/^/  | /' >&2
	else
		pass=$((pass + 1))
	fi
done

echo "headers: ${#headers[@]} headers x ${#modes[@]} modes alone, use.c built and run in each mode, cleanup-attribute error with 2 compilers"
echo "headers: inlined.c: ${#bodies[@]} bodies in headers, in ${#modes[@]} modes x feature sets and 16 other builds"
echo "headers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]

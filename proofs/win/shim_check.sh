#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# proofs/win/shim_check.sh: the types and constants acsl/iosafe_win32.h
# gives Frama-C equal mingw-w64's, checked with its compiler (the Windows
# counterpart of proofs.mk's prove-shim).  A proof over other values would
# not be a proof of the library as built.
#
# Usage: shim_check.sh WIN_CC OUT_DIR
set -euo pipefail
cc=${1:?the mingw-w64 compiler}
out=${2:?a build directory}
mkdir -p "$out"
src="$out/win_shim_check.c"
{
	cat <<'HEAD'
#include <winsock2.h>
#include <windows.h>
#include <errno.h>
#include <stddef.h>
#include <wchar.h>
#include <stdint.h>
#include <fcntl.h>
#include <io.h>
#include <sys/types.h>

#define IOSAFE_UNSIGNED(T) ((T)-1 > 0)
/* Types: the model's width and signedness (HANDLE and SOCKET are integers
 * of the pointer's width there: acsl/iosafe_win32.h says why). */
_Static_assert(sizeof(HANDLE) == 8, "HANDLE width");
_Static_assert(sizeof(SOCKET) == 8 && IOSAFE_UNSIGNED(SOCKET), "SOCKET");
_Static_assert(sizeof(DWORD) == 4 && IOSAFE_UNSIGNED(DWORD), "DWORD");
_Static_assert(sizeof(BOOL) == sizeof(int) && !IOSAFE_UNSIGNED(BOOL), "BOOL");
_Static_assert(sizeof(wchar_t) == 2 && IOSAFE_UNSIGNED(wchar_t), "wchar_t");
_Static_assert(sizeof(size_t) == 8 && IOSAFE_UNSIGNED(size_t), "size_t");
_Static_assert(sizeof(struct sockaddr) == 16 && offsetof(struct sockaddr, sa_data) == 2,
	       "struct sockaddr");
_Static_assert((unsigned long long)(ULONG_PTR)INVALID_HANDLE_VALUE == 18446744073709551615ULL,
	       "INVALID_HANDLE_VALUE");
_Static_assert((unsigned long long)INVALID_SOCKET == ~0ULL, "INVALID_SOCKET");
_Static_assert((ULONG_PTR)NULL == 0, "NULL");
_Static_assert(sizeof(SECURITY_ATTRIBUTES) == 24 &&
	       offsetof(SECURITY_ATTRIBUTES, lpSecurityDescriptor) == 8 &&
	       offsetof(SECURITY_ATTRIBUTES, bInheritHandle) == 16, "SECURITY_ATTRIBUTES");
_Static_assert(sizeof(intptr_t) == 8 && (intptr_t)-1 < 0, "intptr_t");
_Static_assert(sizeof(WSAPROTOCOL_INFOW) == 628, "WSAPROTOCOL_INFOW");
_Static_assert(sizeof(GROUP) == 4 && IOSAFE_UNSIGNED(GROUP), "GROUP");
_Static_assert(FROM_PROTOCOL_INFO == -1, "FROM_PROTOCOL_INFO");
_Static_assert(SOCKET_ERROR == -1, "SOCKET_ERROR");
_Static_assert(sizeof(ssize_t) == 8 && (ssize_t)-1 < 0, "ssize_t");
HEAD
	# Every numeric #define of the model but EDQUOT (Linux's, see there).
	sed -n 's/^#define \([A-Z][A-Z0-9_]*\) \([0-9][0-9]*\)U*$/\1 \2/p' acsl/iosafe_win32.h |
		grep -v '^EDQUOT ' |
		while read -r name value; do
			printf '_Static_assert((long long)(%s) == %sLL, "%s");\n' "$name" "$value" "$name"
		done
} >"$src"
n=$(grep -c '^_Static_assert((long long)' "$src")
[ "$n" -gt 150 ] || { echo "prove-win: only $n constants found in acsl/iosafe_win32.h" >&2; exit 1; }
"$cc" -std=c11 -Wall -Werror -fsyntax-only "$src"
echo "  SHIM     acsl/iosafe_win32.h: $n constants and the types equal mingw-w64's"

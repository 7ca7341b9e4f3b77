#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/win/mutants.sh: break the Windows library in known ways and check
# that `make check-win-run` fails for each (tests/win/README.md).  Works on
# a copy of the committed tree (git archive HEAD) under $TMPDIR; the work
# tree is not touched.  Run by hand: bash tests/win/mutants.sh
set -uo pipefail

top=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$top" archive HEAD | tar -x -C "$work"
cd "$work" || exit 1
make -s check-win-run >/dev/null 2>&1 || { echo "mutants: the unmutated tests fail" >&2; exit 1; }

killed=0
survived=0
mutant() { # name file sed-expression
	local name=$1 file=$2 expr=$3
	cp "$file" "$file.orig"
	sed -i "$expr" "$file"
	if cmp -s "$file" "$file.orig"; then
		echo "mutants: $name: the expression changed nothing" >&2
		survived=$((survived + 1))
	elif make -s check-win-run >/dev/null 2>&1; then
		echo "mutants: $name: SURVIVED"
		survived=$((survived + 1))
	else
		echo "mutants: $name: killed by $(grep '^FAIL' build/win/tests/run.log | cut -d' ' -f2 | tr '\n' ' ')"
		killed=$((killed + 1))
	fi
	mv "$file.orig" "$file"
	touch "$file" # newer than the mutant's object: rebuilt next time
}

mutant accept-keeps-inherit src/win/sock.c 's/if (!SetHandleInformation((HANDLE)conn.raw, HANDLE_FLAG_INHERIT, 0)) {/if (0) {/'
mutant clone-inheritable src/win/handle.c 's/0, FALSE, DUPLICATE_SAME_ACCESS/0, TRUE, DUPLICATE_SAME_ACCESS/'
mutant drop-loses-last-error src/win/handle.c 's/\tSetLastError(saved);/\t(void)saved;/'
mutant close-keeps-owner src/win/handle.c '0,/h->raw = IOSAFE_RAW_HANDLE_NONE;/s//;/'
mutant socket-inheritable src/win/sock.c 's/(WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT)/(WSA_FLAG_OVERLAPPED)/'
mutant osfhandle-no-move src/win/io.c '/The descriptor owns the handle now/{n;d}'
mutant pipe-inheritable src/win/io.c 's/if (!CreatePipe(&r, &w, NULL, 0))/SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE }; if (!CreatePipe(\&r, \&w, \&sa, 0))/'
mutant from-invalid-wrong-sentinel src/win/handle.c 's/if (h.raw == INVALID_HANDLE_VALUE)/if (h.raw == NULL)/'
mutant table-row-missing src/win/error.c '/ERROR_PATH_NOT_FOUND, ENOENT/d'
mutant replace-closes-shared src/win/handle.c 's/if (src.raw != IOSAFE_RAW_HANDLE_NONE \&\& src.raw == dst->raw)/if (0)/'
mutant std-failure-kept src/win/io.c 's/h == INVALID_HANDLE_VALUE ? IOSAFE_RAW_HANDLE_NONE : h/h/'
mutant crt-drop-loses-errno src/win/crt.c 's/\terrno = saved;/\t(void)saved;/'
mutant sock-drop-loses-error src/win/sock.c '/iosafe_sock_close(s);/{n;s/\tSetLastError(saved);/\t(void)saved;/}'
mutant clone-leaks-socket src/win/sock.c 's/\tout->raw = dup;/\tout->raw = dup; (void)WSASocketW(AF_INET, SOCK_STREAM, 0, NULL, 0, 0);/'

echo "mutants: $killed killed, $survived survived"
[ "$survived" -eq 0 ]

# SPDX-License-Identifier: MIT
"""tests/driver/cross.py: compilation databases of cross builds.  A mingw-w64
build writes entries that run x86_64-w64-mingw32-gcc; iosafe-check analyses
each for the target its compiler is named for (--target=x86_64-w64-mingw32,
with the mingw-w64 headers), next to the host's entries in the same
database, and iosafe.WinHandle reports the Windows bugs of
examples/win-bugs/ (examples/win-bugs/EXPECTED)."""

import json
import os
import sys

from driverlib import ROOT, check, expect_rc, summary, warnings

sys.path.insert(0, os.path.join(ROOT, "examples", "bugs"))
import compare  # noqa: E402

MINGW_HEADERS = "/usr/x86_64-w64-mingw32/include/windows.h"
WIN_BUGS = os.path.join(ROOT, "examples", "win-bugs")

HOST_LEAK_C = """#include <fcntl.h>
int probe(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	return 0;
}
"""

WIN_C = """#include <windows.h>
int ok(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h == INVALID_HANDLE_VALUE)
		return -1;
	CloseHandle(h);
	return 0;
}
int bad(const wchar_t *path)
{
	HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
	if (h == NULL)
		return -1;
	CloseHandle(h);
	return 0;
}
"""


def _need_mingw():
    check(os.path.isfile(MINGW_HEADERS),
          "the mingw-w64 headers are not installed (%s; make deps installs "
          "gcc-mingw-w64-x86-64)" % MINGW_HEADERS)


def t_cross_win_bugs(env):
    # examples/win-bugs/ through the database a cross build writes: every
    # seeded bug, each with its path notes, and nothing else.
    _need_mingw()
    env.clang_checkers = False
    srcs = sorted(f for f in os.listdir(WIN_BUGS) if f.endswith(".c"))
    env.db("win.json", [{"directory": ROOT, "file": os.path.join("examples", "win-bugs", f),
                         "arguments": ["x86_64-w64-mingw32-gcc", "-Iinclude", "-std=c11", "-c",
                                       os.path.join("examples", "win-bugs", f)]} for f in srcs])
    r = env.run("-p", os.path.join(env.tmp, "win.json"), cwd=ROOT)
    expect_rc(r, 1)
    got = compare.findings(r.lines)
    want = sorted(compare.expected(os.path.join(WIN_BUGS, "EXPECTED")))
    have = sorted((loc, kind) for loc, kind, _, _ in got)
    check(have == want, "findings differ from examples/win-bugs/EXPECTED:\n  got  %r\n  want %r"
          % (have, want))
    for loc, kind, checker, notes in got:
        check(checker == "iosafe.WinHandle", "%s %s from %s" % (loc, kind, checker))
        check(notes > 0, "finding without path notes: %s %s" % (loc, kind))
    kinds = {k for _, k in want}
    check({"fd leak", "double close", "wrong handle sentinel"} <= kinds,
          "EXPECTED lacks a leak, a double close or a wrong sentinel: %r" % kinds)
    check(summary(r)[2] == len(srcs), "summary %r" % (summary(r),))
    return "%d findings in %d Windows units, as expected" % (len(got), len(srcs))


def t_cross_mixed_db(env):
    # One database, three entries: the host's (a POSIX leak, the host's
    # headers), a mingw cross compiler's, and one that names its target
    # itself (clang --target=, kept as it is).  Each is analysed for its own
    # target; the same Windows file under the host's compiler does not
    # compile (<windows.h> is not the host's), which is what the target
    # inference is for.
    _need_mingw()
    env.clang_checkers = False
    env.write("host.c", HOST_LEAK_C)
    env.write("win.c", WIN_C)
    env.write("sub/win2.c", WIN_C)
    env.db("mixed.json", [
        {"directory": env.tmp, "file": "host.c", "arguments": ["cc", "-c", "host.c"]},
        {"directory": env.tmp, "file": "win.c",
         "command": "x86_64-w64-mingw32-gcc-12 -std=c11 -O2 -c win.c -o win.o"},
        {"directory": os.path.join(env.tmp, "sub"), "file": "win2.c",
         "arguments": ["clang-19", "--target=x86_64-w64-mingw32", "-c", "win2.c"]}])
    r = env.run("-p", os.path.join(env.tmp, "mixed.json"))
    expect_rc(r, 1)
    w = sorted((f, l, msg.split(":")[0], c) for f, l, _, msg, c in warnings(r))
    check(w == [("host.c", "7", "fd leak", "iosafe.PosixFd"),
                ("sub/win2.c", "13", "wrong handle sentinel", "iosafe.WinHandle"),
                ("win.c", "13", "wrong handle sentinel", "iosafe.WinHandle")],
          "findings %r" % w)
    check(summary(r) == (3, 3, 3, 0), "summary %r" % (summary(r),))
    # Without the cross compiler's name the unit is the host's: it fails.
    env.db("host-only.json", [{"directory": env.tmp, "file": "win.c",
                               "arguments": ["gcc", "-c", "win.c"]}])
    r = env.run("-p", os.path.join(env.tmp, "host-only.json"))
    expect_rc(r, 2)
    check("windows.h" in r.stderr, "no missing <windows.h> for the host: " + r.stderr)
    return "host, x86_64-w64-mingw32-gcc-12 and clang --target= entries each for their target"


TESTS = [
    ("cross build (mingw-w64): examples/win-bugs/ as EXPECTED", t_cross_win_bugs, True),
    ("cross build: one database, each entry for its own target", t_cross_mixed_db, True),
]

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Compare iosafe-check's output (read from a file or stdin) with
examples/bugs/EXPECTED (or the EXPECTED file given second:
examples/win-bugs/EXPECTED): prints each expected finding as found or MISSING,
each other finding as UNEXPECTED, and whether each finding has path notes.
Exit status 0 when they match exactly, 1 otherwise.  Used by `make demo`."""

import os
import re
import sys

WARN_RE = re.compile(r"^(.+?):(\d+):(\d+): warning: (.+) \[([\w.]+)\]$")
NOTE_RE = re.compile(r"^(.+?):(\d+):(\d+): note: (.+)$")


def expected(path):
    out = []
    for line in open(path):
        line = line.strip()
        if line and not line.startswith("#"):
            loc, kind = line.split(" ", 1)
            out.append((loc, kind))
    return out


def findings(lines):
    """(FILE:LINE, bug type, checker, number of notes) per warning."""
    out = []
    for i, l in enumerate(lines):
        m = WARN_RE.match(l)
        if not m:
            continue
        f, line, _, msg, checker = m.groups()
        notes = 0
        for nl in lines[i + 1:]:
            if not NOTE_RE.match(nl):
                break
            notes += 1
        out.append(("%s:%s" % (f, line), msg.split(":", 1)[0], checker, notes))
    return out


def main():
    exp_path = sys.argv[2] if len(sys.argv) > 2 else \
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "EXPECTED")
    lines = (open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin).read().splitlines()
    want = expected(exp_path)
    got = findings(lines)
    ok = True
    for loc, kind in want:
        match = [g for g in got if (g[0], g[1]) == (loc, kind)]
        if match:
            print("  found       %-45s %-22s (%d notes)" % (loc, kind, match[0][3]))
            if match[0][3] == 0:
                ok = False
        else:
            print("  MISSING     %-45s %s" % (loc, kind))
            ok = False
    for loc, kind, checker, notes in got:
        if (loc, kind) not in want:
            print("  UNEXPECTED  %-45s %s [%s]" % (loc, kind, checker))
            ok = False
    found = sum(1 for w in want if any((g[0], g[1]) == w for g in got))
    print("compare: %d of %d expected findings found, %d unexpected%s" % (
        found, len(want), sum(1 for g in got if (g[0], g[1]) not in want),
        "" if ok else " (MISMATCH)"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

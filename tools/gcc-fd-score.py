#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tools/gcc-fd-score.py DIR: score iosafe-check on GCC's fd testsuite.

DIR holds GCC's own tests of its fd checker, fetched by the user (they are
GPL and are never part of this repository): gcc/testsuite/c-c++-common/
analyzer/fd-*.c, gcc/testsuite/gcc.dg/analyzer/fd-*.c and pipe-1.c, with
the headers they include from there (fd-glibc-make_named_socket.h).
GCC's own analyzer-decls.h is not needed: this script writes a header of
the same name that declares the __analyzer_* functions the tests call.

Each DejaGnu directive `dg-warning "RE"` whose text is about an fd (it
names a file descriptor, a socket, a phase, a double close) is one
expected finding, at its own line or the line it points to (`.-1`, a
`dg-line` name).  So is a `dg-message` that GCC prints as a warning (it
names a -Wanalyzer-fd-* option, or is labelled "warning").  Warnings
about other things (__analyzer_eval's TRUE, uninitialized values) are not
counted, and neither are dg-bogus directives.

iosafe-check runs over every DIR/*.c as one C unit each (-std=gnu17, the
default checkers, the driver's defaults); an iosafe warning within 2
lines of an expected finding, in the same file, finds it (each warning
finds at most one).  Every other iosafe warning is an extra.  A file with
no expected finding is clean when iosafe-check reports nothing in it.

Prints one line per file, the misses, and the totals:
  gcc-fd: FOUND/EXPECTED found, N extra, CLEAN/FILES clean files clean
Exit status 0, or 2 when iosafe-check cannot run.
"""

import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

DIRECTIVE = re.compile(r"\{\s*(dg-warning|dg-message|dg-line)\s+(.*?)\}\s*\*/")
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
FD_TEXT = re.compile(r"file descriptor|socket|wrong phase|double 'close'|leak of")
AS_WARNING = re.compile(r"-Wanalyzer-fd-|in wrong phase|on datagram socket|on non-socket")
NOT_FD = re.compile(r"^(TRUE|FALSE|UNKNOWN|CONJURED|path)$|^state: |named constant|uninitialized")
WARNING_LINE = re.compile(r"^(.+?):(\d+):(\d+): warning: (.+) \[([\w.]+)\]$")
SLACK = 2

ANALYZER_DECLS = """/* Written by tools/gcc-fd-score.py: the __analyzer_* functions GCC's
   tests call, as plain declarations (they mean nothing to Clang). */
void __analyzer_eval(int);
void __analyzer_dump_path(void);
void __analyzer_dump_state(const char *, ...);
void __analyzer_describe(int, ...);
void __analyzer_dump_named_constant(const char *);
"""


def expected_findings(path):
    """The expected fd findings of one file: a list of (line, text)."""
    lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    names, pending = {}, []
    for no, text in enumerate(lines, 1):
        for m in DIRECTIVE.finditer(text):
            kind, rest = m.group(1), m.group(2)
            if kind == "dg-line":
                names[rest.split()[0]] = no
                continue
            q = QUOTED.findall(rest)
            if not q:
                continue
            msg = q[0]
            label = q[1] if len(q) > 1 else ""
            if NOT_FD.search(msg) or not FD_TEXT.search(msg):
                continue
            # A dg-message matches any diagnostic; it is a warning when its
            # text is a warning's and it is not labelled as a path event.
            if kind == "dg-message" and not (AS_WARNING.search(msg) and
                                              label in ("", "warning")):
                continue
            # The line: `{ target *-*-* } .-1`, a dg-line name, or here.
            where = rest[rest.rfind("}") + 1:].split() if "}" in rest else []
            pending.append((no, where[-1] if where else None, msg))
    out = []
    for no, ref, msg in pending:
        if ref is None:
            line = no
        elif re.fullmatch(r"\.([+-]\d+)?", ref):
            line = no + int(ref[1:] or 0)
        elif ref in names:
            line = names[ref]
        else:
            line = no
        out.append((line, msg))
    return out


def run_iosafe_check(driver, files, incdir, jobs):
    cmd = [sys.executable, driver, "-j", str(jobs)] + files + \
        ["--", "-std=gnu17", "-I", incdir, "-I", os.path.dirname(files[0])]
    r = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    if r.returncode not in (0, 1):
        sys.stderr.write(r.stdout + r.stderr)
    found = collections.defaultdict(list)
    for l in r.stdout.splitlines():
        m = WARNING_LINE.match(l)
        if m and m.group(5).startswith("iosafe."):
            found[os.path.basename(m.group(1))].append((int(m.group(2)), m.group(4)))
    return r.returncode, found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", help="the directory holding GCC's fd-*.c and pipe-1.c")
    ap.add_argument("--driver", default=os.path.join(ROOT, "build", "bin", "iosafe-check"),
                    help="the iosafe-check to run (default: the build tree's)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.dir, "fd-*.c")) +
                   glob.glob(os.path.join(a.dir, "pipe-1.c")))
    if not files:
        sys.exit("gcc-fd: no fd-*.c or pipe-1.c in %s" % a.dir)
    if not os.path.isfile(a.driver):
        sys.exit("gcc-fd: %s not found (make driver plugin)" % a.driver)
    with tempfile.TemporaryDirectory(prefix="gcc-fd-") as inc:
        with open(os.path.join(inc, "analyzer-decls.h"), "w") as f:
            f.write(ANALYZER_DECLS)
        rc, got = run_iosafe_check(a.driver, [os.path.abspath(f) for f in files],
                                   inc, a.jobs)
    if rc not in (0, 1):
        print("gcc-fd: iosafe-check exited %d" % rc)
        return 2
    total = hit = extra = clean = nclean = 0
    misses, extras, per_file = [], [], {}
    for path in files:
        name = os.path.basename(path)
        want = expected_findings(path)
        have = list(got.get(name, []))
        used = [False] * len(have)
        n_hit = 0
        for line, msg in want:
            best = None
            for i, (hl, _) in enumerate(have):
                if not used[i] and abs(hl - line) <= SLACK and \
                        (best is None or abs(hl - line) < abs(have[best][0] - line)):
                    best = i
            if best is None:
                misses.append("%s:%d: %s" % (name, line, msg))
            else:
                used[best] = True
                n_hit += 1
        ex = [h for h, u in zip(have, used) if not u]
        extras += ["%s:%d: %s" % (name, l, m) for l, m in ex]
        total += len(want)
        hit += n_hit
        extra += len(ex)
        if not want:
            nclean += 1
            clean += not have
        per_file[name] = {"expected": len(want), "found": n_hit, "extra": len(ex)}
        print("  %-36s %2d/%-2d found, %d extra%s" %
              (name, n_hit, len(want), len(ex), "" if want else
               (" (clean file, clean)" if not have else " (clean file, NOT clean)")))
    for m in misses:
        print("  miss  " + m)
    for e in extras:
        print("  extra " + e)
    print("gcc-fd: %d/%d found, %d extra, %d/%d clean files clean" %
          (hit, total, extra, clean, nclean))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"found": hit, "expected": total, "extra": extra,
                       "clean_files": nclean, "clean_files_clean": clean,
                       "files": per_file, "misses": misses, "extras": extras}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

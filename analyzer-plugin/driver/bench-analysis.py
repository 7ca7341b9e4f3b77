#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench-analysis: the analysis cost of iosafe-check against plain
`clang-19 --analyze` (Clang's default checkers) over the same translation
units, measured side by side in one run.  The units are the repository's
own C: the library (src/*.c, the sources of LIB_SRCS), examples/*.c and
examples/bugs/*.c.

Four sides, each over every unit, one unit at a time:

- plain:  clang --analyze, SARIF output (per unit);
- direct: the same with the plugin loaded and the iosafe checkers on,
          which is the analysis iosafe-check runs (per unit);
- driver: iosafe-check -j 1 over all units in one run (one Python process,
          libscanbuild's command per unit, the SARIF merge);
- ctu:    iosafe-check --ctu -j 1.

Ratios: the checkers' own cost (direct / plain, goal <= 1.05), the driver's
own cost (driver / direct, goal <= 1.02), iosafe-check against Clang
(driver / plain, goal <= 1.08), and --ctu against iosafe-check (ctu /
driver, goal <= 1.6).

Cost = CPU time (user + system) of the child processes, from
getrusage(RUSAGE_CHILDREN) around each run: it counts every process the run
waited for (the driver, its `clang -###` steps, the analyzer itself), and is
not blurred by other jobs on a shared machine as wall time is.  The
repetitions rotate the order of the sides; each ratio is the median of the
per-repetition ratios.
"""

import argparse
import glob
import os
import resource
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FLAGS = ["-std=c11", "-I" + os.path.join(ROOT, "include")]
# The library's sources (LIB_SRCS in src/lib.mk): the Windows port is not
# built on Linux.
LIB_UNITS = ["inline.c", "fdops.c", "fs.c", "zerocopy.c", "stdio.c"]


def cpu_of(cmd, ok_codes, **kw):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kw)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode not in ok_codes:
        sys.exit("bench-analysis: %s exited %d:\n%s" % (cmd[0], r.returncode, r.stderr))
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--clang", required=True)
    ap.add_argument("--reps", type=int, default=int(os.environ.get("BENCH_REPS", "5")))
    a = ap.parse_args()
    a.driver = os.path.abspath(a.driver)
    a.plugin = os.path.abspath(a.plugin)

    units = [os.path.join(ROOT, "src", u) for u in LIB_UNITS] + \
        sorted(glob.glob(os.path.join(ROOT, "examples", "*.c"))) + \
        sorted(glob.glob(os.path.join(ROOT, "examples", "bugs", "*.c")))
    plugin = a.plugin if os.path.isfile(a.plugin) else "none"
    tmp = tempfile.mkdtemp(prefix="iosafe-bench-")
    checkers = "-analyzer-checker=iosafe.Ownership,iosafe.PosixFd"

    def clang_each(with_plugin):
        total = 0.0
        extra = []
        if with_plugin and plugin != "none":
            extra = ["-Xclang", "-load", "-Xclang", plugin, "-Xclang", checkers]
        for u in units:
            total += cpu_of([a.clang, "--analyze", "-Xclang", "-analyzer-output=sarif"] + FLAGS +
                            extra + [u, "-o", os.path.join(tmp, "plain.sarif")], {0}, cwd=tmp)
        return total

    def iosafe(*extra):
        return cpu_of([a.driver, "--plugin", plugin, "-j", "1",
                       "--sarif", os.path.join(tmp, "iosafe.sarif")] + list(extra) +
                      units + ["--"] + FLAGS, {0, 1}, cwd=tmp)

    sides = {"plain": lambda: clang_each(False), "direct": lambda: clang_each(True),
             "driver": iosafe, "ctu": lambda: iosafe("--ctu")}
    order = ["plain", "direct", "driver", "ctu"]
    t = {s: [] for s in order}
    for rep in range(a.reps):
        k = rep % len(order)
        for s in order[k:] + order[:k]:
            t[s].append(sides[s]())

    def ratio(num, den):
        return statistics.median(n / d for n, d in zip(t[num], t[den]))

    print("bench-analysis: %d translation units (src/, examples/, examples/bugs/), %d rotated "
          "repetitions, CPU time of child processes" % (len(units), a.reps))
    if plugin == "none":
        print("bench-analysis: NOTE the iosafe plugin is not built: this measures the driver "
              "with Clang's default checkers only")
    for s, what in (("plain", "clang --analyze"), ("direct", "clang --analyze + iosafe checkers"),
                    ("driver", "iosafe-check -j 1"), ("ctu", "iosafe-check --ctu -j 1")):
        print("bench-analysis: %-34s median %.3f s" % (what, statistics.median(t[s])))
    for num, den, what, goal in (("direct", "plain", "the checkers' own cost", 1.05),
                                 ("driver", "direct", "the driver's own cost", 1.02),
                                 ("driver", "plain", "iosafe-check / clang --analyze", 1.08),
                                 ("ctu", "driver", "iosafe-check --ctu / iosafe-check", 1.6)):
        r = ratio(num, den)
        print("bench-analysis: %-34s %.3f (goal <= %.2f: %s)" %
              (what, r, goal, "met" if r <= goal else "NOT met"))
    for f in glob.glob(os.path.join(tmp, "*")):
        os.remove(f)
    os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())

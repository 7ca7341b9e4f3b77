#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench-analysis: the analysis cost of iosafe-check against plain
`clang-19 --analyze` (Clang's default checkers) over the same translation
units (examples/*.c and examples/bugs/*.c), measured side by side in one run.

Cost = CPU time (user + system) of the child processes, from
getrusage(RUSAGE_CHILDREN) around each run: it counts every process the run
waited for (the driver, its `clang -###` steps, the analyzer itself), and is
not blurred by other jobs on a shared machine as wall time is.  Both sides
run one unit at a time (iosafe-check -j 1).  The repetitions interleave the
two sides, alternating which goes first, and the ratio reported is the
median of the per-repetition ratios.  Goal: iosafe-check / clang <= 1.15.

Also reported: iosafe-check without the plugin against clang (the driver's
own cost: Python, libscanbuild's `clang -###` step per unit, the SARIF merge),
and iosafe-check --ctu against iosafe-check (the cost of cross-translation-unit
analysis on these units).
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

    units = sorted(glob.glob(os.path.join(ROOT, "examples", "*.c"))) + \
        sorted(glob.glob(os.path.join(ROOT, "examples", "bugs", "*.c")))
    plugin = a.plugin if os.path.isfile(a.plugin) else "none"
    tmp = tempfile.mkdtemp(prefix="iosafe-bench-")

    def plain():
        total = 0.0
        for u in units:
            total += cpu_of([a.clang, "--analyze", "-Xclang", "-analyzer-output=sarif"] + FLAGS +
                            [u, "-o", os.path.join(tmp, "plain.sarif")], {0}, cwd=tmp)
        return total

    def iosafe(*extra, plugin=plugin):
        return cpu_of([a.driver, "--plugin", plugin, "-j", "1",
                       "--sarif", os.path.join(tmp, "iosafe.sarif")] + list(extra) +
                      units + ["--"] + FLAGS, {0, 1}, cwd=tmp)

    ratios, ctu_ratios, driver_ratios, t_plain, t_iosafe = [], [], [], [], []
    for rep in range(a.reps):
        if rep % 2 == 0:
            p, i, d = plain(), iosafe(), iosafe(plugin="none")
        else:
            d, i, p = iosafe(plugin="none"), iosafe(), plain()
        c = iosafe("--ctu")
        t_plain.append(p)
        t_iosafe.append(i)
        ratios.append(i / p)
        ctu_ratios.append(c / i)
        driver_ratios.append(d / p)
    med = statistics.median(ratios)
    print("bench-analysis: %d translation units (examples/, examples/bugs/), %d repetitions, "
          "CPU time of child processes" % (len(units), a.reps))
    if plugin == "none":
        print("bench-analysis: NOTE the iosafe plugin is not built: this measures the driver "
              "with Clang's default checkers only")
    print("bench-analysis: clang-19 --analyze   median %.3f s" % statistics.median(t_plain))
    print("bench-analysis: iosafe-check -j 1    median %.3f s" % statistics.median(t_iosafe))
    print("bench-analysis: ratio iosafe-check / clang-19 --analyze = %.3f (median of %s; goal <= 1.15)"
          % (med, ", ".join("%.3f" % r for r in ratios)))
    print("bench-analysis: ratio iosafe-check --plugin none / clang-19 --analyze = %.3f (median: "
          "the driver's own cost, libscanbuild included)" % statistics.median(driver_ratios))
    print("bench-analysis: ratio iosafe-check --ctu / iosafe-check = %.3f (median)"
          % statistics.median(ctu_ratios))
    for f in glob.glob(os.path.join(tmp, "*")):
        os.remove(f)
    os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())

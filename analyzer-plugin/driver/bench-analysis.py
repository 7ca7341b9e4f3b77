#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench-analysis: the analysis cost of iosafe-check against plain
`clang-19 --analyze` (Clang's default checkers) over the same translation
units, measured side by side in one run.  Two sets of units, each
measured apart: the repository's own C (the library, src/*.c of LIB_SRCS,
examples/*.c and examples/bugs/*.c: small units, where the driver's fixed
cost per run weighs most), then BENCH_ANALYSIS_GENERATED (default 8)
fd-dense units of bench/fdgen.py, written into build/bench/analysis/.

Four sides, each over every unit:

- plain:  clang --analyze, SARIF output (per unit);
- direct: the same with the plugin loaded and the iosafe checkers on that
          iosafe-check turns on, which is the analysis it runs (per unit;
          measured twice: unit by unit beside plain, and in passes over
          all units before and after the driver's);
- driver: iosafe-check -j 1 over all units in one run (one Python process,
          libscanbuild's command per unit, the SARIF merge);
- ctu:    iosafe-check --ctu -j 1.

Ratios: the checkers' own cost (direct / plain, goal <= 1.05), the driver's
own cost (driver / direct, goal <= 1.02), iosafe-check against Clang
(driver / plain, goal <= 1.08), and --ctu against iosafe-check (ctu /
driver, goal <= 1.6).

Plain Clang 19 explores less of a unit that declares iosafe_auto_fd
variables: its engine drops every path at the end of such a variable's
scope (a cleanup-attribute call it does not model; AutoCleanup.cpp), where
the plugin takes the attribute off and follows the path.  For such units a
fifth side, same-paths, is plain clang over copies of them whose
iosafe_auto_fd variables are declared iosafe_owned_fd (what the plugin
makes of them), and one more ratio is printed: the checkers' own cost on
the same paths (direct / same-paths).

Cost = CPU time (user + system) of the child processes, from
getrusage(RUSAGE_CHILDREN) around each run: it counts every process the run
waited for (the driver, its `clang -###` steps, the analyzer itself), and is
not blurred by other jobs on a shared machine as wall time is.  It is
blurred by the machine's own speed, which on a shared host changes by up
to a fifth from one minute to the next, so the sides compared are measured
next to one another: plain, direct and same-paths unit by unit, and the
driver in a whole-set pass between two whole-set passes of the direct side
(compared with their mean), --ctu next to them.  The repetitions rotate every order; each ratio is the median of the
per-repetition ratios, printed with their range, and iosafe-check against
plain clang is the product of the driver's and the checkers' ratios of each
repetition.
"""

import argparse
import glob
import os
import re
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


def generated_units(n, workdir):
    """n units of bench/fdgen.py (seeds 1..n, 4 functions of 5 fds each at
    most, size 12: 300-400 lines, 0.1-1 s of analysis each), written into
    workdir."""
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    sys.path.insert(0, os.path.join(ROOT, "bench"))
    import fdgen
    os.makedirs(workdir, exist_ok=True)
    units = []
    for seed in range(1, n + 1):
        path = os.path.join(workdir, "gen%03d.c" % seed)
        with open(path, "w", encoding="utf-8") as f:
            f.write(fdgen.generate(seed, 4, 5, 12))
        units.append(path)
    return units


def iosafe_checkers(clang, plugin):
    """The checkers iosafe-check turns on (cli.py: Ownership, PosixFd, and
    WinHandle when the plugin registers it), so that the direct side runs
    the same analysis."""
    r = subprocess.run([clang, "-cc1", "-load", plugin, "-analyzer-checker-help"],
                       capture_output=True, text=True)
    names = ["iosafe.Ownership", "iosafe.PosixFd"]
    if any(l.strip().split(" ")[0] == "iosafe.WinHandle" for l in r.stdout.splitlines()):
        names.append("iosafe.WinHandle")
    return "-analyzer-checker=" + ",".join(names)


def fixed_cost(a, plugin, tmp):
    """The driver's cost per run, apart from any analysis: iosafe-check over
    one unit that declares one variable against the same unit analysed by
    clang alone (medians of 2 * reps + 1 rotated runs, in seconds: small
    figures, so small absolute noise)."""
    unit = os.path.join(tmp, "one.c")
    with open(unit, "w") as f:
        f.write("int bench_one;\n")
    extra = []
    if plugin != "none":
        extra = ["-Xclang", "-load", "-Xclang", plugin, "-Xclang",
                 iosafe_checkers(a.clang, plugin)]
    t = {"direct": [], "driver": []}
    for rep in range(2 * a.reps + 1):
        for s in (("direct", "driver") if rep % 2 else ("driver", "direct")):
            if s == "direct":
                t[s].append(cpu_of([a.clang, "--analyze", "-Xclang", "-analyzer-output=sarif"] +
                                   extra + [unit, "-o", os.path.join(tmp, "one.sarif")], {0},
                                   cwd=tmp))
            else:
                t[s].append(cpu_of([a.driver, "--plugin", plugin, "-j", "1", "--sarif",
                                    os.path.join(tmp, "one-iosafe.sarif"), unit], {0},
                                   cwd=tmp))
    d, c = statistics.median(t["driver"]), statistics.median(t["direct"])
    print("bench-analysis: the driver's fixed cost per run: %.3f s of CPU (iosafe-check over "
          "a one-line unit %.3f s, clang alone %.3f s)" % (d - c, d, c))


AUTO_FD = re.compile(r"\biosafe_auto_fd\b")


def same_path_copies(units, tmp):
    """For the units that declare iosafe_auto_fd variables, copies in tmp
    that declare them iosafe_owned_fd (the plugin's view of them: no
    cleanup call); {} when no unit does."""
    copies = {}
    for u in units:
        with open(u, encoding="utf-8") as f:
            text = f.read()
        if AUTO_FD.search(text):
            c = os.path.join(tmp, "same-paths-" + os.path.basename(u))
            with open(c, "w", encoding="utf-8") as f:
                f.write(AUTO_FD.sub("iosafe_owned_fd", text))
            copies[u] = c
    return copies


def measure(a, plugin, units, flags, reps, tmp, label):
    checkers = iosafe_checkers(a.clang, plugin) if plugin != "none" else ""
    copies = same_path_copies(units, tmp)

    def clang_one(u, with_plugin, same_paths=False):
        extra = []
        if with_plugin and plugin != "none":
            extra = ["-Xclang", "-load", "-Xclang", plugin, "-Xclang", checkers]
        src, inc = u, []
        if same_paths:
            # The copy's own directory is tmp: its quoted includes are
            # found in the original's.
            src, inc = copies[u], ["-iquote", os.path.dirname(u)]
        return cpu_of([a.clang, "--analyze", "-Xclang", "-analyzer-output=sarif"] + flags +
                      inc + extra + [src, "-o", os.path.join(tmp, "plain.sarif")], {0}, cwd=tmp)

    def iosafe(*extra):
        return cpu_of([a.driver, "--plugin", plugin, "-j", "1",
                       "--sarif", os.path.join(tmp, "iosafe.sarif")] + list(extra) +
                      units + ["--"] + flags, {0, 1}, cwd=tmp)

    # Per-unit sides, run unit by unit: each unit's plain, direct and
    # same-paths runs follow one another (in an order rotated from unit to
    # unit and from repetition to repetition), so that a change of the
    # machine's speed, which on a shared host comes and goes over seconds
    # to minutes, meets all three alike.
    unit_sides = ["plain", "direct"] + (["same"] if copies else [])
    # Whole-set sides, one pass each over all units: iosafe-check between
    # two whole-set passes of the direct side, compared with their mean
    # (which takes out a change of speed that runs across the three), and
    # iosafe-check --ctu before or after them, alternately.
    def direct_set():
        return sum(clang_one(u, True) for u in units)
    t = {s: [] for s in unit_sides + ["driver", "ctu", "same-all", "direct-set"]}
    for rep in range(reps):
        tot = dict.fromkeys(unit_sides + ["same-all"], 0.0)
        for i, u in enumerate(units):
            here = [s for s in unit_sides if s != "same" or u in copies]
            k = (rep + i) % len(here)
            for s in here[k:] + here[:k]:
                c = clang_one(u, s == "direct", s == "same")
                tot[s] += c
                if s == "plain" and u not in copies:
                    tot["same-all"] += c  # the same paths as the plain run
        if copies:
            tot["same-all"] += tot["same"]
        for s, v in tot.items():
            t[s].append(v)
        if rep % 2:
            t["ctu"].append(iosafe("--ctu"))
        before = direct_set()
        t["driver"].append(iosafe())
        t["direct-set"].append((before + direct_set()) / 2)
        if not rep % 2:
            t["ctu"].append(iosafe("--ctu"))

    def per_rep(num, den):
        return [n / d for n, d in zip(t[num], t[den])]

    def combined(*pairs):
        """The per-repetition products of the ratios pairs."""
        out = [1.0] * reps
        for num, den in pairs:
            out = [o * r for o, r in zip(out, per_rep(num, den))]
        return out

    print("bench-analysis: %d translation units (%s), %d rotated repetitions, CPU time of "
          "child processes" % (len(units), label, reps))
    if plugin == "none":
        print("bench-analysis: NOTE the iosafe plugin is not built: this measures the driver "
              "with Clang's default checkers only")
    for s, what in (("plain", "clang --analyze"), ("direct", "clang --analyze + iosafe checkers"),
                    ("driver", "iosafe-check -j 1"), ("ctu", "iosafe-check --ctu -j 1"),
                    ("same-all", "clang --analyze, same paths")):
        if copies or s != "same-all":
            print("bench-analysis: %-34s median %.3f s" % (what, statistics.median(t[s])))
    if copies:
        print("bench-analysis: same paths: %d of the units declare iosafe_auto_fd variables, "
              "at the end of whose scope plain clang drops the path (%s)" %
              (len(copies), ", ".join(sorted(os.path.basename(u) for u in copies))))

    def show(what, rs, goal=None, why=""):
        m = statistics.median(rs)
        verdict = "" if goal is None else " (goal <= %.2f: %s)" % (goal, "met" if m <= goal
                                                                   else "NOT met")
        print("bench-analysis: %-34s %.3f, %.3f-%.3f over the repetitions%s%s" %
              (what, m, min(rs), max(rs), verdict, why))
    # iosafe-check against plain clang is the driver's ratio to the direct
    # pass beside it times the checkers' ratio, each measured side by side.
    show("the checkers' own cost", per_rep("direct", "plain"), 1.05)
    show("the driver's own cost", per_rep("driver", "direct-set"), 1.02)
    show("iosafe-check / clang --analyze",
         combined(("driver", "direct-set"), ("direct", "plain")), 1.08)
    show("iosafe-check --ctu / iosafe-check", per_rep("ctu", "driver"), 1.6)
    if copies:
        show("the checkers' own cost, same paths", per_rep("direct", "same-all"), 1.05,
             why=" (plain clang over the paths the checkers explore)")
        show("iosafe-check / clang, same paths",
             combined(("driver", "direct-set"), ("direct", "same-all")), 1.08,
             why=" (the same)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--clang", required=True)
    ap.add_argument("--reps", type=int, default=int(os.environ.get("BENCH_REPS", "5")))
    ap.add_argument("--generated", type=int,
                    default=int(os.environ.get("BENCH_ANALYSIS_GENERATED", "8")),
                    help="then as many units of bench/fdgen.py (0: none)")
    ap.add_argument("--workdir", default=os.path.join("build", "bench", "analysis"))
    a = ap.parse_args()
    a.driver = os.path.abspath(a.driver)
    a.plugin = os.path.abspath(a.plugin)

    units = [os.path.join(ROOT, "src", u) for u in LIB_UNITS] + \
        sorted(glob.glob(os.path.join(ROOT, "examples", "*.c"))) + \
        sorted(glob.glob(os.path.join(ROOT, "examples", "bugs", "*.c")))
    plugin = a.plugin if os.path.isfile(a.plugin) else "none"
    tmp = tempfile.mkdtemp(prefix="iosafe-bench-")
    try:
        fixed_cost(a, plugin, tmp)
        measure(a, plugin, units, FLAGS, a.reps, tmp, "src/, examples/, examples/bugs/")
        if a.generated > 0:
            gen = generated_units(a.generated, os.path.abspath(a.workdir))
            measure(a, plugin, gen, ["-std=gnu11"], a.reps, tmp,
                    "bench/fdgen.py seeds 1-%d, 4 functions, 5 fds, size 12" % a.generated)
    finally:
        for f in glob.glob(os.path.join(tmp, "*")):
            os.remove(f)
        os.rmdir(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench/analysis.py: what iosafe's checkers cost the analyzer on fd-dense
code, measured side by side in one run (`make bench`, part bench-fd).

    python3 bench/analysis.py --clang CLANG --plugin PLUGIN.so \
        [--programs N] [--rounds R] [--workdir DIR]

N programs from bench/fdgen.py (seeds 1..N; the number of functions, of
fds per function and of statements per function vary with the seed) are
each analysed R times two ways, with the same clang, flags and output:

- plain:  clang --analyze (Clang's default checkers: core, unix, ...,
          unix.StdCLibraryFunctions included), SARIF output;
- iosafe: the same, with the plugin loaded and iosafe.Ownership and
          iosafe.PosixFd on (what iosafe-check runs).

Cost is CPU time (user + system, getrusage(RUSAGE_CHILDREN) around each
clang run), which other jobs on a shared machine blur far less than wall
time.  Rounds rotate: in round r program i runs plain first when r + i is
even, iosafe first otherwise.  A program's ratio is the median of its
iosafe times over the median of its plain times; the run prints every
program's ratio, then the median and the worst over the programs, against
the goals (median <= 1.3, worst <= 2.5).  Exit status 0 either way (a
benchmark reports, it does not gate), 2 when a run fails.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import fdgen  # noqa: E402

CHECKERS = "iosafe.Ownership,iosafe.PosixFd"
GOAL_MEDIAN, GOAL_WORST = 1.3, 2.5


def shape(seed):
    """The generator's parameters for a seed: from small, sparse programs
    to large ones with a dozen fds a function."""
    return {"functions": 6 + seed * 7 % 11, "fds": 4 + seed * 5 % 9,
            "size": 16 + seed * 3 % 17}


def cpu_of(cmd, cwd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        sys.stderr.write("bench-fd: %s exited %d:\n%s" % (" ".join(cmd), r.returncode, r.stderr))
        sys.exit(2)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def findings(sarif):
    with open(sarif, encoding="utf-8") as f:
        log = json.load(f)
    rules = {}
    for run in log.get("runs", []):
        for res in run.get("results", []):
            rid = res.get("ruleId", "?")
            rules[rid] = rules.get(rid, 0) + 1
    return rules


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clang", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--programs", type=int, default=int(os.environ.get("BENCH_FD_PROGRAMS", "16")))
    ap.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_FD_ROUNDS", "3")))
    ap.add_argument("--first-seed", type=int, default=1)
    ap.add_argument("--workdir", default=os.path.join("build", "bench", "fd-dense"))
    ap.add_argument("--extra", action="append", default=[],
                    help="a further clang -cc1 flag for both sides (e.g. -analyzer-stats)")
    a = ap.parse_args()
    if not os.path.isfile(a.plugin):
        sys.exit("bench-fd: the plugin %s is not built" % a.plugin)
    work = os.path.abspath(a.workdir)
    os.makedirs(work, exist_ok=True)
    plugin = os.path.abspath(a.plugin)

    progs = []
    for seed in range(a.first_seed, a.first_seed + a.programs):
        sh = shape(seed)
        path = os.path.join(work, "fd%03d.c" % seed)
        text = fdgen.generate(seed, sh["functions"], sh["fds"], sh["size"])
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        progs.append((seed, path, text.count("\n")))

    def cmd(path, side):
        out = os.path.join(work, "%s.%s.sarif" % (os.path.basename(path), side))
        c = [a.clang, "--analyze", "-std=gnu11", "-Xclang", "-analyzer-output=sarif"]
        if side == "iosafe":
            c += ["-Xclang", "-load", "-Xclang", plugin,
                  "-Xclang", "-analyzer-checker=" + CHECKERS]
        for x in a.extra:
            c += ["-Xclang", x]
        return c + [path, "-o", out], out

    times = {(s, side): [] for s, _, _ in progs for side in ("plain", "iosafe")}
    for r in range(a.rounds):
        for i, (seed, path, _) in enumerate(progs):
            order = ("plain", "iosafe") if (r + i) % 2 == 0 else ("iosafe", "plain")
            for side in order:
                c, _ = cmd(path, side)
                times[(seed, side)].append(cpu_of(c, work))

    print("bench-fd: %d fd-dense programs (bench/fdgen.py seeds %d..%d), %d rotated rounds, "
          "CPU time" % (len(progs), a.first_seed, a.first_seed + a.programs - 1, a.rounds))
    print("bench-fd: %-8s %6s %5s %5s %10s %10s %7s  %s" %
          ("program", "lines", "fns", "fds", "plain s", "iosafe s", "ratio", "iosafe findings"))
    ratios = []
    for seed, path, lines in progs:
        p = statistics.median(times[(seed, "plain")])
        i = statistics.median(times[(seed, "iosafe")])
        ratio = i / p if p > 0 else float("inf")
        ratios.append((ratio, seed))
        found = findings(cmd(path, "iosafe")[1])
        ours = sum(n for rid, n in found.items() if rid.startswith("iosafe."))
        sh = shape(seed)
        print("bench-fd: fd%03d    %6d %5d %5d %10.3f %10.3f %7.3f  %d" %
              (seed, lines, sh["functions"], sh["fds"], p, i, ratio, ours))
    med = statistics.median(r for r, _ in ratios)
    worst, wseed = max(ratios)
    total_p = sum(statistics.median(times[(s, "plain")]) for s, _, _ in progs)
    total_i = sum(statistics.median(times[(s, "iosafe")]) for s, _, _ in progs)
    print("bench-fd: total plain %.2f s, iosafe %.2f s (%.3fx)" % (total_p, total_i,
                                                                   total_i / total_p))
    print("bench-fd: ratio iosafe / plain clang: median %.3f (goal <= %.1f), worst %.3f "
          "(fd%03d; goal <= %.1f): %s" %
          (med, GOAL_MEDIAN, worst, wseed, GOAL_WORST,
           "met" if med <= GOAL_MEDIAN and worst <= GOAL_WORST else "NOT met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

# SPDX-License-Identifier: MIT
"""tests/driver/tools_tests.py: tools/realcode.sh, the side-by-side
measurement of README.md's "On real programs", run over a database of two
units of examples/bugs/ (the real clang, plugin and driver): its table, its
rounds and its arguments."""

import os
import re
import subprocess

from driverlib import ROOT, check

REALCODE = os.path.join(ROOT, "tools", "realcode.sh")
UNITS = ("double_close.c", "leak_on_error_path.c")


def _db(env):
    bugs = os.path.join(ROOT, "examples", "bugs")
    return env.db("compile_commands.json", [
        {"directory": bugs, "file": u,
         "arguments": ["cc", "-std=c11", "-I" + os.path.join(ROOT, "include"), "-c", u,
                       "-o", os.path.join(env.tmp, u + ".o")]} for u in UNITS])


def _realcode(env, *args):
    return subprocess.run(["bash", REALCODE] + list(args), cwd=env.tmp, capture_output=True,
                          text=True, errors="replace", timeout=600)


def t_realcode_rounds(env):
    db = _db(env)
    out = os.path.join(env.tmp, "out")
    r = _realcode(env, "--rounds", "2", "--out", out, "--plugin", env.plugin,
                  "--driver", env.driver, "bugs=" + db)
    check(r.returncode == 0, "exit %d:\n%s%s" % (r.returncode, r.stdout, r.stderr))
    rows = [l for l in r.stdout.splitlines() if l.startswith("| bugs |")]
    check(len(rows) == 1, "no table row for the program:\n" + r.stdout)
    head = [c.strip() for c in r.stdout.splitlines()[0].strip("|").split("|")]
    cells = dict(zip(head, (c.strip() for c in rows[0].strip("|").split("|"))))
    check(cells.get("TUs measured") == "2", "units measured: %r" % cells)
    # Each unit has its one bug of EXPECTED: a double close and a leak.
    check(re.match(r"2 \(iosafe\.", cells.get("iosafe findings", "")),
          "iosafe findings: %r" % cells.get("iosafe findings"))
    check(cells.get("iosafe-check exit") == "1" and cells.get("iosafe-check findings") == "2",
          "the driver's run: %r" % cells)
    for col in ("ratio", "iosafe-check / clang"):
        check(re.fullmatch(r"\d+\.\d\d", cells.get(col, "")) and float(cells[col]) > 0,
              "%s: %r" % (col, cells.get(col)))
    check("2 rounds, CPU time: the median of each unit's rounds" in r.stderr,
          "rounds not said:\n" + r.stderr)
    check("differ between rounds" not in r.stderr, "unstable findings:\n" + r.stderr)
    with open(os.path.join(out, "bugs", "tus.tsv")) as f:
        tsv = f.read().splitlines()
    check(len(tsv) == 3 and all(float(l.split("\t")[2]) > 0 for l in tsv[1:]),
          "tus.tsv: %r" % tsv)
    with open(os.path.join(out, "bugs", "findings.txt")) as f:
        found = f.read()
    check("double_close.c:26" in found and "leak_on_error_path.c:40" in found,
          "findings.txt:\n" + found)
    return "2 units, 2 rounds: 2 findings per side, ratios %s and %s" % (
        cells["ratio"], cells["iosafe-check / clang"])


def t_realcode_bad_arguments(env):
    db = _db(env)
    for args, want in ((["--rounds", "0", "p=" + db], "--rounds needs a positive number"),
                       (["--rounds", "x", "p=" + db], "--rounds needs a positive number"),
                       (["-j", "0", "p=" + db], "-j needs a positive number"),
                       ([], "no program given"),
                       (["p=" + os.path.join(env.tmp, "none.json")], "no compilation database")):
        r = _realcode(env, "--out", os.path.join(env.tmp, "out"), *args)
        check(r.returncode == 2 and want in r.stderr,
              "%r: exit %d, stderr %r" % (args, r.returncode, r.stderr[-300:]))
    return "5 bad invocations: exit 2, each saying why"


TESTS = [
    ("tools/realcode.sh: rounds, medians, table and findings", t_realcode_rounds, True),
    ("tools/realcode.sh: bad arguments exit 2", t_realcode_bad_arguments, False),
]

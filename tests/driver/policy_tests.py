# SPDX-License-Identifier: MIT
"""tests/driver/policy_tests.py: adopting iosafe-check on legacy code:
--disable/--enable and the configuration file, the baseline
(--write-baseline, --baseline; a line shift above a known finding keeps it
matched) and the suppression file (its SARIF form, the summary's count, a
suppression without a reason is an error)."""

import json
import os
import shutil

import sarif_check
from driverlib import ROOT, check, counts, expect_rc, warnings

BUGS = os.path.join(ROOT, "examples", "bugs")
UAC = os.path.join(BUGS, "use_after_close.c")
LEAK = os.path.join(BUGS, "leak_on_error_path.c")


def _two(env):
    env.clang_checkers = False
    shutil.copy(UAC, env.tmp)
    shutil.copy(LEAK, env.tmp)
    return ["use_after_close.c", "leak_on_error_path.c", "--", "-std=c11"]


def _kinds(r):
    return sorted(w[3].split(":")[0] for w in warnings(r))


def t_disable_enable(env):
    srcs = _two(env)
    r = env.run(*srcs)
    expect_rc(r, 1)
    check(_kinds(r) == ["fd leak", "use after close"], "findings %r" % _kinds(r))
    r = env.run("--disable", "fd leak", "--sarif", "d.sarif", *srcs)
    expect_rc(r, 1)
    check(_kinds(r) == ["use after close"], "--disable: %r" % _kinds(r))
    log = json.load(open(os.path.join(env.tmp, "d.sarif")))
    ids = [x["id"] for x in log["runs"][0]["tool"]["driver"]["rules"]]
    check("iosafe/fd-leak" not in ids and "iosafe/use-after-close" in ids, "rules %r" % ids)
    r = env.run("--disable", "fd leak", "--disable", "use after close", *srcs)
    expect_rc(r, 0)
    r = env.run("--disable", "fd leaks", *srcs)
    expect_rc(r, 2)
    check("unknown bug type 'fd leaks'" in r.stderr, r.stderr)
    # The configuration file in the current directory, then --enable.
    env.write(".iosafe-check.json", json.dumps({"disable": ["fd leak", "use after close"]}))
    expect_rc(env.run(*srcs), 0)
    r = env.run("--enable", "fd leak", *srcs)
    expect_rc(r, 1)
    check(_kinds(r) == ["fd leak"], "--enable after the file: %r" % _kinds(r))
    env.write("other.json", json.dumps({"disable": ["use after close"]}))
    r = env.run("--config", "other.json", *srcs)
    check(_kinds(r) == ["fd leak"], "--config: %r" % _kinds(r))
    env.write("bad.json", json.dumps({"disabled": ["fd leak"]}))
    r = env.run("--config", "bad.json", *srcs)
    expect_rc(r, 2)
    check("unknown key 'disabled'" in r.stderr, r.stderr)


def t_baseline(env):
    srcs = _two(env)
    r = env.run("--write-baseline", "base.json", *srcs)
    expect_rc(r, 1)
    base = json.load(open(os.path.join(env.tmp, "base.json")))
    check(len(base["findings"]) == 2, "baseline %r" % base)
    r = env.run("--baseline", "base.json", "--sarif", "b.sarif", *srcs)
    expect_rc(r, 0)
    check(not warnings(r) and counts(r)[0] == 0, "known findings reported: " + r.stdout)
    check("baseline: 2 known findings hidden; 0 baseline entries no longer occur" in r.stdout,
          r.stdout)
    check(r.lines[-3].endswith("; 2 known (baseline))"), "summary: %r" % r.lines[-3:])
    log = json.load(open(os.path.join(env.tmp, "b.sarif")))
    sarif_check.validate(log)
    check(log["runs"][0]["results"] == [], "known findings in the SARIF results")
    # Lines added above a known finding: still known.
    src = open(UAC).read()
    env.write("use_after_close.c", "/* new header comment */\n#include <stddef.h>\n\n" + src)
    r = env.run("--baseline", "base.json", *srcs)
    expect_rc(r, 0)
    check("2 known findings hidden" in r.stdout, "line shift: " + r.stdout)
    # A new finding is reported (baselineState new); a fixed one is counted.
    env.write("leak_on_error_path.c", "int nothing;\n")
    shutil.copy(os.path.join(BUGS, "double_close.c"), env.tmp)
    r = env.run("--baseline", "base.json", "--sarif", "c.sarif", "double_close.c", *srcs)
    expect_rc(r, 1)
    check(_kinds(r) == ["double close"], "new findings %r" % _kinds(r))
    check("1 known finding hidden; 1 baseline entry no longer occurs" in r.stdout, r.stdout)
    res = json.load(open(os.path.join(env.tmp, "c.sarif")))["runs"][0]["results"]
    check([x.get("baselineState") for x in res] == ["new"], "baselineState %r" % res)
    env.write("junk.json", "[]")
    expect_rc(env.run("--baseline", "junk.json", *srcs), 2)
    return "shifted 3 lines: still known; 1 new, 1 gone"


def t_suppressions(env):
    srcs = _two(env)
    env.write("supp.json", json.dumps([
        {"bug-type": "fd leak", "path": "leak_*.c", "function": "copy_file",
         "reason": "the copy is a one-shot tool; the kernel closes at exit"}]))
    r = env.run("--suppressions", "supp.json", "--sarif", "s.sarif", *srcs)
    expect_rc(r, 1)
    check(_kinds(r) == ["use after close"], "suppressed finding printed: %r" % _kinds(r))
    check(counts(r)[0] == 1 and "; 1 suppressed)" in r.stdout, "summary: " + r.stdout)
    log = json.load(open(os.path.join(env.tmp, "s.sarif")))
    sarif_check.validate(log)
    sup = [(x["ruleId"], x.get("suppressions")) for x in log["runs"][0]["results"]]
    check(("iosafe/fd-leak", [{"kind": "external", "status": "accepted", "justification":
                               "the copy is a one-shot tool; the kernel closes at exit"}]) in sup,
          "SARIF suppressions %r" % sup)
    # Only the suppressed finding left: exit 0.
    expect_rc(env.run("--suppressions", "supp.json", "leak_on_error_path.c", "--", "-std=c11"), 0)
    # Another function, or another path: not suppressed.
    env.write("supp2.json", json.dumps([{"bug-type": "fd leak", "path": "leak_*.c",
                                         "function": "main", "reason": "r"}]))
    expect_rc(env.run("--suppressions", "supp2.json", "leak_on_error_path.c", "--",
                      "-std=c11"), 1)
    for bad, what in (([{"bug-type": "fd leak", "path": "*.c"}], "needs a reason"),
                      ([{"bug-type": "fd leak", "path": "*.c", "reason": "  "}], "needs a reason"),
                      ([{"bug-type": "fd lek", "path": "*.c", "reason": "x"}], "unknown bug type")):
        env.write("bad.json", json.dumps(bad))
        r = env.run("--suppressions", "bad.json", *srcs)
        expect_rc(r, 2)
        check(what in r.stderr and not warnings(r), "%r: %s" % (bad, r.stderr))


TESTS = [
    ("--disable/--enable and the configuration file", t_disable_enable, True),
    ("baseline: known findings hidden, counted; a line shift keeps them matched", t_baseline,
     True),
    ("suppression file: SARIF suppressions, counted; a reason is mandatory", t_suppressions, True),
]

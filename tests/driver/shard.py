# SPDX-License-Identifier: MIT
"""tests/driver/shard.py: --shard K/N and `iosafe-check merge`: the shards
of a database are disjoint and cover it, and shard 1/2 and 2/2 merged give
the unsharded run's SARIF (its results, rules and artifacts, the same
translation units); the baseline and suppressions are applied once, in
merge; an input written with a baseline applied is refused."""

import json
import os
import shutil

import sarif_check
from driverlib import ROOT, check, expect_rc, warnings

BUGS = os.path.join(ROOT, "examples", "bugs")


def _db(env):
    env.clang_checkers = False
    names = sorted(f for f in os.listdir(BUGS) if f.endswith(".c"))
    for f in names:
        shutil.copy(os.path.join(BUGS, f), env.tmp)
    env.db("cdb.json", [env.entry(f) for f in names])
    return names


def _load(env, name):
    with open(os.path.join(env.tmp, name)) as f:
        return json.load(f)


def t_shard_merge(env):
    names = _db(env)
    expect_rc(env.run("-p", "cdb.json", "--sarif", "all.sarif"), 1)
    units = []
    for k in (1, 2):
        r = env.run("-p", "cdb.json", "--shard", "%d/2" % k, "--sarif", "s%d.sarif" % k)
        check(r.returncode in (0, 1), "shard %d: exit %d\n%s" % (k, r.returncode, r.stderr))
        units.append({u["file"] for u in
                      _load(env, "s%d.sarif" % k)["runs"][0]["properties"]["iosafe-check"][
                          "translationUnits"]})
    check(not units[0] & units[1] and len(units[0] | units[1]) == len(names) and
          abs(len(units[0]) - len(units[1])) <= 1, "shards %r" % units)
    r = env.run("merge", "merged.sarif", "s1.sarif", "s2.sarif")
    expect_rc(r, 1)
    whole, merged = _load(env, "all.sarif")["runs"][0], _load(env, "merged.sarif")["runs"][0]
    sarif_check.validate(_load(env, "merged.sarif"))
    for k in ("results", "artifacts", "originalUriBaseIds"):
        check(whole[k] == merged[k], "merged %s differ from the unsharded run's" % k)
    check(whole["tool"]["driver"]["rules"] == merged["tool"]["driver"]["rules"], "rules differ")
    key = lambda run: sorted(u["file"] for u in run["properties"]["iosafe-check"]["translationUnits"])  # noqa: E731
    check(key(whole) == key(merged), "translation units differ")
    check(len(warnings(r)) == len(whole["results"]), "merge printed %d findings" %
          len(warnings(r)))
    # The same split every time.
    r = env.run("-p", "cdb.json", "--shard", "1/2", "--sarif", "again.sarif")
    check(_load(env, "again.sarif")["runs"][0]["results"] ==
          _load(env, "s1.sarif")["runs"][0]["results"], "shard 1/2 is not deterministic")
    for bad in ("0/2", "3/2", "1", "a/b"):
        expect_rc(env.run("-p", "cdb.json", "--shard", bad), 2)
    return "%d units: %d + %d" % (len(names), len(units[0]), len(units[1]))


def t_merge_baseline_once(env):
    _db(env)
    expect_rc(env.run("-p", "cdb.json", "--write-baseline", "base.json"), 1)
    for k in (1, 2):
        env.run("-p", "cdb.json", "--shard", "%d/2" % k, "--sarif", "s%d.sarif" % k)
    r = env.run("merge", "--baseline", "base.json", "m.sarif", "s1.sarif", "s2.sarif")
    expect_rc(r, 0)
    check("0 baseline entries no longer occur" in r.stdout and not warnings(r), r.stdout)
    # One of examples/bugs/' fd leaks (there are several) is suppressed.
    env.write("supp.json", json.dumps([{"bug-type": "fd leak", "path": "*leak_on_error_path.c",
                                        "reason": "tested"}]))
    r = env.run("merge", "--suppressions", "supp.json", "m2.sarif", "s1.sarif", "s2.sarif")
    expect_rc(r, 1)
    sup = [x for x in _load(env, "m2.sarif")["runs"][0]["results"] if x.get("suppressions")]
    check(len(sup) == 1 and "; 1 suppressed)" in r.stdout, "merge suppressions: " + r.stdout)
    # A shard written with the baseline applied would count known findings as gone.
    env.run("-p", "cdb.json", "--shard", "1/2", "--baseline", "base.json", "--sarif", "b1.sarif")
    r = env.run("merge", "m3.sarif", "b1.sarif", "s2.sarif")
    expect_rc(r, 2)
    check("baseline or suppressions applied" in r.stderr, r.stderr)


TESTS = [
    ("--shard 1/2 + 2/2, merged: the unsharded run's SARIF", t_shard_merge, True),
    ("merge: baseline and suppressions applied once", t_merge_baseline_once, True),
]

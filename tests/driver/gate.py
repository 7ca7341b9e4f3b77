# SPDX-License-Identifier: MIT
"""tests/driver/gate.py: what iosafe-check reports and gates on.  By default
only iosafe's bug types (a leak of malloc'ed memory, Clang's unix.Malloc,
is neither printed nor counted: exit 0); --clang-checkers adds Clang's own
checkers' findings, which then make the exit status 1; --iosafe-only is an
accepted alias of the default."""

import json
import os
import shutil

from driverlib import LEAK_C, ROOT, check, expect_rc, summary, warnings

INC = "-I" + os.path.join(ROOT, "include")


def _srcs(env):
    env.write("leak.c", LEAK_C)
    srcs = ["leak.c"]
    if env.plugin != "none":
        shutil.copy(os.path.join(ROOT, "examples", "bugs", "use_after_close.c"), env.tmp)
        srcs.append("use_after_close.c")
    return srcs


def _rules(env, name):
    with open(os.path.join(env.tmp, name)) as f:
        return {res["ruleId"] for res in json.load(f)["runs"][0]["results"]}


def t_default_gate(env):
    env.clang_checkers = False
    srcs = _srcs(env)
    r = env.run("--sarif", "gate.sarif", *srcs, "--", "-std=c11", INC)
    if env.plugin == "none":
        expect_rc(r, 0)
        check(not warnings(r) and not _rules(env, "gate.sarif"), "Clang's finding kept")
        return "no plugin: Clang's finding dropped"
    expect_rc(r, 1)
    check([w[0] for w in warnings(r)] == ["use_after_close.c"], "findings %r" % warnings(r))
    check(summary(r)[0] == 1, "summary %r" % (summary(r),))
    check(_rules(env, "gate.sarif") == {"iosafe/use-after-close"},
          "SARIF rules %r" % _rules(env, "gate.sarif"))
    # Clang's finding alone does not fail the gate.
    r = env.run("leak.c")
    expect_rc(r, 0)
    check(not warnings(r) and summary(r)[0] == 0, "Clang's finding reported: " + r.stdout)


def t_clang_checkers(env):
    env.clang_checkers = False
    env.write("leak.c", LEAK_C)
    r = env.run("--clang-checkers", "--sarif", "all.sarif", "leak.c")
    expect_rc(r, 1)  # Clang's finding now counts for the exit status
    check([(w[0], w[4]) for w in warnings(r)] == [("leak.c", "unix.Malloc")],
          "findings %r" % warnings(r))
    check(_rules(env, "all.sarif") == {"unix.Malloc"}, "rules %r" % _rules(env, "all.sarif"))


def t_iosafe_only_alias(env):
    env.clang_checkers = False
    srcs = _srcs(env)
    a = env.run(*srcs, "--", "-std=c11", INC)
    b = env.run("--iosafe-only", *srcs, "--", "-std=c11", INC)
    check(a.returncode == b.returncode and a.stdout == b.stdout,
          "--iosafe-only differs from the default:\n%s\n---\n%s" % (a.stdout, b.stdout))


TESTS = [
    ("default gate: iosafe's bug types only, Clang's findings neither shown nor counted",
     t_default_gate, False),
    ("--clang-checkers: Clang's findings reported, exit 1", t_clang_checkers, False),
    ("--iosafe-only: accepted, same as the default", t_iosafe_only_alias, False),
]

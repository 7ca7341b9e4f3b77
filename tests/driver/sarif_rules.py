# SPDX-License-Identifier: MIT
"""tests/driver/sarif_rules.py: what iosafe-check's SARIF says about its
rules and results: the tool (iosafe-check, its version, informationUri),
one rule per bug type read from docs/bug-types/ (ruleId iosafe/SLUG, the
page's texts and examples, helpUri to the page), partialFingerprints
stable across a line shift, and --source-root."""

import json
import os
import re
import shutil

import sarif_check
from driverlib import ROOT, check, expect_rc

UAC = os.path.join(ROOT, "examples", "bugs", "use_after_close.c")
PAGES = os.path.join(ROOT, "docs", "bug-types")


def _log(env, name):
    with open(os.path.join(env.tmp, name)) as f:
        return json.load(f)


def t_rules_from_pages(env):
    env.clang_checkers = False
    shutil.copy(UAC, env.tmp)
    r = env.run("--sarif", "r.sarif", "use_after_close.c", "--", "-std=c11")
    expect_rc(r, 1)
    log = _log(env, "r.sarif")
    sarif_check.validate(log)
    drv = log["runs"][0]["tool"]["driver"]
    check(drv["name"] == "iosafe-check" and drv.get("version") and
          drv.get("informationUri", "").startswith("https://"), "tool %r" % drv)
    pages = sorted(f[:-3] for f in os.listdir(PAGES) if f.endswith(".md") and f != "README.md")
    check([x["id"] for x in drv["rules"]] == ["iosafe/" + p for p in pages],
          "rules %r" % [x["id"] for x in drv["rules"]])
    for rule in drv["rules"]:
        slug = rule["id"].split("/", 1)[1]
        text = open(os.path.join(PAGES, slug + ".md")).read()
        kind = re.match(r"# `([a-z ]+)`", text).group(1)
        bad = re.search(r"^## Bad\n+```c\n(.*?)\n```", text, re.M | re.S).group(1)
        good = re.search(r"^## Good\n+```c\n(.*?)\n```", text, re.M | re.S).group(1)
        check(rule["properties"]["bugType"] == kind and rule["properties"]["checkers"],
              "%s properties %r" % (slug, rule["properties"]))
        check(rule["fullDescription"]["text"].split()[:6] == text.split("\n\n")[2].split()[:6],
              "%s fullDescription is not the page's: %r" % (slug, rule["fullDescription"]))
        check(rule["shortDescription"]["text"] and "Print callbacks" not in json.dumps(rule),
              "%s shortDescription" % slug)
        for form in ("text", "markdown"):
            check(bad in rule["help"][form] and good in rule["help"][form],
                  "%s help.%s lacks the page's examples" % (slug, form))
        check(rule["helpUri"].endswith("/docs/bug-types/%s.md" % slug), rule["helpUri"])
        check(rule["defaultConfiguration"]["level"] == "warning", "level")
    res = log["runs"][0]["results"]
    check([(x["ruleId"], x["properties"]["checker"]) for x in res] ==
          [("iosafe/use-after-close", "iosafe.Ownership")], "results %r" % res)
    check(drv["rules"][res[0]["ruleIndex"]]["id"] == res[0]["ruleId"], "ruleIndex")
    # The text output still names the checker.
    check(r.stdout.splitlines()[0].endswith("[iosafe.Ownership]"), r.stdout)


def _fp(env, name):
    res = _log(env, name)["runs"][0]["results"]
    return [(x["ruleId"], x["locations"][0]["physicalLocation"]["region"]["startLine"],
             x["partialFingerprints"]["iosafe/v1"]) for x in res]


def t_fingerprint_line_shift(env):
    env.clang_checkers = False
    src = open(UAC).read()
    env.write("u.c", src)
    expect_rc(env.run("--sarif", "a.sarif", "u.c", "--", "-std=c11"), 1)
    # Lines added above the function: the finding moves, its fingerprint stays.
    env.write("u.c", "/* a new comment */\n\n#include <stddef.h>\n" + src)
    expect_rc(env.run("--sarif", "b.sarif", "u.c", "--", "-std=c11"), 1)
    a, b = _fp(env, "a.sarif"), _fp(env, "b.sarif")
    check(len(a) == 1 and b[0][1] == a[0][1] + 3 and b[0][2] == a[0][2],
          "line shift changed the fingerprint: %r vs %r" % (a, b))
    # The report line edited: a new fingerprint.
    lines = src.split("\n")
    n = a[0][1] - 1
    lines[n] = lines[n] + " /* edited */"
    env.write("u.c", "\n".join(lines))
    expect_rc(env.run("--sarif", "c.sarif", "u.c", "--", "-std=c11"), 1)
    c = _fp(env, "c.sarif")
    check(c[0][2] != a[0][2], "an edited report line kept its fingerprint")
    return "shifted 3 lines: same; report line edited: new"


def t_source_root(env):
    env.clang_checkers = False
    env.write("src/u.c", open(UAC).read())
    os.makedirs(os.path.join(env.tmp, "build"))
    r = env.run("--sarif", "out.sarif", "--source-root", "..", "../src/u.c", "--", "-std=c11",
                cwd=os.path.join(env.tmp, "build"))
    expect_rc(r, 1)
    run = json.load(open(os.path.join(env.tmp, "build", "out.sarif")))["runs"][0]
    loc = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    check(loc.get("uri") == "src/u.c" and loc.get("uriBaseId") == "SRCROOT", "location %r" % loc)
    check(run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file://%s/" % env.tmp,
          "SRCROOT %r" % run["originalUriBaseIds"])
    r = env.run("--source-root", "no-such-dir", "u.c")
    expect_rc(r, 2)


TESTS = [
    ("SARIF: tool iosafe-check, one rule per bug type from docs/bug-types/", t_rules_from_pages,
     True),
    ("SARIF: partialFingerprints stable across a line shift", t_fingerprint_line_shift, True),
    ("SARIF: --source-root gives relative URIs with SRCROOT", t_source_root, True),
]

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/driver/validate-sarif.py --driver D --plugin P --multitool M:
the SARIF logs iosafe-check writes, validated by Microsoft's SARIF
Multitool (npm @microsoft/sarif-multitool, tools/sarif/package.json,
installed by make into build/sarif-tools/) with `validate --rule-kind
"Sarif;Gh"`: the SARIF 2.1.0 JSON schema the package ships (JSON* rules),
the SARIF rules and GitHub's ingestion rules (GH*, what code scanning
requires).  A log passes when the validator reports no error; its warnings
are counted and printed.  A broken log must be rejected (the negative
control: a startLine 0 and a rule without texts).

The logs: examples/bugs/ (iosafe's bug types), a Clang finding with
--clang-checkers, --source-root, a suppressed finding and a baseline run
(the SARIF form of each feature).  Prints one line per log and
"sarif-validate: N passed, N failed"."""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driverlib import LEAK_C, ROOT  # noqa: E402

BAD = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "a"}]}},
       "results": [{"ruleId": "a", "message": {"text": "m"}, "locations": [{"physicalLocation": {
           "artifactLocation": {"uri": "a.c"}, "region": {"startLine": 0}}}]}]}]}


def validate(multitool, path, work):
    """(errors, warnings): the validator's results for path, by rule id."""
    out = os.path.join(work, os.path.basename(path) + ".validation.sarif")
    r = subprocess.run([multitool, "validate", "--rule-kind", "Sarif;Gh", "-o", out, path],
                       capture_output=True, text=True)
    if not os.path.isfile(out):
        raise RuntimeError("the validator wrote no output (exit %d):\n%s%s" %
                           (r.returncode, r.stdout, r.stderr))
    with open(out) as f:
        log = json.load(f)
    errors, warnings = [], []
    for run in log.get("runs", []):
        for res in run.get("results", []):
            item = "%s: %s" % (res.get("ruleId"), res.get("message", {}).get("text", "")[:160])
            (errors if res.get("level") == "error" else warnings).append(item)
    return errors, warnings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--multitool", required=True)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="iosafe-sarif-validate-")
    passed = failed = 0
    try:
        drv = [sys.executable, os.path.abspath(a.driver), "--plugin", os.path.abspath(a.plugin)]
        bugs = sorted(os.path.join("examples", "bugs", f)
                      for f in os.listdir(os.path.join(ROOT, "examples", "bugs"))
                      if f.endswith(".c"))
        with open(os.path.join(work, "leak.c"), "w") as f:
            f.write(LEAK_C)
        supp = os.path.join(work, "supp.json")
        with open(supp, "w") as f:
            json.dump([{"bug-type": "use after close", "path": "examples/bugs/use_after_close.c",
                        "reason": "validation of the SARIF suppressions form"}], f)
        base = os.path.join(work, "base.json")
        runs = [
            ("examples/bugs (iosafe's bug types)", ROOT, bugs, 1),
            ("--clang-checkers (a Clang finding)", work, ["--clang-checkers", "leak.c"], 1),
            ("--source-root", work, ["--clang-checkers", "--source-root", ROOT, "leak.c"], 1),
            ("--suppressions", ROOT, ["--suppressions", supp] + bugs, 1),
            ("--write-baseline", ROOT, ["--write-baseline", base] + bugs, 1),
            ("--baseline (all known)", ROOT, ["--baseline", base] + bugs, 0),
        ]
        logs = []
        for i, (name, cwd, args, want) in enumerate(runs):
            out = os.path.join(work, "log%d.sarif" % i)
            r = subprocess.run(drv + ["--sarif", out] + args + ["--", "-std=c11"], cwd=cwd,
                               capture_output=True, text=True)
            if r.returncode != want:
                print("  FAIL  %s: iosafe-check exit %d, expected %d\n%s%s" %
                      (name, r.returncode, want, r.stdout, r.stderr))
                failed += 1
                continue
            logs.append((name, out))
        bad = os.path.join(work, "broken.sarif")
        with open(bad, "w") as f:
            json.dump(BAD, f)
        for name, path in logs:
            errors, warnings = validate(a.multitool, path, work)
            if errors:
                print("  FAIL  %s: %d errors:\n    %s" % (name, len(errors), "\n    ".join(errors)))
                failed += 1
            else:
                print("  ok    %s: 0 errors, %d warnings%s" % (
                    name, len(warnings), "".join("\n          " + w for w in warnings)))
                passed += 1
        errors, _ = validate(a.multitool, bad, work)
        kinds = {e.split(":")[0] for e in errors}
        if {"JSON1008", "GH2012"} <= kinds:
            print("  ok    a broken log is rejected (%s)" % ", ".join(sorted(kinds)))
            passed += 1
        else:
            print("  FAIL  the broken log was not rejected by schema and GitHub rules: %r" % kinds)
            failed += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("sarif-validate: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""proofs/mutants/run_mutants.py: the mutation check of `make prove-mutants`.

For each mutant in proofs/mutants/mutants.txt: copy src/, include/ and acsl/
to OUT/<id>/ (the tree itself is never touched), apply the mutant (its text
must occur exactly once, so a mutant gone stale after an edit fails loudly),
run Frama-C/WP with `make prove`'s flags over the functions it names, and
count it killed when the run is not all-proved.  Prints killed/total and
exits non-zero when a mutant survives.

Environment (from proofs/proofs.mk): FRAMAC, FC_FLAGS, WP_FLAGS, WHY3CONFIG,
MUTANTS (optional: comma-separated ids to run).
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import wp_check  # noqa: E402

# Which translation unit holds each mutated file's functions: src/inline.c
# defines every body of the headers (include/iosafe/inline.h).
UNIT = {"include/iosafe/fd.h": "src/inline.c", "include/iosafe/io.h": "src/inline.c",
        "include/iosafe/net.h": "src/inline.c", "include/iosafe/event.h": "src/inline.c"}


def parse(path):
    mutants = []
    text = open(path).read()
    for block in re.split(r"^== ", text, flags=re.M)[1:]:
        head, _, body = block.partition("\n")
        mid, fname, fcts, why = [x.strip() for x in head.split("|")]
        m = re.match(r"<<<\n(.*?)\n>>>\n(.*?)\n*\Z", body, re.S)
        if not m:
            sys.exit("mutants: malformed mutant %s" % mid)
        after = m.group(2)
        # A block ends at the next blank line followed by a comment/mutant.
        after = re.split(r"\n\n(?=#|==|\Z)", after)[0]
        mutants.append((mid, fname, fcts, why, m.group(1), after))
    return mutants


def main(root, out):
    only = set(filter(None, os.environ.get("MUTANTS", "").split(",")))
    mutants = [m for m in parse(os.path.join(root, "proofs/mutants/mutants.txt"))
               if not only or m[0] in only]
    fc = os.environ.get("FRAMAC", "frama-c")
    fc_flags = shlex.split(os.environ["FC_FLAGS"])
    wp_flags = shlex.split(os.environ["WP_FLAGS"])
    killed, survived = 0, []
    start = time.time()
    for mid, fname, fcts, why, before, after in mutants:
        d = os.path.join(out, mid)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        for sub in ("src", "include", "acsl"):
            shutil.copytree(os.path.join(root, sub), os.path.join(d, sub))
        target = os.path.join(d, fname)
        text = open(target).read()
        n = text.count(before)
        if n != 1:
            sys.exit("mutants: %s: its text occurs %d times in %s (stale mutant)"
                     % (mid, n, fname))
        with open(target, "w") as f:
            f.write(text.replace(before, after))
        cmd = [fc] + fc_flags + [UNIT[fname]] + wp_flags + [
            "-wp-fct", fcts, "-wp-report-json", "wp.json", "-wp-out", "wp"]
        with open(os.path.join(d, "cmd.sh"), "w") as f:
            f.write(" ".join(shlex.quote(c) for c in cmd) + "\n")
        with open(os.path.join(d, "wp.log"), "w") as log:
            # Frama-C resolves relative file names against $PWD, not the
            # process's working directory: set both.
            rc = subprocess.call(cmd, cwd=d, env=dict(os.environ, PWD=d),
                                 stdout=log, stderr=subprocess.STDOUT)
        how = None
        if rc != 0 or not os.path.exists(os.path.join(d, "wp.json")):
            how = "Frama-C rejected it (exit %d)" % rc
        else:
            goals = wp_check.load_goals(os.path.join(d, "wp.json"))
            bad = sorted(g for gs in goals.values() for g, r in gs.items() if not r["ok"])
            if bad:
                how = "breaks " + ", ".join(bad[:3]) + (" ..." if len(bad) > 3 else "")
        if how:
            killed += 1
            print("  KILLED   %-26s %s" % (mid, how))
        else:
            survived.append(mid)
            print("  SURVIVED %-26s %s (%s)" % (mid, why, fname))
    total = len(mutants)
    print("prove-mutants: %d/%d mutants killed in %d s" % (killed, total, time.time() - start))
    if survived:
        print("prove-mutants: FAIL: surviving mutants: %s" % ", ".join(survived))
        sys.exit(1)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/api/check.py: the discipline of iosafe's public API, as a gate.

Every function declared in include/iosafe/*.h must have
  doc         a doc comment (/** ... */) naming it, before its contract, and,
              when it returns a value, saying what (a "Returns:" line, or a
              one-line doc "as iosafe_other" pointing at a documented one);
  contract    an ACSL contract (/*@ ... */ with an assigns clause) directly
              above its first declaration;
  annotations IOSAFE_ACQUIRES, IOSAFE_RELEASES, IOSAFE_USES or
              IOSAFE_RETURNS_BORROW on every iosafe_owned_fd or
              iosafe_borrowed_fd parameter (or pointer to one), unless the
              doc says "Annotation: none on @name." with its reason;
              IOSAFE_ACQUIRES after the declarator of a function returning
              iosafe_owned_fd; IOSAFE_RETURNS_BORROW on a parameter of a
              function returning iosafe_borrowed_fd that takes a descriptor;
  proof       a row with goals in the last proof report (proofs/REPORT.md,
              written by `make prove-report`), in a run whose verdict is
              "all proved", with no unproved goal or failed smoke test of
              its own;
  test        at least one call in a Criterion test (tests/unit/test_*.c).

The Windows header (win.h) is built with mingw-w64, proved by `make
prove-win` and tested under wine: for its functions the proof is the
prove-win run's own result (--win-proof, WP's JSON report of the core: every
goal of the function proved) and the test a call in tests/win/test_*.c.

It prints each function that misses something, with what, and exits 1;
with everything present it prints the counts and exits 0.

  check.py [--root DIR] [-v]
"""
import argparse
import glob
import json
import os
import re
import sys

FD_TYPES = ("iosafe_owned_fd", "iosafe_borrowed_fd")
# filelike.h: typedefs of the fd types on POSIX (of the handle types on Windows).
FD_TYPES += ("iosafe_owned_filelike", "iosafe_borrowed_filelike", "iosafe_owned_socketlike", "iosafe_borrowed_socketlike")
ANNOTATIONS = ("IOSAFE_ACQUIRES", "IOSAFE_RELEASES", "IOSAFE_USES", "IOSAFE_RETURNS_BORROW")


def read_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def blocks(text):
    """Split C text into ("doc"|"acsl"|"comment"|"code", text, line) items."""
    out = []
    i, n, line = 0, len(text), 1
    code = []
    code_line = 1
    while i < n:
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            if code and "".join(code).strip():
                out.append(("code", "".join(code), code_line))
            code = []
            body = text[i:j]
            kind = "doc" if body.startswith("/**") else "acsl" if body.startswith("/*@") else "comment"
            out.append((kind, body, line))
            line += body.count("\n")
            i = j
            code_line = line
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            i = j
        else:
            if not code:
                code_line = line
            code.append(text[i])
            if text[i] == "\n":
                line += 1
            i += 1
    if code and "".join(code).strip():
        out.append(("code", "".join(code), code_line))
    return out


DECL = re.compile(r"^(?:static\s+inline\s+)?(?P<ret>(?:const\s+)?[A-Za-z_]\w*(?:\s*\*)*)\s*"
                  r"(?P<name>iosafe_\w+)\s*\((?P<params>[^;{]*?)\)(?P<after>[^;{]*)(?P<end>[;{])",
                  re.M | re.S)


def declarations(path):
    """[(name, ret, params, after, doc, acsl, line)] for each function's first
    declaration in a header; doc and acsl are the comment blocks right
    before it (None when missing)."""
    items = blocks(read_text(path))
    seen = {}
    for k, (kind, text, line) in enumerate(items):
        if kind != "code":
            continue
        for m in DECL.finditer(text):
            # Only declarations that start a line at file scope (not calls
            # inside an inline body, which are indented).
            start = text.rfind("\n", 0, m.start()) + 1
            if text[start:m.start()].strip():
                continue
            name = m.group("name")
            if name in seen:
                continue
            first_in_block = not text[:m.start()].strip()
            acsl = doc = None
            if first_in_block and k >= 1 and items[k - 1][0] == "acsl":
                acsl = items[k - 1][1]
                if k >= 2 and items[k - 2][0] == "doc":
                    doc = items[k - 2][1]
            elif first_in_block and k >= 1 and items[k - 1][0] == "doc":
                doc = items[k - 1][1]
            seen[name] = (name, " ".join(m.group("ret").split()), m.group("params"),
                          m.group("after"), doc, acsl, line + text[:m.start()].count("\n"))
    return list(seen.values())


def params_of(params):
    depth, cur, out = 0, "", []
    for c in params:
        if c == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
            continue
        depth += c == "("
        depth -= c == ")"
        cur += c
    if cur.strip():
        out.append(cur.strip())
    return [p for p in out if p != "void"]


def report_runs(report):
    """{function: goals} for functions of runs whose verdict is "all proved",
    and the set of functions with an unproved goal or failed smoke test."""
    text = read_text(report)
    good_runs = set(re.findall(r"^\| (\w+) \| \d+ \| \d+ \| \d+ \| all proved \|$", text, re.M))
    proved = {}
    for run in good_runs:
        sec = re.search(r"^## Per-function goals: %s\n(.*?)(?=^## |\Z)" % re.escape(run), text,
                        re.M | re.S)
        if not sec:
            continue
        for m in re.finditer(r"^\| `(\w+)` \| (\d+) \|", sec.group(1), re.M):
            proved[m.group(1)] = proved.get(m.group(1), 0) + int(m.group(2))
    # Goals are listed by property (function_behavior_clause...): a failing
    # one counts against every function whose name prefixes it (which may
    # blame iosafe_dup for iosafe_dup_min's goal: stricter, never looser).
    failing = re.findall(r"^\| `(\w+)` \| \d+ \| (?:UNPROVED|SMOKE TEST FAILED)", text, re.M)
    bad = {f for f in proved for g in failing if g == f or g.startswith(f + "_")}
    return proved, bad


def win_goals(path):
    """({function: goals}, {function with a goal not proved}) from WP's JSON
    report (-wp-report-json) of prove-win's core run."""
    if path is None:
        return {}, set()
    try:
        data = json.load(open(path))
    except (OSError, ValueError) as e:
        sys.exit("api: cannot read prove-win's report %s: %s" % (path, e))
    goals, bad = {}, set()
    for fn, props in data.get("wp:functions", {}).items():
        for prop, res in props.items():
            if prop == "wp:section":
                continue
            main = res.get("wp:main", {})
            goals[fn] = goals.get(fn, 0) + main.get("total", 0)
            if main.get("valid", 0) != main.get("total", 0):
                bad.add(fn)
    return goals, bad


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=".")
    ap.add_argument("--win-proof", metavar="WP_JSON",
                    help="WP's report of prove-win's core run (for win.h)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    root = args.root
    headers = sorted(glob.glob(os.path.join(root, "include/iosafe/*.h")))
    report = os.path.join(root, "proofs/REPORT.md")
    proved, bad_goals = report_runs(report)
    tests = "\n".join(strip_comments(read_text(p))
                      for p in sorted(glob.glob(os.path.join(root, "tests/unit/test_*.c"))))
    win_tests = "\n".join(strip_comments(read_text(p))
                          for p in sorted(glob.glob(os.path.join(root, "tests/win/test_*.c"))))
    win_proved, win_bad = win_goals(args.win_proof)
    missing = []
    total = 0
    for h in headers:
        is_win = os.path.basename(h) in ("win.h", "samefile_win.h", "filetime_win.h")
        for name, ret, params, after, doc, acsl, line in declarations(h):
            total += 1
            where = "%s:%d %s" % (os.path.relpath(h, root), line, name)
            miss = []
            if doc is None or not re.search(r"\b%s\b" % re.escape(name), doc):
                miss.append("doc comment naming it")
            elif ret != "void" and "Returns" not in doc and not re.search(r"\bas iosafe_\w+", doc) \
                    and not re.search(r"%s: (a|an|the) " % re.escape(name), doc):
                miss.append("doc of the result (Returns:)")
            if acsl is None:
                miss.append("ACSL contract directly above the declaration")
            elif not re.search(r"\bassigns\b", acsl):
                miss.append("assigns clause in the contract")
            fd_params = 0
            # "Annotation: none on @param." in the doc, with its reason: an
            # ownership no handle attribute can state (moved on success only).
            unannotated = set(re.findall(r"Annotation: none on @(\w+)\.", doc or ""))
            for p in params_of(params):
                if any(re.search(r"\b%s\b" % t, p) for t in FD_TYPES):
                    fd_params += 1
                    pname = re.findall(r"(\w+)\s*(?:\[[^]]*\])?\s*$", p.split("IOSAFE_")[0])
                    if pname and pname[0] in unannotated:
                        continue
                    if not any(a in p for a in ANNOTATIONS):
                        miss.append("ownership annotation on parameter `%s`" % " ".join(p.split()))
            if ret.startswith("iosafe_owned_fd") and "IOSAFE_ACQUIRES" not in after:
                miss.append("IOSAFE_ACQUIRES on the returned owned fd")
            if ret == "iosafe_borrowed_fd" and fd_params and "IOSAFE_RETURNS_BORROW" not in params:
                miss.append("IOSAFE_RETURNS_BORROW on the parameter the borrow comes from")
            if is_win:
                if args.win_proof is None:
                    miss.append("prove-win's result (--win-proof)")
                elif win_proved.get(name, 0) == 0:
                    miss.append("proof in make prove-win")
                elif name in win_bad:
                    miss.append("every goal proved in make prove-win")
            elif proved.get(name, 0) == 0:
                miss.append("proof in proofs/REPORT.md (run `make prove-report`)")
            elif name in bad_goals:
                miss.append("every goal proved in proofs/REPORT.md")
            calls = win_tests if is_win else tests
            if not re.search(r"\b%s\s*\(" % re.escape(name), calls) and \
                    not re.search(r"[=(,{]\s*%s\s*[,;})]" % re.escape(name), calls):
                miss.append("a test calling it (tests/win/test_*.c)" if is_win else
                            "a Criterion test calling it (tests/unit/test_*.c)")
            if miss:
                missing.append((where, miss))
            elif args.verbose:
                print("api: ok %s" % where)
    for where, miss in missing:
        print("api: MISSING %s: %s" % (where, "; ".join(miss)))
    print("api: %d public functions in %d headers: %d complete, %d missing something"
          % (total, len(headers), total - len(missing), len(missing)))
    if total == 0:
        print("api: no function found: the header parser is broken")
        return 1
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

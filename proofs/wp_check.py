#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""proofs/wp_check.py: read Frama-C/WP's results and decide, for `make prove`.

Frama-C exits 0 even when goals stay unproved, so the verdict is taken here
from WP's JSON report (-wp-report-json) and its log:

  specs   PRINTED.c [OTHER.c]  every function defined in the analysed code
                               has an ACSL contract (a missing specification
                               is fatal); prints the static copies Frama-C
                               made of inline functions (name_0, ...) and the
                               functions OTHER.c (another run's printed code)
                               defines, so that each is proved once, not twice.
  merge   DIR RUN_DIR...       one result (DIR/wp.json, DIR/wp.log) from runs
                               of disjoint sets of functions (the core, one
                               run per source, run side by side).
  proved  NAME JSON LOG        every goal proved, every smoke test passed
                               (WP marks a smoke test "valid" when no prover
                               could prove `false` from the contract), WP's
                               memory-model hypotheses only about errno.
  fails   NAME JSON LOG SRC    a faulty client: at least one goal unproved,
                               and every unproved goal matches the
                               `expect-unproved:` regex written in SRC.
  report  OUT [NAME JSON LOG]...  write proofs/REPORT.md's fresh text.
  same    FRESH COMMITTED      the committed report matches a fresh run,
                               lines starting "Time:" and "Run:" aside, and
                               it came from `make prove-full`.
  floor   FLOOR JSON[:SMOKE]...  the number of goals (the report's total) is at
                               least the committed floor (proofs/goal-floor).
  cache-unpack TXT DIR         WP's cache entries (DIR/<hash>.json, one per
                               goal and prover) from their packed text form.
  cache-pack DIR TXT           the reverse: one line "<sub/hash> <json>" per
                               entry, sorted, so that a change of the
                               committed cache is a readable diff.

The cache (-wp-cache-dir) is keyed by a digest of the exact text each prover
is given, the prover and its version: a goal whose text changed (its code,
its contract, a contract it calls, the trusted base) has a new key and is
proved again; an entry records the steps the prover used, and WP reuses it
only within the current -wp-steps.
"""
import json
import os
import re
import subprocess
import sys

PROVERS = ("Z3", "CVC4", "CVC5")


def die(msg):
    sys.stderr.write("prove: FAIL: %s\n" % msg)
    sys.exit(1)


# ---- specs ---------------------------------------------------------------
def defined_functions(printed):
    """Names of the functions printed.c defines, and those without a contract."""
    lines = open(printed).read().split("\n")
    defined = []
    missing = []
    for i, line in enumerate(lines):
        if line != "{":
            continue
        # The declarator may wrap: walk back to the line at column 0.
        j = i - 1
        while j > 0 and lines[j][:1] in (" ", "\t"):
            j -= 1
        header = " ".join(l.strip() for l in lines[j:i])
        m = re.match(r"^[^(=]*?\b([A-Za-z_]\w*)\s*\(", header)
        if not m or header.startswith(("struct", "union", "enum", "typedef")):
            continue
        name = m.group(1)
        defined.append(name)
        prev = lines[j - 1].rstrip() if j > 0 else ""
        if not prev.endswith("*/"):
            missing.append(name)
            continue
        k = j - 1
        while k >= 0 and "/*" not in lines[k]:
            k -= 1
        if k < 0 or "/*@" not in lines[k]:
            missing.append(name)
    return defined, missing


def cmd_specs(printed, other=None):
    defined, missing = defined_functions(printed)
    if missing:
        die("function(s) without an ACSL contract: %s" % ", ".join(missing))
    if not defined:
        die("no function definitions found in %s" % printed)
    names = set(defined)
    dups = sorted(n for n in defined
                  if re.match(r"^(.*)_\d+$", n) and re.sub(r"_\d+$", "", n) in names)
    if other:
        elsewhere = set(defined_functions(other)[0])
        dups = sorted(set(dups) | (names & elsewhere))
    print(",".join(dups) if dups else "")


def cmd_merge(out_dir, run_dirs):
    """The runs prove disjoint sets of functions (specs skips in each what
    another proves), so their "wp:functions" are joined; a function proved
    in two runs is an error, since the report would count it twice."""
    functions = {}
    logs = []
    for d in run_dirs:
        part = json.load(open(os.path.join(d, "wp.json")))
        for fn, goals in part.get("wp:functions", {}).items():
            if fn in functions:
                die("merge: %s is proved in two runs (%s)" % (fn, d))
            functions[fn] = goals
        logs.append(open(os.path.join(d, "wp.log")).read())
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "wp.json"), "w") as f:
        json.dump({"wp:functions": functions}, f, indent=1, sort_keys=True)
    with open(os.path.join(out_dir, "wp.log"), "w") as f:
        f.write("".join(logs))


# ---- reading WP's results ----------------------------------------------------
def load_goals(json_path):
    """{function: {property: {"ok", "n", "by": {prover: goals proved}, "smoke"}}}

    WP's JSON groups the goals of one property (an assigns clause checked
    at several statements, say): "n" counts the goals, and "ok" holds when
    WP's verdict (wp:main) is valid for all of them.  For a smoke test,
    "valid" means passed: no prover could prove `false`.
    """
    d = json.load(open(json_path))
    out = {}
    for fn, goals in d.get("wp:functions", {}).items():
        for goal, res in goals.items():
            if goal == "wp:section":
                continue
            main = res.get("wp:main", {})
            n = main.get("total", 0)
            ok = n > 0 and main.get("valid", 0) == n
            smoke = "_wp_smoke_" in goal
            by = {}
            for key, r in res.items():
                name = "Qed" if key == "qed" else key.split(":")[0]
                if name in PROVERS + ("Qed",) and r.get("valid", 0):
                    by[name] = r["valid"]
                # A smoke test's per-prover entries are inverted ("valid":
                # this prover could not prove false), and wp:main keeps the
                # best of them: with -wp-run-all-provers one prover's
                # failure to find false would hide another's proof of it.
                # The test passes only when no prover proved false.
                if smoke and name in PROVERS + ("Qed",) and \
                        r.get("valid", 0) != r.get("total", 0):
                    ok = False
            out.setdefault(fn, {})[goal] = {"ok": ok, "n": n, "by": by,
                                            "smoke": smoke}
    return out


def load_merged(json_path, smoke_json=None):
    """Goals of json_path; with smoke_json (a second run of the same code
    with -wp-smoke-tests at the lower step limit), its smoke tests added."""
    goals = load_goals(json_path)
    if smoke_json:
        for fn, gs in load_goals(smoke_json).items():
            for g, r in gs.items():
                if r["smoke"]:
                    goals.setdefault(fn, {})[g] = r
    return goals


def count(goals):
    return sum(r["n"] for gs in goals.values() for r in gs.values())


def hypotheses(log_path):
    """WP's memory-model hypotheses: {function: [requires ...]}"""
    text = open(log_path).read()
    hyps = {}
    for m in re.finditer(r"Memory model hypotheses for function '(\w+)':\n(.*?)\*/",
                         text, re.S):
        reqs = re.findall(r"requires\s+(.*?);", m.group(2), re.S)
        hyps[m.group(1)] = [" ".join(r.split()) for r in reqs]
    return hyps


def check_hypotheses(name, log_path):
    for fn, reqs in hypotheses(log_path).items():
        for r in reqs:
            # The only hypothesis WP may make: a pointer does not point to
            # the errno variable, or on Windows to the model's last-error
            # variable (acsl/iosafe_win32.h); their addresses are never
            # taken in iosafe.
            if not (r.startswith("\\separated(") and
                    ("errno" in r or "iosafe_win32_last_error" in r)):
                die("%s: WP assumed an unexpected memory-model hypothesis for %s: %s"
                    % (name, fn, r))


def cmd_proved(name, json_path, log_path, smoke_json=None):
    goals = load_merged(json_path, smoke_json)
    bad = []
    n = count(goals)
    for fn, gs in sorted(goals.items()):
        for g, r in sorted(gs.items()):
            if not r["ok"]:
                bad.append(("failed smoke test (contract or code is vacuous): "
                            if r["smoke"] else "unproved: ") + g)
    check_hypotheses(name, log_path)
    if n == 0:
        die("%s: no goals at all" % name)
    if bad:
        die("%s: %d goal(s) not proved:\n  %s" % (name, len(bad), "\n  ".join(bad)))
    print("  PROVED   %s: %d / %d goals (smoke tests included)" % (name, n, n))


def cmd_fails(name, json_path, log_path, src):
    m = re.search(r"expect-unproved:\s*(\S+)", open(src).read())
    if not m:
        die("%s: no `expect-unproved: REGEX` in %s" % (name, src))
    expect = re.compile(m.group(1))
    goals = load_goals(json_path)
    unproved = sorted(g for gs in goals.values() for g, r in gs.items() if not r["ok"])
    if not unproved:
        die("%s: every goal proved, but this faulty client must fail" % name)
    other = [g for g in unproved if not expect.search(g)]
    if other:
        die("%s: unproved goals other than the expected %s: %s"
            % (name, expect.pattern, ", ".join(other)))
    print("  REFUTED  %s: %s (expected)" % (name, ", ".join(unproved)))


# ---- report --------------------------------------------------------------
def first_line(cmd):
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             universal_newlines=True).stdout
        return out.strip().split("\n")[0]
    except OSError as e:
        return "unavailable (%s)" % e


def trusted_contracts(posix_hs):
    """[(file, function, [(kind, behavior, name, citation, no_stronger)],
    [assigns])] of each declaration in the trusted headers.

    Every named requires/ensures clause must be preceded by `//` comment
    lines: its citation, then a line beginning "No stronger:" saying why
    it promises no more than Linux does.  A clause without them stops the
    report: the trusted base is only as good as its justification."""
    out = []
    missing = []
    for posix_h in posix_hs.split():
        text = open(posix_h).read()
        for m in re.finditer(r"/\*@(.*?)\*/\s*\n((?:(?!/\*)[^;])*?)\b(\w+)\s*\(", text, re.S):
            fn = m.group(3)
            clauses = []
            comment = []
            behavior = ""
            for line in m.group(1).split("\n"):
                t = line.strip()
                if t.startswith("//"):
                    comment.append(t[2:].strip())
                    continue
                b = re.match(r"behavior\s+(\w+):", t)
                if b:
                    behavior = b.group(1)
                    continue
                c = re.match(r"(requires|ensures)\s+(\w+):", t)
                if not c:
                    continue
                text_ = " ".join(comment)
                cite, _, why = text_.partition("No stronger:")
                cite, why = " ".join(cite.split()), " ".join(why.split())
                if not cite or not why:
                    missing.append("%s: %s %s" % (posix_h, fn, c.group(2)))
                clauses.append((c.group(1), behavior, c.group(2), cite, why))
                comment = []
            assigns = re.findall(r"\bassigns\s+([^;]*);", m.group(1))
            out.append((posix_h, fn, clauses, [" ".join(a.split()) for a in assigns]))
    if missing:
        die("trusted clause(s) without a citation and a 'No stronger:' line:\n  %s"
            % "\n  ".join(missing))
    return out


def cmd_report(out_path, runs, env):
    L = []
    w = L.append
    w("# iosafe: Frama-C/WP proof report")
    w("")
    w("Generated by `make prove-full` (proofs/wp_check.py) from a run that")
    w("proves every goal from nothing (an empty WP cache, -wp-cache rebuild);")
    w("`make prove` regenerates it under build/proofs/, replaying the results")
    w("of goals whose text is unchanged from the committed cache")
    w("(proofs/wp-cache.txt), and fails when it differs from this committed")
    w("copy (the `Time:` and `Run:` lines aside).  Do not edit by hand.")
    w("")
    w("## Tools")
    w("")
    w("- Frama-C: %s" % first_line(["frama-c", "-version"]))
    w("- Why3: %s" % first_line(["why3", "--version"]))
    w("- Z3: %s" % first_line(["z3", "--version"]))
    w("- CVC4: %s" % first_line(["cvc4", "--version"]))
    w("- cvc5: %s" % first_line(["cvc5", "--version"]))
    w("")
    w("## How it was run (reproduce with `make prove-full`)")
    w("")
    w("```")
    w("frama-c %s" % env["FC_FLAGS"])
    w("        %s" % env["WP_FLAGS"])
    w("```")
    w("")
    w("and the WP cache: `make prove-full` adds `-wp-cache rebuild` over an")
    w("empty build/proofs/wp-cache (every goal goes to the provers) and packs")
    w("it into proofs/wp-cache.txt; `make prove` adds `-wp-cache update` over")
    w("that cache, so only goals whose text changed go to the provers.")
    w("")
    w("The core is proved one Frama-C run per source, side by side: the first")
    w("(src/inline.c) proves the bodies of the headers, each other run skips")
    w("them, and the runs' results are joined as the row `core` below.")
    w("")
    w("Clients (proofs/clients/*.c) run twice: once with")
    w("`%s` for their goals, once as above" % env.get("CLIENT_FLAGS", ""))
    w("(with `-wp-fct client_...`) for their smoke tests; a faulty client runs")
    w("only the first.")
    w("")
    w("Provers: Z3, CVC4 and cvc5 are each run on every goal Qed (WP's own")
    w("simplifier) leaves open (-wp-run-all-provers), under a deterministic")
    w("step limit (-wp-steps); a goal counts as proved when any one of them")
    w("proves it, and the table shows which did.  Why3's configuration is")
    w("project-local (build/proofs/why3.conf, WHY3CONFIG), with a project")
    w("driver for cvc5 (proofs/why3/).")
    w("")
    total_goals = 0
    w("## Results")
    w("")
    w("| run | goals | proved | smoke tests | verdict |")
    w("|---|---|---|---|---|")
    details = []
    for name, json_path, log_path, kind in runs:
        kind, _, smoke_json = kind.partition(":")
        goals = load_merged(json_path, smoke_json or None)
        allg = [(fn, g, r) for fn, gs in sorted(goals.items()) for g, r in sorted(gs.items())]
        n = count(goals)
        ok = sum(r["n"] for _, _, r in allg if r["ok"])
        smoke = sum(r["n"] for _, _, r in allg if r["smoke"])
        if kind == "bad":
            unproved = [g for _, g, r in allg if not r["ok"]]
            verdict = "fails as required at: " + ", ".join("`%s`" % g for g in unproved)
        else:
            total_goals += n
            verdict = "all proved" if ok == n else "NOT PROVED"
        w("| %s | %d | %d | %d | %s |" % (name, n, ok, smoke, verdict))
        details.append((name, kind, goals, log_path))
    w("")
    w("Goals proved in the core and the good clients: %d." % total_goals)
    w("")
    for name, kind, goals, log_path in details:
        if kind == "bad":
            continue
        w("## Per-function goals: %s" % name)
        w("")
        w("| function | goals | Qed | Z3 | CVC4 | cvc5 | smoke tests passed |")
        w("|---|---|---|---|---|---|---|")
        for fn, gs in sorted(goals.items()):
            rs = list(gs.values())
            cnt = lambda p: sum(r["by"].get(p, 0) for r in rs if not r["smoke"])
            w("| `%s` | %d | %d | %d | %d | %d | %d |" % (
                fn, sum(r["n"] for r in rs), cnt("Qed"), cnt("Z3"), cnt("CVC4"),
                cnt("CVC5"), sum(r["n"] for r in rs if r["smoke"] and r["ok"])))
        w("")
        w("<details><summary>Every goal and what closed it (%s)</summary>" % name)
        w("")
        w("| property | goals | closed by (goals each prover proved) |")
        w("|---|---|---|")
        for fn, gs in sorted(goals.items()):
            for g, r in sorted(gs.items()):
                if r["smoke"]:
                    by = "smoke test passed (no prover derives false)" if r["ok"] else "SMOKE TEST FAILED"
                else:
                    by = ", ".join("%s %d" % (p, r["by"][p]) for p in ("Qed",) + PROVERS
                                   if p in r["by"])
                    if not r["ok"]:
                        by = "UNPROVED (" + by + ")"
                w("| `%s` | %d | %s |" % (g, r["n"], by))
        w("")
        w("</details>")
        w("")
    w("## Trusted base (assumed, not proved)")
    w("")
    w("1. The contracts of the POSIX calls in `%s`." % "`, `".join(env["POSIX_H"].split()))
    w("   Each clause below gives its citation (the man page, POSIX text or")
    w("   kernel source it follows) and why it promises no more than Linux")
    w("   does.  A `requires` clause is an obligation on iosafe (it may be")
    w("   stricter than the kernel: iosafe's discipline); an `ensures` clause")
    w("   is what the OS must keep, and says only \"errno set\" wherever Linux")
    w("   can fail with any errno (a file system's flush, a Linux Security")
    w("   Module hook, a seccomp filter).  tests/faults/ injects errno values")
    w("   outside the documented lists with strace and checks that the")
    w("   wrappers pass them on.")
    w("")
    for path, fn, clauses, assigns in trusted_contracts(env["POSIX_H"]):
        w("   - `%s` (%s); assigns %s" % (fn, path, "; ".join("`%s`" % a for a in assigns)))
        for kind, beh, name, cite, why in clauses:
            w("     - %s `%s`%s: %s *No stronger:* %s" % (
                kind, name, " (behavior %s)" % beh if beh else "", cite, why))
    w("")
    w("   fcntl and open/openat are declared with the one extra argument")
    w("   iosafe passes instead of `...`.")
    w("2. The types and constants of the same files (Linux x86_64),")
    w("   compared with the system headers by the C compiler before every run")
    w("   (`proofs/shim_types.c`, `proofs/shim_types_net.c` and the generated")
    w("   constant checks).")
    w("3. WP's memory-model hypotheses (the Typed model): WP assumes that the")
    w("   pointers a function receives do not point into the global errno")
    w("   (a C program cannot make them: errno is not an object it owns).")
    w("   The contracts repeat the separation as `requires separated:`")
    w("   clauses that callers must prove.  Hypotheses WP reported (any")
    w("   other kind fails the run):")
    w("")
    seen = set()
    for name, kind, goals, log_path in details:
        if kind == "bad":
            continue
        for fn, reqs in sorted(hypotheses(log_path).items()):
            if (fn, tuple(reqs)) in seen:
                continue
            seen.add((fn, tuple(reqs)))
            w("   - `%s`: %s" % (fn, "; ".join("`%s`" % r for r in reqs)))
    w("")
    w("4. The tools: Frama-C's front end and WP, Why3, and the provers.")
    w("")
    w("## Assumptions of the model")
    w("")
    w("- One thread uses the descriptor table, and the process does not fork:")
    w("  another thread's open(2) or close(2) is outside the model.")
    w("- Descriptor numbers stay below IOSAFE_FD_BOUND = 1048576 (Linux's")
    w("  default fs.nr_open, the ceiling of RLIMIT_NOFILE).")
    w("- Linux close semantics: close(2) releases the number even when it fails")
    w("  (EINTR, EIO, ...), so it is never retried (Austin Group bug 529).")
    w("- The model tracks each number's state (closed, open and unowned, owned),")
    w("  not its identity: a stale copy of a number closed and then reused by a")
    w("  new open(2) is not told apart from the new owner.")
    w("- Path strings are modelled as readable memory; their termination is")
    w("  not checked.  The contents of files and sockets are not modelled.")
    w("- Frama-C 25 does not run `__attribute__((cleanup))`: for iosafe_auto_fd")
    w("  the proofs cover the explicit form GCC generates (proofs/clients/).")
    w("")
    w("## Time")
    w("")
    w("Time: %s" % env.get("TIME", "not measured"))
    w("")
    logs = [log_path for _, _, log_path, _ in runs] + \
        [os.path.join(os.path.dirname(k.partition(":")[2]), "wp.log")
         for _, _, _, k in runs if k.partition(":")[2]]
    found, updated = cache_stats(logs)
    w("Run: %s; prover results replayed from the WP cache: %d, computed in this run: %d"
      % (env.get("RUN", "unknown"), found, updated))
    w("")
    open(out_path, "w").write("\n".join(L))


def cache_stats(logs):
    """Sum of WP's "[Cache] found:N, updated:M" lines over the logs."""
    found = updated = 0
    for log in logs:
        if not os.path.exists(log):
            continue
        for m in re.finditer(r"\[Cache\] ([^\n]*)", open(log).read()):
            kv = dict(re.findall(r"(\w+):(\d+)", m.group(1)))
            found += int(kv.get("found", 0))
            updated += int(kv.get("updated", 0))
    return found, updated


def cmd_cache_unpack(txt, d):
    os.makedirs(d, exist_ok=True)
    if not os.path.exists(txt):
        return
    n = 0
    for line in open(txt):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        key, _, entry = line.partition(" ")
        if not re.match(r"^([\w-]+/)?[0-9a-f]{32}$", key):
            die("%s: malformed cache line: %s" % (txt, line[:60]))
        os.makedirs(os.path.dirname(os.path.join(d, key)), exist_ok=True)
        with open(os.path.join(d, key + ".json"), "w") as f:
            f.write(entry + "\n")
        n += 1
    print("  CACHE    %d prover results from %s" % (n, txt))


def cmd_cache_pack(d, txt):
    lines = []
    for sub, _, names in sorted(os.walk(d)):
        for name in sorted(names):
            m = re.match(r"^([0-9a-f]{32})\.json$", name)
            if not m:
                continue
            rel = os.path.relpath(os.path.join(sub, m.group(1)), d)
            entry = " ".join(open(os.path.join(sub, name)).read().split())
            # WP records Z3's own step count, which can exceed the -wp-steps
            # the proof ran under although Z3 proved the goal within it (a
            # live run reports it valid); a replay compares the record with
            # the limit and would not.  The record says "valid under steps-N":
            # write at most N.
            lim = re.match(r"^steps-(\d+)$", os.path.dirname(rel))
            res = json.loads(entry)
            if lim and res.get("verdict") == "valid" and res.get("steps", 0) > int(lim.group(1)):
                res["steps"] = int(lim.group(1))
                entry = json.dumps(res, sort_keys=True)
            lines.append("%s %s" % (rel, entry))
    lines.sort()
    with open(txt, "w") as f:
        f.write("# WP cache of `make prove-full` (proofs/wp_check.py cache-pack): "
                "<steps-LIMIT/><digest of the prover's task> <result>\n")
        f.write("\n".join(lines) + "\n")
    print("  CACHE    %d prover results packed into %s" % (len(lines), txt))


def cmd_same(fresh, committed):
    if not os.path.exists(committed):
        die("%s is missing: run `make prove-full` and commit it" % committed)
    run = [l for l in open(committed).read().split("\n") if l.startswith("Run:")]
    if not run or not run[0].startswith("Run: make prove-full"):
        die("%s does not come from `make prove-full` (its Run: line: %s)"
            % (committed, run[0] if run else "none"))
    strip = lambda p: [l for l in open(p).read().split("\n")
                       if not l.startswith(("Time:", "Run:"))]
    a, b = strip(fresh), strip(committed)
    if a != b:
        import difflib
        sys.stderr.write("".join(difflib.unified_diff(
            [l + "\n" for l in b], [l + "\n" for l in a], committed, fresh, n=1)))
        die("a fresh run disagrees with %s (run `make prove-full` to accept it)"
            % committed)
    print("  SAME     %s matches the fresh run" % committed)


def cmd_floor(floor_path, jsons):
    """jsons: WP reports, each JSON or JSON:SMOKE_JSON (a client's run and
    its smoke run, merged as the report merges them), so that the number
    compared is the report's "Goals proved in the core and the good
    clients"."""
    floor = int(open(floor_path).read().split()[0])
    n = sum(count(load_merged(*j.split(":", 1))) for j in jsons)
    if n < floor:
        die("%d goals, below the committed floor of %d (proofs/goal-floor)" % (n, floor))
    print("  FLOOR    %d goals >= floor %d" % (n, floor))


def main(argv):
    if len(argv) < 2:
        die(__doc__)
    c = argv[1]
    if c == "specs":
        cmd_specs(*argv[2:4])
    elif c == "merge":
        cmd_merge(argv[2], argv[3:])
    elif c == "proved":
        cmd_proved(*argv[2:6])
    elif c == "fails":
        cmd_fails(*argv[2:6])
    elif c == "report":
        runs = []
        rest = argv[3:]
        while rest:
            runs.append(tuple(rest[:4]))
            rest = rest[4:]
        cmd_report(argv[2], runs, os.environ)
    elif c == "same":
        cmd_same(argv[2], argv[3])
    elif c == "floor":
        cmd_floor(argv[2], argv[3:])
    elif c == "cache-unpack":
        cmd_cache_unpack(argv[2], argv[3])
    elif c == "cache-pack":
        cmd_cache_pack(argv[2], argv[3])
    else:
        die("unknown command %s" % c)


if __name__ == "__main__":
    main(sys.argv)

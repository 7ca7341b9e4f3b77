#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""iosafe-prove: prove your own C code against iosafe's contracts.

    iosafe-prove [options] FILE.c... [-- CPPFLAGS...]

Runs Frama-C/WP over FILE.c with the model iosafe's own proofs use: the ghost
descriptor table (iosafe/iosafe_acsl.h), the contracts of iosafe's functions
(above each declaration in <iosafe/*.h>) and the trusted contracts of the
POSIX descriptor calls (iosafe/iosafe_posix.h, reached through the <unistd.h>,
<fcntl.h>, <stdio.h>, <dirent.h>, <sys/stat.h>, ... shims in
iosafe/libc/).  Every other standard header (<string.h>, <stdlib.h>, ...)
is Frama-C's own libc, with its contracts; its errno is iosafe's, so that
one errno is modelled.

Every function that FILE.c defines is proved (iosafe's own inline functions
are proved by iosafe's `make prove` and are skipped), with run-time error
guards (-wp-rte).  Each needs an ACSL contract; to prove that a function
neither leaks nor closes what it does not own, write

    assigns errno, IOSAFE_FD_TABLE;
    ensures table_same: iosafe_fd_table_same{Pre, Post};

Output: one line per function (goals proved of goals), one line per unproved
property with its file, line and name, then WP's memory-model hypotheses
(assumed, not proved).  Exit status: 0 every goal proved, 1 a goal is not
proved, 2 an error (bad option, missing tool, a file that does not parse).

The prover configuration is generated for the provers found on PATH (Z3,
CVC4 and cvc5, by `why3 config detect` and, for cvc5, iosafe's driver); the
machine's own why3.conf is neither read nor written.
"""

import argparse
import csv
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

# Written by `make install` (proofs/iosafe-prove.mk) as paths relative to
# the folder this script is installed in, so that a moved tree still works;
# in the source tree they point into it.
REL_INCLUDEDIR = "@REL_INCLUDEDIR@"
REL_DATADIR = "@REL_DATADIR@"

PROVERS = ("z3", "cvc4", "cvc5")

# Frama-C's front end, as proofs/proofs.mk explains for iosafe's own run.
FC_FLAGS = [
    "-c11", "-no-frama-c-stdlib",
    "-kernel-warn-key", "annot:missing-spec=abort",
    "-kernel-warn-key", "typing:implicit-function-declaration=abort",
    "-warn-signed-downcast", "-warn-unsigned-downcast", "-warn-unsigned-overflow",
]


class Error(Exception):
    """A failure that ends the run with exit status 2."""


def here():
    return os.path.dirname(os.path.realpath(__file__))


def locate(args):
    """The include folder holding iosafe/ and the data folder holding why3/."""
    if args.iosafe_include:
        inc = args.iosafe_include
    elif REL_INCLUDEDIR.startswith("@"):
        inc = os.path.join(here(), "..", "include")  # the source tree
    else:
        inc = os.path.join(here(), REL_INCLUDEDIR)
    inc = os.path.abspath(inc)
    if REL_DATADIR.startswith("@"):
        data = os.path.join(here(), "why3")
    else:
        data = os.path.join(here(), REL_DATADIR, "why3")
    data = os.path.abspath(data)
    # Installed, the model sits beside iosafe.h (install-acsl); in the source
    # tree it is acsl/, beside include/.
    model = os.path.join(inc, "iosafe")
    if not os.path.exists(os.path.join(model, "iosafe_acsl.h")):
        src_acsl = os.path.join(inc, "..", "acsl")
        if os.path.exists(os.path.join(src_acsl, "iosafe_acsl.h")):
            model = os.path.abspath(src_acsl)
    for need in (os.path.join(inc, "iosafe", "iosafe.h"),
                 os.path.join(model, "iosafe_acsl.h"),
                 os.path.join(model, "libc", "unistd.h")):
        if not os.path.exists(need):
            raise Error("iosafe's headers are not where they should be: %s is missing "
                        "(use --iosafe-include DIR)" % need)
    return inc, model, data


def need_tool(name):
    path = shutil.which(name)
    if not path:
        raise Error("%s is not installed (Debian: apt-get install %s)"
                    % (name, {"frama-c": "frama-c-base"}.get(name, name)))
    return path


def run(cmd, log, env=None):
    with open(log, "w") as f:
        return subprocess.call(cmd, stdout=f, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, env=env)


def why3_config(work, data, wanted):
    """A why3.conf of the provers in `wanted` that are installed."""
    conf = os.path.join(work, "why3.conf")
    subprocess.call([need_tool("why3"), "--config=" + conf, "config", "detect"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    stdin=subprocess.DEVNULL)
    if not os.path.exists(conf):
        raise Error("why3 config detect wrote no configuration")
    text = open(conf).read()
    # Why3 1.5 writes what it detects as [partial_prover] entries.
    found = [p for p in ("z3", "cvc4") if p in wanted and
             re.search(r'^name = "%s"' % p, text, re.M | re.I)]
    cvc5 = shutil.which("cvc5")
    if "cvc5" in wanted and cvc5 and os.path.exists(os.path.join(data, "cvc5.conf.in")):
        datadir = subprocess.run(["why3", "--print-datadir"], capture_output=True,
                                 text=True).stdout.strip()
        drv = os.path.join(work, "cvc5.drv")
        with open(drv, "w") as f:
            f.write(open(os.path.join(data, "cvc5.drv.in")).read()
                    .replace("@WHY3_DRIVERS@", os.path.join(datadir, "drivers")))
        out = subprocess.run([cvc5, "--version"], capture_output=True, text=True).stdout
        m = re.search(r"cvc5 version (\S+)", out)
        with open(conf, "a") as f:
            f.write(open(os.path.join(data, "cvc5.conf.in")).read()
                    .replace("@CVC5@", cvc5).replace("@DRIVER@", drv)
                    .replace("@CVC5_VERSION@", m.group(1) if m else "unknown"))
        found.append("cvc5")
    if not found:
        raise Error("no prover found: install z3, cvc4 or cvc5 (wanted: %s)"
                    % ",".join(wanted))
    return conf, found


def prelude(work, model, fclibc):
    """Forced first include: Frama-C's errno.h for its E* names, its errno
    variable renamed to iosafe's, and iosafe's own errno shim."""
    names = set()
    for f in sorted(os.listdir(model)):
        if f.startswith("iosafe_posix") and f.endswith(".h"):
            names.update(re.findall(r"^#\s*define\s+(E[A-Z0-9]+)\s", open(
                os.path.join(model, f)).read(), re.M))
    path = os.path.join(work, "prelude.h")
    with open(path, "w") as f:
        f.write("/* iosafe-prove: one errno for Frama-C's libc and iosafe's model */\n")
        f.write('#include "%s"\n#undef errno\n' % os.path.join(fclibc, "errno.h"))
        for n in sorted(names):
            f.write("#undef %s\n" % n)
        f.write("#define __fc_errno iosafe_posix_errno\n#include <errno.h>\n")
    return path


def cpp_args(inc, model, fclibc, pre, user):
    args = ["-nostdinc", "-I" + os.path.join(model, "libc"), "-I" + model, "-I" + inc]
    args += user + ["-I" + fclibc, "-include", pre]
    for a in args:
        if "," in a:
            raise Error("Frama-C splits -cpp-extra-args at commas: %r cannot be passed" % a)
    return "-cpp-extra-args=" + " ".join(shlex.quote(a) for a in args)


def defined_functions(frama_c, files, cpp, work, name):
    """Functions with a body in the parsed files, from Frama-C's metrics."""
    out = os.path.join(work, name + ".json")
    log = os.path.join(work, name + ".log")
    if run([frama_c] + FC_FLAGS + [cpp] + files + ["-metrics", "-metrics-output", out],
           log) != 0 or not os.path.exists(out):
        raise Error("Frama-C could not parse %s:\n%s" % (" ".join(files), tail(log)))
    d = json.load(open(out))
    return [k for e in d.get("defined-functions", []) for k in e]


def tail(path, n=25):
    lines = open(path, errors="replace").read().splitlines()
    keep = [l for l in lines if "Warning" in l or "Error" in l or "error" in l] or lines
    return "\n".join(keep[-n:])


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    cppflags = []
    if "--" in argv:
        i = argv.index("--")
        argv, cppflags = argv[:i], argv[i + 1:]
    p = argparse.ArgumentParser(prog="iosafe-prove", description=__doc__.split("\n\n")[1],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="CPPFLAGS after -- (e.g. -Iinclude -DNDEBUG) are "
                                       "passed to the preprocessor.")
    p.add_argument("files", nargs="+", metavar="FILE.c")
    p.add_argument("--function", action="append", default=[], metavar="NAME",
                   help="prove only NAME (repeatable); default: every function FILE.c defines")
    p.add_argument("--prover", default=",".join(PROVERS),
                   help="provers to use among those installed (default: %(default)s)")
    p.add_argument("--steps", type=int, default=400000,
                   help="each prover's step limit per goal (deterministic; default %(default)s)")
    p.add_argument("--timeout", type=int, default=120,
                   help="time limit per goal in seconds, a safety net (default %(default)s)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="goals proved at once (default: the number of CPUs)")
    p.add_argument("--no-smoke", action="store_true",
                   help="skip WP's smoke tests (which find contracts that prove "
                        "anything, and dead code)")
    p.add_argument("--iosafe-include", metavar="DIR",
                   help="the folder holding iosafe/iosafe.h (default: the installed one)")
    p.add_argument("--keep", metavar="DIR", help="keep Frama-C's logs and reports in DIR")
    p.add_argument("-v", "--verbose", action="store_true")
    args = p.parse_args(argv)

    try:
        return prove(args, cppflags)
    except Error as e:
        sys.stderr.write("iosafe-prove: error: %s\n" % e)
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("iosafe-prove: interrupted\n")
        return 2


def prove(args, cppflags):
    for f in args.files:
        if not os.path.isfile(f):
            raise Error("%s: no such file" % f)
    wanted = [x.strip().lower() for x in args.prover.split(",") if x.strip()]
    bad = [x for x in wanted if x not in PROVERS]
    if bad:
        raise Error("unknown prover %s (known: %s)" % (",".join(bad), ",".join(PROVERS)))
    frama_c = need_tool("frama-c")
    inc, model, data = locate(args)
    share = subprocess.run([frama_c, "-print-share-path"], capture_output=True,
                           text=True).stdout.strip()
    fclibc = os.path.join(share, "libc")
    if not os.path.exists(os.path.join(fclibc, "errno.h")):
        raise Error("Frama-C's libc is missing at %s" % fclibc)

    work = args.keep or tempfile.mkdtemp(prefix="iosafe-prove.")
    os.makedirs(work, exist_ok=True)
    try:
        return prove_in(args, cppflags, frama_c, inc, model, data, fclibc, work, wanted)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def prove_in(args, cppflags, frama_c, inc, model, data, fclibc, work, wanted):
    conf, provers = why3_config(work, data, wanted)
    pre = prelude(work, model, fclibc)
    cpp = cpp_args(inc, model, fclibc, pre, cppflags)
    files = [os.path.abspath(f) for f in args.files]

    # iosafe's own inline functions are proved by iosafe: take them away.
    stub = os.path.join(work, "iosafe_only.c")
    with open(stub, "w") as f:
        f.write("#include <iosafe/iosafe.h>\n")
    theirs = set(defined_functions(frama_c, [stub], cpp, work, "iosafe-metrics"))
    ours = [n for n in defined_functions(frama_c, files, cpp, work, "metrics")
            if n not in theirs]
    if args.function:
        missing = [n for n in args.function if n not in ours]
        if missing:
            raise Error("not defined in %s: %s" % (" ".join(args.files), ", ".join(missing)))
        ours = args.function
    if not ours:
        raise Error("%s defines no function to prove" % " ".join(args.files))

    env = dict(os.environ, WHY3CONFIG=conf)
    wp = ["-wp", "-wp-rte", "-wp-prover", ",".join(provers), "-wp-par", str(args.jobs),
          "-wp-timeout", str(args.timeout), "-wp-cache", "none",
          "-wp-fct", ",".join(ours)]
    runs = [("goals", ["-wp-steps", str(args.steps)])]
    if not args.no_smoke:
        # A smoke test passes when no prover proves `false` within the limit,
        # so it runs apart at a lower one (as iosafe's own make prove does).
        runs.append(("smoke", ["-wp-steps", "50000", "-wp-smoke-tests",
                               "-wp-smoke-timeout", str(args.timeout)]))
    results = {}
    for name, extra in runs:
        log = os.path.join(work, name + ".log")
        rep = os.path.join(work, name + ".json")
        csvf = os.path.join(work, name + ".csv")
        cmd = ([frama_c] + FC_FLAGS + [cpp] + files + wp + extra +
               ["-wp-report-json", rep, "-then", "-report-csv", csvf])
        if args.verbose:
            sys.stderr.write("iosafe-prove: %s\n" % " ".join(shlex.quote(c) for c in cmd))
        if run(cmd, log, env) != 0 or not os.path.exists(rep) or not os.path.exists(csvf):
            raise Error("Frama-C failed on %s:\n%s" % (" ".join(args.files), tail(log)))
        results[name] = (json.load(open(rep)), list(csv.DictReader(open(csvf), delimiter="\t")),
                         open(log, errors="replace").read())

    return verdict(args, ours, files, results, provers)


def goal_counts(report, smoke_only):
    counts = {}
    for fn, goals in report.get("wp:functions", {}).items():
        for goal, res in goals.items():
            if goal == "wp:section" or (("_wp_smoke_" in goal) != smoke_only):
                continue
            main = res.get("wp:main", {})
            total, valid = main.get("total", 0), main.get("valid", 0)
            c = counts.setdefault(fn, [0, 0, []])
            c[0] += valid
            c[1] += total
            if valid < total:
                c[2].append(goal)
    return counts


def verdict(args, ours, files, results, provers):
    rep, rows, log = results["goals"]
    counts = goal_counts(rep, smoke_only=False)
    smoke = goal_counts(results["smoke"][0], smoke_only=True) if "smoke" in results else {}
    failed = 0
    total = proved = 0
    shown = dict((os.path.basename(f), g) for f, g in zip(files, args.files))
    for fn in ours:
        ok, n, _ = counts.get(fn, [0, 0, []])
        s_ok, s_n, s_bad = smoke.get(fn, [0, 0, []])
        total += n + s_n
        proved += ok + s_ok
        line = "%s: %d/%d goals proved" % (fn, ok, n)
        if s_n:
            line += ", %d/%d smoke tests passed" % (s_ok, s_n)
        print("iosafe-prove: " + line)
        if ok < n or n == 0:
            failed += 1
        for r in rows:
            base = os.path.basename(r.get("file", ""))
            if (r.get("function") == fn and base in shown
                    and r.get("status") not in ("Valid", "Considered valid")):
                print("%s:%s: %s: not proved (%s): %s" % (
                    shown[base], r["line"], fn, r["property kind"], r["property"]))
        for g in s_bad:
            failed += 1
            print("%s: smoke test failed (the contract or code admits `false`: "
                  "a vacuous contract or dead code): %s" % (fn, g))
    for m in re.finditer(r"Memory model hypotheses for function '(\w+)':\n(.*?)\*/", log, re.S):
        if m.group(1) in ours:
            for req in re.findall(r"requires\s+(.*?);", m.group(2), re.S):
                print("iosafe-prove: %s: assumed by WP's memory model, not proved: %s"
                      % (m.group(1), " ".join(req.split())))
    print("iosafe-prove: %d of %d goals proved in %d function(s) (provers: %s)%s"
          % (proved, total, len(ours), ",".join(provers),
             "" if not failed else "; %d function(s) not proved" % failed))
    return 1 if failed or proved < total else 0


if __name__ == "__main__":
    sys.exit(main())

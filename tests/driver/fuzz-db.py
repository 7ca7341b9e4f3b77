#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/driver/fuzz-db.py: a bounded property test of iosafe-check's
compilation-database reader (part of make check-driver).

Python's random with a fixed seed (FUZZ_SEED, default 12) and bounded
counts, so a run is the same each time and takes well under a minute:

1. In process, FUZZ_ENTRIES (default 3000) random and broken entries through
   iosafe_check.database.prepare(), and FUZZ_FILES (default 400) random and
   mutated database files through load_db().  Properties: nothing raises
   but load_db's DbError; every entry gives a unit with a status and, when
   not analysable, a reason; an entry broken on purpose is never "unit".
2. FUZZ_RUNS (default 60) runs of the real driver over random databases:
   invalid ones (at least one broken entry, or a file that is not a JSON
   array) and valid ones whose files have random names (control
   characters, quotes, spaces, non-UTF-8 bytes, `::`).  Properties: never a
   traceback or "internal error"; an invalid database exits 2, never 0 or 1;
   a valid one exits 1 with one finding per unit; no printed line holds a
   control character or starts a workflow command; the SARIF written is
   valid; no file is written anywhere but the --sarif path (the run's
   directory and its own TMPDIR are compared before and after).

Prints "fuzz-db: N passed, N failed" with the counts of each part.
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sarif_check  # noqa: E402
from driverlib import LEAK_C, ROOT, WARN_RE, real_clang  # noqa: E402

sys.path.insert(0, os.path.join(ROOT, "analyzer-plugin", "driver"))
sys.dont_write_bytecode = True
from iosafe_check import database, runner  # noqa: E402

ALPHABET = (list("abcxyz019_.-+=,:;'\"\\ $*?[]{}()<>|&!#%@~`") +
            ["\n", "\r", "\t", "\x1b", "\x00", "\x7f", "\x85", "\u2028", "\udcff", "\udc80",
             "\u00e9", "\u4e2d", "::", "-o", "-x", "@"])
FLAGS = ["-c", "-o", "out.o", "-x", "c", "-arch", "x86_64", "-I.", "-DX=1", "-std=c11",
         "-Wall", "-O2", "-g", "-fplugin=/tmp/p.so", "-Xclang", "-load", "--config=x.cfg",
         "-include", "stdio.h", "@rsp", "-MF", "-MD", "--param", "-e"]


def rstr(rng, n=12):
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, n)))


def rvalue(rng, depth=0):
    k = rng.randint(0, 7 if depth < 2 else 4)
    if k == 0:
        return None
    if k == 1:
        return rng.randint(-5, 5)
    if k == 2:
        return rng.random() < 0.5
    if k in (3, 4):
        return rstr(rng)
    if k == 5:
        return [rvalue(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {rstr(rng, 4): rvalue(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def valid_entry(tmp, name):
    return {"directory": tmp, "file": name, "arguments": ["cc", "-std=c11", "-c", name,
                                                          "-o", "out.o"]}


# Ways to break a valid entry, each giving an entry that cannot be analysed.
def _b_drop(rng, e, tmp):
    e.pop(rng.choice(["directory", "file"]))


def _b_type(rng, e, tmp):
    key = rng.choice(["directory", "file", "arguments"])
    e[key] = rng.choice([3, None, [], {"a": 1}, True] + ([[1, 2]] if key == "arguments" else []))
    if key == "arguments":
        e.pop("command", None)


def _b_quote(rng, e, tmp):
    e.pop("arguments")
    e["command"] = "cc -c x.c %s" % rng.choice(['"unclosed', "'x", "trail\\"])


def _b_trailing_flag(rng, e, tmp):
    e["arguments"] = e["arguments"][:3] + [rng.choice(["-o", "-x", "-arch"])]


def _b_compiler(rng, e, tmp):
    e["arguments"][0] = rng.choice(["tcc", "icx", "zz" + rstr(rng, 4).replace("/", ""),
                                    "-c", "", "pcc"])
    if e["arguments"][0] in ("cc", "c99") or e["arguments"][0].startswith(("ccache", "gcc")):
        e["arguments"][0] = "tcc"


def _b_directory(rng, e, tmp):
    e["directory"] = os.path.join(tmp, "no-such-dir-" + str(rng.randint(0, 999)))


def _b_nul(rng, e, tmp):
    key = rng.choice(["file", "directory", "arg"])
    if key == "arg":
        e["arguments"].insert(1, "-D\0X")
    else:
        e[key] = e[key] + "\0"


def _b_empty_file(rng, e, tmp):
    e["file"] = ""


def _b_suffix(rng, e, tmp):
    e["file"] = "g" + rng.choice([".txt", ".cu", "", ".h1", ".f90x"])
    e["arguments"] = ["cc", "-c", e["file"]]


def _b_not_object(rng, e, tmp):
    return [rng.choice([None, 1, "entry", [e], True])]  # in a list: None is an entry too


BREAKERS = [_b_drop, _b_type, _b_quote, _b_trailing_flag, _b_compiler, _b_directory, _b_nul,
            _b_empty_file, _b_suffix, _b_not_object]


def broken_entry(rng, tmp, name):
    e = valid_entry(tmp, name)
    out = rng.choice(BREAKERS)(rng, e, tmp)
    return e if out is None else out[0]


class Counter:
    def __init__(self):
        self.passed = self.failed = 0
        self.firsts = []
        self.kinds = {}

    def check(self, cond, what):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            if len(self.firsts) < 10:
                self.firsts.append(what)


def in_process(rng, c, n_entries, n_files, tmp):
    sb = runner.import_scanbuild(os.path.dirname(real_clang()))
    for i in range(n_entries):
        kind = rng.random()
        name = "f" + rstr(rng, 8).replace("/", "_").replace("\0", "_") + ".c"
        if kind < 0.4:
            entry, broken = broken_entry(rng, tmp, name), True
        elif kind < 0.7:
            entry, broken = rvalue(rng), None  # anything at all
        else:
            entry, broken = valid_entry(tmp, name), False
            if rng.random() < 0.5:
                entry["arguments"][1:1] = [rng.choice(FLAGS) for _ in range(rng.randint(0, 4))]
                broken = None  # random flags may or may not parse
        try:
            u = database.prepare(i, entry, sb, excludes=["*never*"] if rng.random() < 0.1 else (),
                                 trust_db=rng.random() < 0.2)
        except Exception as e:  # the property: never
            c.check(False, "prepare raised %s: %s on %r" % (type(e).__name__, e, entry))
            continue
        ok = isinstance(u, dict) and u.get("status") in ("unit", "skipped", "failed") and \
            (u["status"] == "unit" or isinstance(u.get("reason"), str))
        if broken:
            ok = ok and u["status"] == "failed"
        if broken is False:
            ok = ok and u["status"] == "unit"
        c.check(ok, "entry %r gave %r" % (entry, u))
    valid = json.dumps([valid_entry(tmp, "a.c"), valid_entry(tmp, "b.c")]).encode()
    for i in range(n_files):
        data = bytearray(valid)
        k = rng.random()
        if k < 0.3:
            data = data[:rng.randint(0, len(data))]
        elif k < 0.7:
            for _ in range(rng.randint(1, 6)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif k < 0.85:
            data = json.dumps(rvalue(rng), ensure_ascii=False).encode("utf-8", "surrogateescape")
        else:
            data = b"[" * rng.randint(1, 100000)
        path = os.path.join(tmp, "db%d.json" % (i % 4))
        with open(path, "wb") as f:
            f.write(bytes(data))
        try:
            _, entries = database.load_db(path)
            ok = isinstance(entries, list)
        except database.DbError:
            ok = True
        except Exception as e:
            ok = False
            c.check(False, "load_db raised %s: %s on %r" % (type(e).__name__, e, bytes(data[:80])))
            continue
        c.check(ok, "load_db returned a non-list on %r" % bytes(data[:80]))


def tree(top):
    out = set()
    for d, dirs, files in os.walk(os.fsencode(top)):
        for n in dirs + files:
            out.add(os.path.join(d, n))
    return out


def driver_runs(rng, c, n_runs, driver, plugin):
    for run in range(n_runs):
        tmp = tempfile.mkdtemp(prefix="iosafe-fuzz-")
        try:
            one_run(rng, c, run, tmp, driver, plugin)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def one_run(rng, c, run, tmp, driver, plugin):
    work = os.path.join(tmp, "work")
    private = os.path.join(tmp, "tmpdir")
    os.makedirs(work)
    os.makedirs(private)
    names = []
    for k in range(rng.randint(1, 3)):
        name = "f%d%s.c" % (k, rstr(rng, 10).replace("/", "_").replace("\0", "_"))
        with open(os.path.join(os.fsencode(work), os.fsencode(name)), "w") as f:
            f.write(LEAK_C.replace("int f(", "int f%d(" % k))
        names.append(name)
    entries = [valid_entry(work, n) for n in names]
    kind = rng.random()
    if kind < 0.45:
        for _ in range(rng.randint(1, 3)):
            entries.insert(rng.randint(0, len(entries)),
                           broken_entry(rng, work, "g%d.c" % rng.randint(0, 99)))
        data, invalid = json.dumps(entries, ensure_ascii=False), True
    elif kind < 0.6:
        text = json.dumps(entries, ensure_ascii=False)
        data, invalid = text[:rng.randint(0, len(text) - 1)], True
    elif kind < 0.7:
        data, invalid = json.dumps({"entries": entries}), True
    else:
        data, invalid = json.dumps(entries, ensure_ascii=False), False
    db = os.path.join(tmp, "compile_commands.json")
    with open(db, "wb") as f:
        f.write(data.encode("utf-8", "surrogateescape"))
    sarif = os.path.join(tmp, "out.sarif")
    before = tree(tmp)
    cmd = [sys.executable, driver, "--plugin", plugin, "--clang-checkers", "-j", "2",
           "--sarif", sarif, "-p", db]
    try:
        r = subprocess.run(cmd, cwd=work, capture_output=True, timeout=600,
                           env=dict(os.environ, TMPDIR=private))
    except subprocess.TimeoutExpired:
        c.check(False, "run %d: the driver did not finish" % run)
        return
    out, err = r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    c.kinds[invalid] = c.kinds.get(invalid, 0) + 1
    where = "run %d (%s database, %d files): " % (run, "invalid" if invalid else "valid",
                                                 len(names))
    c.check(b"Traceback" not in r.stderr and b"internal error" not in r.stderr,
            where + "a traceback:\n" + err)
    if invalid:
        c.check(r.returncode == 2, where + "exit %d on an invalid database\n%s%s" %
                (r.returncode, out, err))
    else:
        found = [l for l in out.splitlines() if WARN_RE.match(l)]
        c.check(r.returncode == 1 and len(found) == len(names),
                where + "exit %d, %d findings for %d units\n%s%s" %
                (r.returncode, len(found), len(names), out, err))
    bad = [l for l in (out + err).splitlines()
           if l.startswith("::") or any(ord(ch) < 32 and ch != "\t" for ch in l)]
    c.check(not bad, where + "unsafe lines %r" % bad[:3])
    after = tree(tmp)
    new = {p for p in after - before if not p.startswith(os.fsencode(private) + b"/")}
    c.check(new <= {os.fsencode(sarif)}, where + "files written: %r" % sorted(new - before))
    c.check(not os.listdir(private), where + "left in TMPDIR: %r" % os.listdir(private))
    if os.path.exists(sarif):
        try:
            sarif_check.validate(json.load(open(sarif, encoding="utf-8")))
            c.check(True, "")
        except (sarif_check.Invalid, ValueError) as e:
            c.check(False, where + "invalid SARIF: %s" % e)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--plugin", default="none")
    a = ap.parse_args()
    seed = int(os.environ.get("FUZZ_SEED", "12"))
    n_entries = int(os.environ.get("FUZZ_ENTRIES", "3000"))
    n_files = int(os.environ.get("FUZZ_FILES", "400"))
    n_runs = int(os.environ.get("FUZZ_RUNS", "60"))
    rng = random.Random(seed)
    c1, c2 = Counter(), Counter()
    tmp = tempfile.mkdtemp(prefix="iosafe-fuzz-")
    try:
        in_process(rng, c1, n_entries, n_files, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    driver_runs(rng, c2, n_runs, os.path.abspath(a.driver),
                os.path.abspath(a.plugin) if a.plugin != "none" else "none")
    for what in c1.firsts + c2.firsts:
        print("  FAIL  " + what.encode("ascii", "backslashreplace").decode()[:2000])
    print("fuzz-db: seed %d: reader %d entries + %d database files: %d checks passed, %d failed; "
          "driver %d runs (%d invalid, %d valid databases): %d checks passed, %d failed" %
          (seed, n_entries, n_files, c1.passed, c1.failed, n_runs, c2.kinds.get(True, 0),
           c2.kinds.get(False, 0), c2.passed, c2.failed))
    print("fuzz-db: %d passed, %d failed" % (c1.passed + c2.passed, c1.failed + c2.failed))
    return 1 if c1.failed or c2.failed else 0


if __name__ == "__main__":
    sys.exit(main())

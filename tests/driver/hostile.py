# SPDX-License-Identifier: MIT
"""tests/driver/hostile.py: iosafe-check under hostile and broken input
(run by run-tests.py, make check-driver).

Each test holds the exit contract (0 clean, 1 findings, 2 errors, never a
traceback) on one kind of input a CI run can meet: a database entry that
does not parse, a compiler or language that cannot be told, output paths
that are not plain files, names with control characters or bytes that are
not UTF-8, a unit that hangs clang, a signal, flags that load code into the
compiler, and a clang that is missing or of the wrong version.
"""

import json
import os
import select
import signal
import socket
import stat
import subprocess
import sys
import threading
import time

from driverlib import (CLEAN_C, LEAK_C, BROKEN_C, ROOT, WARN_RE, Failed, check,
                       counts, expect_rc, real_clang, warnings)
import sarif_check


def no_traceback(r):
    check("Traceback" not in r.stderr and "internal error" not in r.stderr,
          "a traceback or internal error:\n" + r.stderr)


def error_lines(r):
    return [l for l in r.lines if ": error: " in l and l.endswith("[iosafe-check]")]


def t_unbalanced_quote(env):
    env.write("leak.c", LEAK_C)
    env.db("q.json", [{"directory": env.tmp, "file": "q.c", "command": 'cc -c "q.c'},
                      env.entry("leak.c")])
    r = env.run("-p", "q.json", "--sarif", "q.sarif")
    expect_rc(r, 2)
    no_traceback(r)
    check(any(l.startswith("q.c: error: bad command: No closing quotation") for l in r.lines),
          "the unit is not named with the parser's message:\n" + r.stdout)
    check([w[0] for w in warnings(r)] == ["leak.c"], "the good unit was not analysed")
    check(counts(r) == (1, 1, 2, 1, 1, 0, 1), "summary %r" % (counts(r),))
    sarif_check.validate(json.load(open(os.path.join(env.tmp, "q.sarif"))))


def t_flag_without_value(env):
    # A file named -o: the arguments end in a flag that takes a value.
    env.write("leak.c", LEAK_C)
    env.db("o.json", [{"directory": env.tmp, "file": "-o", "arguments": ["cc", "-c", "-o"]},
                      {"directory": env.tmp, "file": "x.c",
                       "arguments": ["cc", "-c", "x.c", "-x"]},
                      env.entry("leak.c")])
    r = env.run("-p", "o.json")
    expect_rc(r, 2)
    no_traceback(r)
    errs = error_lines(r)
    check(any(l.startswith("./-o: error: bad command: it ends in '-o'") or
              l.startswith("-o: error: bad command: it ends in '-o'") for l in errs), errs)
    check(any(l.startswith("x.c: error: bad command: it ends in '-x'") for l in errs), errs)
    check([w[0] for w in warnings(r)] == ["leak.c"], "the good unit was not analysed")


def t_unknown_compilers(env):
    # Units libscanbuild cannot place are errors, named, and counted;
    # --exclude leaves them out; c99 and stacked launchers are analysed.
    env.write("leak.c", LEAK_C)
    env.write("c99.c", LEAK_C.replace("int f(", "int f99("))
    env.write("l2.c", LEAK_C.replace("int f(", "int fl("))
    for n in ("t.c", "i.c", "w.c"):
        env.write(n, CLEAN_C)
    bad = [{"directory": env.tmp, "file": "t.c", "arguments": ["tcc", "-c", "t.c"]},
           {"directory": env.tmp, "file": "i.c", "command": "icx -c i.c"},
           {"directory": env.tmp, "file": "w.c", "arguments": ["-c", "w.c"]},
           {"directory": env.tmp, "file": "", "arguments": ["cc", "-c", "e.c"]}]
    env.db("only-bad.json", bad)
    r = env.run("-p", "only-bad.json")
    expect_rc(r, 2)
    no_traceback(r)
    errs = error_lines(r)
    check(any(l.startswith("t.c: error: the compiler 'tcc' is not one libscanbuild knows")
              for l in errs), errs)
    check(any(l.startswith("i.c: error: the compiler 'icx'") for l in errs), errs)
    check(any(l.startswith("w.c: error: the command does not start with a compiler")
              for l in errs), errs)
    check(any("empty \"file\"" in l for l in errs), errs)
    check(counts(r) == (0, 0, 4, 0, 4, 0, 4), "summary %r" % (counts(r),))
    good = [{"directory": env.tmp, "file": "c99.c", "arguments": ["c99", "-c", "c99.c"]},
            {"directory": env.tmp, "file": "l2.c",
             "command": "ccache distcc gcc -c l2.c -o l2.o"}, env.entry("leak.c")]
    env.db("mixed.json", bad[:3] + good)
    r = env.run("-p", "mixed.json", "--exclude", "*/t.c", "--exclude", "i.c",
                "--exclude", "w.*")
    expect_rc(r, 1)
    check(sorted(w[0] for w in warnings(r)) == ["c99.c", "l2.c", "leak.c"],
          "findings %r" % warnings(r))
    check(counts(r) == (3, 3, 3, 3, 0, 3, 0), "summary %r" % (counts(r),))
    check("t.c: skipped: excluded by --exclude */t.c" in r.stderr, r.stderr)
    # A file named on the command line without a C suffix.
    env.write("prog.txt", LEAK_C)
    r = env.run("prog.txt", "leak.c")
    expect_rc(r, 2)
    check(any(l.startswith("prog.txt: error: the source's language is not known")
              for l in r.lines), r.stdout)
    check(counts(r)[2:5] == (2, 1, 1), "summary %r" % (counts(r),))
    expect_rc(env.run("prog.txt", "--", "-x", "c"), 1)


def t_messages_say_what_happened(env):
    env.write("leak.c", LEAK_C)
    os.makedirs(os.path.join(env.tmp, "dir\nname"))
    env.write("dir\nname/nl.c", LEAK_C)
    entries = [{"directory": os.path.join(env.tmp, "gone"), "file": "g.c",
                "arguments": ["cc", "-c", "g.c"]},
               {"directory": env.tmp, "file": "n\0ul.c", "arguments": ["cc", "-c", "n\0ul.c"]},
               {"directory": os.path.join(env.tmp, "dir\nname"), "file": "nl.c",
                "arguments": ["cc", "-c", "nl.c"]}, env.entry("leak.c")]
    env.db("m.json", entries)
    r = env.run("-p", "m.json")
    expect_rc(r, 2)
    no_traceback(r)
    errs = error_lines(r)
    check(any(l.startswith("gone/g.c: error: the entry's directory") and "does not exist" in l
              for l in errs), errs)
    check(any("NUL character" in l for l in errs), errs)
    check(sorted(w[0] for w in warnings(r)) == ["dir\\nname/nl.c", "leak.c"],
          "the directory with a newline was not analysed or not escaped: %r" % warnings(r))


def t_sources_not_regular(env):
    # A FIFO (clang would block reading it), a device (/dev/zero would fill
    # its memory), a directory: errors, named, before any clang runs.
    env.write("leak.c", LEAK_C)
    fifo = os.path.join(env.tmp, "fifo.c")
    os.mkfifo(fifo)
    os.symlink("/dev/zero", os.path.join(env.tmp, "zero.c"))
    os.makedirs(os.path.join(env.tmp, "dir.c"))
    try:
        r = env.run("fifo.c", "zero.c", "dir.c", "leak.c", timeout=120)
    finally:  # a driver that ran clang on them: end what it left
        release_fifo(fifo)
        reap(os.path.join(env.tmp, "zero.c"))
    expect_rc(r, 2)
    no_traceback(r)
    errs = error_lines(r)
    for name, what in (("fifo.c", "a FIFO"), ("zero.c", "a device"), ("dir.c", "a directory")):
        check("%s: error: the source is not a regular file (%s) [iosafe-check]" % (name, what)
              in errs, errs)
    check([w[0] for w in warnings(r)] == ["leak.c"], "leak.c was not analysed")


def release_fifo(path):
    """Gives the FIFO's readers (a clang a failing driver left behind) an
    end of file, so that no process of a failed test stays blocked."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


def fake_bindir(env, name, clang_script=None, libscanbuild_init=None):
    """An LLVM bin directory like the real one, with its clang or its
    libscanbuild replaced."""
    real = os.path.dirname(real_clang())
    root = os.path.join(env.tmp, name)
    os.makedirs(os.path.join(root, "bin"))
    for n in os.listdir(real):
        if not (clang_script and n == "clang"):
            os.symlink(os.path.join(real, n), os.path.join(root, "bin", n))
    if clang_script:
        path = os.path.join(root, "bin", "clang")
        with open(path, "w") as f:
            f.write(clang_script)
        os.chmod(path, 0o755)
    lib = os.path.join(os.path.dirname(real), "lib")
    if libscanbuild_init:
        os.makedirs(os.path.join(root, "lib", "libscanbuild"))
        with open(os.path.join(root, "lib", "libscanbuild", "__init__.py"), "w") as f:
            f.write(libscanbuild_init)
    else:
        os.symlink(lib, os.path.join(root, "lib"))
    return os.path.join(root, "bin")


def t_clang_missing_or_wrong(env):
    env.write("leak.c", LEAK_C)
    r = env.run("leak.c", env={"IOSAFE_CLANG": os.path.join(env.tmp, "no-such-clang")})
    expect_rc(r, 2)
    no_traceback(r)
    check("no-such-clang cannot run: No such file or directory" in r.stderr, r.stderr)
    old = fake_bindir(env, "llvm17", clang_script="#!/bin/sh\necho 'Debian clang version "
                      "17.0.6 (5)'\necho 'Target: x86_64-pc-linux-gnu'\n")
    r = env.run("leak.c", env={"IOSAFE_LLVM_BINDIR": old})
    expect_rc(r, 2)
    no_traceback(r)
    if env.plugin != "none":
        check("clang version 17.0.6" in r.stderr and "Clang 19" in r.stderr,
              "the versions are not named: " + r.stderr)


def t_internal_error(env):
    # A failure inside the driver itself (here a broken libscanbuild) is
    # "internal error" and exit 2; --verbose adds the traceback.
    env.write("leak.c", LEAK_C)
    bad = fake_bindir(env, "llvm-broken", libscanbuild_init="raise RuntimeError('broken on "
                      "purpose')\n")
    r = env.run("leak.c", env={"IOSAFE_LLVM_BINDIR": bad})
    expect_rc(r, 2)
    check("iosafe-check: error: internal error: RuntimeError: broken on purpose" in r.stderr,
          r.stderr)
    check("Traceback" not in r.stderr, "a traceback without --verbose")
    r = env.run("--verbose", "leak.c", env={"IOSAFE_LLVM_BINDIR": bad})
    expect_rc(r, 2)
    check("Traceback" in r.stderr, "no traceback with --verbose: " + r.stderr)


def t_html_targets(env):
    env.write("leak.c", LEAK_C)
    env.write("a-file", "keep me\n")
    for target, what in (("a-file", "exists and is not a directory"),
                         (os.devnull, "exists and is not a directory"),
                         ("a-file/sub", "cannot create it"),
                         ("/proc/iosafe-check-test/x", "cannot create it")):
        r = env.run("--html", target, "leak.c")
        expect_rc(r, 2)
        no_traceback(r)
        check(what in r.stderr, "--html %s: %s" % (target, r.stderr))
        check(not warnings(r), "--html %s: analysed before the output was checked" % target)
    check(open(os.path.join(env.tmp, "a-file")).read() == "keep me\n", "a-file changed")
    check(stat.S_ISCHR(os.stat(os.devnull).st_mode), "/dev/null is no longer a device")
    os.symlink(os.path.join(env.tmp, "elsewhere"), os.path.join(env.tmp, "link"))
    r = env.run("--html", "link", "leak.c")
    expect_rc(r, 2)
    check(not os.path.exists(os.path.join(env.tmp, "elsewhere")), "followed the link")


def null_device(env):
    """A character device like /dev/null in the test's directory (mknod as
    root), so that a driver that replaces it harms nothing; else /dev/null,
    which only root could replace."""
    path = os.path.join(env.tmp, "null")
    try:
        st = os.stat(os.devnull)
        os.mknod(path, stat.S_IFCHR | 0o666, st.st_rdev)
        return path
    except (OSError, AttributeError):
        return os.devnull


def t_sarif_targets(env):
    env.write("leak.c", LEAK_C)
    # /dev/null: written in place, still a device afterwards.
    null = null_device(env)
    r = env.run("--sarif", null, "leak.c")
    expect_rc(r, 1)
    check(stat.S_ISCHR(os.lstat(null).st_mode), "--sarif %s replaced the device" % null)
    # A FIFO with a reader: written in place, the reader gets the log.
    fifo = os.path.join(env.tmp, "sarif.fifo")
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    r = env.run("--sarif", fifo, "leak.c")
    reader.join(60)
    expect_rc(r, 1)
    check(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced")
    check(got and json.loads(got[0])["runs"][0]["results"], "the reader got no log")
    # A FIFO nobody reads: an error before any analysis.
    r = env.run("--sarif", fifo, "leak.c", timeout=120)
    expect_rc(r, 2)
    check("is a FIFO that no process reads" in r.stderr and not warnings(r), r.stderr)
    # A symbolic link (committed in a checkout): not followed, refused.
    victim = env.write("victim", "precious\n")
    os.symlink(victim, os.path.join(env.tmp, "out.sarif"))
    r = env.run("--sarif", "out.sarif", "leak.c")
    expect_rc(r, 2)
    check(open(victim).read() == "precious\n", "the write followed the link")
    check("symbolic link" in r.stderr and not warnings(r), r.stderr)
    # A directory, a socket: refused.
    s = socket.socket(socket.AF_UNIX)
    s.bind(os.path.join(env.tmp, "sock"))
    for t in ("sock", "."):
        r = env.run("--sarif", t, "leak.c")
        expect_rc(r, 2)
        no_traceback(r)
    s.close()
    # A regular file: replaced, its mode kept, no temporary file left.
    reg = env.write("reg.sarif", "old\n")
    os.chmod(reg, 0o640)
    r = env.run("--sarif", "reg.sarif", "leak.c")
    expect_rc(r, 1)
    sarif_check.validate(json.load(open(reg)))
    check(stat.S_IMODE(os.stat(reg).st_mode) == 0o640, "mode %o" % os.stat(reg).st_mode)
    # A directory that cannot take a file: an error before the analysis.
    r = env.run("--sarif", "no-such-dir/x.sarif", "leak.c")
    expect_rc(r, 2)
    check("cannot create a file in" in r.stderr and not warnings(r), r.stderr)
    # A linked directory in the checkout: not followed.
    os.makedirs(os.path.join(env.tmp, "outside"))
    os.symlink(os.path.join(env.tmp, "outside"), os.path.join(env.tmp, "out"))
    for opt, t in (("--sarif", "out/fd.sarif"), ("--html", "out/report")):
        r = env.run(opt, t, "leak.c")
        expect_rc(r, 2)
        check("is a symbolic link inside the current directory" in r.stderr, r.stderr)
    check(not os.listdir(os.path.join(env.tmp, "outside")), "wrote through the link")
    # An empty name (`--sarif "$UNSET"`) and a name ending in /: usage errors.
    for t in ("", "sub/"):
        r = env.run("--sarif", t, "leak.c")
        expect_rc(r, 2)
        check("usage: iosafe-check" in r.stderr and not warnings(r), r.stderr)
    r = env.run("--html", "", "leak.c")
    expect_rc(r, 2)
    left = [n for n in os.listdir(env.tmp) if n.endswith(".tmp") or "probe" in n]
    check(not left, "temporary files left: %r" % left)


def t_non_utf8_names(env):
    # A file name that is not UTF-8 is analysed, printed escaped and
    # written to SARIF as a percent-encoded URI.
    name = b"bad\xff\xfe.c"
    with open(os.path.join(os.fsencode(env.tmp), name), "w") as f:
        f.write(LEAK_C)
    env.write("leak.c", LEAK_C)
    r = env.run("--sarif", "u.sarif", os.fsdecode(name), "leak.c")
    expect_rc(r, 1)
    no_traceback(r)
    check(sorted(w[0] for w in warnings(r)) == ["bad\\xff\\xfe.c", "leak.c"],
          "findings %r" % warnings(r))
    log = json.load(open(os.path.join(env.tmp, "u.sarif"), encoding="utf-8"))
    sarif_check.validate(log)
    uris = sorted(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                  for res in log["runs"][0]["results"])
    check(uris == ["bad%FF%FE.c", "leak.c"], "uris %r" % uris)
    check(log["runs"][0]["invocations"][0]["executionSuccessful"] is True, "not successful")
    # The same name in a compilation database, as raw bytes (JSON must be
    # UTF-8; the reader keeps what is not as the name's own bytes).
    db = json.dumps([{"directory": env.tmp, "file": os.fsdecode(name),
                      "arguments": ["cc", "-c", os.fsdecode(name)]}], ensure_ascii=False)
    with open(os.path.join(env.tmp, "raw.json"), "wb") as f:
        f.write(db.encode("utf-8", "surrogateescape"))
    r = env.run("-p", "raw.json", "--sarif", "raw.sarif")
    expect_rc(r, 1)
    no_traceback(r)
    check([w[0] for w in warnings(r)] == ["bad\\xff\\xfe.c"], "findings %r" % warnings(r))
    sarif_check.validate(json.load(open(os.path.join(env.tmp, "raw.sarif"), encoding="utf-8")))


def t_names_cannot_forge_lines(env):
    # A name with newlines cannot add a workflow command or a warning line
    # to the log, in the driver's lines or in the compiler's that it relays.
    forged = "x\n::error file=a.c,line=1::forged\na.c:1:1: warning: forged [core.X]\n"
    os.makedirs(os.path.join(env.tmp, forged))
    env.write(forged + "/leak.c", LEAK_C)
    env.write("::warning::w.c", LEAK_C.replace("int f(", "int fw("))
    env.write(forged + "/broken.c", BROKEN_C)
    r = env.run(forged + "/leak.c", "::warning::w.c", forged + "/broken.c")
    expect_rc(r, 2)
    no_traceback(r)
    for line in (r.stdout + r.stderr).splitlines():
        check(not line.startswith("::") and not line.startswith("a.c:1:1"),
              "forged line: %r" % line)
    check(len(warnings(r)) == 2, "findings %r" % warnings(r))
    check(any(w[0] == "./::warning::w.c" for w in warnings(r)), warnings(r))


EVIL_C = """#include <stdio.h>
__attribute__((constructor)) static void evil(void)
{
	FILE *f = fopen(MARK, "w");
	if (f)
		fclose(f);
}
"""


def t_code_loading_flags(env):
    # A database entry that loads a shared object into clang: dropped with
    # a warning by default (the object never runs), kept with --trust-db.
    mark = os.path.join(env.tmp, "evil-ran")
    so = os.path.join(env.tmp, "evil.so")
    env.write("evil.c", EVIL_C)
    r = subprocess.run(["cc", "-shared", "-fPIC", "-DMARK=\"%s\"" % mark, "-o", so,
                        os.path.join(env.tmp, "evil.c")], capture_output=True, text=True)
    check(r.returncode == 0, "cannot build the shared object: " + r.stderr)
    env.write("leak.c", LEAK_C)
    env.write("l2.c", LEAK_C.replace("int f(", "int f2("))
    env.write("l3.c", LEAK_C.replace("int f(", "int f3("))
    env.write("flags.rsp", "-DX=1 '-fplugin=%s'\n" % so)
    env.write("loop.rsp", "@loop.rsp\n")
    env.db("evil.json", [env.entry("leak.c", ["-fplugin=" + so]),
                         env.entry("l2.c", ["-Xclang", "-load", "-Xclang", so]),
                         env.entry("l3.c", ["@flags.rsp"])])
    r = env.run("-p", "evil.json")
    expect_rc(r, 1)
    check(not os.path.exists(mark), "the database's shared object ran")
    check("leak.c: warning: dropped -fplugin=%s: it loads code into the compiler" % so
          in r.stderr and "l2.c: warning: dropped -Xclang -load -Xclang" in r.stderr and
          "l3.c: warning: dropped -fplugin=" in r.stderr, r.stderr)
    check(len(warnings(r)) == 3, "the units were not analysed: %r" % warnings(r))
    # A response file that names itself: an error, named, not a hang.
    env.db("loop.json", [env.entry("leak.c", ["@loop.rsp"])])
    r = env.run("-p", "loop.json")
    expect_rc(r, 2)
    check(any("response files nested more than" in l for l in error_lines(r)), r.stdout)
    r = env.run("-p", "evil.json", "--trust-db")
    check(os.path.exists(mark), "--trust-db did not keep -fplugin (the object did not run)")
    os.remove(mark)
    # Flags after `--` are the user's own: kept without --trust-db.
    r = env.run("leak.c", "--", "-fplugin=" + so)
    check(os.path.exists(mark), "the user's own -fplugin after -- was dropped")
    check("dropped" not in r.stderr, r.stderr)


HANG_NOTE = "`#pragma clang __debug overflow_stack`: clang-19 loops on it"
HANG_C = "#pragma clang __debug overflow_stack\nint x;\n"


def clang_processes_of(path):
    """The processes whose command line names path (a clang a driver left)."""
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open("/proc/%s/cmdline" % pid, "rb") as f:
                    if os.fsencode(path) in f.read():
                        out.append(int(pid))
            except OSError:
                pass
    return out


def reap(path):
    """Ends what a failing driver left running on path (by process id)."""
    for pid in clang_processes_of(path):
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def t_timeout(env):
    hang = env.write("hang.c", HANG_C)
    try:
        return timeout_run(env, hang)
    finally:
        reap(hang)


def timeout_run(env, hang):
    env.write("leak.c", LEAK_C)
    start = time.monotonic()
    r = env.run("--timeout", "3", "-j", "2", "--sarif", "t.sarif", "hang.c", "leak.c",
                timeout=60)
    took = time.monotonic() - start
    expect_rc(r, 2)
    check(any(l.startswith("hang.c: error: timed out after 3 s") for l in r.lines), r.stdout)
    check([w[0] for w in warnings(r)] == ["leak.c"], "leak.c was not reported")
    check(took < 60, "took %.0f s" % took)
    check(not clang_processes_of(hang), "a clang process of hang.c is still running")
    log = json.load(open(os.path.join(env.tmp, "t.sarif")))
    check(log["runs"][0]["invocations"][0]["executionSuccessful"] is False, "successful")
    return "%s; killed after 3 s, run took %.1f s" % (HANG_NOTE, took)


def t_signal_partial_output(env):
    # SIGTERM and SIGINT during a run: the findings so far were printed as
    # their units finished, the SARIF is written marked partial, the
    # temporary folder is removed, no clang is left, exit 2.
    hang = env.write("hang.c", HANG_C)
    try:
        return signal_runs(env, hang)
    finally:
        reap(hang)


def signal_runs(env, hang):
    env.write("leak.c", LEAK_C)
    results = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        tmpdir = os.path.join(env.tmp, "tmp-%d" % sig)
        os.makedirs(tmpdir)
        sarif = os.path.join(env.tmp, "s%d.sarif" % sig)
        cmd = [sys.executable, env.driver, "--plugin", env.plugin or "none", "--clang-checkers",
               "-j", "2",
               "--sarif", sarif, "hang.c", "leak.c"]
        p = subprocess.Popen(cmd, cwd=env.tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=dict(os.environ, TMPDIR=tmpdir))
        seen, buf, deadline = False, b"", time.monotonic() + 60
        while not seen and time.monotonic() < deadline:
            ready, _, _ = select.select([p.stdout], [], [], 1)
            if ready:
                chunk = os.read(p.stdout.fileno(), 4096)
                if not chunk:
                    break
                buf += chunk
                seen = any(WARN_RE.match(l) for l in buf.decode(errors="replace").splitlines())
        if not seen:
            p.kill()
            p.communicate()
            raise Failed("%s: leak.c's finding was not printed while hang.c ran"
                         % signal.Signals(sig).name)
        p.send_signal(sig)
        try:
            out, errout = p.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            p.kill()
            p.communicate()
            raise Failed("%s did not stop the run" % signal.Signals(sig).name)
        check(p.returncode == 2, "exit %d after %s" % (p.returncode, signal.Signals(sig).name))
        check(b"stopped by " + signal.Signals(sig).name.encode() in errout, errout)
        log = json.load(open(sarif))
        sarif_check.validate(log)
        inv = log["runs"][0]["invocations"][0]
        check(inv["executionSuccessful"] is False, "the partial SARIF says successful")
        check([res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
               for res in log["runs"][0]["results"]] == ["leak.c"], "partial results")
        check(not os.listdir(tmpdir), "the temporary folder was left: %r" % os.listdir(tmpdir))
        check(not clang_processes_of(hang), "a clang process of hang.c is still running")
        results.append(signal.Signals(sig).name)
    return "%s; %s" % (HANG_NOTE, ", ".join(results))


# A stop that comes while a process is being started (after run_raw's
# check of the stop, before the process is registered for stop_all) must
# still end that process: here the stop is made from inside Popen, right
# after the process starts, which is the signal's worst moment.
STOP_DURING_START = """import subprocess, sys, time
sys.path.insert(0, %r)
sys.dont_write_bytecode = True
from iosafe_check import runner
real = subprocess.Popen
def popen(*a, **k):
    p = real(*a, **k)
    runner.stop_all()
    return p
runner.subprocess.Popen = popen
start = time.monotonic()
try:
    runner.run_raw(["sleep", "30"])
    print("not stopped")
except runner.Stopped:
    print("stopped after %%.1f s" %% (time.monotonic() - start))
"""


def t_signal_during_start(env):
    script = env.write("stop_during_start.py",
                       STOP_DURING_START % os.path.join(ROOT, "analyzer-plugin", "driver"))
    r = subprocess.run([sys.executable, script], capture_output=True, text=True, timeout=60)
    check(r.returncode == 0, r.stderr)
    out = r.stdout.strip()
    check(out.startswith("stopped after "), "run_raw: %r" % out)
    took = float(out.split()[2])
    check(took < 10, "the process started as the stop came ran on: %s" % out)
    return out


def t_signal_ctu(env):
    # SIGTERM during --ctu's collection phase: the AST files go with the
    # temporary folder.
    hang = env.write("hang.c", HANG_C)
    env.write("leak.c", LEAK_C)
    tmpdir = os.path.join(env.tmp, "tmp-ctu")
    os.makedirs(tmpdir)
    env.db("ctu.json", [env.entry("leak.c"), env.entry("hang.c")])
    cmd = [sys.executable, env.driver, "--plugin", env.plugin or "none", "-j", "2", "--ctu",
           "--sarif", "c.sarif", "-p", "ctu.json"]
    p = subprocess.Popen(cmd, cwd=env.tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=dict(os.environ, TMPDIR=tmpdir))
    try:
        asts, deadline = [], time.monotonic() + 60
        while not asts and time.monotonic() < deadline and p.poll() is None:
            time.sleep(0.2)
            asts = [os.path.join(d, f) for d, _, fs in os.walk(tmpdir) for f in fs
                    if f == "leak.c.ast"]
        check(asts, "no AST file of leak.c appeared in the temporary folder")
        p.send_signal(signal.SIGTERM)
        out, errout = p.communicate(timeout=60)
    finally:
        if p.poll() is None:
            p.kill()
            p.communicate()
        reap(hang)
    check(p.returncode == 2, "exit %d after SIGTERM" % p.returncode)
    check(not os.listdir(tmpdir), "the temporary folder was left: %r" % os.listdir(tmpdir))
    log = json.load(open(os.path.join(env.tmp, "c.sarif")))
    sarif_check.validate(log)
    check(log["runs"][0]["invocations"][0]["executionSuccessful"] is False, "successful")
    return "AST file seen, then SIGTERM: folder removed"


TESTS = [
    ("unbalanced quote in command: exit 2, named, others analysed", t_unbalanced_quote, False),
    ("arguments ending in a flag that takes a value (a file named -o)", t_flag_without_value,
     False),
    ("unknown compilers and languages are errors; --exclude; c99, launchers",
     t_unknown_compilers, False),
    ("messages say what happened (missing directory, NUL, newline)",
     t_messages_say_what_happened, False),
    ("sources that are not regular files (FIFO, /dev/zero, directory)", t_sources_not_regular,
     False),
    ("IOSAFE_CLANG missing or of the wrong version: exit 2, named", t_clang_missing_or_wrong,
     False),
    ("internal error: exit 2, traceback only with --verbose", t_internal_error, False),
    ("--html: a file, /dev/null, an uncreatable path, a link", t_html_targets, False),
    ("--sarif: /dev/null, FIFO, link, socket, directory, regular file", t_sarif_targets, False),
    ("names that are not UTF-8: analysed, escaped, percent-encoded in SARIF", t_non_utf8_names,
     False),
    ("names cannot forge log lines or workflow commands", t_names_cannot_forge_lines, False),
    ("flags that load code: dropped by default, kept with --trust-db", t_code_loading_flags,
     False),
    ("--timeout: a hanging unit is killed, the others reported", t_timeout, False),
    ("SIGTERM/SIGINT: partial SARIF, temporary folder removed", t_signal_partial_output, False),
    ("SIGTERM during --ctu collection: the AST files removed", t_signal_ctu, False),
    ("a stop while a process starts ends that process too", t_signal_during_start, False),
]

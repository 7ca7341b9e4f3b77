#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/driver/run-tests.py: the tests of iosafe-check (make check-driver).

Every test runs the real driver, which runs the real clang-19 analyzer, over
small C files the test writes in a temporary directory, or over examples/.
The plumbing tests (exit codes, databases, SARIF, HTML, -j, --ctu) use a
leak of malloc'ed memory that Clang's default checker unix.Malloc reports,
since iosafe-check runs Clang's default checkers besides iosafe's: they hold
with and without the iosafe plugin.  The tests of examples/ need the plugin
(iosafe.Ownership); without it they are skipped, saying so.

The tests live in these files: this one (the driver's features), ctu.py
(--ctu), hostile.py (broken and hostile input: the exit contract, output
files, names, timeouts and signals), gate.py (what is reported and gated:
iosafe's bug types by default, --clang-checkers), sarif_rules.py (the
SARIF rules, fingerprints, --source-root), policy_tests.py (--disable,
the configuration file, baselines, suppressions), shard.py (--shard,
merge), install_move.py (a moved install), formats.py (--format gitlab, the
progress line), diff_base.py (--diff-base), cross.py (cross builds: mingw-w64
entries analysed for their target), cache_tests.py (the probe cache, the
installed bytecode), tools_tests.py (tools/realcode.sh); driverlib.py holds
what they share.
tests/driver/fuzz-db.py, run after them by make check-driver, is the
property test of the database reader.

Prints one line per test and closes with "driver: N passed, N failed".
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sarif_check  # noqa: E402
from driverlib import *  # noqa: E402,F401,F403
from driverlib import ROOT, Env, Failed, check, expect_rc, real_clang, summary, warnings  # noqa: E402
import ctu  # noqa: E402
import hostile  # noqa: E402
import gate  # noqa: E402
import sarif_rules  # noqa: E402
import policy_tests  # noqa: E402
import shard  # noqa: E402
import install_move  # noqa: E402
import formats  # noqa: E402
import diff_base  # noqa: E402
import cross  # noqa: E402
import cache_tests  # noqa: E402
import tools_tests  # noqa: E402

# ---- The tests --------------------------------------------------------------

def t_clean_file(env):
    env.write("clean.c", CLEAN_C)
    r = env.run("clean.c")
    expect_rc(r, 0)
    check(summary(r) == (0, 0, 1, 0), "summary %r" % (summary(r),))
    check(not warnings(r), "a warning on a clean file")


def t_finding_compiler_format(env):
    env.write("leak.c", LEAK_C)
    r = env.run("leak.c")
    expect_rc(r, 1)
    w = warnings(r)
    check(len(w) == 1, "expected one warning, got %r" % w)
    f, line, col, msg, checker = w[0]
    check((f, line, checker) == ("leak.c", "6", "unix.Malloc"), "warning %r" % (w[0],))
    check(msg.startswith("Potential leak"), "message %r" % msg)
    # Its path notes follow it, in the compiler's format.
    i = next(i for i, l in enumerate(r.lines) if WARN_RE.match(l))
    notes = [NOTE_RE.match(l) for l in r.lines[i + 1:i + 4]]
    check(all(notes), "notes do not follow the warning:\n" + r.stdout)
    check(notes[0].group(4) == "Memory is allocated" and notes[0].group(2) == "4",
          "first note %r" % notes[0].group(0))
    check(summary(r) == (1, 1, 1, 0), "summary %r" % (summary(r),))
    check(r.lines[-1].startswith("iosafe-check: 1 finding in 1 of 1"), "summary is not last")


def t_missing_db(env):
    r = env.run("-p", os.path.join(env.tmp, "no-such-dir"))
    expect_rc(r, 2)
    check("no compilation database" in r.stderr, "stderr: " + r.stderr)
    r = env.run("-p", os.path.join(env.tmp, "missing.json"))
    expect_rc(r, 2)


def t_malformed_db(env):
    env.write("bad/compile_commands.json", '[{"directory": "/tmp", "file": ')
    r = env.run("-p", os.path.join(env.tmp, "bad"))
    expect_rc(r, 2)
    check("malformed compilation database" in r.stderr and "compile_commands.json" in r.stderr,
          "stderr: " + r.stderr)
    env.write("obj.json", '{"directory": "/tmp"}')
    expect_rc(env.run("-p", "obj.json"), 2)


def t_malformed_entry_others_analysed(env):
    env.write("leak.c", LEAK_C)
    env.db("entry.json", [{"directory": env.tmp, "file": "x.c"}, env.entry("leak.c")])
    r = env.run("-p", "entry.json")
    expect_rc(r, 2)
    check(any(l.startswith("x.c: error: malformed compilation database") for l in r.lines),
          "the bad entry is not reported with its file:\n" + r.stdout)
    check(len(warnings(r)) == 1, "the good entry was not analysed")


def t_broken_tu_others_analysed(env):
    env.write("broken.c", BROKEN_C)
    env.write("leak.c", LEAK_C)
    env.write("clean.c", CLEAN_C)
    env.db("mixed.json", [env.entry("broken.c"), env.entry("leak.c"), env.entry("clean.c")])
    r = env.run("-p", "mixed.json", "--sarif", "mixed.sarif")
    expect_rc(r, 2)
    check(any(l.startswith("broken.c: error: failed to compile") for l in r.lines),
          "the failing unit is not reported with its file:\n" + r.stdout)
    check("use of undeclared identifier 'not_declared'" in r.stderr,
          "the compiler's error is not shown:\n" + r.stderr)
    check([w[0] for w in warnings(r)] == ["leak.c"], "the good unit was not analysed")
    check(summary(r) == (1, 1, 3, 1), "summary %r" % (summary(r),))
    log = json.load(open(os.path.join(env.tmp, "mixed.sarif")))
    sarif_check.validate(log)
    inv = log["runs"][0]["invocations"][0]
    check(inv["executionSuccessful"] is False, "SARIF says the run succeeded")
    check(any("broken.c" in n["message"]["text"] for n in inv["toolExecutionNotifications"]),
          "SARIF does not name the failing file")


def t_misplaced_annotation_is_error(env):
    env.write("misplaced.c", MISPLACED_C)
    env.write("leak.c", LEAK_C)
    r = env.run("misplaced.c", "leak.c", "--", "-std=c11")
    expect_rc(r, 2)
    check("Werror,-Wignored-attributes" in r.stderr, "no -Wignored-attributes error:\n" + r.stderr)
    check(any(l.startswith("misplaced.c: error:") for l in r.lines), r.stdout)
    check(len(warnings(r)) == 1, "leak.c was not analysed")


def t_analyzer_crash(env):
    env.write("crash.c", CRASH_C)
    env.write("leak.c", LEAK_C)
    r = env.run("crash.c", "leak.c")
    expect_rc(r, 2)
    check(any(l.startswith("crash.c: error: the analyzer crashed") for l in r.lines), r.stdout)
    check(len(warnings(r)) == 1, "leak.c was not analysed")


def t_bad_arguments(env):
    for args in ([], ["--no-such-option", "x.c"], ["-j", "0", "x.c"], ["-j", "two", "x.c"],
                 ["-p", "a.json", "x.c"], ["-p", "a.json", "--", "-DX"], ["--sarif"]):
        r = env.run(*args)
        expect_rc(r, 2)
        check("usage: iosafe-check" in r.stderr, "no usage for %r: %s" % (args, r.stderr))
    env.write("foreign/keep.txt", "not ours\n")
    env.write("leak.c", LEAK_C)
    r = env.run("--html", "foreign", "leak.c")
    expect_rc(r, 2)
    check(os.path.exists(os.path.join(env.tmp, "foreign", "keep.txt")),
          "--html into a foreign directory lost a file")


def t_missing_source_file(env):
    r = env.run("does-not-exist.c")
    expect_rc(r, 2)
    check(any(l.startswith("does-not-exist.c: error:") for l in r.lines), r.stdout)


def t_sarif_valid_and_complete(env):
    env.write("leak.c", LEAK_C)
    env.write("clean.c", CLEAN_C)
    env.write("sub/leak2.c", LEAK_C.replace("int f(", "int f2("))
    r = env.run("--sarif", "out.sarif", "leak.c", "clean.c", "sub/leak2.c")
    expect_rc(r, 1)
    log = json.load(open(os.path.join(env.tmp, "out.sarif")))
    sarif_check.validate(log)
    full = ""
    schema = os.environ.get("SARIF_SCHEMA")
    if schema and sarif_check.validate_full(log, schema):
        full = " (and against %s)" % schema
    check(len(log["runs"]) == 1, "expected one run for the whole analysis")
    run = log["runs"][0]
    res = sorted((r_["ruleId"], r_["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                  .rsplit("/", 2)[-1], r_["locations"][0]["physicalLocation"]["region"]["startLine"])
                 for r_ in run["results"])
    check(res == [("unix.Malloc", "leak.c", 6), ("unix.Malloc", "leak2.c", 6)],
          "SARIF results %r" % res)
    for r_ in run["results"]:
        check(r_["codeFlows"][0]["threadFlows"][0]["locations"], "a result has no path")
        check(run["tool"]["driver"]["rules"][r_["ruleIndex"]]["id"] == r_["ruleId"], "ruleIndex")
    check(run["invocations"][0]["executionSuccessful"] is True, "executionSuccessful")
    # Paths under the directory iosafe-check ran in are relative to SRCROOT.
    check(run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file://" + env.tmp + "/",
          "SRCROOT %r" % run["originalUriBaseIds"])
    uris = sorted((r_["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                   r_["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId"))
                  for r_ in run["results"])
    check(uris == [("leak.c", "SRCROOT"), ("sub/leak2.c", "SRCROOT")], "uris %r" % uris)
    return "structural%s" % full


MACRO_C = """#include <stdlib.h>
extern unsigned opts[4];
#define option_bool(x) (opts[(x) / 32] & (1u << ((x) % 32)))
int f(char *q)
{
	char *p = malloc(4);
	if (option_bool(3) && !q)
		return 2;
	free(p);
	return 0;
}
"""


def t_sarif_macro_region(env):
    # Clang writes "endLine": 0 for the note on a condition that ends in a
    # macro expansion (found on dnsmasq); the merged log must still be valid.
    env.write("macro.c", MACRO_C)
    r = env.run("--sarif", "macro.sarif", "macro.c")
    expect_rc(r, 1)
    log = json.load(open(os.path.join(env.tmp, "macro.sarif")))
    sarif_check.validate(log)
    notes = log["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"][0]["locations"]
    texts = [n["location"]["message"]["text"] for n in notes]
    check("Assuming the condition is true" in texts, "the macro note is gone: %r" % texts)
    check(any(l.startswith("macro.c:7:6: note: Assuming the condition is true") for l in r.lines),
          r.stdout)


def t_sarif_validator_rejects(env):
    # The validator itself must catch broken logs, or the SARIF tests prove nothing.
    good = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x", "rules": [{"id": "a"}]}},
            "results": [{"ruleId": "a", "ruleIndex": 0, "message": {"text": "m"},
                         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "f"},
                                                             "region": {"startLine": 1}}}]}]}]}
    sarif_check.validate(good)
    bad = [
        lambda l: l.update(version="2.0.0"),
        lambda l: l["runs"][0]["tool"]["driver"].pop("name"),
        lambda l: l["runs"][0]["results"][0].pop("message"),
        lambda l: l["runs"][0]["results"][0].update(ruleIndex=3),
        lambda l: l["runs"][0]["results"][0].update(level="fatal"),
        lambda l: l["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        ["region"].update(startLine=0),
        lambda l: l["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        ["artifactLocation"].update(index=2),
    ]
    for i, breakit in enumerate(bad):
        log = json.loads(json.dumps(good))
        breakit(log)
        try:
            sarif_check.validate(log)
        except sarif_check.Invalid:
            continue
        raise Failed("broken log %d accepted" % i)


def t_html(env):
    env.write("leak.c", LEAK_C)
    r = env.run("--html", "report", "leak.c")
    expect_rc(r, 1)
    d = os.path.join(env.tmp, "report")
    check(os.path.isfile(os.path.join(d, "index.html")), "no index.html")
    reports = [f for f in os.listdir(d) if f.startswith("report-") and f.endswith(".html")]
    check(len(reports) == 1, "expected one report page, got %r" % reports)
    check(reports[0] in open(os.path.join(d, "index.html")).read(), "the index does not link the report")
    check(any("HTML report: report/index.html" in l for l in r.lines), "location not shown")
    # A second run replaces the report made by the first.
    env.write("clean.c", CLEAN_C)
    r = env.run("--html", "report", "clean.c")
    expect_rc(r, 0)
    check(not [f for f in os.listdir(d) if f.startswith("report-")], "stale report kept")
    check(os.path.isfile(os.path.join(d, "index.html")), "no index.html on a clean run")


def t_jobs(env):
    files = []
    for i in range(6):
        files.append(os.path.basename(env.write("j%d.c" % i, LEAK_C.replace("int f(", "int f%d(" % i))))
    env.write("clean.c", CLEAN_C)
    outs = []
    for j in ("1", "3"):
        r = env.run("-j", j, "--sarif", "j%s.sarif" % j, "clean.c", *files)
        expect_rc(r, 1)
        check(summary(r) == (6, 6, 7, 0), "-j %s summary %r" % (j, summary(r)))
        outs.append(sorted(blocks(r)))
        sar = json.load(open(os.path.join(env.tmp, "j%s.sarif" % j)))["runs"][0]["results"]
        outs[-1].append(json.dumps(sar))
    # Each unit is printed as it finishes, so the blocks (a warning and its
    # notes) may come in another order; the SARIF is in a stable order.
    check(outs[0] == outs[1], "-j 1 and -j 3 report differently")
    check(sorted(w[0] for w in warnings(r)) == sorted(files), "findings in the wrong files")
    # The pool really runs -j analyses at once, and no more.  A wrapper
    # around clang stands for it: for `clang -###` (libscanbuild's first
    # step) it names itself as the front end in the command it prints, so
    # that each analysis (`clang -cc1 ...`) runs through it too; there it
    # logs when the analysis starts and ends, and adds 0.3 s, so that
    # analyses run at once overlap for sure.
    peaks = {}
    for j in ("1", "3"):
        log = os.path.join(env.tmp, "spans%s.log" % j)
        wrapper = env.write("clang-wrapper%s" % j, """#!/bin/sh
real=%s
case " $* " in
*" -### "*) "$real" "$@" 2>&1 | sed "s|^ \\"[^\\"]*\\" | \\"$0\\" |" >&2; exit 0;;
*" -cc1 "*) echo start $(date +%%s%%N) >> %s; sleep 0.3
    "$real" "$@"; rc=$?; echo end $(date +%%s%%N) >> %s; exit $rc;;
esac
exec "$real" "$@"
""" % (real_clang(), log, log))
        os.chmod(wrapper, 0o755)
        r = subprocess.run([sys.executable, env.driver] +
                           (["--plugin", env.plugin] if env.plugin else []) +
                           ["--clang-checkers", "-j", j] + files,
                           cwd=env.tmp, capture_output=True, text=True,
                           env=dict(os.environ, IOSAFE_CLANG=wrapper))
        expect_rc(r, 1)
        depth = peak = 0
        events = sorted((int(t), 0 if k == "end" else 1) for k, t in (l.split() for l in open(log)))
        for _, starting in events:
            depth += 1 if starting else -1
            peak = max(peak, depth)
        peaks[j] = peak
    check(peaks["1"] == 1, "-j 1 ran %d clang processes at once" % peaks["1"])
    check(peaks["3"] >= 2, "-j 3 never ran two clang processes at once")
    check(peaks["3"] <= 3, "-j 3 ran %d clang processes at once" % peaks["3"])
    return "at most %d clang processes at once with -j 1, %d with -j 3" % (peaks["1"], peaks["3"])


def t_db_dir_and_json_path(env):
    env.write("leak.c", LEAK_C)
    env.write("clean.c", CLEAN_C)
    env.db("build/compile_commands.json", [env.entry("leak.c"), env.entry("clean.c", form="command")])
    for arg in ("build", "build/compile_commands.json",
                os.path.join(env.tmp, "build", "compile_commands.json")):
        r = env.run("-p", arg, cwd=env.tmp)
        expect_rc(r, 1)
        check(summary(r) == (1, 1, 2, 0), "-p %s: summary %r" % (arg, summary(r)))
    # From another directory: the entries' "directory" is what counts.
    r = env.run("-p", os.path.join(env.tmp, "build"), cwd="/")
    expect_rc(r, 1)


def t_launcher_and_assembler(env):
    # "ccache cc ..." entries are analysed; an assembler entry is skipped,
    # said so, and counts neither as a unit nor as an error.
    env.write("leak.c", LEAK_C)
    env.write("start.s", "\tnop\n")
    env.db("mixed.json", [
        {"directory": env.tmp, "file": "leak.c", "command": "ccache cc -c leak.c -o leak.o"},
        {"directory": env.tmp, "file": "start.s", "arguments": ["cc", "-c", "start.s"]}])
    r = env.run("-p", "mixed.json")
    expect_rc(r, 1)
    check(summary(r) == (1, 1, 1, 0), "summary %r" % (summary(r),))
    check("start.s: skipped: not a C" in r.stderr, "the skip is not said: " + r.stderr)


def t_flags_per_entry(env):
    # Each entry is analysed with its own flags: the same file twice, with
    # and without -DLEAKY, gives one finding; and a second file with the
    # same flags as the first gets its own name in the front-end command.
    env.write("maybe.c", "#include <stdlib.h>\nvoid m(void)\n{\n\tchar *p = malloc(1);\n"
              "#ifndef LEAKY\n\tfree(p);\n#else\n\t(void)p;\n#endif\n}\n")
    env.write("sub/other.c", LEAK_C)
    env.db("flags.json", [env.entry("maybe.c"), env.entry("maybe.c", ["-DLEAKY"]),
                          {"directory": os.path.join(env.tmp, "sub"), "file": "other.c",
                           "arguments": ["cc", "-std=c11", "-c", "other.c"]}])
    r = env.run("-p", "flags.json", "-j", "1")
    expect_rc(r, 1)
    w = warnings(r)
    check(sorted((f, l) for f, l, _, _, _ in w) == [("maybe.c", "10"), ("sub/other.c", "6")],
          "findings %r" % w)
    check(summary(r) == (2, 2, 3, 0), "summary %r" % (summary(r),))


def t_empty_db(env):
    env.db("empty.json", [])
    r = env.run("-p", "empty.json")
    expect_rc(r, 2)


POSIX_LEAK_C = """#include <fcntl.h>
int probe(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	return 0;
}
"""


def t_no_posix(env):
    # With iosafe.PosixFd registered, the leak of a raw open() is found,
    # and --no-posix turns exactly that off; Clang's checkers stay on.
    env.write("posix.c", POSIX_LEAK_C)
    env.write("leak.c", LEAK_C)
    on = env.run("posix.c", "leak.c")
    off = env.run("--no-posix", "posix.c", "leak.c")
    expect_rc(off, 1)
    check([w[0] for w in warnings(off)] == ["leak.c"], "--no-posix: %r" % warnings(off))
    if env.plugin != "none" and "iosafe.PosixFd" in checkers_of(env.plugin):
        expect_rc(on, 1)
        check(any(w[0] == "posix.c" and w[3].startswith("fd leak") and w[4].startswith("iosafe.")
                  for w in warnings(on)),
              "iosafe.PosixFd did not report the raw leak: %r" % warnings(on))
        return "iosafe.PosixFd on by default, off with --no-posix"
    check(warnings(on) == warnings(off), "--no-posix changed the findings without PosixFd")
    return "iosafe.PosixFd not registered by this plugin: --no-posix changes nothing"


GCC_ATTR_C = """#include <fcntl.h>
#include <unistd.h>
void emit(int fd, const char *line) __attribute__((fd_arg_write(1)));
[[gnu::fd_arg(1)]] void note(int fd);
int run(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	emit(fd, "x");
	close(fd);
	note(fd);
	return 0;
}
"""


def t_gcc_fd_attributes(env):
    # GCC's fd_arg attributes are registered by the plugin, which the
    # driver loads into the compiler that parses the unit: both spellings
    # are read, and each call is checked as a use of its fd.
    env.write("gccattr.c", GCC_ATTR_C)
    r = env.run("gccattr.c", "--", "-std=gnu23")
    expect_rc(r, 1)
    got = [(int(w[1]), w[3].split(":")[0], w[4]) for w in warnings(r)]
    check(got == [(10, "access mode mismatch", "iosafe.PosixFd"),
                  (12, "use after close", "iosafe.PosixFd")], "findings %r" % (warnings(r),))
    check("unknown attribute" not in r.stdout + r.stderr, "an fd attribute was dropped")
    return "fd_arg_write and [[gnu::fd_arg]] checked"


def checkers_of(plugin):
    r = subprocess.run([real_clang(), "-cc1", "-load", plugin, "-analyzer-checker-help"],
                       capture_output=True, text=True)
    return r.stdout


def t_install_paths(env):
    dest = os.path.join(env.tmp, "dest")
    r = subprocess.run(["make", "--no-print-directory", "-C", ROOT, "install-driver",
                        "DESTDIR=" + dest, "prefix=/opt/iosafe-test"],
                       capture_output=True, text=True)
    check(r.returncode == 0, "make install-driver failed:\n" + r.stdout + r.stderr)
    installed = os.path.join(dest, "opt/iosafe-test/bin/iosafe-check")
    text = open(installed).read()
    check('PLUGIN_PATH = "/opt/iosafe-test/lib/iosafe/iosafe-plugin.so"' in text,
          "the installed driver does not name the installed plugin")
    check('INCLUDE_DIR = "/opt/iosafe-test/include"' in text, "include dir not substituted")
    check(os.access(installed, os.X_OK), "not executable")
    r = subprocess.run([installed, "--version"], capture_output=True, text=True)
    check(r.returncode == 0 and "iosafe-check" in r.stdout, "--version: " + r.stdout + r.stderr)
    r = subprocess.run(["make", "--no-print-directory", "-C", ROOT, "uninstall-driver",
                        "DESTDIR=" + dest, "prefix=/opt/iosafe-test"], capture_output=True, text=True)
    check(r.returncode == 0 and not os.path.exists(installed), "uninstall-driver left the file")
    if env.plugin == "none":
        return "paths only: the plugin is not built"
    # Installed for real (prefix, no DESTDIR): the installed driver finds the
    # installed plugin and headers, and nothing in the build tree.
    prefix = os.path.join(env.tmp, "prefix")
    targets = ["install-lib", "install-plugin", "install-driver"]
    r = subprocess.run(["make", "--no-print-directory", "-C", ROOT] + targets +
                       ["prefix=" + prefix], capture_output=True, text=True)
    check(r.returncode == 0, "make install failed:\n" + r.stdout + r.stderr)
    check(os.path.isfile(os.path.join(prefix, "lib", "iosafe", "iosafe-plugin.so")),
          "the plugin is not installed in $(libdir)/iosafe/")
    src = env.write("elsewhere/uac.c", open(os.path.join(
        ROOT, "examples", "bugs", "use_after_close.c")).read())
    r = subprocess.run([os.path.join(prefix, "bin", "iosafe-check"), src, "--", "-std=c11"],
                       cwd=os.path.dirname(src), capture_output=True, text=True)
    expect_rc(r, 1)
    check("warning: use after close:" in r.stdout, "installed driver: " + r.stdout + r.stderr)
    return "installed under a prefix, finds its plugin and headers"


# ---- Tests of examples/ (need the iosafe plugin) ---------------------------

sys.path.insert(0, os.path.join(ROOT, "examples", "bugs"))
import compare  # noqa: E402  (examples/bugs/compare.py: EXPECTED and the output's findings)


TWO_LEAKS_C = """#include <fcntl.h>
#include <unistd.h>
int f(int quiet, const char *a, const char *b)
{
	if (quiet)
		return 0;
	int x = open(a, O_RDONLY);
	if (x < 0)
		return -1;
	int y = open(b, O_RDONLY);
	if (y < 0) {
		close(x);
		return -1;
	}
	return 0;
}
"""


def t_two_leaks_one_return(env):
    # Two fds leaking at one return, with the same message, on paths that
    # begin with the same step: two findings (their acquisitions differ),
    # in the text output and in the SARIF log.
    env.write("two.c", TWO_LEAKS_C)
    r = env.run("--sarif", "two.sarif", "two.c")
    expect_rc(r, 1)
    got = compare.findings(r.lines)
    at_return = [loc for loc, kind, _, _ in got if loc == "two.c:15" and kind == "fd leak"]
    check(len(at_return) >= 2, "leaks at two.c:15: %r (of %r)" % (at_return, got))
    log = json.load(open(os.path.join(env.tmp, "two.sarif")))
    sarif_check.validate(log)
    at15 = [r_ for r_ in log["runs"][0]["results"]
            if r_["locations"][0]["physicalLocation"]["region"]["startLine"] == 15]
    check(len(at15) >= 2, "SARIF results at line 15: %d" % len(at15))
    return "%d findings at one return" % len(at_return)


def t_examples_clean(env):
    srcs = [os.path.join("examples", f) for f in sorted(os.listdir(os.path.join(ROOT, "examples")))
            if f.endswith(".c")]
    r = env.run("-j", "2", *srcs, "--", "-std=c11", cwd=ROOT)
    expect_rc(r, 0)
    check(summary(r)[0] == 0, "findings in the clean examples")
    return "%d clean programs, 0 findings" % len(srcs)


def t_examples_bugs(env):
    bugs = os.path.join(ROOT, "examples", "bugs")
    srcs = [os.path.join("examples", "bugs", f) for f in sorted(os.listdir(bugs)) if f.endswith(".c")]
    r = env.run("-j", "2", "--sarif", os.path.join(env.tmp, "bugs.sarif"), *srcs, "--", "-std=c11",
                cwd=ROOT)
    expect_rc(r, 1)
    got = compare.findings(r.lines)
    for loc, kind, checker, notes in got:
        check(checker.startswith("iosafe."), "a finding not from iosafe: %s %s [%s]" % (loc, kind, checker))
        check(notes > 0, "finding without path notes: %s %s" % (loc, kind))
    want = sorted(compare.expected(os.path.join(ROOT, "examples", "bugs", "EXPECTED")))
    have = sorted((loc, kind) for loc, kind, _, _ in got)
    check(have == want, "findings differ from examples/bugs/EXPECTED:\n  got  %r\n  want %r"
          % (have, want))
    kinds = {k for _, k in want}
    check(len(kinds) >= 8, "EXPECTED covers %d bug types, not 8" % len(kinds))
    sarif_check.validate(json.load(open(os.path.join(env.tmp, "bugs.sarif"))))
    return "%d findings as expected" % len(got)


TESTS = [
    ("clean file: exit 0", t_clean_file, False),
    ("finding: exit 1, compiler format with notes, summary", t_finding_compiler_format, False),
    ("missing compilation database: exit 2", t_missing_db, False),
    ("malformed JSON database: exit 2", t_malformed_db, False),
    ("malformed entry reported, other entries analysed", t_malformed_entry_others_analysed, False),
    ("unit that does not compile: exit 2, others analysed", t_broken_tu_others_analysed, False),
    ("misplaced annotation (-Werror=ignored-attributes): exit 2", t_misplaced_annotation_is_error, False),
    ("analyzer crash: exit 2, others analysed", t_analyzer_crash, False),
    ("missing source file: exit 2", t_missing_source_file, False),
    ("bad arguments: exit 2", t_bad_arguments, False),
    ("empty compilation database: exit 2", t_empty_db, False),
    ("compiler launcher analysed, assembler skipped", t_launcher_and_assembler, False),
    ("each entry analysed with its own flags", t_flags_per_entry, False),
    ("SARIF valid, one run, expected results", t_sarif_valid_and_complete, False),
    ("SARIF validator rejects broken logs", t_sarif_validator_rejects, False),
    ("SARIF valid where Clang writes endLine 0 (macro)", t_sarif_macro_region, False),
    ("HTML report directory", t_html, False),
    ("-j: same results, units in parallel", t_jobs, False),
    ("-p with a directory and with a JSON path", t_db_dir_and_json_path, False),
    ("--no-posix turns iosafe.PosixFd off", t_no_posix, False),
    ("GCC's fd_arg attributes are read (the plugin parses too)", t_gcc_fd_attributes, True),
    ("install: paths written in, installed driver works", t_install_paths, False),
    ("two fds leaking at one return are two findings", t_two_leaks_one_return, True),
    ("examples/: clean programs have no finding", t_examples_clean, True),
    ("examples/bugs/: findings match EXPECTED, with notes", t_examples_bugs, True),
] + ctu.TESTS + hostile.TESTS + gate.TESTS + sarif_rules.TESTS + policy_tests.TESTS + shard.TESTS + install_move.TESTS + formats.TESTS + diff_base.TESTS + cross.TESTS + cache_tests.TESTS + tools_tests.TESTS


def plugin_ready(plugin):
    if not plugin or not os.path.isfile(plugin):
        return False, "the plugin %s is not built" % plugin
    r = subprocess.run([real_clang(), "-cc1", "-load", plugin, "-analyzer-checker-help"],
                       capture_output=True, text=True)
    if r.returncode != 0 or "iosafe.Ownership" not in r.stdout:
        return False, "the plugin %s does not register iosafe.Ownership yet" % plugin
    return True, ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--driver", required=True)
    ap.add_argument("--plugin")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("only", nargs="*")
    a = ap.parse_args()
    if a.plugin and a.plugin != "none":
        a.plugin = os.path.abspath(a.plugin)
    ready, why = plugin_ready(a.plugin)
    # The plugin is part of this tree: a test that needs it fails when it is
    # missing or broken (only --plugin none, for the driver alone, leaves
    # those tests out, and says so).
    passed = failed = left_out = 0
    for name, fn, needs_plugin in TESTS:
        if a.only and not any(o in fn.__name__ for o in a.only):
            continue
        if needs_plugin and not ready:
            if a.plugin == "none":
                print("  left out  %s (--plugin none)" % name)
                left_out += 1
            else:
                print("  FAIL  %s: %s" % (name, why))
                failed += 1
            continue
        env = Env(a.driver, a.plugin if ready else "none", a.verbose)
        try:
            try:
                info = fn(env)
            except Failed:
                raise
            except Exception as e:  # a broken test is a failure too
                raise Failed("%s: %s" % (type(e).__name__, e))
            print("  ok    %s%s" % (name, " (%s)" % info if info else ""))
            passed += 1
        except Failed as e:
            print("  FAIL  %s: %s" % (name, e))
            failed += 1
        finally:
            shutil.rmtree(env.tmp, ignore_errors=True)
    print("driver: %d passed, %d failed%s" % (passed, failed,
                                            " (%d left out: --plugin none)" % left_out
                                            if left_out else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

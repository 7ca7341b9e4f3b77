# SPDX-License-Identifier: MIT
"""tests/driver/driverlib.py: what the driver tests share (run-tests.py,
hostile.py, fuzz-db.py): the test programs, the Env that runs the real
driver in a temporary directory, and the parsers of its output."""

import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

LEAK_C = """#include <stdlib.h>
int f(int x)
{
	char *p = malloc(10);
	if (x)
		return 1;
	free(p);
	return 0;
}
"""
CLEAN_C = """#include <stdlib.h>
int g(int x)
{
	char *p = malloc(10);
	if (!p)
		return -1;
	p[0] = (char)x;
	int r = p[0];
	free(p);
	return r;
}
"""
BROKEN_C = "int h(void) { return not_declared; }\n"
# A misplaced annotation: IOSAFE_RELEASES belongs on a parameter.
MISPLACED_C = """#include <iosafe/annotations.h>
void conn_free(int fd) IOSAFE_RELEASES;
"""
CRASH_C = "#pragma clang __debug crash\nint x;\n"
# --ctu: the allocation is in another translation unit.
CTU_A = "char *mk(void);\nvoid use(void)\n{\n\tchar *p = mk();\n\t(void)p;\n}\n"
CTU_B = "#include <stdlib.h>\nchar *mk(void) { return malloc(4); }\n"

WARN_RE = re.compile(r"^(.+?):(\d+):(\d+): warning: (.+) \[([\w.]+)\]$")
NOTE_RE = re.compile(r"^(.+?):(\d+):(\d+): note: (.+)$")
SUMMARY_RE = re.compile(r"^iosafe-check: (\d+) findings? in (\d+) of (\d+) translation units? "
                        r"\((\d+) analysed, (\d+) failed, (\d+) skipped; (\d+) errors?"
                        r"(?:; (\d+) suppressed)?(?:; (\d+) known \(baseline\))?"
                        r"(?:; (\d+) outside the diff)?\)$")


class Failed(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failed(what)


class Env:
    def __init__(self, driver, plugin, verbose):
        self.driver = os.path.abspath(driver)
        self.plugin = plugin
        self.verbose = verbose
        self.tmp = tempfile.mkdtemp(prefix="iosafe-driver-test-")
        # The plumbing tests use Clang's unix.Malloc leak (they hold without
        # the plugin): they ask for Clang's findings.  Tests of the default
        # gate set this to False.
        self.clang_checkers = True

    def write(self, name, text):
        path = os.path.join(self.tmp, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        return path

    def db(self, name, entries):
        return self.write(name, json.dumps(entries))

    def entry(self, file, args=None, form="arguments"):
        args = args or []
        if form == "arguments":
            return {"directory": self.tmp, "file": file,
                    "arguments": ["cc", "-std=c11", "-I" + os.path.join(ROOT, "include")]
                    + args + ["-c", file, "-o", file + ".o"]}
        return {"directory": self.tmp, "file": file,
                "command": "cc -std=c11 -I%s %s -c %s -o %s.o" %
                           (os.path.join(ROOT, "include"), " ".join(args), file, file)}

    def run(self, *args, cwd=None, env=None, timeout=600):
        cmd = [sys.executable, self.driver] + list(args)
        if not args or args[0] != "merge":
            if self.clang_checkers:
                cmd[2:2] = ["--clang-checkers"]
            if self.plugin:
                cmd[2:2] = ["--plugin", self.plugin]
        r = subprocess.run(cmd, cwd=cwd or self.tmp, capture_output=True, text=True,
                           errors="replace", timeout=timeout,
                           env=dict(os.environ, **env) if env else None)
        if self.verbose:
            print("$ " + " ".join(map(repr, cmd)))
            print(r.stdout + r.stderr)
        r.lines = r.stdout.splitlines()
        return r


def counts(r):
    """The summary line's numbers: findings, units with findings, units
    (analysed + failed), analysed, failed, skipped, errors."""
    for line in r.lines:
        m = SUMMARY_RE.match(line)
        if m:
            return tuple(int(x) for x in m.groups()[:7])
    raise Failed("no summary line in output:\n" + r.stdout + r.stderr)


def summary(r):
    """findings, units with findings, units, errors."""
    c = counts(r)
    return c[:3] + c[6:]


def warnings(r):
    return [WARN_RE.match(l).groups() for l in r.lines if WARN_RE.match(l)]


def blocks(r):
    """The findings as printed: each warning line with its note lines."""
    out = []
    for l in r.lines:
        if WARN_RE.match(l):
            out.append(l)
        elif NOTE_RE.match(l) and out:
            out[-1] += "\n" + l
    return out


def expect_rc(r, code):
    check(r.returncode == code, "exit status %d, expected %d\n%s%s" %
          (r.returncode, code, r.stdout, r.stderr))



def real_clang():
    out = subprocess.run(["llvm-config-19", "--bindir"], capture_output=True, text=True)
    return os.path.join(out.stdout.strip() or "/usr/lib/llvm-19/bin", "clang")

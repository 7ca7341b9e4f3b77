# SPDX-License-Identifier: MIT
"""tests/driver/formats.py: --format gitlab (a GitLab Code Quality report
on standard output, the text on standard error) and the progress line
(on a terminal only: a pseudo-terminal as standard error shows it, a pipe
does not)."""

import json
import os
import pty
import shutil
import subprocess
import sys

from driverlib import ROOT, check, expect_rc

BUGS = os.path.join(ROOT, "examples", "bugs")


def t_format_gitlab(env):
    env.clang_checkers = False
    for f in ("double_close.c", "use_after_close.c"):
        shutil.copy(os.path.join(BUGS, f), env.tmp)
    r = env.run("--format", "gitlab", "double_close.c", "use_after_close.c", "--", "-std=c11")
    expect_rc(r, 1)
    issues = json.loads(r.stdout)
    check(sorted(i["check_name"] for i in issues) ==
          ["iosafe/double-close", "iosafe/use-after-close"], "issues %r" % issues)
    for i in issues:
        check(i["severity"] == "major" and i["location"]["path"] in
              ("double_close.c", "use_after_close.c") and i["location"]["lines"]["begin"] > 0
              and len(i["fingerprint"]) == 32 and i["description"], "issue %r" % i)
    check("warning: double close:" in r.stderr and "iosafe-check: 2 findings" in r.stderr,
          "the text is not on stderr: " + r.stderr)


def _run_on_pty(env, args):
    master, slave = pty.openpty()
    cmd = [sys.executable, env.driver, "--plugin", env.plugin] + args
    p = subprocess.Popen(cmd, cwd=env.tmp, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    data = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    p.communicate()
    os.close(master)
    return p.returncode, data.decode(errors="replace")


def t_progress_line(env):
    env.clang_checkers = False
    srcs = []
    for f in ("double_close.c", "use_after_close.c", "leak_on_error_path.c"):
        shutil.copy(os.path.join(BUGS, f), env.tmp)
        srcs.append(f)
    rc, err = _run_on_pty(env, ["-j", "1"] + srcs + ["--", "-std=c11"])
    check(rc == 1, "exit %d: %s" % (rc, err))
    check("iosafe-check: 3/3 units, 3 findings," in err and " elapsed, ~0:00 left" in err,
          "no progress line on a terminal: %r" % err)
    r = env.run("-j", "1", *srcs, "--", "-std=c11")
    check("units," not in r.stderr and "elapsed" not in r.stderr,
          "a progress line on a pipe: %r" % r.stderr)


TESTS = [
    ("--format gitlab: a Code Quality report on stdout", t_format_gitlab, True),
    ("progress line on a terminal only", t_progress_line, True),
]

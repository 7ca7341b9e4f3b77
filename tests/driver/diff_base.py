# SPDX-License-Identifier: MIT
"""tests/driver/diff_base.py: --diff-base GIT_REV reports only the findings
on lines changed since GIT_REV, and analyses only the units changed since
then (a pull request's new findings, in the manner of CodeChecker's diff)."""

import os
import subprocess

from driverlib import check, counts, expect_rc, warnings

OLD = """#include <fcntl.h>
#include <unistd.h>

int first_byte(const char *path, char *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (read(fd, out, 1) != 1)
		return -1;
	return close(fd);
}
"""
NEW = OLD + """
int twice(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	close(fd);
	return close(fd);
}
"""


def t_diff_base(env):
    env.clang_checkers = False
    env.write("a.c", OLD)
    env.write("b.c", OLD)

    def git(*a):
        r = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t"] + list(a),
                           cwd=env.tmp, capture_output=True, text=True)
        check(r.returncode == 0, "git %r: %s" % (a, r.stderr))
    git("init", "-q")
    git("add", "a.c", "b.c")
    git("commit", "-q", "-m", "old")
    env.write("a.c", NEW)
    r = env.run("a.c", "b.c", "--", "-std=gnu11")
    expect_rc(r, 1)
    check(sorted(w[3].split(":")[0] for w in warnings(r)) == ["double close", "fd leak",
                                                             "fd leak"], "all: %r" % warnings(r))
    r = env.run("--diff-base", "HEAD", "a.c", "b.c", "--", "-std=gnu11")
    expect_rc(r, 1)
    w = warnings(r)
    check([(x[0], x[3].split(":")[0]) for x in w] == [("a.c", "double close")],
          "--diff-base HEAD: %r" % w)
    c = counts(r)
    check(c[3] == 1 and c[5] == 1, "b.c (unchanged) should be skipped: %r" % (c,))
    check("; 1 outside the diff)" in r.stdout, r.stdout)
    git("commit", "-q", "-am", "new")
    expect_rc(env.run("--diff-base", "HEAD", "a.c", "b.c", "--", "-std=gnu11"), 0)
    r = env.run("--diff-base", "no-such-rev", "a.c", "--", "-std=gnu11")
    expect_rc(r, 2)
    check("not a commit" in r.stderr, r.stderr)
    return "1 new finding of 3; the unchanged unit skipped"


TESTS = [("--diff-base: findings on changed lines, in changed units", t_diff_base, True)]

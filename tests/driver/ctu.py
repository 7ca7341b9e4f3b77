# SPDX-License-Identifier: MIT
"""tests/driver/ctu.py: iosafe-check --ctu (run by run-tests.py, make
check-driver): calls followed into other units, relative paths, a failed
collection step, and compiler warnings of the mapping step."""

import os
import subprocess

from driverlib import (BROKEN_C, CTU_A, CTU_B, check, counts, expect_rc, summary,
                       warnings)


def t_ctu(env):
    env.write("ctu_a.c", CTU_A)
    env.write("ctu_b.c", CTU_B)
    env.db("ctu.json", [env.entry("ctu_a.c"), env.entry("ctu_b.c")])
    r = env.run("-p", "ctu.json")
    expect_rc(r, 0)  # one unit at a time: mk() is opaque, nothing to see
    r = env.run("-p", "ctu.json", "--ctu")
    expect_rc(r, 1)
    w = warnings(r)
    check(len(w) == 1 and w[0][0] == "ctu_a.c" and w[0][4] == "unix.Malloc",
          "--ctu did not follow the call into ctu_b.c: %r" % w)
    check(any(l.startswith("ctu_b.c:2:") and "note: Memory is allocated" in l for l in r.lines),
          "no note in the other translation unit:\n" + r.stdout)


# --ctu with iosafe.PosixFd: the fd is opened and closed in another unit.
CTU_FD_A = """int open_log(const char *path);
void close_log(int fd);
void pos_leak(const char *p)
{
	int fd = open_log(p);
	if (fd < 0)
		return;
}
void pos_double_close(const char *p)
{
	int fd = open_log(p);
	if (fd < 0)
		return;
	close_log(fd);
	close_log(fd);
}
"""
CTU_FD_B = """#include <fcntl.h>
#include <unistd.h>
int open_log(const char *path) { return open(path, O_WRONLY | O_APPEND); }
void close_log(int fd) { close(fd); }
"""


def t_ctu_fd_across_units(env):
    env.write("fd_a.c", CTU_FD_A)
    env.write("fd_b.c", CTU_FD_B)
    env.db("ctu_fd.json", [env.entry("fd_a.c"), env.entry("fd_b.c")])
    env.clang_checkers = False  # iosafe's findings only (the default gate)
    r = env.run("-p", "ctu_fd.json")
    expect_rc(r, 0)  # open_log and close_log are opaque: handed on
    r = env.run("-p", "ctu_fd.json", "--ctu")
    expect_rc(r, 1)
    got = sorted((w[0], w[3].split(":")[0], w[4]) for w in warnings(r))
    # The second close happens in fd_b.c's close_log, called from fd_a.c.
    want = [("fd_a.c", "fd leak", "iosafe.PosixFd"),
            ("fd_b.c", "double close", "iosafe.PosixFd")]
    check(got == want, "--ctu fd findings %r, expected %r" % (got, want))


def t_ctu_relative_paths(env):
    # Relative "file" entries (as meson writes them), the driver run from
    # another directory: the CTU AST files must still be found.
    env.write("rel/src/ctu_a.c", CTU_A)
    env.write("rel/src/ctu_b.c", CTU_B)
    build = os.path.join(env.tmp, "rel", "build")
    os.makedirs(build, exist_ok=True)
    entries = []
    for name in ("ctu_a.c", "ctu_b.c"):
        rel = os.path.join("..", "src", name)
        entries.append({"directory": build, "file": rel,
                        "arguments": ["cc", "-std=c11", "-c", rel, "-o", name + ".o"]})
    env.db("rel/build/compile_commands.json", entries)
    r = env.run("-p", build, "--ctu", cwd="/")
    expect_rc(r, 1)
    check(summary(r)[3] == 0, "errors with relative paths:\n" + r.stdout + r.stderr)
    w = warnings(r)
    check(len(w) == 1 and w[0][4] == "unix.Malloc",
          "--ctu with relative paths did not follow the call: %r" % w)


def t_ctu_collection_failure(env):
    # No clang-extdef-mapping: --ctu must fail loudly (exit 2, the unit
    # named), not fall back to a one-unit analysis.
    real = llvm_bindir_of_driver()
    fake = os.path.join(env.tmp, "llvm-no-extdef", "bin")
    os.makedirs(fake, exist_ok=True)
    for name in os.listdir(real):
        if name != "clang-extdef-mapping":
            os.symlink(os.path.join(real, name), os.path.join(fake, name))
    os.symlink(os.path.join(os.path.dirname(real), "lib"),
               os.path.join(os.path.dirname(fake), "lib"))
    env.write("ctu_a.c", CTU_A)
    env.write("ctu_b.c", CTU_B)
    env.db("ctu.json", [env.entry("ctu_a.c"), env.entry("ctu_b.c")])
    old = os.environ.get("IOSAFE_LLVM_BINDIR")
    os.environ["IOSAFE_LLVM_BINDIR"] = fake
    try:
        r = env.run("-p", "ctu.json", "--ctu")
    finally:
        if old is None:
            del os.environ["IOSAFE_LLVM_BINDIR"]
        else:
            os.environ["IOSAFE_LLVM_BINDIR"] = old
    expect_rc(r, 2)
    check(any("CTU collection" in l and "clang-extdef-mapping" in l
              for l in (r.stdout + r.stderr).splitlines()),
          "the missing clang-extdef-mapping is not named:\n" + r.stdout + r.stderr)


def llvm_bindir_of_driver():
    r = subprocess.run(["llvm-config-19", "--bindir"], capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else "/usr/lib/llvm-19/bin"


CTU_WARN = """#include <stdio.h>
void closer(int data)
{
	fclose((FILE *)data);
}
"""


def t_ctu_extdef_warnings(env):
    # A unit whose CTU mapping step prints a compiler warning
    # (-Wint-to-pointer-cast): the warning is not a line of the map, and
    # every unit still gets CTU.
    env.write("ctu_a.c", CTU_A)
    env.write("ctu_b.c", CTU_B)
    env.write("warn.c", CTU_WARN)
    env.db("ctu.json", [env.entry("ctu_a.c"), env.entry("ctu_b.c"), env.entry("warn.c")])
    r = env.run("-p", "ctu.json", "--ctu")
    expect_rc(r, 1)
    check(counts(r)[6] == 0, "errors:\n" + r.stdout + r.stderr)
    w = warnings(r)
    check(len(w) == 1 and w[0][0] == "ctu_a.c" and w[0][4] == "unix.Malloc",
          "--ctu did not follow the call: %r" % w)
    # A unit whose mapping fails is reported; the others still get CTU.
    env.write("broken.c", BROKEN_C)
    env.db("ctu2.json", [env.entry("ctu_a.c"), env.entry("ctu_b.c"), env.entry("warn.c"),
                         env.entry("broken.c")])
    r = env.run("-p", "ctu2.json", "--ctu")
    expect_rc(r, 2)
    check(any(l.startswith("broken.c: error: CTU collection") for l in r.lines), r.stdout)
    check(any(w[0] == "ctu_a.c" for w in warnings(r)), "the others lost CTU: %r" % warnings(r))
    check(counts(r)[4] == 1, "summary %r" % (counts(r),))


TESTS = [
    ("--ctu follows calls into other units", t_ctu, False),
    ("--ctu with relative paths, run from another directory", t_ctu_relative_paths, False),
    ("--ctu: an fd opened and closed in another unit", t_ctu_fd_across_units, True),
    ("--ctu: a failed collection step is an error", t_ctu_collection_failure, False),
    ("--ctu: warnings of the mapping step; a failed mapping", t_ctu_extdef_warnings, False),
]

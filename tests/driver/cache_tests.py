# SPDX-License-Identifier: MIT
"""tests/driver/cache_tests.py: the probe cache (iosafe_check/cache.py) and
the installed bytecode.  The probe is seen through a clang wrapper
(IOSAFE_CLANG) that logs each command line, then runs the real clang: a
run that used the cache starts no `-analyzer-checker-help`."""

import hashlib
import importlib.util
import json
import marshal
import os
import shutil
import stat
import subprocess
import sys

from driverlib import LEAK_C, ROOT, Failed, check, expect_rc, real_clang

MAGIC = b"iosafe-pyc-1\n" + importlib.util.MAGIC_NUMBER

CACHE_FILE = os.path.join("iosafe", "probes-v1.json")


def _setup(env):
    """(environment, log path, cache file path) of a run with its own cache
    directory and the logging clang wrapper."""
    log = os.path.join(env.tmp, "clang.log")
    wrapper = env.write("bin/clang", "#!/bin/sh\nprintf '%%s\\n' \"$*\" >> '%s'\nexec '%s' \"$@\"\n"
                        % (log, real_clang()))
    os.chmod(wrapper, 0o755)
    xdg = os.path.join(env.tmp, "xdg")
    environ = {"IOSAFE_CLANG": wrapper, "XDG_CACHE_HOME": xdg}
    env.write("leak.c", LEAK_C)
    return environ, log, os.path.join(xdg, CACHE_FILE)


def _probes(log):
    """How many checker-list probes the wrapper has seen; empties the log."""
    try:
        with open(log) as f:
            n = sum(1 for line in f if "-analyzer-checker-help" in line)
    except FileNotFoundError:
        n = 0
    open(log, "w").close()
    return n


def _run(env, environ, plugin=None):
    args = (["--plugin", plugin] if plugin else []) + ["leak.c", "--", "-std=c11"]
    return env.run(*args, env=environ)


def t_cache_used(env):
    environ, log, cfile = _setup(env)
    r = _run(env, environ)
    expect_rc(r, 1)
    check(_probes(log) == 1, "the first run did not probe the plugin once")
    check(os.path.isfile(cfile), "no cache file written")
    check(stat.S_IMODE(os.stat(cfile).st_mode) == 0o600 and
          stat.S_IMODE(os.stat(os.path.dirname(cfile)).st_mode) == 0o700,
          "the cache is readable by others")
    first = r.stdout
    r = _run(env, environ)
    expect_rc(r, 1)
    check(_probes(log) == 0, "the second run probed again: the cache was not used")
    check(r.stdout == first, "a cached run reports otherwise:\n%s\n---\n%s" % (first, r.stdout))
    r = _run(env, dict(environ, IOSAFE_NO_CACHE="1"))
    expect_rc(r, 1)
    check(_probes(log) == 1, "IOSAFE_NO_CACHE=1 did not probe")
    return "first run probes and writes it (0600), second starts no probe"


def t_cache_stale_plugin(env):
    environ, log, cfile = _setup(env)
    plugin = os.path.join(env.tmp, "p", "iosafe-plugin.so")
    os.makedirs(os.path.dirname(plugin))
    shutil.copy2(env.plugin, plugin)
    expect_rc(_run(env, environ, plugin), 1)
    check(_probes(log) == 1, "not probed")
    # The plugin replaced by a file that is no plugin: the cached answer is
    # for another file (size, inode, mtime), so it is asked again and fails.
    os.unlink(plugin)
    with open(plugin, "wb") as f:
        f.write(b"not a shared object\n")
    r = _run(env, environ, plugin)
    expect_rc(r, 2)
    check(_probes(log) == 1, "the changed plugin was not probed again")
    check("does not register iosafe.Ownership" in r.stderr or "does not load" in r.stderr,
          "stderr: " + r.stderr)
    # Rebuilt in place (same path, same size, a new mtime): asked again.
    os.unlink(plugin)
    shutil.copy(env.plugin, plugin)
    expect_rc(_run(env, environ, plugin), 1)
    check(_probes(log) == 1, "the rebuilt plugin was not probed again")
    os.utime(plugin, ns=(0, 0))
    expect_rc(_run(env, environ, plugin), 1)
    check(_probes(log) == 1, "a touched plugin was not probed again")
    expect_rc(_run(env, environ, plugin), 1)
    check(_probes(log) == 0, "an unchanged plugin was probed again")
    return "replaced, rebuilt and touched plugins probed again"


def t_cache_corrupt(env):
    environ, log, cfile = _setup(env)
    expect_rc(_run(env, environ), 1)
    check(_probes(log) == 1, "not probed")
    good = json.load(open(cfile))
    (key,) = good["entries"]
    bad = [b"", b"\0\xff garbage", b"{", b"[]", b'{"version": 2, "entries": {}}',
           json.dumps({"version": 1, "entries": []}).encode(),
           b"[" * 100000 + b"]" * 100000,
           b" " * (2 << 20) + json.dumps(good).encode()]
    # The right key with answers the probe would never give.
    for value in ([], ["iosafe.PosixFd"], ["iosafe.Ownership; rm -rf /"], "iosafe.Ownership",
                  [1, 2], {"iosafe.Ownership": 1}):
        bad.append(json.dumps({"version": 1, "entries": {key: value}}).encode())
    for content in bad:
        with open(cfile, "wb") as f:
            f.write(content)
        r = _run(env, environ)
        expect_rc(r, 1)
        check(_probes(log) == 1, "a corrupt cache was used: %r" % content[:60])
        check(json.load(open(cfile)) == good, "the corrupt cache was not rewritten")
    # A cache directory others may write to is not used at all.
    os.chmod(os.path.dirname(cfile), 0o777)
    try:
        expect_rc(_run(env, environ), 1)
        check(_probes(log) == 1, "a group/world-writable cache directory was used")
    finally:
        os.chmod(os.path.dirname(cfile), 0o700)
    # A cache file that is a symbolic link is not read.
    os.rename(cfile, cfile + ".real")
    os.symlink(cfile + ".real", cfile)
    expect_rc(_run(env, environ), 1)
    check(_probes(log) == 1, "a symbolic link was read as the cache")
    # An unwritable cache location: the run goes on without one.
    environ["XDG_CACHE_HOME"] = os.path.join(env.write("a-file", ""), "below")
    expect_rc(_run(env, environ), 1)
    return "%d corrupt or hostile caches ignored and rewritten" % len(bad)


def t_cache_concurrent(env):
    environ, log, cfile = _setup(env)
    procs = [subprocess.Popen([sys.executable, env.driver, "--plugin",
                               env.plugin, "--clang-checkers", "leak.c", "--", "-std=c11"],
                              cwd=env.tmp, env=dict(os.environ, **environ),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for _ in range(6)]
    codes = [p.wait(timeout=600) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    check(codes == [1] * 6, "exit statuses %r" % codes)
    doc = json.load(open(cfile))
    check(len(doc["entries"]) == 1, "entries: %r" % doc)
    left = [n for d, _, fs in os.walk(os.path.dirname(cfile)) for n in fs if n.startswith(".")]
    check(not left, "temporary files left: %r" % left)
    _probes(log)
    expect_rc(_run(env, environ), 1)
    check(_probes(log) == 0, "the cache written concurrently is not used")
    return "6 runs at once: one complete cache, no temporary file left"


PKG = os.path.join(ROOT, "analyzer-plugin", "driver")
DEMO = """import sys
sys.dont_write_bytecode = True
sys.path[:0] = [%r, %r]
from iosafe_check import cache
cache.cache_bytecode_of(("demo_pkg",))
import demo_pkg.mod
print(demo_pkg.mod.VALUE)
"""


def t_bytecode_cache(env):
    lib = os.path.join(env.tmp, "lib")
    env.write("lib/demo_pkg/__init__.py", "")
    mod = env.write("lib/demo_pkg/mod.py", "VALUE = 1\n")
    script = env.write("demo.py", DEMO % (PKG, lib))
    xdg = os.path.join(env.tmp, "xdg")
    pycdir = os.path.join(xdg, "iosafe", "bytecode", sys.implementation.cache_tag)
    environ = dict(os.environ, XDG_CACHE_HOME=xdg)
    environ.pop("IOSAFE_NO_CACHE", None)

    def value():
        r = subprocess.run([sys.executable, script], capture_output=True, text=True,
                           env=environ)
        check(r.returncode == 0, "the import failed: " + r.stderr)
        return r.stdout.strip()

    def pyc_of_mod():
        for name in os.listdir(pycdir):
            with open(os.path.join(pycdir, name), "rb") as f:
                data = f.read()
            if hashlib.sha256(open(mod, "rb").read()).digest() in data[:80]:
                return os.path.join(pycdir, name), data
        raise Failed("no bytecode file for mod.py in %r" % os.listdir(pycdir))

    def forge(body):  # a file in the cache's format for mod.py's current text
        src = open(mod, "rb").read()
        return (MAGIC + hashlib.sha256(src).digest() + hashlib.sha256(body).digest() + body)

    check(value() == "1", "first import")
    check(len(os.listdir(pycdir)) == 2, "bytecode files: %r" % os.listdir(pycdir))
    check(not os.path.exists(os.path.join(lib, "demo_pkg", "__pycache__")),
          "a __pycache__ was written beside the sources")
    path, good = pyc_of_mod()
    # The cached code is what runs: code for another text, given the
    # current source's hash, is used (the cache is trusted as its own
    # directory is, no more).
    with open(path, "wb") as f:
        f.write(forge(marshal.dumps(compile("VALUE = 42\n", mod, "exec"))))
    check(value() == "42", "the cached bytecode was not used")
    # Stale: the source changed, same size and mtime: compiled again.
    st = os.stat(mod)
    with open(mod, "w") as f:
        f.write("VALUE = 2\n")
    os.utime(mod, ns=(st.st_atime_ns, st.st_mtime_ns))
    check(value() == "2", "a stale cache was used after the source changed")
    path, good = pyc_of_mod()
    n = len(MAGIC)
    corrupt = [b"", good[:n + 10], b"x" * len(good),
               good[:-1] + bytes([good[-1] ^ 1]),            # the body changed
               forge(b"not marshal data"), forge(marshal.dumps(5)),
               forge(marshal.dumps(compile("VALUE = 3\n", "/elsewhere.py", "exec")))]
    for data in corrupt:
        with open(path, "wb") as f:
            f.write(data)
        check(value() == "2", "a corrupt cache changed the import: %r" % data[:40])
        check(open(path, "rb").read() == good, "the corrupt file was not rewritten")
    # Not our directory (writable by others): neither read nor written.
    os.chmod(pycdir, 0o777)
    with open(path, "wb") as f:
        f.write(forge(marshal.dumps(compile("VALUE = 42\n", mod, "exec"))))
    check(value() == "2", "a world-writable cache directory was read")
    os.chmod(pycdir, 0o700)
    return "used, stale after a same-size same-mtime edit, %d corrupt files ignored" % len(corrupt)


def t_driver_bytecode_corrupt(env):
    environ, log, cfile = _setup(env)
    expect_rc(_run(env, environ), 1)
    pycdir = os.path.join(os.path.dirname(cfile), "bytecode", sys.implementation.cache_tag)
    names = os.listdir(pycdir)
    check(len(names) >= 5, "libscanbuild's bytecode is not cached: %r" % names)
    first = _run(env, environ)
    for name in names:
        with open(os.path.join(pycdir, name), "r+b") as f:
            f.seek(60)
            f.write(b"\xff" * 8)
    r = _run(env, environ)
    expect_rc(r, 1)
    check(r.stdout == first.stdout, "a run with a corrupt bytecode cache reports otherwise")
    return "%d modules of libscanbuild cached; all corrupted: the run is the same" % len(names)


def t_installed_bytecode(env):
    dest = os.path.join(env.tmp, "dest")
    make = ["make", "--no-print-directory", "-C", ROOT, "DESTDIR=" + dest,
            "prefix=/opt/iosafe-pyc-test"]
    r = subprocess.run(make + ["install-driver"], capture_output=True, text=True)
    check(r.returncode == 0, "make install-driver failed:\n" + r.stdout + r.stderr)
    pkg = os.path.join(dest, "opt/iosafe-pyc-test/share/iosafe/python/iosafe_check")
    mods = sorted(n[:-3] for n in os.listdir(pkg) if n.endswith(".py"))
    pycs = os.listdir(os.path.join(pkg, "__pycache__"))
    check(all(any(p.startswith(m + ".") for p in pycs) for m in mods),
          "modules without bytecode: %r / %r" % (mods, pycs))
    r = subprocess.run(make + ["uninstall-driver"], capture_output=True, text=True)
    check(r.returncode == 0, "make uninstall-driver failed:\n" + r.stdout + r.stderr)
    left = [os.path.join(d, f) for d, _, fs in os.walk(dest) for f in fs]
    check(not left, "uninstall left %r" % left)
    return "%d modules installed with their bytecode, all removed by uninstall" % len(mods)


TESTS = [
    ("probe cache: used by the next run, IOSAFE_NO_CACHE=1", t_cache_used, True),
    ("probe cache: stale after the plugin changes", t_cache_stale_plugin, True),
    ("probe cache: corrupt or hostile caches ignored", t_cache_corrupt, True),
    ("probe cache: concurrent runs", t_cache_concurrent, True),
    ("bytecode cache: used, stale, corrupt, foreign directory", t_bytecode_cache, False),
    ("bytecode cache: the driver's run with libscanbuild's bytecode corrupted",
     t_driver_bytecode_corrupt, True),
    ("install: the package's bytecode installed and uninstalled", t_installed_bytecode, False),
]

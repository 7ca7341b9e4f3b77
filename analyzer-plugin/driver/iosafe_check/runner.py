# SPDX-License-Identifier: MIT
"""Running one unit through Clang's scan-build-py (libscanbuild, package
clang-tools-19): analyze.run() turns a database entry into the
`clang --analyze` command (flag filtering, language, architecture, the two
CTU phases).  What iosafe-check changes in it, and why:

- every process libscanbuild starts goes through run_command() here: its own
  process group (so a timeout or a signal kills clang and its -cc1 child
  together), the unit's deadline (--timeout), output decoded keeping bytes
  that are not UTF-8, and for clang-extdef-mapping stdout apart from stderr
  (its warnings are not lines of the map);
- the exception libscanbuild logs and swallows for a unit it could not run
  is kept and reported with the unit;
- the front-end command from `clang -###` is asked once per flag set, and
  its -w becomes -Wno-everything, and so is the target triple --ctu asks
  for (see _install_argument_cache);
- a failed CTU collection step is an error, not a silent success.
"""

import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

from . import cache as probe_cache
from .database import DbError

_tls = threading.local()
# Re-entrant: stop_all runs in a signal handler, which may interrupt the
# main thread while it holds the lock (a probe's run_raw).
_procs, _procs_lock = set(), threading.RLock()
_stopping = threading.Event()
EXTDEF_MAP = "clang-extdef-mapping"


class Stopped(Exception):
    """The run is being stopped (a signal): start no more processes."""


class TimedOut(Exception):
    pass


def _decode(data):
    return data.decode("utf-8", errors="surrogateescape").splitlines()


def run_command(command, cwd=None):
    """libscanbuild.run_command with a process group, a deadline and a
    registry for stop_all(): the output lines of the command (stdout and
    stderr merged, but for clang-extdef-mapping, whose stdout alone is
    returned); subprocess.CalledProcessError when it exits non-zero."""
    return _decode(run_raw(command, cwd))


def run_raw(command, cwd=None):
    """run_command's output as bytes."""
    if _stopping.is_set():
        raise Stopped()
    directory = os.path.abspath(cwd) if cwd else os.getcwd()
    apart = os.path.basename(str(command[0])) == EXTDEF_MAP
    proc = subprocess.Popen(command, cwd=directory, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE if apart else subprocess.STDOUT,
                            start_new_session=True)
    with _procs_lock:
        _procs.add(proc)
        # A stop that came after the check above, while the process was
        # being started, did not see it: it is killed here.
        if _stopping.is_set():
            _kill(proc)
    try:
        deadline = getattr(_tls, "deadline", None)
        timeout = None if deadline is None else max(0.01, deadline - time.monotonic())
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            proc.communicate()
            _tls.timed_out = True
            raise TimedOut()
    finally:
        with _procs_lock:
            _procs.discard(proc)
    if _stopping.is_set():
        raise Stopped()
    if proc.returncode != 0:
        lines = _decode(out) + (_decode(err) if apart and err else [])
        raise subprocess.CalledProcessError(proc.returncode, command, lines)
    return out


def _kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def stop_all():
    """Starts no more processes and kills the process group of every one
    running (a signal stopped the run)."""
    _stopping.set()
    with _procs_lock:
        procs = list(_procs)
    for p in procs:
        _kill(p)


class _KeepErrors(logging.Handler):
    """libscanbuild logs a traceback for a unit it could not run (and
    returns None): the exception's text is kept for that unit's message."""

    def emit(self, record):
        if record.levelno >= logging.ERROR and record.exc_info and record.exc_info[1]:
            e = record.exc_info[1]
            if not isinstance(e, (TimedOut, Stopped)):
                _tls.exception = "%s: %s" % (type(e).__name__, e)


def import_scanbuild(bindir):
    libdir = os.path.join(os.path.dirname(bindir), "lib")
    if libdir not in sys.path:
        sys.path.insert(0, libdir)
    # Its sources come without bytecode, in a directory Python cannot write.
    probe_cache.cache_bytecode_of(("libscanbuild", "libear"))
    try:
        import libscanbuild
        import libscanbuild.analyze as analyze
        import libscanbuild.clang
        import libscanbuild.compilation  # noqa: F401
        import libscanbuild.shell  # noqa: F401
        from libscanbuild import CtuConfig  # noqa: F401
    except ImportError as e:
        raise DbError("cannot load scan-build-py (libscanbuild) from %s: %s "
                      "(install clang-tools-19)" % (libdir, e))
    root = logging.getLogger()
    root.addHandler(_KeepErrors())
    root.setLevel(logging.ERROR)
    # Both modules call the name they imported; replacing it there takes effect.
    libscanbuild.run_command = run_command
    libscanbuild.clang.run_command = run_command
    analyze.run_command = run_command
    _install_argument_cache(analyze)
    _install_ctu_collect(analyze)
    return libscanbuild


def _install_argument_cache(analyze):
    # `clang --analyze` adds -w to the front-end command, and -w silences
    # every warning, even one that -Werror= made an error (Clang's
    # DiagnosticIDs::getDiagnosticSeverity: "-w ... disregarding attempts to
    # upgrade severities from Warning to Error").  So in the front-end command
    # libscanbuild derives with `clang -###`, -w becomes -Wno-everything: still
    # no warnings, but the -Werror= flags, which come after it, are honoured.
    #
    # And libscanbuild asks `clang -###` for the front-end command of every
    # unit: one more clang process per unit (32 ms of CPU each, measured by
    # bench-analysis; a small unit's analysis takes 50 ms).  Units compiled
    # with the same flags in the same directory get the same command but for
    # the source file and the output file, so it is asked once per flag set
    # and the three tokens that name the file are replaced: the input, the
    # output and the -main-file-name argument.  The command is
    # [clang, --analyze, ..., FILE, -o, OUTPUT] (analyze.run_analyzer).
    import libscanbuild.clang as sbclang

    def original(command, cwd):
        return front_end_command(command, cwd, sbclang.ClangErrorException)
    cache, lock = {}, threading.Lock()

    def fix(args):
        return ["-Wno-everything" if a == "-w" else a for a in args]

    def get_arguments(command, cwd):
        if len(command) < 4 or command[-2] != "-o":
            return fix(original(command, cwd))
        src, out = command[-3], command[-1]
        key = (cwd, tuple(command[:-3]))
        with lock:
            hit = cache.get(key)
        if hit is None:
            hit = (src, out, fix(original(command, cwd)))
            with lock:
                cache[key] = hit
        if hit[0] == src and hit[1] == out:
            return list(hit[2])
        old_src, old_out, args = hit
        new = []
        for i, a in enumerate(args):
            if a == old_src:
                a = src
            elif a == old_out:
                a = out
            elif i > 0 and args[i - 1] == "-main-file-name":
                a = os.path.basename(src)
            new.append(a)
        return new
    analyze.get_arguments = get_arguments
    sbclang.get_arguments = get_arguments

    # --ctu: both phases ask the target triple of every unit from its
    # command without an output ([clang, --analyze, ..., FILE]:
    # analyze.ctu_collect_phase and dispatch_ctu), one `clang -###` each,
    # two per unit (10 ms of CPU each, bench-analysis).  The triple depends
    # on the flags, not on the source file, so it is asked once per flag set
    # (and file suffix, which names the language).
    triples = {}
    get_triple = sbclang.get_triple_arch

    def get_triple_arch(command, cwd):
        if len(command) < 3:
            return get_triple(command, cwd)
        key = (cwd, tuple(command[:-1]), os.path.splitext(command[-1])[1])
        with lock:
            hit = triples.get(key)
        if hit is None:
            hit = get_triple(command, cwd)
            with lock:
                triples[key] = hit
        return hit
    analyze.get_triple_arch = get_triple_arch
    sbclang.get_triple_arch = get_triple_arch


def front_end_command(command, cwd, error_class):
    """The front-end (-cc1) command `clang -###` prints for command: as
    libscanbuild.clang.get_arguments, which takes the last line of the
    output, but read whole, so that a file or directory name holding a
    newline does not cut the command.  Clang prints each job on one line,
    every argument in double quotes with ", \ and $ escaped by a backslash
    (clang/lib/Driver/Job.cpp, Command::printArg)."""
    cmd = list(command)
    cmd.insert(1, "-###")
    cmd.append("-fno-color-diagnostics")
    text = run_raw(cmd, cwd=cwd).decode("utf-8", errors="surrogateescape")
    jobs, cur, i, n = [], [], 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j, tok = i + 1, []
            while j < n and text[j] != '"':
                if text[j] == "\\" and j + 1 < n:
                    j += 1
                tok.append(text[j])
                j += 1
            cur.append("".join(tok))
            i = j + 1
        elif c == "\n":
            if cur:
                jobs.append(cur)
                cur = []
            i += 1
        elif c in " \t":
            i += 1
        else:  # a line of clang's own (version, Target:, an error)
            j = text.find("\n", i)
            line = text[i:] if j < 0 else text[i:j]
            if re.match(r"clang(.*): error:", line):
                raise error_class(line)
            i = n if j < 0 else j
    if cur:
        jobs.append(cur)
    if not jobs:
        raise error_class("clang -### printed no command")
    return jobs[-1]


def _install_ctu_collect(analyze):
    # The CTU collection step (clang -emit-ast, then clang-extdef-mapping)
    # returns nothing on success, and analyze.run() turns its exceptions into
    # a log line and None, which would look like a success: --ctu would then
    # analyse without that unit's definitions, silently.  Its failure becomes
    # an error result, as a failed analysis is.  (dispatch_ctu looks the
    # function up by name at call time, so replacing it here takes effect.)
    collect = analyze.ctu_collect_phase

    def ctu_collect_phase(opts):
        try:
            collect(opts)
        except subprocess.CalledProcessError as e:
            out = e.output if isinstance(e.output, list) else []
            return {"error": "%s failed (exit %d)" %
                    (os.path.basename(str(e.cmd[0])), e.returncode), "output": out}
        except OSError as e:
            return {"error": "%s: %s" % (e.filename or "CTU collection", e.strerror),
                    "output": []}
        except (TimedOut, Stopped):
            raise
        except Exception as e:  # e.g. a map line extdef_map_list_src_to_ast cannot split
            return {"error": "%s: %s" % (type(e).__name__, e), "output": []}
        return None
    analyze.ctu_collect_phase = ctu_collect_phase


CLANG_MAJOR = 19


def find_clang(clang):
    """DbError when clang names no program that can run (shutil.which: a
    path, or a name found in PATH)."""
    if shutil.which(clang) is None:
        raise DbError("clang %s cannot run: %s (IOSAFE_CLANG or IOSAFE_LLVM_BINDIR names the "
                      "clang %d to use)" % (clang, "not an executable file" if os.path.exists(clang)
                                            else "No such file or directory", CLANG_MAJOR))


def check_clang(clang):
    """(major, version line) of `clang --version`; DbError naming what was
    found when it cannot run or is not Clang 19 (the plugin's)."""
    try:
        r = subprocess.run([clang, "--version"], capture_output=True, stdin=subprocess.DEVNULL,
                           timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        raise DbError("clang %s cannot run: %s (IOSAFE_CLANG or IOSAFE_LLVM_BINDIR names the "
                      "clang %d to use)" % (clang, getattr(e, "strerror", None) or e, CLANG_MAJOR))
    text = r.stdout.decode("utf-8", "replace")
    m = re.search(r"clang version (\d+)[.\d]*", text)
    if r.returncode != 0 or not m:
        raise DbError("%s is not a clang: `%s --version` gave exit %d and %r" %
                      (clang, clang, r.returncode, text.strip()[:200]))
    if int(m.group(1)) != CLANG_MAJOR:
        raise DbError("%s is %s; the iosafe plugin is built for Clang %d (set IOSAFE_CLANG or "
                      "IOSAFE_LLVM_BINDIR)" % (clang, m.group(0), CLANG_MAJOR))
    return int(m.group(1)), m.group(0)


def registered_checkers(clang, plugin):
    """The iosafe checkers the plugin registers, from Clang's checker list;
    kept in the probe cache (iosafe_check/cache.py) keyed by both files, so
    that a run whose clang and plugin did not change starts no process."""
    files = [shutil.which(clang) or clang, plugin]
    names = probe_cache.get_checkers(files)
    # Only an answer the run can go on with is taken from the cache: one
    # that would stop it (no iosafe.Ownership) is asked again.
    if names is None or "iosafe.Ownership" not in names:
        names = _ask_checkers(clang, plugin)
        if names:
            probe_cache.put_checkers(files, names)
    return names


def _ask_checkers(clang, plugin):
    cmd = [clang, "-cc1", "-load", plugin, "-analyzer-checker-help"]
    try:
        r = subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL, timeout=120)
    except (OSError, subprocess.SubprocessError) as e:
        raise DbError("%s: cannot run: %s" % (clang, getattr(e, "strerror", None) or e))
    out, err = (x.decode("utf-8", "surrogateescape") for x in (r.stdout, r.stderr))
    if r.returncode != 0:
        raise DbError("%s: the plugin does not load: %s" %
                      (plugin, " ".join((err or out).strip().splitlines()[-1:])))
    names = set()
    for line in out.splitlines():
        word = line.strip().split(" ")[0]
        if word.startswith("iosafe."):
            names.add(word)
    return names


def run_unit(sb, unit, consts, outdir, ctu, timeout):
    """Analyse one unit with libscanbuild.analyze.run; None when it ran
    cleanly, else (what happened, output lines)."""
    _tls.deadline = time.monotonic() + timeout if timeout else None
    _tls.timed_out = False
    _tls.exception = None
    collect = ctu.collect
    try:
        os.makedirs(outdir, exist_ok=True)
        opts = dict(consts)
        # The absolute path: libscanbuild names a unit's CTU AST file after
        # "file" as resolved from the driver's working directory, while
        # clang-extdef-mapping records the real path; a relative "file"
        # (meson writes "../src/x.c") would name an AST file that does not
        # exist.
        opts.update({"command": list(unit["command"]), "directory": unit["directory"],
                     "file": unit["path"], "output_dir": outdir,
                     "direct_args": list(consts["direct_args"]), "ctu": ctu})
        res = sb.analyze.run(opts)
    except Stopped:
        return ("stopped by a signal", [])
    except TimedOut:
        res = None
    except Exception as e:  # libscanbuild logs and swallows most; be sure
        return ("analysis failed: %s: %s" % (type(e).__name__, e), [])
    finally:
        _tls.deadline = None
    if _tls.timed_out:
        return ("timed out after %g s (--timeout): its clang processes were killed" % timeout,
                [])
    if _stopping.is_set():
        return ("stopped by a signal", [])
    if res is None:
        if _tls.exception:
            return ("was not analysed: %s" % _tls.exception, [])
        if collect:
            return None
        return ("was not analysed: libscanbuild skipped it without saying why", [])
    return classify(res)


def classify(res):
    """None when the unit ran cleanly, else (kind, output lines)."""
    if "error" in res:
        return (res["error"], res.get("output", []))
    out = res.get("error_output", [])
    code = res.get("exit_code", 0)
    if isinstance(out, str):  # ClangErrorException from `clang -###`
        return ("the compiler driver rejected the command", [out])
    text = "\n".join(out)
    if code < 0 or "PLEASE submit a bug report" in text or "Stack dump:" in text:
        return ("the analyzer crashed (exit %d)" % code, out)
    if code != 0:
        return ("failed to compile (exit %d)" % code, out)
    if any(" error: " in l or l.startswith("error: ") for l in out):
        return ("failed to compile", out)
    return None

# SPDX-License-Identifier: MIT
"""iosafe-check: run the iosafe checkers of the Clang Static Analyzer over a
project's translation units and report what they find.

    iosafe-check [--sarif FILE] [--html DIR] [-j N] [--timeout SECONDS]
                 [--exclude GLOB]... [--no-posix] [--ctu] [--clang-checkers]
                 [--trust-db] [--verbose]
                 (-p BUILD_DIR_OR_compile_commands.json | FILE.c... [-- COMPILER_ARGS...])

Only the findings of iosafe's bug types are reported and counted by
default; --clang-checkers adds those of Clang's own checkers (unix.Malloc,
core.NullDereference, ...), which then also make the exit status 1.
--iosafe-only, the default's old name, is accepted and does nothing.

Exit status, whatever happens: 0 clean, 1 findings, 2 errors.  An error is
a bad argument or output path, a missing or malformed compilation database,
a unit that was not analysed (a malformed entry, a command that does not
parse, a compiler or language that cannot be told, a unit that does not
compile, crashes the analyzer or runs past --timeout), a run stopped by
SIGTERM or SIGINT, and any failure of the driver itself ("internal error",
the traceback with --verbose).  Each is reported with its unit or option,
and the other units are still analysed and reported.

How it works: analyzer-plugin/driver/README.md.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import shutil
import signal
import sys
import tempfile
import traceback

from . import PROG, database, output, policy, rules, runner
from .database import DbError
from .output import OutputError, OutputFile
from .policy import PolicyError
from .progress import Progress
from .sarif import Merger, loc_of
from .text import show_path, shown, shown_line

OWNERSHIP = "iosafe.Ownership"
POSIXFD = "iosafe.PosixFd"
# Windows handles and sockets; it reports only on code that calls the Win32
# and Winsock functions of its table (analyzer-plugin/WinModel.cpp).
WINHANDLE = "iosafe.WinHandle"
# A misplaced iosafe annotation is dropped by Clang with -Wignored-attributes:
# make it an error (see include/iosafe/annotations.h).
ERROR_FLAGS = ["-Werror=ignored-attributes"]
DEFAULT_TIMEOUT = 600
USAGE = ("%(prog)s [--sarif FILE] [--html DIR] [-j N] [--timeout SECONDS] [--exclude GLOB]... "
         "[--no-posix] [--ctu] [--clang-checkers] [--trust-db] [--verbose] "
         "(-p BUILD_DIR_OR_compile_commands.json | FILE.c... [-- COMPILER_ARGS...])")


class Config:
    """The paths written into the command at build or install time."""

    def __init__(self, plugin, include_dir, llvm_bindir, version):
        self.plugin, self.include_dir = plugin, include_dir
        self.llvm_bindir, self.version = llvm_bindir, version


class UsageError(Exception):
    pass


def err(msg):
    print("%s: error: %s" % (PROG, shown_line(msg)), file=sys.stderr)


def llvm_bindir(config):
    env = os.environ.get("IOSAFE_LLVM_BINDIR")
    if env:
        return env
    if config.llvm_bindir:
        return config.llvm_bindir
    import subprocess
    try:
        out = subprocess.run(["llvm-config-19", "--bindir"], capture_output=True,
                             text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "/usr/lib/llvm-19/bin"


def parse_args(argv, config):
    compiler_args = []
    if "--" in argv:
        i = argv.index("--")
        argv, compiler_args = argv[:i], argv[i + 1:]

    class Parser(argparse.ArgumentParser):
        def error(self, message):
            raise UsageError(message)

    p = Parser(prog=PROG, description="Check file-descriptor ownership with "
               "the iosafe Clang Static Analyzer checkers.", usage=USAGE)
    p.add_argument("-p", dest="build_path", metavar="BUILD_DIR_OR_JSON",
                   help="a directory holding compile_commands.json, or the file itself")
    p.add_argument("--sarif", metavar="FILE", help="write one SARIF 2.1.0 file for the whole run")
    p.add_argument("--html", metavar="DIR", help="write an HTML report (index.html) in DIR")
    p.add_argument("-j", dest="jobs", metavar="N", type=int, default=None,
                   help="translation units analysed at once (default: the number of CPUs)")
    p.add_argument("--timeout", metavar="SECONDS", type=float, default=DEFAULT_TIMEOUT,
                   help="seconds one unit may take (each CTU phase apart); past it its "
                   "clang processes are killed and the unit is an error (default: %d; "
                   "0: no limit)" % DEFAULT_TIMEOUT)
    p.add_argument("--exclude", metavar="GLOB", action="append", default=[],
                   help="leave out the units whose path matches GLOB (fnmatch; `*` also "
                   "matches `/`); they are counted as skipped, not as errors")
    p.add_argument("--no-posix", action="store_true",
                   help="turn off %s (the model of unannotated POSIX fd calls)" % POSIXFD)
    p.add_argument("--ctu", action="store_true",
                   help="cross-translation-unit analysis over the whole compilation database")
    p.add_argument("--clang-checkers", action="store_true",
                   help="also report the findings of Clang's own checkers (unix.Malloc, "
                   "core.*, ...); they then count for the exit status (1) as iosafe's do. "
                   "By default they run (their models shape the paths) but only iosafe's "
                   "bug types are reported")
    p.add_argument("--config", metavar="FILE",
                   help="the configuration file (default: %s in the current directory, "
                   "when there); see analyzer-plugin/driver/README.md" % policy.CONFIG_NAME)
    p.add_argument("--disable", metavar="BUG_TYPE", action="append", default=[],
                   help="do not report this bug type (e.g. 'fd leak'); repeatable")
    p.add_argument("--enable", metavar="BUG_TYPE", action="append", default=[],
                   help="report this bug type even when the configuration file disables it; "
                   "repeatable")
    p.add_argument("--baseline", metavar="FILE",
                   help="report and gate on the findings that are not in this baseline only")
    p.add_argument("--write-baseline", metavar="FILE",
                   help="record this run's findings (by fingerprint) in FILE")
    p.add_argument("--suppressions", metavar="FILE",
                   help="a suppression file: bug type, path glob, optional function, reason")
    p.add_argument("--format", choices=("text", "gitlab"), default="text",
                   help="gitlab: write a GitLab Code Quality report (JSON) on standard "
                   "output, and the findings as text and the summary on standard error")
    p.add_argument("--shard", metavar="K/N",
                   help="analyse the K-th of N parts of the compilation database (1 <= K <= "
                   "N; the entries sorted by directory and file, every N-th); merge the "
                   "parts' SARIF files with `%s merge`" % PROG)
    p.add_argument("--diff-base", metavar="GIT_REV",
                   help="only the findings on lines changed since GIT_REV (git diff "
                   "GIT_REV: the working tree against it), in the units changed since then "
                   "(every unit when a changed file is not a C source)")
    p.add_argument("--source-root", metavar="DIR",
                   help="write the SARIF file's URIs relative to DIR (uriBaseId SRCROOT; "
                   "default: the current directory)")
    p.add_argument("--iosafe-only", action="store_true",
                   help="accepted and ignored: reporting iosafe's bug types only is the "
                   "default")
    p.add_argument("--trust-db", action="store_true",
                   help="keep the database's flags that load code into the compiler "
                   "(-fplugin=, -fpass-plugin=, -Xclang -load, --config=); by default "
                   "they are dropped with a warning")
    p.add_argument("--plugin", metavar="PATH",
                   help="the iosafe analyzer plugin to load (default: %s); 'none' runs "
                   "Clang's default checkers only" % config.plugin)
    p.add_argument("--verbose", action="store_true",
                   help="on an internal error, print its traceback")
    p.add_argument("--version", action="version", version="%s %s" % (PROG, config.version))
    p.add_argument("files", nargs="*", metavar="FILE.c")
    args = p.parse_args(argv)
    args.compiler_args = compiler_args
    # An empty value (`--sarif "$UNSET"`) must not read as "no SARIF".
    for opt, value in (("-p", args.build_path), ("--sarif", args.sarif), ("--html", args.html),
                       ("--source-root", args.source_root), ("--config", args.config),
                       ("--baseline", args.baseline), ("--write-baseline", args.write_baseline),
                       ("--suppressions", args.suppressions)):
        if value is not None and not value:
            raise UsageError("%s needs a path, got an empty one" % opt)
    if args.sarif and args.sarif.endswith("/"):
        raise UsageError("--sarif %s names a directory: give a file name" % shown(args.sarif))
    if args.shard is not None:
        try:
            k, n = (int(x) for x in args.shard.split("/"))
        except ValueError:
            raise UsageError("--shard needs K/N, got %s" % shown(args.shard))
        if not 1 <= k <= n:
            raise UsageError("--shard K/N needs 1 <= K <= N, got %s" % shown(args.shard))
        args.shard = (k, n)
    if args.source_root and not os.path.isdir(args.source_root):
        raise UsageError("--source-root %s is not a directory" % shown(args.source_root))
    if args.build_path and args.files:
        raise UsageError("give either -p or source files, not both")
    if not args.build_path and not args.files:
        raise UsageError("nothing to analyse: give -p BUILD_DIR or source files")
    if args.build_path and compiler_args:
        raise UsageError("'-- COMPILER_ARGS' goes with source files, not with -p")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("-j needs a positive number, got %d" % args.jobs)
    if not args.timeout >= 0 or args.timeout == float("inf"):
        raise UsageError("--timeout needs a number of seconds >= 0, got %s" % args.timeout)
    if args.jobs is None:  # as nproc(1): the CPUs this process may run on
        try:
            args.jobs = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            args.jobs = os.cpu_count() or 1
    return args


def main(argv, config):
    """The command; returns the exit status (0, 1 or 2) in every case."""
    if argv[:1] == ["merge"]:
        from . import merge
        return merge.main(argv[1:], config)
    verbose = "--verbose" in argv[:argv.index("--")] if "--" in argv else "--verbose" in argv
    try:
        return run(argv, config)
    except BrokenPipeError:  # `iosafe-check ... | head`: the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2
    except KeyboardInterrupt:
        err("interrupted")
        return 2
    except Exception as e:
        err("internal error: %s: %s%s" % (type(e).__name__, e,
                                          "" if verbose else " (--verbose prints the traceback)"))
        if verbose:
            traceback.print_exc(file=sys.stderr)
        return 2


class Stop:
    """SIGTERM and SIGINT: the first stops the run (no new process, the
    running ones killed with their process groups); the driver then writes
    what it has, marked partial, removes its temporary folder and exits 2.
    A second one ends the driver at once."""

    def __init__(self):
        self.signum = None
        self.old = {}

    def install(self):
        for s in (signal.SIGTERM, signal.SIGINT):
            self.old[s] = signal.signal(s, self.handler)

    def restore(self):
        for s, h in self.old.items():
            signal.signal(s, h)

    def handler(self, signum, frame):
        if self.signum is not None:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        self.signum = signum
        runner.stop_all()

    @property
    def name(self):
        return signal.Signals(self.signum).name if self.signum else None


def run(argv, config):
    try:
        args = parse_args(argv, config)
    except UsageError as e:
        err(str(e))
        print("usage: " + USAGE % {"prog": PROG}, file=sys.stderr)
        return 2

    bindir = llvm_bindir(config)
    clang = os.environ.get("IOSAFE_CLANG") or os.path.join(bindir, "clang")
    sarif = baseline_out = None
    try:
        cfg = policy.load_config(args.config)
        args.clang_checkers = args.clang_checkers or cfg.get("clang-checkers", False)
        args.source_root = args.source_root or cfg.get("source-root")
        if args.source_root and not os.path.isdir(args.source_root):
            raise PolicyError("source root %s is not a directory" % shown(args.source_root))
        args.kinds = rules.load()
        args.enabled = policy.enabled_kinds(args.kinds, cfg, args.disable, args.enable)
        baseline = args.baseline or cfg.get("baseline")
        args.known = policy.read_baseline(baseline) if baseline else None
        supp = args.suppressions or cfg.get("suppressions")
        args.supp = policy.Suppressions(supp) if supp else None
        if args.supp:
            args.supp.check_kinds(args.kinds)
        args.diff = policy.Diff(args.diff_base) if args.diff_base else None
    except PolicyError as e:
        err(str(e))
        return 2
    try:
        runner.find_clang(clang)
        sb = runner.import_scanbuild(bindir)
        plugin = args.plugin or os.environ.get("IOSAFE_PLUGIN") or config.plugin
        checkers = []
        if plugin != "none":
            plugin = os.path.abspath(plugin)
            if not os.path.isfile(plugin):
                raise DbError("%s: the iosafe analyzer plugin is not there "
                              "(build it with `make`, or give --plugin)" % plugin)
            try:
                have = runner.registered_checkers(clang, plugin)
            except DbError:
                runner.check_clang(clang)  # a clang of another version: say so
                raise
            if OWNERSHIP not in have:
                major, version_line = runner.check_clang(clang)
                raise DbError("%s: the plugin loads into %s (%s) but does not register %s" %
                              (plugin, clang, version_line, OWNERSHIP))
            checkers.append(OWNERSHIP)
            if POSIXFD in have and not args.no_posix:
                checkers.append(POSIXFD)
            if WINHANDLE in have:
                checkers.append(WINHANDLE)
        # Output paths are checked before any analysis.
        if args.sarif:
            sarif = OutputFile(args.sarif, "--sarif")
        if args.write_baseline:
            baseline_out = OutputFile(args.write_baseline, "--write-baseline")
        if args.html:
            output.prepare_html_dir(args.html)
    except (DbError, OutputError) as e:
        for f in (sarif, baseline_out):
            if f:
                f.close()
        err(str(e))
        return 2
    if plugin != "none" and not args.kinds:
        err("the bug-type pages (docs/bug-types/*.md, installed in share/iosafe/bug-types/) "
            "are not there: they give the SARIF rules; reinstall iosafe-check")
        return 2

    args.report_out = None
    if args.format == "gitlab":  # the report alone on stdout, the rest on stderr
        sys.stdout.flush()
        args.report_out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
        sys.stdout = sys.stderr
    workdir = tempfile.mkdtemp(prefix="iosafe-check-")
    stop = Stop()
    stop.install()
    try:
        return analyse(args, config, sb, clang, plugin, checkers, workdir, sarif, stop,
                       baseline_out)
    finally:
        stop.restore()
        for f in (sarif, baseline_out):
            if f:
                f.close()
        shutil.rmtree(workdir, ignore_errors=True)


def print_error(path, kind, out=(), unit=None):
    """A unit's compiler output (stderr), then `PATH: error: KIND` (stdout)."""
    if out:
        text = "\n".join(out)
        if unit:  # the unit's own name, as clang prints it raw
            for raw in {unit.get("path"), unit.get("file")}:
                if raw and shown(raw) != raw:
                    text = text.replace(raw, shown(raw))
        for line in text.split("\n"):
            print(shown_line(line), file=sys.stderr)
        sys.stderr.flush()
    print("%s: error: %s [%s]" % (show_path(path), shown_line(kind), PROG))
    sys.stdout.flush()


def analyse(args, config, sb, clang, plugin, checkers, workdir, sarif, stop, baseline_out=None):
    errors = []  # (path, what, output lines)
    cdb, raw = None, []
    if args.build_path:
        try:
            cdb, raw = database.load_db(args.build_path)
        except DbError as e:
            err(str(e))
            errors.append((os.path.abspath(args.build_path), str(e), []))
    else:
        cdb, raw = database.db_for_files(args.files, args.compiler_args, config.include_dir,
                                         workdir)
    if cdb and not raw and not errors:
        errors.append((cdb, "the compilation database has no entry", []))
        print_error(cdb, errors[-1][1])

    units, skipped, n_failed = [], 0, 0
    # The flags after `--` are the user's own, not a database's: kept.
    trust = args.trust_db or not args.build_path
    if args.shard and raw:
        raw = database.shard(raw, *args.shard)
        print("%s: shard %d/%d: %d unit%s" % (PROG, args.shard[0], args.shard[1], len(raw),
                                             "" if len(raw) == 1 else "s"), file=sys.stderr)
    for i, entry in enumerate(raw):
        u = database.prepare(i, entry, sb, args.exclude, trust)
        for w in u["warnings"]:
            print("%s: warning: %s [%s]" % (show_path(u["path"]), shown_line(w), PROG),
                  file=sys.stderr)
        if u["status"] == "skipped":
            skipped += 1
            print("%s: skipped: %s [%s]" % (show_path(u["path"]), shown_line(u["reason"]), PROG),
                  file=sys.stderr)
        elif u["status"] == "failed":
            n_failed += 1
            errors.append((u["path"], u["reason"], []))
            print_error(u["path"], u["reason"], unit=u)
        else:
            units.append(u)
    if args.diff:
        changed = args.diff.files()
        if all(f.endswith((".c", ".i")) for f in changed):  # no header changed
            left = [u for u in units if os.path.realpath(u["path"]) in
                    {os.path.realpath(f) for f in changed}]
            skipped += len(units) - len(left)
            print("%s: --diff-base %s: %d of %d units changed" %
                  (PROG, shown(args.diff_base), len(left), len(units)), file=sys.stderr)
            units = left

    html = bool(args.html)
    fmt = "sarif-html" if html else "sarif"
    direct = ["-analyzer-output=" + fmt]
    if plugin != "none":
        direct += ["-load", plugin, "-analyzer-checker=" + ",".join(checkers)]
    direct += ERROR_FLAGS
    consts = {"clang": clang, "output_format": fmt, "output_failures": False,
              "force_debug": False,
              "direct_args": [x for a in direct for x in ("-Xclang", a)]}
    CtuConfig = sb.CtuConfig
    no_ctu = CtuConfig(collect=False, analyze=False, dir="", extdef_map_cmd="")

    def run_all(ctu, on_done):
        # Each unit is reported as soon as it finishes (on_done, in this
        # thread); the summary and the SARIF come in a stable order at the end.
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futs = {pool.submit(runner.run_unit, sb, u, consts,
                                os.path.join(workdir, "tu%d" % i), ctu, args.timeout): i
                    for i, u in enumerate(units)}
            try:
                for fut in concurrent.futures.as_completed(futs):
                    on_done(futs[fut], fut.result())
            except BaseException:  # a closed stdout, a bug: end the running units now
                runner.stop_all()
                raise

    failed = set()
    analyse_ctu = no_ctu

    def collected(i, bad):
        if bad:
            kind = "CTU collection: " + bad[0]
            errors.append((units[i]["path"], kind, bad[1]))
            print_error(units[i]["path"], kind, bad[1], units[i])
            failed.add(i)

    if args.ctu and units and stop.signum is None:
        ctudir = os.path.join(workdir, "ctu")
        # Phase 1 (clang -emit-ast and clang-extdef-mapping per unit), then
        # the global map, as analyze-build --ctu does.
        collect = CtuConfig(collect=True, analyze=False, dir=ctudir,
                            extdef_map_cmd=os.path.join(llvm_bindir(config),
                                                        "clang-extdef-mapping"))
        run_all(collect, collected)
        if stop.signum is None:
            sb.analyze.merge_ctu_extdef_maps(ctudir)
        analyse_ctu = CtuConfig(collect=False, analyze=True, dir=ctudir,
                                extdef_map_cmd=collect.extdef_map_cmd)

    merger = Merger(None if args.clang_checkers else (lambda rule: rule.startswith("iosafe.")),
                    kinds=args.kinds, root=args.source_root, version=config.version,
                    enabled=args.enabled)
    def locations(res):  # (real path, line) of a result and its path notes
        locs = [(res.get("locations") or [{}])[0].get("physicalLocation", {})]
        for flow in res.get("codeFlows", []):
            for tf in flow.get("threadFlows", []):
                locs += [tl.get("location", {}).get("physicalLocation", {})
                         for tl in tf.get("locations", [])]
        out = []
        for loc in locs:
            f, line, _ = loc_of(loc, merger.artifacts)
            out.append((os.path.realpath(f), line))
        return out
    gate = policy.Gate(args.known, args.supp, merger.root, lambda res: loc_of(
        (res.get("locations") or [{}])[0].get("physicalLocation", {}), merger.artifacts)[0],
        args.diff, locations)
    states = {}  # id(result): what the gate said
    unit_report = [None] * len(units)
    progress = Progress(len(units))

    def analysed(i, bad):
        progress.clear()
        try:
            _analysed(i, bad)
        finally:
            progress.unit_done((unit_report[i] or {}).get("results", 0))

    def _analysed(i, bad):
        path = units[i]["path"]
        if bad:
            if i not in failed:
                errors.append((path, bad[0], bad[1]))
                print_error(path, bad[0], bad[1], units[i])
                failed.add(i)
            unit_report[i] = {"file": path, "status": "error"}
            return
        new = []
        for sf in sorted(glob.glob(os.path.join(workdir, "tu%d" % i, "*.sarif"))):
            if os.path.getsize(sf) == 0:
                continue
            try:
                with open(sf, encoding="utf-8", errors="surrogateescape") as f:
                    new += merger.add(json.load(f))
            except (OSError, ValueError) as e:
                errors.append((path, "unreadable analyzer output: %s" % e, []))
                print_error(path, errors[-1][1])
        new.sort(key=lambda res: merger.key(res)[1:4] + (res.get("ruleId") or "",))
        for res in new:
            states[id(res)] = gate.judge(res)
        new = [res for res in new if states[id(res)] == "reported"]
        output.print_results(new, merger.artifacts, sys.stdout)
        unit_report[i] = {"file": path, "status": "analysed", "results": len(new)}

    if stop.signum is None:
        run_all(analyse_ctu, analysed)
    for i, u in enumerate(unit_report):
        if u is None:  # never reached: the run was stopped first
            unit_report[i] = {"file": units[i]["path"], "status": "error"}
            if i not in failed:
                failed.add(i)
                errors.append((units[i]["path"], "not analysed: the run was stopped", []))

    progress.clear()
    complete = stop.signum is None
    if not complete:
        err("stopped by %s: %d of %d units analysed; the outputs are partial" %
            (stop.name, sum(1 for u in unit_report if u["status"] == "analysed"), len(units)))

    if baseline_out:
        try:
            baseline_out.write(policy.baseline_text(
                [res for res in merger.log([], [])["runs"][0]["results"]
                 if not res.get("suppressions")]))
        except OutputError as e:
            err(str(e))
            errors.append((args.write_baseline, "cannot write the baseline", []))
            baseline_out = None
    merger.drop({i for i, st in states.items() if st == "known"})
    if args.report_out:
        args.report_out.write(json.dumps(output.gitlab_report(
            merger.log([], [])["runs"][0]["results"]), indent=2) + "\n")
        args.report_out.close()
    n = sum(1 for st in states.values() if st == "reported")
    tus_with = sum(1 for u in unit_report if u.get("results"))
    n_analysed = sum(1 for u in unit_report if u["status"] == "analysed")
    n_failed += len(units) - n_analysed
    total = n_analysed + n_failed

    if sarif:
        try:
            log = merger.log(errors, unit_report, complete, stop.name)
            log["runs"][0]["properties"]["iosafe-check"].update({
                "shard": "%d/%d" % args.shard if args.shard else None,
                "baselineApplied": args.known is not None,
                "suppressionsApplied": args.supp is not None})
            sarif.write(json.dumps(log, indent=2) + "\n")
        except OutputError as e:
            err(str(e))
            errors.append((args.sarif, "cannot write the SARIF file", []))
            sarif = None
    if args.html:
        unit_dirs = [os.path.join(workdir, "tu%d" % i) for i in range(len(units))]
        try:
            output.write_html(sb, args.html, unit_dirs, cdb or "", clang, n, errors)
        except OSError as e:
            err("--html %s: %s" % (args.html, e.strerror or e))
            errors.append((args.html, "cannot write the HTML report", []))

    n_errors = len(errors) + (0 if complete else 1)
    extra = ""
    if args.supp:
        extra += "; %d suppressed" % gate.suppressed
    if args.known is not None:
        extra += "; %d known (baseline)" % gate.known
    if args.diff:
        extra += "; %d outside the diff" % gate.outside
    print("%s: %d finding%s in %d of %d translation unit%s (%d analysed, %d failed, "
          "%d skipped; %d error%s%s)" % (
              PROG, n, "" if n == 1 else "s", tus_with, total, "" if total == 1 else "s",
              n_analysed, n_failed, skipped, n_errors, "" if n_errors == 1 else "s", extra))
    if args.known is not None:
        print("%s: baseline: %d known finding%s hidden; %d baseline entr%s no longer "
              "occur%s%s" % (PROG, gate.known, "" if gate.known == 1 else "s", gate.gone,
                             "y" if gate.gone == 1 else "ies", "s" if gate.gone == 1 else "",
                             " (with --diff-base: or are in units not analysed)" if args.diff
                             else " (--write-baseline again to drop them)" if gate.gone else ""))
    if baseline_out:
        print("%s: baseline written: %s" % (PROG, show_path(args.write_baseline)))
    if sarif:
        print("%s: SARIF: %s" % (PROG, show_path(args.sarif)))
    if args.html:
        print("%s: HTML report: %s" % (PROG, show_path(os.path.join(args.html, "index.html"))))
    if errors or not complete:
        return 2
    return 1 if n else 0


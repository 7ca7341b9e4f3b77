#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""iosafe-check: run the iosafe checkers of the Clang Static Analyzer over a
project's translation units and report what they find.

    iosafe-check [--sarif FILE] [--html DIR] [-j N] [--no-posix] [--ctu]
                 (-p BUILD_DIR_OR_compile_commands.json | FILE.c... [-- COMPILER_ARGS...])

Exit status: 0 clean, 1 findings, 2 errors (bad arguments, a missing or
malformed compilation database, a translation unit that does not compile,
an analyzer crash).  An error is reported with its file; the other files are
still analysed.

How it works.  Each translation unit is analysed by Clang's own scan-build-py
(libscanbuild, the library behind analyze-build-19): its analyze.run() turns a
compilation-database entry into the `clang --analyze` command (flag filtering,
language and architecture handling, the two CTU phases).  iosafe-check calls
it per entry rather than running the analyze-build command because that
command (a) has no -j (it always uses every CPU), (b) drops every -W flag of
the entry, so -Werror=ignored-attributes cannot reach the compiler, (c) does
not say which translation unit failed to compile or crashed (its exit status
is 0 or the bug count), and (d) reads only entries with "command", not the
"arguments" form of the compilation database format
(https://clang.llvm.org/docs/JSONCompilationDatabase.html).  Clang writes one
SARIF file per unit (-analyzer-output=sarif or sarif-html); iosafe-check
merges them into one SARIF 2.1.0 run, prints each result with its path notes
in the compiler's format, and builds the HTML index with libscanbuild.report.
Python 3 standard library only.
"""

import argparse
import concurrent.futures
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.parse

PROG = "iosafe-check"

# Substituted by analyzer-plugin/driver/driver.mk: the build-tree copy names
# the build tree's plugin, the installed copy $(libdir)/iosafe/.  The source
# file itself, run from a checkout, finds the plugin in ../../build/plugin/.
PLUGIN_PATH = "@IOSAFE_PLUGIN_PATH@"
INCLUDE_DIR = "@IOSAFE_INCLUDE_DIR@"
LLVM_BINDIR = "@LLVM_BINDIR@"
VERSION = "@IOSAFE_VERSION@"

# The checkers iosafe-check turns on, in addition to Clang's default ones.
OWNERSHIP = "iosafe.Ownership"
POSIXFD = "iosafe.PosixFd"

# A misplaced iosafe annotation is dropped by Clang with -Wignored-attributes:
# make it an error (see include/iosafe/annotations.h).
ERROR_FLAGS = ["-Werror=ignored-attributes"]


def here():
    return os.path.dirname(os.path.realpath(__file__))


def substituted(value):
    return value if not value.startswith("@") else None


def default_plugin():
    path = substituted(PLUGIN_PATH)
    if path:
        return path
    return os.path.join(here(), "..", "..", "build", "plugin", "iosafe-plugin.so")


def default_include_dir():
    path = substituted(INCLUDE_DIR)
    if path:
        return path
    return os.path.normpath(os.path.join(here(), "..", "..", "include"))


def llvm_bindir():
    env = os.environ.get("IOSAFE_LLVM_BINDIR")
    if env:
        return env
    path = substituted(LLVM_BINDIR)
    if path:
        return path
    try:
        out = subprocess.run(["llvm-config-19", "--bindir"], capture_output=True,
                             text=True, check=True)
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "/usr/lib/llvm-19/bin"


class UsageError(Exception):
    pass


class DbError(Exception):
    pass


def err(msg):
    print("%s: error: %s" % (PROG, msg), file=sys.stderr)


def parse_args(argv):
    compiler_args = []
    if "--" in argv:
        i = argv.index("--")
        argv, compiler_args = argv[:i], argv[i + 1:]

    class Parser(argparse.ArgumentParser):
        def error(self, message):
            raise UsageError(message)

    p = Parser(prog=PROG, description="Check file-descriptor ownership with "
               "the iosafe Clang Static Analyzer checkers.",
               usage="%(prog)s [--sarif FILE] [--html DIR] [-j N] [--no-posix] [--ctu] [--iosafe-only] "
               "(-p BUILD_DIR_OR_compile_commands.json | FILE.c... [-- COMPILER_ARGS...])")
    p.add_argument("-p", dest="build_path", metavar="BUILD_DIR_OR_JSON",
                   help="a directory holding compile_commands.json, or the file itself")
    p.add_argument("--sarif", metavar="FILE", help="write one SARIF 2.1.0 file for the whole run")
    p.add_argument("--html", metavar="DIR", help="write an HTML report (index.html) in DIR")
    p.add_argument("-j", dest="jobs", metavar="N", type=int, default=None,
                   help="translation units analysed at once (default: the number of CPUs)")
    p.add_argument("--no-posix", action="store_true",
                   help="turn off %s (the model of unannotated POSIX fd calls)" % POSIXFD)
    p.add_argument("--ctu", action="store_true",
                   help="cross-translation-unit analysis over the whole compilation database")
    p.add_argument("--iosafe-only", action="store_true",
                   help="report only the findings of iosafe's checkers (Clang's default "
                   "checkers still run: their models shape the paths)")
    p.add_argument("--plugin", metavar="PATH",
                   help="the iosafe analyzer plugin to load (default: %s); 'none' runs "
                   "Clang's default checkers only" % default_plugin())
    p.add_argument("--version", action="version", version="%s %s" % (PROG, VERSION))
    p.add_argument("files", nargs="*", metavar="FILE.c")
    args = p.parse_args(argv)
    args.compiler_args = compiler_args
    if args.build_path and args.files:
        raise UsageError("give either -p or source files, not both")
    if not args.build_path and not args.files:
        raise UsageError("nothing to analyse: give -p BUILD_DIR or source files")
    if args.build_path and compiler_args:
        raise UsageError("'-- COMPILER_ARGS' goes with source files, not with -p")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("-j needs a positive number, got %d" % args.jobs)
    if args.jobs is None:  # as nproc(1): the CPUs this process may run on
        try:
            args.jobs = len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            args.jobs = os.cpu_count() or 1
    return args


# ---- The compilation database -------------------------------------------

def load_db(build_path):
    """Entries of a compilation database; DbError when it is missing or
    malformed.  Format: https://clang.llvm.org/docs/JSONCompilationDatabase.html"""
    path = build_path
    if os.path.isdir(path):
        path = os.path.join(path, "compile_commands.json")
    if not os.path.isfile(path):
        raise DbError("%s: no compilation database there" % path)
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise DbError("%s: malformed compilation database: %s" % (path, e))
    except OSError as e:
        raise DbError("%s: %s" % (path, e.strerror))
    if not isinstance(data, list):
        raise DbError("%s: malformed compilation database: not a JSON array" % path)
    return os.path.abspath(path), data


def check_entry(i, entry):
    """A unit of work from entry i, or a string saying what is wrong."""
    if not isinstance(entry, dict):
        return "entry %d is not an object" % i
    for key in ("directory", "file"):
        if not isinstance(entry.get(key), str):
            return "entry %d has no \"%s\" string" % (i, key)
    if isinstance(entry.get("arguments"), list) and entry["arguments"] and \
            all(isinstance(a, str) for a in entry["arguments"]):
        command = entry["arguments"]
    elif isinstance(entry.get("command"), str) and entry["command"].strip():
        command = entry["command"]
    else:
        return "entry %d has neither \"arguments\" nor \"command\"" % i
    file = entry["file"]
    return {"directory": entry["directory"], "file": file, "command": command,
            "path": os.path.normpath(os.path.join(entry["directory"], file))}


def db_for_files(files, compiler_args, workdir):
    """A compilation database for FILE.c mode, written in workdir."""
    cwd = os.getcwd()
    entries = []
    for f in files:
        entries.append({"directory": cwd, "file": f,
                        # The compiler's name only tells libscanbuild the
                        # language; the analysis runs the chosen clang.
                        "arguments": ["clang", "-c"] + compiler_args +
                        ["-I" + default_include_dir(), f]})
    path = os.path.join(workdir, "compile_commands.json")
    with open(path, "w") as out:
        json.dump(entries, out, indent=2)
    return path, entries


# ---- Running the analyzer -------------------------------------------------

def import_scanbuild(bindir):
    libdir = os.path.join(os.path.dirname(bindir), "lib")
    if libdir not in sys.path:
        sys.path.insert(0, libdir)
    try:
        import libscanbuild.analyze as analyze
        from libscanbuild import CtuConfig  # noqa: F401
    except ImportError as e:
        raise DbError("cannot load scan-build-py (libscanbuild) from %s: %s "
                      "(install clang-tools-19)" % (libdir, e))
    import libscanbuild
    import libscanbuild.compilation  # noqa: F401
    # libscanbuild logs a traceback for a unit it could not run (and
    # returns None): iosafe-check reports that unit itself, with its file.
    import logging
    logging.getLogger().addHandler(logging.NullHandler())
    import libscanbuild.shell  # noqa: F401
    # `clang --analyze` adds -w to the front-end command, and -w silences
    # every warning, even one that -Werror= made an error (Clang's
    # DiagnosticIDs::getDiagnosticSeverity: "-w ... disregarding attempts to
    # upgrade severities from Warning to Error").  So in the front-end command
    # libscanbuild derives with `clang -###`, -w becomes -Wno-everything: still
    # no warnings, but ERROR_FLAGS, which come after it, are honoured.
    #
    # And libscanbuild asks `clang -###` for the front-end command of every
    # unit: one more clang process per unit (32 ms of CPU each, measured by
    # bench-analysis; a small unit's analysis takes 50 ms).  Units compiled
    # with the same flags in the same directory get the same command but for
    # the source file and the output file, so it is asked once per flag set
    # and the three tokens that name the file are replaced: the input, the
    # output and the -main-file-name argument.  The command is
    # [clang, --analyze, ..., FILE, -o, OUTPUT] (analyze.run_analyzer).
    original = analyze.get_arguments
    cache, lock = {}, threading.Lock()

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

    def fix(args):
        return ["-Wno-everything" if a == "-w" else a for a in args]
    analyze.get_arguments = get_arguments

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
        return None
    analyze.ctu_collect_phase = ctu_collect_phase
    return libscanbuild


def registered_checkers(clang, plugin):
    """The iosafe checkers the plugin registers, from Clang's checker list."""
    cmd = [clang, "-cc1", "-load", plugin, "-analyzer-checker-help"]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise DbError("%s: the plugin does not load: %s" %
                      (plugin, (r.stderr or r.stdout).strip().splitlines()[-1:]))
    names = set()
    for line in r.stdout.splitlines():
        word = line.strip().split(" ")[0]
        if word.startswith("iosafe."):
            names.add(word)
    return names


def analysable(sb, unit):
    """Whether libscanbuild would analyse the entry: a C, C++ or
    Objective-C source (analyze.language_check, which skips other files,
    such as assembler, silently)."""
    command = unit["command"]
    if isinstance(command, str):
        command = sb.shell.decode(command)
    # A compiler launcher first ("ccache gcc -c ..."): libscanbuild knows the
    # compiler by the first word only, so drop the launcher.
    if len(command) > 1 and sb.compilation.compiler_language(command[:1]) is None and \
            sb.compilation.compiler_language(command[1:2]) is not None:
        command = command[1:]
    unit["command"] = command
    params = sb.analyze.classify_parameters(command)
    language = params["language"]
    if language is None and params["compiler"] is not None:
        language = sb.compilation.classify_source(unit["file"], params["compiler"] == "c")
    return language in ("c", "c++", "objective-c", "objective-c++", "c-cpp-output",
                        "c++-cpp-output", "objective-c-cpp-output")


def run_unit(sb, unit, consts, outdir, ctu):
    """Analyse one unit with libscanbuild.analyze.run; returns its result."""
    os.makedirs(outdir, exist_ok=True)
    opts = dict(consts)
    # The absolute path: libscanbuild names a unit's CTU AST file after
    # "file" as resolved from the driver's working directory, while
    # clang-extdef-mapping records the real path; a relative "file" (meson
    # writes "../src/x.c") would name an AST file that does not exist.
    opts.update({"command": unit["command"], "directory": unit["directory"],
                 "file": unit["path"], "output_dir": outdir,
                 "direct_args": list(consts["direct_args"]), "ctu": ctu})
    try:
        res = sb.analyze.run(opts)
    except Exception as e:  # libscanbuild logs and swallows most; be sure
        return {"error": "analysis failed: %s" % e, "output": []}
    return res


def classify(res, phase_collect=False):
    """None when the unit ran cleanly, else (kind, output lines)."""
    if res is None:
        if phase_collect:
            return None
        return ("was not analysed (unknown language or bad command)", [])
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


# ---- SARIF ------------------------------------------------------------------

def uri_path(uri):
    if uri.startswith("file://"):
        return urllib.parse.unquote(urllib.parse.urlparse(uri).path)
    return uri


def show_path(path):
    cwd = os.getcwd()
    try:
        rel = os.path.relpath(path, cwd)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def loc_of(physical, artifacts):
    art = physical.get("artifactLocation", {})
    uri = art.get("uri")
    if uri is None and "index" in art and art["index"] < len(artifacts):
        uri = artifacts[art["index"]]["location"]["uri"]
    region = physical.get("region", {})
    return uri_path(uri or "?"), region.get("startLine", 0), region.get("startColumn", 0)


class Merger:
    """Merges the per-unit SARIF logs Clang writes into one run: artifacts
    and rules are deduplicated and the indexes into them renumbered, and a
    result found in several units (a header) is kept once."""

    def __init__(self, keep=None):
        self.keep = keep  # a predicate on ruleId, or None for every result
        self.tool = None
        self.artifacts, self.art_index = [], {}
        self.rules, self.rule_index = [], {}
        self.results, self.seen = [], set()

    def _artifact(self, art):
        uri = art["location"]["uri"]
        if uri not in self.art_index:
            self.art_index[uri] = len(self.artifacts)
            self.artifacts.append(art)
        return self.art_index[uri]

    def _fix(self, obj, art_map):
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k == "artifactLocation" and isinstance(v, dict) and "index" in v:
                    v["index"] = art_map.get(v["index"], v["index"])
                elif k == "region" and isinstance(v, dict):
                    fix_region(v)
                else:
                    self._fix(v, art_map)
        elif isinstance(obj, list):
            for v in obj:
                self._fix(v, art_map)

    def add(self, log):
        for run in log.get("runs", []):
            driver = run.get("tool", {}).get("driver", {})
            if self.tool is None:
                self.tool = {k: v for k, v in driver.items() if k != "rules"}
            art_map = {i: self._artifact(a) for i, a in enumerate(run.get("artifacts", []))}
            rule_map = {}
            for i, rule in enumerate(driver.get("rules", [])):
                if rule["id"] not in self.rule_index:
                    self.rule_index[rule["id"]] = len(self.rules)
                    self.rules.append(rule)
                rule_map[i] = self.rule_index[rule["id"]]
            for res in run.get("results", []):
                if self.keep and not self.keep(res.get("ruleId") or ""):
                    continue
                self._fix(res, art_map)
                if "ruleIndex" in res:
                    res["ruleIndex"] = rule_map.get(res["ruleIndex"], res["ruleIndex"])
                elif res.get("ruleId") in self.rule_index:
                    res["ruleIndex"] = self.rule_index[res["ruleId"]]
                key = self.key(res)
                if key in self.seen:
                    continue
                self.seen.add(key)
                self.results.append(res)

    def key(self, res):
        locs = res.get("locations") or [{}]
        f, line, col = loc_of(locs[0].get("physicalLocation", {}), self.artifacts)
        return (res.get("ruleId"), f, line, col, res.get("message", {}).get("text"))

    def sorted_results(self):
        def k(res):
            return self.key(res)[1:4] + (res.get("ruleId") or "",)
        return sorted(self.results, key=k)

    def log(self, errors, units):
        driver = dict(self.tool or {"name": "clang", "fullName": "clang static analyzer",
                                    "informationUri": "https://clang.llvm.org/docs/UsersManual.html"})
        driver["rules"] = self.rules
        notes = []
        for path, kind, _ in errors:
            notes.append({"level": "error", "message": {"text": "%s: %s" % (path, kind)},
                          "locations": [{"physicalLocation": {"artifactLocation": {
                              "uri": pathlib_uri(path)}}}]})
        run = {
            "tool": {"driver": driver},
            # Paths under the current directory (the checkout, in CI) are
            # written relative to it, with uriBaseId SRCROOT (SARIF 3.4.4,
            # 3.14.14), as code-scanning services expect; others stay
            # absolute file: URIs.
            "originalUriBaseIds": {"SRCROOT": {"uri": pathlib_uri(os.getcwd()).rstrip("/") + "/"}},
            "invocations": [{"executionSuccessful": not errors,
                             "commandLine": " ".join([PROG] + sys.argv[1:]),
                             "toolExecutionNotifications": notes}],
            "artifacts": self.artifacts,
            "results": self.sorted_results(),
            "columnKind": "unicodeCodePoints",
            "properties": {"iosafe-check": {"translationUnits": units}},
        }
        run = json.loads(json.dumps(run))  # a copy: the printed text keeps absolute paths
        relativize(run)
        return {"$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
                           "cos02/schemas/sarif-schema-2.1.0.json",
                "version": "2.1.0", "runs": [run]}

    def print_text(self, out):
        for res in self.sorted_results():
            locs = res.get("locations") or [{}]
            f, line, col = loc_of(locs[0].get("physicalLocation", {}), self.artifacts)
            msg = res.get("message", {}).get("text", "")
            level = res.get("level", "warning")
            level = {"note": "note", "error": "error"}.get(level, "warning")
            print("%s:%d:%d: %s: %s [%s]" % (show_path(f), line, col, level, msg,
                                             res.get("ruleId", "?")), file=out)
            for flow in res.get("codeFlows", []):
                for tf in flow.get("threadFlows", []):
                    for tl in tf.get("locations", []):
                        loc = tl.get("location", {})
                        nf, nl, nc = loc_of(loc.get("physicalLocation", {}), self.artifacts)
                        text = loc.get("message", {}).get("text", "")
                        if (nf, nl, nc, text) == (f, line, col, msg):
                            continue  # the warning itself, printed above
                        print("%s:%d:%d: note: %s" % (show_path(nf), nl, nc, text), file=out)


def relativize(obj, root=None):
    """Rewrites file: URIs under the current directory in every
    artifactLocation of obj as relative URIs with uriBaseId SRCROOT."""
    if root is None:
        root = os.getcwd().rstrip("/") + "/"
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in ("artifactLocation", "location") and isinstance(v, dict) and \
                    isinstance(v.get("uri"), str) and v["uri"].startswith("file://"):
                path = uri_path(v["uri"])
                if path.startswith(root):
                    v["uri"] = urllib.parse.quote(path[len(root):])
                    v["uriBaseId"] = "SRCROOT"
            if k != "originalUriBaseIds":
                relativize(v, root)
    elif isinstance(obj, list):
        for v in obj:
            relativize(v, root)


def fix_region(region):
    """Clang 19 writes "endLine": 0 (with "endColumn": 1) for a range that
    ends inside a macro expansion, e.g. the note "Assuming the condition is
    true" on `if (option_bool(X) && ...)`; the SARIF 2.1.0 schema requires
    every line and column to be >= 1 (3.30.5-3.30.8).  Such an end is
    dropped: the region then covers its start only."""
    start_line = region.get("startLine", 1)
    start_col = region.get("startColumn", 1)
    end_line = region.get("endLine", start_line)
    end_col = region.get("endColumn")
    if end_line < 1 or end_line < start_line:
        region.pop("endLine", None)
        region.pop("endColumn", None)
    elif end_col is not None and (end_col < 1 or (end_line == start_line and end_col < start_col)):
        region.pop("endColumn", None)
    if region.get("startColumn", 1) < 1:
        region.pop("startColumn", None)


def pathlib_uri(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


# ---- HTML -------------------------------------------------------------------

HTML_MARK = ".iosafe-check-html"


def prepare_html_dir(d):
    if os.path.isdir(d) and os.listdir(d) and not os.path.exists(os.path.join(d, HTML_MARK)):
        raise UsageError("--html %s: the directory is not empty and was not made by %s; "
                         "refusing to write into it" % (d, PROG))
    if os.path.isdir(d):  # our own earlier report: replace it whole
        for name in os.listdir(d):
            p = os.path.join(d, name)
            shutil.rmtree(p) if os.path.isdir(p) and not os.path.islink(p) else os.remove(p)
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, HTML_MARK), "w").close()


def write_html(sb, d, unit_dirs, cdb, clang, n_findings, errors):
    for ud in unit_dirs:
        for f in glob.glob(os.path.join(ud, "report-*.html")):
            shutil.move(f, os.path.join(d, os.path.basename(f)))
    ns = argparse.Namespace(output=d, output_format="html", cdb=cdb, clang=clang,
                            html_title="iosafe-check results")
    if n_findings:
        import libscanbuild.report
        libscanbuild.report.document(ns)  # scan-build's index.html over the reports
    if not os.path.exists(os.path.join(d, "index.html")):
        with open(os.path.join(d, "index.html"), "w") as f:
            f.write("<!DOCTYPE html>\n<html><head><title>iosafe-check results</title>"
                    "</head><body><h1>iosafe-check results</h1>\n<p>No findings.</p>\n")
            for path, kind, _ in errors:
                f.write("<p>error: %s: %s</p>\n" % (html_escape(path), html_escape(kind)))
            f.write("</body></html>\n")


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---- Main -------------------------------------------------------------------

def main(argv):
    try:
        args = parse_args(argv)
    except UsageError as e:
        err(str(e))
        print("usage: %s [--sarif FILE] [--html DIR] [-j N] [--no-posix] [--ctu] [--iosafe-only] "
              "(-p BUILD_DIR_OR_compile_commands.json | FILE.c... [-- COMPILER_ARGS...])"
              % PROG, file=sys.stderr)
        return 2

    bindir = llvm_bindir()
    clang = os.environ.get("IOSAFE_CLANG") or os.path.join(bindir, "clang")
    try:
        sb = import_scanbuild(bindir)
        plugin = args.plugin or os.environ.get("IOSAFE_PLUGIN") or default_plugin()
        checkers = []
        if plugin != "none":
            plugin = os.path.abspath(plugin)
            if not os.path.isfile(plugin):
                raise DbError("%s: the iosafe analyzer plugin is not there "
                              "(build it with `make`, or give --plugin)" % plugin)
            have = registered_checkers(clang, plugin)
            if OWNERSHIP not in have:
                raise DbError("%s: the plugin does not register %s" % (plugin, OWNERSHIP))
            checkers.append(OWNERSHIP)
            if POSIXFD in have and not args.no_posix:
                checkers.append(POSIXFD)
        if args.html:
            prepare_html_dir(args.html)
    except (DbError, UsageError) as e:
        err(str(e))
        return 2

    workdir = tempfile.mkdtemp(prefix="iosafe-check-")
    try:
        return analyse(args, sb, clang, plugin, checkers, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def analyse(args, sb, clang, plugin, checkers, workdir):
    errors = []  # (path, what, output lines)
    if args.build_path:
        try:
            cdb, raw = load_db(args.build_path)
        except DbError as e:
            err(str(e))
            return 2
    else:
        cdb, raw = db_for_files(args.files, args.compiler_args, workdir)
    units, skipped = [], []
    for i, entry in enumerate(raw):
        u = check_entry(i, entry)
        if not isinstance(u, str) and not analysable(sb, u):
            skipped.append(u["path"])  # assembler and the like: not a C unit
            continue
        if isinstance(u, str):
            path = "entry %d" % i
            if isinstance(entry, dict) and isinstance(entry.get("file"), str):
                path = entry["file"]
                if isinstance(entry.get("directory"), str):
                    path = os.path.normpath(os.path.join(entry["directory"], path))
            errors.append((str(path), "malformed compilation database: " + u, []))
        else:
            units.append(u)
    if not raw:
        errors.append((cdb, "the compilation database has no entry", []))

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

    def run_all(ctu, collect=False):
        results = [None] * len(units)
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            futs = {pool.submit(run_unit, sb, u, consts,
                                os.path.join(workdir, "tu%d" % i), ctu): i
                    for i, u in enumerate(units)}
            for fut in concurrent.futures.as_completed(futs):
                results[futs[fut]] = fut.result()
        return [classify(r, collect) for r in results]

    failed = set()
    analyse_ctu = no_ctu
    if args.ctu and units:
        ctudir = os.path.join(workdir, "ctu")
        # Phase 1 (clang -emit-ast and clang-extdef-mapping per unit), then
        # the global map, as analyze-build --ctu does.
        collect = CtuConfig(collect=True, analyze=False, dir=ctudir,
                            extdef_map_cmd=os.path.join(llvm_bindir(), "clang-extdef-mapping"))
        for i, bad in enumerate(run_all(collect, collect=True)):
            if bad:
                errors.append((units[i]["path"], "CTU collection: " + bad[0], bad[1]))
                failed.add(i)
        sb.analyze.merge_ctu_extdef_maps(ctudir)
        analyse_ctu = CtuConfig(collect=False, analyze=True, dir=ctudir,
                                extdef_map_cmd=collect.extdef_map_cmd)

    merger = Merger((lambda rule: rule.startswith("iosafe.")) if args.iosafe_only else None)
    unit_report = []
    for i, bad in enumerate(run_all(analyse_ctu)):
        path = units[i]["path"]
        if bad:
            if i not in failed:
                errors.append((path, bad[0], bad[1]))
            unit_report.append({"file": path, "status": "error"})
            continue
        before = len(merger.results)
        for sf in sorted(glob.glob(os.path.join(workdir, "tu%d" % i, "*.sarif"))):
            if os.path.getsize(sf) == 0:
                continue
            try:
                with open(sf) as f:
                    merger.add(json.load(f))
            except (OSError, json.JSONDecodeError) as e:
                errors.append((path, "unreadable analyzer output: %s" % e, []))
        unit_report.append({"file": path, "status": "analysed",
                            "results": len(merger.results) - before})

    # Report: compiler output of the failed units, then the findings, then
    # the errors, then one summary line.
    for path, kind, out in errors:
        for line in out:
            print(line, file=sys.stderr)
    merger.print_text(sys.stdout)
    for path, kind, out in errors:
        print("%s: error: %s [%s]" % (show_path(path), kind, PROG), file=sys.stdout)
    n = len(merger.results)
    files_with = {loc_of((r.get("locations") or [{}])[0].get("physicalLocation", {}),
                         merger.artifacts)[0] for r in merger.results}
    # Findings are counted per translation unit they were found in.
    tus_with = sum(1 for u in unit_report if u.get("results"))
    total = len(raw) - len(skipped)
    del files_with
    for path in skipped:
        print("%s: skipped: not a C, C++ or Objective-C source [%s]" % (show_path(path), PROG),
              file=sys.stderr)

    if args.sarif:
        tmp = args.sarif + ".tmp"
        try:
            with open(tmp, "w") as f:
                json.dump(merger.log(errors, unit_report), f, indent=2)
                f.write("\n")
            os.replace(tmp, args.sarif)
        except OSError as e:
            err("%s: cannot write the SARIF file: %s" % (args.sarif, e.strerror))
            errors.append((args.sarif, "cannot write the SARIF file", []))
    if args.html:
        unit_dirs = [os.path.join(workdir, "tu%d" % i) for i in range(len(units))]
        write_html(sb, args.html, unit_dirs, cdb, clang, n, errors)

    print("%s: %d finding%s in %d of %d translation unit%s (%d error%s)" % (
        PROG, n, "" if n == 1 else "s", tus_with, total, "" if total == 1 else "s",
        len(errors), "" if len(errors) == 1 else "s"))
    if args.sarif and os.path.exists(args.sarif):
        print("%s: SARIF: %s" % (PROG, args.sarif))
    if args.html:
        print("%s: HTML report: %s" % (PROG, os.path.join(args.html, "index.html")))
    if errors:
        return 2
    return 1 if n else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:  # `iosafe-check ... | head`: the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(2)

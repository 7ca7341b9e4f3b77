# SPDX-License-Identifier: MIT
"""Reading a compilation database into units of work.

Format: https://clang.llvm.org/docs/JSONCompilationDatabase.html (entries
with "directory", "file" and "arguments" or "command").  Every entry becomes
one unit with a status:

  "unit"     to be analysed;
  "skipped"  left out on purpose: excluded with --exclude, or a source in a
             language that is known and is not C, C++ or Objective-C
             (assembler, -x cuda, ...): there is nothing for the analyzer;
  "failed"   not analysable, with the reason (a malformed entry, a command
             that does not parse, a compiler libscanbuild does not know, a
             source whose language cannot be told): an error, exit 2.

Nothing here raises on any input but DbError from load_db(): an entry, however
broken, gives a unit with a reason (tests/driver/fuzz-db.py checks this).
"""

import fnmatch
import json
import os
import re
import shlex
import stat

# The languages Clang's analyzer accepts (libscanbuild analyze.language_check).
ACCEPTED = frozenset({"c", "c++", "objective-c", "objective-c++", "c-cpp-output",
                      "c++-cpp-output", "objective-c-cpp-output"})
ASSEMBLER_SUFFIXES = frozenset({".s", ".S", ".sx", ".asm"})
# Compiler launchers that come before the compiler's name.
LAUNCHERS = frozenset({"ccache", "sccache", "distcc", "icecc", "buildcache"})
# POSIX's names of the C compiler (c99(1p)); libscanbuild knows only cc, gcc,
# clang and their variants, and takes the language from the name.
POSIX_C = frozenset({"c89", "c99", "c17"})

# Flags of a compilation database that load code into the compiler:
# clang(1) -fplugin=, -fpass-plugin=, --config= (a file of more flags), and
# the front end's -load, -plugin, -add-plugin, given through -Xclang,
# -Xanalyzer or -mllvm.  Dropped unless --trust-db (see drop_code_loading).
LOADING_PREFIXES = ("-fplugin=", "-fpass-plugin=", "-fplugin-arg-", "--config=",
                    "--hipspv-pass-plugin=")
LOADING_WITH_VALUE = frozenset({"-fplugin", "-fpass-plugin", "--config", "-load",
                                "-plugin", "-add-plugin", "--analyzer-plugin",
                                "--hipspv-pass-plugin"})
PASS_THROUGH = frozenset({"-Xclang", "-Xanalyzer", "-mllvm"})
CC1_LOADING = frozenset({"-load", "-plugin", "-add-plugin", "-load-pass-plugin"})
CC1_LOADING_PREFIXES = ("-fpass-plugin=", "-fplugin=", "-plugin-arg-", "-load=")
RESPONSE_DEPTH = 8
# A compiler named for its target: ARCH-VENDOR-OS[-ENV]-gcc/g++/cc/c++/clang/
# clang++, with an optional version (x86_64-w64-mingw32-gcc, x86_64-w64-mingw32-gcc-12).
CROSS_COMPILER = re.compile(r"^([A-Za-z0-9_.]+(?:-[A-Za-z0-9_.]+){2,3})-"
                            r"(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+)(?:-\d+(?:\.\d+){0,2})?$")


class DbError(Exception):
    pass


def load_db(build_path):
    """(absolute path, entries) of a compilation database; DbError when it
    is missing or not a JSON array.  Bytes that are not UTF-8 are kept as
    Python keeps them in file names (surrogateescape), so that a name in
    another encoding is passed to clang unchanged."""
    path = build_path
    if os.path.isdir(path):
        path = os.path.join(path, "compile_commands.json")
    if not os.path.isfile(path):
        raise DbError("%s: no compilation database there" % path)
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            data = json.load(f)
    except (ValueError, RecursionError) as e:  # JSONDecodeError is a ValueError
        raise DbError("%s: malformed compilation database: %s" % (path, e))
    except OSError as e:
        raise DbError("%s: %s" % (path, e.strerror))
    if not isinstance(data, list):
        raise DbError("%s: malformed compilation database: not a JSON array" % path)
    return os.path.abspath(path), data


def db_for_files(files, compiler_args, include_dir, workdir):
    """A compilation database for FILE.c mode, written in workdir."""
    cwd = os.getcwd()
    entries = []
    for f in files:
        entries.append({"directory": cwd, "file": f,
                        # The compiler's name only tells libscanbuild the
                        # language; the analysis runs the chosen clang.
                        "arguments": ["clang", "-c"] + compiler_args +
                        ["-I" + include_dir, f]})
    path = os.path.join(workdir, "compile_commands.json")
    with open(path, "w") as out:
        json.dump(entries, out, indent=2)
    return path, entries


def entry_path(i, entry):
    """The best name of entry i for messages: its file, else "entry I"."""
    if isinstance(entry, dict) and isinstance(entry.get("file"), str) and entry["file"]:
        if isinstance(entry.get("directory"), str) and "\0" not in entry["directory"] \
                and "\0" not in entry["file"]:
            return os.path.abspath(os.path.join(entry["directory"], entry["file"]))
        return entry["file"]
    return "entry %d" % i


def excluded_by(path, file, patterns):
    """The first --exclude GLOB matching the unit: fnmatch (where `*` also
    matches `/`) against its absolute path, its path relative to the current
    directory, and its "file" as written."""
    names = [path, file]
    try:
        names.append(os.path.relpath(path))
    except ValueError:
        pass
    for p in patterns:
        if any(fnmatch.fnmatchcase(n, p) for n in names):
            return p
    return None


def failed(unit, reason):
    unit["status"], unit["reason"] = "failed", reason
    return unit


def prepare(i, entry, sb, excludes=(), trust_db=False):
    """Entry i of a database as a unit (a dict: status, reason, path,
    directory, file, command, warnings).  sb is the libscanbuild package."""
    path = entry_path(i, entry)
    unit = {"index": i, "path": path, "status": "unit", "reason": None, "warnings": []}
    if isinstance(entry, dict) and isinstance(entry.get("file"), str):
        pat = excluded_by(path, entry["file"], excludes)
        if pat is not None:
            unit["status"], unit["reason"] = "skipped", "excluded by --exclude %s" % pat
            return unit
    if not isinstance(entry, dict):
        return failed(unit, "malformed compilation database: entry %d is not an object" % i)
    for key in ("directory", "file"):
        if not isinstance(entry.get(key), str):
            return failed(unit, "malformed compilation database: entry %d has no \"%s\" string"
                          % (i, key))
    directory, file = entry["directory"], entry["file"]
    if not file:
        return failed(unit, "malformed compilation database: entry %d has an empty \"file\"" % i)
    args = entry.get("arguments")
    if isinstance(args, list) and args and all(isinstance(a, str) for a in args):
        command = list(args)
    elif isinstance(entry.get("command"), str) and entry["command"].strip():
        try:
            command = sb.shell.decode(entry["command"])
        except ValueError as e:  # shlex: "No closing quotation", "No escaped character"
            return failed(unit, "bad command: %s" % e)
    elif "arguments" in entry:
        return failed(unit, "malformed compilation database: entry %d: \"arguments\" is not "
                      "a non-empty list of strings" % i)
    else:
        return failed(unit, "malformed compilation database: entry %d has neither "
                      "\"arguments\" nor \"command\"" % i)
    for name, value in [("directory", directory), ("file", file)] + \
            [("command", a) for a in command]:
        if "\0" in value:
            return failed(unit, "the %s holds a NUL character, which no file name or "
                          "argument can" % name)
    if not os.path.isabs(directory):
        directory = os.path.abspath(directory)
    if not os.path.isdir(directory):
        return failed(unit, "the entry's directory %s does not exist" % directory)
    unit.update(directory=directory, file=file,
                path=os.path.normpath(os.path.join(directory, file)))
    try:
        st = os.stat(unit["path"])
    except FileNotFoundError:
        st = None  # clang says so, as a unit that does not compile
    except OSError as e:
        return failed(unit, "the source cannot be read: %s" % e.strerror)
    if st is not None and not stat.S_ISREG(st.st_mode):
        # A FIFO or /dev/stdin would hang clang, /dev/zero fill its memory.
        return failed(unit, "the source is not a regular file (%s)" % (
            "a directory" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode)
            else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
            else "a socket"))
    try:
        command = expand_response_files(command, directory)
    except (OSError, ValueError) as e:
        return failed(unit, "response file: %s" % (getattr(e, "strerror", None) or e))
    if not trust_db:
        command, dropped = drop_code_loading(command)
        for d in dropped:
            unit["warnings"].append("dropped %s: it loads code into the compiler "
                                    "(--trust-db keeps it)" % " ".join(d))
    return classify(unit, command, sb)


def classify(unit, command, sb):
    """Sets the unit's command, language and status from its command."""
    # Compiler launchers first ("ccache distcc gcc -c ..."): libscanbuild
    # knows the compiler by the first word only.
    known = sb.compilation.compiler_language
    while len(command) > 1 and known(command[:1]) is None and \
            (os.path.basename(command[0]) in LAUNCHERS or known(command[1:2]) is not None):
        command = command[1:]
    if command and os.path.basename(command[0]) in POSIX_C:
        command = ["cc"] + command[1:]
    # The source itself: libscanbuild adds it to the command, and keeps it
    # among the flags (two inputs for clang) when its name has no C suffix
    # or holds a newline (analyze.classify_parameters).
    command = command[:1] + [a for a in command[1:] if a.startswith("-") or
                             a not in (unit["file"], unit["path"])]
    unit["command"] = command
    if known(command[:1]) is None:
        if not command or command[0].startswith("-"):
            return failed(unit, "the command does not start with a compiler (%s)" %
                          (command[0] if command else "empty"))
        return failed(unit, "the compiler '%s' is not one libscanbuild knows (cc, gcc, "
                      "clang, g++, clang++ and their versions): not analysed; "
                      "--exclude leaves it out" % os.path.basename(command[0]))
    command = cross_target(command)
    unit["command"] = command
    try:
        params = sb.analyze.classify_parameters(command)
    except StopIteration:  # a flag that takes a value ends the command
        return failed(unit, "bad command: it ends in '%s', which takes a value" % command[-1])
    except Exception as e:
        return failed(unit, "bad command: %s: %s" % (type(e).__name__, e))
    arch = [a for a in params["arch_list"] if a not in ("ppc", "ppc64")]
    if params["arch_list"] and not arch:
        return failed(unit, "only -arch %s, which libscanbuild does not analyse" %
                      params["arch_list"][0])
    language = params["language"]
    if language is None:
        language = sb.compilation.classify_source(unit["file"], params["compiler"] == "c")
    unit["language"] = language
    if language in ACCEPTED:
        return unit
    suffix = os.path.splitext(unit["file"])[1]
    if language is not None or suffix in ASSEMBLER_SUFFIXES:
        unit["status"] = "skipped"
        unit["reason"] = "not a C, C++ or Objective-C source (%s)" % (
            "-x " + language if language else "assembler")
        return unit
    return failed(unit, "the source's language is not known: no -x and the suffix '%s' is not "
                  "one of C, C++ or Objective-C (give -x c, or --exclude it)" % suffix)


def cross_target(command):
    """A cross compiler's entry analysed for its target: GCC's cross
    compilers are named for the target triple they build for
    (x86_64-w64-mingw32-gcc, aarch64-linux-gnu-gcc-12; gcc(1) "-dumpmachine",
    GCC's installation manual, "Cross-compilation"), where clang is told
    with --target=.  Without it clang-19 would analyse the unit for the host,
    with the host's headers (<windows.h> not found); clang's own
    triple-named drivers (x86_64-w64-mingw32-clang) are read the same way,
    since the analysis runs clang-19.  A command that already names a target
    (--target=, -target) is left as it is."""
    if not command:
        return command
    m = CROSS_COMPILER.match(os.path.basename(command[0]))
    if not m or any(a == "-target" or a.startswith("--target=") for a in command[1:]):
        return command
    return command[:1] + ["--target=" + m.group(1)] + command[1:]


def expand_response_files(command, directory, depth=0):
    """@FILE arguments replaced by the words of FILE (GNU rules, as clang
    reads them on Linux: whitespace, quotes, backslashes), so that the flags
    they hold are seen by drop_code_loading."""
    out = []
    for a in command:
        if a.startswith("@") and len(a) > 1:
            if depth >= RESPONSE_DEPTH:
                raise ValueError("%s: response files nested more than %d deep" %
                                 (a[1:], RESPONSE_DEPTH))
            name = os.path.join(directory, a[1:])
            if not os.path.isfile(name):
                out.append(a)  # clang takes it as an argument too
                continue
            with open(name, encoding="utf-8", errors="surrogateescape") as f:
                words = shlex.split(f.read(), comments=False)
            out.extend(expand_response_files(words, directory, depth + 1))
        else:
            out.append(a)
    return out


def drop_code_loading(command):
    """(command without the flags that load code into the compiler, the
    dropped flags as tuples).  A compilation database from code under review
    is code: `-fplugin=./evil.so` runs evil.so inside clang as the CI user.
    Dropped with a warning rather than refusing the unit: such flags (GCC's
    -fplugin=annobin in distribution builds, a project's own clang plugin)
    add checks or code generation, not meaning, so the unit analyses the
    same without them, and where it does not compile without them that is
    an error the run reports."""
    out, dropped = [command[0]] if command else [], []
    i, n = 1, len(command)
    while i < n:
        a = command[i]
        if a.startswith(LOADING_PREFIXES):
            dropped.append((a,))
            i += 1
        elif a in LOADING_WITH_VALUE:
            dropped.append(tuple(command[i:i + 2]))
            i += 2
        elif a in PASS_THROUGH and i + 1 < n and (
                command[i + 1] in CC1_LOADING or command[i + 1].startswith(CC1_LOADING_PREFIXES)
                or (a == "-mllvm" and command[i + 1].startswith("-load"))):
            j = i + 2
            # "-Xclang -load -Xclang lib.so": the value in the next pair.
            if command[i + 1] in CC1_LOADING and j + 1 < n and command[j] in PASS_THROUGH:
                j += 2
            dropped.append(tuple(command[i:j]))
            i = j
        else:
            out.append(a)
            i += 1
    return out, dropped


def shard(raw, k, n):
    """The K-th of N parts of a database's entries (--shard K/N): the
    entries sorted by (directory, file, position), then every N-th from the
    K-th.  The same database gives the same parts on every runner, and the
    N parts together are every entry once."""
    def key(i):
        e = raw[i]
        if isinstance(e, dict):
            return (str(e.get("directory", "")), str(e.get("file", "")), i)
        return ("", "", i)
    order = sorted(range(len(raw)), key=key)
    return [raw[i] for pos, i in enumerate(order) if pos % n == k - 1]

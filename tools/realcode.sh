#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tools/realcode.sh: run iosafe's checkers over a real program's compilation
# database, side by side with plain `clang-19 --analyze`, and print a table.
#
# It is the "On real programs" measurement of README.md.  It is not part of
# `make check` or `make bench`: it needs a third-party program's source and
# its compilation database, which CI does not have (no network there), and one
# run takes minutes to hours.
#
# It fetches and builds nothing.  Getting a program ready is up to you:
#   1. get its source (a release tarball or a git clone) OUTSIDE this tree;
#      never commit it, nor anything built from it;
#   2. configure and build it the way its own documentation says, under a
#      compile-command recorder, so that compile_commands.json exists:
#        bear -- make ...                (Makefile and autotools builds)
#        intercept-build-19 make ...     (the same, from clang-tools-19)
#        meson setup B && ninja -C B     (meson writes B/compile_commands.json)
#        cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON ...
#      (The build matters: generated headers must exist and the flags must
#      be the ones the program is really compiled with.)
#   3. run:  tools/realcode.sh NAME=DIR_OR_compile_commands.json ...
#
# For every translation unit (each source file once, even when the database
# compiles it for several targets) it runs, one right after the other so
# that both see the same machine load:
#   A. clang-19 --analyze with the default checkers (the baseline);
#   B. the same, plus the iosafe plugin and its checkers (when it is built);
# and records the CPU time (user+sys, from wait4(2)) of each.  When the
# driver exists, `iosafe-check -p` then runs over the same (deduplicated)
# database (C).  All of it is repeated in rounds (--rounds), each in the
# other order (A B C, then C B A), and a unit's time is the median of its
# rounds: the overhead is sum(B)/sum(A) over the TUs both analysed, the
# driver's C/sum(A) over the TUs clang analysed.  A unit whose findings
# differ from one round to the next is reported (the analysis must be
# deterministic).
#
# Options (before the programs):
#   -j N             translation units in parallel (default 1)
#   --rounds N       measure everything N times, in rotated order (default 3)
#   --filter RE      only TUs whose absolute path matches RE (Python regex)
#   --exclude RE     skip TUs whose absolute path matches RE
#   --grep RE        only TUs whose source text matches RE (e.g. the fd
#                    calls, to measure the files the checkers have work in)
#   --plugin SO      the plugin (default build/plugin/iosafe-plugin.so)
#   --checkers LIST  iosafe checkers to enable, comma separated (default
#                    iosafe.Ownership, plus iosafe.PosixFd when the plugin
#                    registers it)
#   --driver PATH    iosafe-check (default build/bin/iosafe-check, then PATH)
#   --no-driver      do not run iosafe-check
#   --no-plugin      baseline only
#   --out DIR        where per-TU outputs and findings go (default
#                    build/realcode)
#
# Output: a Markdown table on stdout; under DIR/NAME/: findings.txt (every
# iosafe diagnostic with its notes), tus.tsv (per-TU times and status),
# driver.out and iosafe.sarif (the driver's).
#
# Exit status: 0 when every program was measured (findings or not), 2 on bad
# arguments or a missing database.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
jobs=1 rounds=3 filter= exclude= grep_re= plugin= checkers= driver= no_driver=0 no_plugin=0
out=

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
	case $1 in
	-j) jobs=$2; shift 2 ;;
	-j*) jobs=${1#-j}; shift ;;
	--rounds) rounds=$2; shift 2 ;;
	--filter) filter=$2; shift 2 ;;
	--exclude) exclude=$2; shift 2 ;;
	--grep) grep_re=$2; shift 2 ;;
	--plugin) plugin=$2; shift 2 ;;
	--checkers) checkers=$2; shift 2 ;;
	--driver) driver=$2; shift 2 ;;
	--no-driver) no_driver=1; shift ;;
	--no-plugin) no_plugin=1; shift ;;
	--out) out=$2; shift 2 ;;
	-h|--help) usage; exit 0 ;;
	--) shift; break ;;
	-*) echo "realcode: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || { echo "realcode: no program given (NAME=DIR_OR_DB)" >&2; usage >&2; exit 2; }
case $jobs in ''|*[!0-9]*|0) echo "realcode: -j needs a positive number" >&2; exit 2 ;; esac
case $rounds in ''|*[!0-9]*|0) echo "realcode: --rounds needs a positive number" >&2; exit 2 ;; esac

: "${plugin:=$here/build/plugin/iosafe-plugin.so}"
: "${out:=$here/build/realcode}"
if [ "$no_plugin" = 1 ] || [ ! -f "$plugin" ]; then
	[ "$no_plugin" = 1 ] || echo "realcode: no plugin at $plugin: baseline only" >&2
	plugin=
fi
if [ "$no_driver" = 0 ]; then
	if [ -z "$driver" ]; then
		if [ -x "$here/build/bin/iosafe-check" ]; then driver=$here/build/bin/iosafe-check
		else driver=$(command -v iosafe-check || true); fi
	fi
else
	driver=
fi
CLANG=${CLANG:-clang-19}
command -v "$CLANG" >/dev/null || { echo "realcode: $CLANG not found (make deps)" >&2; exit 2; }

export CLANG REALCODE_PLUGIN="$plugin" REALCODE_CHECKERS="$checkers" \
	REALCODE_DRIVER="$driver" REALCODE_JOBS="$jobs" REALCODE_ROUNDS="$rounds" REALCODE_FILTER="$filter" \
	REALCODE_EXCLUDE="$exclude" REALCODE_GREP="$grep_re" REALCODE_OUT="$out"
exec python3 - "$@" <<'PY'
# The measuring part, in Python for its JSON and wait4(2).
import concurrent.futures as cf
import json, os, re, shlex, statistics, subprocess, sys, time

env = os.environ
CLANG = env["CLANG"]
PLUGIN = env["REALCODE_PLUGIN"]
DRIVER = env["REALCODE_DRIVER"]
JOBS = int(env["REALCODE_JOBS"])
ROUNDS = int(env["REALCODE_ROUNDS"])
FILTER = re.compile(env["REALCODE_FILTER"]) if env["REALCODE_FILTER"] else None
EXCLUDE = re.compile(env["REALCODE_EXCLUDE"]) if env["REALCODE_EXCLUDE"] else None
GREP = re.compile(env["REALCODE_GREP"]) if env["REALCODE_GREP"] else None
OUT = env["REALCODE_OUT"]

def die(msg):
    print("realcode: " + msg, file=sys.stderr)
    sys.exit(2)

def plugin_checkers():
    """The iosafe checkers the plugin registers, from clang's own list."""
    if not PLUGIN:
        return []
    r = subprocess.run([CLANG, "-cc1", "-load", PLUGIN, "-analyzer-checker-help"],
                       capture_output=True, text=True)
    return sorted(set(re.findall(r"^\s*(iosafe\.[A-Za-z0-9_.]+)", r.stdout, re.M)))

CHECKERS = [c for c in env["REALCODE_CHECKERS"].split(",") if c]
if PLUGIN and not CHECKERS:
    have = plugin_checkers()
    CHECKERS = [c for c in ("iosafe.Ownership", "iosafe.PosixFd") if c in have]
    if not CHECKERS:
        die("the plugin %s registers no iosafe.Ownership checker" % PLUGIN)

# Compile flags that make no sense for an analysis run: outputs, dependency
# files, and -Werror (which would turn the analyzer's warnings into errors).
DROP1 = {"-c", "-MD", "-MMD", "-MP", "-M", "-MM", "-pipe"}
DROP2 = {"-o", "-MF", "-MT", "-MQ"}

def analysis_args(entry):
    if "arguments" in entry:
        argv = list(entry["arguments"])
    else:
        argv = shlex.split(entry["command"])
    src = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
    args, skip = [], False
    for a in argv[1:]:
        if skip:
            skip = False
            continue
        if a in DROP2:
            skip = True
            continue
        if a in DROP1 or a.startswith("-Werror") or a.startswith("-o") and len(a) > 2 \
           or a.startswith("-MF") or a.startswith("-MT") or a.startswith("-MQ"):
            continue
        if os.path.normpath(os.path.join(entry["directory"], a)) == src:
            continue
        args.append(a)
    return args, src

def run_timed(cmd, cwd, log):
    """Run cmd, stdout+stderr into log; return (status, cpu seconds, wall)."""
    t0 = time.monotonic()
    with open(log, "wb") as f:
        p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                             stdout=f, stderr=subprocess.STDOUT)
        _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, ru.ru_utime + ru.ru_stime, time.monotonic() - t0

# Colour codes, when a build's flags force -fcolor-diagnostics (meson does).
ANSI = re.compile(r"\x1b\[[0-9;]*m")
WARN = re.compile(r"^(.+?):(\d+):(\d+): warning: (.*) \[([A-Za-z0-9_.-]+)\]$")
# The acquisition notes of a finding (Diagnostics.cpp's note tags).
ACQUIRED = re.compile(r": note: .*\b(opened|created|received) here\b")
ANALYZER = re.compile(r"^(core|unix|deadcode|security|cplusplus|nullability|"
                      r"osx|apiModeling|alpha|optin|valist|fuchsia|webkit|iosafe)\.")

def diagnostics(log):
    """Analyzer warnings in a text-output log: list of (checker, first line, block)."""
    found, cur = [], None
    for line in open(log, errors="replace"):
        line = ANSI.sub("", line.rstrip("\n"))
        m = WARN.match(line)
        if m and ANALYZER.match(m.group(5)):
            cur = [m.group(5), line, [line]]
            found.append(cur)
        elif cur is not None and re.match(r"^.+?:\d+:\d+: note: ", line):
            cur[2].append(line)
        elif m or re.match(r"^.+?:\d+:\d+: (warning|error): ", line):
            cur = None
    return found

def crashed(status, log):
    if status < 0:
        return True
    txt = open(log, errors="replace").read()
    return "PLEASE submit a bug report" in txt or "Stack dump:" in txt

def one_tu(name, i, entry, rnd, res):
    """Round rnd of one unit: A then B, or B then A in odd rounds.  res
    collects, per side, (status, [CPU seconds of each round], crashed in
    any round) and the diagnostics of round 0; "unstable" when a later
    round's differ."""
    args, src = analysis_args(entry)
    d = os.path.join(OUT, name, "tu")
    base = [CLANG, "--analyze", "--analyzer-output", "text"] + args + \
        ["-fno-color-diagnostics"]
    extra = []
    if PLUGIN:
        extra = ["-Xclang", "-load", "-Xclang", PLUGIN]
        for c in CHECKERS:
            extra += ["-Xclang", "-analyzer-checker=" + c]
    sides = [("clang", base + [src])] + ([("iosafe", base + extra + [src])] if PLUGIN else [])
    res["file"] = src
    for side, cmd in (sides[::-1] if rnd % 2 else sides):
        log = os.path.join(d, "%04d.%s.log" % (i, side))
        st, cpu, _ = run_timed(cmd, entry["directory"], log)
        diags = [x for x in diagnostics(log) if side == "clang" or x[0].startswith("iosafe.")]
        old = res.get(side)
        res[side] = (st if old is None or old[0] == 0 else old[0], (old[1] if old else []) + [cpu],
                     crashed(st, log) or bool(old and old[2]))
        if rnd == 0:
            res[side + "_diags"] = diags
        elif diags != res[side + "_diags"]:
            res.setdefault("unstable", set()).add(side)
    return res

def cpu_of(side_result):
    return statistics.median(side_result[1])

def load_db(path):
    db = os.path.join(path, "compile_commands.json") if os.path.isdir(path) else path
    if not os.path.isfile(db):
        die("no compilation database at %s" % db)
    try:
        entries = json.load(open(db))
    except ValueError as e:
        die("%s: not valid JSON: %s" % (db, e))
    seen, keep, every = set(), [], []
    for e in entries:
        src = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if not src.endswith(".c") or src in seen:
            continue
        seen.add(src)
        every.append(src)
        if FILTER and not FILTER.search(src):
            continue
        if EXCLUDE and EXCLUDE.search(src):
            continue
        if GREP and not GREP.search(open(src, errors="replace").read()):
            continue
        keep.append(e)
    return db, keep, every

def lines_of(files):
    n = 0
    for f in files:
        with open(f, "rb") as fh:
            n += sum(1 for _ in fh)
    return n

rows = []
for spec in sys.argv[1:]:
    if "=" not in spec:
        die("give programs as NAME=DIR_OR_DB (got %r)" % spec)
    name, path = spec.split("=", 1)
    db, entries, every = load_db(path)
    if not entries:
        die("%s: no C translation units left after filtering" % db)
    os.makedirs(os.path.join(OUT, name, "tu"), exist_ok=True)
    # The deduplicated database, for the driver and for anyone re-running.
    fdb = os.path.join(OUT, name, "compile_commands.json")
    with open(fdb, "w") as f:
        json.dump(entries, f, indent=1)
    files = [os.path.normpath(os.path.join(e["directory"], e["file"])) for e in entries]
    print("realcode: %s: %d TUs, %d lines" % (name, len(entries), lines_of(files)),
          file=sys.stderr)
    results = [{} for _ in entries]
    driver_runs = []

    def run_driver():
        dout = os.path.join(OUT, name, "driver.out")
        cmd = [DRIVER, "-p", fdb, "-j", str(JOBS),
               "--sarif", os.path.join(OUT, name, "iosafe.sarif")]
        if PLUGIN:
            cmd += ["--plugin", PLUGIN]   # the same plugin as the per-TU runs
        st, cpu, w = run_timed(cmd, os.getcwd(), dout)
        driver_runs.append((st, cpu, w, sum(1 for l in open(dout, errors="replace")
                                            if WARN.match(ANSI.sub("", l.rstrip("\n")))
                                            and "[iosafe." in l)))

    t0 = time.monotonic()
    for rnd in range(ROUNDS):
        if DRIVER and rnd % 2:
            run_driver()
        with cf.ThreadPoolExecutor(JOBS) as ex:
            list(ex.map(lambda a: one_tu(name, a[0], a[1], rnd, results[a[0]]),
                        enumerate(entries)))
        if DRIVER and not rnd % 2:
            run_driver()
    wall = time.monotonic() - t0
    row = {"name": name, "tus": len(entries), "loc": lines_of(files), "wall": wall,
           "all_tus": len(every), "all_loc": lines_of(every)}
    ok = [r for r in results if r["clang"][0] == 0 and not r["clang"][2]]
    row["clang_fail"] = len(results) - len(ok)
    row["clang_cpu"] = sum(cpu_of(r["clang"]) for r in ok)
    row["unstable"] = [(r["file"], sorted(r["unstable"])) for r in results if r.get("unstable")]
    row["clang_findings"] = sum(len(r["clang_diags"]) for r in ok)
    with open(os.path.join(OUT, name, "tus.tsv"), "w") as f:
        f.write("file\tclang_status\tclang_cpu\tiosafe_status\tiosafe_cpu\tiosafe_findings\n")
        for r in results:
            io = r.get("iosafe", ("", [], False))
            f.write("%s\t%s\t%.3f\t%s\t%.3f\t%d\n" % (r["file"], r["clang"][0], cpu_of(r["clang"]),
                    "crash" if io[2] else io[0], cpu_of(io) if io[1] else 0.0,
                    len(r.get("iosafe_diags", []))))
    if PLUGIN:
        both = [r for r in ok if r["iosafe"][0] == 0 and not r["iosafe"][2]]
        row["crashes"] = [r["file"] for r in results if r["iosafe"][2]]
        row["iosafe_fail"] = [r["file"] for r in ok if r["iosafe"][0] != 0 and not r["iosafe"][2]]
        a = sum(cpu_of(r["clang"]) for r in both)
        b = sum(cpu_of(r["iosafe"]) for r in both)
        row["iosafe_cpu"] = b
        row["ratio"] = b / a if a else float("nan")
        # A header's finding shows in every TU that includes it: one finding
        # per warning line and acquisition.  Two fds leaking at one point
        # give the same warning line (two pipes at one return), and are told
        # apart by their "opened here" notes.
        seen, diags = set(), []
        for r in results:
            for d in r.get("iosafe_diags", []):
                key = (d[1], tuple(n for n in d[2] if ACQUIRED.search(n)))
                if key not in seen:
                    seen.add(key)
                    diags.append(d)
        row["findings"] = len(diags)
        row["by_checker"] = {}
        for d in diags:
            row["by_checker"][d[0]] = row["by_checker"].get(d[0], 0) + 1
        with open(os.path.join(OUT, name, "findings.txt"), "w") as f:
            for d in diags:
                f.write("\n".join(d[2]) + "\n\n")
    if DRIVER:
        st, _, _, n = driver_runs[-1]
        if len({(r[0], r[3]) for r in driver_runs}) > 1:
            row["unstable"].append(("iosafe-check -p", ["exit status or findings"]))
        row["driver"] = (st, statistics.median(r[1] for r in driver_runs),
                         statistics.median(r[2] for r in driver_runs), n)
    rows.append(row)

hdr = ["program", "TUs (all)", "lines (all)", "TUs measured", "lines measured",
       "clang CPU s", "clang findings"]
if PLUGIN:
    hdr += ["iosafe CPU s", "ratio", "iosafe findings", "crashes", "errors"]
if DRIVER:
    hdr += ["iosafe-check exit", "iosafe-check CPU s", "iosafe-check / clang",
            "iosafe-check wall s", "iosafe-check findings"]
print("| " + " | ".join(hdr) + " |")
print("|" + "---|" * len(hdr))
for r in rows:
    cells = [r["name"], str(r["all_tus"]), str(r["all_loc"]), str(r["tus"]), str(r["loc"]),
             "%.1f" % r["clang_cpu"], str(r["clang_findings"])]
    if r["clang_fail"]:
        cells[3] += " (%d fail to compile)" % r["clang_fail"]
    if PLUGIN:
        by = ", ".join("%s %d" % kv for kv in sorted(r["by_checker"].items()))
        cells += ["%.1f" % r["iosafe_cpu"], "%.2f" % r["ratio"],
                  "%d%s" % (r["findings"], " (%s)" % by if by else ""),
                  str(len(r["crashes"])), str(len(r["iosafe_fail"]))]
    if DRIVER:
        st, cpu, w, n = r["driver"]
        cells += [str(st), "%.1f" % cpu,
                  "%.2f" % (cpu / r["clang_cpu"]) if r["clang_cpu"] else "-", "%.1f" % w, str(n)]
    print("| " + " | ".join(cells) + " |")
print("realcode: %d round%s, CPU time: the median of each unit's rounds"
      % (ROUNDS, "" if ROUNDS == 1 else "s"), file=sys.stderr)
for r in rows:
    for f, sides in r["unstable"]:
        print("realcode: %s: findings differ between rounds: %s (%s)"
              % (r["name"], f, ", ".join(sides)), file=sys.stderr)
    for f in r.get("crashes", []):
        print("realcode: %s: analyzer crash with the plugin on %s" % (r["name"], f), file=sys.stderr)
    for f in r.get("iosafe_fail", []):
        print("realcode: %s: plugin run failed on %s" % (r["name"], f), file=sys.stderr)
print("realcode: per-TU logs and findings under %s" % OUT, file=sys.stderr)
PY

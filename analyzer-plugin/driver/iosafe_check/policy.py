# SPDX-License-Identifier: MIT
"""What is reported, for a project adopting iosafe-check on legacy code:
the configuration file, the bug types turned on or off, the baseline of
known findings and the suppression file.

Configuration file: `.iosafe-check.json` in the current directory, or the
file given with --config; a JSON object with any of these keys (paths
relative to the file's own directory):

    {"disable": ["fd leak"],            bug types not reported
     "enable": ["fd leak"],             turned back on (after "disable")
     "clang-checkers": false,           as --clang-checkers
     "baseline": "iosafe-baseline.json",     as --baseline
     "suppressions": "iosafe-suppressions.json",  as --suppressions
     "source-root": "."}                as --source-root

The command line comes after the file: its --disable, then its --enable,
apply to what the file left on.  An unknown key or bug type is an error.

Baseline (--write-baseline FILE, --baseline FILE): a JSON object
{"version": 1, "fingerprint": "iosafe/v1", "findings": [{"fingerprint",
"ruleId", "file", "function", "message"}, ...]}.  A finding whose
fingerprint (fingerprint.py) is in the baseline is known: not printed, not
in the SARIF results, not counted for the exit status; each baseline entry
matches one finding, and the entries that match none are counted as no
longer occurring, so that the baseline can be written again smaller.

Suppression file (--suppressions FILE): a JSON array of objects
{"bug-type": "fd leak", "path": "src/legacy/*.c", "function": "main",
"reason": "..."}; "path" is an fnmatch glob (`*` also matches `/`) matched
against the file relative to the source root and against its absolute
path; "function" is optional; "reason" is mandatory and not empty (an
entry without one is an error).  A suppressed finding is not printed and
not counted for the exit status, and stays in the SARIF results with a
`suppressions` entry (kind external, status accepted, the reason as its
justification: SARIF 2.1.0 3.35)."""

import fnmatch
import json
import os
import re
import subprocess

from .fingerprint import KEY

CONFIG_NAME = ".iosafe-check.json"
CONFIG_KEYS = {"disable", "enable", "clang-checkers", "baseline", "suppressions",
               "source-root"}


class PolicyError(Exception):
    """A bad configuration, baseline or suppression file (exit 2)."""


def _read_json(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        raise PolicyError("%s %s: %s" % (what, path, e.strerror))
    except ValueError as e:
        raise PolicyError("%s %s: not JSON: %s" % (what, path, e))


def load_config(path):
    """The configuration as a dict (paths made absolute), {} when path is
    None and there is no .iosafe-check.json here."""
    if path is None:
        if not os.path.isfile(CONFIG_NAME):
            return {}
        path = CONFIG_NAME
    cfg = _read_json(path, "configuration file")
    if not isinstance(cfg, dict):
        raise PolicyError("configuration file %s: not a JSON object" % path)
    bad = sorted(set(cfg) - CONFIG_KEYS)
    if bad:
        raise PolicyError("configuration file %s: unknown key %s (known: %s)" %
                          (path, ", ".join(map(repr, bad)), ", ".join(sorted(CONFIG_KEYS))))
    base = os.path.dirname(os.path.abspath(path))
    for k in ("disable", "enable"):
        v = cfg.get(k, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            raise PolicyError("configuration file %s: %r must be a list of bug types" % (path, k))
    for k in ("baseline", "suppressions", "source-root"):
        if k in cfg:
            if not isinstance(cfg[k], str) or not cfg[k]:
                raise PolicyError("configuration file %s: %r must be a path" % (path, k))
            cfg[k] = os.path.join(base, cfg[k])
    if "clang-checkers" in cfg and not isinstance(cfg["clang-checkers"], bool):
        raise PolicyError("configuration file %s: 'clang-checkers' must be true or false" % path)
    cfg["path"] = path
    return cfg


def enabled_kinds(kinds, cfg, disable, enable):
    """The bug types reported: all, less the file's "disable", plus its
    "enable", less --disable, plus --enable."""
    on = set(kinds)
    for where, names, add in (("configuration file", cfg.get("disable", []), False),
                              ("configuration file", cfg.get("enable", []), True),
                              ("--disable", disable, False), ("--enable", enable, True)):
        for n in names:
            if n not in kinds:
                raise PolicyError("%s: unknown bug type %r (the bug types: %s)" %
                                  (where, n, ", ".join(sorted(kinds))))
            (on.add if add else on.discard)(n)
    return on


def _location(res):
    loc = (res.get("locations") or [{}])[0].get("physicalLocation", {})
    return loc


class Suppressions:
    def __init__(self, path):
        self.path = path
        data = _read_json(path, "suppression file")
        if not isinstance(data, list):
            raise PolicyError("suppression file %s: not a JSON array" % path)
        self.entries = []
        for i, e in enumerate(data):
            where = "suppression file %s: entry %d" % (path, i + 1)
            if not isinstance(e, dict):
                raise PolicyError("%s: not an object" % where)
            bad = sorted(set(e) - {"bug-type", "path", "function", "reason"})
            if bad:
                raise PolicyError("%s: unknown key %s" % (where, ", ".join(map(repr, bad))))
            for k in ("bug-type", "path"):
                if not isinstance(e.get(k), str) or not e[k]:
                    raise PolicyError("%s: %r is missing" % (where, k))
            reason = e.get("reason")
            if not isinstance(reason, str) or not reason.strip():
                raise PolicyError("%s: a suppression needs a reason (\"reason\": why the "
                                  "finding is right about the code but not a bug)" % where)
            if "function" in e and (not isinstance(e["function"], str) or not e["function"]):
                raise PolicyError("%s: 'function' must be a name" % where)
            self.entries.append(e)

    def check_kinds(self, kinds):
        for i, e in enumerate(self.entries):
            if e["bug-type"] not in kinds:
                raise PolicyError("suppression file %s: entry %d: unknown bug type %r" %
                                  (self.path, i + 1, e["bug-type"]))

    def match(self, kind, rel, absolute, function):
        """The reason of the first entry that matches, or None."""
        for e in self.entries:
            if e["bug-type"] != kind:
                continue
            if not (fnmatch.fnmatchcase(rel, e["path"]) or
                    fnmatch.fnmatchcase(absolute, e["path"])):
                continue
            if "function" in e and e["function"] != function:
                continue
            return e["reason"]
        return None


def read_baseline(path):
    """{fingerprint: count} of a baseline file."""
    data = _read_json(path, "baseline")
    if not isinstance(data, dict) or data.get("fingerprint") != KEY or \
            not isinstance(data.get("findings"), list):
        raise PolicyError("baseline %s: not an iosafe-check baseline (written by "
                          "--write-baseline, fingerprint %s)" % (path, KEY))
    counts = {}
    for e in data["findings"]:
        fp = e.get("fingerprint") if isinstance(e, dict) else None
        if not isinstance(fp, str):
            raise PolicyError("baseline %s: an entry has no fingerprint" % path)
        counts[fp] = counts.get(fp, 0) + 1
    return counts


def baseline_text(results):
    """The text of a baseline file recording results."""
    entries = []
    for res in results:
        props = res.get("properties", {})
        art = _location(res).get("artifactLocation", {})
        entries.append({"fingerprint": res["partialFingerprints"][KEY],
                        "ruleId": res.get("ruleId"), "file": art.get("uri"),
                        "function": props.get("function", ""),
                        "message": res.get("message", {}).get("text", "")})
    entries.sort(key=lambda e: (e["file"] or "", e["ruleId"] or "", e["fingerprint"]))
    return json.dumps({"version": 1, "fingerprint": KEY, "findings": entries}, indent=2) + "\n"


class Diff:
    """--diff-base REV: the lines changed since REV (`git diff --unified=0
    REV`, the working tree against REV, run at the top of the git checkout
    that holds the current directory), as {absolute path: [(first, last)]}
    of the new side; added files count whole."""

    def __init__(self, rev):
        self.rev = rev
        try:
            top = subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True,
                                 text=True, check=True).stdout.strip()
            subprocess.run(["git", "rev-parse", "--verify", "--quiet", rev + "^{commit}"],
                           cwd=top, capture_output=True, check=True)
            out = subprocess.run(["git", "diff", "--no-color", "--no-ext-diff", "--unified=0",
                                  "--no-renames", rev, "--"], cwd=top, capture_output=True,
                                 check=True).stdout.decode("utf-8", "surrogateescape")
        except OSError as e:
            raise PolicyError("--diff-base %s: cannot run git: %s" % (rev, e.strerror))
        except subprocess.CalledProcessError:
            raise PolicyError("--diff-base %s: not a commit of the git checkout here" % rev)
        self.changed = {}
        path = None
        for line in out.split("\n"):
            if line.startswith("+++ "):
                name = line[4:]
                path = None if name == "/dev/null" else os.path.realpath(
                    os.path.join(top, name[2:]))
                if path:
                    self.changed.setdefault(path, [])
            elif line.startswith("@@") and path:
                m = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
                if m:
                    first, count = int(m.group(1)), int(m.group(2) or 1)
                    if count:
                        self.changed[path].append((first, first + count - 1))

    def files(self):
        return set(self.changed)

    def touches(self, locations):
        """Whether any (path, line) is on a changed line."""
        for path, line in locations:
            for first, last in self.changed.get(path, ()):
                if first <= line <= last:
                    return True
        return False


class Gate:
    """Judges each result of a run once (after its rule and fingerprint):
    "suppressed" (marked with SARIF suppressions), "known" (in the
    baseline: each baseline entry matches one finding) or "reported".
    uri_path gives a result's absolute path."""

    def __init__(self, baseline, suppressions, root, uri_path, diff=None, locations=None):
        self.baseline = baseline
        self.left = dict(baseline) if baseline else {}
        self.suppressions = suppressions
        self.root = root.rstrip("/") + "/"
        self.uri_path = uri_path
        self.suppressed = self.known = self.outside = 0
        self.diff, self.locations = diff, locations

    def judge(self, res):
        props = res.get("properties", {})
        kind = props.get("bugType") or res.get("ruleId")
        if self.suppressions:
            path = self.uri_path(res)
            rel = path[len(self.root):] if path.startswith(self.root) else path
            reason = self.suppressions.match(kind, rel, path, props.get("function", ""))
            if reason is not None:
                res["suppressions"] = [{"kind": "external", "status": "accepted",
                                        "justification": reason}]
                self.suppressed += 1
                return "suppressed"
        fp = res.get("partialFingerprints", {}).get(KEY)
        if self.left.get(fp):
            self.left[fp] -= 1
            self.known += 1
            return "known"
        if self.diff and not self.diff.touches(self.locations(res)):
            self.outside += 1
            return "known"  # dropped as a known finding is
        if self.baseline is not None:
            res["baselineState"] = "new"
        return "reported"

    @property
    def gone(self):
        """Baseline entries that matched no finding."""
        return sum(self.left.values())

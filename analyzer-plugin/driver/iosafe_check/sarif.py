# SPDX-License-Identifier: MIT
"""The SARIF 2.1.0 log of a run
(https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html).  Clang
writes one log per unit (-analyzer-output=sarif or sarif-html); Merger
merges them into one run, as code-scanning services want one run per tool
and upload."""

import json
import os
import re
import sys
import urllib.parse

from . import PROG, fingerprint, rules as rules_mod
from .rules import HOME
from .text import sanitize, shown


def uri_path(uri):
    """The path of a file: URI; percent-encoded bytes that are not UTF-8
    come back as the name's own bytes (surrogateescape, as os.fsdecode)."""
    if uri.startswith("file://"):
        return urllib.parse.unquote(urllib.parse.urlparse(uri).path, errors="surrogateescape")
    return uri


def path_uri(path):
    """The file: URI of a path: its bytes percent-encoded (RFC 8089, RFC
    3986 2.1), so that a name that is not UTF-8 is written exactly."""
    return "file://" + urllib.parse.quote(os.fsencode(os.path.abspath(path)))


# The checkers' note at an acquisition (analyzer-plugin/CallEffects.cpp,
# ReceivedFds.cpp, WinHandles.cpp): "fd opened here", "fd opened here by
# duplication", "handle opened here", "fd received here".
ACQUIRED_RE = re.compile(r"\b(opened|received) here\b")


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
    result found in several units (a header) is kept once.

    A result of an iosafe checker gets the ruleId of its bug type
    (`iosafe/SLUG`, rules.py), the checker's name in its properties and its
    partialFingerprints (fingerprint.py); keep decides, on the checker's
    name, which results are kept (None: all); kinds are the bug types'
    rules (rules.load()); root is the source root (--source-root, default
    the current directory) that URIs are written relative to."""

    def __init__(self, keep=None, kinds=None, root=None, version=None, enabled=None):
        self.keep = keep  # a predicate on ruleId, or None for every result
        self.kinds = kinds if kinds is not None else rules_mod.load()
        self.enabled = enabled  # the bug types reported (None: all)
        self.root = os.path.abspath(root or os.getcwd())
        self.version = version
        self.sources = fingerprint.Sources()
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

    def add(self, log, premade=False):
        """Adds the results of one Clang log (premade: of a log iosafe-check
        wrote, whose results already have their rules and fingerprints);
        returns those that are new."""
        self.premade = premade
        new = []
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
                if not premade and not self._classify(res):
                    continue
                if "ruleIndex" in res:
                    res["ruleIndex"] = rule_map.get(res["ruleIndex"], res["ruleIndex"])
                elif res.get("ruleId") in self.rule_index:
                    res["ruleIndex"] = self.rule_index[res["ruleId"]]
                key = self.key(res)
                if key in self.seen:
                    continue
                self.seen.add(key)
                self.results.append(res)
                new.append(res)
        return new

    def _classify(self, res):
        """Gives an iosafe result its bug type's ruleId and fingerprint;
        False when its bug type is disabled."""
        checker = res.get("ruleId") or ""
        kind = rules_mod.bug_type(res.get("message", {}).get("text", ""), self.kinds)
        props = res.setdefault("properties", {})
        props["checker"] = checker
        if kind and checker.startswith("iosafe."):
            if self.enabled is not None and kind not in self.enabled:
                return False
            res["ruleId"] = self.kinds[kind]["id"]
            res.pop("ruleIndex", None)
            props["bugType"] = kind
        locs = res.get("locations") or [{}]
        path, line, _ = loc_of(locs[0].get("physicalLocation", {}), self.artifacts)
        acq_path, acq_line = path, line
        for flow in res.get("codeFlows", [])[:1]:
            for tf in flow.get("threadFlows", [])[:1]:
                for tl in tf.get("locations", [])[:1]:
                    acq_path, acq_line, _ = loc_of(tl.get("location", {}).get(
                        "physicalLocation", {}), self.artifacts)
        fp, func = fingerprint.compute(self.sources, kind or checker, path, line,
                                       acq_path, acq_line, self.root)
        res["partialFingerprints"] = {fingerprint.KEY: fp}
        if func:
            props["function"] = func
        return True

    def drop(self, ids):
        """Removes the results whose id() is in ids (known findings)."""
        self.results = [r for r in self.results if id(r) not in ids]

    def key(self, res):
        """What makes two results one finding: the bug type, the location,
        the message and the acquisition its path shows (the checkers' "...
        opened here" or "fd received here" note; the path's first step when
        it has none).  The same finding from two units (a header compiled
        twice) is one; two fds leaking at the same return with the same
        message are two."""
        locs = res.get("locations") or [{}]
        f, line, col = loc_of(locs[0].get("physicalLocation", {}), self.artifacts)
        start = None
        for flow in res.get("codeFlows", [])[:1]:
            for tf in flow.get("threadFlows", [])[:1]:
                for tl in tf.get("locations", []):
                    where = loc_of(tl.get("location", {}).get("physicalLocation", {}),
                                   self.artifacts)
                    if start is None:
                        start = where
                    text = tl.get("location", {}).get("message", {}).get("text", "")
                    if ACQUIRED_RE.search(text):
                        start = where
                        break
        return (res.get("ruleId"), f, line, col, res.get("message", {}).get("text"), start)

    def sorted_results(self):
        def k(res):
            return self.key(res)[1:4] + (res.get("ruleId") or "", self.key(res)[4] or "")
        return sorted(self.results, key=k)

    def log(self, errors, units, complete=True, stopped_by=None):
        """The whole log: one run, the errors as toolExecutionNotifications,
        executionSuccessful false when there were errors or the run was
        stopped before its end (complete False)."""
        clang = self.tool or {}
        driver = {"name": PROG, "fullName": "iosafe-check (the iosafe checkers of the Clang "
                  "Static Analyzer)", "informationUri": HOME,
                  "version": self.version or "0"}
        if clang.get("version"):
            driver["properties"] = {"clang": clang["version"]}
        # Artifacts and rules in a stable order (by URI, by id), whatever
        # order the units finished in; the indexes into them renumbered.
        art_order = sorted(range(len(self.artifacts)),
                           key=lambda i: self.artifacts[i]["location"]["uri"])
        art_new = {old: new for new, old in enumerate(art_order)}
        # One rule per iosafe bug type reported (all but the disabled), and
        # one per Clang checker that has a result (--clang-checkers).
        rules = [r for k, r in self.kinds.items() if self.enabled is None or k in self.enabled]
        if getattr(self, "premade", False):  # merge: the inputs' rules
            rules = list(self.rules)
        results = json.loads(json.dumps(self.sorted_results()))
        have = {r["id"] for r in rules}
        for res in results:
            rid = res.get("ruleId")
            if rid not in have and rid in self.rule_index:
                rules.append(rules_mod.clang_rule(self.rules[self.rule_index[rid]]))
                have.add(rid)
        rules.sort(key=lambda r: r["id"])
        index = {r["id"]: i for i, r in enumerate(rules)}
        for res in results:
            res.pop("ruleIndex", None)
            if res.get("ruleId") in index:
                res["ruleIndex"] = index[res["ruleId"]]
            _renumber(res, art_new)
        driver["rules"] = rules
        notes = []
        for path, kind, _ in errors:
            note = {"level": "error", "message": {"text": "%s: %s" % (shown(path), kind)}}
            if path.startswith("/"):
                note["locations"] = [{"physicalLocation": {"artifactLocation": {
                    "uri": path_uri(path)}}}]
            notes.append(note)
        invocation = {"executionSuccessful": complete and not errors,
                      "commandLine": " ".join([PROG] + sys.argv[1:]),
                      "toolExecutionNotifications": notes}
        if not complete:
            invocation["exitSignalName"] = stopped_by or "SIGTERM"
            notes.append({"level": "error", "message": {
                "text": "the run was stopped by %s before every unit was analysed: this log "
                        "is partial" % (stopped_by or "a signal")}})
        run = {
            "tool": {"driver": driver},
            # Paths under the source root (--source-root, by default the
            # current directory: the checkout, in CI) are written relative
            # to it, with uriBaseId SRCROOT (SARIF 3.4.4, 3.14.14), as
            # code-scanning services expect; others stay absolute file: URIs.
            "originalUriBaseIds": {"SRCROOT": {"uri": path_uri(self.root).rstrip("/") + "/"}},
            "invocations": [invocation],
            "artifacts": [self.artifacts[i] for i in art_order],
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {"iosafe-check": {"translationUnits": units, "complete": complete}},
        }
        run = json.loads(json.dumps(run))  # a copy: the printed text keeps absolute paths
        relativize(run, self.root.rstrip("/") + "/")
        return sanitize({"$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
                                    "cos02/schemas/sarif-schema-2.1.0.json",
                         "version": "2.1.0", "runs": [run]})


def _renumber(obj, art_new):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "artifactLocation" and isinstance(v, dict) and "index" in v:
                v["index"] = art_new.get(v["index"], v["index"])
            else:
                _renumber(v, art_new)
    elif isinstance(obj, list):
        for v in obj:
            _renumber(v, art_new)


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
                    v["uri"] = urllib.parse.quote(os.fsencode(path[len(root):]))
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

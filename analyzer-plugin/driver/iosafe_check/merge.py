# SPDX-License-Identifier: MIT
"""`iosafe-check merge OUT.sarif IN.sarif...`: the SARIF logs of several
runs (the shards of one database, --shard K/N, run on several CI runners)
merged into one run, as an unsharded run writes it: artifacts and rules
de-duplicated, results de-duplicated (a header's finding seen in two
shards is kept once) and sorted, the translation units and the error
notifications of every input kept.  The baseline and the suppression file
(--baseline, --suppressions, or the configuration file's) are applied here,
once, to the merged results; an input that was written with a baseline or
suppressions already applied is refused, since a known finding it dropped
would count as gone.

Prints the reported findings in the compiler's format and the summary;
exit status as iosafe-check's: 0 clean, 1 findings, 2 errors (a bad
argument, an input that is not an iosafe-check log, an input whose run had
errors or was partial)."""

import argparse
import json
import os
import sys
import urllib.parse

from . import PROG, output, policy, rules
from .output import OutputError, OutputFile
from .policy import PolicyError
from .sarif import Merger, uri_path
from .text import show_path, shown

USAGE = ("%s merge [--baseline FILE] [--write-baseline FILE] [--suppressions FILE] "
         "[--config FILE] OUT.sarif IN.sarif..." % PROG)


def _err(msg):
    print("%s merge: error: %s" % (PROG, msg), file=sys.stderr)


def main(argv, config):
    class Parser(argparse.ArgumentParser):
        def error(self, message):
            raise PolicyError(message)

    p = Parser(prog=PROG + " merge", usage=USAGE,
               description="Merge the SARIF logs of iosafe-check runs (--shard) into one.")
    p.add_argument("--baseline", metavar="FILE")
    p.add_argument("--write-baseline", metavar="FILE")
    p.add_argument("--suppressions", metavar="FILE")
    p.add_argument("--config", metavar="FILE")
    p.add_argument("out", metavar="OUT.sarif")
    p.add_argument("inputs", metavar="IN.sarif", nargs="+")
    try:
        a = p.parse_args(argv)
        cfg = policy.load_config(a.config)
        baseline = a.baseline or cfg.get("baseline")
        known = policy.read_baseline(baseline) if baseline else None
        supp_path = a.suppressions or cfg.get("suppressions")
        supp = policy.Suppressions(supp_path) if supp_path else None
        if supp:
            supp.check_kinds(rules.load())
        logs = []
        for path in a.inputs:
            try:
                with open(path, encoding="utf-8") as f:
                    log = json.load(f)
                run = log["runs"][0]
                if run["tool"]["driver"]["name"] != PROG or len(log["runs"]) != 1:
                    raise ValueError("not one run of %s" % PROG)
            except (OSError, ValueError, KeyError, IndexError, TypeError) as e:
                raise PolicyError("%s: not a SARIF log of %s: %s" % (shown(path), PROG, e))
            props = run.get("properties", {}).get(PROG, {})
            if props.get("baselineApplied") or props.get("suppressionsApplied"):
                raise PolicyError("%s was written with a baseline or suppressions applied: "
                                  "run the shards without them and give them to merge"
                                  % shown(path))
            logs.append((path, log))
        out = OutputFile(a.out, "OUT.sarif")
        baseline_out = OutputFile(a.write_baseline, "--write-baseline") \
            if a.write_baseline else None
    except (PolicyError, OutputError) as e:
        _err(str(e))
        print("usage: " + USAGE, file=sys.stderr)
        return 2

    bases = {json.dumps(l["runs"][0].get("originalUriBaseIds", {}), sort_keys=True)
             for _, l in logs}
    if len(bases) != 1:
        _err("the inputs have different source roots (originalUriBaseIds): %s" %
             " ".join(sorted(bases)))
        out.close()
        return 2
    base_ids = json.loads(bases.pop())
    root = uri_path(base_ids.get("SRCROOT", {}).get("uri", "file://" + os.getcwd()))
    merger = Merger(root=root, version=config.version)
    units, notes, complete, tool = [], [], True, None
    for path, log in logs:
        run = log["runs"][0]
        tool = tool or run["tool"]["driver"]
        merger.add(log, premade=True)
        props = run.get("properties", {}).get(PROG, {})
        units += props.get("translationUnits", [])
        complete = complete and props.get("complete", True)
        for inv in run.get("invocations", []):
            notes += inv.get("toolExecutionNotifications", [])
    merger.tool = {k: v for k, v in tool.items() if k != "rules"}

    def abs_path(res):
        art = (res.get("locations") or [{}])[0].get("physicalLocation", {}).get(
            "artifactLocation", {})
        uri = art.get("uri", "")
        if "index" in art and not uri:
            uri = merger.artifacts[art["index"]]["location"].get("uri", "")
        if uri.startswith("file://"):
            return uri_path(uri)
        return os.path.join(root, urllib.parse.unquote(uri, errors="surrogateescape"))

    gate = policy.Gate(known, supp, root, abs_path)
    states = {id(res): gate.judge(res) for res in merger.sorted_results()}
    log = merger.log([], units, complete)
    run = log["runs"][0]
    run["invocations"][0]["toolExecutionNotifications"] = notes
    run["invocations"][0]["executionSuccessful"] = complete and not any(
        n.get("level") == "error" for n in notes)
    run["properties"][PROG].update({"merged": len(logs), "baselineApplied": known is not None,
                                    "suppressionsApplied": supp is not None})
    if baseline_out:
        baseline_out.write(policy.baseline_text(
            [r for r in run["results"] if not r.get("suppressions")]))
    merger.drop({i for i, st in states.items() if st == "known"})
    log2 = merger.log([], units, complete)
    run["results"] = log2["runs"][0]["results"]
    reported = [r for r in merger.sorted_results() if states.get(id(r)) == "reported"]
    output.print_results(reported, merger.artifacts, sys.stdout)
    try:
        out.write(json.dumps(log, indent=2) + "\n")
    except OutputError as e:
        _err(str(e))
        return 2
    extra = ""
    if supp:
        extra += "; %d suppressed" % gate.suppressed
    if known is not None:
        extra += "; %d known (baseline)" % gate.known
    errors = sum(1 for n in notes if n.get("level") == "error")
    print("%s merge: %d finding%s from %d log%s (%d translation units; %d error%s%s)" % (
        PROG, len(reported), "" if len(reported) == 1 else "s", len(logs),
        "" if len(logs) == 1 else "s", len(units), errors, "" if errors == 1 else "s", extra))
    if known is not None:
        print("%s merge: baseline: %d known finding%s hidden; %d baseline entr%s no longer "
              "occur%s" % (PROG, gate.known, "" if gate.known == 1 else "s", gate.gone,
                           "y" if gate.gone == 1 else "ies", "s" if gate.gone == 1 else ""))
    print("%s merge: SARIF: %s" % (PROG, show_path(a.out)))
    if errors or not complete:
        return 2
    return 1 if reported else 0

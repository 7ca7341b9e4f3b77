# SPDX-License-Identifier: MIT
"""Structural validation of a SARIF 2.1.0 log, standard library only.

No Debian package ships the SARIF 2.1.0 JSON schema (python3-sarif-python-om
and golang-github-haya14busa-go-sarif-dev, the two SARIF packages of
bookworm, do not), and iosafe does not commit the OASIS schema file.  So this
module checks, by hand, the properties the schema and the standard require
of what iosafe-check writes (OASIS SARIF 2.1.0, sections 3.13 sarifLog,
3.14 run, 3.18 toolComponent, 3.20 invocation, 3.27 result, 3.28
location, 3.29 physicalLocation, 3.30 region, 3.36 codeFlow, 3.37
threadFlow, 3.38 threadFlowLocation, 3.49 reportingDescriptor, 3.58
notification).  When the environment names a schema file (SARIF_SCHEMA) and
python3-jsonschema is installed, validate_full() also checks the log against
it.
"""

import json

LEVELS = {"none", "note", "warning", "error"}
IMPORTANCE = {"important", "essential", "unimportant"}


class Invalid(Exception):
    pass


def _need(cond, where, what):
    if not cond:
        raise Invalid("%s: %s" % (where, what))


def _message(m, where):
    _need(isinstance(m, dict), where, "message is not an object")
    _need(isinstance(m.get("text"), str) or isinstance(m.get("id"), str), where,
          "message has neither text nor id (3.11.6)")


def _region(r, where):
    _need(isinstance(r, dict), where, "region is not an object")
    for k in ("startLine", "startColumn", "endLine", "endColumn"):
        if k in r:
            _need(isinstance(r[k], int) and r[k] >= 1, where, "%s must be an integer >= 1" % k)
    _need("startLine" in r or "charOffset" in r or "byteOffset" in r, where,
          "region has no start (3.30.2)")
    if "endLine" in r:
        _need(r["endLine"] >= r.get("startLine", 1), where, "endLine before startLine")


def _artifact_location(a, where, n_artifacts):
    _need(isinstance(a, dict), where, "artifactLocation is not an object")
    _need("uri" in a or "index" in a, where, "artifactLocation has neither uri nor index")
    if "uri" in a:
        _need(isinstance(a["uri"], str) and a["uri"], where, "uri is not a string")
    if "index" in a:
        _need(isinstance(a["index"], int) and 0 <= a["index"] < n_artifacts, where,
              "artifact index %r out of range (%d artifacts)" % (a["index"], n_artifacts))


def _location(loc, where, n_artifacts):
    _need(isinstance(loc, dict), where, "location is not an object")
    if "message" in loc:
        _message(loc["message"], where)
    if "physicalLocation" in loc:
        pl = loc["physicalLocation"]
        _need(isinstance(pl, dict), where, "physicalLocation is not an object")
        _need("artifactLocation" in pl or "address" in pl, where,
              "physicalLocation without artifactLocation or address (3.29.2)")
        if "artifactLocation" in pl:
            _artifact_location(pl["artifactLocation"], where, n_artifacts)
        if "region" in pl:
            _region(pl["region"], where)


def validate(log):
    """Raise Invalid when log breaks a requirement of SARIF 2.1.0."""
    _need(isinstance(log, dict), "sarifLog", "not an object")
    _need(log.get("version") == "2.1.0", "sarifLog", "version must be \"2.1.0\" (3.13.2)")
    if "$schema" in log:
        _need(isinstance(log["$schema"], str), "sarifLog", "$schema is not a string")
    runs = log.get("runs")
    _need(isinstance(runs, list), "sarifLog", "runs must be an array (3.13.4)")
    for ri, run in enumerate(runs):
        w = "runs[%d]" % ri
        _need(isinstance(run, dict), w, "not an object")
        tool = run.get("tool")
        _need(isinstance(tool, dict) and isinstance(tool.get("driver"), dict), w,
              "tool.driver is required (3.14.6, 3.18.2)")
        driver = tool["driver"]
        _need(isinstance(driver.get("name"), str) and driver["name"], w,
              "tool.driver.name is required (3.19.8)")
        rules = driver.get("rules", [])
        _need(isinstance(rules, list), w, "rules is not an array")
        ids = []
        for i, rule in enumerate(rules):
            _need(isinstance(rule, dict) and isinstance(rule.get("id"), str), w,
                  "rules[%d] has no id (3.49.3)" % i)
            ids.append(rule["id"])
        _need(len(ids) == len(set(ids)), w, "rule ids are not unique")
        artifacts = run.get("artifacts", [])
        _need(isinstance(artifacts, list), w, "artifacts is not an array")
        uris = []
        for i, art in enumerate(artifacts):
            _need(isinstance(art, dict), w, "artifacts[%d] is not an object" % i)
            if "location" in art:
                _artifact_location(art["location"], "%s.artifacts[%d]" % (w, i), len(artifacts))
                uris.append(art["location"].get("uri"))
        _need(len(uris) == len(set(uris)), w, "artifacts are listed twice")
        for ii, inv in enumerate(run.get("invocations", [])):
            wi = "%s.invocations[%d]" % (w, ii)
            _need(isinstance(inv.get("executionSuccessful"), bool), wi,
                  "executionSuccessful is required (3.20.14)")
            for ni, note in enumerate(inv.get("toolExecutionNotifications", [])):
                _message(note.get("message"), "%s.notifications[%d]" % (wi, ni))
                if "level" in note:
                    _need(note["level"] in LEVELS, wi, "bad notification level")
                for loc in note.get("locations", []):
                    _location(loc, wi, len(artifacts))
        results = run.get("results", [])
        _need(isinstance(results, list), w, "results is not an array")
        for i, res in enumerate(results):
            wr = "%s.results[%d]" % (w, i)
            _need(isinstance(res, dict), wr, "not an object")
            _message(res.get("message"), wr)
            if "level" in res:
                _need(res["level"] in LEVELS, wr, "bad level %r (3.27.10)" % res["level"])
            if "ruleIndex" in res:
                ri_ = res["ruleIndex"]
                _need(isinstance(ri_, int) and 0 <= ri_ < len(rules), wr,
                      "ruleIndex out of range (3.27.6)")
                if "ruleId" in res:
                    _need(rules[ri_]["id"] == res["ruleId"], wr,
                          "ruleId %r differs from rules[ruleIndex].id %r (3.27.5)"
                          % (res["ruleId"], rules[ri_]["id"]))
            for loc in res.get("locations", []):
                _location(loc, wr, len(artifacts))
            for cf in res.get("codeFlows", []):
                tfs = cf.get("threadFlows")
                _need(isinstance(tfs, list) and tfs, wr, "codeFlow without threadFlows (3.36.3)")
                for tf in tfs:
                    locs = tf.get("locations")
                    _need(isinstance(locs, list) and locs, wr,
                          "threadFlow without locations (3.37.6)")
                    for tl in locs:
                        if "importance" in tl:
                            _need(tl["importance"] in IMPORTANCE, wr, "bad importance")
                        if "location" in tl:
                            _location(tl["location"], wr, len(artifacts))
    return True


def validate_full(log, schema_path):
    """Validate against the OASIS schema file; returns False when
    python3-jsonschema is missing.  Raises Invalid on a violation."""
    try:
        import jsonschema
    except ImportError:
        return False
    with open(schema_path) as f:
        schema = json.load(f)
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(log))
    if errors:
        raise Invalid("schema: %s at %s" % (errors[0].message[:200], list(errors[0].path)))
    return True

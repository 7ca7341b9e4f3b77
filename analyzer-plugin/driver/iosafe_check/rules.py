# SPDX-License-Identifier: MIT
"""iosafe's bug types as SARIF rules, read from their documentation pages
(docs/bug-types/SLUG.md, installed with the driver in
$(datarootdir)/iosafe/bug-types/), so that the page is the one source of a
rule's text: its title names the bug type, its first paragraph is the
rule's fullDescription (the first sentence its shortDescription), and its
"## Bad" and "## Good" examples go into the rule's help (SARIF 2.1.0
3.49 reportingDescriptor).  A finding's bug type is the prefix of its
message ("fd leak: ..."), as the plugin writes it (analyzer-plugin/
Engine.cpp); its ruleId is `iosafe/SLUG`, the checker that found it is kept
in the result's properties."""

import glob
import os
import re

from . import PROG

HOME = "https://github.com/iosafe/iosafe"
DOCS_URI = HOME + "/blob/main/docs/bug-types/"


def docs_dir():
    """The folder of the bug-type pages: installed beside the package
    ($(datarootdir)/iosafe/bug-types beside .../iosafe/python), copied into
    the build tree ($(BUILD)/bug-types), or the checkout's docs/."""
    pkg = os.path.dirname(os.path.abspath(__file__))
    for d in (os.path.join(pkg, "..", "..", "bug-types"),
              os.path.join(pkg, "..", "..", "..", "docs", "bug-types")):
        if glob.glob(os.path.join(d, "*-*.md")) or os.path.isfile(os.path.join(d, "fd-leak.md")):
            return os.path.normpath(d)
    return None


def _block(text, heading):
    m = re.search(r"^## %s\n+```c\n(.*?)\n```" % heading, text, re.M | re.S)
    return m.group(1) if m else ""


def load(d=None):
    """{bug type: rule} for every page; {} when no page is found."""
    d = d or docs_dir()
    rules = {}
    if not d:
        return rules
    for page in sorted(glob.glob(os.path.join(d, "*.md"))):
        slug = os.path.basename(page)[:-3]
        if slug == "README":
            continue
        with open(page, encoding="utf-8") as f:
            text = f.read()
        m = re.match(r"# `([a-z ]+)`\n", text)
        if not m:
            continue
        kind = m.group(1)
        checkers = re.findall(r"`(iosafe\.\w+)`", text.split("\n\n", 2)[1])
        paras = [p for p in text.split("\n\n")[2:] if p and not p.startswith("#")]
        full = " ".join(paras[0].split()) if paras else kind
        short = re.split(r"(?<=\.)\s", full, 1)[0]
        bad, good = _block(text, "Bad"), _block(text, "Good")
        help_uri = DOCS_URI + slug + ".md"
        rules[kind] = {
            "id": "iosafe/" + slug,
            "name": "".join(w.capitalize() for w in slug.split("-")),
            "shortDescription": {"text": short},
            "fullDescription": {"text": full},
            "help": {
                "text": "%s\n\nBad:\n%s\n\nGood:\n%s\n\nMore: %s" % (full, bad, good, help_uri),
                "markdown": "%s\n\n**Bad**\n\n```c\n%s\n```\n\n**Good**\n\n```c\n%s\n```\n\n"
                            "[The `%s` page](%s)" % (full, bad, good, kind, help_uri)},
            "helpUri": help_uri,
            "defaultConfiguration": {"level": "warning"},
            "properties": {"bugType": kind, "checkers": checkers,
                           "tags": ["iosafe", "file-descriptor", "reliability"]},
        }
    return rules


def clang_rule(rule):
    """A rule of one of Clang's own checkers (--clang-checkers), with the
    texts GitHub's ingestion rules want (GH2012): Clang gives a
    fullDescription (for some checkers a debug checker's text) and a helpUri
    only."""
    cid = rule.get("id", "?")
    text = "Clang Static Analyzer checker %s" % cid
    uri = rule.get("helpUri") or "https://clang.llvm.org/docs/analyzer/checkers.html"
    return {"id": cid, "name": cid.replace(".", ""),
            "shortDescription": {"text": text},
            "fullDescription": {"text": "%s (reported with %s --clang-checkers)." % (text, PROG)},
            "help": {"text": "%s: see %s" % (text, uri),
                     "markdown": "%s: see [its documentation](%s)" % (text, uri)},
            "helpUri": uri,
            "defaultConfiguration": {"level": "warning"},
            "properties": {"checkers": [cid], "tags": ["clang"]}}


def bug_type(message, kinds):
    """The bug type a message starts with ("fd leak: ..."), or None."""
    head = message.split(":", 1)[0]
    return head if head in kinds else None

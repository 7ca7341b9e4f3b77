#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/docs/check-bug-types.py PLUGIN: the bug-type pages are true.

Each docs/bug-types/SLUG.md is titled with its bug type's name and holds a
"## Bad" and a "## Good" C example.  Every Bad example, analysed by the real
clang-19 with the plugin (iosafe.Ownership, iosafe.PosixFd and
iosafe.WinHandle, as iosafe-check runs them; for the target a page names on
a "Target:" line, Windows code with the mingw-w64 headers), must get a report of exactly that bug type; every
Good example must get no iosafe report at all.  The list of pages must
match the bug types the plugin's README names (analyzer-plugin/README.md,
"Bug types"), so that no bug type is left without a page.
Prints one line per page and "bug-types: N passed, N failed".
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CLANG = os.environ.get("CLANG", "clang-19")


def example(text, heading):
    m = re.search(r"^## %s\n+```c\n(.*?)\n```" % heading, text, re.M | re.S)
    return m.group(1) + "\n" if m else None


def iosafe_reports(plugin, code, work, name, kinds, target=None):
    path = os.path.join(work, name + ".c")
    with open(path, "w") as f:
        f.write(code)
    cross = ["--target=" + target] if target else []
    p = subprocess.run([CLANG, "--analyze"] + cross + ["-Xclang", "-load", "-Xclang", plugin,
                        "-Xclang",
                        "-analyzer-checker=iosafe.Ownership,iosafe.PosixFd,iosafe.WinHandle",
                        "-Xclang", "-analyzer-output=text",
                        "-I", os.path.join(ROOT, "include"), "-o", os.devnull, path],
                       capture_output=True, text=True)
    if "error:" in p.stderr:
        raise RuntimeError("%s does not compile:\n%s" % (name, p.stderr))
    found = []
    for m in re.finditer(r"warning: ([a-z ]+?):", p.stderr):
        if m.group(1) in kinds:
            found.append(m.group(1))
    return found


def main():
    plugin = os.path.abspath(sys.argv[1])
    readme = open(os.path.join(ROOT, "analyzer-plugin", "README.md")).read()
    section = readme.split("## Bug types", 1)[1].split("\n## ", 1)[0]
    kinds = set(re.findall(r"^\| `([a-z ]+)`", section, re.M))
    pages = sorted(p for p in glob.glob(os.path.join(ROOT, "docs", "bug-types", "*.md"))
                   if os.path.basename(p) != "README.md")
    passed = failed = 0
    titled = set()
    with tempfile.TemporaryDirectory(prefix="iosafe-bug-types.") as work:
        for page in pages:
            slug = os.path.basename(page)[:-3]
            text = open(page).read()
            m = re.match(r"# `([a-z ]+)`\n", text)
            problems = []
            if not m:
                problems.append("no '# `bug type`' title")
                kind = None
            else:
                kind = m.group(1)
                titled.add(kind)
                if slug != kind.replace(" ", "-"):
                    problems.append("file name is not the bug type's (%s)" % kind)
                if "`iosafe/%s`" % slug not in text:
                    problems.append("no SARIF rule id iosafe/%s" % slug)
            # A page about Windows code names its target ("Target:
            # `x86_64-w64-mingw32`"): its examples are analysed for it.
            t = re.search(r"^Target: `([a-z0-9_-]+)`", text, re.M)
            target = t.group(1) if t else None
            bad, good = example(text, "Bad"), example(text, "Good")
            if not bad or not good:
                problems.append("no Bad or no Good C example")
            if kind and bad and good:
                try:
                    got = iosafe_reports(plugin, bad, work, slug + "-bad", kinds, target)
                    if kind not in got:
                        problems.append("Bad example: no '%s' report (got: %s)"
                                        % (kind, ", ".join(got) or "none"))
                    got = iosafe_reports(plugin, good, work, slug + "-good", kinds, target)
                    if got:
                        problems.append("Good example: reports %s" % ", ".join(got))
                except RuntimeError as e:
                    problems.append(str(e))
            if problems:
                failed += 1
                print("bug-types: FAIL %s: %s" % (slug, "; ".join(problems)))
            else:
                passed += 1
                print("bug-types: ok %s" % slug)
    for k in sorted(kinds - titled):
        failed += 1
        print("bug-types: FAIL no page for bug type '%s'" % k)
    print("bug-types: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tools/compile-db.py OUT DIR OBJDIR -- COMPILER FLAGS... -- SOURCES...

Writes the JSON compilation database
(https://clang.llvm.org/docs/JSONCompilationDatabase.html) of the sources
that the build compiles with COMPILER FLAGS, one entry each with its
"arguments" as the build passes them (`-c SRC -o OBJDIR/NAME.o`), so that
`iosafe-check -p build/` and other Clang tools see the same flags as the
compiler.  Written only when its text changes, so make sees no new file.
"""
import json
import os
import sys


def main(argv):
    out, directory, objdir = argv[1:4]
    rest = argv[4:]
    if rest[:1] != ["--"] or "--" not in rest[1:]:
        sys.exit("usage: compile-db.py OUT DIR OBJDIR -- COMPILER FLAGS... -- SOURCES...")
    i = rest.index("--", 1)
    command, sources = rest[1:i], rest[i + 1:]
    entries = []
    for src in sources:
        obj = os.path.join(objdir, os.path.splitext(os.path.basename(src))[0] + ".o")
        entries.append({"directory": directory, "file": src, "output": obj,
                        "arguments": command + ["-c", src, "-o", obj]})
    text = json.dumps(entries, indent=1) + "\n"
    try:
        if open(out).read() == text:
            return 0
    except OSError:
        pass
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out + ".tmp", "w") as f:
        f.write(text)
    os.replace(out + ".tmp", out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

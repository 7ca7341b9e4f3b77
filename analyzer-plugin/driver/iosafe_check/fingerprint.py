# SPDX-License-Identifier: MIT
"""partialFingerprints (SARIF 2.1.0 3.27.17) of a finding, stable across
unrelated line shifts: a SHA-256 of the bug type, the file (relative to the
source root), the function the finding is in, and the source text of its
acquisition line (the first location of its path, e.g. "fd opened here")
and of its report line, each with its white space collapsed.  No line
number goes in, so lines added or removed above the function, or inside
it between those two lines, leave it unchanged; editing either line, or
renaming the function or the file, makes it a new finding.  The key is
`iosafe/v1`; baselines (--write-baseline) store it.

The function is read from the source: the nearest line at or above the
report line that starts at column 1 with a name followed by "(" and is not
a declaration ending in ";" (the K&R/BSD style, return type on its own
line, and `int f(void)` on one line both match)."""

import hashlib
import os
import re

KEY = "iosafe/v1"
_FUNC = re.compile(r"^(?!(?:if|for|while|switch|return|else|do|typedef|struct|union|enum)\b)"
                   r"[A-Za-z_][\w \t\*]*?\b([A-Za-z_]\w*)\s*\(")


class Sources:
    """Source lines read once per file (missing files give no lines)."""

    def __init__(self):
        self.files = {}

    def lines(self, path):
        if path not in self.files:
            try:
                with open(path, encoding="utf-8", errors="surrogateescape") as f:
                    self.files[path] = f.read().split("\n")
            except OSError:
                self.files[path] = []
        return self.files[path]

    def line(self, path, n):
        lines = self.lines(path)
        return " ".join(lines[n - 1].split()) if 0 < n <= len(lines) else ""

    def function(self, path, n):
        lines = self.lines(path)
        for i in range(min(n, len(lines)) - 1, -1, -1):
            text = lines[i]
            m = _FUNC.match(text)
            if m and not text.rstrip().endswith(";"):
                return m.group(1)
            if text.startswith("}") and i < n - 1:
                break  # the end of an earlier function: none found above
        return ""


def compute(sources, kind, path, report_line, acq_path, acq_line, root):
    """(fingerprint, function) of one finding; paths absolute."""
    func = sources.function(path, report_line)
    rel = os.path.relpath(path, root) if path.startswith(root.rstrip("/") + "/") else path
    parts = [kind, rel, func, sources.line(acq_path, acq_line), sources.line(path, report_line)]
    h = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
    return h[:32], func

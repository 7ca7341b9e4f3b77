# SPDX-License-Identifier: MIT
"""Names as printed: every string the driver prints that comes from outside
(file names, directory names, compiler output, messages) goes through
shown(), so that no name can start a new line in a CI log, forge a
`file:line: warning:` line or a GitHub Actions workflow command (a line
starting with `::`), or put bytes that are not UTF-8 on the terminal."""

import os
import re

# C0 and C1 controls, DEL, the Unicode line and paragraph separators, the
# bidirectional controls (which reorder what a log shows: CVE-2021-42574),
# and the lone surrogates by which Python carries bytes that are not UTF-8
# (os.fsdecode's surrogateescape, PEP 383).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
                     "\ud800-\udfff\\\\]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(m):
    c = m.group(0)
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    if 0xDC80 <= n <= 0xDCFF:  # an undecodable byte, as surrogateescape holds it
        return "\\x%02x" % (n - 0xDC00)
    if n < 0x100:
        return "\\x%02x" % n
    return "\\u%04x" % n


def shown(s):
    """s with control characters, backslashes and undecodable bytes written
    as escapes (\\n, \\t, \\x1b, \\xff, \\u2028): one printable line."""
    if not isinstance(s, str):
        s = str(s)
    return _UNSAFE.sub(_escape, s)


def shown_line(s):
    """A line of relayed output (the compiler's): escaped as shown() but for
    backslashes, which compiler messages use, and never starting a workflow
    command."""
    s = _UNSAFE.sub(lambda m: m.group(0) if m.group(0) == "\\" else _escape(m), s)
    if s.startswith("::") or s.startswith("##["):
        s = " " + s
    return s


def show_path(path):
    """The path relative to the current directory when under it, escaped;
    one that would start with `::` or `-` gets `./` in front."""
    try:
        rel = os.path.relpath(path, os.getcwd())
        if not rel.startswith(".."):
            path = rel
    except (ValueError, OSError):
        pass
    s = shown(path)
    if s.startswith("::") or s.startswith("##["):
        s = "./" + s
    return s


def sanitize(obj):
    """A copy of a JSON value with every string made valid Unicode: lone
    surrogates (bytes that are not UTF-8 in a name) become their escapes,
    since a SARIF file must be UTF-8 (SARIF 2.1.0, 3.1)."""
    if isinstance(obj, str):
        # isascii() and the regex scan in C: a SARIF log holds every rule's
        # help text, tens of thousands of characters.
        if not obj.isascii() and _SURROGATE.search(obj):
            return _SURROGATE.sub(_escape, obj)
        return obj
    if isinstance(obj, dict):
        return {sanitize(k): sanitize(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [sanitize(v) for v in obj]
    return obj

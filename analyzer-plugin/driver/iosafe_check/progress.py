# SPDX-License-Identifier: MIT
"""The progress line iosafe-check writes on standard error while the units
run, when standard error is a terminal."""

import sys

from . import PROG


class Progress:
    """One line on standard error, rewritten as units finish, when it is a
    terminal (nothing otherwise): units done of total, findings so far,
    elapsed time and an estimate of the time left."""

    def __init__(self, total):
        import time
        self.time = time.monotonic
        self.start = self.time()
        self.total, self.done, self.findings = total, 0, 0
        try:
            self.on = sys.stderr.isatty() and total > 0
        except (AttributeError, ValueError):
            self.on = False

    def clear(self):
        if self.on:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()

    def unit_done(self, findings):
        self.done += 1
        self.findings += findings
        if not self.on:
            return
        el = self.time() - self.start
        left = el / self.done * (self.total - self.done)
        fmt = lambda t: "%d:%02d" % (int(t) // 60, int(t) % 60)  # noqa: E731
        sys.stderr.write("\r\033[K%s: %d/%d units, %d finding%s, %s elapsed, ~%s left" % (
            PROG, self.done, self.total, self.findings, "" if self.findings == 1 else "s",
            fmt(el), fmt(left)))
        sys.stderr.flush()

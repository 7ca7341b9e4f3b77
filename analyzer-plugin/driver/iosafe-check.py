#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""iosafe-check: run the iosafe checkers of the Clang Static Analyzer over a
project's translation units and report what they find.

This file is the command: it holds the paths written in at build or install
time (analyzer-plugin/driver/driver.mk substitutes the @...@ values) and
starts the package iosafe_check (analyzer-plugin/driver/iosafe_check/,
installed in $(datarootdir)/iosafe/python/).  Exit status: 0 clean,
1 findings, 2 errors; see iosafe_check/cli.py.  Python 3 standard library
only.
"""

import os
import sys

# Substituted by driver.mk: the build-tree copy names the build tree's
# plugin and its copy of the package, the installed copy $(libdir)/iosafe/ and
# $(datarootdir)/iosafe/python.  The source file itself, run from a
# checkout, finds the plugin in ../../build/plugin/ and the package beside it.
PLUGIN_PATH = "@IOSAFE_PLUGIN_PATH@"
INCLUDE_DIR = "@IOSAFE_INCLUDE_DIR@"
LLVM_BINDIR = "@LLVM_BINDIR@"
VERSION = "@IOSAFE_VERSION@"
PYTHON_DIR = "@IOSAFE_PYTHON_DIR@"
# The installed copy: the plugin and the include directory relative to the
# directory this script is installed in ($(bindir)), tried first, so that
# an install that was moved or is still staged under DESTDIR finds its own
# plugin (as Clang finds its resource directory relative to its binary).
PLUGIN_REL = "@IOSAFE_PLUGIN_REL@"
INCLUDE_REL = "@IOSAFE_INCLUDE_REL@"
# "yes" in the build tree's copy, whose package is a copy in $(BUILD)/python
# where Python may keep its bytecode; the installed copy writes none.
WRITE_BYTECODE = "@IOSAFE_WRITE_BYTECODE@"


def substituted(value):
    return value if not value.startswith("@") else None


def main():
    here = os.path.dirname(os.path.realpath(__file__))
    # No __pycache__ is written into the source tree or the installed
    # package (make uninstall removes exactly what make install wrote).
    if substituted(WRITE_BYTECODE) != "yes":
        sys.dont_write_bytecode = True
    # The package where it was installed; else where it is beside a staged
    # install (DESTDIR/.../bin -> DESTDIR/.../share/iosafe/python); else
    # beside this file (the source tree).
    places = [substituted(PYTHON_DIR), os.path.join(here, "..", "share", "iosafe", "python"),
              here]
    sys.path.insert(0, next((p for p in places if p and
                             os.path.isfile(os.path.join(p, "iosafe_check", "cli.py"))), here))
    try:
        from iosafe_check import cli
    except Exception as e:  # the exit contract holds even for a broken install
        print("iosafe-check: error: internal error: cannot load the iosafe_check package "
              "from %s: %s: %s" % (ascii(sys.path[0]), type(e).__name__, e), file=sys.stderr)
        return 2
    def relative(rel, check):
        path = substituted(rel) and os.path.normpath(os.path.join(here, rel))
        return path if path and check(path) else None
    # The plugin: beside this script's install (PLUGIN_REL), else the
    # configured $(libdir) path, else the checkout's build/; --plugin and
    # IOSAFE_PLUGIN, when given, are used instead (cli.run).
    config = cli.Config(
        plugin=relative(PLUGIN_REL, os.path.isfile) or substituted(PLUGIN_PATH) or
        os.path.join(here, "..", "..", "build", "plugin", "iosafe-plugin.so"),
        include_dir=relative(INCLUDE_REL, os.path.isdir) or substituted(INCLUDE_DIR) or
        os.path.normpath(os.path.join(here, "..", "..", "include")),
        llvm_bindir=substituted(LLVM_BINDIR),
        version=substituted(VERSION) or "(source)")
    return cli.main(sys.argv[1:], config)


if __name__ == "__main__":
    sys.exit(main())

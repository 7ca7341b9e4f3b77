# SPDX-License-Identifier: MIT
"""tests/driver/install_move.py: an install staged under DESTDIR and then
moved elsewhere still works: the driver finds its plugin, headers,
package and bug-type pages relative to its own installed path, not at the
configured prefix (which does not exist here)."""

import json
import os
import shutil
import subprocess

from driverlib import ROOT, check, expect_rc

PREFIX = "/opt/iosafe-moved-test"


def t_moved_install(env):
    stage = os.path.join(env.tmp, "stage")
    r = subprocess.run(["make", "--no-print-directory", "-C", ROOT, "install-lib",
                        "install-plugin", "install-driver", "DESTDIR=" + stage,
                        "prefix=" + PREFIX], capture_output=True, text=True)
    check(r.returncode == 0, "make install failed:\n" + r.stdout + r.stderr)
    check(not os.path.exists(PREFIX), "%s exists: the test needs it absent" % PREFIX)
    moved = os.path.join(env.tmp, "elsewhere", "iosafe")
    os.makedirs(os.path.dirname(moved))
    shutil.move(stage + PREFIX, moved)
    src = env.write("work/uac.c", open(os.path.join(
        ROOT, "examples", "bugs", "use_after_close.c")).read())
    environ = {k: v for k, v in os.environ.items() if k != "IOSAFE_PLUGIN"}
    r = subprocess.run([os.path.join(moved, "bin", "iosafe-check"), "--sarif", "out.sarif",
                        "uac.c", "--", "-std=c11"], cwd=os.path.dirname(src),
                       capture_output=True, text=True, env=environ)
    expect_rc(r, 1)
    check("warning: use after close:" in r.stdout, "moved install: " + r.stdout + r.stderr)
    with open(os.path.join(os.path.dirname(src), "out.sarif")) as f:
        rules = json.load(f)["runs"][0]["tool"]["driver"]["rules"]
    check(any(x["id"] == "iosafe/use-after-close" for x in rules), "no rules from the pages")
    return "staged under DESTDIR, moved, run: finds its plugin, headers and pages"


TESTS = [
    ("moved DESTDIR install: the plugin found beside the driver", t_moved_install, True),
]

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""tests/api/test_check.py: tests/api/check.py finds each kind of gap.

Each test writes a small tree (a header, a report, a test file) in a
temporary folder, breaks one thing, and checks that check.py names it and
fails; the complete tree passes."""
import contextlib
import io
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check  # noqa: E402

HEADER = '''/* a header */
/**
 * iosafe_thing: make a thing.
 * @out: receives it.
 * Returns: 0 or a negative errno.
 */
/*@
  assigns out->raw;
*/
int iosafe_thing(iosafe_owned_fd *out IOSAFE_ACQUIRES, iosafe_borrowed_fd fd IOSAFE_USES);
'''
REPORT = '''| run | goals | proved | smoke tests | verdict |
|---|---|---|---|---|
| core | 9 | 9 | 1 | all proved |

## Per-function goals: core

| function | goals | Qed | Z3 | CVC4 | cvc5 | smoke tests passed |
|---|---|---|---|---|---|---|
| `iosafe_thing` | 9 | 9 | 0 | 0 | 0 | 1 |

## Trusted base
'''
TEST = '''NOLEAK_TEST(x, y) { cr_assert_eq(iosafe_thing(&o, b), 0); }\n'''


class Gate(unittest.TestCase):
    def run_check(self, header=HEADER, report=REPORT, test=TEST):
        with tempfile.TemporaryDirectory() as root:
            for rel, text in (("include/iosafe/thing.h", header), ("proofs/REPORT.md", report),
                              ("tests/unit/test_thing.c", test)):
                os.makedirs(os.path.join(root, os.path.dirname(rel)), exist_ok=True)
                with open(os.path.join(root, rel), "w") as f:
                    f.write(text)
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                rc = check.main(["--root", root])
            return rc, out.getvalue()

    def assertMissing(self, what, **kw):
        rc, out = self.run_check(**kw)
        self.assertEqual(rc, 1, out)
        self.assertIn("MISSING", out)
        self.assertIn(what, out)

    def test_complete_passes(self):
        rc, out = self.run_check()
        self.assertEqual(rc, 0, out)
        self.assertIn("1 complete, 0 missing", out)

    def test_no_doc(self):
        self.assertMissing("doc comment", header=HEADER.replace("/**\n", "/*\n", 1))

    def test_doc_without_result(self):
        self.assertMissing("Returns", header=HEADER.replace(" * Returns: 0 or a negative errno.\n", ""))

    def test_no_contract(self):
        self.assertMissing("ACSL contract", header=HEADER.replace("/*@\n  assigns out->raw;\n*/\n", ""))

    def test_contract_without_assigns(self):
        self.assertMissing("assigns clause", header=HEADER.replace("assigns out->raw;", "ensures \\true;"))

    def test_no_annotation(self):
        self.assertMissing("ownership annotation on parameter `iosafe_borrowed_fd fd`",
                           header=HEADER.replace("fd IOSAFE_USES", "fd"))

    def test_returned_owner_without_acquires(self):
        h = HEADER.replace("int iosafe_thing(iosafe_owned_fd *out IOSAFE_ACQUIRES, ",
                           "iosafe_owned_fd iosafe_thing(")
        self.assertMissing("IOSAFE_ACQUIRES on the returned owned fd", header=h)

    def test_not_in_report(self):
        self.assertMissing("proof in proofs/REPORT.md", report=REPORT.replace("iosafe_thing", "other"))

    def test_run_not_all_proved(self):
        self.assertMissing("proof in proofs/REPORT.md", report=REPORT.replace("all proved", "NOT PROVED"))

    def test_unproved_goal(self):
        r = REPORT + "| `iosafe_thing_ensures_x` | 1 | UNPROVED (Z3 0) |\n"
        self.assertMissing("every goal proved", report=r)

    def test_no_test(self):
        self.assertMissing("Criterion test", test="/* iosafe_thing(&o, b) only in a comment */\n")


if __name__ == "__main__":
    unittest.main()

# SPDX-License-Identifier: MIT
"""iosafe_check: the package behind the iosafe-check command.

Modules, one concern each:
  cli       options, the run from start to end, the exit contract, signals
  database  reading a compilation database into units (checks, language,
            the policy on flags that load code into the compiler)
  runner    running one unit through libscanbuild: clang processes with a
            timeout and their own process group, the CTU steps
  sarif     merging Clang's per-unit SARIF logs into one run, file URIs
  policy    the configuration file, enabled bug types, baselines, suppressions
  merge     `iosafe-check merge`: shard logs into one
  progress  the progress line on a terminal
  rules     the bug types' SARIF rules, read from docs/bug-types/
  fingerprint  partialFingerprints stable across line shifts
  output    safe output files, the HTML report directory, the text lines
  text      escaping names for printing
"""

PROG = "iosafe-check"

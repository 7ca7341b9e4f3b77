# SPDX-License-Identifier: MIT
# tests/ci/ci.mk: the CI templates of ci/ (check-ci: tests/ci/check.py runs
# their commands with the build tree's iosafe-check).  Included by the
# top-level GNUmakefile after the driver's fragment.  /usr/bin/python3:
# Debian's, which has PyYAML (python3-yaml, tools/deps.sh).
CHECK_TARGETS += check-ci
.PHONY: check-ci
check-ci: $(DRIVER_BIN) $(IOSAFE_PLUGIN)
	$(quiet) TEST "ci/ (GitHub Actions, GitLab CI, pre-commit)"
	$(Q)/usr/bin/python3 tests/ci/check.py $(DRIVER_BIN)

# SPDX-License-Identifier: MIT
# tests/docs/docs.mk: the documentation's examples are checked
# (check-bug-types: every docs/bug-types/ page's Bad example gets its bug
# type from the plugin, its Good example none).  Included by the top-level
# GNUmakefile after analyzer-plugin/plugin.mk.
DOCS_PYTHON ?= python3
CHECK_TARGETS += check-bug-types
.PHONY: check-bug-types
check-bug-types: $(IOSAFE_PLUGIN)
	$(quiet) TEST docs/bug-types
	$(Q)CLANG=$(CLANG) $(DOCS_PYTHON) tests/docs/check-bug-types.py $(IOSAFE_PLUGIN)

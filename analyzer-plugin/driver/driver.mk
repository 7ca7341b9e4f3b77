# SPDX-License-Identifier: MIT
# analyzer-plugin/driver/driver.mk: iosafe-check, the driver users run in CI,
# its tests (check-driver) and the analysis-overhead benchmark
# (bench-analysis).  Included by the top-level GNUmakefile after
# analyzer-plugin/plugin.mk, which defines IOSAFE_PLUGIN.
#
# The driver is a Python 3 command (standard library only): a small script,
# analyzer-plugin/driver/iosafe-check.py, and the package it starts,
# analyzer-plugin/driver/iosafe_check/.  Two copies of the script are made,
# each with the paths it needs written in:
#   $(BUILD)/bin/iosafe-check        the build tree's plugin, include/ and the
#                                    package copied into $(BUILD)/python
#   $(DESTDIR)$(bindir)/iosafe-check $(libdir)/iosafe/iosafe-plugin.so,
#                                    $(includedir) and the package installed
#                                    in $(datarootdir)/iosafe/python/

IOSAFE_PLUGIN ?= $(BUILD)/plugin/iosafe-plugin.so
DRIVER_SRC := analyzer-plugin/driver/iosafe-check.py
DRIVER_PKG := $(sort $(wildcard analyzer-plugin/driver/iosafe_check/*.py))
DRIVER_PYTHON_DIR := $(datarootdir)/iosafe/python
DRIVER_PKG_INSTALLED := $(DESTDIR)$(DRIVER_PYTHON_DIR)/iosafe_check
DRIVER_BIN := $(BUILD)/bin/iosafe-check
LLVM_BINDIR := $(shell $(LLVM_CONFIG) --bindir 2>/dev/null)
IOSAFE_INSTALLED_PLUGIN := $(libdir)/iosafe/iosafe-plugin.so
PYTHON ?= python3
# The interpreter in the scripts' first line: Debian's own python3 when there
# (the one tools/deps.sh installs; it starts in 20 ms, where a version
# manager's shim takes 170), else whichever python3 is first in PATH.
DRIVER_PYTHON ?= $(if $(wildcard /usr/bin/python3),/usr/bin/python3,/usr/bin/env python3)

ALL_TARGETS += driver
CHECK_TARGETS += check-driver check-sarif
BENCH_TARGETS += bench-analysis
INSTALL_TARGETS += install-driver
UNINSTALL_TARGETS += uninstall-driver

.PHONY: driver check-driver check-sarif bench-analysis install-driver uninstall-driver fuzz
driver: $(DRIVER_BIN)

# driver_subst PLUGIN INCLUDEDIR PYTHONDIR WRITE_BYTECODE [PLUGIN_REL
# INCLUDE_REL]: the sed program that writes the paths in; the last two are
# the installed plugin and include directory relative to $(bindir).
driver_subst = sed -e '1s|^\#!/usr/bin/env python3$$|\#!$(DRIVER_PYTHON)|' \
	-e 's|@IOSAFE_PLUGIN_REL@|$(5)|' \
	-e 's|@IOSAFE_INCLUDE_REL@|$(6)|' \
	-e 's|@IOSAFE_PLUGIN_PATH@|$(1)|' \
	-e 's|@IOSAFE_INCLUDE_DIR@|$(2)|' \
	-e 's|@IOSAFE_PYTHON_DIR@|$(3)|' \
	-e 's|@IOSAFE_WRITE_BYTECODE@|$(4)|' \
	-e 's|@LLVM_BINDIR@|$(LLVM_BINDIR)|' \
	-e 's|@IOSAFE_VERSION@|$(VERSION)|'

DRIVER_PKG_BUILD := $(DRIVER_PKG:analyzer-plugin/driver/%=$(BUILD)/python/%)
DRIVER_PYC_STAMP := $(BUILD)/python/iosafe_check/__pycache__/.compiled
# The bug-type pages: the SARIF rules' texts (iosafe_check/rules.py reads
# them beside the package: $(BUILD)/bug-types, $(datarootdir)/iosafe/bug-types).
BUG_TYPE_PAGES := $(sort $(wildcard docs/bug-types/*.md))
BUG_TYPE_PAGES_BUILD := $(BUG_TYPE_PAGES:docs/%=$(BUILD)/%)
DRIVER_DOCS_INSTALLED := $(DESTDIR)$(datarootdir)/iosafe/bug-types

$(BUILD)/bug-types/%.md: docs/bug-types/%.md
	$(Q)mkdir -p $(@D)
	$(Q)cp $< $@

$(DRIVER_BIN): $(DRIVER_SRC) $(DRIVER_PKG_BUILD) $(DRIVER_PYC_STAMP) $(BUG_TYPE_PAGES_BUILD) analyzer-plugin/driver/driver.mk include/iosafe/version.h
	$(quiet) GEN $@
	$(Q)mkdir -p $(@D)
	$(Q)$(call driver_subst,$(abspath $(IOSAFE_PLUGIN)),$(abspath include),$(abspath $(BUILD)/python),yes) $< > $@.tmp
	$(Q)chmod 755 $@.tmp && mv $@.tmp $@

# The build tree's copy of the package (its __pycache__ stays in $(BUILD)).
$(BUILD)/python/iosafe_check/%.py: analyzer-plugin/driver/iosafe_check/%.py
	$(Q)mkdir -p $(@D)
	$(Q)cp $< $@

# Its bytecode, written once here: Python reads a valid __pycache__ even
# where it may not write one (PYTHONDONTWRITEBYTECODE, a read-only install),
# and compiling the package from source on every run costs about 10 ms of
# CPU (bench-analysis).  The interpreter is the one the script starts.
$(DRIVER_PYC_STAMP): $(DRIVER_PKG_BUILD)
	$(Q)mkdir -p $(@D)
	$(Q)$(DRIVER_PYTHON) -m compileall -q $(BUILD)/python/iosafe_check
	$(Q)touch $@

# install and uninstall mirror each other: the script, and the package's
# files one by one with their bytecode, compiled at install time (the
# script itself turns bytecode writing off, so no other __pycache__ is ever
# written), then the directories install made, if empty.
install-driver: $(DRIVER_BIN)
	$(quiet) INSTALL "$(DESTDIR)$(bindir)/iosafe-check"
	$(Q)$(INSTALL) -d -m 755 $(DESTDIR)$(bindir) $(DRIVER_PKG_INSTALLED)
	$(Q)$(call driver_subst,$(IOSAFE_INSTALLED_PLUGIN),$(includedir),$(DRIVER_PYTHON_DIR),,$(shell realpath -m --relative-to=$(bindir) $(IOSAFE_INSTALLED_PLUGIN)),$(shell realpath -m --relative-to=$(bindir) $(includedir))) $(DRIVER_SRC) \
	    > $(DESTDIR)$(bindir)/iosafe-check
	$(Q)chmod 755 $(DESTDIR)$(bindir)/iosafe-check
	$(quiet) INSTALL "$(DRIVER_PKG_INSTALLED)/"
	$(Q)$(INSTALL) -m 644 $(DRIVER_PKG) $(DRIVER_PKG_INSTALLED)
	$(Q)$(DRIVER_PYTHON) -m compileall -q -d $(DRIVER_PYTHON_DIR)/iosafe_check \
	    $(DRIVER_PKG_INSTALLED)
	$(quiet) INSTALL "$(DRIVER_DOCS_INSTALLED)/"
	$(Q)$(INSTALL) -d -m 755 $(DRIVER_DOCS_INSTALLED)
	$(Q)$(INSTALL) -m 644 $(BUG_TYPE_PAGES) $(DRIVER_DOCS_INSTALLED)

uninstall-driver:
	$(quiet) UNINSTALL "$(DESTDIR)$(bindir)/iosafe-check"
	$(Q)rm -f $(DESTDIR)$(bindir)/iosafe-check
	$(quiet) UNINSTALL "$(DRIVER_PKG_INSTALLED)/"
	$(Q)rm -f $(addprefix $(DRIVER_PKG_INSTALLED)/,$(notdir $(DRIVER_PKG))) \
	    $(foreach m,$(basename $(notdir $(DRIVER_PKG))),$(DRIVER_PKG_INSTALLED)/__pycache__/$(m).*.pyc)
	$(Q)rmdir $(DRIVER_PKG_INSTALLED)/__pycache__ 2>/dev/null || true
	$(quiet) UNINSTALL "$(DRIVER_DOCS_INSTALLED)/"
	$(Q)rm -f $(addprefix $(DRIVER_DOCS_INSTALLED)/,$(notdir $(BUG_TYPE_PAGES)))
	$(Q)rmdir $(DRIVER_PKG_INSTALLED) $(DESTDIR)$(DRIVER_PYTHON_DIR) $(DRIVER_DOCS_INSTALLED) \
	    $(DESTDIR)$(datarootdir)/iosafe 2>/dev/null || true

# The driver's tests: real clang runs over small files made by the test
# itself and over examples/ (tests/driver/run-tests.py).  When the plugin is
# built they load it; the examples' expectations need it.
DRIVER_TEST_DEPS := $(DRIVER_BIN) $(LIB_A)
ifneq ($(wildcard analyzer-plugin/plugin.mk),)
  DRIVER_TEST_DEPS += $(IOSAFE_PLUGIN)
endif

# Then the bounded property test of the database reader
# (tests/driver/fuzz-db.py: fixed seed, FUZZ_SEED= FUZZ_RUNS= to change).
check-driver: $(DRIVER_TEST_DEPS)
	$(quiet) TEST driver
	$(Q)$(PYTHON) tests/driver/run-tests.py --driver $(DRIVER_BIN) \
	    --plugin $(IOSAFE_PLUGIN) $(if $(filter 1,$(V)),--verbose)
	$(quiet) TEST driver-fuzz
	$(Q)$(PYTHON) tests/driver/fuzz-db.py --driver $(DRIVER_BIN) --plugin $(IOSAFE_PLUGIN)

# The SARIF logs validated by Microsoft's SARIF Multitool (the SARIF 2.1.0
# schema and GitHub's ingestion rules: validate --rule-kind "Sarif;Gh"),
# installed with npm from tools/sarif/package.json and its lock file into
# $(BUILD)/sarif-tools/ (tools/deps.sh installs nodejs and npm).
SARIF_TOOLS := $(BUILD)/sarif-tools
SARIF_MULTITOOL := $(SARIF_TOOLS)/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
$(SARIF_TOOLS)/.installed: tools/sarif/package.json tools/sarif/package-lock.json
	$(quiet) NPM "$(SARIF_TOOLS)"
	$(Q)mkdir -p $(SARIF_TOOLS)
	$(Q)cp tools/sarif/package.json tools/sarif/package-lock.json $(SARIF_TOOLS)/
	$(Q)cd $(SARIF_TOOLS) && npm ci --no-audit --no-fund --loglevel=error >/dev/null
	$(Q)test -x $(SARIF_MULTITOOL)
	$(Q)touch $@

check-sarif: $(DRIVER_TEST_DEPS) $(SARIF_TOOLS)/.installed
	$(quiet) TEST sarif-validate
	$(Q)$(PYTHON) tests/driver/validate-sarif.py --driver $(DRIVER_BIN) \
	    --plugin $(IOSAFE_PLUGIN) --multitool $(SARIF_MULTITOOL)

# A bounded csmith crash run of the plugin (not part of make check):
# tests/driver/fuzz-plugin.sh, which installs csmith when it is missing.
# FUZZ_PROGRAMS= programs (default 60), FUZZ_SEED= the first seed.
fuzz: $(DRIVER_TEST_DEPS)
	$(quiet) FUZZ plugin
	$(Q)CLANG=$(LLVM_BINDIR)/clang bash tests/driver/fuzz-plugin.sh $(IOSAFE_PLUGIN)

# Analysis time of iosafe-check against plain `clang-19 --analyze` (Clang's
# default checkers) over the same translation units, side by side in one run.
bench-analysis: $(DRIVER_TEST_DEPS)
	$(quiet) BENCH analysis
	$(Q)$(PYTHON) analyzer-plugin/driver/bench-analysis.py --driver $(DRIVER_BIN) \
	    --plugin $(IOSAFE_PLUGIN) --clang $(LLVM_BINDIR)/clang

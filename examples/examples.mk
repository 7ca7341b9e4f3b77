# SPDX-License-Identifier: MIT
# examples/examples.mk: the example programs written with iosafe, their
# self-tests (check-examples) and `make demo` (demo-examples): build and run
# them, then run iosafe-check over the clean programs (no finding expected),
# over examples/bugs/ (the seeded bugs of examples/bugs/EXPECTED) and over
# the Windows code of examples/win-bugs/ through a cross build's database.
# Included by the top-level GNUmakefile after analyzer-plugin/driver/driver.mk.

EXAMPLES := echo_server file_copy pipe_child cat_files
EXAMPLES += signal_loop
EXAMPLES += fd_daemon
EXAMPLES += portable_pipe
EXAMPLES += epoll_echo
EXAMPLE_SRCS := $(EXAMPLES:%=examples/%.c)
EXAMPLE_BINS := $(EXAMPLES:%=$(BUILD)/examples/%)
BUG_SRCS := $(sort $(wildcard examples/bugs/*.c))
EXAMPLE_CDB := $(BUILD)/examples/compile_commands.json
# Windows code with seeded bugs (examples/win-bugs/EXPECTED), analysed
# through the compilation database a mingw-w64 cross build writes.
WIN_BUG_SRCS := $(sort $(wildcard examples/win-bugs/*.c))
WIN_BUG_CDB := $(BUILD)/examples/win-bugs/compile_commands.json
DEMO_DIR := $(BUILD)/demo

CHECK_TARGETS += check-examples
DEMO_TARGETS += demo-examples

.PHONY: examples check-examples demo-examples
examples: $(EXAMPLE_BINS) $(EXAMPLE_CDB)

$(BUILD)/examples/%: examples/%.c $(LIB_A) $(LIB_HDRS)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(IOSAFE_CFLAGS) $(CFLAGS) $< $(LIB_A) $(LDFLAGS) -o $@

# The compilation database a build system would write for the examples
# (https://clang.llvm.org/docs/JSONCompilationDatabase.html), for `iosafe-check -p`.
$(EXAMPLE_CDB): examples/examples.mk
	$(Q)mkdir -p $(@D)
	$(Q){ echo '['; sep=''; for f in $(EXAMPLE_SRCS); do \
	    printf '%s{"directory": "%s", "file": "%s", "arguments": ["%s", "-Iinclude", "-std=c11", "-c", "%s"]}\n' \
	        "$$sep" "$(CURDIR)" "$$f" "$(CC)" "$$f"; sep=','; done; echo ']'; } > $@

# The same for examples/win-bugs/, as a cross build writes it: every entry
# runs x86_64-w64-mingw32-gcc (iosafe-check analyses it for that target).
$(WIN_BUG_CDB): examples/examples.mk
	$(Q)mkdir -p $(@D)
	$(Q){ echo '['; sep=''; for f in $(WIN_BUG_SRCS); do \
	    printf '%s{"directory": "%s", "file": "%s", "arguments": ["%s", "-Iinclude", "-std=c11", "-c", "%s"]}\n' \
	        "$$sep" "$(CURDIR)" "$$f" "$(or $(WIN_CC),x86_64-w64-mingw32-gcc)" "$$f"; sep=','; done; echo ']'; } > $@

check-examples: $(EXAMPLE_BINS)
	$(quiet) TEST examples
	$(Q)pass=0; fail=0; for e in $(EXAMPLE_BINS); do \
	    if timeout 60 $$e --self-test >$$e.log 2>&1; then pass=$$((pass+1)); \
	    else fail=$$((fail+1)); echo "examples: $$e --self-test failed:"; cat $$e.log; fi; \
	done; echo "examples: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

# make demo: the programs run, then the checker over them: over the clean
# programs (through their compilation database, as in CI), then over the
# seeded bugs, with a SARIF file and an HTML report, compared with
# examples/bugs/EXPECTED.  An error of iosafe-check (exit 2) fails the demo;
# findings that differ from the expectations are shown as such.
demo-examples: $(EXAMPLE_BINS) $(EXAMPLE_CDB) $(WIN_BUG_CDB) $(DRIVER_TEST_DEPS)
	@echo "== The example programs (written with iosafe), running their self-tests"
	$(Q)for e in $(EXAMPLE_BINS); do timeout 60 $$e --self-test || exit 1; done
ifneq ($(wildcard analyzer-plugin/plugin.mk),)
	@echo
	@echo "== iosafe-check -p $(EXAMPLE_CDB)   (the clean programs: no finding expected)"
	$(Q)rc=0; $(DRIVER_BIN) -p $(EXAMPLE_CDB) || rc=$$?; \
	  case $$rc in 0) echo "demo: the clean programs: no finding, as expected";; \
	  1) echo "demo: UNEXPECTED: findings in the clean programs (false positives)";; \
	  *) echo "demo: iosafe-check failed (exit $$rc)"; exit 1;; esac
	@echo
	@echo "== iosafe-check over examples/bugs/ (one seeded bug per bug type)"
	$(Q)rm -rf $(DEMO_DIR) && mkdir -p $(DEMO_DIR)
	$(Q)rc=0; $(DRIVER_BIN) --sarif $(DEMO_DIR)/bugs.sarif --html $(DEMO_DIR)/html \
	    $(BUG_SRCS) -- -std=c11 > $(DEMO_DIR)/bugs.txt || rc=$$?; cat $(DEMO_DIR)/bugs.txt; \
	  if [ $$rc -eq 2 ]; then echo "demo: iosafe-check failed (exit 2)"; exit 1; fi
	@echo
	@echo "== Expected (examples/bugs/EXPECTED) against found"
	$(Q)$(PYTHON) examples/bugs/compare.py $(DEMO_DIR)/bugs.txt || true
	@echo
	@echo "== iosafe-check -p $(WIN_BUG_CDB)   (Windows code, a mingw-w64 cross build)"
	$(Q)rc=0; $(DRIVER_BIN) -p $(WIN_BUG_CDB) > $(DEMO_DIR)/win-bugs.txt 2>&1 || rc=$$?; \
	  cat $(DEMO_DIR)/win-bugs.txt; \
	  if [ $$rc -eq 2 ]; then echo "demo: iosafe-check failed on the Windows code (exit 2; the mingw-w64 headers come with make deps)"; \
	  else $(PYTHON) examples/bugs/compare.py $(DEMO_DIR)/win-bugs.txt examples/win-bugs/EXPECTED || true; fi
	@echo "demo: SARIF 2.1.0 file:  $(DEMO_DIR)/bugs.sarif"
	@echo "demo: HTML report:       $(DEMO_DIR)/html/index.html"
else
	@echo "demo: the analyzer plugin is not in the tree yet (analyzer-plugin/plugin.mk); the checker run comes with it"
endif

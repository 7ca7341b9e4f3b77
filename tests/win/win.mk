# SPDX-License-Identifier: MIT
# tests/win/win.mk: the Windows tests.  Included by the top-level
# GNUmakefile; see tests/win/README.md.
#
#   check-win   win.h alone with mingw-w64 (C99..C2x); the annotations on
#               Windows types under clang --target=x86_64-w64-mingw32
#               (-verify); the library and tests/win/ built with -Werror
#               and run under wine64, which must end "win: N passed, 0 failed"
#
# wine runs with WINEDEBUG=-all, no display, stdin from /dev/null, and a
# prefix of its own, $(WIN_PREFIX) under $(BUILD), created once (wineboot)
# with Mono and Gecko turned off (WINEDLLOVERRIDES), so that nothing asks a
# question.  Every wine command runs under timeout(1): a hang fails the
# target instead of make check.

.PHONY: check-win check-win-headers check-win-annotations check-win-run
CHECK_TARGETS += check-win

# Debian's wine64 package puts wine64 and wineserver in /usr/lib/wine/.
WINE       ?= $(firstword $(wildcard /usr/lib/wine/wine64) wine64)
WINESERVER ?= $(firstword $(wildcard /usr/lib/wine/wineserver) wineserver)
WIN_PREFIX := $(abspath $(WIN_DIR))/wineprefix
WIN_TIMEOUT ?= 300
WIN_ENV := env -u DISPLAY -u WAYLAND_DISPLAY WINEPREFIX=$(WIN_PREFIX) WINEDEBUG=-all \
	WINEDLLOVERRIDES="mscoree,mshtml=" WINEARCH=win64

WIN_TEST_SRCS := tests/win/harness.c tests/win/test_handle.c tests/win/test_io.c \
	tests/win/test_sock.c tests/win/test_error.c
WIN_TEST_SRCS += tests/win/test_filelike.c
WIN_TEST_DIR  := $(WIN_DIR)/tests
WIN_TEST_OBJS := $(WIN_TEST_SRCS:tests/win/%.c=$(WIN_TEST_DIR)/%.o)
WIN_TEST_EXE  := $(WIN_TEST_DIR)/iosafe-win-tests.exe
# gnu11: the tests use swprintf and the CRT's _read; the library is C11.
WIN_TEST_CFLAGS := -std=gnu11 -Wall -Wextra -Wshadow -Werror

$(WIN_TEST_DIR)/%.o: tests/win/%.c tests/win/harness.h $(LIB_HDRS)
	$(quiet) WINCC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(WIN_CC) $(IOSAFE_CPPFLAGS) $(WIN_TEST_CFLAGS) $(WIN_CFLAGS) -c $< -o $@

$(WIN_TEST_EXE): $(WIN_TEST_OBJS) $(WIN_LIB_A)
	$(quiet) WINLD $@
	$(Q)$(WIN_CC) $(WIN_CFLAGS) -o $@ $(WIN_TEST_OBJS) $(WIN_LIB_A) $(WIN_LIBS)

check-win: check-win-headers check-win-annotations check-win-run

check-win-headers:
	$(quiet) HEADERS "win.h, iosafe.h alone: $(WIN_CC), C99..C2x"
	$(Q)mkdir -p $(WIN_DIR)/headers
	$(Q)set -e; for h in win.h iosafe.h; do \
	    printf '#include <iosafe/%s>\n#include <iosafe/%s>\ntypedef int only_this_header;\n' $$h $$h \
	        > $(WIN_DIR)/headers/only_$${h%.h}.c; \
	    for std in c99 c11 c17 c2x; do \
	        $(if $(filter 1,$(V)),echo "$(WIN_CC) -std=$$std ... $$h";) \
	        $(WIN_CC) -std=$$std -Wall -Wextra -Wpedantic -Werror -Iinclude -fsyntax-only \
	            $(WIN_DIR)/headers/only_$${h%.h}.c || { echo "check-win: $$h fails with -std=$$std" >&2; exit 1; }; \
	    done; \
	done

# -verify: every expected-warning in the file must be given, and nothing else.
check-win-annotations:
	$(quiet) VERIFY "tests/win/annotations.c (clang --target=x86_64-w64-mingw32)"
	$(Q)$(CLANG) --target=x86_64-w64-mingw32 -std=c11 -Iinclude -fsyntax-only \
	    -Wall -Wextra -Werror=ignored-attributes -Xclang -verify tests/win/annotations.c

$(WIN_PREFIX)/.iosafe-created:
	$(quiet) WINEBOOT "$(WIN_PREFIX)"
	$(Q)rm -rf $(WIN_PREFIX) && mkdir -p $(WIN_PREFIX)
	$(Q)$(WIN_ENV) timeout -k 10 $(WIN_TIMEOUT) $(WINE) wineboot --init </dev/null >$(WIN_DIR)/wineboot.log 2>&1 || \
	    { echo "check-win: wineboot failed (see $(WIN_DIR)/wineboot.log)" >&2; exit 1; }
	$(Q)$(WIN_ENV) timeout -k 10 $(WIN_TIMEOUT) $(WINESERVER) -w
	$(Q)touch $@

check-win-run: $(WIN_TEST_EXE) | $(WIN_PREFIX)/.iosafe-created
	$(quiet) WINE "$< (wine64, timeout $(WIN_TIMEOUT)s)"
	$(Q)cd $(WIN_TEST_DIR) && { $(WIN_ENV) timeout -k 10 $(WIN_TIMEOUT) $(WINE) $(notdir $<) </dev/null \
	    > run.log 2>&1; echo $$? > run.rc; } ; \
	    $(WIN_ENV) timeout -k 10 60 $(WINESERVER) -w; \
	    grep -v '^PASS ' run.log; \
	    rc=$$(cat run.rc); [ "$$rc" = 124 ] && echo "check-win: wine timed out after $(WIN_TIMEOUT)s" >&2; \
	    grep -qx 'win: [1-9][0-9]* passed, 0 failed' run.log && [ "$$rc" = 0 ]

# The examples that build for Windows from the same file as for Linux
# (examples/examples.mk), run under wine64 with --self-test.
WIN_EXAMPLES :=
WIN_EXAMPLES += portable_pipe
WIN_EXAMPLE_DIR := $(WIN_DIR)/examples
WIN_EXAMPLE_EXES = $(WIN_EXAMPLES:%=$(WIN_EXAMPLE_DIR)/%.exe)
.PHONY: check-win-examples
check-win: check-win-examples

$(WIN_EXAMPLE_DIR)/%.exe: examples/%.c $(WIN_LIB_A) $(LIB_HDRS)
	$(quiet) WINCC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(WIN_CC) $(IOSAFE_CPPFLAGS) $(IOSAFE_WIN_CFLAGS) $(WIN_CFLAGS) $< $(WIN_LIB_A) $(WIN_LIBS) -o $@

check-win-examples: $(WIN_EXAMPLE_EXES) | $(WIN_PREFIX)/.iosafe-created
	$(quiet) WINE "$(WIN_EXAMPLES) --self-test (wine64)"
	$(Q)pass=0; fail=0; for e in $(WIN_EXAMPLE_EXES); do \
	    if (cd $(@D) 2>/dev/null; $(WIN_ENV) timeout -k 10 $(WIN_TIMEOUT) $(WINE) $$e --self-test </dev/null >$$e.log 2>&1); \
	    then pass=$$((pass+1)); else fail=$$((fail+1)); echo "check-win: $$e --self-test failed:"; cat $$e.log; fi; \
	    $(WIN_ENV) timeout -k 10 60 $(WINESERVER) -w; \
	done; echo "win examples: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

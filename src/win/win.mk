# SPDX-License-Identifier: MIT
# src/win/win.mk: the Windows library, libiosafe.a for x86_64-w64-mingw32,
# built with mingw-w64 (Debian's gcc-mingw-w64-x86-64, installed by `make
# deps`).  Included by the top-level GNUmakefile.
#
#   make lib-win      $(BUILD)/win/lib/libiosafe.a (link with -lws2_32)
#
# Not part of `make all` (a plain Linux build needs no cross compiler);
# check-win (tests/win/win.mk) builds it.  Warnings are errors here.
# WIN_CFLAGS are the user's flags for this compiler (CFLAGS are the host
# compiler's and may not suit it), appended like CFLAGS.

WIN_CC ?= x86_64-w64-mingw32-gcc
WIN_AR ?= x86_64-w64-mingw32-ar
WIN_CFLAGS ?= -O2 -g
IOSAFE_WIN_CFLAGS := -std=c11 $(IOSAFE_WARN) -Werror
WIN_LIBS := -lws2_32

WIN_DIR      := $(BUILD)/win
WIN_LIB_SRCS := src/win/error.c src/win/handle.c src/win/sock.c src/win/io.c src/win/crt.c
WIN_LIB_SRCS += src/win/filelike.c
WIN_LIB_OBJS := $(WIN_LIB_SRCS:src/win/%.c=$(WIN_DIR)/obj/%.o)
WIN_LIB_A    := $(WIN_DIR)/lib/libiosafe.a

.PHONY: lib-win
lib-win: $(WIN_LIB_A)

$(WIN_DIR)/obj/%.o: src/win/%.c $(LIB_HDRS)
	$(quiet) WINCC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(WIN_CC) $(IOSAFE_CPPFLAGS) $(IOSAFE_WIN_CFLAGS) $(WIN_CFLAGS) -c $< -o $@

$(WIN_LIB_A): $(WIN_LIB_OBJS)
	$(quiet) WINAR $@
	$(Q)mkdir -p $(@D)
	$(Q)rm -f $@ && $(WIN_AR) rcs $@ $^

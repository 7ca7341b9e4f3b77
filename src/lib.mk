# SPDX-License-Identifier: MIT
# src/lib.mk: libiosafe.a, libiosafe.so.$(VERSION_MAJOR), and their
# installation with iosafe.pc (made from src/iosafe.pc.in at install time,
# so that it names the prefix actually installed to).  Included by the top-level GNUmakefile.

LIB_SRCS := src/inline.c src/fdops.c src/fs.c src/zerocopy.c src/stdio.c
LIB_SRCS += src/event.c
LIB_SRCS += src/process.c
LIB_SRCS += src/term.c
LIB_SRCS += src/mq.c
LIB_SRCS += src/serial.c
LIB_SRCS += src/net.c
LIB_SRCS += src/net_fds.c
LIB_SRCS += src/net_unix.c
LIB_SRCS += src/inout.c
LIB_SRCS += src/cpu.c
LIB_SRCS += src/samefile.c
LIB_SRCS += src/filetime.c
LIB_HDRS := $(wildcard include/iosafe/*.h)
LIB_OBJS := $(LIB_SRCS:src/%.c=$(BUILD)/obj/%.o)
LIB_PIC_OBJS := $(LIB_SRCS:src/%.c=$(BUILD)/pic/%.o)

LIB_A      := $(BUILD)/lib/libiosafe.a
LIB_SONAME := libiosafe.so.$(VERSION_MAJOR)
LIB_SO_REAL := $(BUILD)/lib/libiosafe.so.$(VERSION)
LIB_SO_MAJOR := $(BUILD)/lib/$(LIB_SONAME)
LIB_SO     := $(BUILD)/lib/libiosafe.so
LIB_CDB    := $(BUILD)/compile_commands.json

ALL_TARGETS += lib
INSTALL_TARGETS += install-lib
UNINSTALL_TARGETS += uninstall-lib

.PHONY: lib install-lib uninstall-lib FORCE
lib: $(LIB_A) $(LIB_SO) $(LIB_CDB)

# The compilation database of the library's sources, with the flags of the
# rule below (tools/compile-db.py), for `iosafe-check -p $(BUILD)/` and other
# Clang tools.  Remade on every run (the flags may change on the command
# line); the file changes only when its text does.
$(LIB_CDB): FORCE
	$(Q)python3 tools/compile-db.py $@ $(CURDIR) $(BUILD)/obj -- \
	    $(CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(IOSAFE_CFLAGS) $(CFLAGS) -- $(LIB_SRCS)
FORCE:

$(BUILD)/obj/%.o: src/%.c $(LIB_HDRS)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(IOSAFE_CFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/pic/%.o: src/%.c $(LIB_HDRS)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(IOSAFE_CFLAGS) -fPIC $(CFLAGS) -c $< -o $@

$(LIB_A): $(LIB_OBJS)
	$(quiet) AR $@
	$(Q)mkdir -p $(@D)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(LIB_SO_REAL): $(LIB_PIC_OBJS)
	$(quiet) LD $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -shared -Wl,-soname,$(LIB_SONAME) $(LDFLAGS) -o $@ $^

$(LIB_SO_MAJOR): $(LIB_SO_REAL)
	$(Q)ln -sf $(<F) $@
$(LIB_SO): $(LIB_SO_MAJOR)
	$(Q)ln -sf $(<F) $@

# The CMake package (src/cmake/): iosafeConfig.cmake finds the headers and
# libraries through paths relative to its own folder, so a DESTDIR-staged or
# moved tree works; iosafeConfigVersion.cmake is written by CMake's
# CMakePackageConfigHelpers (src/cmake/version.cmake).
CMAKE ?= cmake
relpath = $(shell realpath -m --relative-to='$(2)' '$(1)')

# install and uninstall mirror each other: every file install-lib writes is
# listed once in LIB_INSTALLED and removed by uninstall-lib.
LIB_INSTALLED_HDRS := $(LIB_HDRS:include/%=$(DESTDIR)$(includedir)/%)
LIB_INSTALLED := $(LIB_INSTALLED_HDRS) \
	$(DESTDIR)$(cmakedir)/iosafeConfig.cmake \
	$(DESTDIR)$(cmakedir)/iosafeConfigVersion.cmake \
	$(DESTDIR)$(libdir)/libiosafe.a \
	$(DESTDIR)$(libdir)/libiosafe.so.$(VERSION) \
	$(DESTDIR)$(libdir)/$(LIB_SONAME) \
	$(DESTDIR)$(libdir)/libiosafe.so \
	$(DESTDIR)$(pkgconfigdir)/iosafe.pc

install-lib: lib
	$(quiet) INSTALL "$(DESTDIR)$(prefix)"
	$(Q)$(INSTALL) -d -m 755 $(DESTDIR)$(includedir)/iosafe $(DESTDIR)$(libdir) $(DESTDIR)$(pkgconfigdir)
	$(Q)$(INSTALL) -m 644 $(LIB_HDRS) $(DESTDIR)$(includedir)/iosafe/
	$(Q)$(INSTALL) -m 644 $(LIB_A) $(DESTDIR)$(libdir)/
	$(Q)$(INSTALL) -m 755 $(LIB_SO_REAL) $(DESTDIR)$(libdir)/
	$(Q)ln -sf libiosafe.so.$(VERSION) $(DESTDIR)$(libdir)/$(LIB_SONAME)
	$(Q)ln -sf $(LIB_SONAME) $(DESTDIR)$(libdir)/libiosafe.so
	$(Q)sed -e 's|@PREFIX@|$(prefix)|' -e 's|@LIBDIR@|$(libdir)|' \
	    -e 's|@INCLUDEDIR@|$(includedir)|' -e 's|@VERSION@|$(VERSION)|' \
	    src/iosafe.pc.in > $(DESTDIR)$(pkgconfigdir)/iosafe.pc
	$(Q)chmod 644 $(DESTDIR)$(pkgconfigdir)/iosafe.pc
	$(Q)$(INSTALL) -d -m 755 $(DESTDIR)$(cmakedir)
	$(Q)sed -e 's|@REL_INCLUDEDIR@|$(call relpath,$(includedir),$(cmakedir))|' \
	    -e 's|@REL_LIBDIR@|$(call relpath,$(libdir),$(cmakedir))|' \
	    -e 's|@VERSION_MAJOR@|$(VERSION_MAJOR)|g' \
	    src/cmake/iosafeConfig.cmake.in > $(DESTDIR)$(cmakedir)/iosafeConfig.cmake
	$(Q)$(CMAKE) -DOUT=$(DESTDIR)$(cmakedir)/iosafeConfigVersion.cmake \
	    -DVERSION=$(VERSION) -P src/cmake/version.cmake
	$(Q)chmod 644 $(DESTDIR)$(cmakedir)/iosafeConfig.cmake $(DESTDIR)$(cmakedir)/iosafeConfigVersion.cmake

uninstall-lib:
	$(quiet) UNINSTALL "$(DESTDIR)$(prefix)"
	$(Q)rm -f $(LIB_INSTALLED)
	$(Q)rmdir $(DESTDIR)$(includedir)/iosafe 2>/dev/null || true
	$(Q)rmdir $(DESTDIR)$(cmakedir) 2>/dev/null || true

# SPDX-License-Identifier: MIT
# tests/tests.mk: the library's own tests.  Included by the top-level
# GNUmakefile; see tests/README.md.
#
#   check-unit        the Criterion suite (tests/unit/) against $(LIB_A)
#   check-valgrind    the same binary under valgrind --track-fds=yes
#   check-sanitizers  library + suite rebuilt with ASan and UBSan
#   check-headers     each public header alone, C99..C2x and C++, gcc and clang
#   check-install     make install into a DESTDIR, build with pkg-config, uninstall
#   check-faults      system calls made to fail under strace (tests/faults/)
#   check-api         every public function documented, contracted, annotated,
#                     proved (proofs/REPORT.md) and tested (tests/api/)

.PHONY: check-unit check-valgrind check-sanitizers check-headers check-install check-faults check-api
CHECK_TARGETS += check-unit check-sanitizers check-valgrind check-headers check-install
CHECK_TARGETS += check-faults check-api

# ---- the Criterion suite ------------------------------------------------------

UNIT_SRCS := tests/unit/test_fd.c tests/unit/test_io.c tests/unit/test_fdops.c tests/unit/test_auto.c tests/unit/test_helpers.c \
	tests/unit/test_fs.c tests/unit/test_fs_names.c tests/unit/test_zerocopy.c tests/unit/test_stdio.c \
	tests/unit/test_process.c \
	tests/unit/test_term.c \
	tests/unit/test_mq.c \
	tests/unit/test_serial.c \
	tests/unit/helpers.c
UNIT_SRCS += tests/unit/test_event.c
UNIT_SRCS += tests/unit/test_net.c
UNIT_SRCS += tests/unit/test_net_unix.c
UNIT_SRCS += tests/unit/test_filelike.c
UNIT_SRCS += tests/unit/test_inout.c
UNIT_SRCS += tests/unit/test_cpu.c
UNIT_DEPS := tests/unit/helpers.h $(LIB_HDRS)
UNIT_DIR  := $(BUILD)/tests/unit
UNIT_OBJS := $(UNIT_SRCS:tests/unit/%.c=$(UNIT_DIR)/%.o)
UNIT_BIN  := $(UNIT_DIR)/iosafe-unit
# gnu11: the tests use Linux calls (memfd_create, pipe2, setresuid) and
# iosafe_auto_fd; the library itself stays C11 (src/lib.mk).
UNIT_CFLAGS := -std=gnu11 -Wall -Wextra -Wshadow
UNIT_LIBS := -lcriterion
# Criterion runs each test in its own forked worker, UNIT_JOBS at a time.
UNIT_JOBS ?= 2
# --timeout: a test that blocks fails instead of hanging make check
# (generous: valgrind runs the same tests some 50 times slower).
UNIT_TIMEOUT ?= 120
UNIT_RUN  := --jobs $(UNIT_JOBS) --short-filename --timeout $(UNIT_TIMEOUT)

$(UNIT_DIR)/%.o: tests/unit/%.c $(UNIT_DEPS)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(UNIT_CFLAGS) $(CFLAGS) -c $< -o $@

$(UNIT_BIN): $(UNIT_OBJS) $(LIB_A)
	$(quiet) LD $@
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJS) $(LIB_A) $(UNIT_LIBS)

check-unit: $(UNIT_BIN)
	$(quiet) RUN "$< (Criterion)"
	$(Q)$(UNIT_BIN) $(UNIT_RUN)

# ---- valgrind --------------------------------------------------------------------
# Memcheck errors fail through --error-exitcode (each worker exits with it,
# which Criterion reports as a crash); descriptor leaks are judged from the
# logs by tests/unit/valgrind-fds.sh (why: see there).  valgrind follows
# fork() on its own; --trace-children=yes also follows any exec.
VG_DIR := $(BUILD)/tests/valgrind
VALGRIND ?= valgrind
VG_FLAGS := --tool=memcheck --track-fds=yes --error-exitcode=99 --trace-children=yes \
	--suppressions=tests/unit/valgrind.supp \
	--fullpath-after=$(CURDIR)/ --log-file=$(VG_DIR)/vg.%p.log

check-valgrind: $(UNIT_BIN) tests/unit/valgrind.supp
	$(quiet) VALGRIND "$< (Criterion)"
	$(Q)rm -rf $(VG_DIR) && mkdir -p $(VG_DIR)
	$(Q)$(VALGRIND) $(VG_FLAGS) $(UNIT_BIN) $(UNIT_RUN)
	$(Q)bash tests/unit/valgrind-fds.sh $(VG_DIR)

# ---- ASan + UBSan ---------------------------------------------------------------
# The library's sources are rebuilt with the sanitizers (not $(LIB_A)), so
# that errors inside the library are caught too.  gcc by default: Debian's
# clang-19 needs libclang-rt-19-dev for its sanitizer runtimes, gcc-12 has
# libasan8 and libubsan1.  Any report aborts the worker: Criterion counts a
# crash and exits non-zero.
SAN_CC    ?= $(CC)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_DIR   := $(BUILD)/tests/san
SAN_OBJS  := $(LIB_SRCS:src/%.c=$(SAN_DIR)/lib/%.o) $(UNIT_SRCS:tests/unit/%.c=$(SAN_DIR)/unit/%.o)
SAN_BIN   := $(SAN_DIR)/iosafe-unit-san
SAN_ENV   := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(SAN_DIR)/lib/%.o: src/%.c $(LIB_HDRS)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(SAN_CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(IOSAFE_CFLAGS) $(CFLAGS) $(SAN_FLAGS) -c $< -o $@

$(SAN_DIR)/unit/%.o: tests/unit/%.c $(UNIT_DEPS)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(SAN_CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(UNIT_CFLAGS) $(CFLAGS) $(SAN_FLAGS) -c $< -o $@

$(SAN_BIN): $(SAN_OBJS)
	$(quiet) LD $@
	$(Q)$(SAN_CC) $(CFLAGS) $(SAN_FLAGS) $(LDFLAGS) -o $@ $^ $(UNIT_LIBS)

check-sanitizers: $(SAN_BIN)
	$(quiet) RUN "$< (Criterion, ASan+UBSan)"
	$(Q)$(SAN_ENV) $(SAN_BIN) $(UNIT_RUN)

# ---- header portability matrix ------------------------------------------------
# gcc/g++ are the system's gcc-12; clang-19/clang++-19 from GNUmakefile.
HDR_GCC ?= gcc
HDR_GXX ?= g++

check-headers: $(LIB_A)
	$(quiet) HEADERS "include/iosafe/*.h: C99..C2x, C++11..C++20, gcc and clang"
	$(Q)CC_GCC=$(HDR_GCC) CC_CLANG=$(CLANG) CXX_GCC=$(HDR_GXX) CXX_CLANG=$(CLANGXX) \
	    LIB_A=$(LIB_A) OUT=$(BUILD)/tests/headers V=$(V) bash tests/headers/check.sh

# ---- install / pkg-config / uninstall -----------------------------------------------
# Runs `make install` and `make uninstall` itself, into temporary DESTDIRs.
check-install: all
	$(quiet) INSTALL "DESTDIR=\$$(mktemp -d), pkg-config, uninstall"
	$(Q)MAKE="$(MAKE)" CC="$(CC)" VERSION_MAJOR=$(VERSION_MAJOR) V=$(V) bash tests/install/check.sh

# ---- fault injection ------------------------------------------------------------
# Every wrapper under strace -e inject=SYSCALL:error=ERRNO (tests/faults/):
# an errno outside the documented lists must be passed on as it is.  The
# test program is linked statically, so that no dynamic loader makes the
# injected calls first.
FAULTS_DIR := $(BUILD)/tests/faults
FAULTS_BIN := $(FAULTS_DIR)/inject

$(FAULTS_BIN): tests/faults/inject.c $(LIB_A) $(LIB_HDRS)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(UNIT_CFLAGS) $(CFLAGS) -static $(LDFLAGS) \
	    -o $@ $< $(LIB_A)

$(FAULTS_BIN): tests/faults/inject_event.h

check-faults: $(FAULTS_BIN) tests/faults/check.sh
	$(quiet) FAULTS "$< under strace -e inject"
	$(Q)INJECT=$(FAULTS_BIN) OUT=$(FAULTS_DIR) V=$(V) bash tests/faults/check.sh

# ---- the API discipline gate --------------------------------------------------------
# tests/api/check.py: every function declared in include/iosafe/ has a doc
# comment, an ACSL contract, its ownership annotations, a proof with every
# goal proved in proofs/REPORT.md and a Criterion test; test_check.py first
# shows that the gate finds each kind of gap.
# win.h's proofs are prove-win's run (proofs/win/win.mk), read from its WP
# report, and its tests those of tests/win/.
check-api: $(LIB_HDRS) proofs/REPORT.md $(UNIT_SRCS) prove-win
	$(quiet) API "include/iosafe/*.h: doc, contract, annotations, proof, test"
	$(Q)$(PYTHON3) tests/api/test_check.py $(if $(filter 1,$(V)),-v,-q)
	$(Q)$(PYTHON3) tests/api/check.py $(if $(filter 1,$(V)),-v) \
	    --win-proof $(BUILD)/proofs/win/core/wp.json

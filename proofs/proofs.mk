# SPDX-License-Identifier: MIT
# proofs/proofs.mk: Frama-C/WP proofs of iosafe's core, client proofs, the
# mutation check and the audit report.  Included by the top-level GNUmakefile.
#
#   make prove           prove the core (src/inline.c: every body of
#                        include/iosafe/*.h), the good clients, refute the
#                        faulty ones, and compare with proofs/REPORT.md;
#                        goals whose text is unchanged are replayed from the
#                        committed WP cache (proofs/wp-cache.txt)
#   make prove-full      the same from nothing (an empty cache: every goal to
#                        the provers), then write proofs/REPORT.md and
#                        proofs/wp-cache.txt (commit both)
#   make prove-report    another name for prove-full
#   make prove-file SRC=src/F.c  one source of the core alone (work on a family)
#   make prove-mutants   every mutant of the core must break a proof or a test
#
# See proofs/README.md for what is proved and what is trusted.

FRAMAC  ?= frama-c
WHY3    ?= why3
PYTHON3 ?= python3
PROOFS  := $(BUILD)/proofs

# Deterministic limits.  -wp-steps bounds each prover's own step counter
# (Z3 rlimit, CVC4/cvc5 --rlimit resource units), which does not depend on
# the machine's load; every goal of the core and the clients is proved well
# inside it, and a smoke test "passes" when no prover reaches `false` within
# it.  The time limit is only a safety net, set far above what the steps
# take, so that a loaded machine cannot change a result.
PROVE_STEPS   ?= 50000
# Client proofs chain the table through many calls and paths, and need more
# (Z3 and CVC4 need up to ~190000 for good_clients.c).  Smoke tests still run
# at PROVE_STEPS, in a second pass (a smoke test "passes" by exhausting the
# limit, so a higher one only costs time).
PROVE_CLIENT_STEPS ?= 400000
PROVE_TIMEOUT ?= 120
# Parallel prover runs (-wp-par; kept out of PROVE_WP_FLAGS, which the report
# prints and compares: the results do not depend on it, since the limits are
# steps).  prove-full sends every goal to the provers: 2, one per core.  A
# replay answers most goals from the cache, and WP's scheduler waits 50 ms
# between polls of its running tasks whatever they are, so a replay at 2 is
# bound by that latency, not by the CPU: it runs 8 at a time.
# PROVE_RUNS Frama-C runs of the core go side by side (see prove-run).
ifeq ($(PROVE_FULL),1)
PROVE_JOBS    ?= 2
PROVE_RUNS    ?= 2
else
PROVE_JOBS    ?= 8
PROVE_RUNS    ?= 4
endif

# Frama-C's front end:
#   -c11                    the library is C11 (_Static_assert in src/inline.c).
#   -no-frama-c-stdlib, -cpp-extra-args=-nostdinc -Iacsl/libc
#                           read neither Frama-C's libc (its close/read/...
#                           contracts keep no open/closed state) nor the
#                           system's headers: <unistd.h> and the others are
#                           acsl/libc/'s shims of acsl/iosafe_posix.h, the one
#                           trusted model of POSIX.  -Iacsl finds
#                           iosafe_acsl.h, which fd.h includes under __FRAMAC__.
#   annot:missing-spec=abort  a called function with neither body nor contract
#                           stops the run (otherwise Frama-C invents "assigns
#                           everything" and warns); defined functions without
#                           a contract are caught by wp_check.py specs.
#   typing:implicit-function-declaration=abort  no call escapes its contract
#                           through an implicit declaration.
#   -warn-*-downcast, -warn-unsigned-overflow  RTE guards for every integer
#                           conversion and wrap-around, not only the signed
#                           overflows checked by default.
PROVE_FC_FLAGS := -c11 -no-frama-c-stdlib \
	-cpp-extra-args="-nostdinc -Iacsl/libc -Iacsl -Iinclude" \
	-kernel-warn-key annot:missing-spec=abort \
	-kernel-warn-key typing:implicit-function-declaration=abort \
	-warn-signed-downcast -warn-unsigned-downcast -warn-unsigned-overflow

# WP:
#   -wp-rte                 prove the absence of run-time errors (RTE plugin
#                           guards: memory access, overflow, downcast, ...).
#   -wp-prover z3,cvc4,cvc5 named explicitly: Debian has no Alt-Ergo.
#   -wp-run-all-provers     run every prover on every goal Qed leaves open,
#                           so that which prover closed it is part of the
#                           (deterministic) result, not a race.
#   -wp-smoke-tests         try to prove `false` from each contract, each
#                           behavior's assumes and each reachable statement:
#                           a success means a vacuous contract or dead code,
#                           and fails the run (wp_check.py).
PROVE_WP_FLAGS := -wp -wp-rte -wp-prover z3,cvc4,cvc5 -wp-run-all-provers \
	-wp-steps $(PROVE_STEPS) -wp-timeout $(PROVE_TIMEOUT) \
	-wp-smoke-tests -wp-smoke-timeout $(PROVE_TIMEOUT)

# WP's cache (kept out of PROVE_WP_FLAGS, which the report prints and
# compares): one directory for every run of the session, build/proofs/
# wp-cache.  WP keys each prover result by a digest of the exact text the
# prover is given, the prover and its version, and reuses it only within
# the current -wp-steps (proofs/wp_check.py, top): a goal whose text changed
# (its code, its contract, a contract it relies on, the trusted base) is
# proved again; nothing else can be.  The key holds no file name or line
# number, so moving code keeps its entries.
#   make prove       -wp-cache update over the committed results
#                    (proofs/wp-cache.txt, unpacked over build/proofs/
#                    wp-cache, whose own earlier entries stay);
#   make prove-full  -wp-cache rebuild over an empty directory: every goal to
#                    the provers; the directory is then packed into
#                    proofs/wp-cache.txt, so that the committed cache holds
#                    exactly that full run's results.
# The committed REPORT.md always comes from prove-full (its Run: line;
# `make prove` checks it).
PROVE_CACHE_TXT := proofs/wp-cache.txt
PROVE_CACHE_DIR := $(abspath $(PROOFS)/wp-cache)
PROVE_FULL ?= 0
ifeq ($(PROVE_FULL),1)
  PROVE_CACHE_MODE := rebuild
  PROVE_RUN_KIND := make prove-full (-wp-cache rebuild, empty cache: every goal proved in this run)
else
  PROVE_CACHE_MODE := update
  PROVE_RUN_KIND := make prove (-wp-cache update over $(PROVE_CACHE_TXT))
endif
# One cache directory per step limit (steps-N/): WP reuses an "unknown" of
# a prover whatever the limit it was reached under, and a client's goals are
# proved twice, at PROVE_CLIENT_STEPS and again at PROVE_STEPS in its smoke
# run, so one directory would let the lower limit's results overwrite the
# higher one's.
prove_cache = -wp-cache $(PROVE_CACHE_MODE) -wp-cache-dir $(PROVE_CACHE_DIR)/steps-$(1)

# The one unit that defines every body of the headers (include/iosafe/
# inline.h); the static inline functions of fd.h and io.h are in it too.
PROVE_CORE_SRCS := src/inline.c src/fdops.c src/fs.c src/zerocopy.c src/stdio.c
PROVE_CORE_SRCS += src/event.c
PROVE_CORE_SRCS += src/process.c
PROVE_CORE_SRCS += src/term.c
PROVE_CORE_SRCS += src/mq.c
PROVE_CORE_SRCS += src/serial.c
PROVE_CORE_SRCS += src/net.c
PROVE_CORE_SRCS += src/net_unix.c
PROVE_CORE_SRCS += src/inout.c
PROVE_CORE_SRCS += src/cpu.c
PROVE_CORE_SRCS += src/samefile.c
PROVE_CORE_SRCS += src/filetime.c
PROVE_CORE_SRCS += src/net_fds.c
# The trusted base: iosafe_posix.h and the per-family files it or the shims
# include (acsl/iosafe_posix_*.h).
PROVE_POSIX_HS := $(sort $(wildcard acsl/iosafe_posix*.h))
PROVE_DEPS := $(PROVE_CORE_SRCS) $(wildcard include/iosafe/*.h acsl/*.h acsl/libc/*.h \
	acsl/libc/sys/*.h acsl/libc/linux/*.h acsl/libc/netinet/*.h) proofs/wp_check.py
PROVE_GOOD := $(sort $(wildcard proofs/clients/good_*.c))
PROVE_BAD  := $(sort $(wildcard proofs/clients/bad_*.c))
PROVE_ENV  := WHY3CONFIG=$(abspath $(PROOFS)/why3.conf)
PROVE_CHECK := $(PYTHON3) proofs/wp_check.py

.PHONY: prove prove-run prove-file prove-full prove-report prove-shim prove-why3 prove-mutants
.PHONY: prove-shim-fs prove-shim-ipc
.PHONY: prove-shim-net
# prove joins `make check` only once it passes (see the end of this file).

# ---- why3: a project-local configuration, the machine's own untouched ---------
# `why3 config detect` finds Z3 and CVC4 (Why3 1.5's detection data knows
# them); cvc5 is added by hand with the driver in proofs/why3/.
$(PROOFS)/why3.conf: proofs/why3/cvc5.conf.in proofs/why3/cvc5.drv.in
	$(quiet) WHY3 $@
	$(Q)mkdir -p $(@D)
	$(Q)rm -f $@.tmp
	$(Q)$(WHY3) --config=$@.tmp config detect >/dev/null 2>&1
	$(Q)test -s $@.tmp || { echo "prove: why3 config detect failed" >&2; exit 1; }
	$(Q)sed 's|@WHY3_DRIVERS@|$(shell $(WHY3) --print-datadir)/drivers|' \
	    proofs/why3/cvc5.drv.in > $(PROOFS)/cvc5.drv
	$(Q)sed -e 's|@CVC5@|$(shell command -v cvc5)|' \
	    -e 's|@DRIVER@|$(abspath $(PROOFS))/cvc5.drv|' \
	    -e "s|@CVC5_VERSION@|$$(cvc5 --version | sed -n 's/^This is cvc5 version \([^ ]*\).*/\1/p')|" \
	    proofs/why3/cvc5.conf.in >> $@.tmp
	$(Q)mv $@.tmp $@

prove-why3: $(PROOFS)/why3.conf

# ---- the shim's types and constants equal the system's --------------------------
prove-shim:
	$(quiet) SHIM "$(PROVE_POSIX_HS)"
	$(Q)mkdir -p $(PROOFS)
	$(Q){ cat proofs/shim_types.c; \
	      sed -n 's/^#define \(E[A-Z]*\|O_[A-Z]*\|F_[A-Z_]*\|FD_[A-Z]*\|CLOSE_RANGE_[A-Z]*\|AT_[A-Z]*\|AF_[A-Z]*\|SOCK_[A-Z]*\|SYS_[a-z0-9]*\|KCMP_[A-Z]*\) \(.*\)$$/_Static_assert((\1) == (\2), "\1");/p' \
	        $(PROVE_POSIX_HS); } > $(PROOFS)/shim_check.c
	$(Q)$(CC) -std=c11 -Wall -Werror -fsyntax-only $(PROOFS)/shim_check.c

# ---- the same for the file and zero-copy calls (acsl/iosafe_posix_fs.h) -------
# Object-like #defines only (S_ISFIFO(m), fcntl(...) and syscall(...) are
# function-like and not matched); struct layouts in proofs/shim_types_fs.c.
prove-shim: prove-shim-fs
prove-shim-fs:
	$(quiet) SHIM acsl/iosafe_posix_fs.h
	$(Q)mkdir -p $(PROOFS)
	$(Q){ cat proofs/shim_types_fs.c; \
	      sed -n 's/^#define \(E[A-Z0-9]*\|O_[A-Z]*\|F_[A-Z_]*\|[RWX]_OK\|AT_[A-Z_]*\|S_IF[A-Z]*\|MFD_[A-Z_]*\|SEEK_[A-Z]*\|LOCK_[A-Z]*\|RENAME_[A-Z]*\|SPLICE_F_[A-Z]*\|STATX_[A-Z_]*\|SYS_[a-z0-9_]*\|RESOLVE_[A-Z_]*\) \(.*\)$$/_Static_assert((\1) == (\2), "\1");/p' \
	        acsl/iosafe_posix_fs.h; } > $(PROOFS)/shim_check_fs.c
	$(Q)$(CC) -std=c11 -Wall -Werror -fsyntax-only $(PROOFS)/shim_check_fs.c

# ---- the same for the event calls (acsl/iosafe_posix_event.h) ------------------
prove-shim: prove-shim-event
.PHONY: prove-shim-event
prove-shim-event:
	$(quiet) SHIM acsl/iosafe_posix_event.h
	$(Q)mkdir -p $(PROOFS)
	$(Q){ cat proofs/shim_types_event.c; \
	      sed -n 's/^#define \(EBADMSG\|ECANCELED\|EPOLL[A-Z_]*\|EFD_[A-Z]*\|TFD_[A-Z_]*\|SFD_[A-Z]*\|IN_[A-Z]*\|FAN_[A-Z]*\|SIG_[A-Z]*\|CLOCK_[A-Z]*\) \(.*\)$$/_Static_assert((\1) == (\2), "\1");/p' \
	        acsl/iosafe_posix_event.h; } > $(PROOFS)/shim_check_event.c
	$(Q)$(CC) -std=c11 -Wall -Werror -fsyntax-only $(PROOFS)/shim_check_event.c
# ---- the same for pidfd, terminals, message queues and serial ports ----------
# Every object-like #define with a value in acsl/iosafe_posix_{process,term,
# mq}.h against glibc, acsl/iosafe_posix_serial.h's against the kernel's
# headers; struct layouts in proofs/shim_types_ipc.c and shim_types_serial.c.
PROVE_IPC_HS := acsl/iosafe_posix_process.h acsl/iosafe_posix_term.h acsl/iosafe_posix_mq.h
prove-shim: prove-shim-ipc
prove-shim-ipc:
	$(quiet) SHIM "$(PROVE_IPC_HS) acsl/iosafe_posix_serial.h"
	$(Q)mkdir -p $(PROOFS)
	$(Q){ cat proofs/shim_types_ipc.c; \
	      sed -n 's/^#define \([A-Z][A-Z0-9_]*\) \(.*\)$$/_Static_assert((\1) == (\2), "\1");/p' \
	        $(PROVE_IPC_HS); } > $(PROOFS)/shim_check_ipc.c
	$(Q)$(CC) -std=c11 -Wall -Werror -fsyntax-only $(PROOFS)/shim_check_ipc.c
	$(Q){ cat proofs/shim_types_serial.c; \
	      sed -n 's/^#define \([A-Z][A-Z0-9_]*\) \(.*\)$$/_Static_assert((\1) == (\2), "\1");/p' \
	        acsl/iosafe_posix_serial.h; } > $(PROOFS)/shim_check_serial.c
	$(Q)$(CC) -std=c11 -Wall -Werror -fsyntax-only $(PROOFS)/shim_check_serial.c


# ---- the same for the socket calls (acsl/iosafe_posix_net.h) -----------------
# Its constants are indented (`#  define`, each under its own guard); struct
# layouts in proofs/shim_types_net.c, after shim_types.c's IOSAFE_SAME_TYPE.
prove-shim: prove-shim-net
prove-shim-net:
	$(quiet) SHIM acsl/iosafe_posix_net.h
	$(Q)mkdir -p $(PROOFS)
	$(Q){ cat proofs/shim_types.c proofs/shim_types_net.c; \
	      sed -n 's/^\#  define \([A-Z][A-Z0-9_]*\) \(.*\)$$/_Static_assert((\1) == (\2), "\1");/p' \
	        acsl/iosafe_posix_net.h; } > $(PROOFS)/shim_check_net.c
	$(Q)$(CC) -std=c11 -Wall -Werror -fsyntax-only $(PROOFS)/shim_check_net.c

# ---- the same for the CPU calls (acsl/iosafe_posix_cpu.h) ---------------------
prove-shim: prove-shim-cpu
.PHONY: prove-shim-cpu
prove-shim-cpu:
	$(quiet) SHIM acsl/iosafe_posix_cpu.h
	$(Q)mkdir -p $(PROOFS)
	$(Q){ printf '#define _GNU_SOURCE\n#include <sched.h>\n#include <stdint.h>\n#include <unistd.h>\n'; \
	      printf '_Static_assert(sizeof(cpu_set_t) %% sizeof(unsigned long) == 0, "cpu_set_t");\n'; \
	      printf '_Static_assert(_Generic((uintptr_t)0, unsigned long: 1, default: 0), "uintptr_t");\n'; \
	      sed -n 's/^#define \(_SC_[A-Z_]*\) \(.*\)$$/_Static_assert((\1) == (\2), "\1");/p' \
	        acsl/iosafe_posix_cpu.h; } > $(PROOFS)/shim_check_cpu.c
	$(Q)$(CC) -std=c11 -Wall -Werror -fsyntax-only $(PROOFS)/shim_check_cpu.c
# ---- the same for the timestamp calls (acsl/iosafe_posix_filetime.h) --------
prove-shim: prove-shim-filetime
.PHONY: prove-shim-filetime
prove-shim-filetime:
	$(quiet) SHIM acsl/iosafe_posix_filetime.h
	$(Q)mkdir -p $(PROOFS)
	$(Q){ printf '#define _GNU_SOURCE\n#include <errno.h>\n#include <fcntl.h>\n#include <sys/stat.h>\n#include <time.h>\n'; \
	      sed -n 's/^#define \([A-Z][A-Z0-9_]*\) \(.*\)$$/_Static_assert((\1) == (\2), "\1");/p' \
	        acsl/iosafe_posix_filetime.h; } > $(PROOFS)/shim_check_filetime.c
	$(Q)$(CC) -std=c11 -Wall -Werror -fsyntax-only $(PROOFS)/shim_check_filetime.c

# ---- one Frama-C run: $(call prove_wp,name,sources,extra flags,steps) ---------------
# One shell command (so that $(foreach) can chain several on one recipe
# line).  First a parse-only run prints the normalised code, from which
# wp_check.py checks that every function has a contract and lists the second
# copies Frama-C makes of inline functions (skipped: proved once); then WP.
prove_wp = printf '  %-8s %s\n' WP $(1) && mkdir -p $(PROOFS)/$(1) && \
	{ $(FRAMAC) $(PROVE_FC_FLAGS) $(2) -print -ocode $(PROOFS)/$(1)/printed.c \
	    > $(PROOFS)/$(1)/parse.log 2>&1 || { cat $(PROOFS)/$(1)/parse.log; exit 1; }; } && \
	skip=$$($(PROVE_CHECK) specs $(PROOFS)/$(1)/printed.c $(5)) && \
	{ $(PROVE_ENV) $(FRAMAC) $(PROVE_FC_FLAGS) $(2) $(PROVE_WP_FLAGS) -wp-par $(PROVE_JOBS) $(call prove_cache,$(4)) $(3) \
	    $${skip:+-wp-skip-fct $$skip} \
	    -wp-out $(PROOFS)/$(1)/wp -wp-report-json $(PROOFS)/$(1)/wp.json \
	    > $(PROOFS)/$(1)/wp.log 2>&1 || { cat $(PROOFS)/$(1)/wp.log; exit 1; }; }

# The client functions of a client file (named client_*), for -wp-fct: the
# iosafe functions they call are proved in the core run.
prove_client_fcts = $$(sed -n 's/^[a-z].*[ *]\(client_[a-z0-9_]*\)(.*/\1/p' $(1) | sort -u | paste -sd,)
prove_name = $(notdir $(1:.c=))
prove_client_flags = -wp-fct $(call prove_client_fcts,$(1)) -wp-no-smoke-tests \
	-wp-steps $(PROVE_CLIENT_STEPS)
prove_good = $(call prove_wp,$(call prove_name,$(1)),$(1),$(call prove_client_flags,$(1)),$(PROVE_CLIENT_STEPS)) && \
	$(call prove_wp,$(call prove_name,$(1))-smoke,$(1),-wp-fct $(call prove_client_fcts,$(1)),$(PROVE_STEPS)) && \
	$(PROVE_CHECK) proved $(call prove_name,$(1)) $(PROOFS)/$(call prove_name,$(1))/wp.json \
	    $(PROOFS)/$(call prove_name,$(1))/wp.log $(PROOFS)/$(call prove_name,$(1))-smoke/wp.json &&
prove_bad = $(call prove_wp,$(call prove_name,$(1)),$(1),$(call prove_client_flags,$(1)),$(PROVE_CLIENT_STEPS)) && \
	$(PROVE_CHECK) fails $(call prove_name,$(1)) $(PROOFS)/$(call prove_name,$(1))/wp.json \
	    $(PROOFS)/$(call prove_name,$(1))/wp.log $(1) &&
prove_run_args = $(call prove_name,$(1)) $(PROOFS)/$(call prove_name,$(1))/wp.json \
	$(PROOFS)/$(call prove_name,$(1))/wp.log $(2)$(if $(filter good,$(2)),:$(PROOFS)/$(call prove_name,$(1))-smoke/wp.json)

# The core is proved one source per Frama-C run, PROVE_RUNS runs side by
# side: a run is bound by WP's polling latency more than by the CPU, so
# runs in parallel finish sooner than one run of every source.  The first
# source (src/inline.c) defines the bodies of the headers; the run of each
# other source skips them (they are proved once, in core-inline), and
# `wp_check.py merge` joins the runs into the one "core" of the report.
PROVE_CORE_FIRST := $(firstword $(PROVE_CORE_SRCS))
PROVE_CORE_RUNS := $(foreach s,$(PROVE_CORE_SRCS),core-$(notdir $(s:.c=)))
PROVE_HEADERS_PRINTED := $(PROOFS)/headers/printed.c
.PHONY: $(PROVE_CORE_RUNS)
core-$(notdir $(PROVE_CORE_FIRST:.c=)):
	$(Q)$(call prove_wp,$@,$(PROVE_CORE_FIRST),,$(PROVE_STEPS))
$(filter-out core-$(notdir $(PROVE_CORE_FIRST:.c=)),$(PROVE_CORE_RUNS)): $(PROVE_HEADERS_PRINTED)
	$(Q)$(call prove_wp,$@,$(filter %/$(@:core-%=%).c,$(PROVE_CORE_SRCS)),,$(PROVE_STEPS),$(PROVE_HEADERS_PRINTED))
# The headers' bodies as src/inline.c defines them: a parse only.
$(PROVE_HEADERS_PRINTED): $(PROVE_DEPS)
	$(Q)mkdir -p $(@D)
	$(Q)$(FRAMAC) $(PROVE_FC_FLAGS) $(PROVE_CORE_FIRST) -print -ocode $@ > $(@D)/parse.log 2>&1 || \
	    { cat $(@D)/parse.log; exit 1; }

prove-run: prove-shim $(PROOFS)/why3.conf
	$(Q)rm -rf $(PROOFS)/core $(PROOFS)/core-* $(PROOFS)/headers $(PROOFS)/good_* $(PROOFS)/bad_*
	$(Q)date +%s > $(PROOFS)/start
ifeq ($(PROVE_FULL),1)
	$(Q)rm -rf $(PROVE_CACHE_DIR) && mkdir -p $(PROVE_CACHE_DIR)
else
	$(Q)$(PROVE_CHECK) cache-unpack $(PROVE_CACHE_TXT) $(PROVE_CACHE_DIR)
endif
	$(Q)$(MAKE) --no-print-directory -j$(PROVE_RUNS) $(PROVE_CORE_RUNS)
	$(Q)$(PROVE_CHECK) merge $(PROOFS)/core $(addprefix $(PROOFS)/,$(PROVE_CORE_RUNS))
	$(Q)$(PROVE_CHECK) proved core $(PROOFS)/core/wp.json $(PROOFS)/core/wp.log
	$(Q)$(foreach c,$(PROVE_GOOD),$(call prove_good,$(c))) true
	$(Q)$(foreach c,$(PROVE_BAD),$(call prove_bad,$(c))) true
	$(Q)$(PROVE_CHECK) floor proofs/goal-floor $(PROOFS)/core/wp.json \
	    $(foreach c,$(PROVE_GOOD),$(PROOFS)/$(call prove_name,$(c))/wp.json:$(PROOFS)/$(call prove_name,$(c))-smoke/wp.json)
	$(Q)secs=$$(( $$(date +%s) - $$(cat $(PROOFS)/start) )); \
	  FC_FLAGS='$(PROVE_FC_FLAGS)' WP_FLAGS='$(PROVE_WP_FLAGS)' \
	  CLIENT_FLAGS='-wp-fct client_... -wp-no-smoke-tests -wp-steps $(PROVE_CLIENT_STEPS)' POSIX_H='$(PROVE_POSIX_HS)' \
	  TIME="$$secs s wall clock, -wp-par $(PROVE_JOBS) (not compared)" \
	  RUN='$(PROVE_RUN_KIND)' \
	  $(PROVE_CHECK) report $(PROOFS)/REPORT.md \
	    core $(PROOFS)/core/wp.json $(PROOFS)/core/wp.log core \
	    $(foreach c,$(PROVE_GOOD),$(call prove_run_args,$(c),good)) \
	    $(foreach c,$(PROVE_BAD),$(call prove_run_args,$(c),bad)) && \
	  echo "  TIME     $$secs s"

# One source of the core alone, for work on one family: the same flags and
# cache as prove (so its results serve the next prove), no report.
#   make prove-file SRC=src/fs.c
prove-file: prove-shim $(PROOFS)/why3.conf
	$(Q)test -n "$(SRC)" || { echo "prove-file: name the source, SRC=src/FILE.c" >&2; exit 2; }
	$(Q)$(PROVE_CHECK) cache-unpack $(PROVE_CACHE_TXT) $(PROVE_CACHE_DIR)
	$(Q)$(call prove_wp,file-$(notdir $(SRC:.c=)),$(SRC),,$(PROVE_STEPS))
	$(Q)$(PROVE_CHECK) proved file-$(notdir $(SRC:.c=)) $(PROOFS)/file-$(notdir $(SRC:.c=))/wp.json \
	    $(PROOFS)/file-$(notdir $(SRC:.c=))/wp.log

prove: prove-run
	$(Q)$(PROVE_CHECK) same $(PROOFS)/REPORT.md proofs/REPORT.md

# From nothing: its own make, so that PROVE_FULL=1 holds for every rule.
prove-full:
	$(Q)$(MAKE) --no-print-directory prove-run PROVE_FULL=1
	$(Q)$(if $(wildcard proofs/win/win.mk),$(MAKE) --no-print-directory prove-win PROVE_FULL=1,true)
	$(quiet) REPORT "proofs/REPORT.md, $(PROVE_CACHE_TXT)"
	$(Q)cp $(PROOFS)/REPORT.md proofs/REPORT.md
	$(Q)$(PROVE_CHECK) cache-pack $(PROVE_CACHE_DIR) $(PROVE_CACHE_TXT)

prove-report: prove-full

# ---- mutation check ---------------------------------------------------------------
# Every mutant of proofs/mutants/mutants.txt, applied to a copy under
# $(BUILD)/mutants/, must break a proof of the function it mutates.  WP runs
# with prove's flags but without -wp-run-all-provers (a goal is proved when
# any prover proves it either way, and stopping at the first saves time) and
# without smoke tests (one way fewer to kill a mutant: conservative).
# MUTANTS=id,id runs a subset.
prove-mutants: prove-shim $(PROOFS)/why3.conf
	$(quiet) MUTANTS proofs/mutants/mutants.txt
	$(Q)$(PROVE_ENV) FRAMAC='$(FRAMAC)' FC_FLAGS='$(PROVE_FC_FLAGS)' \
	  WP_FLAGS='$(filter-out -wp-run-all-provers -wp-smoke-tests,$(PROVE_WP_FLAGS)) -wp-par $(PROVE_JOBS)' \
	  $(PYTHON3) proofs/mutants/run_mutants.py . $(BUILD)/mutants

# ---- installation: the model beside the public headers ------------------------------
# fd.h includes "iosafe_acsl.h" under __FRAMAC__, so it goes beside fd.h:
# a user's Frama-C run over code that includes <iosafe/iosafe.h> then finds
# the contracts and the model.  iosafe_posix.h and the libc/ shims go there
# too, for users who prove their own raw POSIX calls in the same model
# (frama-c -no-frama-c-stdlib -cpp-extra-args="-nostdinc
# -I$(includedir)/iosafe/libc -I$(includedir)").  The Windows model goes
# there as well: win.h includes "iosafe_win_acsl.h" under __FRAMAC__, and the
# trusted Win32 and C runtime contracts (iosafe_win32.h, iosafe_win_crt.h)
# with their shims of <windows.h> and the rest (acsl/win/, installed as
# libc-win/, whose files include "../iosafe_win32.h") prove Windows code in
# the same model (frama-c -no-frama-c-stdlib -cpp-extra-args="-nostdinc
# -D_WIN32 -I$(includedir)/iosafe/libc-win -I$(includedir)", as
# proofs/win/win.mk runs it).  install-acsl and uninstall-acsl mirror each
# other through ACSL_INSTALLED.
ACSL_HDRS := acsl/iosafe_acsl.h acsl/iosafe_acsl_stdio.h $(PROVE_POSIX_HS)
ACSL_WIN_HDRS := acsl/iosafe_win_acsl.h acsl/iosafe_win32.h acsl/iosafe_win_crt.h
ACSL_WIN_SHIMS := $(wildcard acsl/win/*.h)
ACSL_HDRS += acsl/iosafe_acsl_net.h
ACSL_LIBC_HDRS := $(wildcard acsl/libc/*.h)
ACSL_LIBC_SYS_HDRS := $(wildcard acsl/libc/sys/*.h)
ACSL_LIBC_LINUX_HDRS := $(wildcard acsl/libc/linux/*.h)
ACSL_LIBC_NETINET_HDRS := $(wildcard acsl/libc/netinet/*.h)
ACSL_INSTALLED := $(ACSL_HDRS:acsl/%=$(DESTDIR)$(includedir)/iosafe/%) \
	$(ACSL_LIBC_HDRS:acsl/%=$(DESTDIR)$(includedir)/iosafe/%) \
	$(ACSL_LIBC_SYS_HDRS:acsl/%=$(DESTDIR)$(includedir)/iosafe/%) \
	$(ACSL_LIBC_LINUX_HDRS:acsl/%=$(DESTDIR)$(includedir)/iosafe/%) \
	$(ACSL_WIN_HDRS:acsl/%=$(DESTDIR)$(includedir)/iosafe/%) \
	$(ACSL_WIN_SHIMS:acsl/win/%=$(DESTDIR)$(includedir)/iosafe/libc-win/%) \
	$(ACSL_LIBC_NETINET_HDRS:acsl/%=$(DESTDIR)$(includedir)/iosafe/%)

INSTALL_TARGETS += install-acsl
UNINSTALL_TARGETS += uninstall-acsl
.PHONY: install-acsl uninstall-acsl

install-acsl:
	$(quiet) INSTALL "$(DESTDIR)$(includedir)/iosafe (ACSL model)"
	$(Q)$(INSTALL) -d -m 755 $(DESTDIR)$(includedir)/iosafe/libc/sys $(DESTDIR)$(includedir)/iosafe/libc/linux
	$(Q)$(INSTALL) -m 644 $(ACSL_HDRS) $(DESTDIR)$(includedir)/iosafe/
	$(Q)$(INSTALL) -m 644 $(ACSL_LIBC_HDRS) $(DESTDIR)$(includedir)/iosafe/libc/
	$(Q)$(INSTALL) -m 644 $(ACSL_LIBC_SYS_HDRS) $(DESTDIR)$(includedir)/iosafe/libc/sys/
	$(Q)$(INSTALL) -d -m 755 $(DESTDIR)$(includedir)/iosafe/libc/linux
	$(Q)$(INSTALL) -m 644 $(ACSL_LIBC_LINUX_HDRS) $(DESTDIR)$(includedir)/iosafe/libc/linux/
	$(Q)$(INSTALL) -m 644 $(ACSL_WIN_HDRS) $(DESTDIR)$(includedir)/iosafe/
	$(Q)$(INSTALL) -d -m 755 $(DESTDIR)$(includedir)/iosafe/libc-win
	$(Q)$(INSTALL) -m 644 $(ACSL_WIN_SHIMS) $(DESTDIR)$(includedir)/iosafe/libc-win/
	$(Q)$(INSTALL) -d -m 755 $(DESTDIR)$(includedir)/iosafe/libc/netinet
	$(Q)$(INSTALL) -m 644 $(ACSL_LIBC_NETINET_HDRS) $(DESTDIR)$(includedir)/iosafe/libc/netinet/

uninstall-acsl:
	$(quiet) UNINSTALL "$(DESTDIR)$(includedir)/iosafe (ACSL model)"
	$(Q)rm -f $(ACSL_INSTALLED)
	$(Q)rmdir $(DESTDIR)$(includedir)/iosafe/libc/sys $(DESTDIR)$(includedir)/iosafe/libc/linux \
	    $(DESTDIR)$(includedir)/iosafe/libc 2>/dev/null || true
	$(Q)rmdir $(DESTDIR)$(includedir)/iosafe/libc-win 2>/dev/null || true
	$(Q)rmdir $(DESTDIR)$(includedir)/iosafe/libc/linux 2>/dev/null || true
	$(Q)rmdir $(DESTDIR)$(includedir)/iosafe/libc/netinet 2>/dev/null || true
	$(Q)rmdir $(DESTDIR)$(includedir)/iosafe/libc/sys $(DESTDIR)$(includedir)/iosafe/libc 2>/dev/null || true
	$(Q)rmdir $(DESTDIR)$(includedir)/iosafe 2>/dev/null || true

# `make prove` passes (faulty clients refuted, REPORT.md equal to a fresh
# run; its goal count and times are in proofs/REPORT.md), warm from
# proofs/wp-cache.txt, so it is part of `make check`.  prove-mutants stays
# its own target (see proofs/README.md).
CHECK_TARGETS += prove

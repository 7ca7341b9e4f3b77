# SPDX-License-Identifier: MIT
# bench/bench.mk: `make bench` parts bench-lib and bench-fd (below).
# bench-lib: the cost of iosafe against bare ints.  Each program in bench/ is built three times at -O2 from one
# source: bare ints (-DBENCH_IOSAFE=0), iosafe linked with $(LIB_A)
# (-DBENCH_IOSAFE=1), and iosafe with the library's sources built in under
# -flto (what a user building iosafe into a program with LTO gets);
# bench/run.sh counts instructions with callgrind and code size with nm and
# prints the ratios.  Included by the top-level GNUmakefile.

BENCH_PROGS := copy open_close dup pipe borrow \
	dup_onto rw_all splice view_printf
BENCH_PROGS += epoll
BENCH_PROGS += net_pingpong
BENCH_PROGS += net_fdpass
BENCH_PROGS += pipe_filelike
BENCH_DIR   := $(BUILD)/bench
# gcc: BENCH_HOT uses GCC's noipa attribute.
BENCH_CC    ?= gcc
BENCH_CFLAGS := -std=gnu11 -O2 -g $(IOSAFE_WARN)
BENCH_BINS  := $(foreach p,$(BENCH_PROGS),$(BENCH_DIR)/$(p)-bare $(BENCH_DIR)/$(p)-iosafe $(BENCH_DIR)/$(p)-lto)

BENCH_TARGETS += bench-lib
.PHONY: bench-lib

$(BENCH_DIR)/%-bare: bench/%.c bench/bench.h
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(BENCH_CC) $(CPPFLAGS) $(BENCH_CFLAGS) $(CFLAGS) -O2 -DBENCH_IOSAFE=0 $(LDFLAGS) $< -o $@

$(BENCH_DIR)/%-iosafe: bench/%.c bench/bench.h $(LIB_A) $(LIB_HDRS)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(BENCH_CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(BENCH_CFLAGS) $(CFLAGS) -O2 -DBENCH_IOSAFE=1 \
	    $(LDFLAGS) $< $(LIB_A) -o $@

$(BENCH_DIR)/%-lto: bench/%.c bench/bench.h $(LIB_SRCS) $(LIB_HDRS)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(BENCH_CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(BENCH_CFLAGS) $(CFLAGS) -O2 -flto -DBENCH_IOSAFE=1 \
	    $(LDFLAGS) $< $(LIB_SRCS) -o $@

bench-lib: $(BENCH_BINS)
	$(quiet) BENCH "$(BENCH_PROGS): bare ints vs iosafe (callgrind, nm)"
	$(Q)bash bench/run.sh $(BENCH_DIR) $(BENCH_PROGS)

# bench-cp: iosafe_copy_all against cp --reflink=never on a 1 GiB file
# (bench/cp.sh; BENCH_CP_MIB=N for another size).
BENCH_TARGETS += bench-cp
.PHONY: bench-cp
$(BENCH_DIR)/copy_file: bench/copy_file.c $(LIB_A) $(LIB_HDRS)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(BENCH_CC) $(IOSAFE_CPPFLAGS) $(CPPFLAGS) $(BENCH_CFLAGS) $(CFLAGS) $(LDFLAGS) $< $(LIB_A) -o $@

bench-cp: $(BENCH_DIR)/copy_file
	$(quiet) BENCH "copy_all vs cp --reflink=never"
	$(Q)bash bench/cp.sh $(BENCH_DIR)/cp $(BENCH_DIR)/copy_file
# `make bench` part bench-fd: what iosafe's checkers cost the analyzer on
# fd-dense code.  bench/analysis.py writes BENCH_FD_PROGRAMS programs of
# bench/fdgen.py (seeded: the same programs every run) into
# $(BUILD)/bench/fd-dense/ and analyses each BENCH_FD_ROUNDS times with
# plain `clang --analyze` and with the plugin's checkers on, side by side
# (rotated rounds, medians of CPU time), and prints the median and worst
# ratio over the programs.
BENCH_FD_PROGRAMS ?= 16
BENCH_FD_ROUNDS ?= 3
BENCH_TARGETS += bench-fd
.PHONY: bench-fd

bench-fd: $(IOSAFE_PLUGIN)
	$(quiet) BENCH "fd-dense programs: clang --analyze with and without iosafe's checkers"
	$(Q)$(PYTHON) bench/analysis.py --clang $(CLANG) --plugin $(IOSAFE_PLUGIN) \
	    --programs $(BENCH_FD_PROGRAMS) --rounds $(BENCH_FD_ROUNDS) \
	    --workdir $(BUILD)/bench/fd-dense
# bench-echo: the epoll echo server written with iosafe (examples/epoll_echo.c,
# built as the example is) against the same server with bare ints
# (bench/epoll_echo_bare.c, the same flags), under one loopback load of
# bench/echo_client.c; bench/echo.py runs them side by side in rotated
# rounds and prints the requests-per-second ratio (medians).
BENCH_ECHO_ROUNDS ?= 11
BENCH_ECHO_CONNS ?= 8
BENCH_ECHO_SIZE ?= 64
BENCH_ECHO_REQUESTS ?= 40000
BENCH_TARGETS += bench-echo
.PHONY: bench-echo
$(BENCH_DIR)/epoll_echo_bare: bench/epoll_echo_bare.c
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CPPFLAGS) $(IOSAFE_CFLAGS) $(CFLAGS) $< $(LDFLAGS) -o $@
$(BENCH_DIR)/echo_client: bench/echo_client.c
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CPPFLAGS) $(IOSAFE_CFLAGS) $(CFLAGS) $< $(LDFLAGS) -o $@

bench-echo: $(BUILD)/examples/epoll_echo $(BENCH_DIR)/epoll_echo_bare $(BENCH_DIR)/echo_client
	$(quiet) BENCH "epoll echo server: iosafe vs bare ints, loopback requests/s"
	$(Q)$(PYTHON) bench/echo.py --iosafe $(BUILD)/examples/epoll_echo \
	    --bare $(BENCH_DIR)/epoll_echo_bare --client $(BENCH_DIR)/echo_client \
	    --rounds $(BENCH_ECHO_ROUNDS) --connections $(BENCH_ECHO_CONNS) \
	    --size $(BENCH_ECHO_SIZE) --requests $(BENCH_ECHO_REQUESTS) \
	    --valgrind $(or $(VALGRIND),valgrind) --workdir $(BENCH_DIR)

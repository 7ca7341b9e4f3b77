# SPDX-License-Identifier: MIT
# bench/bench.mk: `make bench` part bench-lib: the cost of iosafe against
# bare ints.  Each program in bench/ is built three times at -O2 from one
# source: bare ints (-DBENCH_IOSAFE=0), iosafe linked with $(LIB_A)
# (-DBENCH_IOSAFE=1), and iosafe with the library's sources built in under
# -flto (what a user building iosafe into a program with LTO gets);
# bench/run.sh counts instructions with callgrind and code size with nm and
# prints the ratios.  Included by the top-level GNUmakefile.

BENCH_PROGS := copy open_close dup pipe borrow
BENCH_PROGS += net_pingpong
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

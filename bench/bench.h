/* SPDX-License-Identifier: MIT */
/*
 * bench/bench.h: what the benchmark programs share.
 *
 * Each bench/<name>.c is one program written twice, with bare ints and with
 * iosafe, selected by BENCH_IOSAFE (0 or 1) at compile time; bench/bench.mk
 * builds both at -O2.  The hot code is in functions named bench_<...>:
 * bench/run.sh counts the instructions executed in them (and in everything
 * they call: libc, the kernel entry stubs, libiosafe) with callgrind
 * --toggle-collect=bench_*, and their code size with nm.
 */
#ifndef IOSAFE_BENCH_H
#define IOSAFE_BENCH_H

#ifndef BENCH_IOSAFE
#  error "build with -DBENCH_IOSAFE=0 (bare ints) or -DBENCH_IOSAFE=1 (iosafe)"
#endif

/* The hot functions are kept out of line (noinline, noipa: GCC may not
 * inline or specialise them into main), so that both builds have one
 * function of the same name to measure. */
#define BENCH_HOT __attribute__((noinline, noipa))

#endif

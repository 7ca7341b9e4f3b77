/* SPDX-License-Identifier: MIT */
/*
 * bench/borrow.c: borrow-heavy code with no system call in the loop: a
 * table of owned descriptors, each borrowed and its number handed to a
 * function that uses it, then moved out and back in (take), as code that
 * passes descriptors around does.  Only the inline operations of fd.h are
 * involved, so this is where "iosafe costs nothing" is seen most directly.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "bench.h"
#if BENCH_IOSAFE
#  include <iosafe/iosafe.h>
#endif

#define SLOTS 8
#define ROUNDS 100000

/* The user of a borrowed number: out of line in both versions. */
BENCH_HOT static int use_fd(int fd)
{
	return fd & 1;
}

#if BENCH_IOSAFE
static iosafe_owned_fd table[SLOTS];

BENCH_HOT long bench_borrow(int rounds)
{
	long acc = 0;

	for (int i = 0; i < rounds; i++) {
		iosafe_owned_fd *slot = &table[i & (SLOTS - 1)];
		iosafe_borrowed_fd b = iosafe_fd_borrow(slot);
		iosafe_owned_fd moved;

		acc += use_fd(iosafe_fd_raw(b));
		moved = iosafe_fd_take(slot);
		*slot = moved;
	}
	return acc;
}

int main(void)
{
	long acc;

	for (int i = 0; i < SLOTS; i++)
		table[i] = iosafe_fd_from_raw(open("/dev/null", O_RDONLY | O_CLOEXEC));
	acc = bench_borrow(ROUNDS);
	for (int i = 0; i < SLOTS; i++)
		iosafe_fd_drop(&table[i]);
	printf("borrow: %ld\n", acc);
	return 0;
}
#else
static int table[SLOTS];

BENCH_HOT long bench_borrow(int rounds)
{
	long acc = 0;

	for (int i = 0; i < rounds; i++) {
		int *slot = &table[i & (SLOTS - 1)];
		int moved;

		acc += use_fd(*slot);
		moved = *slot;
		*slot = -1;
		*slot = moved;
	}
	return acc;
}

int main(void)
{
	long acc;

	for (int i = 0; i < SLOTS; i++)
		table[i] = open("/dev/null", O_RDONLY | O_CLOEXEC);
	acc = bench_borrow(ROUNDS);
	for (int i = 0; i < SLOTS; i++)
		if (table[i] >= 0)
			close(table[i]);
	printf("borrow: %ld\n", acc);
	return 0;
}
#endif

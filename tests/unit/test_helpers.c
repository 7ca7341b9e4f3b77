/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_helpers.c: the suite's own leak check (helpers.c) must see
 * what it is there to see, or every NOLEAK_TEST would pass for nothing:
 * a new descriptor, a closed one, one replaced by another file, and a
 * changed FD_CLOEXEC flag.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "helpers.h"

NOLEAK_TEST(helpers, snapshot_sees_a_new_descriptor)
{
	struct fdt_snapshot a, b;
	char why[512];
	int fd;

	fdt_take(&a);
	fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	cr_assert_geq(fd, 0);
	fdt_take(&b);
	cr_assert(fdt_diff(&a, &b, why, sizeof(why)), "a new fd went unseen");
	cr_assert_not_null(strstr(why, "descriptor leak"), "%s", why);
	cr_assert_not_null(strstr(why, "/dev/null"), "%s", why);
	close(fd);
	fdt_free(&b);
	fdt_take(&b);
	cr_assert_not(fdt_diff(&a, &b, why, sizeof(why)), "after close: %s", why);
	fdt_free(&a);
	fdt_free(&b);
}

NOLEAK_TEST(helpers, snapshot_sees_a_closed_descriptor)
{
	struct fdt_snapshot a, b;
	char why[512];
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

	cr_assert_geq(fd, 0);
	fdt_take(&a);
	close(fd);
	fdt_take(&b);
	cr_assert(fdt_diff(&a, &b, why, sizeof(why)), "a closed fd went unseen");
	cr_assert_not_null(strstr(why, "closed after it"), "%s", why);
	fdt_free(&a);
	fdt_free(&b);
}

NOLEAK_TEST(helpers, snapshot_sees_a_replaced_descriptor_and_a_flag)
{
	struct fdt_snapshot a, b;
	char why[512];
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	int zero = open("/dev/zero", O_RDONLY | O_CLOEXEC);

	cr_assert_geq(fd, 0);
	cr_assert_geq(zero, 0);
	fdt_take(&a);
	/* Same number, another file. */
	cr_assert_eq(dup3(zero, fd, O_CLOEXEC), fd);
	fdt_take(&b);
	cr_assert(fdt_diff(&a, &b, why, sizeof(why)), "a replaced fd went unseen");
	cr_assert_not_null(strstr(why, "/dev/zero"), "%s", why);
	fdt_free(&b);
	/* Same file, FD_CLOEXEC cleared. */
	cr_assert_eq(dup3(zero, fd, O_CLOEXEC), fd);
	fdt_free(&a);
	fdt_take(&a);
	cr_assert_eq(fcntl(fd, F_SETFD, 0), 0);
	fdt_take(&b);
	cr_assert(fdt_diff(&a, &b, why, sizeof(why)), "a cleared FD_CLOEXEC went unseen");
	cr_assert_not_null(strstr(why, "flags"), "%s", why);
	close(fd);
	close(zero);
	fdt_free(&a);
	fdt_free(&b);
}

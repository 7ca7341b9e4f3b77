/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_inout.c: include/iosafe/inout.h and src/inout.c.
 * in_place, new (same range, disjoint ranges, every kind of overlap
 * refused, adjacent ranges accepted, NULLs), split_at (both halves, the
 * bounds, keeping the rule), xor (in place and disjoint, against a byte by
 * byte reference, length mismatch), read_inout and write_inout on a real
 * pipe (which range each touches, none borrows, a closed descriptor).
 * The descriptor table is compared after each test (NOLEAK_TEST).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

static const iosafe_borrowed_fd none_borrow = { -1 };

static void assert_empty(const iosafe_inout_buf *b)
{
	cr_assert_null(b->in);
	cr_assert_null(b->out);
	cr_assert_eq(b->len, 0);
}

/* ---- in_place ------------------------------------------------------------ */

NOLEAK_TEST(inout, in_place_same_range)
{
	unsigned char p[8] = { 0 };
	iosafe_inout_buf b;

	cr_assert_eq(iosafe_inout_in_place(&b, p, sizeof(p)), 0);
	cr_assert_eq(b.in, p);
	cr_assert_eq(b.out, p);
	cr_assert_eq(b.len, sizeof(p));
}

NOLEAK_TEST(inout, in_place_null_args)
{
	iosafe_inout_buf b = { (const unsigned char *)"x", (unsigned char *)&b, 1 };

	cr_assert_eq(iosafe_inout_in_place(NULL, NULL, 0), -EINVAL);
	cr_assert_eq(iosafe_inout_in_place(&b, NULL, 4), -EINVAL);
	assert_empty(&b);
	cr_assert_eq(iosafe_inout_in_place(&b, NULL, 0), 0, "an empty buffer may be NULL");
	assert_empty(&b);
}

/* ---- new ----------------------------------------------------------------- */

NOLEAK_TEST(inout, new_disjoint_and_same)
{
	unsigned char in[16] = { 0 }, out[16];
	iosafe_inout_buf b;

	cr_assert_eq(iosafe_inout_new(&b, in, out, sizeof(in)), 0);
	cr_assert_eq(b.in, in);
	cr_assert_eq(b.out, out);
	cr_assert_eq(b.len, 16);
	cr_assert_eq(iosafe_inout_new(&b, out, out, sizeof(out)), 0, "in == out is in place");
	cr_assert_eq(b.in, out);
	cr_assert_eq(b.out, out);
}

NOLEAK_TEST(inout, new_adjacent_ranges_accepted)
{
	unsigned char m[32] = { 0 };
	iosafe_inout_buf b;

	/* [m, m + 16) and [m + 16, m + 32) share no byte, in either order. */
	cr_assert_eq(iosafe_inout_new(&b, m, m + 16, 16), 0);
	cr_assert_eq(iosafe_inout_new(&b, m + 16, m, 16), 0);
	cr_assert_eq(b.len, 16);
}

NOLEAK_TEST(inout, new_overlap_refused)
{
	unsigned char m[32] = { 0 };
	iosafe_inout_buf b;
	size_t shift;

	/* Every partial overlap, the output before or after the input. */
	for (shift = 1; shift < 16; shift++) {
		b.in = m;
		b.out = m;
		b.len = 7;
		cr_assert_eq(iosafe_inout_new(&b, m, m + shift, 16), -EINVAL, "out = in + %zu", shift);
		assert_empty(&b);
		cr_assert_eq(iosafe_inout_new(&b, m + shift, m, 16), -EINVAL, "in = out + %zu", shift);
		assert_empty(&b);
	}
	/* One byte in common at the end. */
	cr_assert_eq(iosafe_inout_new(&b, m, m + 15, 16), -EINVAL);
	cr_assert_eq(iosafe_inout_new(&b, m + 15, m, 16), -EINVAL);
	/* The same shifts with ranges short enough not to overlap. */
	cr_assert_eq(iosafe_inout_new(&b, m, m + 5, 5), 0);
	cr_assert_eq(iosafe_inout_new(&b, m + 5, m, 5), 0);
}

NOLEAK_TEST(inout, new_null_args)
{
	unsigned char m[4] = { 0 };
	iosafe_inout_buf b;

	cr_assert_eq(iosafe_inout_new(NULL, m, m, 4), -EINVAL);
	cr_assert_eq(iosafe_inout_new(&b, NULL, m, 4), -EINVAL);
	assert_empty(&b);
	cr_assert_eq(iosafe_inout_new(&b, m, NULL, 4), -EINVAL);
	assert_empty(&b);
	cr_assert_eq(iosafe_inout_new(&b, NULL, NULL, 0), 0);
	assert_empty(&b);
	cr_assert_eq(iosafe_inout_new(&b, m, m + 1, 0), 0, "empty ranges never overlap");
}

/* ---- split_at ------------------------------------------------------------ */

NOLEAK_TEST(inout, split_at_halves)
{
	unsigned char in[10] = { 0 }, out[10];
	iosafe_inout_buf b, h, t;
	size_t mid;

	cr_assert_eq(iosafe_inout_new(&b, in, out, 10), 0);
	for (mid = 0; mid <= 10; mid++) {
		cr_assert_eq(iosafe_inout_split_at(&h, &t, &b, mid), 0);
		cr_assert_eq(h.in, in);
		cr_assert_eq(h.out, out);
		cr_assert_eq(h.len, mid);
		cr_assert_eq(t.in, in + mid);
		cr_assert_eq(t.out, out + mid);
		cr_assert_eq(t.len, 10 - mid);
	}
	cr_assert_eq(b.in, in, "b is not changed");
	cr_assert_eq(b.len, 10);
}

NOLEAK_TEST(inout, split_at_bounds_and_nulls)
{
	unsigned char p[4] = { 0 };
	iosafe_inout_buf b, h, t;

	cr_assert_eq(iosafe_inout_in_place(&b, p, 4), 0);
	cr_assert_eq(iosafe_inout_split_at(&h, &t, &b, 5), -EINVAL);
	assert_empty(&h);
	assert_empty(&t);
	cr_assert_eq(iosafe_inout_split_at(NULL, &t, &b, 1), -EINVAL);
	assert_empty(&t);
	cr_assert_eq(iosafe_inout_split_at(&h, NULL, &b, 1), -EINVAL);
	assert_empty(&h);
	cr_assert_eq(iosafe_inout_split_at(&h, &t, NULL, 0), -EINVAL);
	/* An empty NULL buffer splits at 0 into two empty NULL buffers. */
	cr_assert_eq(iosafe_inout_new(&b, NULL, NULL, 0), 0);
	cr_assert_eq(iosafe_inout_split_at(&h, &t, &b, 0), 0);
	assert_empty(&h);
	assert_empty(&t);
}

/* ---- xor ----------------------------------------------------------------- */

NOLEAK_TEST(inout, xor_disjoint_matches_reference)
{
	unsigned char in[256], out[256], key[256];
	iosafe_inout_buf b;
	size_t i;

	for (i = 0; i < 256; i++) {
		in[i] = (unsigned char)i;
		key[i] = (unsigned char)(i * 37 + 11);
		out[i] = 0xAA;
	}
	cr_assert_eq(iosafe_inout_new(&b, in, out, 256), 0);
	cr_assert_eq(iosafe_inout_xor(b, key, 256), 0);
	for (i = 0; i < 256; i++) {
		cr_assert_eq(out[i], (unsigned char)(in[i] ^ key[i]), "byte %zu", i);
		cr_assert_eq(in[i], (unsigned char)i, "in is not written");
	}
}

NOLEAK_TEST(inout, xor_in_place_twice_is_identity)
{
	unsigned char p[64], key[64], orig[64];
	iosafe_inout_buf b;
	size_t i;

	for (i = 0; i < 64; i++) {
		p[i] = orig[i] = (unsigned char)(200 - i);
		key[i] = (unsigned char)(i ^ 0x5C);
	}
	cr_assert_eq(iosafe_inout_in_place(&b, p, 64), 0);
	cr_assert_eq(iosafe_inout_xor(b, key, 64), 0);
	for (i = 0; i < 64; i++)
		cr_assert_eq(p[i], (unsigned char)(orig[i] ^ key[i]));
	cr_assert_eq(iosafe_inout_xor(b, key, 64), 0);
	cr_assert_arr_eq(p, orig, 64);
}

NOLEAK_TEST(inout, xor_length_mismatch_writes_nothing)
{
	unsigned char p[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, key[8] = { 0xFF };
	const unsigned char before[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	iosafe_inout_buf b;

	cr_assert_eq(iosafe_inout_in_place(&b, p, 8), 0);
	cr_assert_eq(iosafe_inout_xor(b, key, 7), -EINVAL);
	cr_assert_eq(iosafe_inout_xor(b, NULL, 8), -EINVAL);
	cr_assert_arr_eq(p, before, 8);
	cr_assert_eq(iosafe_inout_in_place(&b, NULL, 0), 0);
	cr_assert_eq(iosafe_inout_xor(b, NULL, 0), 0, "empty: nothing to do");
}

/* ---- read_inout / write_inout ------------------------------------------------ */

NOLEAK_TEST(inout, write_sends_out_read_fills_out)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	unsigned char in[5] = "abcde", out[5] = "VWXYZ", got[5];
	unsigned char rin[5] = "11111", rout[5] = "22222";
	iosafe_inout_buf b;

	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_inout_new(&b, in, out, 5), 0);
	/* write_inout sends the output range. */
	cr_assert_eq(iosafe_write_inout(iosafe_fd_borrow(&w), b), 5);
	cr_assert_eq(read(r.raw, got, 5), 5);
	cr_assert_arr_eq(got, "VWXYZ", 5);
	/* read_inout fills the output range only. */
	cr_assert_eq(write(w.raw, "hello", 5), 5);
	cr_assert_eq(iosafe_inout_new(&b, rin, rout, 5), 0);
	cr_assert_eq(iosafe_read_inout(iosafe_fd_borrow(&r), b), 5);
	cr_assert_arr_eq(rout, "hello", 5);
	cr_assert_arr_eq(rin, "11111", 5, "the input range is not read into");
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

NOLEAK_TEST(inout, read_then_xor_in_place_decrypts)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	const unsigned char key[4] = { 0x10, 0x20, 0x30, 0x40 };
	unsigned char plain[4] = "data", cipher[4], p[4];
	iosafe_inout_buf b;
	int i;

	for (i = 0; i < 4; i++)
		cipher[i] = (unsigned char)(plain[i] ^ key[i]);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(write(w.raw, cipher, 4), 4);
	cr_assert_eq(iosafe_inout_in_place(&b, p, 4), 0);
	cr_assert_eq(iosafe_read_inout(iosafe_fd_borrow(&r), b), 4);
	cr_assert_eq(iosafe_inout_xor(b, key, 4), 0);
	cr_assert_arr_eq(p, plain, 4);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

NOLEAK_TEST(inout, read_write_errors)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	unsigned char p[4] = { 0 };
	iosafe_inout_buf b;
	iosafe_borrowed_fd closed = { fd_not_open() };

	cr_assert_eq(iosafe_inout_in_place(&b, p, 4), 0);
	cr_assert_eq(iosafe_read_inout(none_borrow, b), -EBADF);
	cr_assert_eq(iosafe_write_inout(none_borrow, b), -EBADF);
	cr_assert_eq(iosafe_read_inout(closed, b), -EBADF);
	cr_assert_eq(iosafe_write_inout(closed, b), -EBADF);
	/* End of file: 0.  A pipe without reader: -EPIPE (SIGPIPE ignored). */
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_read_inout(iosafe_fd_borrow(&r), b), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	signal(SIGPIPE, SIG_IGN);
	cr_assert_eq(iosafe_write_inout(iosafe_fd_borrow(&w), b), -EPIPE);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

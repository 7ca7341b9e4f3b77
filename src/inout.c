/* SPDX-License-Identifier: MIT */
/*
 * src/inout.c: buffers that are in place or disjoint (Rust crate inout).
 * The contracts and documentation are in include/iosafe/inout.h; the one
 * trusted contract of this file, iosafe_addr_disjoint's, is in
 * acsl/iosafe_posix_inout.h.
 */
#include <errno.h>
#include <stddef.h>
#include <unistd.h>

#include "iosafe/inout.h"

#ifdef __FRAMAC__
/* Declared with its trusted contract: WP's memory model has no addresses,
 * so the integer comparison below cannot be proved to mean \separated; the
 * contract says it does, and why that holds. */
#  include "iosafe_posix_inout.h"
#else
#  include <stdint.h>

/*
 * Whether @n bytes at @p and @n bytes at @q do not overlap.  The addresses
 * are compared as uintptr_t: a relational comparison of pointers into two
 * different objects is undefined behaviour (C11 6.5.8p5), and an
 * optimizer may assume the pointers are in one object; the conversion to
 * uintptr_t is implementation-defined (C11 6.3.2.3p6, 7.20.1.4), and GCC
 * and Clang keep the bit pattern (GCC manual, "Arrays and pointers"
 * implementation-defined behaviour), so on a flat address space the
 * ranges [p, p + n) and [q, q + n) are disjoint exactly when the distance
 * between the two integers is at least n.  The distance is computed
 * without overflow (the larger minus the smaller).
 */
static int iosafe_addr_disjoint(const unsigned char *p, const unsigned char *q, size_t n)
{
	uintptr_t a = (uintptr_t)p;
	uintptr_t c = (uintptr_t)q;

	return a < c ? c - a >= n : a - c >= n;
}
#endif

int iosafe_inout_in_place(iosafe_inout_buf *b, unsigned char *p, size_t n)
{
	if (b == NULL)
		return -EINVAL;
	if (!p && n > 0) { /* !p: see iosafe_inout_new */
		b->in = NULL;
		b->out = NULL;
		b->len = 0;
		return -EINVAL;
	}
	b->in = p;
	b->out = p;
	b->len = n;
	return 0;
}

int iosafe_inout_new(iosafe_inout_buf *b, const unsigned char *in, unsigned char *out,
		     size_t n)
{
	if (b == NULL)
		return -EINVAL;
	b->in = NULL;
	b->out = NULL;
	b->len = 0;
	/* !in rather than in == NULL: NULL is (void *)0, and WP's memory
	 * model reads the comparison as a cast of unsigned char * to void *
	 * (char *), a type it cannot follow. */
	if (n > 0 && (!in || !out))
		return -EINVAL;
	/* Equality of pointers is defined for any two (C11 6.5.9p6); only
	 * an overlap that is not the same range is refused. */
	if (in != (const unsigned char *)out && in && out && !iosafe_addr_disjoint(in, out, n))
		return -EINVAL;
	b->in = in;
	b->out = out;
	b->len = n;
	return 0;
}

/*@
  // The rule holds of the same suffix of both ranges: a lemma, proved, so
  // that the provers need not unfold \separated at each use.
  lemma iosafe_inout_separated_suffix:
    \forall unsigned char *in, *out, integer len, mid;
      0 <= mid <= len ==> iosafe_inout_separated(in, out, len) ==>
      iosafe_inout_separated(in + mid, out + mid, len - mid);
  lemma iosafe_inout_separated_prefix:
    \forall unsigned char *in, *out, integer len, mid;
      0 <= mid <= len ==> iosafe_inout_separated(in, out, len) ==>
      iosafe_inout_separated(in, out, mid);
*/

int iosafe_inout_split_at(iosafe_inout_buf *head, iosafe_inout_buf *tail,
			  const iosafe_inout_buf *b, size_t mid)
{
	const unsigned char *tin;
	unsigned char *tout;
	size_t tlen;

	if (head != NULL) {
		head->in = NULL;
		head->out = NULL;
		head->len = 0;
	}
	if (tail != NULL) {
		tail->in = NULL;
		tail->out = NULL;
		tail->len = 0;
	}
	if (head == NULL || tail == NULL || b == NULL || mid > b->len)
		return -EINVAL;
	/* With len 0 the pointers may be NULL, and NULL + 0 is not
	 * arithmetic C defines (C11 6.5.6p8): keep them as they are. */
	tin = b->in;
	tout = b->out;
	tlen = b->len - mid;
	if (mid > 0) {
		tin += mid;
		tout += mid;
	}
	/*@ assert tail_ok: iosafe_inout_separated((unsigned char *)tin, tout, tlen) &&
	      \valid_read(tin + (0 .. tlen - 1)) && \valid(tout + (0 .. tlen - 1)); */
	/*@ assert head_ok: iosafe_inout_separated((unsigned char *)b->in, b->out, mid) &&
	      \valid_read(b->in + (0 .. mid - 1)) && \valid(b->out + (0 .. mid - 1)); */
	head->in = b->in;
	head->out = b->out;
	head->len = mid;
	tail->in = tin;
	tail->out = tout;
	tail->len = tlen;
	return 0;
}

int iosafe_inout_xor(iosafe_inout_buf b, const unsigned char *data, size_t n)
{
	size_t i;

	if (n != b.len || (!data && n > 0)) /* !data: see iosafe_inout_new */
		return -EINVAL;
	/*@
	  loop invariant i_bound: 0 <= i <= n;
	  loop invariant done: \forall integer k; 0 <= k < i ==>
	    b.out[k] == (\at(b.in[k], Pre) ^ \at(data[k], Pre));
	  loop invariant in_left: \forall integer k; i <= k < n ==>
	    b.in[k] == \at(b.in[k], Pre);
	  loop invariant data_same: \forall integer k; 0 <= k < n ==>
	    data[k] == \at(data[k], Pre);
	  loop assigns i, b.out[0 .. n - 1];
	  loop variant n - i;
	*/
	for (i = 0; i < n; i++) {
		/* The XOR of two bytes is a byte: WP's bit theory states it of
		 * the conversion (is_uint8_lxor), so the assertion names it. */
		//@ assert xor_byte: (unsigned char)(b.in[i] ^ data[i]) == (b.in[i] ^ data[i]);
		b.out[i] = (unsigned char)(b.in[i] ^ data[i]);
	}
	return 0;
}

ssize_t iosafe_read_inout(iosafe_borrowed_fd fd, iosafe_inout_buf b)
{
	ssize_t got;

	if (fd.raw < 0)
		return -EBADF;
	got = read(fd.raw, b.out, b.len);
	return got < 0 ? -errno : got;
}

ssize_t iosafe_write_inout(iosafe_borrowed_fd fd, iosafe_inout_buf b)
{
	ssize_t put;

	if (fd.raw < 0)
		return -EBADF;
	put = write(fd.raw, b.out, b.len);
	return put < 0 ? -errno : put;
}

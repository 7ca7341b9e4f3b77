/* SPDX-License-Identifier: MIT */
/*
 * iosafe/inout.h: a pair of byte buffers, one read and one written, that
 * are either the same buffer or do not overlap (Rust crate inout, InOutBuf).
 *
 * Rust's borrow rules make `InOutBuf<'_, '_, u8>` hold either one `&mut
 * [u8]` (in place) or a `&[u8]` and a `&mut [u8]` that cannot overlap; a
 * transform (a cipher's keystream, a XOR) may then write out[i] after
 * reading in[i] without ever reading a byte it already wrote.  C cannot
 * promise that through its types, so iosafe checks it where a buffer is
 * made (iosafe_inout_new: -EINVAL for a partial overlap) and states it in
 * ACSL: the predicate iosafe_inout_ok (below) is what every function here
 * requires of the buffers it is given and ensures of the buffers it makes,
 * and Frama-C/WP proves it of every body (src/inout.c; `make prove-file
 * SRC=src/inout.c`): the proof says what Rust's type system says.
 *
 * Conventions: out-parameters first; 0 (or a count) or a negative errno;
 * a NULL pointer the doc says is required gives -EINVAL.  A buffer of
 * length 0 may hold NULL pointers.  iosafe_inout_buf is a plain value: it
 * owns nothing and borrows its two ranges for as long as the caller keeps
 * them alive (C has no lifetimes; a buffer must not outlive them).
 *
 * Trusted in the proof (acsl/iosafe_posix_inout.h): that comparing the two
 * addresses as uintptr_t tells whether the ranges overlap (WP's memory
 * model has no addresses), and read(2)/write(2) on unsigned char buffers.
 *
 * C11 with POSIX read(2)/write(2); pulled in by iosafe.h on POSIX only
 * (the Windows library does not build src/inout.c).
 */
#ifndef IOSAFE_INOUT_H
#define IOSAFE_INOUT_H

#include <stddef.h>
#include <sys/types.h> /* ssize_t */

#include "fd.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * iosafe_inout_buf: len bytes read from the input range and len bytes
 * written to the output range, which are the same range (in place) or do
 * not overlap.  Its member in points to the input bytes (read only), out
 * to the output bytes (written; in place, the same bytes as in), and len is
 * the length of each range in bytes.
 * Make one with iosafe_inout_in_place or iosafe_inout_new, which check the
 * rule; a buffer filled by hand carries no such check.
 * Follows: inout::InOutBuf (get_in, get_out, len).
 */
typedef struct iosafe_inout_buf {
	const unsigned char *in;
	unsigned char *out;
	size_t len;
} iosafe_inout_buf;

/*@
  // The rule of InOutBuf: the same range, or two that do not overlap.
  predicate iosafe_inout_separated(unsigned char *in, unsigned char *out,
				   integer len) =
    in == out ||
    \separated(in + (0 .. len - 1), out + (0 .. len - 1));

  // A buffer its functions may use: the rule, and both ranges live.
  predicate iosafe_inout_ok{L}(iosafe_inout_buf b) =
    iosafe_inout_separated(b.in, b.out, b.len) &&
    \valid_read(b.in + (0 .. b.len - 1)) && \valid(b.out + (0 .. b.len - 1));
*/

/**
 * iosafe_inout_in_place: a buffer whose input and output are the same
 * @n bytes at @p (a transform then changes them in place).
 * @b: (not NULL) receives the buffer; the empty buffer (NULL, NULL, 0) on
 *   failure.
 * @p: (not NULL unless @n is 0) @n readable and writable bytes, borrowed.
 * @n: the length in bytes.
 * Returns: 0, or -EINVAL for a NULL @b, or a NULL @p with @n > 0.
 * Follows: inout::InOutBuf::from (impl From<&mut [u8]>).
 */
/*@
  assigns *b;
  behavior null_b:
    assumes b == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior null_p:
    assumes b != \null && p == \null && n > 0;
    requires valid_b: \valid(b);
    assigns *b;
    ensures result_einval: \result == -EINVAL;
    ensures empty: b->in == \null && b->out == \null && b->len == 0;
  behavior ok:
    assumes b != \null && (p != \null || n == 0);
    requires valid_b: \valid(b);
    requires valid_p: \valid(p + (0 .. n - 1));
    requires separated_b: \separated(b, p + (0 .. n - 1));
    assigns *b;
    ensures result: \result == 0;
    ensures made: b->in == p && b->out == p && b->len == n;
    ensures inout_ok: iosafe_inout_ok(*b);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_inout_in_place(iosafe_inout_buf *b, unsigned char *p, size_t n);

/**
 * iosafe_inout_new: a buffer reading @n bytes at @in and writing @n bytes
 * at @out, which must be the same bytes or not overlap at all.
 * @b: (not NULL) receives the buffer; the empty buffer on failure.
 * @in: (not NULL unless @n is 0) @n readable bytes, borrowed.
 * @out: (not NULL unless @n is 0) @n writable bytes, borrowed.
 * @n: the length of each range in bytes.
 * The overlap test compares the addresses as uintptr_t (src/inout.c):
 * comparing pointers into different objects with < is undefined in C
 * (C11 6.5.8p5), the integers are not.
 * Returns: 0; -EINVAL when the ranges overlap without being equal (Rust's
 *   borrow checker rejects that case at compile time: inout::InOutBuf::new
 *   takes a `&[T]` and a `&mut [T]`, which cannot alias), or for a NULL @b,
 *   or a NULL @in or @out with @n > 0.
 * Follows: inout::InOutBuf::new (whose length mismatch error is impossible
 *   here: one @n), inout::InOutBuf::from (@in == @out).
 */
/*@
  assigns *b;
  behavior null_b:
    assumes b == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior bad:
    assumes b != \null && ((n > 0 && (in == \null || out == \null)) ||
      (in != \null && out != \null && !iosafe_inout_separated(in, out, n)));
    requires valid_b: \valid(b);
    requires valid_ranges: in != \null && out != \null ==>
      \valid_read(in + (0 .. n - 1)) && \valid(out + (0 .. n - 1));
    assigns *b;
    ensures result_einval: \result == -EINVAL;
    ensures empty: b->in == \null && b->out == \null && b->len == 0;
  behavior ok:
    assumes b != \null && ((in != \null && out != \null) || n == 0) &&
      iosafe_inout_separated(in, out, n);
    requires valid_b: \valid(b);
    requires valid_ranges: \valid_read(in + (0 .. n - 1)) && \valid(out + (0 .. n - 1));
    requires separated_b: \separated(b, in + (0 .. n - 1), out + (0 .. n - 1));
    assigns *b;
    ensures result: \result == 0;
    ensures made: b->in == in && b->out == out && b->len == n;
    ensures inout_ok: iosafe_inout_ok(*b);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_inout_new(iosafe_inout_buf *b, const unsigned char *in, unsigned char *out,
		     size_t n);

/**
 * iosafe_inout_split_at: split a buffer into its first @mid bytes and the
 * rest, each a buffer with the same rule.
 * @head: (not NULL) receives bytes [0, @mid) of @b's two ranges.
 * @tail: (not NULL) receives bytes [@mid, len) of @b's two ranges.
 * @b: (not NULL) the buffer, read only (not changed).
 * @mid: where to split, 0 .. @b->len.
 * Returns: 0; -EINVAL for @mid above @b->len (Rust's split_at panics) or a
 *   NULL pointer, with @head and @tail (when not NULL) the empty buffer.
 * Follows: inout::InOutBuf::split_at.
 */
/*@
  assigns *head, *tail;
  behavior null_args:
    assumes head == \null || tail == \null || b == \null;
    requires valid_or_null: (head == \null || \valid(head)) &&
      (tail == \null || \valid(tail));
    requires separated: head != \null && tail != \null ==> \separated(head, tail);
    assigns *head, *tail;
    ensures result_einval: \result == -EINVAL;
  behavior too_far:
    assumes head != \null && tail != \null && b != \null && mid > b->len;
    requires valid: \valid(head) && \valid(tail) && \valid_read(b);
    requires separated: \separated(head, tail, b);
    assigns *head, *tail;
    ensures result_einval: \result == -EINVAL;
    ensures empty: head->len == 0 && tail->len == 0 &&
      head->in == \null && head->out == \null &&
      tail->in == \null && tail->out == \null;
  behavior ok:
    assumes head != \null && tail != \null && b != \null && mid <= b->len;
    requires valid: \valid(head) && \valid(tail) && \valid_read(b);
    requires separated: \separated(head, tail, b);
    requires inout_ok: iosafe_inout_ok(*b);
    assigns *head, *tail;
    ensures result: \result == 0;
    ensures head_made: head->in == b->in && head->out == b->out && head->len == mid;
    ensures tail_made: tail->in == b->in + mid && tail->out == b->out + mid &&
      tail->len == b->len - mid;
    ensures head_ok: iosafe_inout_ok(*head);
    ensures tail_ok: iosafe_inout_ok(*tail);
    ensures halves_separated: \separated(head->out + (0 .. head->len - 1),
      tail->out + (0 .. tail->len - 1));
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_inout_split_at(iosafe_inout_buf *head, iosafe_inout_buf *tail,
			  const iosafe_inout_buf *b, size_t mid);

/**
 * iosafe_inout_xor: out[i] = in[i] ^ data[i] for every i below b.len (in
 * place: each byte XORed with data's).
 * @b: the buffer; its input is read, its output written.
 * @data: (not NULL unless @n is 0) @n readable bytes that do not overlap
 *   the output (in Rust a `&[u8]` beside the `&mut`: they cannot).
 * @n: the length of @data, which must be b.len.
 * Each in[i] is read before out[i] is written, and never after: that is
 * what the in-place-or-disjoint rule makes correct (the contract states
 * the result against the bytes before the call; proved).
 * Returns: 0; -EINVAL when @n is not b.len (inout's xor_in2out panics) or
 *   @data is NULL with @n > 0; nothing is written then.
 * Follows: inout::InOutBuf::xor_in2out.
 */
/*@
  behavior bad:
    assumes n != b.len || (data == \null && n > 0);
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior ok:
    assumes n == b.len && (data != \null || n == 0);
    requires inout_ok: iosafe_inout_ok(b);
    requires valid_data: \valid_read(data + (0 .. n - 1));
    requires separated_data: \separated(data + (0 .. n - 1), b.out + (0 .. n - 1));
    assigns b.out[0 .. n - 1];
    ensures result: \result == 0;
    ensures xored: \forall integer k; 0 <= k < n ==>
      b.out[k] == (\at(b.in[k], Pre) ^ \at(data[k], Pre));
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_inout_xor(iosafe_inout_buf b, const unsigned char *data, size_t n);

/**
 * iosafe_read_inout: one read(2) of up to b.len bytes from @fd into the
 * buffer's OUTPUT range (b.out[0 .. count - 1]); the input range is not
 * read.  In place (b.in == b.out) the bytes read are then also the input
 * of the next transform: read, then iosafe_inout_xor, decrypts a stream
 * without a second buffer.
 * @fd: a borrow, used during the call only.
 * @b: the buffer.
 * Returns: the number of bytes read (0 at end of file; fewer than b.len
 *   is not an error, as read(2)), or a negative errno of read(2): -EBADF
 *   (also for a none @fd, without a system call), -EINTR, -EAGAIN, -EIO,
 *   -EISDIR, -EFAULT, ...  Not retried.
 * Follows: read(2); rustix::io::read on the `&mut [u8]` of
 *   inout::InOutBuf::get_out.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires inout_ok: iosafe_inout_ok(b);
  requires separated: \separated(b.out + (0 .. b.len - 1), &errno);
  assigns b.out[0 .. b.len - 1], errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= b.len;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_read_inout(iosafe_borrowed_fd fd IOSAFE_USES, iosafe_inout_buf b);

/**
 * iosafe_write_inout: one write(2) of up to b.len bytes of the buffer's
 * OUTPUT range (b.out[0 .. b.len - 1], what a transform produced) to @fd;
 * neither range is changed.
 * @fd: a borrow, used during the call only.
 * @b: the buffer.
 * Returns: the number of bytes written (possibly fewer than b.len), or a
 *   negative errno of write(2): -EBADF (also for a none @fd, without a
 *   system call), -EINTR, -EAGAIN, -EPIPE, -ENOSPC, -EIO, -EFAULT, ...
 *   Not retried.
 * Follows: write(2); rustix::io::write on inout::InOutBuf::get_out.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires inout_ok: iosafe_inout_ok(b);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= b.len;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_write_inout(iosafe_borrowed_fd fd IOSAFE_USES, iosafe_inout_buf b);

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_INOUT_H */

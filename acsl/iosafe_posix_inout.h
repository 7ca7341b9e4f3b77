/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_inout.h: the TRUSTED BASE of the proof of src/inout.c: the
 * type uintptr_t and the one step WP cannot take, that comparing two
 * addresses as integers tells whether two byte ranges overlap.  Assumed,
 * not proved.  Included by src/inout.c under __FRAMAC__ only (it declares
 * a static function of that file).
 *
 * WP's memory model (Typed) gives a pointer a base (the object) and an
 * offset, and defines \separated on them; a pointer converted to an
 * integer is an uninterpreted int_of_addr(p) there, unrelated to either.
 * The compiled code (src/inout.c, iosafe_addr_disjoint, defined outside
 * Frama-C) compares the two uintptr_t values; this contract says what that
 * comparison means on the platforms iosafe is built for.  uintptr_t is
 * checked against <stdint.h> by `make prove` (proofs/shim_types.c).
 */
#ifndef IOSAFE_POSIX_INOUT_H
#define IOSAFE_POSIX_INOUT_H

typedef unsigned long uintptr_t;

/*@
  // C11 6.3.2.3p6 and 7.20.1.4: a pointer converts to uintptr_t; GCC's
  // manual ("Arrays and pointers", implementation-defined behaviour): "A
  // cast from pointer to integer ... [of the same size] ... the bit pattern
  // is unchanged".  The ranges are two live objects' bytes (the callers'
  // requirement).
  // No stronger: a precondition on iosafe (src/inout.c calls it only with
  // ranges its own contract requires valid).
  requires addr_valid: \valid_read(p + (0 .. n - 1)) && \valid_read(q + (0 .. n - 1));
  assigns \nothing;
  // x86_64 Linux (System V ABI, one flat virtual address space): the byte at
  // p + i has the address (uintptr_t)p + i, and no object is larger than
  // PTRDIFF_MAX (glibc's malloc and mmap refuse more), so the ranges
  // [p, p + n) and [q, q + n) share a byte exactly when the distance
  // between the two integers is below n.
  // No stronger: the claim is the function's result, 1 exactly when the two
  // ranges are separated in WP's model (different objects, or offsets at
  // least n apart); for n == 0 both hold.
  ensures addr_disjoint: \result != 0 <==>
    \separated(p + (0 .. n - 1), q + (0 .. n - 1));
*/
static int iosafe_addr_disjoint(const unsigned char *p, const unsigned char *q, size_t n);

/* read(2) and write(2) on the unsigned char ranges of iosafe_inout_buf:
 * acsl/iosafe_posix.h declares them on void *, which WP reads as char *,
 * and a cast from unsigned char * to char * is one its memory model cannot
 * follow.  The same calls, the same clauses, typed. */
#define read(fd, buf, n) iosafe_posix_read_u8(fd, buf, n)
#define write(fd, buf, n) iosafe_posix_write_u8(fd, buf, n)

/*@
  // read(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires read_u8_open: iosafe_fd_is_open(fd);
  // read(2): buf has room for count bytes.
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires read_u8_buf: \valid(buf + (0 .. count - 1));
  assigns buf[0 .. count - 1], errno;
  // read(2) RETURN VALUE: the number of bytes read (0 at end of file, at
  // most count), or -1 with errno set.
  // No stronger: as iosafe_posix.h's read_result (ksys_read() never returns
  // more than count).
  ensures read_u8_result: \result == -1 || 0 <= \result <= count;
  // read(2) ERRORS: "Other errors may occur, depending on the object
  // connected to fd."
  // No stronger: errno set, no list.
  ensures read_u8_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t iosafe_posix_read_u8(int fd, unsigned char *buf, size_t count);

/*@
  // write(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe.
  requires write_u8_open: iosafe_fd_is_open(fd);
  // write(2): buf holds count readable bytes.
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires write_u8_buf: \valid_read(buf + (0 .. count - 1));
  assigns errno;
  // write(2) RETURN VALUE: the number of bytes written (at most count), or
  // -1 with errno set.
  // No stronger: as iosafe_posix.h's write_result (ksys_write() never
  // returns more than count).
  ensures write_u8_result: \result == -1 || 0 <= \result <= count;
  // write(2) ERRORS: "Other errors may occur, depending on the object
  // connected to fd."
  // No stronger: errno set, no list.
  ensures write_u8_failed: \result == -1 ==> iosafe_errno_set;
*/
ssize_t iosafe_posix_write_u8(int fd, const unsigned char *buf, size_t count);

#endif /* IOSAFE_POSIX_INOUT_H */

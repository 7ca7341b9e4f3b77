/* SPDX-License-Identifier: MIT */
/*
 * iosafe/fd.h: owned and borrowed file descriptors.
 *
 * The model is Rust's std::os::fd (OwnedFd, BorrowedFd<'fd>) and the
 * io-lifetimes crate:
 *
 *   iosafe_owned_fd     holds a descriptor it must close, exactly once; or
 *                       none.  Its owner closes it (iosafe_fd_close,
 *                       iosafe_fd_drop, iosafe_auto_fd) or hands it on
 *                       (iosafe_fd_take, iosafe_fd_into_raw).
 *   iosafe_borrowed_fd  a descriptor used for a while, never closed through
 *                       it; valid only while its owner keeps the descriptor.
 *
 * Each is a struct holding one int, so that the compiler rejects one where
 * the other is expected, and both compile to a bare int.
 *
 * "None": any negative raw value means "no descriptor" (empty, moved-from,
 * closed).  The one value iosafe itself stores is IOSAFE_RAW_NONE (-1), so
 * iosafe_fd_from_raw(open(...)) is correct whether open succeeded or not.
 *
 * Errors: functions that can fail return 0 (or a count) on success and a
 * negative errno value on failure; they never return -1 with errno set.
 *
 * The trivial operations are static inline; close, drop, replace and
 * try_clone have their one body here too, inlined into the caller and
 * exported by libiosafe (inline.h says how).  Either way code written with
 * iosafe compiles to the same instructions as the same code written with
 * bare ints (measured by `make bench`).  So that the bodies compile, this
 * header includes <errno.h>, <fcntl.h> and <unistd.h>.
 */
#ifndef IOSAFE_FD_H
#define IOSAFE_FD_H

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <unistd.h>

#include "annotations.h"
#include "inline.h"

#ifdef __FRAMAC__
#  include "iosafe_acsl.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** The raw value of "no descriptor". */
#define IOSAFE_RAW_NONE (-1)

/** A descriptor this object owns and must close, or none (raw < 0). */
typedef struct iosafe_owned_fd {
	int raw; /**< the descriptor, or a negative value for none */
} iosafe_owned_fd;

/** A descriptor borrowed from its owner for a while; never closed through it. */
typedef struct iosafe_borrowed_fd {
	int raw; /**< the descriptor, or a negative value for none */
} iosafe_borrowed_fd;

/**
 * IOSAFE_FD_NONE: an owned fd that holds nothing.  Use it to initialise:
 *   iosafe_owned_fd fd = IOSAFE_FD_NONE;
 * and as an expression (`return IOSAFE_FD_NONE;`).
 */
#ifdef __cplusplus
#  define IOSAFE_FD_NONE (iosafe_owned_fd{IOSAFE_RAW_NONE})
#else
#  define IOSAFE_FD_NONE ((iosafe_owned_fd){IOSAFE_RAW_NONE})
#endif

/**
 * iosafe_fd_from_raw: adopt a raw descriptor.
 * @raw: a descriptor the caller owns and gives up, or any negative value.
 * Returns: an owned fd holding @raw; none (raw -1) when @raw is negative.
 * Ownership: @raw is released by the caller and acquired by the result.
 * Follows: Rust's FromRawFd::from_raw_fd (which requires raw != -1; here any
 * negative value is accepted and means none).
 */
/*@
  requires adopt_owned: iosafe_fd_owner_ok(raw);
  assigns \nothing;
  ensures owner_ok: iosafe_fd_owner_ok(\result.raw);
  behavior none:
    assumes raw < 0;
    ensures result_none: \result.raw == IOSAFE_RAW_NONE;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior adopt:
    assumes raw >= 0;
    ensures result_raw: \result.raw == raw;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline iosafe_owned_fd iosafe_fd_from_raw(int raw IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline iosafe_owned_fd iosafe_fd_from_raw(int raw)
{
	iosafe_owned_fd fd;
	fd.raw = raw < 0 ? IOSAFE_RAW_NONE : raw;
	return fd;
}

/**
 * iosafe_fd_into_raw: give up ownership.
 * @fd: owned fd (not NULL); none afterwards.
 * Returns: the descriptor @fd held, which the caller now owns and must close;
 * -1 when @fd was none.  (A plain copy: every iosafe constructor stores -1
 * for none, which keeps this free of a compare; an owner built by hand with
 * another negative value is still none, and that value is returned.)
 * Follows: Rust's IntoRawFd::into_raw_fd.
 */
/*@
  requires valid_fd: \valid(fd);
  requires owner_ok: iosafe_fd_owner_ok(fd->raw);
  requires canonical: fd->raw >= IOSAFE_RAW_NONE;
  assigns fd->raw;
  ensures fd_none: fd->raw == IOSAFE_RAW_NONE;
  ensures result_owner_ok: iosafe_fd_owner_ok(\result);
  behavior none:
    assumes fd->raw < 0;
    ensures result_none: \result == IOSAFE_RAW_NONE;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior give:
    assumes fd->raw >= 0;
    ensures result_raw: \result == \old(fd->raw);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_fd_into_raw(iosafe_owned_fd *fd IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline int iosafe_fd_into_raw(iosafe_owned_fd *fd)
{
	int raw = fd->raw;

	fd->raw = IOSAFE_RAW_NONE;
	return raw;
}

/**
 * iosafe_fd_borrow: borrow an owned fd.
 * @fd: owned fd (not NULL), unchanged; it must outlive the borrow, that is,
 * not be closed, dropped or moved while the result is in use.
 * Returns: a borrow of the same descriptor (none when @fd is none); a plain
 * copy, as into_raw.
 * Follows: Rust's AsFd::as_fd.
 */
/*@
  requires valid_fd: \valid_read(fd);
  requires owner_ok: iosafe_fd_owner_ok(fd->raw);
  requires canonical: fd->raw >= IOSAFE_RAW_NONE;
  assigns \nothing;
  ensures borrow_ok: iosafe_fd_borrow_ok(\result.raw);
  behavior none:
    assumes fd->raw < 0;
    ensures result_none: \result.raw == IOSAFE_RAW_NONE;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior borrow:
    assumes fd->raw >= 0;
    ensures result_raw: \result.raw == fd->raw;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline iosafe_borrowed_fd
iosafe_fd_borrow(const iosafe_owned_fd *fd IOSAFE_RETURNS_BORROW);
static inline iosafe_borrowed_fd iosafe_fd_borrow(const iosafe_owned_fd *fd)
{
	iosafe_borrowed_fd b;
	b.raw = fd->raw;
	return b;
}

/**
 * iosafe_fd_borrow_raw: borrow a raw descriptor owned elsewhere.
 * @raw: a descriptor that stays open while the result is in use, or any
 * negative value.
 * Returns: a borrow of @raw; none (-1) when @raw is negative.
 * Follows: Rust's BorrowedFd::borrow_raw.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(raw);
  assigns \nothing;
  ensures result_borrow_ok: iosafe_fd_borrow_ok(\result.raw);
  behavior none:
    assumes raw < 0;
    ensures result_none: \result.raw == IOSAFE_RAW_NONE;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior borrow:
    assumes raw >= 0;
    ensures result_raw: \result.raw == raw;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline iosafe_borrowed_fd iosafe_fd_borrow_raw(int raw IOSAFE_RETURNS_BORROW);
static inline iosafe_borrowed_fd iosafe_fd_borrow_raw(int raw)
{
	iosafe_borrowed_fd b;
	b.raw = raw < 0 ? IOSAFE_RAW_NONE : raw;
	return b;
}

/**
 * iosafe_fd_raw: the number behind a borrow, for calls that take an int.
 * @fd: a borrow.  The number is borrowed too: never close it.
 * Returns: the descriptor, or a negative value for none.
 * Follows: Rust's AsRawFd::as_raw_fd.
 */
/*@
  assigns \nothing;
  ensures result_raw: \result == fd.raw;
*/
static inline int iosafe_fd_raw(iosafe_borrowed_fd fd IOSAFE_RETURNS_BORROW);
static inline int iosafe_fd_raw(iosafe_borrowed_fd fd)
{
	return fd.raw;
}

/**
 * iosafe_fd_take: move ownership out of @fd.
 * @fd: owned fd (not NULL); none afterwards.
 * Returns: an owned fd holding what @fd held (none when @fd was none); a
 * plain copy, as into_raw.
 * Follows: Rust's Option::take, systemd's TAKE_FD().
 */
/*@
  requires valid_fd: \valid(fd);
  requires owner_ok: iosafe_fd_owner_ok(fd->raw);
  requires canonical: fd->raw >= IOSAFE_RAW_NONE;
  assigns fd->raw;
  ensures fd_none: fd->raw == IOSAFE_RAW_NONE;
  ensures result_owner_ok: iosafe_fd_owner_ok(\result.raw);
  behavior none:
    assumes fd->raw < 0;
    ensures result_none: \result.raw == IOSAFE_RAW_NONE;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior move:
    assumes fd->raw >= 0;
    ensures result_raw: \result.raw == \old(fd->raw);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline iosafe_owned_fd iosafe_fd_take(iosafe_owned_fd *fd IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline iosafe_owned_fd iosafe_fd_take(iosafe_owned_fd *fd)
{
	iosafe_owned_fd moved;

	moved.raw = fd->raw;
	fd->raw = IOSAFE_RAW_NONE;
	return moved;
}

/**
 * iosafe_fd_is_none: whether @fd holds no descriptor.
 * @fd: owned fd (not NULL), unchanged.
 * Returns: true when @fd->raw is negative.
 */
/*@
  requires valid_fd: \valid_read(fd);
  assigns \nothing;
  behavior none:
    assumes fd->raw < 0;
    ensures result_true: \result == 1;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior some:
    assumes fd->raw >= 0;
    ensures result_false: \result == 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline bool iosafe_fd_is_none(const iosafe_owned_fd *fd IOSAFE_USES);
static inline bool iosafe_fd_is_none(const iosafe_owned_fd *fd)
{
	return fd->raw < 0;
}

/**
 * iosafe_fd_close: close an owned fd and report the error.
 * @fd: owned fd (not NULL); none afterwards, in every case.
 * Returns: 0 when the descriptor was closed, or @fd was none;
 *   0 also for EINTR and EINPROGRESS: on Linux the descriptor is released
 *     before close(2) can be interrupted, so it is closed (close(2) NOTES,
 *     Austin Group bug 529, POSIX.1-2024 posix_close);
 *   any other negative errno: the descriptor is closed all the same.  The
 *     common ones: -EIO, -ENOSPC, -EDQUOT: data written earlier may be lost
 *     (report it; never retry the close: the number may already belong to
 *     another thread's new descriptor); -EBADF: the number was not open: an
 *     ownership bug elsewhere (a double close or a close of a borrowed
 *     number).  The list is not closed: Linux returns whatever the file
 *     system's flush returns (FUSE and network file systems pass on their
 *     own errors), so treat every negative value as an error.
 * errno: unspecified.
 * Follows: close(2), POSIX close and posix_close; Rust's OwnedFd drop, but
 * reporting the error instead of ignoring it.
 */
/*@
  requires valid_fd: \valid(fd);
  requires separated: \separated(fd, &errno);
  requires owner_ok: iosafe_fd_owner_ok(fd->raw);
  assigns fd->raw, errno, iosafe_fd_state[fd->raw] IOSAFE_FD_CLOSE_ALSO;
  ensures fd_none: fd->raw == IOSAFE_RAW_NONE;
  behavior none:
    assumes fd->raw < 0;
    assigns fd->raw;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior release:
    assumes fd->raw >= 0;
    assigns fd->raw, errno, iosafe_fd_state[fd->raw] IOSAFE_FD_CLOSE_ALSO;
    ensures released: iosafe_fd_released{Pre, Post}(\old(fd->raw));
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_close(iosafe_owned_fd *fd IOSAFE_RELEASES);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE int iosafe_fd_close(iosafe_owned_fd *fd)
{
	int raw = fd->raw;

	/* None before the call: the descriptor is released whatever close(2)
	 * returns, so no path may keep the number (close(2), "Dealing with
	 * error returns from close()"). */
	fd->raw = IOSAFE_RAW_NONE;
	if (raw < 0)
		return 0;
	if (close(raw) == 0)
		return 0;
	/* Linux releases the descriptor before anything can interrupt it, so
	 * EINTR means "closed"; retrying would close a number that another
	 * thread may have been given meanwhile (Austin Group bug 529).
	 * POSIX.1-2024 spells the same outcome EINPROGRESS. */
	if (errno == EINTR || errno == EINPROGRESS)
		return 0;
	return -errno;
}
#endif

/**
 * iosafe_fd_drop: close an owned fd, ignoring errors.
 * @fd: owned fd (not NULL); none afterwards; a no-op when already none.
 * errno: preserved, so it can run on an error path before errno is read.
 * Use iosafe_fd_close where a close error matters (files written to).
 * Follows: Rust's impl Drop for OwnedFd; systemd's safe_close().
 */
/*@
  requires valid_fd: \valid(fd);
  requires separated: \separated(fd, &errno);
  requires owner_ok: iosafe_fd_owner_ok(fd->raw);
  assigns fd->raw, errno, iosafe_fd_state[fd->raw] IOSAFE_FD_CLOSE_ALSO;
  ensures fd_none: fd->raw == IOSAFE_RAW_NONE;
  ensures errno_kept: errno == \old(errno);
  behavior none:
    assumes fd->raw < 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior release:
    assumes fd->raw >= 0;
    ensures released: iosafe_fd_released{Pre, Post}(\old(fd->raw));
  complete behaviors;
  disjoint behaviors;
*/
void iosafe_fd_drop(iosafe_owned_fd *fd IOSAFE_RELEASES);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE void iosafe_fd_drop(iosafe_owned_fd *fd)
{
	int saved = errno;

	(void)iosafe_fd_close(fd);
	errno = saved;
}
#endif

/**
 * iosafe_fd_replace: drop what @dst holds, then move @src into it.
 * @dst: owned fd (not NULL); holds @src afterwards.
 * @src: owned fd, moved in (the caller must not use it afterwards).
 * When @src and *@dst hold the same descriptor (an ownership bug: it had two
 * owners) it is kept open, not closed under the new owner's feet.
 * errno: preserved.
 * Follows: Rust's `*dst = src` (assignment drops the old value).
 */
/*@
  requires valid_dst: \valid(dst);
  requires separated: \separated(dst, &errno);
  requires dst_owner_ok: iosafe_fd_owner_ok(dst->raw);
  requires src_owner_ok: iosafe_fd_owner_ok(src.raw);
  assigns dst->raw, errno, iosafe_fd_state[dst->raw] IOSAFE_FD_CLOSE_ALSO;
  ensures errno_kept: errno == \old(errno);
  ensures dst_owner_ok: iosafe_fd_owner_ok(dst->raw);
  behavior same:
    assumes src.raw >= 0 && src.raw == dst->raw;
    assigns \nothing;
    ensures dst_kept: dst->raw == src.raw;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior dst_none:
    assumes !(src.raw >= 0 && src.raw == dst->raw) && dst->raw < 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
    ensures dst_src: dst->raw == (src.raw < 0 ? IOSAFE_RAW_NONE : src.raw);
  behavior dst_released:
    assumes !(src.raw >= 0 && src.raw == dst->raw) && dst->raw >= 0;
    ensures released: iosafe_fd_released{Pre, Post}(\old(dst->raw));
    ensures dst_src: dst->raw == (src.raw < 0 ? IOSAFE_RAW_NONE : src.raw);
  complete behaviors;
  disjoint behaviors;
*/
void iosafe_fd_replace(iosafe_owned_fd *dst IOSAFE_RELEASES,
		       iosafe_owned_fd src IOSAFE_RELEASES);
#if IOSAFE_INLINE_BODIES
IOSAFE_INLINE void iosafe_fd_replace(iosafe_owned_fd *dst, iosafe_owned_fd src)
{
	/* Same descriptor in both: closing it would leave *dst holding a
	 * closed number.  Keep it; *dst is its one owner from now on. */
	if (src.raw >= 0 && src.raw == dst->raw)
		return;
	iosafe_fd_drop(dst);
	dst->raw = src.raw < 0 ? IOSAFE_RAW_NONE : src.raw;
}
#endif

/**
 * iosafe_fd_try_clone: duplicate a descriptor, close-on-exec, numbered 3 or
 * above (so it never lands on stdin, stdout or stderr).
 * @fd: a borrow, used during the call only.
 * @out: (not NULL) receives the new descriptor, owned by the caller; none on
 *   failure.  Whatever *@out held before is overwritten, not closed: pass a
 *   none owner.
 * Returns: 0, or a negative errno: -EBADF when @fd is none or not open;
 *   -EMFILE when the process has no free descriptor; -EINVAL when @out is
 *   NULL; others are possible (a Linux Security Module can refuse fcntl(2)
 *   with any errno, e.g. -EACCES).
 * Order: @out is last, unlike every other acquisition (out-parameter first):
 *   the one exception, kept because this name is public.  iosafe_dup
 *   (iosafe/fdops.h) is the same call with @out first.
 * Follows: fcntl(2) F_DUPFD_CLOEXEC; Rust's BorrowedFd::try_clone_to_owned.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  requires out_null_or_valid: out == \null || \valid(out);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes out != \null && fd.raw < 0;
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_ebadf: \result == -EBADF;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior dup:
    assumes out != \null && fd.raw >= 0;
    assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
      iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures acquired: \result == 0 ==>
      out->raw >= 3 && iosafe_fd_acquired{Pre, Post}(out->raw) &&
      iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      out->raw == IOSAFE_RAW_NONE && iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_try_clone(iosafe_borrowed_fd fd IOSAFE_USES,
			iosafe_owned_fd *out IOSAFE_ACQUIRES);

/* Descriptors 0, 1 and 2 are stdio: a clone never takes their place, so a
 * later close of the clone cannot close a standard stream. */
#define IOSAFE_CLONE_MIN_FD 3

/* F_DUPFD_CLOEXEC: POSIX.1-2008; not declared under strict ISO C. */
#if IOSAFE_INLINE_BODIES && defined(F_DUPFD_CLOEXEC)
IOSAFE_INLINE int iosafe_fd_try_clone(iosafe_borrowed_fd fd, iosafe_owned_fd *out)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (fd.raw < 0)
		return -EBADF;
	raw = fcntl(fd.raw, F_DUPFD_CLOEXEC, IOSAFE_CLONE_MIN_FD);
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}
#endif

/** iosafe_stdin: a borrow of standard input (descriptor 0). Follows: Rust's io::stdin().as_fd(). */
/*@
  requires open: iosafe_fd_is_open(0);
  assigns \nothing;
  ensures result_raw: \result.raw == 0;
*/
static inline iosafe_borrowed_fd iosafe_stdin(void) { return iosafe_fd_borrow_raw(0); }
/** iosafe_stdout: a borrow of standard output (descriptor 1). */
/*@
  requires open: iosafe_fd_is_open(1);
  assigns \nothing;
  ensures result_raw: \result.raw == 1;
*/
static inline iosafe_borrowed_fd iosafe_stdout(void) { return iosafe_fd_borrow_raw(1); }
/** iosafe_stderr: a borrow of standard error (descriptor 2). */
/*@
  requires open: iosafe_fd_is_open(2);
  assigns \nothing;
  ensures result_raw: \result.raw == 2;
*/
static inline iosafe_borrowed_fd iosafe_stderr(void) { return iosafe_fd_borrow_raw(2); }

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_FD_H */

/* SPDX-License-Identifier: MIT */
/*
 * iosafe/filelike.h: one owned/borrowed type for "a file" and one for "a
 * socket" on every platform, so that the same source owns descriptors on
 * POSIX and handles on Windows.
 *
 * The model is io-lifetimes' AsFilelike / AsSocketlike (OwnedFilelike =
 * OwnedFd or OwnedHandle, OwnedSocketlike = OwnedFd or OwnedSocket) and
 * os_pipe::pipe:
 *
 *                               POSIX (fd.h)          Windows (win.h)
 *   iosafe_owned_filelike       iosafe_owned_fd       iosafe_owned_handle
 *   iosafe_borrowed_filelike    iosafe_borrowed_fd    iosafe_borrowed_handle
 *   iosafe_owned_socketlike     iosafe_owned_fd       iosafe_owned_socket
 *   iosafe_borrowed_socketlike  iosafe_borrowed_fd    iosafe_borrowed_socket
 *
 * The types are typedefs of the platform's own types, not new structs: a
 * filelike IS an iosafe_owned_fd on Linux and an iosafe_owned_handle on
 * Windows, so it costs nothing, converts to nothing, and the analyzer's
 * model of those types (iosafe.Ownership) applies unchanged.  What a
 * typedef cannot give is a compile error when POSIX code passes a filelike
 * where a socketlike is meant: on POSIX both are descriptors, as in
 * io-lifetimes.  Mixing them is caught by the Windows build, where they
 * are different structs.
 *
 * The operations are static inline functions under the generic names, each
 * a call of the platform's function (iosafe_fd_close or
 * iosafe_handle_close, ...), with its own annotations and ACSL contract,
 * proved in src/inline.c (POSIX) and by prove-win (Windows); the Windows
 * read, write, send and recv, which have no counterpart in win.h, are
 * out of line in src/win/filelike.c.  Conventions are the library's:
 * out-parameter first, 0 (or a count) or a negative errno, *out none on
 * failure, every descriptor close-on-exec and every handle not inheritable.
 *
 * None: IOSAFE_FILELIKE_NONE and IOSAFE_SOCKETLIKE_NONE (-1 on POSIX; NULL
 * and INVALID_SOCKET on Windows).  Test with iosafe_filelike_is_none, never
 * by comparing the raw value, which differs by platform.
 *
 * Length: the two halves (POSIX, Windows) document and contract every
 * function once each, so that each platform's contract is directly above
 * its declaration; that makes the header longer than 600 lines.
 */
#ifndef IOSAFE_FILELIKE_H
#define IOSAFE_FILELIKE_H

#include <stdbool.h>
#include <stddef.h>

#include "annotations.h"
#include "fd.h"

#ifdef _WIN32
#  include <sys/types.h> /* ssize_t (mingw-w64) */
#  include "win.h"
#else
#  include <sys/types.h>
#  include "io.h"
#  include "net.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

#ifndef _WIN32

/* ==== POSIX: descriptors =================================================== */

/** A file-like object this owner must close: a descriptor (iosafe_owned_fd). */
typedef iosafe_owned_fd iosafe_owned_filelike;
/** A file-like object borrowed for a while: a descriptor (iosafe_borrowed_fd). */
typedef iosafe_borrowed_fd iosafe_borrowed_filelike;
/** A socket-like object this owner must close: a descriptor. */
typedef iosafe_owned_fd iosafe_owned_socketlike;
/** A socket-like object borrowed for a while: a descriptor. */
typedef iosafe_borrowed_fd iosafe_borrowed_socketlike;

/** IOSAFE_FILELIKE_NONE, IOSAFE_SOCKETLIKE_NONE: owners holding nothing. */
#define IOSAFE_FILELIKE_NONE IOSAFE_FD_NONE
#define IOSAFE_SOCKETLIKE_NONE IOSAFE_FD_NONE

/**
 * iosafe_filelike_borrow: borrow an owned file-like object.
 * @f: owner (not NULL), unchanged; it must outlive the borrow.
 * Returns: a borrow of the same object (none when @f is none).
 * Follows: io_lifetimes::AsFilelike::as_filelike; iosafe_fd_borrow.
 */
/*@
  requires valid_f: \valid_read(f);
  requires owner_ok: iosafe_fd_owner_ok(f->raw);
  requires canonical: f->raw >= IOSAFE_RAW_NONE;
  assigns \nothing;
  ensures result_raw: \result.raw == f->raw;
  ensures borrow_ok: iosafe_fd_borrow_ok(\result.raw);
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
static inline iosafe_borrowed_filelike
iosafe_filelike_borrow(const iosafe_owned_filelike *f IOSAFE_RETURNS_BORROW);
static inline iosafe_borrowed_filelike iosafe_filelike_borrow(const iosafe_owned_filelike *f)
{
	return iosafe_fd_borrow(f);
}

/**
 * iosafe_filelike_is_none: whether @f holds nothing.
 * @f: owner (not NULL), unchanged.
 * Returns: true when @f holds no descriptor (a negative raw value).
 */
/*@
  requires valid_f: \valid_read(f);
  assigns \nothing;
  behavior none:
    assumes f->raw < 0;
    ensures result_true: \result == 1;
  behavior some:
    assumes f->raw >= 0;
    ensures result_false: \result == 0;
  complete behaviors;
  disjoint behaviors;
*/
static inline bool iosafe_filelike_is_none(const iosafe_owned_filelike *f IOSAFE_USES);
static inline bool iosafe_filelike_is_none(const iosafe_owned_filelike *f)
{
	return iosafe_fd_is_none(f);
}

/**
 * iosafe_filelike_take: move ownership out of @f.
 * @f: owner (not NULL); none afterwards.
 * Returns: an owner holding what @f held.
 * Follows: Rust's Option::take; iosafe_fd_take.
 */
/*@
  requires valid_f: \valid(f);
  requires owner_ok: iosafe_fd_owner_ok(f->raw);
  requires canonical: f->raw >= IOSAFE_RAW_NONE;
  assigns f->raw;
  ensures f_none: f->raw == IOSAFE_RAW_NONE;
  ensures result_raw: \result.raw == \old(f->raw);
  ensures result_owner_ok: iosafe_fd_owner_ok(\result.raw);
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
static inline iosafe_owned_filelike iosafe_filelike_take(iosafe_owned_filelike *f IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline iosafe_owned_filelike iosafe_filelike_take(iosafe_owned_filelike *f)
{
	return iosafe_fd_take(f);
}

/**
 * iosafe_filelike_close: close an owned file-like object, reporting the
 *   error.
 * @f: owner (not NULL); none afterwards, in every case.
 * Returns: 0 (closed, or @f was none); a negative errno otherwise, the
 *   object closed all the same: as iosafe_fd_close (-EIO, -ENOSPC,
 *   -EDQUOT, -EBADF, any other the file system returns).
 * Follows: close(2); io_lifetimes' OwnedFilelike drop, reporting the error.
 */
/*@
  requires valid_f: \valid(f);
  requires separated: \separated(f, &errno);
  requires owner_ok: iosafe_fd_owner_ok(f->raw);
  assigns f->raw, errno, iosafe_fd_state[f->raw] IOSAFE_FD_CLOSE_ALSO;
  ensures f_none: f->raw == IOSAFE_RAW_NONE;
  behavior none:
    assumes f->raw < 0;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior release:
    assumes f->raw >= 0;
    ensures released: iosafe_fd_released{Pre, Post}(\old(f->raw));
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_filelike_close(iosafe_owned_filelike *f IOSAFE_RELEASES);
static inline int iosafe_filelike_close(iosafe_owned_filelike *f)
{
	return iosafe_fd_close(f);
}

/**
 * iosafe_filelike_drop: close an owned file-like object, ignoring errors.
 * @f: owner (not NULL); none afterwards; a no-op when none.
 * errno: preserved.
 * Follows: io_lifetimes' impl Drop for OwnedFilelike; iosafe_fd_drop.
 */
/*@
  requires valid_f: \valid(f);
  requires separated: \separated(f, &errno);
  requires owner_ok: iosafe_fd_owner_ok(f->raw);
  assigns f->raw, errno, iosafe_fd_state[f->raw] IOSAFE_FD_CLOSE_ALSO;
  ensures f_none: f->raw == IOSAFE_RAW_NONE;
  ensures errno_kept: errno == \old(errno);
  behavior none:
    assumes f->raw < 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior release:
    assumes f->raw >= 0;
    ensures released: iosafe_fd_released{Pre, Post}(\old(f->raw));
  complete behaviors;
  disjoint behaviors;
*/
static inline void iosafe_filelike_drop(iosafe_owned_filelike *f IOSAFE_RELEASES);
static inline void iosafe_filelike_drop(iosafe_owned_filelike *f)
{
	iosafe_fd_drop(f);
}

/**
 * iosafe_filelike_try_clone: duplicate a file-like object, close-on-exec
 *   (numbered 3 or above).
 * @out: (not NULL) receives the new owner; none on failure; what it held
 *   is overwritten, not closed.
 * @b: a borrow, used during the call only.
 * Returns: 0; -EINVAL for a NULL @out; -EBADF when @b is none or not open;
 *   -EMFILE; others as iosafe_fd_try_clone.
 * Follows: io_lifetimes' AsFilelike + try_clone_to_owned; fcntl(2)
 *   F_DUPFD_CLOEXEC (iosafe_fd_try_clone, with the out-parameter first).
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(b.raw);
  requires out_null_or_valid: out == \null || \valid(out);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && b.raw < 0;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_ebadf: \result == -EBADF;
  behavior dup:
    assumes out != \null && b.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      out->raw == IOSAFE_RAW_NONE && iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_filelike_try_clone(iosafe_owned_filelike *out IOSAFE_ACQUIRES,
					    iosafe_borrowed_filelike b IOSAFE_USES);
static inline int iosafe_filelike_try_clone(iosafe_owned_filelike *out, iosafe_borrowed_filelike b)
{
	return iosafe_fd_try_clone(b, out);
}

/**
 * iosafe_filelike_read: read up to @n bytes.
 * @f: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) @n writable bytes.
 * Returns: the count read (0 at end of file: for a pipe, every write end
 *   closed), or a negative errno as iosafe_read (-EBADF for none, -EINTR,
 *   -EAGAIN, -EIO, ...).
 * Follows: read(2); io_lifetimes' AsFilelike as std::fs::File, Read::read.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(f.raw);
  assigns ((char *)buf)[0 .. n - 1], errno;
  behavior none:
    assumes f.raw < 0;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes f.raw >= 0;
    requires valid_buf: \valid((char *)buf + (0 .. n - 1));
    requires separated: \separated((char *)buf + (0 .. n - 1), &errno);
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline ssize_t iosafe_filelike_read(iosafe_borrowed_filelike f IOSAFE_USES, void *buf, size_t n);
static inline ssize_t iosafe_filelike_read(iosafe_borrowed_filelike f, void *buf, size_t n)
{
	return iosafe_read(f, buf, n);
}

/**
 * iosafe_filelike_write: write up to @n bytes.
 * @f: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) @n readable bytes.
 * Returns: the count written (possibly fewer than @n), or a negative errno
 *   as iosafe_write (-EBADF for none, -EPIPE, -EINTR, -EAGAIN, -ENOSPC,
 *   -EIO, ...).
 * Follows: write(2); Write::write on io_lifetimes' AsFilelike view.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(f.raw);
  assigns errno;
  behavior none:
    assumes f.raw < 0;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes f.raw >= 0;
    requires valid_buf: \valid_read((char *)buf + (0 .. n - 1));
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline ssize_t iosafe_filelike_write(iosafe_borrowed_filelike f IOSAFE_USES, const void *buf,
					    size_t n);
static inline ssize_t iosafe_filelike_write(iosafe_borrowed_filelike f, const void *buf, size_t n)
{
	return iosafe_write(f, buf, n);
}

/**
 * iosafe_pipe_filelike: create an anonymous pipe, both ends close-on-exec.
 * @read_end, @write_end: (not NULL, distinct) receive the two ends; both
 *   none on failure.
 * Returns: 0; -EINVAL for a NULL or shared out-parameter; -EMFILE, -ENFILE,
 *   ... as iosafe_pipe.
 * Follows: os_pipe::pipe; pipe2(2) with O_CLOEXEC (iosafe_pipe, no flags).
 */
/*@
  requires separated: \separated(read_end, &errno) && \separated(write_end, &errno);
  assigns read_end->raw, write_end->raw, errno,
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior bad_args:
    assumes read_end == \null || write_end == \null || read_end == write_end;
    requires valid_or_null: (read_end == \null || \valid(read_end)) &&
      (write_end == \null || \valid(write_end));
    ensures result_einval: \result == -EINVAL;
    ensures read_none: read_end != \null ==> read_end->raw == IOSAFE_RAW_NONE;
    ensures write_none: write_end != \null ==> write_end->raw == IOSAFE_RAW_NONE;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes read_end != \null && write_end != \null && read_end != write_end;
    requires valid_ends: \valid(read_end) && \valid(write_end);
    requires separated_ends: \separated(read_end, write_end);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired2{Pre, Post}(read_end->raw, write_end->raw) &&
      iosafe_fd_is_cloexec(read_end->raw) && iosafe_fd_is_cloexec(write_end->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && read_end->raw == IOSAFE_RAW_NONE &&
      write_end->raw == IOSAFE_RAW_NONE && iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_pipe_filelike(iosafe_owned_filelike *read_end IOSAFE_ACQUIRES,
				       iosafe_owned_filelike *write_end IOSAFE_ACQUIRES);
static inline int iosafe_pipe_filelike(iosafe_owned_filelike *read_end,
				       iosafe_owned_filelike *write_end)
{
	return iosafe_pipe(read_end, write_end, 0);
}

/**
 * iosafe_socketlike_borrow: borrow an owned socket-like object.
 * @s: owner (not NULL), unchanged; it must outlive the borrow.
 * Returns: a borrow of the same socket (none when @s is none).
 * Follows: io_lifetimes::AsSocketlike::as_socketlike.
 */
/*@
  requires valid_s: \valid_read(s);
  requires owner_ok: iosafe_fd_owner_ok(s->raw);
  requires canonical: s->raw >= IOSAFE_RAW_NONE;
  assigns \nothing;
  ensures result_raw: \result.raw == s->raw;
  ensures borrow_ok: iosafe_fd_borrow_ok(\result.raw);
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
static inline iosafe_borrowed_socketlike
iosafe_socketlike_borrow(const iosafe_owned_socketlike *s IOSAFE_RETURNS_BORROW);
static inline iosafe_borrowed_socketlike iosafe_socketlike_borrow(const iosafe_owned_socketlike *s)
{
	return iosafe_fd_borrow(s);
}

/**
 * iosafe_socketlike_is_none: whether @s holds nothing.
 * @s: owner (not NULL), unchanged.
 * Returns: true when @s holds no socket.
 */
/*@
  requires valid_s: \valid_read(s);
  assigns \nothing;
  behavior none:
    assumes s->raw < 0;
    ensures result_true: \result == 1;
  behavior some:
    assumes s->raw >= 0;
    ensures result_false: \result == 0;
  complete behaviors;
  disjoint behaviors;
*/
static inline bool iosafe_socketlike_is_none(const iosafe_owned_socketlike *s IOSAFE_USES);
static inline bool iosafe_socketlike_is_none(const iosafe_owned_socketlike *s)
{
	return iosafe_fd_is_none(s);
}

/**
 * iosafe_socketlike_take: move ownership out of @s.
 * @s: owner (not NULL); none afterwards.
 * Returns: an owner holding what @s held.
 */
/*@
  requires valid_s: \valid(s);
  requires owner_ok: iosafe_fd_owner_ok(s->raw);
  requires canonical: s->raw >= IOSAFE_RAW_NONE;
  assigns s->raw;
  ensures s_none: s->raw == IOSAFE_RAW_NONE;
  ensures result_raw: \result.raw == \old(s->raw);
  ensures result_owner_ok: iosafe_fd_owner_ok(\result.raw);
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
static inline iosafe_owned_socketlike iosafe_socketlike_take(iosafe_owned_socketlike *s IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline iosafe_owned_socketlike iosafe_socketlike_take(iosafe_owned_socketlike *s)
{
	return iosafe_fd_take(s);
}

/**
 * iosafe_socketlike_close: close an owned socket-like object, reporting
 *   the error.
 * @s: owner (not NULL); none afterwards, in every case.
 * Returns: 0, or a negative errno as iosafe_fd_close (the socket closed
 *   all the same).
 * Follows: close(2); io_lifetimes' OwnedSocketlike drop, reporting the
 *   error.
 */
/*@
  requires valid_s: \valid(s);
  requires separated: \separated(s, &errno);
  requires owner_ok: iosafe_fd_owner_ok(s->raw);
  assigns s->raw, errno, iosafe_fd_state[s->raw] IOSAFE_FD_CLOSE_ALSO;
  ensures s_none: s->raw == IOSAFE_RAW_NONE;
  behavior none:
    assumes s->raw < 0;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior release:
    assumes s->raw >= 0;
    ensures released: iosafe_fd_released{Pre, Post}(\old(s->raw));
    ensures result: \result == 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_socketlike_close(iosafe_owned_socketlike *s IOSAFE_RELEASES);
static inline int iosafe_socketlike_close(iosafe_owned_socketlike *s)
{
	return iosafe_fd_close(s);
}

/**
 * iosafe_socketlike_drop: close an owned socket-like object, ignoring
 *   errors.
 * @s: owner (not NULL); none afterwards; a no-op when none.
 * errno: preserved.
 */
/*@
  requires valid_s: \valid(s);
  requires separated: \separated(s, &errno);
  requires owner_ok: iosafe_fd_owner_ok(s->raw);
  assigns s->raw, errno, iosafe_fd_state[s->raw] IOSAFE_FD_CLOSE_ALSO;
  ensures s_none: s->raw == IOSAFE_RAW_NONE;
  ensures errno_kept: errno == \old(errno);
  behavior none:
    assumes s->raw < 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior release:
    assumes s->raw >= 0;
    ensures released: iosafe_fd_released{Pre, Post}(\old(s->raw));
  complete behaviors;
  disjoint behaviors;
*/
static inline void iosafe_socketlike_drop(iosafe_owned_socketlike *s IOSAFE_RELEASES);
static inline void iosafe_socketlike_drop(iosafe_owned_socketlike *s)
{
	iosafe_fd_drop(s);
}

/**
 * iosafe_socketlike_try_clone: duplicate a socket, close-on-exec.
 * @out: (not NULL) receives the new owner; none on failure.
 * @b: a borrow, used during the call only.
 * Returns: 0; -EINVAL for a NULL @out; -EBADF for a none or closed @b;
 *   -EMFILE; others as iosafe_fd_try_clone.
 * Follows: io_lifetimes' AsSocketlike + try_clone_to_owned; fcntl(2)
 *   F_DUPFD_CLOEXEC.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(b.raw);
  requires out_null_or_valid: out == \null || \valid(out);
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && b.raw < 0;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_ebadf: \result == -EBADF;
  behavior dup:
    assumes out != \null && b.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures acquired: \result == 0 ==>
      iosafe_fd_acquired{Pre, Post}(out->raw) && iosafe_fd_is_cloexec(out->raw);
    ensures failed: \result != 0 ==>
      out->raw == IOSAFE_RAW_NONE && iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_socketlike_try_clone(iosafe_owned_socketlike *out IOSAFE_ACQUIRES,
					      iosafe_borrowed_socketlike b IOSAFE_USES);
static inline int iosafe_socketlike_try_clone(iosafe_owned_socketlike *out,
					      iosafe_borrowed_socketlike b)
{
	return iosafe_fd_try_clone(b, out);
}

/**
 * iosafe_socketlike_send: send bytes on a connected socket.
 * @s: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) @n readable bytes.
 * @flags: send(2) flags (MSG_NOSIGNAL, ...); on Windows send()'s (MSG_OOB).
 * Returns: the count sent (possibly fewer than @n), or a negative errno as
 *   iosafe_send (-EBADF for none, -EAGAIN, -EPIPE, -ECONNRESET, -ENOTSOCK,
 *   ...).
 * Follows: send(2) (iosafe_send); io_lifetimes' AsSocketlike view as
 *   std::net::TcpStream.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(s.raw);
  assigns errno;
  behavior none:
    assumes s.raw < 0;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes s.raw >= 0;
    requires valid_buf: \valid_read((char *)buf + (0 .. n - 1));
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline ssize_t iosafe_socketlike_send(iosafe_borrowed_socketlike s IOSAFE_USES,
					     const void *buf, size_t n, int flags);
static inline ssize_t iosafe_socketlike_send(iosafe_borrowed_socketlike s, const void *buf,
					     size_t n, int flags)
{
	return iosafe_send(s, buf, n, flags);
}

/**
 * iosafe_socketlike_recv: receive bytes from a socket.
 * @s: a borrow, used during the call only.
 * @buf: (not NULL unless @n is 0) room for @n bytes.
 * @flags: recv(2) flags (MSG_PEEK, MSG_WAITALL, ...).
 * Returns: the count received (0: the peer shut its side down), or a
 *   negative errno as iosafe_recv (-EBADF for none, -EAGAIN, -EINTR,
 *   -ECONNRESET, -ENOTCONN, ...).
 * Follows: recv(2) (iosafe_recv); io_lifetimes' AsSocketlike.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(s.raw);
  assigns ((char *)buf)[0 .. n - 1], errno;
  behavior none:
    assumes s.raw < 0;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes s.raw >= 0;
    requires valid_buf: \valid((char *)buf + (0 .. n - 1));
    requires separated: \separated((char *)buf + (0 .. n - 1), &errno);
    ensures result: iosafe_neg_errno(\result) || 0 <= \result;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline ssize_t iosafe_socketlike_recv(iosafe_borrowed_socketlike s IOSAFE_USES, void *buf,
					     size_t n, int flags);
static inline ssize_t iosafe_socketlike_recv(iosafe_borrowed_socketlike s, void *buf, size_t n,
					     int flags)
{
	return iosafe_recv(s, buf, n, flags);
}

#else /* _WIN32 */

/* ==== Windows: handles and sockets ========================================= */
/* The same functions, documented above; only what differs is said here. */

typedef iosafe_owned_handle iosafe_owned_filelike;
typedef iosafe_borrowed_handle iosafe_borrowed_filelike;
typedef iosafe_owned_socket iosafe_owned_socketlike;
typedef iosafe_borrowed_socket iosafe_borrowed_socketlike;

#define IOSAFE_FILELIKE_NONE IOSAFE_HANDLE_NONE
#define IOSAFE_SOCKETLIKE_NONE IOSAFE_SOCK_NONE

/** The most bytes one read, write, send or recv moves on Windows (INT_MAX:
 * what send/recv's int length holds; ReadFile's DWORD holds it too).  A
 * larger @n is clamped, as Rust's std clamps to the call's type. */
#define IOSAFE_FILELIKE_IO_MAX 2147483647

/** iosafe_filelike_borrow (Windows): iosafe_handle_borrow. */
/*@
  requires valid_f: \valid_read(f);
  requires owner_ok: iosafe_handle_owner_ok(f->raw);
  assigns \nothing;
  ensures result_raw: \result.raw == f->raw;
  ensures borrow_ok: iosafe_handle_borrow_ok(\result.raw);
  ensures table_same: iosafe_handle_table_same{Pre, Post};
*/
static inline iosafe_borrowed_filelike
iosafe_filelike_borrow(const iosafe_owned_filelike *f IOSAFE_RETURNS_BORROW);
static inline iosafe_borrowed_filelike iosafe_filelike_borrow(const iosafe_owned_filelike *f)
{
	return iosafe_handle_borrow(f);
}

/** iosafe_filelike_is_none (Windows): true when @f holds NULL. */
/*@
  requires valid_f: \valid_read(f);
  assigns \nothing;
  behavior none:
    assumes f->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures result_true: \result == 1;
  behavior some:
    assumes f->raw != IOSAFE_RAW_HANDLE_NONE;
    ensures result_false: \result == 0;
  complete behaviors;
  disjoint behaviors;
*/
static inline bool iosafe_filelike_is_none(const iosafe_owned_filelike *f IOSAFE_USES);
static inline bool iosafe_filelike_is_none(const iosafe_owned_filelike *f)
{
	return iosafe_handle_is_none(f);
}

/** iosafe_filelike_take (Windows): iosafe_handle_take. Returns: the moved owner. */
/*@
  requires valid_f: \valid(f);
  requires owner_ok: iosafe_handle_owner_ok(f->raw);
  assigns f->raw;
  ensures f_none: f->raw == IOSAFE_RAW_HANDLE_NONE;
  ensures result_raw: \result.raw == \old(f->raw);
  ensures result_owner_ok: iosafe_handle_owner_ok(\result.raw);
  ensures table_same: iosafe_handle_table_same{Pre, Post};
*/
static inline iosafe_owned_filelike iosafe_filelike_take(iosafe_owned_filelike *f IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline iosafe_owned_filelike iosafe_filelike_take(iosafe_owned_filelike *f)
{
	return iosafe_handle_take(f);
}

/**
 * iosafe_filelike_close (Windows): CloseHandle through iosafe_handle_close.
 * Returns: 0; -EBADF (ERROR_INVALID_HANDLE), another negative errno by the
 *   table of src/win/error.c.
 */
/*@
  requires valid_f: \valid(f);
  requires separated: \separated(f, &iosafe_win32_last_error);
  requires owner_ok: iosafe_handle_owner_ok(f->raw);
  assigns f->raw, iosafe_win32_last_error, iosafe_handle_state[f->raw];
  ensures f_none: f->raw == IOSAFE_RAW_HANDLE_NONE;
  behavior none:
    assumes f->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior pseudo:
    assumes iosafe_handle_is_pseudo(f->raw);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior release:
    assumes iosafe_handle_in_range(f->raw);
    ensures released: \result == 0 ==> iosafe_handle_released{Pre, Post}(\old(f->raw));
    ensures refused: \result != 0 ==>
      iosafe_neg_errno(\result) && iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_filelike_close(iosafe_owned_filelike *f IOSAFE_RELEASES);
static inline int iosafe_filelike_close(iosafe_owned_filelike *f)
{
	return iosafe_handle_close(f);
}

/** iosafe_filelike_drop (Windows): iosafe_handle_drop; GetLastError() kept. */
/*@
  requires valid_f: \valid(f);
  requires separated: \separated(f, &iosafe_win32_last_error);
  requires owner_ok: iosafe_handle_owner_ok(f->raw);
  assigns f->raw, iosafe_win32_last_error, iosafe_handle_state[f->raw];
  ensures f_none: f->raw == IOSAFE_RAW_HANDLE_NONE;
  ensures last_error_kept: iosafe_win32_last_error == \old(iosafe_win32_last_error);
  behavior not_in_table:
    assumes !iosafe_handle_in_range(f->raw);
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior release:
    assumes iosafe_handle_in_range(f->raw);
    ensures released_or_refused: iosafe_handle_released{Pre, Post}(\old(f->raw)) ||
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline void iosafe_filelike_drop(iosafe_owned_filelike *f IOSAFE_RELEASES);
static inline void iosafe_filelike_drop(iosafe_owned_filelike *f)
{
	iosafe_handle_drop(f);
}

/**
 * iosafe_filelike_try_clone (Windows): DuplicateHandle, not inheritable,
 *   through iosafe_handle_try_clone.
 * Returns: 0; -EINVAL for a NULL @out; -EBADF for a none @b or
 *   ERROR_INVALID_HANDLE; the table's errno.
 */
/*@
  requires borrow_ok: iosafe_handle_borrow_ok(b.raw);
  requires out_null_or_valid: out == \null || \valid(out);
  requires separated: \separated(out, &iosafe_win32_last_error);
  assigns out->raw, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && b.raw == IOSAFE_RAW_HANDLE_NONE;
    ensures out_none: out->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures result_ebadf: \result == -EBADF;
  behavior dup:
    assumes out != \null && b.raw != IOSAFE_RAW_HANDLE_NONE;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures acquired: \result == 0 ==>
      iosafe_handle_acquired{Pre, Post}(out->raw) &&
      !iosafe_handle_is_inheritable(out->raw);
    ensures failed: \result != 0 ==>
      out->raw == IOSAFE_RAW_HANDLE_NONE && iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_filelike_try_clone(iosafe_owned_filelike *out IOSAFE_ACQUIRES,
					    iosafe_borrowed_filelike b IOSAFE_USES);
static inline int iosafe_filelike_try_clone(iosafe_owned_filelike *out, iosafe_borrowed_filelike b)
{
	return iosafe_handle_try_clone(out, b);
}

/**
 * iosafe_filelike_read (Windows): ReadFile, synchronous (no OVERLAPPED).
 * @n: clamped to IOSAFE_FILELIKE_IO_MAX.
 * Returns: the count read; 0 at end of file, and when ReadFile fails with
 *   ERROR_BROKEN_PIPE (every write end of a pipe closed: its end of file,
 *   as Rust's std reads it); -EBADF for a none @f; otherwise the table's
 *   errno for GetLastError() (ERROR_INVALID_HANDLE: -EBADF,
 *   ERROR_ACCESS_DENIED: -EACCES, ...), which is left as ReadFile set it.
 * Follows: ReadFile (fileapi.h); std's Handle::read.
 */
/*@
  requires borrow_ok: iosafe_handle_borrow_ok(f.raw);
  assigns ((char *)buf)[0 .. n - 1], iosafe_win32_last_error;
  ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior none:
    assumes f.raw == IOSAFE_RAW_HANDLE_NONE;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes f.raw != IOSAFE_RAW_HANDLE_NONE;
    requires valid_buf: \valid((char *)buf + (0 .. n - 1));
    requires separated: \separated((char *)buf + (0 .. n - 1), &iosafe_win32_last_error);
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_filelike_read(iosafe_borrowed_filelike f IOSAFE_USES, void *buf, size_t n);

/**
 * iosafe_filelike_write (Windows): WriteFile, synchronous.
 * @n: clamped to IOSAFE_FILELIKE_IO_MAX.
 * Returns: the count written; -EBADF for a none @f; -EPIPE when the pipe's
 *   read ends are closed (ERROR_BROKEN_PIPE, ERROR_NO_DATA); the table's
 *   errno otherwise (GetLastError() left as WriteFile set it).
 * Follows: WriteFile (fileapi.h); std's Handle::write.
 */
/*@
  requires borrow_ok: iosafe_handle_borrow_ok(f.raw);
  assigns iosafe_win32_last_error;
  ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior none:
    assumes f.raw == IOSAFE_RAW_HANDLE_NONE;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes f.raw != IOSAFE_RAW_HANDLE_NONE;
    requires valid_buf: \valid_read((char *)buf + (0 .. n - 1));
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_filelike_write(iosafe_borrowed_filelike f IOSAFE_USES, const void *buf, size_t n);

/**
 * iosafe_pipe_filelike (Windows): CreatePipe through iosafe_pipe_win, both
 *   ends not inheritable.
 * Returns: 0; -EINVAL for a NULL or shared out-parameter; -ENOMEM,
 *   -EMFILE by the table.
 */
/*@
  requires valid_or_null: (read_end == \null || \valid(read_end)) &&
    (write_end == \null || \valid(write_end));
  requires separated: \separated(read_end, &iosafe_win32_last_error) &&
    \separated(write_end, &iosafe_win32_last_error);
  requires same_or_separated: read_end == write_end || \separated(read_end, write_end);
  assigns read_end->raw, write_end->raw, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  behavior bad_args:
    assumes read_end == \null || write_end == \null || read_end == write_end;
    ensures result_einval: \result == -EINVAL;
    ensures read_none: read_end != \null ==> read_end->raw == IOSAFE_RAW_HANDLE_NONE;
    ensures write_none: write_end != \null ==> write_end->raw == IOSAFE_RAW_HANDLE_NONE;
  behavior call:
    assumes read_end != \null && write_end != \null && read_end != write_end;
    ensures acquired: \result == 0 ==>
      iosafe_handle_acquired2{Pre, Post}(read_end->raw, write_end->raw) &&
      !iosafe_handle_is_inheritable(read_end->raw) &&
      !iosafe_handle_is_inheritable(write_end->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && read_end->raw == IOSAFE_RAW_HANDLE_NONE &&
      write_end->raw == IOSAFE_RAW_HANDLE_NONE && iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_pipe_filelike(iosafe_owned_filelike *read_end IOSAFE_ACQUIRES,
				       iosafe_owned_filelike *write_end IOSAFE_ACQUIRES);
static inline int iosafe_pipe_filelike(iosafe_owned_filelike *read_end,
				       iosafe_owned_filelike *write_end)
{
	return iosafe_pipe_win(read_end, write_end);
}

/** iosafe_socketlike_borrow (Windows): iosafe_sock_borrow. */
/*@
  requires valid_s: \valid_read(s);
  assigns \nothing;
  ensures result_raw: \result.raw == s->raw;
*/
static inline iosafe_borrowed_socketlike
iosafe_socketlike_borrow(const iosafe_owned_socketlike *s IOSAFE_RETURNS_BORROW);
static inline iosafe_borrowed_socketlike iosafe_socketlike_borrow(const iosafe_owned_socketlike *s)
{
	return iosafe_sock_borrow(s);
}

/** iosafe_socketlike_is_none (Windows): true when @s holds INVALID_SOCKET. */
/*@
  requires valid_s: \valid_read(s);
  assigns \nothing;
  behavior none:
    assumes s->raw == INVALID_SOCKET;
    ensures result_true: \result == 1;
  behavior some:
    assumes s->raw != INVALID_SOCKET;
    ensures result_false: \result == 0;
  complete behaviors;
  disjoint behaviors;
*/
static inline bool iosafe_socketlike_is_none(const iosafe_owned_socketlike *s IOSAFE_USES);
static inline bool iosafe_socketlike_is_none(const iosafe_owned_socketlike *s)
{
	return iosafe_sock_is_none(s);
}

/** iosafe_socketlike_take (Windows): iosafe_sock_take. Returns: the moved owner. */
/*@
  requires valid_s: \valid(s);
  assigns s->raw;
  ensures s_none: s->raw == INVALID_SOCKET;
  ensures result_raw: \result.raw == \old(s->raw);
*/
static inline iosafe_owned_socketlike iosafe_socketlike_take(iosafe_owned_socketlike *s IOSAFE_RELEASES) IOSAFE_ACQUIRES;
static inline iosafe_owned_socketlike iosafe_socketlike_take(iosafe_owned_socketlike *s)
{
	return iosafe_sock_take(s);
}

/**
 * iosafe_socketlike_close (Windows): closesocket through iosafe_sock_close.
 * Returns: 0; -EBADF (WSAENOTSOCK), -EINTR, -EAGAIN, -ENETDOWN by the table.
 */
/*@
  requires valid_s: \valid(s);
  requires separated: \separated(s, &iosafe_win32_last_error);
  requires owner_ok: iosafe_sock_owner_ok(s->raw);
  assigns s->raw, iosafe_win32_last_error, iosafe_handle_state[s->raw];
  ensures s_none: s->raw == INVALID_SOCKET;
  behavior none:
    assumes s->raw == INVALID_SOCKET;
    ensures result_zero: \result == 0;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior release:
    assumes s->raw != INVALID_SOCKET;
    ensures released: \result == 0 ==> iosafe_handle_released{Pre, Post}(\old(s->raw));
    ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
      (iosafe_handle_released{Pre, Post}(\old(s->raw)) || iosafe_handle_table_same{Pre, Post});
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_socketlike_close(iosafe_owned_socketlike *s IOSAFE_RELEASES);
static inline int iosafe_socketlike_close(iosafe_owned_socketlike *s)
{
	return iosafe_sock_close(s);
}

/** iosafe_socketlike_drop (Windows): iosafe_sock_drop; the last error kept. */
/*@
  requires valid_s: \valid(s);
  requires separated: \separated(s, &iosafe_win32_last_error);
  requires owner_ok: iosafe_sock_owner_ok(s->raw);
  assigns s->raw, iosafe_win32_last_error, iosafe_handle_state[s->raw];
  ensures s_none: s->raw == INVALID_SOCKET;
  ensures last_error_kept: iosafe_win32_last_error == \old(iosafe_win32_last_error);
  behavior none:
    assumes s->raw == INVALID_SOCKET;
    ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior release:
    assumes s->raw != INVALID_SOCKET;
    ensures released_or_refused: iosafe_handle_released{Pre, Post}(\old(s->raw)) ||
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline void iosafe_socketlike_drop(iosafe_owned_socketlike *s IOSAFE_RELEASES);
static inline void iosafe_socketlike_drop(iosafe_owned_socketlike *s)
{
	iosafe_sock_drop(s);
}

/**
 * iosafe_socketlike_try_clone (Windows): WSADuplicateSocketW + WSASocketW,
 *   not inheritable, through iosafe_sock_try_clone.
 * Returns: 0; -EINVAL for a NULL @out; -EBADF for none or not a socket;
 *   -ENETDOWN, -EMFILE, -ENOBUFS by the table.
 */
/*@
  requires borrow_ok: iosafe_sock_borrow_ok(b.raw);
  requires out_null_or_valid: out == \null || \valid(out);
  requires separated: \separated(out, &iosafe_win32_last_error);
  assigns out->raw, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  behavior null_out:
    assumes out == \null;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && b.raw == INVALID_SOCKET;
    ensures out_none: out->raw == INVALID_SOCKET;
    ensures result_ebadf: \result == -EBADF;
  behavior dup:
    assumes out != \null && b.raw != INVALID_SOCKET;
    ensures acquired: \result == 0 ==>
      iosafe_handle_acquired{Pre, Post}(out->raw) && !iosafe_handle_is_inheritable(out->raw);
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == INVALID_SOCKET &&
      iosafe_handle_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
static inline int iosafe_socketlike_try_clone(iosafe_owned_socketlike *out IOSAFE_ACQUIRES,
					      iosafe_borrowed_socketlike b IOSAFE_USES);
static inline int iosafe_socketlike_try_clone(iosafe_owned_socketlike *out,
					      iosafe_borrowed_socketlike b)
{
	return iosafe_sock_try_clone(out, b);
}

/**
 * iosafe_socketlike_send (Windows): send (winsock2.h).
 * @n: clamped to IOSAFE_FILELIKE_IO_MAX.
 * Returns: the count sent; -EBADF for a none @s or WSAENOTSOCK; the
 *   table's errno for WSAGetLastError() otherwise (-EAGAIN, -ECONNRESET,
 *   -ENOTCONN, -ENETDOWN before WSAStartup, ...).
 */
/*@
  requires borrow_ok: iosafe_sock_borrow_ok(s.raw);
  assigns iosafe_win32_last_error;
  ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior none:
    assumes s.raw == INVALID_SOCKET;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes s.raw != INVALID_SOCKET;
    requires valid_buf: \valid_read((char *)buf + (0 .. n - 1));
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_socketlike_send(iosafe_borrowed_socketlike s IOSAFE_USES, const void *buf, size_t n,
			       int flags);

/**
 * iosafe_socketlike_recv (Windows): recv (winsock2.h).
 * @n: clamped to IOSAFE_FILELIKE_IO_MAX.
 * Returns: the count received (0: the peer shut down); -EBADF for a none
 *   @s or WSAENOTSOCK; the table's errno otherwise.
 */
/*@
  requires borrow_ok: iosafe_sock_borrow_ok(s.raw);
  assigns ((char *)buf)[0 .. n - 1], iosafe_win32_last_error;
  ensures table_same: iosafe_handle_table_same{Pre, Post};
  behavior none:
    assumes s.raw == INVALID_SOCKET;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes s.raw != INVALID_SOCKET;
    requires valid_buf: \valid((char *)buf + (0 .. n - 1));
    requires separated: \separated((char *)buf + (0 .. n - 1), &iosafe_win32_last_error);
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= n;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_socketlike_recv(iosafe_borrowed_socketlike s IOSAFE_USES, void *buf, size_t n,
			       int flags);

#endif /* _WIN32 */

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_FILELIKE_H */

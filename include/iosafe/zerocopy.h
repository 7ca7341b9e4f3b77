/* SPDX-License-Identifier: MIT */
/*
 * iosafe/zerocopy.h: moving data between descriptors in the kernel, without
 * copying it through user memory (splice(2), tee(2), vmsplice(2),
 * sendfile(2), copy_file_range(2)), pipe capacities, and iosafe_copy_all,
 * which picks the fastest of them.  The model is the file-descriptors
 * crate's splice/tee/vmsplice and rustix::pipe, rustix::fs.
 *
 * Every function borrows its descriptors for the call only and returns a
 * byte count (ssize_t) or 0, or a negative errno; a none borrow gives -EBADF
 * without a system call.  None retries on EINTR except iosafe_copy_all.
 * Offsets (off_t *) are optional: NULL uses and moves the descriptor's own
 * file offset; otherwise *offset is read, used, and advanced by the count,
 * and the descriptor's offset is left alone.
 *
 * Linux only: everything here is declared under __linux__.
 */
#ifndef IOSAFE_ZEROCOPY_H
#define IOSAFE_ZEROCOPY_H

#include <stddef.h>
#include <sys/types.h>
#include <sys/uio.h> /* struct iovec */

#include "fd.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__linux__)

/**
 * iosafe_splice: move up to @len bytes between a pipe and another descriptor
 * (at least one of @in and @out is a pipe).
 * @in, @out: borrows, used during the call only.
 * @off_in, @off_out: NULL, or the file offset to read at / write at (in
 *   bytes; advanced by the count); must be NULL for the pipe side.
 * @len: at most this many bytes.
 * @flags: SPLICE_F_MOVE, SPLICE_F_NONBLOCK, SPLICE_F_MORE.
 * Returns: the number of bytes moved (0: end of input, or nothing in a pipe
 *   whose writers are gone), or -EBADF, -EINVAL (neither end a pipe, an
 *   offset for a pipe, an O_APPEND target, an unsupported file), -ESPIPE,
 *   -EAGAIN (SPLICE_F_NONBLOCK, or a non-blocking pipe), -EINTR, -ENOMEM,
 *   -EPIPE, ...
 * Follows: splice(2); rustix::pipe::splice.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(in.raw) && iosafe_fd_borrow_ok(out.raw);
  assigns *off_in, *off_out, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes in.raw < 0 || out.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes in.raw >= 0 && out.raw >= 0;
    requires valid_offsets: (off_in == \null || \valid(off_in)) &&
      (off_out == \null || \valid(off_out));
    requires separated: (off_in != \null ==> \separated(off_in, &errno)) &&
      (off_out != \null ==> \separated(off_out, &errno)) &&
      (off_in != \null && off_out != \null ==> \separated(off_in, off_out));
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= len;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_splice(iosafe_borrowed_fd in IOSAFE_USES, off_t *off_in,
		      iosafe_borrowed_fd out IOSAFE_USES, off_t *off_out, size_t len,
		      unsigned int flags);

/**
 * iosafe_tee: copy up to @len bytes from one pipe to another without
 * consuming them from @in.
 * @in: a borrow of a pipe's read end; @out: of another pipe's write end.
 * @flags: SPLICE_F_NONBLOCK (SPLICE_F_MOVE and SPLICE_F_MORE have no effect).
 * Returns: the number of bytes copied (0: nothing to copy), or -EBADF,
 *   -EINVAL (not two different pipes), -EAGAIN, -EINTR, -ENOMEM, ...
 * Follows: tee(2); rustix::pipe::tee.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(in.raw) && iosafe_fd_borrow_ok(out.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes in.raw < 0 || out.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes in.raw >= 0 && out.raw >= 0;
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= len;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_tee(iosafe_borrowed_fd in IOSAFE_USES, iosafe_borrowed_fd out IOSAFE_USES,
		   size_t len, unsigned int flags);

/**
 * iosafe_vmsplice: splice user memory into a pipe.
 * @fd: a borrow of a pipe's write end, used during the call only.  (On a
 *   read end Linux copies the pipe's data into the buffers instead.)
 * @iov: (not NULL unless @nr is 0) @nr buffers, read in order.
 * @nr: 0 to IOV_MAX (1024).
 * @flags: SPLICE_F_GIFT, SPLICE_F_NONBLOCK.
 * The pages are mapped, not copied: they must stay untouched (not written,
 *   not freed, not unmapped) until the reader has consumed the data, or the
 *   reader sees the later contents (vmsplice(2) NOTES); with SPLICE_F_GIFT
 *   they belong to the kernel afterwards.
 * Returns: the number of bytes spliced, or -EBADF (not a pipe), -EAGAIN,
 *   -EINVAL (@nr above IOV_MAX), -ENOMEM, -EFAULT, ...
 * Follows: vmsplice(2); rustix::pipe::vmsplice.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno, { ((char *)iov[i].iov_base)[j] | integer i, j;
    0 <= i < nr && 0 <= j < iov[i].iov_len };
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    requires valid_iov: \valid_read(iov + (0 .. nr - 1));
    requires valid_bufs: \forall integer i; 0 <= i < nr ==>
      \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
    requires separated: \separated(&errno, iov + (0 .. nr - 1),
      { (char *)iov[i].iov_base + j | integer i, j;
        0 <= i < nr && 0 <= j < iov[i].iov_len });
    ensures result: \result >= 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_vmsplice(iosafe_borrowed_fd fd IOSAFE_USES, const struct iovec *iov, size_t nr,
			unsigned int flags);

/**
 * iosafe_sendfile: copy up to @count bytes from a file to any descriptor.
 * @out: a borrow of the target (a socket, pipe or file; not O_APPEND).
 * @in: a borrow of a file that supports mmap-like access (a regular file).
 * @offset: NULL (use and move @in's offset), or the byte offset to read
 *   at, advanced by the count.
 * Returns: the number of bytes copied (0 at the end of @in), or -EBADF,
 *   -EINVAL (@in cannot be read this way, or @out is O_APPEND), -EAGAIN,
 *   -EIO, -ENOMEM, -EOVERFLOW, -ESPIPE (an @offset on a pipe), -EINTR, ...
 * Follows: sendfile(2); rustix::fs::sendfile.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(out.raw) && iosafe_fd_borrow_ok(in.raw);
  assigns *offset, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes out.raw < 0 || in.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes out.raw >= 0 && in.raw >= 0;
    requires valid_offset: offset == \null || \valid(offset);
    requires separated: offset != \null ==> \separated(offset, &errno);
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= count;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_sendfile(iosafe_borrowed_fd out IOSAFE_USES, iosafe_borrowed_fd in IOSAFE_USES,
			off_t *offset, size_t count);

/**
 * iosafe_copy_file_range: copy up to @len bytes between two files, in the
 * kernel (on some filesystems by sharing blocks: reflinks, server-side copy).
 * @in, @out: borrows of regular files, used during the call only.
 * @off_in, @off_out: NULL (use and move the descriptor's offset) or the byte
 *   offset, advanced by the count.
 * @flags: 0.
 * Returns: the number of bytes copied (0 at the end of @in), or -EBADF (also
 *   for an O_APPEND @out), -EXDEV (different filesystems, before 5.3 or for
 *   unsupported ones), -EINVAL (not regular files, overlapping ranges in
 *   one file, @flags not 0), -EISDIR, -EFBIG, -EOVERFLOW, -ENOSPC, -EIO,
 *   -ENOSYS (before 4.5), -ETXTBSY, -EPERM, ...
 * Follows: copy_file_range(2); rustix::fs::copy_file_range.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(in.raw) && iosafe_fd_borrow_ok(out.raw);
  assigns *off_in, *off_out, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes in.raw < 0 || out.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes in.raw >= 0 && out.raw >= 0;
    requires valid_offsets: (off_in == \null || \valid(off_in)) &&
      (off_out == \null || \valid(off_out));
    requires separated: (off_in != \null ==> \separated(off_in, &errno)) &&
      (off_out != \null ==> \separated(off_out, &errno)) &&
      (off_in != \null && off_out != \null ==> \separated(off_in, off_out));
    ensures result: iosafe_neg_errno(\result) || 0 <= \result <= len;
  complete behaviors;
  disjoint behaviors;
*/
ssize_t iosafe_copy_file_range(iosafe_borrowed_fd in IOSAFE_USES, off_t *off_in,
			       iosafe_borrowed_fd out IOSAFE_USES, off_t *off_out, size_t len,
			       unsigned int flags);

/**
 * iosafe_pipe_get_size: a pipe's capacity, in bytes.
 * @fd: a borrow of either end, used during the call only.
 * Returns: the capacity (65536 by default), or -EBADF (none, not open, or
 *   not a pipe: fs/pipe.c pipe_fcntl).
 * Follows: fcntl(2) F_GETPIPE_SZ; rustix::pipe::fcntl_getpipe_size.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result >= 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_pipe_get_size(iosafe_borrowed_fd fd IOSAFE_USES);

/**
 * iosafe_pipe_set_size: change a pipe's capacity.
 * @fd: a borrow of either end, used during the call only.
 * @size: the wanted capacity in bytes, >= 0; the kernel rounds it up (to a
 *   power of two number of pages, at least one page).
 * Returns: the capacity set (>= @size), or -EBADF (not a pipe), -EINVAL (
 *   @size negative or too large), -EBUSY (smaller than the data in the
 *   pipe), -EPERM (above /proc/sys/fs/pipe-max-size without
 *   CAP_SYS_RESOURCE, or the user's pipe quota is used up).
 * Follows: fcntl(2) F_SETPIPE_SZ; rustix::pipe::fcntl_setpipe_size.
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(fd.raw);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior none:
    assumes fd.raw < 0;
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes fd.raw >= 0;
    ensures result: \result >= 0 || iosafe_neg_errno(\result);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_pipe_set_size(iosafe_borrowed_fd fd IOSAFE_USES, int size);

/**
 * iosafe_copy_all: copy everything from @src's offset to its end into @dst.
 * @dst: a borrow of the target, written at its offset (or appended, for
 *   O_APPEND); used during the call only.
 * @src: a borrow of the source, read from its offset to the end of the file
 *   (or until the writers of a pipe or the peer of a socket are gone).
 * @copied: (not NULL) receives the number of bytes moved to @dst, also
 *   when an error ends the copy (then they are the bytes moved before it).
 * Method: the fastest that works, as coreutils cp does: copy_file_range(2)
 *   (in the kernel, reflinks where the filesystem has them), then
 *   sendfile(2), then splice(2) through a pipe made for the call (closed
 *   before it returns), then read(2)/write(2) through a 64 KiB buffer on
 *   the stack.  A method that fails with EXDEV, EINVAL or ENOSYS hands on
 *   to the next from where it stopped (the offsets moved with the data);
 *   a copy_file_range that finds nothing to copy at first (files such as
 *   /proc's, which report size 0) hands on too.  No pipe available
 *   (EMFILE, ENFILE) skips splice.  EINTR is retried, up to
 *   IOSAFE_EINTR_RETRIES interruptions in a row with no byte moved
 *   (include/iosafe/fs.h); then the call returns -EINTR.
 * Returns: 0 when the end of @src was reached, or a negative errno:
 *   -EBADF (a none or closed borrow, or a descriptor open in the wrong
 *   direction), -EINVAL for a NULL @copied (nothing done), -ENOSPC, -EIO,
 *   -EPIPE, -EAGAIN (a non-blocking descriptor), -EOVERFLOW (more than
 *   off_t can count), ...; the bytes in *@copied have been written.
 * Follows: coreutils copy.c (sparse_copy, copy_file_range first),
 *   copy_file_range(2), sendfile(2), splice(2); Rust's std::io::copy
 *   (which specializes to copy_file_range, sendfile and splice on Linux).
 */
/*@
  requires borrow_ok: iosafe_fd_borrow_ok(dst.raw) && iosafe_fd_borrow_ok(src.raw);
  assigns *copied, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_copied:
    assumes copied == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes copied != \null && (dst.raw < 0 || src.raw < 0);
    requires valid_copied: \valid(copied);
    assigns *copied;
    ensures result_ebadf: \result == -EBADF;
    ensures copied_zero: *copied == 0;
  behavior call:
    assumes copied != \null && dst.raw >= 0 && src.raw >= 0;
    requires valid_copied: \valid(copied);
    requires separated: \separated(copied, &errno);
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures copied_count: *copied >= 0;
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_copy_all(iosafe_borrowed_fd dst IOSAFE_USES, iosafe_borrowed_fd src IOSAFE_USES,
		    off_t *copied);

#endif /* __linux__ */

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_ZEROCOPY_H */

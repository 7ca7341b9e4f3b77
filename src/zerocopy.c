/* SPDX-License-Identifier: MIT */
/*
 * src/zerocopy.c: splice, tee, vmsplice, sendfile, copy_file_range, pipe
 * capacities and iosafe_copy_all.  The contracts and documentation are in
 * include/iosafe/zerocopy.h; the trusted contracts of the calls made here
 * are in acsl/iosafe_posix_fs.h.
 */
#define _GNU_SOURCE /* splice, tee, vmsplice, copy_file_range, F_GETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/sendfile.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#include "iosafe/fs.h"
#include "iosafe/io.h"
#include "iosafe/zerocopy.h"

#if defined(__linux__)

ssize_t iosafe_splice(iosafe_borrowed_fd in, off_t *off_in, iosafe_borrowed_fd out,
		      off_t *off_out, size_t len, unsigned int flags)
{
	loff_t pos_in = 0, pos_out = 0;
	ssize_t n;

	if (in.raw < 0 || out.raw < 0)
		return -EBADF;
	/* splice(2) takes loff_t, which is off_t's width only with 64-bit
	 * off_t: go through copies. */
	if (off_in != NULL)
		pos_in = *off_in;
	if (off_out != NULL)
		pos_out = *off_out;
	n = splice(in.raw, off_in != NULL ? &pos_in : NULL, out.raw,
		   off_out != NULL ? &pos_out : NULL, len, flags);
	if (n < 0)
		return -errno;
	if (off_in != NULL)
		*off_in = (off_t)pos_in;
	if (off_out != NULL)
		*off_out = (off_t)pos_out;
	return n;
}

ssize_t iosafe_tee(iosafe_borrowed_fd in, iosafe_borrowed_fd out, size_t len, unsigned int flags)
{
	ssize_t n;

	if (in.raw < 0 || out.raw < 0)
		return -EBADF;
	n = tee(in.raw, out.raw, len, flags);
	return n < 0 ? -errno : n;
}

ssize_t iosafe_vmsplice(iosafe_borrowed_fd fd, const struct iovec *iov, size_t nr,
			unsigned int flags)
{
	ssize_t n;

	if (fd.raw < 0)
		return -EBADF;
	n = vmsplice(fd.raw, iov, nr, flags);
	return n < 0 ? -errno : n;
}

ssize_t iosafe_sendfile(iosafe_borrowed_fd out, iosafe_borrowed_fd in, off_t *offset,
			size_t count)
{
	ssize_t n;

	if (out.raw < 0 || in.raw < 0)
		return -EBADF;
	n = sendfile(out.raw, in.raw, offset, count);
	return n < 0 ? -errno : n;
}

ssize_t iosafe_copy_file_range(iosafe_borrowed_fd in, off_t *off_in, iosafe_borrowed_fd out,
			       off_t *off_out, size_t len, unsigned int flags)
{
	loff_t pos_in = 0, pos_out = 0;
	ssize_t n;

	if (in.raw < 0 || out.raw < 0)
		return -EBADF;
	if (off_in != NULL)
		pos_in = *off_in;
	if (off_out != NULL)
		pos_out = *off_out;
	n = copy_file_range(in.raw, off_in != NULL ? &pos_in : NULL, out.raw,
			    off_out != NULL ? &pos_out : NULL, len, flags);
	if (n < 0)
		return -errno;
	if (off_in != NULL)
		*off_in = (off_t)pos_in;
	if (off_out != NULL)
		*off_out = (off_t)pos_out;
	return n;
}

int iosafe_pipe_get_size(iosafe_borrowed_fd fd)
{
	int size;

	if (fd.raw < 0)
		return -EBADF;
	size = fcntl(fd.raw, F_GETPIPE_SZ, 0);
	return size < 0 ? -errno : size;
}

int iosafe_pipe_set_size(iosafe_borrowed_fd fd, int size)
{
	int set;

	if (fd.raw < 0)
		return -EBADF;
	set = fcntl(fd.raw, F_SETPIPE_SZ, size);
	return set < 0 ? -errno : set;
}

/* ---- iosafe_copy_all ----------------------------------------------------------
 * One function per method.  Each returns 0 (the end of the source was
 * reached), IOSAFE_COPY_NEXT (this method does not work for these
 * descriptors: try the next one, from where this one stopped), or a negative
 * errno; each adds the bytes it moved to *copied.
 *
 * Termination: every pass of a loop below moves at least one byte (adds
 * it to *copied, which cannot pass the largest off_t, or takes it from
 * pending), or leaves, or is a retry after EINTR, of which at most
 * IOSAFE_EINTR_RETRIES come in a row (include/iosafe/fs.h).  The loop
 * variants encode the pair (room left, retries left) lexicographically as
 * (room left) * (IOSAFE_EINTR_RETRIES + 1) + (retries left), the room left
 * being IOSAFE_SSIZE_MAX - *copied (off_t and ssize_t are both long on
 * Linux and in the model, acsl/iosafe_posix.h) or pending.
 */
#define IOSAFE_COPY_NEXT 1
/* Bytes asked of copy_file_range and sendfile per call (the kernel moves at
 * most MAX_RW_COUNT, about 2 GiB, anyway). */
#define IOSAFE_COPY_CHUNK ((size_t)1 << 30)
/* The read/write buffer, and the bytes spliced into the pipe per call (a
 * default pipe's capacity, pipe(7)). */
#define IOSAFE_COPY_BUF 65536
/* The largest off_t, whatever its width. */
#define IOSAFE_OFF_MAX ((off_t)(~(unsigned long long)0 >> (65 - 8 * sizeof(off_t))))
/* The errors on which a method hands on to the next (coreutils copy.c). */
#define IOSAFE_COPY_FALLBACK(e) ((e) == EXDEV || (e) == EINVAL || (e) == ENOSYS)

/*@
  requires valid_copied: \valid(copied);
  requires copied_ok: 0 <= *copied;
  requires n_ok: 0 <= n <= IOSAFE_SSIZE_MAX;
  assigns *copied;
  ensures result: \result == 0 || \result == -EOVERFLOW;
  ensures copied_ok: 0 <= *copied;
  ensures added: \result == 0 ==> *copied == \old(*copied) + n;
*/
static int iosafe_copy_count(off_t *copied, ssize_t n)
{
	if (*copied > IOSAFE_OFF_MAX - n)
		return -EOVERFLOW;
	*copied += n;
	return 0;
}

/*@
  requires open: iosafe_fd_is_open(dst) && iosafe_fd_is_open(src);
  requires valid_copied: \valid(copied) && \separated(copied, &errno);
  requires copied_ok: 0 <= *copied;
  assigns *copied, errno;
  ensures result: \result == 0 || \result == IOSAFE_COPY_NEXT || iosafe_neg_errno(\result);
  ensures copied_ok: 0 <= *copied;
*/
static int iosafe_copy_by_cfr(int dst, int src, off_t *copied)
{
	ssize_t n;
	int rc;
	int moved = 0;
	int retries = IOSAFE_EINTR_RETRIES;

	/*@
	  loop invariant copied_ok: 0 <= *copied;
	  loop invariant retries_bound: 0 <= retries <= IOSAFE_EINTR_RETRIES;
	  loop assigns n, rc, moved, retries, *copied, errno;
	  loop variant (IOSAFE_SSIZE_MAX - *copied) * (IOSAFE_EINTR_RETRIES + 1) + retries;
	*/
	for (;;) {
		n = copy_file_range(src, NULL, dst, NULL, IOSAFE_COPY_CHUNK, 0);
		if (n < 0) {
			if (errno == EINTR && retries > 0) {
				retries--;
				continue;
			}
			if (IOSAFE_COPY_FALLBACK(errno))
				return IOSAFE_COPY_NEXT;
			return -errno;
		}
		/* Nothing at all: the end, or a file that reports size 0
		 * (/proc, /sys) which only read(2) sees into. */
		if (n == 0)
			return moved ? 0 : IOSAFE_COPY_NEXT;
		moved = 1;
		rc = iosafe_copy_count(copied, n);
		if (rc != 0)
			return rc;
		retries = IOSAFE_EINTR_RETRIES;
	}
}

/*@
  requires open: iosafe_fd_is_open(dst) && iosafe_fd_is_open(src);
  requires valid_copied: \valid(copied) && \separated(copied, &errno);
  requires copied_ok: 0 <= *copied;
  assigns *copied, errno;
  ensures result: \result == 0 || \result == IOSAFE_COPY_NEXT || iosafe_neg_errno(\result);
  ensures copied_ok: 0 <= *copied;
*/
static int iosafe_copy_by_sendfile(int dst, int src, off_t *copied)
{
	ssize_t n;
	int rc;
	int retries = IOSAFE_EINTR_RETRIES;

	/*@
	  loop invariant copied_ok: 0 <= *copied;
	  loop invariant retries_bound: 0 <= retries <= IOSAFE_EINTR_RETRIES;
	  loop assigns n, rc, retries, *copied, errno;
	  loop variant (IOSAFE_SSIZE_MAX - *copied) * (IOSAFE_EINTR_RETRIES + 1) + retries;
	*/
	for (;;) {
		n = sendfile(dst, src, NULL, IOSAFE_COPY_CHUNK);
		if (n < 0) {
			if (errno == EINTR && retries > 0) {
				retries--;
				continue;
			}
			if (IOSAFE_COPY_FALLBACK(errno))
				return IOSAFE_COPY_NEXT;
			return -errno;
		}
		if (n == 0)
			return 0;
		rc = iosafe_copy_count(copied, n);
		if (rc != 0)
			return rc;
		retries = IOSAFE_EINTR_RETRIES;
	}
}

/*
 * Move the @pending bytes waiting in the pipe @pipe_r to @dst with read and
 * write, when splicing them out failed with a hand-on error: they were
 * taken from the source already and must not be lost.
 */
/*@
  requires open: iosafe_fd_is_open(dst) && iosafe_fd_is_open(pipe_r);
  requires valid_copied: \valid(copied) && \separated(copied, &errno);
  requires copied_ok: 0 <= *copied;
  requires valid_buf: \valid(buf + (0 .. IOSAFE_COPY_BUF - 1));
  requires separated_buf: \separated(buf + (0 .. IOSAFE_COPY_BUF - 1), copied, &errno);
  assigns *copied, errno, buf[0 .. IOSAFE_COPY_BUF - 1];
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures copied_ok: 0 <= *copied;
*/
static int iosafe_copy_rescue(int dst, int pipe_r, size_t pending, off_t *copied, char *buf)
{
	ssize_t got, put;
	int rc;
	int retries = IOSAFE_EINTR_RETRIES;

	/*@
	  loop invariant copied_ok: 0 <= *copied;
	  loop invariant retries_bound: 0 <= retries <= IOSAFE_EINTR_RETRIES;
	  loop assigns pending, got, put, rc, retries, *copied, errno, buf[0 .. IOSAFE_COPY_BUF - 1];
	  loop variant pending * (IOSAFE_EINTR_RETRIES + 1) + retries;
	*/
	while (pending > 0) {
		got = read(pipe_r, buf, pending < IOSAFE_COPY_BUF ? pending : IOSAFE_COPY_BUF);
		if (got < 0) {
			if (errno == EINTR && retries > 0) {
				retries--;
				continue;
			}
			return -errno;
		}
		/* The writer end is ours and open: an empty read would mean
		 * the pipe lost bytes. */
		if (got == 0)
			return -EIO;
		put = iosafe_write_all(iosafe_fd_borrow_raw(dst), buf, (size_t)got);
		if (put < 0)
			return (int)put;
		pending -= (size_t)got;
		rc = iosafe_copy_count(copied, got);
		if (rc != 0)
			return rc;
		retries = IOSAFE_EINTR_RETRIES;
	}
	return 0;
}

/*@
  requires open: iosafe_fd_is_open(dst) && iosafe_fd_is_open(src) &&
    iosafe_fd_is_open(pipe_r) && iosafe_fd_is_open(pipe_w);
  requires valid_copied: \valid(copied) && \separated(copied, &errno);
  requires copied_ok: 0 <= *copied;
  requires valid_buf: \valid(buf + (0 .. IOSAFE_COPY_BUF - 1));
  requires separated_buf: \separated(buf + (0 .. IOSAFE_COPY_BUF - 1), copied, &errno);
  assigns *copied, errno, buf[0 .. IOSAFE_COPY_BUF - 1];
  ensures result: \result == 0 || \result == IOSAFE_COPY_NEXT || iosafe_neg_errno(\result);
  ensures copied_ok: 0 <= *copied;
*/
static int iosafe_copy_through(int dst, int src, int pipe_r, int pipe_w, off_t *copied,
			       char *buf)
{
	ssize_t in, out;
	size_t pending;
	int rc;
	int retries = IOSAFE_EINTR_RETRIES, out_retries;

	/*@
	  loop invariant copied_ok: 0 <= *copied;
	  loop invariant retries_bound: 0 <= retries <= IOSAFE_EINTR_RETRIES;
	  loop assigns in, out, pending, rc, retries, out_retries, *copied, errno,
	    buf[0 .. IOSAFE_COPY_BUF - 1];
	  loop variant (IOSAFE_SSIZE_MAX - *copied) * (IOSAFE_EINTR_RETRIES + 1) + retries;
	*/
	for (;;) {
		in = splice(src, NULL, pipe_w, NULL, IOSAFE_COPY_BUF, SPLICE_F_MOVE | SPLICE_F_MORE);
		if (in < 0) {
			if (errno == EINTR && retries > 0) {
				retries--;
				continue;
			}
			/* The pipe is empty here: handing on loses nothing. */
			if (IOSAFE_COPY_FALLBACK(errno))
				return IOSAFE_COPY_NEXT;
			return -errno;
		}
		if (in == 0)
			return 0;
		pending = (size_t)in;
		out_retries = IOSAFE_EINTR_RETRIES;
		/*@
		  loop invariant copied_ok: 0 <= *copied;
		  loop invariant pending_bound: 0 <= pending <= in;
		  loop invariant added: *copied == \at(*copied, LoopEntry) + (in - pending);
		  loop invariant retries_bound: 0 <= out_retries <= IOSAFE_EINTR_RETRIES;
		  loop assigns out, pending, rc, out_retries, *copied, errno;
		  loop variant pending * (IOSAFE_EINTR_RETRIES + 1) + out_retries;
		*/
		while (pending > 0) {
			out = splice(pipe_r, NULL, dst, NULL, pending, SPLICE_F_MOVE | SPLICE_F_MORE);
			if (out < 0) {
				if (errno == EINTR && out_retries > 0) {
					out_retries--;
					continue;
				}
				if (!IOSAFE_COPY_FALLBACK(errno))
					return -errno;
				rc = iosafe_copy_rescue(dst, pipe_r, pending, copied, buf);
				return rc != 0 ? rc : IOSAFE_COPY_NEXT;
			}
			if (out == 0)
				return -EIO;
			pending -= (size_t)out;
			rc = iosafe_copy_count(copied, out);
			if (rc != 0)
				return rc;
			out_retries = IOSAFE_EINTR_RETRIES;
		}
		retries = IOSAFE_EINTR_RETRIES;
	}
}

/*@
  requires open: iosafe_fd_is_open(dst) && iosafe_fd_is_open(src);
  requires valid_copied: \valid(copied) && \separated(copied, &errno);
  requires copied_ok: 0 <= *copied;
  requires valid_buf: \valid(buf + (0 .. IOSAFE_COPY_BUF - 1));
  requires separated_buf: \separated(buf + (0 .. IOSAFE_COPY_BUF - 1), copied, &errno);
  assigns *copied, errno, buf[0 .. IOSAFE_COPY_BUF - 1],
    iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures result: \result == 0 || \result == IOSAFE_COPY_NEXT || iosafe_neg_errno(\result);
  ensures copied_ok: 0 <= *copied;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
static int iosafe_copy_by_splice(int dst, int src, off_t *copied, char *buf)
{
	iosafe_owned_fd pipe_r, pipe_w;
	int rc;

	rc = iosafe_pipe(&pipe_r, &pipe_w, 0);
	if (rc != 0)
		return rc == -EMFILE || rc == -ENFILE ? IOSAFE_COPY_NEXT : rc;
	rc = iosafe_copy_through(dst, src, pipe_r.raw, pipe_w.raw, copied, buf);
	iosafe_fd_drop(&pipe_r);
	iosafe_fd_drop(&pipe_w);
	return rc;
}

/*@
  requires open: iosafe_fd_is_open(dst) && iosafe_fd_is_open(src);
  requires valid_copied: \valid(copied) && \separated(copied, &errno);
  requires copied_ok: 0 <= *copied;
  requires valid_buf: \valid(buf + (0 .. IOSAFE_COPY_BUF - 1));
  requires separated_buf: \separated(buf + (0 .. IOSAFE_COPY_BUF - 1), copied, &errno);
  assigns *copied, errno, buf[0 .. IOSAFE_COPY_BUF - 1];
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures copied_ok: 0 <= *copied;
*/
static int iosafe_copy_by_rw(int dst, int src, off_t *copied, char *buf)
{
	ssize_t got, put;
	int rc;
	int retries = IOSAFE_EINTR_RETRIES;

	/*@
	  loop invariant copied_ok: 0 <= *copied;
	  loop invariant retries_bound: 0 <= retries <= IOSAFE_EINTR_RETRIES;
	  loop assigns got, put, rc, retries, *copied, errno, buf[0 .. IOSAFE_COPY_BUF - 1];
	  loop variant (IOSAFE_SSIZE_MAX - *copied) * (IOSAFE_EINTR_RETRIES + 1) + retries;
	*/
	for (;;) {
		got = read(src, buf, IOSAFE_COPY_BUF);
		if (got < 0) {
			if (errno == EINTR && retries > 0) {
				retries--;
				continue;
			}
			return -errno;
		}
		if (got == 0)
			return 0;
		put = iosafe_write_all(iosafe_fd_borrow_raw(dst), buf, (size_t)got);
		if (put < 0)
			return (int)put;
		rc = iosafe_copy_count(copied, got);
		if (rc != 0)
			return rc;
		retries = IOSAFE_EINTR_RETRIES;
	}
}

int iosafe_copy_all(iosafe_borrowed_fd dst, iosafe_borrowed_fd src, off_t *copied)
{
	char buf[IOSAFE_COPY_BUF];
	int rc;

	if (copied == NULL)
		return -EINVAL;
	*copied = 0;
	if (dst.raw < 0 || src.raw < 0)
		return -EBADF;
	rc = iosafe_copy_by_cfr(dst.raw, src.raw, copied);
	if (rc != IOSAFE_COPY_NEXT)
		return rc;
	rc = iosafe_copy_by_sendfile(dst.raw, src.raw, copied);
	if (rc != IOSAFE_COPY_NEXT)
		return rc;
	rc = iosafe_copy_by_splice(dst.raw, src.raw, copied, buf);
	if (rc != IOSAFE_COPY_NEXT)
		return rc;
	return iosafe_copy_by_rw(dst.raw, src.raw, copied, buf);
}

#endif /* __linux__ */

/* SPDX-License-Identifier: MIT */
/*
 * src/samefile.c: whether two paths or descriptors name the same file.
 * The contracts and documentation are in include/iosafe/samefile.h; the
 * calls made here (openat(2), fstat(2), close(2)) have their trusted
 * contracts in acsl/iosafe_posix.h and acsl/iosafe_posix_fdops.h, and the
 * standard descriptors are duplicated through iosafe_dup_stdin (fdops.h).
 */
#define _GNU_SOURCE /* O_PATH */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "iosafe/fdops.h"
#include "iosafe/io.h" /* iosafe_cwd */
#include "iosafe/samefile.h"

/* How iosafe_same_file_open opens (samefile.h). */
#if defined(O_PATH)
#  define IOSAFE_SAME_FILE_FLAGS (O_PATH | O_CLOEXEC)
#else
#  define IOSAFE_SAME_FILE_FLAGS (O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
#endif

/*@
  requires valid: \valid(h);
  assigns h->fd.raw, h->dev, h->ino;
  ensures none: h->fd.raw == IOSAFE_RAW_NONE && h->dev == 0 && h->ino == 0;
*/
static void iosafe_same_file_none(iosafe_same_file_handle *h)
{
	h->fd.raw = IOSAFE_RAW_NONE;
	h->dev = 0;
	h->ino = 0;
}

/*
 * Make *@out the handle of the owned descriptor @raw just acquired: fstat(2)
 * it; on failure close it again.
 */
/*@
  requires valid_out: \valid(out);
  requires separated: \separated(out, &errno);
  requires out_none: out->fd.raw == IOSAFE_RAW_NONE;
  requires owned: iosafe_fd_is_owned(raw);
  assigns out->fd.raw, out->dev, out->ino, errno, iosafe_fd_state[raw];
  ensures kept: \result == 0 ==> out->fd.raw == raw && iosafe_fd_table_same{Pre, Post};
  ensures closed: \result != 0 ==>
    iosafe_neg_errno(\result) && out->fd.raw == IOSAFE_RAW_NONE &&
    iosafe_fd_released{Pre, Post}(raw);
*/
static int iosafe_same_file_keep(iosafe_same_file_handle *out, int raw)
{
	struct stat st;
	iosafe_owned_fd fd;
	int rc;

	fd.raw = raw;
	if (fstat(raw, &st) < 0) {
		rc = -errno;
		iosafe_fd_drop(&fd);
		return rc;
	}
	out->fd.raw = raw;
	out->dev = st.st_dev;
	out->ino = st.st_ino;
	return 0;
}

int iosafe_same_file_open(iosafe_same_file_handle *out, iosafe_borrowed_fd dir, const char *path)
{
	int raw;

	if (out == NULL)
		return -EINVAL;
	iosafe_same_file_none(out);
	if (path == NULL)
		return -EINVAL;
	raw = openat(dir.raw, path, IOSAFE_SAME_FILE_FLAGS, 0);
	if (raw < 0)
		return -errno;
	return iosafe_same_file_keep(out, raw);
}

int iosafe_same_file_from_fd(iosafe_same_file_handle *out, iosafe_owned_fd *fd)
{
	struct stat st;

	if (out == NULL)
		return -EINVAL;
	iosafe_same_file_none(out);
	if (fd == NULL)
		return -EINVAL;
	if (fd->raw < 0)
		return -EBADF;
	if (fstat(fd->raw, &st) < 0)
		return -errno;
	out->fd.raw = fd->raw;
	out->dev = st.st_dev;
	out->ino = st.st_ino;
	fd->raw = IOSAFE_RAW_NONE;
	return 0;
}

/*
 * The handle of a new duplicate of standard descriptor @n (0, 1 or 2).
 */
/*@
  requires std: 0 <= n <= 2;
  requires std_open: iosafe_fd_is_open(n);
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==> out->fd.raw >= 3 &&
    iosafe_fd_acquired{Pre, Post}(out->fd.raw) && iosafe_fd_is_cloexec(out->fd.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_table_same{Pre, Post} &&
    (out != \null ==> out->fd.raw == IOSAFE_RAW_NONE);
*/
static int iosafe_same_file_std(iosafe_same_file_handle *out, int n)
{
	iosafe_owned_fd dup = IOSAFE_FD_NONE;
	int rc;

	if (out == NULL)
		return -EINVAL;
	iosafe_same_file_none(out);
	rc = iosafe_dup(&dup, iosafe_fd_borrow_raw(n));
	if (rc != 0)
		return rc;
	return iosafe_same_file_keep(out, dup.raw);
}

int iosafe_same_file_stdin(iosafe_same_file_handle *out)
{
	return iosafe_same_file_std(out, 0);
}

int iosafe_same_file_stdout(iosafe_same_file_handle *out)
{
	return iosafe_same_file_std(out, 1);
}

int iosafe_same_file_stderr(iosafe_same_file_handle *out)
{
	return iosafe_same_file_std(out, 2);
}

bool iosafe_same_file_equal(const iosafe_same_file_handle *a, const iosafe_same_file_handle *b)
{
	if (a == NULL || b == NULL || a->fd.raw < 0 || b->fd.raw < 0)
		return false;
	return a->dev == b->dev && a->ino == b->ino;
}

int iosafe_same_file_close(iosafe_same_file_handle *h)
{
	int rc;

	if (h == NULL)
		return -EINVAL;
	rc = iosafe_fd_close(&h->fd);
	iosafe_same_file_none(h);
	return rc;
}

void iosafe_same_file_drop(iosafe_same_file_handle *h)
{
	iosafe_fd_drop(&h->fd);
	h->dev = 0;
	h->ino = 0;
}

/*
 * The second half of iosafe_is_same_file: open @b, compare it with the
 * handle @ha holds, close it again.
 */
/*@
  requires valid_ha: \valid_read(ha);
  requires ha_owned: iosafe_fd_is_owned(ha->fd.raw);
  requires valid_b: \valid_read(b);
  requires valid_out: \valid(out) && \separated(out, &errno) && \separated(out, ha);
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures failed: \result != 0 ==> *out == 0;
*/
static int iosafe_same_file_compare(const iosafe_same_file_handle *ha, const char *b, bool *out)
{
	iosafe_same_file_handle hb;
	int rc;

	*out = false;
	rc = iosafe_same_file_open(&hb, iosafe_cwd(), b);
	if (rc != 0)
		return rc;
	*out = iosafe_same_file_equal(ha, &hb);
	iosafe_same_file_drop(&hb);
	return 0;
}

int iosafe_is_same_file(const char *a, const char *b, bool *out)
{
	iosafe_same_file_handle ha;
	int rc;

	if (out == NULL)
		return -EINVAL;
	*out = false;
	if (a == NULL || b == NULL)
		return -EINVAL;
	rc = iosafe_same_file_open(&ha, iosafe_cwd(), a);
	if (rc != 0)
		return rc;
	rc = iosafe_same_file_compare(&ha, b, out);
	iosafe_same_file_drop(&ha);
	return rc;
}

/* SPDX-License-Identifier: MIT */
/*
 * src/stdio.c: handing descriptors to FILE and DIR streams and back, and
 * FILE views of borrowed descriptors.
 * The contracts and documentation are in include/iosafe/stdio.h; the
 * trusted contracts of the calls made here are in acsl/iosafe_posix_stdio.h.
 */
#define _GNU_SOURCE /* fdopendir on older glibc; fopencookie */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <unistd.h> /* read, write (the view callbacks) */

#include "iosafe/stdio.h"

int iosafe_file_from_fd(FILE **out, iosafe_owned_fd *fd, const char *mode)
{
	FILE *f;

	if (out == NULL)
		return -EINVAL;
	*out = NULL;
	if (fd == NULL || mode == NULL)
		return -EINVAL;
	if (fd->raw < 0)
		return -EBADF;
	f = fdopen(fd->raw, mode);
	/* fdopen(3) leaves the descriptor alone on failure: it is still
	 * *fd's. */
	if (f == NULL)
		return -errno;
	*out = f;
	fd->raw = IOSAFE_RAW_NONE;
	return 0;
}

int iosafe_fd_from_file(iosafe_owned_fd *out, FILE *f)
{
	iosafe_owned_fd copy;
	int raw, rc;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (f == NULL)
		return -EINVAL;
	raw = fileno(f);
	if (raw < 0)
		return -errno;
	rc = iosafe_fd_try_clone(iosafe_fd_borrow_raw(raw), &copy);
	if (rc != 0)
		return rc;
	/* fclose(3) closes the stream's descriptor whatever it returns. */
	if (fclose(f) != 0) {
		rc = -errno;
		iosafe_fd_drop(&copy);
		return rc;
	}
	out->raw = copy.raw;
	return 0;
}

int iosafe_dir_from_fd(DIR **out, iosafe_owned_fd *fd)
{
	DIR *d;

	if (out == NULL)
		return -EINVAL;
	*out = NULL;
	if (fd == NULL)
		return -EINVAL;
	if (fd->raw < 0)
		return -EBADF;
	d = fdopendir(fd->raw);
	if (d == NULL)
		return -errno;
	*out = d;
	fd->raw = IOSAFE_RAW_NONE;
	return 0;
}

#if defined(__linux__)
/*
 * The callbacks of a view's stream (fopencookie(3)): the cookie is the
 * view; reads and writes go to its borrowed descriptor, and the close
 * callback closes nothing (the descriptor is its owner's).  The cookie's
 * type is void in C and the view in the proof model (see
 * acsl/iosafe_posix_stdio.h, cookie_io_functions_t).
 */
#ifdef __FRAMAC__
typedef struct iosafe_file_view iosafe_view_cookie;
#else
typedef void iosafe_view_cookie;
#endif

/*@
  requires view: \valid_read(cookie);
  requires open: iosafe_fd_is_open(cookie->fd.raw);
  requires buf: \valid(buf + (0 .. n - 1));
  assigns buf[0 .. n - 1], errno;
  ensures result: \result == -1 || 0 <= \result <= n;
*/
static ssize_t view_read(iosafe_view_cookie *cookie, char *buf, size_t n)
{
	const iosafe_file_view *v = cookie;

	return read(v->fd.raw, buf, n);
}

/*@
  requires view: \valid_read(cookie);
  requires open: iosafe_fd_is_open(cookie->fd.raw);
  requires buf: \valid_read(buf + (0 .. n - 1));
  assigns errno;
  ensures result: \result == -1 || 0 <= \result <= n;
*/
static ssize_t view_write(iosafe_view_cookie *cookie, const char *buf, size_t n)
{
	const iosafe_file_view *v = cookie;

	return write(v->fd.raw, buf, n);
}

/*@
  assigns \nothing;
  ensures result: \result == 0;
*/
static int view_close(iosafe_view_cookie *cookie)
{
	(void)cookie;
	return 0;
}

int iosafe_file_view_begin(iosafe_file_view *v, iosafe_borrowed_fd fd,
			   const char *mode)
{
	cookie_io_functions_t io = {
		.read = view_read,
		.write = view_write,
		.seek = NULL,
		.close = view_close,
	};
	FILE *f;

	if (v == NULL)
		return -EINVAL;
	v->file = NULL;
	if (mode == NULL)
		return -EINVAL;
	if (fd.raw < 0)
		return -EBADF;
	v->fd = fd;
	f = fopencookie(v, mode, io);
	if (f == NULL)
		return -errno;
	v->file = f;
	return 0;
}

int iosafe_file_view_end(iosafe_file_view *v)
{
	FILE *f;

	if (v == NULL)
		return -EINVAL;
	if (v->file == NULL)
		return -EBADF;
	f = v->file;
	v->file = NULL;
	/* fclose(3) flushes, then calls view_close, which closes nothing. */
	if (fclose(f) != 0)
		return -errno;
	return 0;
}
#endif /* __linux__ */

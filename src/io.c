/* SPDX-License-Identifier: MIT */
/*
 * src/io.c: acquisition and use wrappers.
 * The contracts and documentation are in include/iosafe/io.h.
 */
#define _GNU_SOURCE /* accept4, pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "iosafe/io.h"

_Static_assert(IOSAFE_RAW_CWD == AT_FDCWD, "IOSAFE_RAW_CWD must equal AT_FDCWD");

/* Store a freshly created descriptor, or turn -1/errno into -errno. */
/*@
  requires valid_out: \valid(out);
  requires out_none: out->raw == IOSAFE_RAW_NONE;
  requires errno_set: raw < 0 ==> iosafe_errno_set;
  assigns out->raw;
  behavior failed:
    assumes raw < 0;
    ensures result: iosafe_neg_errno(\result);
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
  behavior acquired:
    assumes raw >= 0;
    ensures result_zero: \result == 0;
    ensures out_raw: out->raw == raw;
  complete behaviors;
  disjoint behaviors;
*/
static int iosafe_acquired(iosafe_owned_fd *out, int raw)
{
	if (raw < 0)
		return -errno;
	out->raw = raw;
	return 0;
}

int iosafe_open(iosafe_owned_fd *out, const char *path, int flags, mode_t mode)
{
	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (path == NULL)
		return -EINVAL;
	return iosafe_acquired(out, open(path, flags | O_CLOEXEC, mode));
}

int iosafe_openat(iosafe_owned_fd *out, iosafe_borrowed_fd dir, const char *path,
		  int flags, mode_t mode)
{
	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (path == NULL)
		return -EINVAL;
	return iosafe_acquired(out, openat(dir.raw, path, flags | O_CLOEXEC, mode));
}

int iosafe_socket(iosafe_owned_fd *out, int domain, int type, int protocol)
{
	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	return iosafe_acquired(out, socket(domain, type | SOCK_CLOEXEC, protocol));
}

int iosafe_accept(iosafe_owned_fd *out, iosafe_borrowed_fd listener,
		  struct sockaddr *addr, socklen_t *len, int flags)
{
	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (listener.raw < 0)
		return -EBADF;
	return iosafe_acquired(out, accept4(listener.raw, addr, len, flags | SOCK_CLOEXEC));
}

int iosafe_pipe(iosafe_owned_fd *read_end, iosafe_owned_fd *write_end, int flags)
{
	int ends[2];

	/* Both none on every failure, bad arguments included (io.h). */
	if (read_end != NULL)
		read_end->raw = IOSAFE_RAW_NONE;
	if (write_end != NULL)
		write_end->raw = IOSAFE_RAW_NONE;
	if (read_end == NULL || write_end == NULL || read_end == write_end)
		return -EINVAL;
	if (pipe2(ends, flags | O_CLOEXEC) < 0)
		return -errno;
	read_end->raw = ends[0];
	write_end->raw = ends[1];
	return 0;
}

ssize_t iosafe_read(iosafe_borrowed_fd fd, void *buf, size_t n)
{
	ssize_t got;

	if (fd.raw < 0)
		return -EBADF;
	got = read(fd.raw, buf, n);
	return got < 0 ? -errno : got;
}

ssize_t iosafe_write(iosafe_borrowed_fd fd, const void *buf, size_t n)
{
	ssize_t put;

	if (fd.raw < 0)
		return -EBADF;
	put = write(fd.raw, buf, n);
	return put < 0 ? -errno : put;
}

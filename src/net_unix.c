/* SPDX-License-Identifier: MIT */
/*
 * src/net_unix.c: Unix domain socket paths on owned descriptors.
 * The contracts and documentation are in include/iosafe/net_unix.h; the
 * trusted contracts of the calls made here are in acsl/iosafe_posix.h,
 * acsl/iosafe_posix_fs.h and acsl/iosafe_posix_net.h.
 */
#define _GNU_SOURCE /* SOCK_CLOEXEC, SOCK_NONBLOCK */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

#include "iosafe/net_unix.h"

_Static_assert(sizeof(((struct sockaddr_un *)0)->sun_path) == IOSAFE_UNIX_PATH_MAX,
	       "IOSAFE_UNIX_PATH_MAX is sun_path's size");

/* A Unix address, seen by bind(2) and connect(2) as the struct sockaddr it
 * begins with. */
union iosafe_unix_addr {
	struct sockaddr sa;
	struct sockaddr_un un;
};

/* The length of @s, or @bound when none of its first @bound bytes is NUL
 * (strnlen(3)). */
/*@
  requires string: iosafe_string_ok(s);
  assigns \nothing;
  ensures range: 0 <= \result <= bound;
  ensures bytes: \valid_read(s + (0 .. \result - 1)) &&
    \forall integer j; 0 <= j < \result ==> s[j] != 0;
  ensures nul: \result < bound ==> s[\result] == 0;
*/
static size_t iosafe_unix_strlen(const char *s, size_t bound)
{
	size_t i;

	/*@
	  loop invariant 0 <= i <= bound;
	  loop invariant \forall integer j; 0 <= j < i ==> s[j] != 0;
	  loop invariant \valid_read(s + (0 .. i - 1));
	  loop assigns i;
	  loop variant bound - i;
	*/
	for (i = 0; i < bound && s[i] != 0; i++)
		;
	return i;
}

/*@
  requires valid: \valid(l);
  assigns l->fd.raw, l->path[0], l->dev, l->ino;
  ensures none: l->fd.raw == IOSAFE_RAW_NONE && l->path[0] == 0;
*/
static void iosafe_unix_none(iosafe_unix_listener *l)
{
	l->fd.raw = IOSAFE_RAW_NONE;
	l->path[0] = 0;
	l->dev = 0;
	l->ino = 0;
}

/* Fill @a with AF_UNIX and the @len bytes of @path and a NUL; returns the
 * address length for bind(2) and connect(2). */
/*@
  requires valid_a: \valid(a);
  requires len: 0 < len < IOSAFE_UNIX_PATH_MAX;
  requires path: \valid_read(path + (0 .. len - 1));
  assigns a->un.sun_family, a->un.sun_path[0 .. len];
  ensures \result == 2 + len + 1;
*/
static socklen_t iosafe_unix_addr_path(union iosafe_unix_addr *a, const char *path, size_t len)
{
	size_t i;

	a->un.sun_family = AF_UNIX;
	/*@
	  loop invariant 0 <= i <= len;
	  loop assigns i, a->un.sun_path[0 .. len - 1];
	  loop variant len - i;
	*/
	for (i = 0; i < len; i++)
		a->un.sun_path[i] = path[i];
	a->un.sun_path[len] = 0;
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len + 1);
}

/* Create each missing parent directory of the @len-byte @path with @mode:
 * every prefix ending before a '/' (the first byte excepted), existing
 * ones (EEXIST) left alone.  0 or mkdir(2)'s error. */
/*@
  requires len: 0 < len < IOSAFE_UNIX_PATH_MAX;
  requires path: \valid_read(path + (0 .. len - 1));
  assigns errno;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
*/
static int iosafe_unix_mkdir_parents(const char *path, size_t len, mode_t mode)
{
	char buf[IOSAFE_UNIX_PATH_MAX];
	size_t i;

	/*@
	  loop invariant 0 <= i <= len;
	  loop assigns i, buf[0 .. len - 1];
	  loop variant len - i;
	*/
	for (i = 0; i < len; i++)
		buf[i] = path[i];
	buf[len] = 0;
	/*@
	  loop invariant 1 <= i <= len;
	  loop assigns i, errno, buf[0 .. len - 1];
	  loop variant len - i;
	*/
	for (i = 1; i < len; i++) {
		if (buf[i] != '/')
			continue;
		buf[i] = 0;
		if (mkdirat(AT_FDCWD, buf, mode) < 0 && errno != EEXIST)
			return -errno;
		buf[i] = '/';
	}
	return 0;
}

/* Unlink @path if it names the socket file (@dev, @ino): 0 (also when it
 * is gone or names another file), or the error of stat(2) or unlink(2). */
/*@
  requires path: \valid_read(path);
  assigns errno;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
*/
static int iosafe_unix_unlink_same(const char *path, dev_t dev, ino_t ino)
{
	struct stat st;

	if (fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? 0 : -errno;
	if (st.st_dev != dev || st.st_ino != ino || (st.st_mode & S_IFMT) != S_IFSOCK)
		return 0;
	if (unlinkat(AT_FDCWD, path, 0) < 0 && errno != ENOENT)
		return -errno;
	return 0;
}

/* Under IOSAFE_UNIX_REMOVE_STALE, after bind(2) said EADDRINUSE: unlink
 * @path only when it is a socket file and a probe connect(2) to it is
 * refused.  0 (removed, or already gone), -EADDRINUSE (not a socket, or a
 * server answers, or the probe fails otherwise), or the error of stat(2),
 * socket(2) or unlink(2). */
/*@
  requires valid_a: \valid_read(&a->sa);
  requires path: \valid_read(path);
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
static int iosafe_unix_remove_stale(const union iosafe_unix_addr *a, socklen_t alen,
				    const char *path, int type)
{
	struct stat st;
	int probe, r, e;

	if (fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT ? 0 : -errno;
	if ((st.st_mode & S_IFMT) != S_IFSOCK)
		return -EADDRINUSE;
	/* Non-blocking: a server whose backlog is full answers EAGAIN, and
	 * is alive. */
	probe = socket(AF_UNIX, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (probe < 0)
		return -errno;
	r = connect(probe, &a->sa, alen);
	e = r < 0 ? errno : 0;
	/* The probe is ours; released whatever close(2) says. */
	(void)close(probe);
	if (r == 0 || e != ECONNREFUSED)
		return -EADDRINUSE;
	if (unlinkat(AT_FDCWD, path, 0) < 0 && errno != ENOENT)
		return -errno;
	return 0;
}

/* socket(2) of AF_UNIX and @type, then bind(2) to @a.  The bound
 * socket's number, owned and close-on-exec, or a negative errno with the
 * socket closed. */
/*@
  requires valid_a: \valid(a);
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures acquired: \result >= 0 ==>
    iosafe_fd_acquired{Pre, Post}(\result) && iosafe_fd_is_cloexec(\result);
  ensures failed: \result < 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_table_same{Pre, Post};
*/
static int iosafe_unix_bind_new(const union iosafe_unix_addr *a, socklen_t alen, int type)
{
	int raw, rc;

	raw = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
	if (raw < 0)
		return -errno;
	if (bind(raw, &a->sa, alen) < 0) {
		rc = -errno;
		(void)close(raw);
		/*@ assert gone: iosafe_fd_table_same{Pre, Here}; */
		return rc;
	}
	/*@ assert bound: iosafe_fd_acquired{Pre, Here}(raw) && iosafe_fd_is_cloexec(raw); */
	return raw;
}

/* socket(2) of AF_UNIX and @type, then bind(2) to @a; under
 * IOSAFE_UNIX_REMOVE_STALE and EADDRINUSE the socket is closed, a stale
 * socket file removed (iosafe_unix_remove_stale) and a new socket binds.
 * The bound socket's number, owned and close-on-exec, or a negative errno
 * with nothing of ours left open. */
/*@
  requires valid_a: \valid(a);
  requires path: path == \null || \valid_read(path);
  assigns errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures acquired: \result >= 0 ==>
    iosafe_fd_acquired{Pre, Post}(\result) && iosafe_fd_is_cloexec(\result);
  ensures failed: \result < 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_table_same{Pre, Post};
*/
static int iosafe_unix_bound(const union iosafe_unix_addr *a, socklen_t alen,
			     const char *path, int type, unsigned flags)
{
	int raw, rc;

	raw = iosafe_unix_bind_new(a, alen, type);
	if (raw != -EADDRINUSE || path == NULL || (flags & IOSAFE_UNIX_REMOVE_STALE) == 0)
		return raw;
	/* The probe is made with the first socket closed (by
	 * iosafe_unix_bind_new), and a new one binds: no descriptor of ours
	 * is open while another is created. */
	rc = iosafe_unix_remove_stale(a, alen, path, type);
	if (rc < 0)
		return rc;
	return iosafe_unix_bind_new(a, alen, type);
}

/* For the bound socket @raw: (@path not NULL) stat(2) and chmod(2) of the
 * socket file, recording its (dev, ino) in @out, then listen(2) unless
 * @type is SOCK_DGRAM.  0 with @raw still owned, or a negative errno with
 * @raw closed and what it bound unlinked. */
/*@
  requires valid_out: \valid(out) && \separated(out, &errno);
  requires owned: iosafe_fd_is_owned(raw) && iosafe_fd_is_cloexec(raw);
  requires path: path == \null || \valid_read(path);
  assigns out->dev, out->ino, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures kept: \result == 0 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_fd_is_cloexec(raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_released{Pre, Post}(raw);
*/
static int iosafe_unix_setup(iosafe_unix_listener *out, int raw, const char *path, int type,
			     int backlog, mode_t socket_mode)
{
	struct stat st;
	int rc;

	if (path != NULL) {
		if (fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			rc = -errno;
			(void)close(raw);
			return rc;
		}
		if (fchmodat(AT_FDCWD, path, socket_mode, 0) < 0) {
			rc = -errno;
			(void)iosafe_unix_unlink_same(path, st.st_dev, st.st_ino);
			(void)close(raw);
			return rc;
		}
		out->dev = st.st_dev;
		out->ino = st.st_ino;
	}
	/*@ assert kept: iosafe_fd_table_same{Pre, Here} && iosafe_fd_is_cloexec(raw); */
	if ((type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) != SOCK_DGRAM && listen(raw, backlog) < 0) {
		rc = -errno;
		if (path != NULL)
			(void)iosafe_unix_unlink_same(path, out->dev, out->ino);
		(void)close(raw);
		return rc;
	}
	return 0;
}

/* iosafe_unix_bound, then iosafe_unix_setup; the socket is stored in @out
 * only when both succeed.  @out is valid and none on entry. */
/*@
  requires valid_out: \valid(out) && \separated(out, &errno);
  requires out_none: out->fd.raw == IOSAFE_RAW_NONE && out->path[0] == 0;
  requires valid_a: \valid(a);
  requires path: path == \null || \valid_read(path);
  assigns out->fd.raw, out->dev, out->ino, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures acquired: \result == 0 ==>
    iosafe_fd_acquired{Pre, Post}(out->fd.raw) && iosafe_fd_is_cloexec(out->fd.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    out->fd.raw == IOSAFE_RAW_NONE && iosafe_fd_table_same{Pre, Post};
  ensures path_kept: out->path[0] == 0;
*/
static int iosafe_unix_open(iosafe_unix_listener *out, const union iosafe_unix_addr *a,
			    socklen_t alen, const char *path, int type, int backlog,
			    mode_t socket_mode, unsigned flags)
{
	int raw, rc;

	raw = iosafe_unix_bound(a, alen, path, type, flags);
	if (raw < 0)
		return raw;
	rc = iosafe_unix_setup(out, raw, path, type, backlog, socket_mode);
	if (rc != 0)
		return rc;
	out->fd.raw = raw;
	return 0;
}

int iosafe_unix_listen(iosafe_unix_listener *out, const char *path, int type, int backlog,
		       mode_t parent_mode, mode_t socket_mode, unsigned flags)
{
	union iosafe_unix_addr a;
	socklen_t alen;
	size_t len, i;
	int rc;

	if (out == NULL)
		return -EINVAL;
	iosafe_unix_none(out);
	if (path == NULL || (flags & ~IOSAFE_UNIX_FLAGS_ALL) != 0)
		return -EINVAL;
	len = iosafe_unix_strlen(path, IOSAFE_UNIX_PATH_MAX);
	if (len == 0)
		return -EINVAL;
	if (len >= IOSAFE_UNIX_PATH_MAX)
		return -ENAMETOOLONG;
	alen = iosafe_unix_addr_path(&a, path, len);
	if ((flags & IOSAFE_UNIX_MKDIR_PARENTS) != 0) {
		rc = iosafe_unix_mkdir_parents(path, len, parent_mode);
		if (rc < 0)
			return rc;
	}
	rc = iosafe_unix_open(out, &a, alen, path, type, backlog, socket_mode, flags);
	if (rc < 0) {
		out->dev = 0;
		out->ino = 0;
		return rc;
	}
	/*@
	  loop invariant 0 <= i <= len;
	  loop invariant out->fd.raw == \at(out->fd.raw, LoopEntry);
	  loop assigns i, out->path[0 .. len - 1];
	  loop variant len - i;
	*/
	for (i = 0; i < len; i++)
		out->path[i] = path[i];
	out->path[len] = 0;
	return 0;
}

int iosafe_unix_listen_abstract(iosafe_unix_listener *out, const void *name, size_t len,
				int type, int backlog)
{
	union iosafe_unix_addr a;
	socklen_t alen;
	size_t i;

	if (out == NULL)
		return -EINVAL;
	iosafe_unix_none(out);
	if (name == NULL && len > 0)
		return -EINVAL;
	if (len > IOSAFE_UNIX_PATH_MAX - 1)
		return -ENAMETOOLONG;
	a.un.sun_family = AF_UNIX;
	a.un.sun_path[0] = 0;
	/*@
	  loop invariant 0 <= i <= len;
	  loop assigns i, a.un.sun_path[1 .. len];
	  loop variant len - i;
	*/
	for (i = 0; i < len; i++)
		a.un.sun_path[1 + i] = ((const char *)name)[i];
	/* Length 0: the family alone asks for autobind (unix(7)). */
	alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (len > 0 ? 1 + len : 0));
	return iosafe_unix_open(out, &a, alen, NULL, type, backlog, 0, 0);
}

int iosafe_unix_listener_close(iosafe_unix_listener *l)
{
	int rc = 0, r, e, raw;

	if (l == NULL)
		return -EINVAL;
	raw = l->fd.raw;
	if (raw < 0) {
		iosafe_unix_none(l);
		return 0;
	}
	/* A struct written by hand may lack the NUL. */
	l->path[IOSAFE_UNIX_PATH_MAX - 1] = 0;
	if (l->path[0] != 0)
		rc = iosafe_unix_unlink_same(l->path, l->dev, l->ino);
	r = close(raw);
	e = r < 0 ? errno : 0;
	iosafe_unix_none(l);
	/* Released whatever close(2) says (close(2) NOTES); unlink's error
	 * first. */
	if (rc == 0 && r < 0)
		rc = -e;
	return rc;
}

void iosafe_unix_listener_drop(iosafe_unix_listener *l)
{
	int saved = errno;

	(void)iosafe_unix_listener_close(l);
	errno = saved;
}

int iosafe_unix_connect(iosafe_owned_fd *out, const char *path, int type)
{
	union iosafe_unix_addr a;
	socklen_t alen;
	size_t len;
	int raw, rc;

	if (out == NULL)
		return -EINVAL;
	out->raw = IOSAFE_RAW_NONE;
	if (path == NULL)
		return -EINVAL;
	len = iosafe_unix_strlen(path, IOSAFE_UNIX_PATH_MAX);
	if (len == 0)
		return -EINVAL;
	if (len >= IOSAFE_UNIX_PATH_MAX)
		return -ENAMETOOLONG;
	alen = iosafe_unix_addr_path(&a, path, len);
	raw = socket(AF_UNIX, type | SOCK_CLOEXEC, 0);
	if (raw < 0)
		return -errno;
	if (connect(raw, &a.sa, alen) < 0) {
		rc = -errno;
		(void)close(raw);
		return rc;
	}
	out->raw = raw;
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_net_unix.c: include/iosafe/net_unix.h, src/net_unix.c.
 * Real sockets in a fresh temporary directory: listeners bound at paths of
 * 107, 108 and 109 bytes, a stale socket file, a regular file, a directory
 * and a live server at the path, a path replaced before close, missing
 * parents, EMFILE under a lowered RLIMIT_NOFILE, abstract addresses.
 * NOLEAK_TEST compares the descriptor table after each test (helpers.h).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

#define GARBAGE 4242

static iosafe_borrowed_fd LB(const iosafe_unix_listener *l)
{
	return iosafe_fd_borrow(&l->fd);
}

static bool exists_as(const char *path, mode_t type)
{
	struct stat st;

	return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == type;
}

static bool gone(const char *path)
{
	struct stat st;

	return lstat(path, &st) < 0 && errno == ENOENT;
}

/* A socket file nobody listens on: bound, then its socket closed. */
static void make_stale(const char *path)
{
	struct sockaddr_un a;
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	cr_assert_geq(s, 0);
	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", path);
	cr_assert_eq(bind(s, (struct sockaddr *)&a, sizeof(a)), 0, "%s", strerror(errno));
	close(s);
	cr_assert(exists_as(path, S_IFSOCK));
}

/* One connect, accept and byte each way through @l at @path. */
static void talk(const iosafe_unix_listener *l, const char *path)
{
	iosafe_owned_fd c = { GARBAGE }, s = IOSAFE_FD_NONE;
	char b = 0;

	cr_assert_eq(iosafe_unix_connect(&c, path, SOCK_STREAM), 0);
	cr_assert(fd_is_cloexec(c.raw));
	cr_assert_eq(iosafe_accept(&s, LB(l), NULL, NULL, 0), 0);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&c), "x", 1), 1);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&s), &b, 1), 1);
	cr_assert_eq(b, 'x');
	cr_assert_eq(iosafe_fd_close(&s), 0);
	cr_assert_eq(iosafe_fd_close(&c), 0);
	/* Accepted connections unlink nothing. */
	cr_assert(exists_as(path, S_IFSOCK));
}

NOLEAK_TEST(net_unix, listen_connect_close_unlinks)
{
	char dir[64], path[128];
	iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
	struct stat st;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/sock", dir);
	cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_STREAM, 8, 0700, 0600, 0), 0);
	cr_assert(fd_is_cloexec(l.fd.raw));
	cr_assert_str_eq(l.path, path);
	cr_assert_eq(lstat(path, &st), 0);
	cr_assert(S_ISSOCK(st.st_mode));
	cr_assert_eq(st.st_mode & 07777, 0600, "mode %o", st.st_mode & 07777);
	cr_assert_eq(st.st_dev, l.dev);
	cr_assert_eq(st.st_ino, l.ino);
	talk(&l, path);
	cr_assert_eq(iosafe_unix_listener_close(&l), 0);
	cr_assert(iosafe_fd_is_none(&l.fd));
	cr_assert_eq(l.path[0], 0);
	cr_assert(gone(path));
	/* Closing none again does nothing. */
	cr_assert_eq(iosafe_unix_listener_close(&l), 0);
	cr_assert_eq(rmdir(dir), 0);
}

/* A path of exactly @n bytes in @dir: dir + "/" + 'a' x (n - len - 1). */
static void path_of(char *out, const char *dir, size_t n)
{
	size_t d = strlen(dir);

	cr_assert_lt(d + 2, n);
	memcpy(out, dir, d);
	out[d] = '/';
	memset(out + d + 1, 'a', n - d - 1);
	out[n] = 0;
}

NOLEAK_TEST(net_unix, path_of_107_bytes_fits_108_and_109_do_not)
{
	char dir[64], path[200];
	iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
	iosafe_owned_fd c = { GARBAGE };

	temp_dir(dir);
	path_of(path, dir, 107);
	cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_STREAM, 1, 0700, 0600, 0), 0);
	talk(&l, path);
	cr_assert_eq(iosafe_unix_listener_close(&l), 0);
	cr_assert(gone(path));
	for (size_t n = 108; n <= 109; n++) {
		path_of(path, dir, n);
		l.fd.raw = GARBAGE;
		cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_STREAM, 1, 0700, 0600, 0),
			     -ENAMETOOLONG);
		cr_assert(iosafe_fd_is_none(&l.fd));
		cr_assert_eq(l.path[0], 0);
		cr_assert(gone(path));
		c.raw = GARBAGE;
		cr_assert_eq(iosafe_unix_connect(&c, path, SOCK_STREAM), -ENAMETOOLONG);
		cr_assert(iosafe_fd_is_none(&c));
	}
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(net_unix, stale_socket_removed_only_when_asked)
{
	char dir[64], path[128];
	iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/sock", dir);
	make_stale(path);
	cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_STREAM, 1, 0700, 0600, 0), -EADDRINUSE);
	cr_assert(iosafe_fd_is_none(&l.fd));
	cr_assert(exists_as(path, S_IFSOCK));
	cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_STREAM, 1, 0700, 0600,
					IOSAFE_UNIX_REMOVE_STALE), 0);
	talk(&l, path);
	cr_assert_eq(iosafe_unix_listener_close(&l), 0);
	cr_assert(gone(path));
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(net_unix, regular_file_and_directory_never_removed)
{
	char dir[64], path[128];
	iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
	int fd;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/file", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, "keep", 4), 4);
	close(fd);
	cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_STREAM, 1, 0700, 0600,
					IOSAFE_UNIX_REMOVE_STALE), -EADDRINUSE);
	cr_assert(iosafe_fd_is_none(&l.fd));
	cr_assert(exists_as(path, S_IFREG));
	cr_assert_eq(unlink(path), 0);

	snprintf(path, sizeof(path), "%s/dir", dir);
	cr_assert_eq(mkdir(path, 0700), 0);
	cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_STREAM, 1, 0700, 0600,
					IOSAFE_UNIX_REMOVE_STALE), -EADDRINUSE);
	cr_assert(iosafe_fd_is_none(&l.fd));
	cr_assert(exists_as(path, S_IFDIR));
	cr_assert_eq(rmdir(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(net_unix, live_server_gives_eaddrinuse_and_keeps_serving)
{
	char dir[64], path[128];
	iosafe_unix_listener a = IOSAFE_UNIX_LISTENER_NONE, b = IOSAFE_UNIX_LISTENER_NONE;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/sock", dir);
	cr_assert_eq(iosafe_unix_listen(&a, path, SOCK_STREAM, 4, 0700, 0600, 0), 0);
	cr_assert_eq(iosafe_unix_listen(&b, path, SOCK_STREAM, 4, 0700, 0600,
					IOSAFE_UNIX_REMOVE_STALE), -EADDRINUSE);
	cr_assert(iosafe_fd_is_none(&b.fd));
	/* The probe's connection is still queued on a; a serves on. */
	{
		iosafe_owned_fd probe = IOSAFE_FD_NONE;
		cr_assert_eq(iosafe_accept(&probe, LB(&a), NULL, NULL, 0), 0);
		cr_assert_eq(iosafe_fd_close(&probe), 0);
	}
	talk(&a, path);
	cr_assert_eq(iosafe_unix_listener_close(&a), 0);
	cr_assert(gone(path));
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(net_unix, close_leaves_a_path_bound_again_by_another)
{
	char dir[64], path[128];
	iosafe_unix_listener a = IOSAFE_UNIX_LISTENER_NONE, b = IOSAFE_UNIX_LISTENER_NONE;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/sock", dir);
	cr_assert_eq(iosafe_unix_listen(&a, path, SOCK_STREAM, 1, 0700, 0600, 0), 0);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(iosafe_unix_listen(&b, path, SOCK_STREAM, 1, 0700, 0600, 0), 0);
	cr_assert_eq(iosafe_unix_listener_close(&a), 0);
	cr_assert(exists_as(path, S_IFSOCK), "closing a removed b's socket file");
	talk(&b, path);
	cr_assert_eq(iosafe_unix_listener_close(&b), 0);
	cr_assert(gone(path));
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(net_unix, mkdir_parents_creates_missing_ones_only)
{
	char dir[64], path[128], p1[128], p2[128];
	iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
	struct stat st;

	umask(022);
	temp_dir(dir);
	snprintf(p1, sizeof(p1), "%s/a", dir);
	snprintf(p2, sizeof(p2), "%s/a/b", dir);
	snprintf(path, sizeof(path), "%s/a/b/sock", dir);
	cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_STREAM, 1, 0750, 0660, 0), -ENOENT);
	cr_assert(iosafe_fd_is_none(&l.fd));
	cr_assert(gone(p1));
	cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_STREAM, 1, 0750, 0660,
					IOSAFE_UNIX_MKDIR_PARENTS), 0);
	cr_assert_eq(stat(p1, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0750, "mode %o", st.st_mode & 07777);
	cr_assert_eq(stat(p2, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0750);
	/* The existing parent keeps its mode (temp_dir: 0700). */
	cr_assert_eq(stat(dir, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0700);
	cr_assert_eq(lstat(path, &st), 0);
	cr_assert_eq(st.st_mode & 07777, 0660);
	talk(&l, path);
	cr_assert_eq(iosafe_unix_listener_close(&l), 0);
	cr_assert(gone(path));
	cr_assert_eq(rmdir(p2), 0);
	cr_assert_eq(rmdir(p1), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(net_unix, emfile_leaves_nothing)
{
	char dir[64], path[128];
	iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE, srv = IOSAFE_UNIX_LISTENER_NONE;
	iosafe_owned_fd c = { GARBAGE };
	struct fd_filler f;
	int rc;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/sock", dir);
	fd_table_fill(&f, 0);
	l.fd.raw = GARBAGE;
	rc = iosafe_unix_listen(&l, path, SOCK_STREAM, 1, 0700, 0600, IOSAFE_UNIX_REMOVE_STALE);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&l.fd));
	cr_assert(gone(path));
	/* A stale socket with one free number: the probe is made with the
	 * first socket closed, so one number is enough. */
	make_stale(path);
	fd_table_fill(&f, 1);
	rc = iosafe_unix_listen(&l, path, SOCK_STREAM, 1, 0700, 0600, IOSAFE_UNIX_REMOVE_STALE);
	fd_table_unfill(&f);
	cr_assert_eq(rc, 0, "rc %d (%s)", rc, strerror(-rc));
	cr_assert_eq(iosafe_unix_listener_close(&l), 0);
	cr_assert(gone(path));
	/* connect under EMFILE. */
	cr_assert_eq(iosafe_unix_listen(&srv, path, SOCK_STREAM, 1, 0700, 0600, 0), 0);
	fd_table_fill(&f, 0);
	rc = iosafe_unix_connect(&c, path, SOCK_STREAM);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&c));
	cr_assert_eq(iosafe_unix_listener_close(&srv), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(net_unix, bad_arguments)
{
	iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
	iosafe_owned_fd c = { GARBAGE };

	cr_assert_eq(iosafe_unix_listen(NULL, "/tmp/x", SOCK_STREAM, 1, 0700, 0600, 0), -EINVAL);
	l.fd.raw = GARBAGE;
	cr_assert_eq(iosafe_unix_listen(&l, NULL, SOCK_STREAM, 1, 0700, 0600, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&l.fd));
	cr_assert_eq(iosafe_unix_listen(&l, "", SOCK_STREAM, 1, 0700, 0600, 0), -EINVAL);
	cr_assert_eq(iosafe_unix_listen(&l, "/tmp/x", SOCK_STREAM, 1, 0700, 0600, 0x100), -EINVAL);
	cr_assert_eq(iosafe_unix_listener_close(NULL), -EINVAL);
	cr_assert_eq(iosafe_unix_connect(NULL, "/tmp/x", SOCK_STREAM), -EINVAL);
	cr_assert_eq(iosafe_unix_connect(&c, NULL, SOCK_STREAM), -EINVAL);
	cr_assert(iosafe_fd_is_none(&c));
	c.raw = GARBAGE;
	cr_assert_eq(iosafe_unix_connect(&c, "", SOCK_STREAM), -EINVAL);
	cr_assert(iosafe_fd_is_none(&c));
	cr_assert_eq(iosafe_unix_listen_abstract(NULL, "x", 1, SOCK_STREAM, 1), -EINVAL);
	cr_assert_eq(iosafe_unix_listen_abstract(&l, NULL, 1, SOCK_STREAM, 1), -EINVAL);
	cr_assert_eq(iosafe_unix_listen_abstract(&l, "x", 108, SOCK_STREAM, 1), -ENAMETOOLONG);
	cr_assert(iosafe_fd_is_none(&l.fd));
}

NOLEAK_TEST(net_unix, connect_to_nothing_and_to_a_stale_file)
{
	char dir[64], path[128];
	iosafe_owned_fd c = { GARBAGE };

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/sock", dir);
	cr_assert_eq(iosafe_unix_connect(&c, path, SOCK_STREAM), -ENOENT);
	cr_assert(iosafe_fd_is_none(&c));
	make_stale(path);
	c.raw = GARBAGE;
	cr_assert_eq(iosafe_unix_connect(&c, path, SOCK_STREAM), -ECONNREFUSED);
	cr_assert(iosafe_fd_is_none(&c));
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(net_unix, abstract_listener_unlinks_nothing)
{
	iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
	iosafe_owned_fd c = IOSAFE_FD_NONE, s = IOSAFE_FD_NONE;
	struct sockaddr_un a;
	socklen_t alen;
	char name[64];
	int n = snprintf(name, sizeof(name), "iosafe-test-%d", (int)getpid());

	cr_assert_eq(iosafe_unix_listen_abstract(&l, name, (size_t)n, SOCK_STREAM, 1), 0);
	cr_assert(fd_is_cloexec(l.fd.raw));
	cr_assert_eq(l.path[0], 0);
	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	memcpy(a.sun_path + 1, name, (size_t)n);
	alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + (size_t)n);
	cr_assert_eq(iosafe_socket(&c, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert_eq(iosafe_connect(iosafe_fd_borrow(&c), (struct sockaddr *)&a, alen), 0);
	cr_assert_eq(iosafe_accept(&s, LB(&l), NULL, NULL, 0), 0);
	cr_assert_eq(iosafe_fd_close(&s), 0);
	cr_assert_eq(iosafe_fd_close(&c), 0);
	{
		iosafe_unix_listener again = IOSAFE_UNIX_LISTENER_NONE;
		cr_assert_eq(iosafe_unix_listen_abstract(&again, name, (size_t)n, SOCK_STREAM, 1),
			     -EADDRINUSE);
		cr_assert(iosafe_fd_is_none(&again.fd));
	}
	cr_assert_eq(iosafe_unix_listener_close(&l), 0);
	/* Autobind: the kernel picks a name. */
	cr_assert_eq(iosafe_unix_listen_abstract(&l, NULL, 0, SOCK_STREAM, 1), 0);
	alen = sizeof(a);
	cr_assert_eq(getsockname(l.fd.raw, (struct sockaddr *)&a, &alen), 0);
	cr_assert_gt(alen, offsetof(struct sockaddr_un, sun_path) + 1);
	cr_assert_eq(a.sun_path[0], 0);
	cr_assert_eq(iosafe_unix_listener_close(&l), 0);
}

NOLEAK_TEST(net_unix, auto_listener_and_drop_release_at_scope_exit)
{
	char dir[64], path[128];

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/sock", dir);
	{
		iosafe_auto_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
		cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_SEQPACKET, 1, 0700, 0600, 0), 0);
		cr_assert(exists_as(path, S_IFSOCK));
	}
	cr_assert(gone(path));
	{
		iosafe_unix_listener l = IOSAFE_UNIX_LISTENER_NONE;
		cr_assert_eq(iosafe_unix_listen(&l, path, SOCK_DGRAM, 1, 0700, 0600, 0), 0);
		errno = 1234;
		iosafe_unix_listener_drop(&l);
		cr_assert_eq(errno, 1234);
		cr_assert(iosafe_fd_is_none(&l.fd));
	}
	cr_assert(gone(path));
	cr_assert_eq(rmdir(dir), 0);
}

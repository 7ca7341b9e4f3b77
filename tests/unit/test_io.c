/* SPDX-License-Identifier: MIT */
/*
 * tests/unit/test_io.c: include/iosafe/io.h (its bodies, inlined here at -O2;
 * the library's symbols are run by tests/headers/inlined.c).
 * open, openat (with iosafe_cwd()), socket, accept, pipe, read, write: their
 * success and error paths on real descriptors, and close-on-exec on every
 * descriptor they create.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <iosafe/iosafe.h>

#include "helpers.h"

/* An owner that holds a number which must be overwritten, never closed:
 * the functions document that *out is set to none on failure. */
#define GARBAGE_OWNER { 4242 }

static mode_t current_umask(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

static void assert_owned_cloexec(const iosafe_owned_fd *fd)
{
	cr_assert_geq(fd->raw, 0);
	cr_assert(fd_is_open(fd->raw));
	cr_assert(fd_is_cloexec(fd->raw), "fd %d is not close-on-exec", fd->raw);
}

/* ---- open ------------------------------------------------------------ */

NOLEAK_TEST(io, open_succeeds_cloexec_without_asking)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;

	cr_assert_eq(iosafe_open(&fd, "/dev/null", O_RDWR, 0), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&fd), "x", 1), 1);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(io, open_creates_with_mode)
{
	char dir[64], path[128];
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	struct stat st;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/new", dir);
	cr_assert_eq(iosafe_open(&fd, path, O_WRONLY | O_CREAT | O_EXCL, 0640), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(fstat(fd.raw, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0640 & ~current_umask());
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	/* O_EXCL on an existing file: -EEXIST, none. */
	fd.raw = 4242;
	cr_assert_eq(iosafe_open(&fd, path, O_WRONLY | O_CREAT | O_EXCL, 0640), -EEXIST);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(io, open_tmpfile)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	char buf[5] = { 0 };
	int rc = iosafe_open(&fd, "/tmp", O_TMPFILE | O_RDWR, 0600);

	if (rc == -EOPNOTSUPP || rc == -EISDIR)
		cr_skip_test("O_TMPFILE is not supported on /tmp here (%s)", strerror(-rc));
	cr_assert_eq(rc, 0, "rc %d (%s)", rc, strerror(-rc));
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&fd), "temp", 4), 4);
	cr_assert_eq(pread(fd.raw, buf, 4, 0), 4);
	cr_assert_str_eq(buf, "temp");
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(io, open_enoent_leaves_none)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;

	cr_assert_eq(iosafe_open(&fd, "/nonexistent/iosafe/file", O_RDONLY, 0), -ENOENT);
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(io, open_eisdir)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;

	cr_assert_eq(iosafe_open(&fd, "/", O_WRONLY, 0), -EISDIR);
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(io, open_eacces)
{
	char path[64];
	iosafe_owned_fd fd = GARBAGE_OWNER;
	int rc;

	/* Root reads nobody's way through mode 0600; a normal user needs mode 0
	 * on its own file. */
	temp_file(path, geteuid() == 0 ? 0600 : 0);
	if (!unprivileged_begin()) {
		unlink(path);
		cr_skip_test("cannot switch to uid 65534 to see EACCES: %s", strerror(errno));
	}
	rc = iosafe_open(&fd, path, O_RDONLY, 0);
	unprivileged_end();
	unlink(path);
	cr_assert_eq(rc, -EACCES, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(io, open_emfile)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_open(&fd, "/dev/null", O_RDONLY, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(io, open_null_arguments_are_einval)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;

	cr_assert_eq(iosafe_open(NULL, "/dev/null", O_RDONLY, 0), -EINVAL);
	cr_assert_eq(iosafe_open(&fd, NULL, O_RDONLY, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd), "out is none even for a NULL path");
}

/* ---- openat ----------------------------------------------------------- */

NOLEAK_TEST(io, openat_relative_to_a_directory)
{
	char dir[64], path[128];
	iosafe_owned_fd d = IOSAFE_FD_NONE, fd = IOSAFE_FD_NONE;

	temp_dir(dir);
	snprintf(path, sizeof(path), "%s/f", dir);
	cr_assert_eq(iosafe_open(&d, dir, O_RDONLY | O_DIRECTORY, 0), 0);
	assert_owned_cloexec(&d);
	cr_assert_eq(iosafe_openat(&fd, iosafe_fd_borrow(&d), "f", O_RDWR | O_CREAT, 0600), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(access(path, F_OK), 0, "created inside the directory");
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	/* An absolute path ignores the directory, even a none one. */
	cr_assert_eq(iosafe_openat(&fd, iosafe_fd_borrow_raw(-1), "/dev/null", O_RDONLY, 0), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	cr_assert_eq(iosafe_fd_close(&d), 0);
	cr_assert_eq(unlink(path), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(io, openat_cwd)
{
	char dir[64], old[PATH_MAX];
	iosafe_owned_fd fd = IOSAFE_FD_NONE;

	cr_assert_eq(iosafe_fd_raw(iosafe_cwd()), AT_FDCWD);
	temp_dir(dir);
	cr_assert_not_null(getcwd(old, sizeof(old)));
	cr_assert_eq(chdir(dir), 0);
	cr_assert_eq(iosafe_openat(&fd, iosafe_cwd(), "here", O_WRONLY | O_CREAT, 0600), 0);
	assert_owned_cloexec(&fd);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
	cr_assert_eq(iosafe_openat(&fd, iosafe_cwd(), "missing", O_RDONLY, 0), -ENOENT);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(unlink("here"), 0);
	cr_assert_eq(chdir(old), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(io, openat_none_or_closed_dir_is_ebadf)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;

	cr_assert_eq(iosafe_openat(&fd, iosafe_fd_borrow_raw(-1), "rel", O_RDONLY, 0), -EBADF);
	cr_assert(iosafe_fd_is_none(&fd));
	fd.raw = 4242;
	cr_assert_eq(iosafe_openat(&fd, iosafe_fd_borrow_raw(fd_not_open()), "rel", O_RDONLY, 0),
		     -EBADF);
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(io, openat_file_as_dir_is_enotdir)
{
	iosafe_owned_fd file = IOSAFE_FD_NONE, fd = GARBAGE_OWNER;

	cr_assert_eq(iosafe_open(&file, "/dev/null", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_openat(&fd, iosafe_fd_borrow(&file), "x", O_RDONLY, 0), -ENOTDIR);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_fd_close(&file), 0);
}

NOLEAK_TEST(io, openat_enoent)
{
	char dir[64];
	iosafe_owned_fd d = IOSAFE_FD_NONE, fd = GARBAGE_OWNER;

	temp_dir(dir);
	cr_assert_eq(iosafe_open(&d, dir, O_RDONLY | O_DIRECTORY, 0), 0);
	cr_assert_eq(iosafe_openat(&fd, iosafe_fd_borrow(&d), "nope", O_RDONLY, 0), -ENOENT);
	cr_assert(iosafe_fd_is_none(&fd));
	cr_assert_eq(iosafe_fd_close(&d), 0);
	cr_assert_eq(rmdir(dir), 0);
}

NOLEAK_TEST(io, openat_eacces)
{
	char path[64];
	const char *base;
	iosafe_owned_fd d = IOSAFE_FD_NONE, fd = GARBAGE_OWNER;
	int rc;

	temp_file(path, geteuid() == 0 ? 0600 : 0);
	base = strrchr(path, '/') + 1;
	*strrchr(path, '/') = '\0';
	cr_assert_eq(iosafe_open(&d, path, O_RDONLY | O_DIRECTORY, 0), 0);
	path[strlen(path)] = '/';
	if (!unprivileged_begin()) {
		unlink(path);
		iosafe_fd_drop(&d);
		cr_skip_test("cannot switch to uid 65534 to see EACCES: %s", strerror(errno));
	}
	rc = iosafe_openat(&fd, iosafe_fd_borrow(&d), base, O_RDONLY, 0);
	unprivileged_end();
	unlink(path);
	cr_assert_eq(iosafe_fd_close(&d), 0);
	cr_assert_eq(rc, -EACCES, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(io, openat_emfile)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_openat(&fd, iosafe_cwd(), "/dev/null", O_RDONLY, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE);
	cr_assert(iosafe_fd_is_none(&fd));
}

NOLEAK_TEST(io, openat_null_arguments_are_einval)
{
	iosafe_owned_fd fd = GARBAGE_OWNER;

	cr_assert_eq(iosafe_openat(NULL, iosafe_cwd(), "/dev/null", O_RDONLY, 0), -EINVAL);
	cr_assert_eq(iosafe_openat(&fd, iosafe_cwd(), NULL, O_RDONLY, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&fd));
}

/* ---- socket ---------------------------------------------------------- */

NOLEAK_TEST(io, socket_succeeds_cloexec)
{
	iosafe_owned_fd s = IOSAFE_FD_NONE;
	int type = 0;
	socklen_t len = sizeof(type);

	cr_assert_eq(iosafe_socket(&s, AF_UNIX, SOCK_STREAM, 0), 0);
	assert_owned_cloexec(&s);
	cr_assert_eq(getsockopt(s.raw, SOL_SOCKET, SO_TYPE, &type, &len), 0);
	cr_assert_eq(type, SOCK_STREAM);
	cr_assert_eq(iosafe_fd_close(&s), 0);
	/* Other type flags are kept alongside SOCK_CLOEXEC. */
	cr_assert_eq(iosafe_socket(&s, AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0), 0);
	assert_owned_cloexec(&s);
	cr_assert(fcntl(s.raw, F_GETFL) & O_NONBLOCK);
	cr_assert_eq(iosafe_fd_close(&s), 0);
}

NOLEAK_TEST(io, socket_bad_domain_or_type)
{
	iosafe_owned_fd s = GARBAGE_OWNER;

	cr_assert_eq(iosafe_socket(&s, 12345, SOCK_STREAM, 0), -EAFNOSUPPORT);
	cr_assert(iosafe_fd_is_none(&s));
	s.raw = 4242;
	cr_assert_eq(iosafe_socket(&s, AF_UNIX, 12345, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&s));
}

NOLEAK_TEST(io, socket_emfile)
{
	iosafe_owned_fd s = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_socket(&s, AF_UNIX, SOCK_STREAM, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE);
	cr_assert(iosafe_fd_is_none(&s));
}

NOLEAK_TEST(io, socket_null_out_is_einval)
{
	cr_assert_eq(iosafe_socket(NULL, AF_UNIX, SOCK_STREAM, 0), -EINVAL);
}

/* ---- accept ---------------------------------------------------------- */

/* A listening Unix socket, autobound to an abstract address (unix(7),
 * "Autobind feature"), so nothing is left on the filesystem. */
static void listener(iosafe_owned_fd *l, int type_flags, struct sockaddr_un *addr,
		     socklen_t *addrlen)
{
	/* Only sun_family is passed (addrlen == sizeof(sa_family_t)); the
	 * rest is zeroed because valgrind reads sun_path as a string anyway. */
	struct sockaddr_un bind_addr = { .sun_family = AF_UNIX };

	cr_assert_eq(iosafe_socket(l, AF_UNIX, SOCK_STREAM | type_flags, 0), 0);
	cr_assert_eq(bind(l->raw, (const struct sockaddr *)&bind_addr, sizeof(sa_family_t)), 0,
		     "autobind: %s", strerror(errno));
	cr_assert_eq(listen(l->raw, 4), 0);
	*addrlen = sizeof(*addr);
	cr_assert_eq(getsockname(l->raw, (struct sockaddr *)addr, addrlen), 0);
}

static void connect_to(iosafe_owned_fd *c, const struct sockaddr_un *addr, socklen_t addrlen)
{
	cr_assert_eq(iosafe_socket(c, AF_UNIX, SOCK_STREAM, 0), 0);
	cr_assert_eq(connect(c->raw, (const struct sockaddr *)addr, addrlen), 0,
		     "connect: %s", strerror(errno));
}

NOLEAK_TEST(io, accept_succeeds_cloexec_and_fills_the_address)
{
	iosafe_owned_fd l = IOSAFE_FD_NONE, c = IOSAFE_FD_NONE, a = IOSAFE_FD_NONE;
	struct sockaddr_un addr, peer;
	socklen_t addrlen, peerlen = sizeof(peer);
	char buf[4] = { 0 };

	listener(&l, 0, &addr, &addrlen);
	connect_to(&c, &addr, addrlen);
	memset(&peer, 0xff, sizeof(peer));
	cr_assert_eq(iosafe_accept(&a, iosafe_fd_borrow(&l), (struct sockaddr *)&peer, &peerlen, 0),
		     0);
	assert_owned_cloexec(&a);
	cr_assert_eq(peer.sun_family, AF_UNIX);
	cr_assert_leq(peerlen, sizeof(peer));
	/* The accepted socket talks to the client. */
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&c), "hi", 2), 2);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&a), buf, sizeof(buf)), 2);
	cr_assert_str_eq(buf, "hi");
	cr_assert_eq(iosafe_fd_close(&a), 0);

	/* NULL address, and a flag (SOCK_NONBLOCK) kept beside SOCK_CLOEXEC. */
	iosafe_fd_drop(&c);
	connect_to(&c, &addr, addrlen);
	cr_assert_eq(iosafe_accept(&a, iosafe_fd_borrow(&l), NULL, NULL, SOCK_NONBLOCK), 0);
	assert_owned_cloexec(&a);
	cr_assert(fcntl(a.raw, F_GETFL) & O_NONBLOCK);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&a), buf, 1), -EAGAIN);
	cr_assert_eq(iosafe_fd_close(&a), 0);
	cr_assert_eq(iosafe_fd_close(&c), 0);
	cr_assert_eq(iosafe_fd_close(&l), 0);
}

NOLEAK_TEST(io, accept_without_a_connection_on_a_nonblocking_listener_is_eagain)
{
	iosafe_owned_fd l = IOSAFE_FD_NONE, a = GARBAGE_OWNER;
	struct sockaddr_un addr;
	socklen_t addrlen;

	listener(&l, SOCK_NONBLOCK, &addr, &addrlen);
	cr_assert_eq(iosafe_accept(&a, iosafe_fd_borrow(&l), NULL, NULL, 0), -EAGAIN);
	cr_assert(iosafe_fd_is_none(&a));
	cr_assert_eq(iosafe_fd_close(&l), 0);
}

NOLEAK_TEST(io, accept_ebadf_enotsock_einval)
{
	iosafe_owned_fd a = GARBAGE_OWNER, file = IOSAFE_FD_NONE, s = IOSAFE_FD_NONE;

	cr_assert_eq(iosafe_accept(&a, iosafe_fd_borrow_raw(-1), NULL, NULL, 0), -EBADF);
	cr_assert(iosafe_fd_is_none(&a));
	a.raw = 4242;
	cr_assert_eq(iosafe_accept(&a, iosafe_fd_borrow_raw(fd_not_open()), NULL, NULL, 0),
		     -EBADF);
	cr_assert(iosafe_fd_is_none(&a));

	cr_assert_eq(iosafe_open(&file, "/dev/null", O_RDONLY, 0), 0);
	a.raw = 4242;
	cr_assert_eq(iosafe_accept(&a, iosafe_fd_borrow(&file), NULL, NULL, 0), -ENOTSOCK);
	cr_assert(iosafe_fd_is_none(&a));

	/* A socket that is not listening. */
	cr_assert_eq(iosafe_socket(&s, AF_UNIX, SOCK_STREAM, 0), 0);
	a.raw = 4242;
	cr_assert_eq(iosafe_accept(&a, iosafe_fd_borrow(&s), NULL, NULL, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&a));
	/* Bad flags. */
	cr_assert_eq(iosafe_accept(&a, iosafe_fd_borrow(&s), NULL, NULL, 0x1000000), -EINVAL);
	cr_assert_eq(iosafe_fd_close(&s), 0);
	cr_assert_eq(iosafe_fd_close(&file), 0);
}

NOLEAK_TEST(io, accept_emfile_with_a_pending_connection)
{
	iosafe_owned_fd l = IOSAFE_FD_NONE, c = IOSAFE_FD_NONE, a = GARBAGE_OWNER;
	struct sockaddr_un addr;
	socklen_t addrlen;
	struct fd_filler f;
	int rc;

	/* Non-blocking listener: whatever happens to the pending connection,
	 * nothing here can wait for ever.  (The kernel keeps it queued after
	 * EMFILE; valgrind, which enforces the limit itself, takes it and
	 * closes it, so the test does not accept it again afterwards.) */
	listener(&l, SOCK_NONBLOCK, &addr, &addrlen);
	connect_to(&c, &addr, addrlen);
	fd_table_fill(&f, 0);
	rc = iosafe_accept(&a, iosafe_fd_borrow(&l), NULL, NULL, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE, "rc %d (%s)", rc, strerror(-rc));
	cr_assert(iosafe_fd_is_none(&a));
	cr_assert_eq(iosafe_fd_close(&c), 0);
	cr_assert_eq(iosafe_fd_close(&l), 0);
}

NOLEAK_TEST(io, accept_null_out_is_einval)
{
	iosafe_owned_fd l = IOSAFE_FD_NONE;
	struct sockaddr_un addr;
	socklen_t addrlen;

	listener(&l, SOCK_NONBLOCK, &addr, &addrlen);
	cr_assert_eq(iosafe_accept(NULL, iosafe_fd_borrow(&l), NULL, NULL, 0), -EINVAL);
	cr_assert_eq(iosafe_fd_close(&l), 0);
}

/* ---- pipe ------------------------------------------------------------ */

NOLEAK_TEST(io, pipe_succeeds_cloexec_and_carries_data)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	char buf[8] = { 0 };

	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	assert_owned_cloexec(&r);
	assert_owned_cloexec(&w);
	cr_assert_neq(r.raw, w.raw);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&w), "pipe", 4), 4);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&r), buf, sizeof(buf)), 4);
	cr_assert_str_eq(buf, "pipe");
	/* End of file once the write end is closed. */
	cr_assert_eq(iosafe_fd_close(&w), 0);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&r), buf, sizeof(buf)), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
}

NOLEAK_TEST(io, pipe_nonblock_flag_is_kept)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	char c;

	cr_assert_eq(iosafe_pipe(&r, &w, O_NONBLOCK), 0);
	assert_owned_cloexec(&r);
	assert_owned_cloexec(&w);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&r), &c, 1), -EAGAIN);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

NOLEAK_TEST(io, pipe_bad_arguments_are_einval)
{
	iosafe_owned_fd r = GARBAGE_OWNER, w = GARBAGE_OWNER;

	cr_assert_eq(iosafe_pipe(NULL, &w, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&w), "the other end is none on bad arguments too");
	r.raw = 4242;
	cr_assert_eq(iosafe_pipe(&r, NULL, 0), -EINVAL);
	cr_assert(iosafe_fd_is_none(&r), "the other end is none on bad arguments too");
	r.raw = 4242;
	cr_assert_eq(iosafe_pipe(&r, &r, 0), -EINVAL, "one owner for both ends");
	cr_assert(iosafe_fd_is_none(&r), "a shared owner is none on failure");
	r.raw = 4242;
	w.raw = 4242;
	cr_assert_eq(iosafe_pipe(&r, &w, O_RDWR | O_APPEND), -EINVAL, "flags pipe2 rejects");
	cr_assert(iosafe_fd_is_none(&r));
	cr_assert(iosafe_fd_is_none(&w));
}

NOLEAK_TEST(io, pipe_emfile_leaves_both_none)
{
	iosafe_owned_fd r = GARBAGE_OWNER, w = GARBAGE_OWNER;
	struct fd_filler f;
	int rc;

	fd_table_fill(&f, 0);
	rc = iosafe_pipe(&r, &w, 0);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE);
	cr_assert(iosafe_fd_is_none(&r));
	cr_assert(iosafe_fd_is_none(&w));
}

NOLEAK_TEST(io, pipe_emfile_with_one_free_number_leaks_nothing)
{
	/* pipe2 needs two numbers: with one free it fails, and must not
	 * leave half a pipe open. */
	iosafe_owned_fd r = GARBAGE_OWNER, w = GARBAGE_OWNER;
	struct fd_filler f;
	int rc, probe;

	fd_table_fill(&f, 1);
	rc = iosafe_pipe(&r, &w, 0);
	/* The one free number is still free. */
	probe = open("/dev/null", O_RDONLY | O_CLOEXEC);
	cr_assert_geq(probe, 0, "the free number was taken: %s", strerror(errno));
	close(probe);
	fd_table_unfill(&f);
	cr_assert_eq(rc, -EMFILE);
	cr_assert(iosafe_fd_is_none(&r));
	cr_assert(iosafe_fd_is_none(&w));
}

/* ---- read / write ---------------------------------------------------- */

NOLEAK_TEST(io, read_and_write_on_a_memfd)
{
	int mfd = memfd_create("iosafe-rw", MFD_CLOEXEC);
	iosafe_owned_fd fd;
	char buf[16] = { 0 };

	cr_assert_geq(mfd, 0);
	fd = iosafe_fd_from_raw(mfd);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&fd), "hello, iosafe", 13), 13);
	cr_assert_eq(lseek(mfd, 0, SEEK_SET), 0);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&fd), buf, 5), 5);
	cr_assert_str_eq(buf, "hello");
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&fd), buf, sizeof(buf)), 8);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&fd), buf, sizeof(buf)), 0, "end of file");
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&fd), buf, 0), 0);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&fd), buf, 0), 0);
	cr_assert_eq(iosafe_fd_close(&fd), 0);
}

NOLEAK_TEST(io, read_and_write_on_a_socketpair)
{
	int sv[2];
	char buf[8] = { 0 };

	cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow_raw(sv[0]), "ping", 4), 4);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow_raw(sv[1]), buf, sizeof(buf)), 4);
	cr_assert_str_eq(buf, "ping");
	close(sv[0]);
	close(sv[1]);
}

NOLEAK_TEST(io, read_write_none_or_closed_is_ebadf)
{
	char buf[4];
	int stale = fd_not_open();

	cr_assert_eq(iosafe_read(iosafe_fd_borrow_raw(-1), buf, 4), -EBADF);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow_raw(-1), "x", 1), -EBADF);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow_raw(stale), buf, 4), -EBADF);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow_raw(stale), "x", 1), -EBADF);
}

NOLEAK_TEST(io, read_write_wrong_direction_is_ebadf)
{
	iosafe_owned_fd ro = IOSAFE_FD_NONE, wo = IOSAFE_FD_NONE;
	char buf[4];

	cr_assert_eq(iosafe_open(&ro, "/dev/null", O_RDONLY, 0), 0);
	cr_assert_eq(iosafe_open(&wo, "/dev/null", O_WRONLY, 0), 0);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&ro), "x", 1), -EBADF);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&wo), buf, 4), -EBADF);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&ro), buf, 4), 0);
	cr_assert_eq(iosafe_fd_close(&ro), 0);
	cr_assert_eq(iosafe_fd_close(&wo), 0);
}

NOLEAK_TEST(io, read_directory_is_eisdir)
{
	iosafe_owned_fd d = IOSAFE_FD_NONE;
	char buf[4];

	cr_assert_eq(iosafe_open(&d, "/", O_RDONLY | O_DIRECTORY, 0), 0);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&d), buf, sizeof(buf)), -EISDIR);
	cr_assert_eq(iosafe_fd_close(&d), 0);
}

NOLEAK_TEST(io, write_to_dev_full_is_enospc)
{
	iosafe_owned_fd full = IOSAFE_FD_NONE;

	cr_assert_eq(iosafe_open(&full, "/dev/full", O_WRONLY, 0), 0);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&full), "x", 1), -ENOSPC);
	cr_assert_eq(iosafe_fd_close(&full), 0);
}

NOLEAK_TEST(io, write_to_a_pipe_without_reader_is_epipe)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;

	/* iosafe does not block SIGPIPE (io.h); the test ignores it, in its
	 * own worker process, to see the -EPIPE. */
	signal(SIGPIPE, SIG_IGN);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&w), "x", 1), -EPIPE);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

NOLEAK_TEST(io, write_nonblocking_full_pipe_is_eagain)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	static char block[65536];
	ssize_t n;
	int rounds = 0;

	cr_assert_eq(iosafe_pipe(&r, &w, O_NONBLOCK), 0);
	/* Bounded: a pipe holds at most /proc/sys/fs/pipe-max-size (1 MiB by
	 * default); 64 rounds of 64 KiB is four times that. */
	do {
		n = iosafe_write(iosafe_fd_borrow(&w), block, sizeof(block));
	} while (n > 0 && ++rounds < 64);
	cr_assert_eq(n, -EAGAIN);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

NOLEAK_TEST(io, read_write_bad_buffer_is_efault)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	void *unmapped;

	/* A real unmapped page (mmap, then munmap). */
	unmapped = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	cr_assert_neq(unmapped, MAP_FAILED);
	cr_assert_eq(munmap(unmapped, 4096), 0);
	cr_assert_eq(iosafe_pipe(&r, &w, 0), 0);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&w), "x", 1), 1);
	cr_assert_eq(iosafe_read(iosafe_fd_borrow(&r), unmapped, 1), -EFAULT);
	cr_assert_eq(iosafe_write(iosafe_fd_borrow(&w), unmapped, 1), -EFAULT);
	cr_assert_eq(iosafe_fd_close(&r), 0);
	cr_assert_eq(iosafe_fd_close(&w), 0);
}

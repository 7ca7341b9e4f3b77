/* SPDX-License-Identifier: MIT */
/*
 * proofs/clients/good_clients.c: client code written with iosafe, proved by
 * `make prove` from iosafe's contracts alone (include/iosafe/*.h), the way a
 * user proves their own code.  Every function is proved to leave the
 * process's descriptor table as it found it (iosafe_fd_table_same): nothing
 * leaked, nothing closed that it did not own, on every path, error paths
 * included.  Each has a faulty twin in bad_*.c whose proof must fail.
 */
#include <fcntl.h>
#include <iosafe/iosafe.h>

/* Open, borrow, clone, use both, close both; every error path. */
/*@
  requires valid_path: \valid_read(path);
  requires separated: \separated(path, &errno);
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
*/
int client_open_clone_close(const char *path)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE;
	iosafe_owned_fd b = IOSAFE_FD_NONE;
	char buf[16];
	ssize_t got;
	int err;

	err = iosafe_open(&a, path, O_RDONLY, 0);
	if (err < 0)
		return err;
	err = iosafe_fd_try_clone(iosafe_fd_borrow(&a), &b);
	if (err < 0) {
		iosafe_fd_drop(&a);
		return err;
	}
	got = iosafe_read(iosafe_fd_borrow(&b), buf, sizeof buf);
	if (got < 0) {
		iosafe_fd_drop(&b);
		iosafe_fd_drop(&a);
		return (int)got;
	}
	got = iosafe_read(iosafe_fd_borrow(&a), buf, sizeof buf);
	err = iosafe_fd_close(&b);
	if (err < 0) {
		iosafe_fd_drop(&a);
		return err;
	}
	/* An earlier draft ended with `return got < 0 ? (int)got :
	 * iosafe_fd_close(&a);`, which leaks a when the read fails: this very
	 * proof (table_same) caught it. */
	err = iosafe_fd_close(&a);
	return got < 0 ? (int)got : err;
}

/* Moves between owners: take, into_raw, from_raw, replace. */
/*@
  requires valid_path: \valid_read(path);
  requires separated: \separated(path, &errno);
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int client_moves(const char *path)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE;
	iosafe_owned_fd b;
	iosafe_owned_fd c;
	int raw;
	int err;

	err = iosafe_open(&a, path, O_RDONLY, 0);
	if (err < 0)
		return err;
	b = iosafe_fd_take(&a);          /* a none, b owns */
	raw = iosafe_fd_into_raw(&b);    /* b none, raw owns */
	c = iosafe_fd_from_raw(raw);     /* c owns */
	iosafe_fd_replace(&a, iosafe_fd_take(&c)); /* a owns again, c none */
	/*@ assert moved_out: b.raw < 0 && c.raw < 0; */
	return iosafe_fd_close(&a);
}

/* Replace drops what the destination held. */
/*@
  requires valid_path: \valid_read(path);
  requires separated: \separated(path, &errno);
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int client_replace(const char *path)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE;
	iosafe_owned_fd b = IOSAFE_FD_NONE;
	int err;

	err = iosafe_open(&a, path, O_RDONLY, 0);
	if (err < 0)
		return err;
	err = iosafe_open(&b, path, O_RDONLY, 0);
	if (err < 0) {
		iosafe_fd_drop(&a);
		return err;
	}
	iosafe_fd_replace(&a, iosafe_fd_take(&b)); /* closes a's first fd */
	iosafe_fd_drop(&b);                         /* none: a no-op */
	return iosafe_fd_close(&a);
}

/* A pipe: write one end, read the other, close both. */
/*@
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int client_pipe(void)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE;
	iosafe_owned_fd w = IOSAFE_FD_NONE;
	char byte = 'x';
	ssize_t n;
	int err;

	err = iosafe_pipe(&r, &w, 0);
	if (err < 0)
		return err;
	n = iosafe_write(iosafe_fd_borrow(&w), &byte, 1);
	if (n >= 0)
		n = iosafe_read(iosafe_fd_borrow(&r), &byte, 1);
	iosafe_fd_drop(&w);
	iosafe_fd_drop(&r);
	return n < 0 ? (int)n : 0;
}

/* Accept one connection on a borrowed listener, write to it, close it; the
 * listener stays open and owned by the caller. */
/*@
  requires listener_ok: iosafe_fd_borrow_ok(listener.raw);
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int client_accept(iosafe_borrowed_fd listener)
{
	iosafe_owned_fd conn = IOSAFE_FD_NONE;
	static const char msg[] = "hi\n";
	ssize_t n;
	int err;

	err = iosafe_accept(&conn, listener, NULL, NULL, 0);
	if (err < 0)
		return err;
	n = iosafe_write(iosafe_fd_borrow(&conn), msg, sizeof msg - 1);
	err = iosafe_fd_close(&conn);
	return n < 0 ? (int)n : err;
}

/* A socket, and a file opened relative to a borrowed directory. */
/*@
  requires dir_ok: iosafe_fd_borrow_ok(dir.raw);
  requires valid_path: \valid_read(path);
  requires separated: \separated(path, &errno);
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int client_socket_openat(iosafe_borrowed_fd dir, const char *path)
{
	iosafe_owned_fd s = IOSAFE_FD_NONE;
	iosafe_owned_fd f = IOSAFE_FD_NONE;
	int err;

	err = iosafe_socket(&s, AF_UNIX, SOCK_STREAM, 0);
	if (err < 0)
		return err;
	err = iosafe_openat(&f, dir, path, O_RDONLY, 0);
	if (err < 0) {
		iosafe_fd_drop(&s);
		return err;
	}
	iosafe_fd_drop(&f);
	return iosafe_fd_close(&s);
}

/* Writing to a borrowed standard stream never changes the table. */
/*@
  requires stdout_open: iosafe_fd_is_open(1);
  assigns errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int client_stdout(void)
{
	static const char msg[] = "ok\n";
	ssize_t n = iosafe_write(iosafe_stdout(), msg, sizeof msg - 1);

	return n < 0 ? (int)n : 0;
}

/*
 * The auto-fd pattern.  Frama-C 25 parses __attribute__((cleanup)) but does
 * not call the cleanup function at scope exit, so WP follows iosafe_auto_fd
 * only where the cleanup has nothing to do: every exit below first hands
 * the descriptor on or finds none, which the asserts `cleanup_noop` prove:
 * iosafe_fd_drop on none is a no-op (its contract), so the proof holds with
 * or without the cleanup call.
 */
/*@
  requires valid_path: \valid_read(path);
  requires separated: \separated(path, &errno);
  assigns errno, IOSAFE_FD_TABLE;
  ensures handed_on: \result >= 0 ==> iosafe_fd_acquired{Pre, Post}(\result);
  ensures failed: \result < 0 ==> iosafe_fd_table_same{Pre, Post};
*/
int client_auto_handoff(const char *path)
{
	iosafe_auto_fd fd = IOSAFE_FD_NONE;
	int err = iosafe_open(&fd, path, O_RDONLY, 0);

	if (err < 0) {
		/*@ assert cleanup_noop: fd.raw < 0; */
		return err;
	}
	err = iosafe_fd_into_raw(&fd);
	/*@ assert cleanup_noop: fd.raw < 0; */
	return err;
}

/* The same pattern where the cleanup closes: written out as GCC compiles
 * iosafe_auto_fd, with iosafe_fd_drop(&fd) at each scope exit. */
/*@
  requires valid_path: \valid_read(path);
  requires separated: \separated(path, &errno);
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int client_auto_desugared(const char *path)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE; /* iosafe_auto_fd fd = ...; */
	char buf[8];
	ssize_t n;
	int err = iosafe_open(&fd, path, O_RDONLY, 0);

	if (err < 0) {
		iosafe_fd_drop(&fd); /* cleanup */
		return err;
	}
	n = iosafe_read(iosafe_fd_borrow(&fd), buf, sizeof buf);
	iosafe_fd_drop(&fd); /* cleanup */
	return n < 0 ? (int)n : 0;
}

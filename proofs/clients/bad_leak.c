/* SPDX-License-Identifier: MIT */
/*
 * proofs/clients/bad_leak.c: FAULTY on purpose.  client_open_clone_close
 * from good_clients.c with one iosafe_fd_drop removed: the clone leaks when
 * the read fails.  `make prove` requires this proof to fail, at the
 * postcondition that the table is unchanged:
 *   expect-unproved: ^client_leak_ensures_table_same$
 */
#include <fcntl.h>
#include <iosafe/iosafe.h>

/*@
  requires valid_path: \valid_read(path);
  requires separated: \separated(path, &errno);
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int client_leak(const char *path)
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
		iosafe_fd_drop(&a); /* BUG: b is not closed on this path */
		return (int)got;
	}
	iosafe_fd_drop(&b);
	return iosafe_fd_close(&a);
}

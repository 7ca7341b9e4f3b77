/* SPDX-License-Identifier: MIT */
/*
 * proofs/clients/bad_use_after_close.c: FAULTY on purpose.  A borrow is
 * used after its owner closed the descriptor.  `make prove` requires this
 * proof to fail, at iosafe_read's precondition (a borrow must be open):
 *   expect-unproved: ^iosafe_read_requires_borrow_ok
 */
#include <fcntl.h>
#include <iosafe/iosafe.h>

/*@
  requires valid_path: \valid_read(path);
  requires separated: \separated(path, &errno);
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int client_use_after_close(const char *path)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE;
	iosafe_borrowed_fd b;
	char buf[16];
	ssize_t got;
	int err;

	err = iosafe_open(&a, path, O_RDONLY, 0);
	if (err < 0)
		return err;
	b = iosafe_fd_borrow(&a);
	err = iosafe_fd_close(&a);
	got = iosafe_read(b, buf, sizeof buf); /* BUG: b outlived its owner */
	return got < 0 ? (int)got : err;
}

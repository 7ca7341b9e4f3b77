/* SPDX-License-Identifier: MIT */
/*
 * proofs/clients/bad_use_after_move.c: FAULTY on purpose.  The owned fd is
 * moved into another owner (iosafe_fd_replace takes it by value), which
 * then closes it; the moved-from variable, still holding the number, is
 * used afterwards.  `make prove` requires this proof to fail, at
 * iosafe_fd_borrow's precondition (the owner must own what it holds):
 *   expect-unproved: ^iosafe_fd_borrow_requires_owner_ok
 */
#include <fcntl.h>
#include <iosafe/iosafe.h>

/*@
  requires valid_path: \valid_read(path);
  requires separated: \separated(path, &errno);
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
*/
int client_use_after_move(const char *path)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE;
	iosafe_owned_fd holder = IOSAFE_FD_NONE;
	static const char msg[] = "x";
	ssize_t n;
	int err;

	err = iosafe_open(&a, path, O_RDONLY, 0);
	if (err < 0)
		return err;
	iosafe_fd_replace(&holder, a); /* a moved into holder */
	iosafe_fd_drop(&holder);       /* the new owner closes it */
	n = iosafe_write(iosafe_fd_borrow(&a), msg, 1); /* BUG: a was moved */
	return n < 0 ? (int)n : 0;
}

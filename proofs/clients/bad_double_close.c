/* SPDX-License-Identifier: MIT */
/*
 * proofs/clients/bad_double_close.c: FAULTY on purpose.  The owned fd is
 * copied (a struct assignment, not iosafe_fd_take), so two owners hold one
 * descriptor and both close it.  `make prove` requires this proof to fail,
 * at the second close's precondition (the number must be owned: it is
 * already closed):
 *   expect-unproved: ^iosafe_fd_close_requires_owner_ok
 */
#include <fcntl.h>
#include <iosafe/iosafe.h>

/*@
  requires valid_path: \valid_read(path);
  requires separated: \separated(path, &errno);
  assigns errno, IOSAFE_FD_TABLE;
*/
int client_double_close(const char *path)
{
	iosafe_owned_fd a = IOSAFE_FD_NONE;
	iosafe_owned_fd b;
	int err;

	err = iosafe_open(&a, path, O_RDONLY, 0);
	if (err < 0)
		return err;
	b = a; /* BUG: a copy, not a move (iosafe_fd_take) */
	(void)iosafe_fd_close(&a);
	return iosafe_fd_close(&b);
}

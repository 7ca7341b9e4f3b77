/* SPDX-License-Identifier: MIT */
/*
 * proofs/win/clients/bad_double_close.c: FAULTY on purpose.  The owned
 * handle is copied (a struct assignment, not iosafe_handle_take), so two
 * owners hold one handle and both close it.  `make prove-win` requires the
 * proof to fail, at the second close's precondition (the handle must be
 * owned: it is already closed):
 *   expect-unproved: ^iosafe_handle_close_requires_owner_ok
 */
#include <iosafe/iosafe.h>

/*@
  requires borrow_ok: iosafe_handle_borrow_ok(b.raw);
  assigns iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
*/
int client_double_close(iosafe_borrowed_handle b)
{
	iosafe_owned_handle a = IOSAFE_HANDLE_NONE;
	iosafe_owned_handle copy;
	int err;

	err = iosafe_handle_try_clone(&a, b);
	if (err < 0)
		return err;
	copy = a; /* BUG: a copy, not a move (iosafe_handle_take) */
	(void)iosafe_handle_close(&a);
	return iosafe_handle_close(&copy);
}

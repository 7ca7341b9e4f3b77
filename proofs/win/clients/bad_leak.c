/* SPDX-License-Identifier: MIT */
/*
 * proofs/win/clients/bad_leak.c: FAULTY on purpose.  client_clone_close of
 * good_clients.c without its close: the clone is neither closed nor handed
 * on, on any path.  `make prove-win` requires the proof to fail, at the
 * postcondition that the table is unchanged:
 *   expect-unproved: ^client_leak_ensures_table_same$
 */
#include <iosafe/iosafe.h>

/*@
  requires borrow_ok: iosafe_handle_borrow_ok(b.raw);
  assigns iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures table_same: \result == 0 ==> iosafe_handle_table_same{Pre, Post};
*/
int client_leak(iosafe_borrowed_handle b)
{
	iosafe_owned_handle clone = IOSAFE_HANDLE_NONE;
	int err;

	err = iosafe_handle_try_clone(&clone, b);
	if (err < 0)
		return err;
	/* BUG: the clone is neither closed nor handed on */
	return iosafe_handle_set_inheritable(iosafe_handle_borrow(&clone), false);
}

/* SPDX-License-Identifier: MIT */
/*
 * proofs/win/clients/good_clients.c: client code written with the handle
 * core of <iosafe/win.h>, proved by `make prove-win` from its contracts
 * alone.  Each function is proved to leave the process's handle table as it
 * found it whenever it returns 0: nothing leaked, nothing closed that it did
 * not own.  (A non-zero result may leave one handle open: CloseHandle can
 * refuse a handle protected from close, and the model does not promise
 * more than Windows does.)  Each has a faulty twin in bad_*.c.
 */
#include <iosafe/iosafe.h>

/* Clone a borrowed handle, clear the clone's inherit flag, close the clone;
 * the error paths drop it. */
/*@
  requires borrow_ok: iosafe_handle_borrow_ok(b.raw);
  assigns iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures table_same: \result == 0 ==> iosafe_handle_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
*/
int client_clone_close(iosafe_borrowed_handle b)
{
	iosafe_owned_handle clone = IOSAFE_HANDLE_NONE;
	int err;

	err = iosafe_handle_try_clone(&clone, b);
	if (err < 0)
		return err;
	err = iosafe_handle_set_inheritable(iosafe_handle_borrow(&clone), false);
	if (err < 0) {
		iosafe_handle_drop(&clone);
		return err;
	}
	return iosafe_handle_close(&clone);
}

/* Moves: take, into_raw and from_raw hand one handle between owners, and the
 * last owner closes it. */
/*@
  requires borrow_ok: iosafe_handle_borrow_ok(b.raw);
  assigns iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures table_same: \result == 0 ==> iosafe_handle_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
*/
int client_moves(iosafe_borrowed_handle b)
{
	iosafe_owned_handle first = IOSAFE_HANDLE_NONE;
	iosafe_owned_handle second;
	HANDLE raw;
	int err;

	err = iosafe_handle_try_clone(&first, b);
	if (err < 0)
		return err;
	second = iosafe_handle_take(&first);
	raw = iosafe_handle_into_raw(&second);
	first = iosafe_handle_from_raw(raw);
	(void)iosafe_handle_close(&second); /* none: nothing */
	return iosafe_handle_close(&first);
}

/* The checked conversion of a HandleOrNull result: the owner it gives is
 * closed; on the sentinel there is nothing to close. */
/*@
  requires owner_ok: iosafe_handle_owner_ok(r.raw);
  assigns iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures table_changed_only_at_r: \result == 0 ==>
    iosafe_handle_table_same_except{Pre, Post}(r.raw);
  ensures result: \result == 0 || iosafe_neg_errno(\result);
*/
int client_from_null(iosafe_handle_or_null r)
{
	iosafe_owned_handle h = IOSAFE_HANDLE_NONE;
	int err;

	err = iosafe_handle_from_null(&h, r);
	if (err < 0)
		return err;
	return iosafe_handle_close(&h);
}

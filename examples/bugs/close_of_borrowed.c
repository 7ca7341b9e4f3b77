/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: close of borrowed fd.  A helper that receives a borrow of the
 * child's pipe end adopts its raw number as an owned fd (iosafe_fd_from_raw
 * takes ownership of its argument) and drops it, closing a descriptor it
 * does not own: the owner closes it again later, or worse, closes a
 * descriptor that by then belongs to someone else.
 */
#define _POSIX_C_SOURCE 200809L
#include <unistd.h>

#include <iosafe/iosafe.h>

static void finish_child_end(iosafe_borrowed_fd end)
{
	iosafe_owned_fd mine = iosafe_fd_from_raw(iosafe_fd_raw(end)); /* BUG: close of borrowed fd */
	iosafe_fd_drop(&mine);
}

int start_child(void)
{
	iosafe_owned_fd r = IOSAFE_FD_NONE, w = IOSAFE_FD_NONE;
	if (iosafe_pipe(&r, &w, 0) < 0)
		return -1;
	finish_child_end(iosafe_fd_borrow(&w));
	iosafe_fd_drop(&r);
	iosafe_fd_drop(&w);
	return 0;
}

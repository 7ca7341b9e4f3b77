/* SPDX-License-Identifier: MIT */
/*
 * Seeded bug: close of borrowed fd.  A helper that receives a borrow of the
 * child's pipe end adopts its raw number as an owned fd (iosafe_fd_from_raw
 * takes ownership of its argument) and closes it: the owner will close it
 * again.
 */
#define _POSIX_C_SOURCE 200809L
#include <unistd.h>

#include <iosafe/iosafe.h>

void finish_child_end(iosafe_borrowed_fd end)
{
	iosafe_owned_fd mine = iosafe_fd_from_raw(iosafe_fd_raw(end)); /* BUG: close of borrowed fd */
	iosafe_fd_drop(&mine);
}

/* SPDX-License-Identifier: MIT */
/*
 * tests/install/prog.c: a user's program, built against an installed iosafe
 * found through pkg-config (tests/install/check.sh).  It round-trips bytes
 * through an iosafe pipe and checks that both ends were closed.
 */
#define _POSIX_C_SOURCE 200809L
#include <iosafe/iosafe.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	int r_raw, w_raw;
	char buf[16] = { 0 };

	{
		iosafe_auto_fd r = IOSAFE_FD_NONE;
		iosafe_auto_fd w = IOSAFE_FD_NONE;

		if (iosafe_pipe(&r, &w, 0) != 0)
			return 1;
		if (iosafe_write(iosafe_fd_borrow(&w), "installed", 9) != 9)
			return 2;
		if (iosafe_read(iosafe_fd_borrow(&r), buf, sizeof(buf) - 1) != 9)
			return 3;
		r_raw = r.raw;
		w_raw = w.raw;
	}
	if (strcmp(buf, "installed") != 0)
		return 4;
	if (fcntl(r_raw, F_GETFD) != -1 || fcntl(w_raw, F_GETFD) != -1 || errno != EBADF)
		return 5;
	printf("iosafe %s: pipe round trip ok, both ends closed\n", IOSAFE_VERSION_STRING);
	return 0;
}

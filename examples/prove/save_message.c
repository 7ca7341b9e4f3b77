/* SPDX-License-Identifier: MIT */
/*
 * examples/prove/save_message.c: a user's function proved with iosafe-prove
 * (README.md, "Prove your own code").  It opens a file, writes a message and
 * closes the file, and its contract says that it leaves the process's
 * descriptor table as it found it on every path: nothing leaked, nothing
 * closed that it does not own.
 *
 *   iosafe-prove examples/prove/save_message.c                  # exit 0
 *   iosafe-prove examples/prove/save_message.c -- -DSEEDED_LEAK # exit 1:
 *       save_message.c:NN: save_message: not proved (postcondition): table_same
 *
 * With SEEDED_LEAK the error path of the write returns without closing the
 * file: the leak Clang's analyzer reports too, here refuted by the proof.
 */
#include <fcntl.h>
#include <string.h>

#include <iosafe/iosafe.h>

/*@
  requires valid_path: \valid_read(path);
  requires valid_msg: valid_read_string(msg);  // Frama-C libc's predicate (string.h)
  requires separated: \separated(path, &errno) && \separated(msg, &errno);
  assigns errno, IOSAFE_FD_TABLE;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
*/
int save_message(const char *path, const char *msg)
{
	iosafe_owned_fd fd = IOSAFE_FD_NONE;
	int err = iosafe_open(&fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (err < 0)
		return err;
	ssize_t n = iosafe_write(iosafe_fd_borrow(&fd), msg, strlen(msg));
	if (n < 0) {
#ifndef SEEDED_LEAK
		iosafe_fd_drop(&fd);
#endif
		return (int)n;
	}
	return iosafe_fd_close(&fd);
}

/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_stdio.h: the TRUSTED BASE of the proofs of src/stdio.c: the
 * stream calls it makes (fdopen, fileno, fclose, fdopendir), with contracts
 * in the descriptor-table model (iosafe_acsl.h) and the stream-descriptor
 * link (iosafe_acsl_stdio.h).  Assumed, not proved; each clause cites its
 * man page.  Read through the shims acsl/libc/stdio.h and dirent.h.
 *
 * FILE and DIR are opaque here (one model field each, never read by the
 * library's code): iosafe only passes pointers to them, so no layout is
 * checked against the system's.
 */
#ifndef IOSAFE_POSIX_STDIO_H
#define IOSAFE_POSIX_STDIO_H

#include "iosafe_posix_fs.h"

typedef struct iosafe_posix_file { int iosafe_model_fd; } FILE;
typedef struct iosafe_posix_dir { int iosafe_model_fd; } DIR;
#define EOF (-1)

#include "iosafe_acsl_stdio.h"

/*@
  // fdopen(3): the stream takes over fd ("The file descriptor is not
  // dup'ed, and will be closed when the stream created by fdopen() is
  // closed"): in the model fd stays owned, by the stream.
  requires fdopen_owned: iosafe_fd_is_owned(fd);
  requires fdopen_mode: \valid_read(mode);
  assigns errno;
  // fdopen(3) RETURN VALUE: "a FILE pointer", or NULL with errno set.
  ensures fdopen_result: \result == \null ||
    (\valid(\result) && iosafe_file_fd(\result) == fd);
  ensures fdopen_failed: \result == \null ==> iosafe_errno_set;
*/
FILE *fdopen(int fd, const char *mode);

/*@
  requires fileno_stream: \valid_read(stream);
  assigns errno;
  // fileno(3) RETURN VALUE: "the integer file descriptor associated with
  // stream", or -1 with errno set (EBADF: no descriptor).
  ensures fileno_result: (\result >= 0 && \result == iosafe_file_fd(stream)) ||
    (\result == -1 && iosafe_errno_set);
*/
int fileno(FILE *stream);

/*@
  requires fclose_stream: \valid(stream);
  requires fclose_owned: iosafe_fd_owner_ok(iosafe_file_fd(stream));
  assigns errno, iosafe_fd_state[iosafe_file_fd(stream)];
  // fclose(3): "closes the underlying file descriptor"; "In either case
  // [success or failure] any further access ... results in undefined
  // behavior": glibc closes the descriptor even when flushing failed.
  ensures fclose_released: iosafe_file_fd(stream) >= 0 ==>
    iosafe_fd_released{Pre, Post}(iosafe_file_fd(stream));
  ensures fclose_kept: iosafe_file_fd(stream) < 0 ==> iosafe_fd_table_same{Pre, Post};
  // fclose(3) RETURN VALUE: 0, or EOF with errno set.
  ensures fclose_result: \result == 0 || (\result == EOF && iosafe_errno_set);
*/
int fclose(FILE *stream);

/*@
  // fdopendir(3): "After a successful call to fdopendir(), fd is used
  // internally by the implementation"; closedir(3) closes it.
  requires fdopendir_owned: iosafe_fd_is_owned(fd);
  assigns errno;
  ensures fdopendir_result: \result == \null ||
    (\valid(\result) && iosafe_dir_fd(\result) == fd);
  // fdopendir(3) RETURN VALUE: NULL with errno set on error (EBADF,
  // ENOTDIR, ENOMEM), and fd is left alone.
  ensures fdopendir_failed: \result == \null ==> iosafe_errno_set;
*/
DIR *fdopendir(int fd);

#endif /* IOSAFE_POSIX_STDIO_H */

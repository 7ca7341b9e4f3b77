/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_stdio.h: the TRUSTED BASE of the proofs of src/stdio.c: the
 * stream calls it makes (fdopen, fileno, fclose, fdopendir, fopencookie), with contracts
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
  // No stronger: a precondition on iosafe: iosafe_file_from_fd() (src/stdio.c)
  // passes only the descriptor of an iosafe_owned_fd, whose ownership moves to
  // the stream.
  requires fdopen_owned: iosafe_fd_is_owned(fd);
  // fdopen(3): mode is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires fdopen_mode: \valid_read(mode);
  assigns errno;
  // fdopen(3) RETURN VALUE: "a FILE pointer", or NULL with errno set.
  // No stronger: glibc's _IO_new_fdopen() (libio/iofdopen.c) stores fd itself,
  // not a duplicate, as the stream's _fileno, and returns the new stream or
  // NULL.
  ensures fdopen_result: \result == \null ||
    (\valid(\result) && iosafe_file_fd(\result) == fd);
  // fdopen(3) ERRORS: EINVAL for mode, and the errors of fcntl(2) and
  // malloc(3).
  // No stronger: errno set, no list (glibc sets EINVAL itself; fcntl(2) and
  // malloc(3) set theirs); the descriptor stays open.
  ensures fdopen_failed: \result == \null ==> iosafe_errno_set;
*/
FILE *fdopen(int fd, const char *mode);

/*@
  // fileno(3): stream is a stream (readable).
  // No stronger: a precondition on iosafe.
  requires fileno_stream: \valid_read(stream);
  assigns errno;
  // fileno(3) RETURN VALUE: "the integer file descriptor associated with
  // stream", or -1 with errno set (EBADF: no descriptor).
  // No stronger: glibc's fileno() returns the stream's _fileno, or sets EBADF
  // and returns -1 when the stream has no descriptor (_IO_file_is_open()).
  ensures fileno_result: (\result >= 0 && \result == iosafe_file_fd(stream)) ||
    (\result == -1 && iosafe_errno_set);
*/
int fileno(FILE *stream);

/*@
  // fclose(3): stream is an open stream (written and freed by fclose).
  // No stronger: a precondition on iosafe.
  requires fclose_stream: \valid(stream);
  // fclose(3) "closes the underlying file descriptor": the stream owns it
  // (iosafe's model), or the stream has none.
  // No stronger: a precondition on iosafe: the stream took the descriptor over
  // (fdopen_result) and nothing else closes it.
  requires fclose_owned: iosafe_fd_owner_ok(iosafe_file_fd(stream));
  assigns errno, iosafe_fd_state[iosafe_file_fd(stream)];
  // fclose(3): "closes the underlying file descriptor"; "In either case
  // [success or failure] any further access ... results in undefined
  // behavior": glibc closes the descriptor even when flushing failed.
  // No stronger: glibc's _IO_new_fclose() calls _IO_file_close_it(), which
  // closes _fileno whatever the flush returned, and close(2) releases the
  // number even when it fails (close_released).
  ensures fclose_released: iosafe_file_fd(stream) >= 0 ==>
    iosafe_fd_released{Pre, Post}(iosafe_file_fd(stream));
  // fclose(3) of a stream with no descriptor (fmemopen(3), fopencookie(3))
  // closes none.
  // No stronger: glibc closes no descriptor but _fileno; a fopencookie(3)
  // close function is the program's own code, and the only one iosafe
  // passes (view_close, src/stdio.c) closes nothing.
  ensures fclose_kept: iosafe_file_fd(stream) < 0 ==> iosafe_fd_table_same{Pre, Post};
  // fclose(3) RETURN VALUE: 0, or EOF with errno set.
  // No stronger: _IO_new_fclose() returns 0, or EOF when the flush or close(2)
  // failed, with errno set by the call that failed.
  ensures fclose_result: \result == 0 || (\result == EOF && iosafe_errno_set);
*/
int fclose(FILE *stream);

/*@
  // fdopendir(3): "After a successful call to fdopendir(), fd is used
  // internally by the implementation"; closedir(3) closes it.
  // No stronger: a precondition on iosafe: iosafe_dir_from_fd() (src/stdio.c)
  // passes only the descriptor of an iosafe_owned_fd, whose ownership moves to
  // the stream.
  requires fdopendir_owned: iosafe_fd_is_owned(fd);
  // glibc 2.36's __alloc_dir() (dirent/opendir.c) sets FD_CLOEXEC on fd,
  // on success and before a malloc(3) that may fail: fd's close-on-exec
  // flag may change either way.
  assigns errno, iosafe_fd_cloexec[fd];
  // fdopendir(3) RETURN VALUE: "a pointer to the directory stream", which
  // reads fd itself.
  // No stronger: glibc's fdopendir() (sysdeps/unix/sysv/linux/fdopendir.c,
  // __alloc_dir() in opendir.c) keeps fd itself, not a duplicate, in the new
  // DIR, and returns it or NULL.
  ensures fdopendir_result: \result == \null ||
    (\valid(\result) && iosafe_dir_fd(\result) == fd);
  // fdopendir(3) RETURN VALUE: NULL with errno set on error (EBADF,
  // ENOTDIR, ENOMEM), and fd is left alone.
  // No stronger: errno set, no list (fstat(2), fcntl(2) and malloc(3) set
  // theirs, glibc ENOTDIR and EBADF itself); the number stays open (its
  // close-on-exec flag may be set: the assigns clause says so).
  ensures fdopendir_failed: \result == \null ==> iosafe_errno_set;
*/
DIR *fdopendir(int fd);

/*
 * fopencookie(3)'s callback table (glibc <stdio.h>, _GNU_SOURCE).  The
 * cookie is a void * in glibc; the model gives it the type of the one
 * cookie iosafe passes, its view (struct iosafe_file_view, stdio.h), since
 * WP's typed memory model cannot follow a void * cast back to the view.
 * The compiled code converts the view to void * and back, which C defines
 * as giving the same pointer (C11 6.3.2.3p1): the model's type changes no
 * value.  src/stdio.c names the type iosafe_view_cookie.
 */
struct iosafe_file_view;
typedef long iosafe_posix_off64_t;
typedef struct {
	ssize_t (*read)(struct iosafe_file_view *cookie, char *buf, size_t size);
	ssize_t (*write)(struct iosafe_file_view *cookie, const char *buf, size_t size);
	int (*seek)(struct iosafe_file_view *cookie, iosafe_posix_off64_t *offset, int whence);
	int (*close)(struct iosafe_file_view *cookie);
} cookie_io_functions_t;

/*@
  // fopencookie(3): mode is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires fopencookie_mode: \valid_read(mode);
  assigns errno;
  // fopencookie(3) RETURN VALUE: "a pointer to the new stream", or NULL
  // (errno set); the stream has no descriptor (fileno(3) fails on it).
  // No stronger: glibc's _IO_fopencookie() (libio/iofopncook.c) allocates
  // the stream with _fileno -1 and opens no descriptor; the descriptor table
  // is untouched (assigns clause).
  ensures fopencookie_result: \result == \null ||
    (\valid(\result) && iosafe_file_fd(\result) < 0);
  // fopencookie(3) ERRORS: EINVAL for mode, ENOMEM.
  // No stronger: errno set, no list.
  ensures fopencookie_failed: \result == \null ==> iosafe_errno_set;
*/
FILE *fopencookie(struct iosafe_file_view *cookie, const char *mode,
		  cookie_io_functions_t io_funcs);

#endif /* IOSAFE_POSIX_STDIO_H */

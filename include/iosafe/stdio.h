/* SPDX-License-Identifier: MIT */
/*
 * iosafe/stdio.h: handing a descriptor to a FILE or DIR stream and back
 * (io-lifetimes' FromFilelike/IntoFilelike, systemd's take_fdopen()).
 *
 * A stream owns its descriptor: fclose(3) / closedir(3) close it; a
 * view (iosafe_file_view_begin) is the exception, a stream over a
 * borrowed descriptor that it never closes.  So the
 * hand-off moves ownership, and only when it succeeds: on failure the
 * caller still owns the descriptor and must close it (the leak of the
 * pattern `f = fdopen(fd, m); if (!f) return -1;` cannot happen, since the
 * owner is still there to be dropped).
 *
 * Annotations: the @fd parameters of iosafe_file_from_fd and
 * iosafe_dir_from_fd carry none.  Clang's handle attributes cannot say
 * "released on success only", and IOSAFE_RELEASES would tell the checker
 * that the caller's close after a failure is a use after move.
 *
 * Errors are 0 or a negative errno, as everywhere in iosafe; a NULL pointer
 * that is required gives -EINVAL, a none owner -EBADF, before any call.
 */
#ifndef IOSAFE_STDIO_H
#define IOSAFE_STDIO_H

#include <dirent.h> /* DIR */
#include <stdio.h>  /* FILE */

#include "fd.h"

#ifdef __FRAMAC__
#  include "iosafe_acsl_stdio.h"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * iosafe_file_from_fd: make a FILE stream that owns the descriptor.
 * @out: (not NULL) receives the stream; NULL on failure.  Close it with
 *   fclose(3), which closes the descriptor.
 * @fd: (not NULL) an owner; none afterwards on success (the stream owns the
 *   descriptor now), unchanged on failure (the caller still owns it).
 * @mode: (not NULL) an fdopen(3) mode ("r", "w", "a", "r+", ...), matching
 *   the descriptor's access mode; add "e" to keep close-on-exec explicit
 *   (iosafe's descriptors have it already; fdopen never clears it).
 * Returns: 0, or -EINVAL (a NULL argument, or a @mode the descriptor's
 *   access mode does not allow), -EBADF (@fd none, or not open), -ENOMEM.
 * Annotation: none on @fd.  Ownership moves only on success, which no
 *   handle attribute can say (IOSAFE_RELEASES would make the caller's close
 *   after a failure a double close); the checker sees the owner escape into
 *   the call and stops following it.
 * Follows: fdopen(3), POSIX fdopen; io-lifetimes FromFilelike; systemd's
 *   take_fdopen().
 */
/*@
  assigns *out, fd->raw, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior bad_args:
    assumes out != \null && (fd == \null || mode == \null);
    requires valid_out: \valid(out);
    assigns *out;
    ensures out_null: *out == \null;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && fd != \null && mode != \null && fd->raw < 0;
    requires valid_out: \valid(out);
    requires valid_fd: \valid(fd);
    assigns *out;
    ensures out_null: *out == \null;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes out != \null && fd != \null && mode != \null && fd->raw >= 0;
    requires valid_out: \valid(out);
    requires valid_fd: \valid(fd);
    requires valid_mode: \valid_read(mode);
    requires owner_ok: iosafe_fd_owner_ok(fd->raw);
    requires separated: \separated(out, fd, &errno);
    ensures moved: \result == 0 ==>
      *out != \null && iosafe_file_fd(*out) == \old(fd->raw) &&
      fd->raw == IOSAFE_RAW_NONE;
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && *out == \null && fd->raw == \old(fd->raw);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_file_from_fd(FILE **out, iosafe_owned_fd *fd, const char *mode);

/**
 * iosafe_fd_from_file: take a FILE stream's descriptor over: a copy of it
 * (close-on-exec, numbered 3 or above) is made, then the stream is closed
 * with fclose(3), which flushes it and closes its own descriptor.
 * @out: (not NULL) receives the new descriptor; none on failure.
 * @f: (not NULL) a stream that owns its descriptor.  Closed when the
 *   result is 0 or fclose's error; left open (still the caller's) on
 *   -EINVAL, -EBADF and -EMFILE, which happen before anything is done.
 * Returns: 0; -EBADF when @f has no descriptor (fmemopen(3)); -EMFILE when
 *   no descriptor is free for the copy; fclose's error (-EIO, -ENOSPC,
 *   -EPIPE, ...: buffered data was lost; the stream and the copy are both
 *   closed); -EINVAL for a NULL @out or @f.
 * Follows: fileno(3), fcntl(2) F_DUPFD_CLOEXEC, fclose(3); io-lifetimes
 *   IntoFilelike.
 */
/*@
  requires separated: \separated(out, &errno);
  assigns out->raw, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_file:
    assumes out != \null && f == \null;
    requires valid_out: \valid(out);
    assigns out->raw;
    ensures out_none: out->raw == IOSAFE_RAW_NONE;
    ensures result_einval: \result == -EINVAL;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior call:
    assumes out != \null && f != \null;
    requires valid_out: \valid(out);
    requires valid_file: \valid(f);
    requires file_owner: iosafe_fd_owner_ok(iosafe_file_fd(f));
    requires separated_file: \separated(out, f);
    ensures taken: \result == 0 ==>
      out->raw >= 3 && iosafe_fd_is_closed{Pre}(out->raw) &&
      iosafe_fd_is_owned(out->raw) && iosafe_fd_is_cloexec(out->raw) &&
      iosafe_fd_is_closed(iosafe_file_fd(f));
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && out->raw == IOSAFE_RAW_NONE;
    ensures others_same: \forall integer d; iosafe_fd_in_range(d) &&
      d != out->raw && d != iosafe_file_fd(f) ==>
      \at(iosafe_fd_state[d], Pre) == \at(iosafe_fd_state[d], Post);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_fd_from_file(iosafe_owned_fd *out IOSAFE_ACQUIRES, FILE *f);

/**
 * iosafe_dir_from_fd: make a directory stream that owns the descriptor.
 * @out: (not NULL) receives the stream; NULL on failure.  Close it with
 *   closedir(3), which closes the descriptor.
 * @fd: (not NULL) an owner of a directory opened for reading
 *   (O_RDONLY | O_DIRECTORY); none afterwards on success, unchanged on
 *   failure (the caller still owns it).
 * Returns: 0, or -ENOTDIR (not a directory), -EBADF (@fd none, not open, or
 *   not open for reading), -ENOMEM; -EINVAL for a NULL @out or @fd.
 * Annotation: none on @fd.  Ownership moves only on success, which no
 *   handle attribute can say (IOSAFE_RELEASES would make the caller's close
 *   after a failure a double close); the checker sees the owner escape into
 *   the call and stops following it.
 * Follows: fdopendir(3), POSIX fdopendir; rustix::fs::Dir::new.
 */
/*@
  // fdopendir(3) may set the fd's close-on-exec flag (glibc's
  // __alloc_dir(), acsl/iosafe_posix_stdio.h): iosafe's fds have it already.
  assigns *out, fd->raw, errno, iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_out:
    assumes out == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior null_fd:
    assumes out != \null && fd == \null;
    requires valid_out: \valid(out);
    assigns *out;
    ensures out_null: *out == \null;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes out != \null && fd != \null && fd->raw < 0;
    requires valid_out: \valid(out);
    requires valid_fd: \valid(fd);
    assigns *out;
    ensures out_null: *out == \null;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes out != \null && fd != \null && fd->raw >= 0;
    requires valid_out: \valid(out);
    requires valid_fd: \valid(fd);
    requires owner_ok: iosafe_fd_owner_ok(fd->raw);
    requires separated: \separated(out, fd, &errno);
    ensures moved: \result == 0 ==>
      *out != \null && iosafe_dir_fd(*out) == \old(fd->raw) &&
      fd->raw == IOSAFE_RAW_NONE;
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && *out == \null && fd->raw == \old(fd->raw);
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_dir_from_fd(DIR **out, iosafe_owned_fd *fd);

#if defined(__linux__)
/**
 * iosafe_file_view: a FILE stream over a borrowed descriptor that never
 * closes it (io-lifetimes' FilelikeView, as_filelike_view()).
 * Its fields: `file`, the stream, NULL when no view is open (use it with
 * any stdio call: fprintf, fputs, fread, fgets ..., but never fclose(3) it:
 * end the view with iosafe_file_view_end); `fd`, the borrowed descriptor
 * the stream reads and writes.
 * The stream's callbacks receive the view's address: a view must stay
 * where it is (not copied or moved) while it is open.
 */
typedef struct iosafe_file_view {
	FILE *file;
	iosafe_borrowed_fd fd;
} iosafe_file_view;

/**
 * iosafe_file_view_begin: open a FILE stream over a borrowed descriptor.
 * @v: (not NULL) the view; v->file receives the stream (NULL on failure),
 *   v->fd the borrow.
 * @fd: borrowed, open for what @mode asks; it must stay open (its owner
 *   must not close it) until iosafe_file_view_end(v).  The view never
 *   closes it, moves it or changes its flags.
 * @mode: (not NULL) an fopencookie(3) mode ("r", "w", "a", "r+", ...).
 *   Reads and writes go to @fd through read(2) and write(2); the stream
 *   has no seek function, so fseek(3) on it fails, and stdio reads ahead
 *   (a whole buffer at a time): after reading through a view, @fd's offset
 *   may be past what was consumed unless the view is unbuffered
 *   (setvbuf(v->file, NULL, _IONBF, 0)).
 * Returns: 0; -EINVAL (a NULL @v or @mode, or a @mode fopencookie
 *   rejects); -EBADF (@fd none); -ENOMEM.  On failure v->file is NULL.
 * Annotations: IOSAFE_USES on @fd.  The checker's library table knows the
 *   view's stream is over a borrow: an fclose(3) of v->file is a close of
 *   a borrowed fd, and iosafe_file_view_end after the owner was closed is a
 *   borrow that outlives its owner.
 * Linux only (declared under __linux__, as fs.h's Linux calls):
 *   fopencookie(3) is a GNU extension (glibc, musl).
 * Follows: fopencookie(3); io-lifetimes AsFilelike::as_filelike_view,
 *   FilelikeView.
 */
/*@
  assigns v->file, v->fd, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior null_view:
    assumes v == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior null_mode:
    assumes v != \null && mode == \null;
    requires valid_view: \valid(v);
    assigns v->file;
    ensures file_null: v->file == \null;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes v != \null && mode != \null && fd.raw < 0;
    requires valid_view: \valid(v);
    assigns v->file;
    ensures file_null: v->file == \null;
    ensures result_ebadf: \result == -EBADF;
  behavior call:
    assumes v != \null && mode != \null && fd.raw >= 0;
    requires valid_view: \valid(v);
    requires valid_mode: \valid_read(mode);
    requires borrow_open: iosafe_fd_is_open(fd.raw);
    requires separated: \separated(v, &errno);
    ensures made: \result == 0 ==>
      v->file != \null && \valid(v->file) && v->fd.raw == fd.raw &&
      iosafe_file_fd(v->file) < 0;
    ensures failed: \result != 0 ==>
      iosafe_neg_errno(\result) && v->file == \null;
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_file_view_begin(iosafe_file_view *v, iosafe_borrowed_fd fd IOSAFE_USES,
			   const char *mode);

/**
 * iosafe_file_view_end: flush and free a view's stream; the borrowed
 * descriptor stays open (it is still its owner's).
 * @v: (not NULL) a view iosafe_file_view_begin opened; v->file is NULL
 *   afterwards, whatever the result (the stream is freed either way).
 * Returns: 0; the flush's error as a negative errno (-EIO, -ENOSPC,
 *   -EPIPE, -EBADF for a view written over a descriptor not open for
 *   writing, ...: buffered data was lost); -EINVAL for a NULL @v; -EBADF
 *   when no view is open (v->file NULL).
 * Follows: fclose(3) of an fopencookie(3) stream whose close function
 *   closes nothing; io-lifetimes FilelikeView's Drop.
 */
/*@
  behavior null_view:
    assumes v == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior not_open:
    assumes v != \null && v->file == \null;
    requires valid_view: \valid(v);
    assigns \nothing;
    ensures result_ebadf: \result == -EBADF;
  behavior open:
    assumes v != \null && v->file != \null;
    requires valid_view: \valid(v);
    requires valid_file: \valid(v->file);
    requires view_stream: iosafe_file_fd(v->file) < 0;
    requires separated: \separated(v, &errno);
    assigns v->file, errno;
    ensures file_null: v->file == \null;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_file_view_end(iosafe_file_view *v);
#endif /* __linux__ */

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_STDIO_H */

/* SPDX-License-Identifier: MIT */
/*
 * iosafe/samefile.h: whether two paths or descriptors name the same file
 * (the Rust crate same-file: same_file::Handle, same_file::is_same_file).
 *
 * A handle owns an open descriptor of the file and keeps the file's
 * (st_dev, st_ino) read at acquisition.  Two handles are equal when both
 * hold a descriptor and their (st_dev, st_ino) are equal.  The descriptor
 * is kept open for the handle's life, as same-file keeps its File: while it
 * is open the inode cannot be freed, so its number cannot be given to
 * another file and compare equal by accident (inode(7): an inode number is
 * unique within a file system only among files that exist).
 *
 * POSIX; every new descriptor is close-on-exec.  Conventions as fs.h:
 * out-parameter first, 0 or a negative errno, *out none on every failure,
 * nothing left open by a failing call.  On Windows the same comparison is
 * made with the volume serial number and the file index of
 * GetFileInformationByHandle (include/iosafe/samefile_win.h).
 */
#ifndef IOSAFE_SAMEFILE_H
#define IOSAFE_SAMEFILE_H

#include <stdbool.h>

#include "fd.h"
#ifdef _WIN32
#  include <stdint.h>
#  include "win.h"
#else
#  include <sys/types.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#ifndef _WIN32

/**
 * iosafe_same_file_handle: an open file and its identity.  It owns its
 * member fd (the first member, as iosafe_unix_listener's): leaking the
 * struct leaks the descriptor.  dev and ino are the file's st_dev and
 * st_ino (inode(7)) when fd is not none, 0 otherwise.  Initialise with
 * IOSAFE_SAME_FILE_HANDLE_NONE; release with iosafe_same_file_close() or
 * _drop(), or declare it iosafe_auto_same_file_handle.  Borrow the
 * descriptor with iosafe_fd_borrow(&h.fd).
 */
typedef struct iosafe_same_file_handle {
	iosafe_owned_fd fd;
	dev_t dev;
	ino_t ino;
} iosafe_same_file_handle;

#define IOSAFE_SAME_FILE_HANDLE_NONE { IOSAFE_FD_NONE, 0, 0 }

/*@
  // A handle's invariant: none, or its owned descriptor.
  predicate iosafe_same_file_ok{L}(iosafe_same_file_handle *h) =
    iosafe_fd_owner_ok{L}(\at(h->fd.raw, L));
*/

/**
 * iosafe_same_file_open: open @path and read its identity.
 * @out: (not NULL) receives the handle, owned by the caller; none on
 *   failure.  Whatever it held is overwritten, not closed.
 * @dir: a borrow of a directory, or iosafe_cwd(); used during the call only.
 * @path: (not NULL) the file; a symbolic link is followed (same-file's
 *   Handle::from_path follows it too).
 * The file is opened with O_PATH | O_CLOEXEC on Linux (no read permission
 *   needed, a FIFO's open does not block, a device's open method does not
 *   run), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC elsewhere; then
 *   fstat(2).  same-file opens read-only, so a file it cannot read it cannot
 *   compare: iosafe can, on Linux.
 * Returns: 0, or the negative errno of openat(2) (-ENOENT, -EACCES on a
 *   directory of the path, -ELOOP, -ENOTDIR, -ENAMETOOLONG, -EBADF for a
 *   none @dir with a relative @path, -EMFILE, -ENFILE, ...) or of fstat(2)
 *   (the descriptor is closed again); -EINVAL for a NULL @out or @path.
 * Follows: openat(2), fstat(2), inode(7); same_file::Handle::from_path.
 */
/*@
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  requires valid_path: path == \null || \valid_read(path);
  requires dir_borrow_ok: iosafe_fd_borrow_ok(dir.raw);
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==>
    iosafe_fd_acquired{Pre, Post}(out->fd.raw) && iosafe_fd_is_cloexec(out->fd.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_table_same{Pre, Post} &&
    (out != \null ==> out->fd.raw == IOSAFE_RAW_NONE);
*/
int iosafe_same_file_open(iosafe_same_file_handle *out IOSAFE_ACQUIRES,
			  iosafe_borrowed_fd dir IOSAFE_USES, const char *path);

/**
 * iosafe_same_file_from_fd: make a handle of the file an owned descriptor
 * refers to, moving the descriptor in.
 * @out: (not NULL) receives the handle; none on failure.
 * @fd: (not NULL) an owner.  On success the descriptor moves into @out and
 *   *@fd is left none; on failure *@fd keeps it (the caller still owns it
 *   and must close it).
 * Returns: 0, or -EINVAL (NULL @out or @fd), -EBADF (*@fd none), or the
 *   negative errno of fstat(2).
 * Annotation: none on @fd.  Ownership moves only on success, which no
 *   handle attribute can say (as iosafe_file_from_fd, stdio.h).
 * Follows: fstat(2); same_file::Handle::from_file (which consumes its File
 *   whatever happens: on its error the File is dropped, closed).
 */
/*@
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  requires valid_fd: fd == \null || (\valid(fd) && \separated(fd, &errno));
  requires separated: out != \null && fd != \null ==> \separated(out, fd);
  requires owner_ok: fd != \null ==> iosafe_fd_owner_ok(fd->raw);
  assigns *out, fd->raw, errno;
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures moved: \result == 0 ==>
    out->fd.raw == \old(fd->raw) && out->fd.raw >= 0 && fd->raw == IOSAFE_RAW_NONE;
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    (out != \null ==> out->fd.raw == IOSAFE_RAW_NONE) &&
    (fd != \null ==> fd->raw == \old(fd->raw));
*/
int iosafe_same_file_from_fd(iosafe_same_file_handle *out IOSAFE_ACQUIRES,
			     iosafe_owned_fd *fd);

/**
 * iosafe_same_file_stdin: a handle of the file standard input (0) refers
 * to; iosafe_same_file_stdout (1) and iosafe_same_file_stderr (2) likewise.
 * @out: (not NULL) receives the handle; none on failure.
 * The handle owns a duplicate of 0 (fcntl(2) F_DUPFD_CLOEXEC, numbered 3
 *   or above), not 0 itself, and closing it leaves 0 open.  same-file's
 *   Handle::stdin borrows 0 instead (it wraps it in a File it never closes,
 *   an is_std flag); the duplicate keeps the file that 0 named at the call,
 *   and so its inode, even after 0 is closed or made another file with
 *   dup2(2), and gives every handle one rule: it owns its descriptor.
 * Returns: 0, or -EINVAL (@out NULL), -EBADF (0 is not open), -EMFILE,
 *   -ENFILE, or the negative errno of fstat(2).
 * Follows: fcntl(2) F_DUPFD_CLOEXEC, fstat(2); same_file::Handle::stdin.
 */
/*@
  requires stdin_open: iosafe_fd_is_open(0);
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==> out->fd.raw >= 3 &&
    iosafe_fd_acquired{Pre, Post}(out->fd.raw) && iosafe_fd_is_cloexec(out->fd.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_table_same{Pre, Post} &&
    (out != \null ==> out->fd.raw == IOSAFE_RAW_NONE);
*/
int iosafe_same_file_stdin(iosafe_same_file_handle *out IOSAFE_ACQUIRES);

/** iosafe_same_file_stdout: as iosafe_same_file_stdin, for descriptor 1.
 * Follows: same_file::Handle::stdout. */
/*@
  requires stdout_open: iosafe_fd_is_open(1);
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==> out->fd.raw >= 3 &&
    iosafe_fd_acquired{Pre, Post}(out->fd.raw) && iosafe_fd_is_cloexec(out->fd.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_table_same{Pre, Post} &&
    (out != \null ==> out->fd.raw == IOSAFE_RAW_NONE);
*/
int iosafe_same_file_stdout(iosafe_same_file_handle *out IOSAFE_ACQUIRES);

/** iosafe_same_file_stderr: as iosafe_same_file_stdin, for descriptor 2.
 * Follows: same_file::Handle::stderr. */
/*@
  requires stderr_open: iosafe_fd_is_open(2);
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==> out->fd.raw >= 3 &&
    iosafe_fd_acquired{Pre, Post}(out->fd.raw) && iosafe_fd_is_cloexec(out->fd.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    iosafe_fd_table_same{Pre, Post} &&
    (out != \null ==> out->fd.raw == IOSAFE_RAW_NONE);
*/
int iosafe_same_file_stderr(iosafe_same_file_handle *out IOSAFE_ACQUIRES);

/**
 * iosafe_same_file_equal: whether two handles are of the same file.
 * @a, @b: handles, read only (borrowed during the call; no system call).
 * Returns: true when both hold a descriptor and their (st_dev, st_ino) are
 *   equal; false otherwise, and for a NULL or none handle (none is no file).
 *   A handle equals itself.  As same-file says of Unix, two files of one
 *   network or FUSE file system that reports made-up inode numbers can
 *   compare equal; no comparison by number can tell.
 * Follows: inode(7) ("the inode number ... unique within a filesystem");
 *   PartialEq for same_file::Handle.
 */
/*@
  requires valid_a: a == \null || \valid_read(a);
  requires valid_b: b == \null || \valid_read(b);
  assigns \nothing;
  ensures equal: \result <==> (a != \null && b != \null && a->fd.raw >= 0 &&
    b->fd.raw >= 0 && a->dev == b->dev && a->ino == b->ino);
*/
bool iosafe_same_file_equal(const iosafe_same_file_handle *a IOSAFE_USES,
			    const iosafe_same_file_handle *b IOSAFE_USES);

/**
 * iosafe_same_file_close: close the handle's descriptor.  The handle is
 * none afterwards (fd none, dev and ino 0), whatever is returned.
 * @h: (not NULL) a handle, or none (then nothing happens and 0 is returned).
 * Returns: 0, or the negative errno of close(2) (the descriptor is released
 *   anyway, close(2) NOTES); -EINVAL for a NULL @h.
 * Follows: close(2); Drop for same_file::Handle.
 */
/*@
  requires valid_h: h == \null || (\valid(h) && \separated(h, &errno));
  requires owner_ok: h == \null || iosafe_same_file_ok(h);
  assigns *h, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
  behavior null_h:
    assumes h == \null;
    assigns \nothing;
    ensures result_einval: \result == -EINVAL;
  behavior none:
    assumes h != \null && h->fd.raw < 0;
    ensures result_ok: \result == 0;
    ensures h_none: h->fd.raw == IOSAFE_RAW_NONE;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior release:
    assumes h != \null && h->fd.raw >= 0;
    ensures result: \result == 0 || iosafe_neg_errno(\result);
    ensures h_none: h->fd.raw == IOSAFE_RAW_NONE;
    ensures released: iosafe_fd_released{Pre, Post}(\old(h->fd.raw));
  complete behaviors;
  disjoint behaviors;
*/
int iosafe_same_file_close(iosafe_same_file_handle *h IOSAFE_RELEASES);

/**
 * iosafe_same_file_drop: iosafe_same_file_close() with its result ignored
 * and errno kept, for cleanup paths and iosafe_auto_same_file_handle.
 * @h: (not NULL) a handle or none; none afterwards.
 * Follows: Drop for same_file::Handle.
 */
/*@
  requires valid_h: \valid(h) && \separated(h, &errno);
  requires owner_ok: iosafe_same_file_ok(h);
  assigns *h, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1];
  ensures h_none: h->fd.raw == IOSAFE_RAW_NONE;
  ensures errno_kept: errno == \old(errno);
  behavior none:
    assumes h->fd.raw < 0;
    ensures table_same: iosafe_fd_table_same{Pre, Post};
  behavior release:
    assumes h->fd.raw >= 0;
    ensures released: iosafe_fd_released{Pre, Post}(\old(h->fd.raw));
  complete behaviors;
  disjoint behaviors;
*/
void iosafe_same_file_drop(iosafe_same_file_handle *h IOSAFE_RELEASES);

/**
 * iosafe_is_same_file: whether two paths name the same file.
 * @a, @b: (not NULL) the paths, relative to the current directory;
 *   symbolic links are followed (a link and its target are the same file).
 * @out: (not NULL) receives the answer; false on failure.
 * Both files are opened (as iosafe_same_file_open) and held open together
 * while their identities are compared, then closed: so the answer cannot
 * come from an inode number freed by one file and reused by the other
 * between two stat(2) calls.  Nothing stays open.
 * Returns: 0, or the negative errno of opening either path (-ENOENT,
 *   -EACCES, -ELOOP, -EMFILE, ...); -EINVAL for a NULL argument.
 * Follows: same_file::is_same_file.
 */
/*@
  requires valid_a: a == \null || \valid_read(a);
  requires valid_b: b == \null || \valid_read(b);
  requires valid_out: out == \null || (\valid(out) && \separated(out, &errno));
  assigns *out, errno, iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1];
  ensures table_same: iosafe_fd_table_same{Pre, Post};
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures null_args: (a == \null || b == \null || out == \null) ==> \result == -EINVAL;
  ensures failed: \result != 0 && out != \null ==> *out == 0;
*/
int iosafe_is_same_file(const char *a, const char *b, bool *out);

#else
#  include "samefile_win.h"
#endif /* _WIN32 */

/**
 * iosafe_auto_same_file_handle: a type name: an iosafe_same_file_handle
 * that iosafe_same_file_drop() releases at scope exit (GCC/Clang cleanup
 * attribute; a compile error elsewhere, as auto.h).  Initialise with
 * IOSAFE_SAME_FILE_HANDLE_NONE.
 */
#if defined(__GNUC__) || defined(__clang__)
#  define iosafe_auto_same_file_handle \
	__attribute__((cleanup(iosafe_same_file_drop))) iosafe_same_file_handle
#else
#  define iosafe_auto_same_file_handle \
	iosafe_auto_same_file_handle_needs_the_cleanup_attribute_of_gcc_or_clang
#endif

#ifdef __cplusplus
}
#endif

#endif /* IOSAFE_SAMEFILE_H */

/* SPDX-License-Identifier: MIT */
/*
 * iosafe/samefile_win.h: the Windows half of samefile.h (same-file's
 * Windows Handle): included by samefile.h under _WIN32, built from
 * src/win/samefile.c with mingw-w64, proved by `make prove-win` and tested
 * under wine (tests/win/test_samefile.c).  Elsewhere it declares nothing.
 */
#ifndef IOSAFE_SAMEFILE_WIN_H
#define IOSAFE_SAMEFILE_WIN_H

#ifdef _WIN32

#include <stdbool.h>
#include <stdint.h>

#include "win.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Windows: a handle holds an iosafe_owned_handle (not inheritable) and the
 * file's identity from GetFileInformationByHandle: the volume serial number
 * and the 64-bit file index (nFileIndexHigh:nFileIndexLow), which "uniquely
 * identify a file" on one computer while it is open (Win32
 * BY_HANDLE_FILE_INFORMATION).  ReFS uses 128-bit file IDs, of which the
 * 64-bit index is not guaranteed unique (FILE_ID_INFO): as same-file,
 * iosafe compares the 64-bit index.  iosafe_same_file_open and
 * iosafe_same_file_from_fd are POSIX only; iosafe_same_file_open_w and
 * iosafe_same_file_from_handle are their Windows counterparts.
 */
typedef struct iosafe_same_file_handle {
	iosafe_owned_handle handle;
	uint32_t volume;
	uint64_t index;
} iosafe_same_file_handle;

#define IOSAFE_SAME_FILE_HANDLE_NONE { IOSAFE_HANDLE_NONE, 0, 0 }

/*@
  // A handle's invariant: none, or its owned handle.
  predicate iosafe_same_file_ok{L}(iosafe_same_file_handle *h) =
    iosafe_handle_owner_ok{L}(\at(h->handle.raw, L));
*/

/**
 * iosafe_same_file_open_w: open @path for its identity only and read it.
 * @out: (not NULL) receives the handle, owned by the caller; none on failure.
 * @path: (not NULL) the file or directory (UTF-16).
 * Opened with no access rights, every share mode and
 *   FILE_FLAG_BACKUP_SEMANTICS (so that directories open too), as
 *   same-file does; not inheritable (iosafe_create_file_w).
 * Returns: 0, or the negative errno mapped from GetLastError() of
 *   CreateFileW (-ENOENT, -EACCES, ...) or GetFileInformationByHandle (the
 *   handle is closed again); -EINVAL for a NULL @out or @path.
 * Windows only.  Follows: CreateFileW, GetFileInformationByHandle;
 *   same_file::Handle::from_path.
 */
/*@
  requires valid_out: out == \null || (\valid(out) && \separated(out, &iosafe_win32_last_error));
  requires valid_path: path == \null || \valid_read(path);
  assigns *out, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures owned_kept: \forall integer d;
    iosafe_handle_is_owned{Pre}(d) ==> iosafe_handle_is_owned{Post}(d);
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==>
    iosafe_handle_acquired{Pre, Post}(out->handle.raw) &&
    !iosafe_handle_is_inheritable(out->handle.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    (out != \null ==> out->handle.raw == IOSAFE_RAW_HANDLE_NONE) &&
    (iosafe_handle_table_same{Pre, Post} || \exists integer k;
      iosafe_handle_is_closed{Pre}(k) && iosafe_handle_table_same_except{Pre, Post}(k));
*/
int iosafe_same_file_open_w(iosafe_same_file_handle *out IOSAFE_ACQUIRES, const wchar_t *path);

/**
 * iosafe_same_file_from_handle: make a handle of the file an owned handle
 * refers to, moving it in on success only (*@h none then; kept on failure).
 * Returns: 0, or -EINVAL (NULL argument), -EBADF (*@h none), or the
 *   negative errno mapped from GetFileInformationByHandle's error (a pipe or
 *   console handle has no file index: -EINVAL or -EBADF).
 * Annotation: none on @h (ownership moves on success only).
 * Windows only.  Follows: same_file::Handle::from_file.
 */
/*@
  requires valid_out: out == \null || (\valid(out) && \separated(out, &iosafe_win32_last_error));
  requires valid_h: h == \null || (\valid(h) && \separated(h, &iosafe_win32_last_error));
  requires separated: out != \null && h != \null ==> \separated(out, h);
  requires owner_ok: h != \null ==> iosafe_handle_owner_ok(h->raw);
  assigns *out, h->raw, iosafe_win32_last_error;
  ensures table_same: iosafe_handle_table_same{Pre, Post};
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures moved: \result == 0 ==> out->handle.raw == \old(h->raw) &&
    h->raw == IOSAFE_RAW_HANDLE_NONE;
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    (out != \null ==> out->handle.raw == IOSAFE_RAW_HANDLE_NONE) &&
    (h != \null ==> h->raw == \old(h->raw));
*/
int iosafe_same_file_from_handle(iosafe_same_file_handle *out IOSAFE_ACQUIRES,
				 iosafe_owned_handle *h);

/**
 * iosafe_same_file_stdin: a handle of the file standard input names;
 * _stdout, _stderr likewise.  The handle owns a duplicate
 * (iosafe_handle_try_clone: DuplicateHandle, not inheritable), as on POSIX,
 * of the handle behind the C runtime's descriptor 0 (1, 2) through
 * iosafe_handle_borrow_from_fd (_get_osfhandle): the C runtime takes its
 * descriptors 0-2 from GetStdHandle at start-up, so this is standard
 * input's handle unless the program has since changed one of the two
 * (SetStdHandle, _dup2).  same-file reads GetStdHandle.
 * Returns: 0, or -EINVAL (@out NULL), -EBADF (no such standard handle), or
 *   the negative errno of DuplicateHandle or GetFileInformationByHandle (a
 *   console has no file index).
 * Follows: _get_osfhandle, DuplicateHandle; same_file::Handle::stdin.
 */
/*@
  requires std_open: iosafe_fd_is_open(0);
  requires valid_out: out == \null || (\valid(out) && \separated(out, &iosafe_win32_last_error));
  assigns *out, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures owned_kept: \forall integer d;
    iosafe_handle_is_owned{Pre}(d) ==> iosafe_handle_is_owned{Post}(d);
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==>
    iosafe_handle_acquired{Pre, Post}(out->handle.raw) &&
    !iosafe_handle_is_inheritable(out->handle.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    (out != \null ==> out->handle.raw == IOSAFE_RAW_HANDLE_NONE) &&
    (iosafe_handle_table_same{Pre, Post} || \exists integer k;
      iosafe_handle_is_closed{Pre}(k) && iosafe_handle_table_same_except{Pre, Post}(k));
*/
int iosafe_same_file_stdin(iosafe_same_file_handle *out IOSAFE_ACQUIRES);
/** iosafe_same_file_stdout: as iosafe_same_file_stdin, for standard output. */
/*@
  requires std_open: iosafe_fd_is_open(1);
  requires valid_out: out == \null || (\valid(out) && \separated(out, &iosafe_win32_last_error));
  assigns *out, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures owned_kept: \forall integer d;
    iosafe_handle_is_owned{Pre}(d) ==> iosafe_handle_is_owned{Post}(d);
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==>
    iosafe_handle_acquired{Pre, Post}(out->handle.raw) &&
    !iosafe_handle_is_inheritable(out->handle.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    (out != \null ==> out->handle.raw == IOSAFE_RAW_HANDLE_NONE) &&
    (iosafe_handle_table_same{Pre, Post} || \exists integer k;
      iosafe_handle_is_closed{Pre}(k) && iosafe_handle_table_same_except{Pre, Post}(k));
*/
int iosafe_same_file_stdout(iosafe_same_file_handle *out IOSAFE_ACQUIRES);
/** iosafe_same_file_stderr: as iosafe_same_file_stdin, for standard error. */
/*@
  requires std_open: iosafe_fd_is_open(2);
  requires valid_out: out == \null || (\valid(out) && \separated(out, &iosafe_win32_last_error));
  assigns *out, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures owned_kept: \forall integer d;
    iosafe_handle_is_owned{Pre}(d) ==> iosafe_handle_is_owned{Post}(d);
  ensures null_out: out == \null ==> \result == -EINVAL;
  ensures acquired: \result == 0 ==>
    iosafe_handle_acquired{Pre, Post}(out->handle.raw) &&
    !iosafe_handle_is_inheritable(out->handle.raw);
  ensures failed: \result != 0 ==> iosafe_neg_errno(\result) &&
    (out != \null ==> out->handle.raw == IOSAFE_RAW_HANDLE_NONE) &&
    (iosafe_handle_table_same{Pre, Post} || \exists integer k;
      iosafe_handle_is_closed{Pre}(k) && iosafe_handle_table_same_except{Pre, Post}(k));
*/
int iosafe_same_file_stderr(iosafe_same_file_handle *out IOSAFE_ACQUIRES);

/**
 * iosafe_same_file_equal: whether two handles are of the same file (read
 * only, no call).
 * Returns: true when both hold a handle and their volume serial numbers and
 *   file indexes are equal; false for a NULL or none handle.
 * Follows: PartialEq for same_file::Handle (Windows).
 */
/*@
  requires valid_a: a == \null || \valid_read(a);
  requires valid_b: b == \null || \valid_read(b);
  assigns \nothing;
  ensures equal: \result <==> (a != \null && b != \null &&
    a->handle.raw != IOSAFE_RAW_HANDLE_NONE && b->handle.raw != IOSAFE_RAW_HANDLE_NONE &&
    a->volume == b->volume && a->index == b->index);
*/
bool iosafe_same_file_equal(const iosafe_same_file_handle *a IOSAFE_USES,
			    const iosafe_same_file_handle *b IOSAFE_USES);

/**
 * iosafe_same_file_close: close the handle (iosafe_handle_close); none
 * afterwards.  Returns: 0 (also for none), the negative errno of
 * CloseHandle, or -EINVAL for a NULL @h.  Follows: Drop for same_file::Handle.
 */
/*@
  requires valid_h: h == \null || (\valid(h) && \separated(h, &iosafe_win32_last_error));
  requires owner_ok: h == \null || iosafe_same_file_ok(h);
  assigns *h, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures null_h: h == \null ==> \result == -EINVAL;
  ensures h_none: h != \null ==> h->handle.raw == IOSAFE_RAW_HANDLE_NONE;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures none: h != \null && \old(h->handle.raw) == IOSAFE_RAW_HANDLE_NONE ==>
    \result == 0 && iosafe_handle_table_same{Pre, Post};
  ensures released: h != \null && \result == 0 &&
    iosafe_handle_in_range(\old(h->handle.raw)) ==>
    iosafe_handle_released{Pre, Post}(\old(h->handle.raw));
*/
int iosafe_same_file_close(iosafe_same_file_handle *h IOSAFE_RELEASES);

/** iosafe_same_file_drop: iosafe_same_file_close, result ignored,
 * GetLastError() kept. */
/*@
  requires valid_h: \valid(h) && \separated(h, &iosafe_win32_last_error);
  requires owner_ok: iosafe_same_file_ok(h);
  assigns *h, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures h_none: h->handle.raw == IOSAFE_RAW_HANDLE_NONE;
  ensures last_error_kept: iosafe_win32_last_error == \old(iosafe_win32_last_error);
  ensures released_or_refused: iosafe_handle_table_same{Pre, Post} ||
    iosafe_handle_released{Pre, Post}(\old(h->handle.raw));
*/
void iosafe_same_file_drop(iosafe_same_file_handle *h IOSAFE_RELEASES);

/**
 * iosafe_is_same_file_w: whether two paths (UTF-16) name the same file.
 * Both are held open while compared (iosafe_same_file_open_w), then closed.
 * iosafe_is_same_file (char paths) is POSIX only.
 * Returns: 0, or the negative errno of opening either; -EINVAL for a NULL
 *   argument; *@out false on failure.
 * Follows: same_file::is_same_file.
 */
/*@
  requires valid_a: a == \null || \valid_read(a);
  requires valid_b: b == \null || \valid_read(b);
  requires valid_out: out == \null || (\valid(out) && \separated(out, &iosafe_win32_last_error));
  assigns *out, iosafe_win32_last_error, IOSAFE_HANDLE_TABLE;
  ensures result: \result == 0 || iosafe_neg_errno(\result);
  ensures null_args: (a == \null || b == \null || out == \null) ==> \result == -EINVAL;
  ensures failed: \result != 0 && out != \null ==> *out == 0;
*/
int iosafe_is_same_file_w(const wchar_t *a, const wchar_t *b, bool *out);

#ifdef __cplusplus
}
#endif

#endif /* _WIN32 */

#endif /* IOSAFE_SAMEFILE_WIN_H */

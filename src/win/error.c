/* SPDX-License-Identifier: MIT */
/*
 * src/win/error.c: the one table from Win32 and Winsock error codes to
 * errno values.  Every iosafe Windows function that reports a failure of
 * the system returns the negated errno this table gives for the code the
 * call left in GetLastError() (WSAGetLastError() is the same per-thread value).
 *
 * The errno names are mingw-w64's <errno.h>: POSIX 1..42 as in the MSVC
 * runtime, and the POSIX socket names 100..140.  Where a Windows code has
 * no errno of its own, the nearest POSIX meaning is chosen and written
 * beside it; codes not in the table give EIO (the exact code stays in
 * GetLastError()).  The facts (which code a call reports for which
 * condition) were checked against the Win32 documentation (System Error
 * Codes, Windows Sockets Error Codes) and libuv's src/win/error.c, whose
 * choices differ where noted: libuv maps WSAEINTR to ECANCELED,
 * ERROR_BROKEN_PIPE to its own EOF code and ERROR_INVALID_FUNCTION to
 * EISDIR; here they are EINTR, EPIPE and EINVAL, their POSIX meanings.
 *
 * The table is grouped by errno (in mingw's order) and searched linearly:
 * it is read only on an error path.
 */
#include <errno.h>

#include "iosafe/win.h"

struct iosafe_win_errno_entry {
	unsigned long code;
	unsigned char err; /* every errno here is below 256 */
};

static const struct iosafe_win_errno_entry iosafe_win_errno_table[] = {
	/* EPERM: the privilege, not the object's ACL. */
	{ ERROR_PRIVILEGE_NOT_HELD, EPERM },
	/* ENOENT: no such file, directory, drive or name. */
	{ ERROR_FILE_NOT_FOUND, ENOENT },
	{ ERROR_PATH_NOT_FOUND, ENOENT },
	{ ERROR_INVALID_DRIVE, ENOENT },
	{ ERROR_BAD_NETPATH, ENOENT },
	{ ERROR_BAD_PATHNAME, ENOENT },
	{ ERROR_INVALID_NAME, ENOENT },   /* a path with characters no file can have */
	{ ERROR_MOD_NOT_FOUND, ENOENT },
	{ ERROR_ENVVAR_NOT_FOUND, ENOENT },
	{ WSAHOST_NOT_FOUND, ENOENT },
	/* ESRCH: no such process or thread (OpenProcess reports a bad pid as
	 * ERROR_INVALID_PARAMETER, which stays EINVAL). */
	{ ERROR_PROC_NOT_FOUND, ESRCH },
	/* EINTR */
	{ WSAEINTR, EINTR },
	{ ERROR_OPERATION_ABORTED, EINTR }, /* the I/O was cancelled (CancelIoEx) */
	/* EIO: the device failed. */
	{ ERROR_GEN_FAILURE, EIO },
	{ ERROR_IO_DEVICE, EIO },
	{ ERROR_CRC, EIO },
	{ ERROR_OPEN_FAILED, EIO },
	{ ERROR_DISK_CORRUPT, EIO },
	/* E2BIG */
	{ ERROR_META_EXPANSION_TOO_LONG, E2BIG },
	/* EBADF: not an open handle or socket of this process. */
	{ ERROR_INVALID_HANDLE, EBADF },
	{ ERROR_INVALID_TARGET_HANDLE, EBADF },
	{ WSAEBADF, EBADF },
	/* EAGAIN */
	{ WSAEWOULDBLOCK, EAGAIN },  /* Linux's EWOULDBLOCK is EAGAIN; mingw's is not */
	{ ERROR_NO_PROC_SLOTS, EAGAIN },
	{ WSATRY_AGAIN, EAGAIN },
	/* ENOMEM: memory or a kernel quota. */
	{ ERROR_NOT_ENOUGH_MEMORY, ENOMEM },
	{ ERROR_OUTOFMEMORY, ENOMEM },
	{ ERROR_NOT_ENOUGH_QUOTA, ENOMEM },
	{ ERROR_NO_SYSTEM_RESOURCES, ENOMEM },
	{ ERROR_COMMITMENT_LIMIT, ENOMEM },
	/* EACCES: the object's ACL, a read-only file, a file being deleted. */
	{ ERROR_ACCESS_DENIED, EACCES },
	{ ERROR_CANT_ACCESS_FILE, EACCES },
	{ ERROR_DELETE_PENDING, EACCES },
	{ ERROR_NETWORK_ACCESS_DENIED, EACCES },
	{ WSAEACCES, EACCES },
	/* EFAULT: a bad pointer. */
	{ ERROR_NOACCESS, EFAULT },
	{ WSAEFAULT, EFAULT },
	/* EBUSY: locked or opened elsewhere without sharing. */
	{ ERROR_SHARING_VIOLATION, EBUSY },
	{ ERROR_LOCK_VIOLATION, EBUSY },
	{ ERROR_PIPE_BUSY, EBUSY },
	{ ERROR_BUSY, EBUSY },
	/* EEXIST */
	{ ERROR_FILE_EXISTS, EEXIST },
	{ ERROR_ALREADY_EXISTS, EEXIST },
	/* EXDEV */
	{ ERROR_NOT_SAME_DEVICE, EXDEV },
	/* ENODEV */
	{ ERROR_BAD_UNIT, ENODEV },
	{ ERROR_NOT_READY, ENODEV },
	{ ERROR_DEV_NOT_EXIST, ENODEV },
	/* ENOTDIR */
	{ ERROR_DIRECTORY, ENOTDIR },  /* "The directory name is invalid" */
	/* EINVAL */
	{ ERROR_INVALID_PARAMETER, EINVAL },
	{ ERROR_INVALID_FUNCTION, EINVAL },
	{ ERROR_INVALID_ACCESS, EINVAL },
	{ ERROR_INVALID_DATA, EINVAL },
	{ ERROR_INVALID_FLAGS, EINVAL },
	{ ERROR_INSUFFICIENT_BUFFER, EINVAL },
	{ ERROR_NEGATIVE_SEEK, EINVAL },
	{ WSAEINVAL, EINVAL },
	/* ENFILE, EMFILE */
	{ ERROR_TOO_MANY_OPEN_FILES, EMFILE },
	{ WSAEMFILE, EMFILE },
	/* EFBIG */
	{ ERROR_FILE_TOO_LARGE, EFBIG },
	/* ENOSPC */
	{ ERROR_DISK_FULL, ENOSPC },
	{ ERROR_HANDLE_DISK_FULL, ENOSPC },
	{ ERROR_CANNOT_MAKE, ENOSPC },
	/* ESPIPE */
	{ ERROR_SEEK_ON_DEVICE, ESPIPE },
	/* EROFS */
	{ ERROR_WRITE_PROTECT, EROFS },
	/* EPIPE: the other end of a pipe is gone. */
	{ ERROR_BROKEN_PIPE, EPIPE },
	{ ERROR_NO_DATA, EPIPE },       /* "The pipe is being closed" */
	{ ERROR_BAD_PIPE, EPIPE },
	{ ERROR_PIPE_NOT_CONNECTED, EPIPE },
	{ WSAESHUTDOWN, EPIPE },
	/* EDEADLK */
	{ ERROR_POSSIBLE_DEADLOCK, EDEADLK },
	/* ENAMETOOLONG */
	{ ERROR_FILENAME_EXCED_RANGE, ENAMETOOLONG },
	{ ERROR_BUFFER_OVERFLOW, ENAMETOOLONG }, /* "The file name is too long" */
	{ WSAENAMETOOLONG, ENAMETOOLONG },
	/* ENOLCK */
	{ ERROR_SHARING_BUFFER_EXCEEDED, ENOLCK },
	/* ENOSYS */
	{ ERROR_CALL_NOT_IMPLEMENTED, ENOSYS },
	/* ENOTEMPTY */
	{ ERROR_DIR_NOT_EMPTY, ENOTEMPTY },
	{ WSAENOTEMPTY, ENOTEMPTY },
	/* EILSEQ */
	{ ERROR_NO_UNICODE_TRANSLATION, EILSEQ },
	/* the socket names */
	{ WSAEADDRINUSE, EADDRINUSE },
	{ ERROR_ADDRESS_ALREADY_ASSOCIATED, EADDRINUSE },
	{ WSAEADDRNOTAVAIL, EADDRNOTAVAIL },
	{ WSAEAFNOSUPPORT, EAFNOSUPPORT },
	{ WSAEPFNOSUPPORT, EAFNOSUPPORT },
	{ WSAEALREADY, EALREADY },
	{ WSAECONNABORTED, ECONNABORTED },
	{ ERROR_CONNECTION_ABORTED, ECONNABORTED },
	{ WSAECONNREFUSED, ECONNREFUSED },
	{ ERROR_CONNECTION_REFUSED, ECONNREFUSED },
	{ WSAECONNRESET, ECONNRESET },
	{ ERROR_NETNAME_DELETED, ECONNRESET },
	{ WSAEDESTADDRREQ, EDESTADDRREQ },
	{ WSAEHOSTUNREACH, EHOSTUNREACH },
	{ WSAEHOSTDOWN, EHOSTUNREACH },
	{ ERROR_HOST_UNREACHABLE, EHOSTUNREACH },
	{ WSAEINPROGRESS, EINPROGRESS },
	{ WSAEISCONN, EISCONN },
	{ WSAELOOP, ELOOP },
	{ ERROR_CANT_RESOLVE_FILENAME, ELOOP },
	{ WSAEMSGSIZE, EMSGSIZE },
	{ WSAENETDOWN, ENETDOWN },
	{ WSASYSNOTREADY, ENETDOWN },
	{ WSANOTINITIALISED, ENETDOWN }, /* no errno names it: Winsock is not up for this process */
	{ WSAENETRESET, ENETRESET },
	{ WSAENETUNREACH, ENETUNREACH },
	{ ERROR_NETWORK_UNREACHABLE, ENETUNREACH },
	{ WSAENOBUFS, ENOBUFS },
	{ WSAENOPROTOOPT, ENOPROTOOPT },
	{ WSAENOTCONN, ENOTCONN },
	{ ERROR_NOT_CONNECTED, ENOTCONN },
	{ WSAENOTSOCK, ENOTSOCK },
	{ WSAEOPNOTSUPP, EOPNOTSUPP },
	{ ERROR_NOT_SUPPORTED, ENOTSUP },
	{ WSAEPROTONOSUPPORT, EPROTONOSUPPORT },
	{ WSAESOCKTNOSUPPORT, EPROTONOSUPPORT }, /* mingw has no ESOCKTNOSUPPORT */
	{ WSAEPROTOTYPE, EPROTOTYPE },
	{ WSAETIMEDOUT, ETIMEDOUT },
	{ ERROR_SEM_TIMEOUT, ETIMEDOUT },
	{ WAIT_TIMEOUT, ETIMEDOUT },
	{ WSAECANCELLED, ECANCELED },
	{ ERROR_CANCELLED, ECANCELED },
};

#define IOSAFE_WIN_ERRNO_ROWS (sizeof(iosafe_win_errno_table) / sizeof(iosafe_win_errno_table[0]))

int iosafe_win_error_to_errno(unsigned long code)
{
	size_t i;

	/*@
	  loop invariant bound: 0 <= i <= IOSAFE_WIN_ERRNO_ROWS;
	  loop assigns i;
	  loop variant IOSAFE_WIN_ERRNO_ROWS - i;
	*/
	for (i = 0; i < IOSAFE_WIN_ERRNO_ROWS; i++)
		if (iosafe_win_errno_table[i].code == code) {
			int err = iosafe_win_errno_table[i].err;

			/* Every row has an errno; the test lets the proof
			 * stand on the type's range, without reading the rows. */
			return err > 0 ? -err : -EIO;
		}
	return -EIO;
}

/* SPDX-License-Identifier: MIT */
/*
 * src/win/filetime.c: the Windows half of include/iosafe/filetime.h:
 * FILETIME conversions, GetSystemTimePreciseAsFileTime and SetFileTime.
 * The documentation, and the conversion's formula and range, are in the
 * header.
 */
#include <errno.h>
#include <io.h>
#include <stdint.h>

#include "iosafe/filetime.h"

#define IOSAFE_TICKS_PER_SEC 10000000LL
/* INT64_MAX ticks: 922337203685 s and 4775807 ticks after 1601. */
#define IOSAFE_WIN_MAX_SEC (922337203685LL - IOSAFE_FILETIME_EPOCH_DIFF)
#define IOSAFE_WIN_MAX_REM 4775807LL

int iosafe_filetime_to_win(const iosafe_filetime *t, FILETIME *out)
{
	int64_t s, rem;
	uint64_t ticks;

	if (t == NULL || out == NULL)
		return -EINVAL;
	if (t->nsec >= IOSAFE_NSEC_PER_SEC)
		return -EINVAL;
	if (t->sec < -IOSAFE_FILETIME_EPOCH_DIFF || t->sec > IOSAFE_WIN_MAX_SEC)
		return -ERANGE;
	s = t->sec + IOSAFE_FILETIME_EPOCH_DIFF;
	rem = (int64_t)(t->nsec / 100u);
	if (s == IOSAFE_WIN_MAX_SEC + IOSAFE_FILETIME_EPOCH_DIFF && rem > IOSAFE_WIN_MAX_REM)
		return -ERANGE;
	ticks = (uint64_t)s * (uint64_t)IOSAFE_TICKS_PER_SEC + (uint64_t)rem;
	if (ticks == 0)
		return -ERANGE; /* "do not change" to SetFileTime */
	/* The two halves by division rather than masks and shifts: the same
	 * values, in the arithmetic the provers reason about best. */
	out->dwLowDateTime = (DWORD)(ticks % 4294967296u);
	out->dwHighDateTime = (DWORD)(ticks / 4294967296u);
	return 0;
}

iosafe_filetime iosafe_filetime_from_win(const FILETIME *ft)
{
	iosafe_filetime t = { 0, 0 };
	uint64_t ticks;

	if (ft == NULL)
		return t;
	ticks = (uint64_t)ft->dwHighDateTime * 4294967296u + ft->dwLowDateTime;
	t.sec = (int64_t)(ticks / (uint64_t)IOSAFE_TICKS_PER_SEC) - IOSAFE_FILETIME_EPOCH_DIFF;
	t.nsec = (uint32_t)(ticks % (uint64_t)IOSAFE_TICKS_PER_SEC) * 100u;
	return t;
}

int iosafe_filetime_now(iosafe_filetime *out)
{
	FILETIME ft;

	if (out == NULL)
		return -EINVAL;
	GetSystemTimePreciseAsFileTime(&ft);
	*out = iosafe_filetime_from_win(&ft);
	return 0;
}

int iosafe_set_handle_times(iosafe_borrowed_handle h, const iosafe_filetime *atime,
			    const iosafe_filetime *mtime)
{
	FILETIME a, m;
	int rc;

	if (h.raw == IOSAFE_RAW_HANDLE_NONE)
		return -EBADF;
	if ((atime != NULL && atime->nsec >= IOSAFE_NSEC_PER_SEC) ||
	    (mtime != NULL && mtime->nsec >= IOSAFE_NSEC_PER_SEC))
		return -EINVAL;
	if (atime != NULL && (rc = iosafe_filetime_to_win(atime, &a)) != 0)
		return rc;
	if (mtime != NULL && (rc = iosafe_filetime_to_win(mtime, &m)) != 0)
		return rc;
	if (!SetFileTime(h.raw, NULL, atime != NULL ? &a : NULL, mtime != NULL ? &m : NULL))
		return iosafe_win_error_to_errno(GetLastError());
	return 0;
}

int iosafe_set_fd_times(iosafe_borrowed_fd fd, const iosafe_filetime *atime,
			const iosafe_filetime *mtime)
{
	iosafe_borrowed_handle h;

	if (fd.raw < 0)
		return -EBADF;
	h = iosafe_handle_borrow_from_fd(fd);
	if (h.raw == IOSAFE_RAW_HANDLE_NONE)
		return -EBADF;
	return iosafe_set_handle_times(h, atime, mtime);
}

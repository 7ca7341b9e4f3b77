/* SPDX-License-Identifier: MIT */
/*
 * src/filetime.c: file timestamps.
 * The contracts and documentation are in include/iosafe/filetime.h; the
 * trusted contracts of clock_gettime(2), utimensat(2) and futimens(2) are in
 * acsl/iosafe_posix_filetime.h.
 */
#define _GNU_SOURCE /* struct statx, STATX_BTIME */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>

#include "iosafe/filetime.h"

/* The iosafe_filetime of a (seconds, nanoseconds) pair; a nanosecond count
 * outside [0, 10^9) becomes 0 (filetime.h). */
/*@
  assigns \nothing;
  ensures sec: \result.sec == sec;
  ensures nsec: \result.nsec < IOSAFE_NSEC_PER_SEC;
  ensures value: 0 <= nsec < IOSAFE_NSEC_PER_SEC ==> \result.nsec == nsec;
*/
static iosafe_filetime iosafe_filetime_make(int64_t sec, long nsec)
{
	iosafe_filetime t;

	t.sec = sec;
	t.nsec = nsec >= 0 && nsec < (long)IOSAFE_NSEC_PER_SEC ? (uint32_t)nsec : 0;
	return t;
}

int iosafe_filetime_now(iosafe_filetime *out)
{
	struct timespec ts;

	if (out == NULL)
		return -EINVAL;
	out->sec = 0;
	out->nsec = 0;
	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -errno;
	*out = iosafe_filetime_make(ts.tv_sec, ts.tv_nsec);
	return 0;
}

iosafe_filetime iosafe_filetime_mtime(const struct stat *st)
{
	if (st == NULL)
		return iosafe_filetime_make(0, 0);
	return iosafe_filetime_make(st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
}

iosafe_filetime iosafe_filetime_atime(const struct stat *st)
{
	if (st == NULL)
		return iosafe_filetime_make(0, 0);
	return iosafe_filetime_make(st->st_atim.tv_sec, st->st_atim.tv_nsec);
}

#if defined(__linux__)
int iosafe_filetime_btime(const struct statx *stx, iosafe_filetime *out)
{
	if (stx == NULL || out == NULL) {
		if (out != NULL)
			*out = iosafe_filetime_make(0, 0);
		return -EINVAL;
	}
	*out = iosafe_filetime_make(0, 0);
	if ((stx->stx_mask & STATX_BTIME) == 0)
		return -ENODATA;
	*out = iosafe_filetime_make(stx->stx_btime.tv_sec, (long)stx->stx_btime.tv_nsec);
	return 0;
}
#endif

/*
 * The struct timespec utimensat(2) and futimens(2) take for @t: UTIME_OMIT
 * for NULL; 0, or -EINVAL (nsec out of range) or -EOVERFLOW (sec does not
 * fit time_t).
 */
/*@
  requires valid_t: t == \null || \valid_read(t);
  requires valid_ts: \valid(ts);
  assigns *ts;
  ensures omit: t == \null ==> \result == 0 && ts->tv_nsec == UTIME_OMIT;
  ensures bad_nsec: t != \null && t->nsec >= IOSAFE_NSEC_PER_SEC ==> \result == -EINVAL;
  ensures ok: \result == 0 ==> ts->tv_nsec == UTIME_OMIT ||
    (0 <= ts->tv_nsec < IOSAFE_NSEC_PER_SEC);
  ensures result: \result == 0 || \result == -EINVAL || \result == -EOVERFLOW;
*/
static int iosafe_filetime_to_timespec(const iosafe_filetime *t, struct timespec *ts)
{
	if (t == NULL) {
		ts->tv_sec = 0;
		ts->tv_nsec = UTIME_OMIT;
		return 0;
	}
	if (t->nsec >= IOSAFE_NSEC_PER_SEC)
		return -EINVAL;
	ts->tv_sec = (time_t)t->sec;
#if !defined(__LP64__) && !defined(_WIN64)
	/* A 32-bit time_t (ILP32 without _TIME_BITS=64); on LP64 time_t is
	 * int64_t's width and every sec fits. */
	if ((int64_t)ts->tv_sec != t->sec)
		return -EOVERFLOW;
#endif
	ts->tv_nsec = (long)t->nsec;
	return 0;
}

int iosafe_set_file_times(iosafe_borrowed_fd dir, const char *path, const iosafe_filetime *atime,
			  const iosafe_filetime *mtime, int flags)
{
	struct timespec ts[2];
	int rc;

	if (path == NULL)
		return -EINVAL;
	rc = iosafe_filetime_to_timespec(atime, &ts[0]);
	if (rc == 0)
		rc = iosafe_filetime_to_timespec(mtime, &ts[1]);
	else if (mtime != NULL && mtime->nsec >= IOSAFE_NSEC_PER_SEC)
		rc = -EINVAL;
	if (rc != 0)
		return rc;
	return utimensat(dir.raw, path, ts, flags) < 0 ? -errno : 0;
}

int iosafe_set_fd_times(iosafe_borrowed_fd fd, const iosafe_filetime *atime,
			const iosafe_filetime *mtime)
{
	struct timespec ts[2];
	int rc;

	if (fd.raw < 0)
		return -EBADF;
	rc = iosafe_filetime_to_timespec(atime, &ts[0]);
	if (rc == 0)
		rc = iosafe_filetime_to_timespec(mtime, &ts[1]);
	else if (mtime != NULL && mtime->nsec >= IOSAFE_NSEC_PER_SEC)
		rc = -EINVAL;
	if (rc != 0)
		return rc;
	return futimens(fd.raw, ts) < 0 ? -errno : 0;
}

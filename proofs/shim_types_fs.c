/* SPDX-License-Identifier: MIT */
/*
 * proofs/shim_types_fs.c: checks, with the real system headers and the C
 * compiler, that the types and struct layouts acsl/iosafe_posix_fs.h gives
 * Frama-C are the system's (as proofs/shim_types.c does for
 * acsl/iosafe_posix.h).  `make prove` compiles it (-fsyntax-only) with the
 * constant checks generated from iosafe_posix_fs.h's #defines
 * (proofs.mk, prove-shim-fs).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define IOSAFE_SAME_TYPE(T, U) _Generic((T)0, U: 1, default: 0)
#define IOSAFE_AT(S, F, OFF) _Static_assert(offsetof(struct S, F) == (OFF), #S "." #F)

_Static_assert(IOSAFE_SAME_TYPE(time_t, long), "time_t");
_Static_assert(IOSAFE_SAME_TYPE(uid_t, unsigned int), "uid_t");
_Static_assert(IOSAFE_SAME_TYPE(gid_t, unsigned int), "gid_t");
_Static_assert(IOSAFE_SAME_TYPE(dev_t, unsigned long), "dev_t");
_Static_assert(IOSAFE_SAME_TYPE(ino_t, unsigned long), "ino_t");
_Static_assert(IOSAFE_SAME_TYPE(nlink_t, unsigned long), "nlink_t");
_Static_assert(IOSAFE_SAME_TYPE(blksize_t, long), "blksize_t");
_Static_assert(IOSAFE_SAME_TYPE(blkcnt_t, long), "blkcnt_t");
_Static_assert(IOSAFE_SAME_TYPE(loff_t, long), "loff_t");

_Static_assert(sizeof(struct timespec) == 16, "struct timespec");
IOSAFE_AT(timespec, tv_nsec, 8);

/* struct stat, every field the shim names. */
_Static_assert(sizeof(struct stat) == 144, "struct stat size");
IOSAFE_AT(stat, st_dev, 0);
IOSAFE_AT(stat, st_ino, 8);
IOSAFE_AT(stat, st_nlink, 16);
IOSAFE_AT(stat, st_mode, 24);
IOSAFE_AT(stat, st_uid, 28);
IOSAFE_AT(stat, st_gid, 32);
IOSAFE_AT(stat, st_rdev, 40);
IOSAFE_AT(stat, st_size, 48);
IOSAFE_AT(stat, st_blksize, 56);
IOSAFE_AT(stat, st_blocks, 64);
IOSAFE_AT(stat, st_atim, 72);
IOSAFE_AT(stat, st_mtim, 88);
IOSAFE_AT(stat, st_ctim, 104);

/* struct statx. */
_Static_assert(sizeof(struct statx) == 256, "struct statx size");
_Static_assert(sizeof(struct statx_timestamp) == 16, "struct statx_timestamp size");
IOSAFE_AT(statx, stx_mask, 0);
IOSAFE_AT(statx, stx_blksize, 4);
IOSAFE_AT(statx, stx_attributes, 8);
IOSAFE_AT(statx, stx_nlink, 16);
IOSAFE_AT(statx, stx_uid, 20);
IOSAFE_AT(statx, stx_gid, 24);
IOSAFE_AT(statx, stx_mode, 28);
IOSAFE_AT(statx, stx_ino, 32);
IOSAFE_AT(statx, stx_size, 40);
IOSAFE_AT(statx, stx_blocks, 48);
IOSAFE_AT(statx, stx_attributes_mask, 56);
IOSAFE_AT(statx, stx_atime, 64);
IOSAFE_AT(statx, stx_btime, 80);
IOSAFE_AT(statx, stx_ctime, 96);
IOSAFE_AT(statx, stx_mtime, 112);
IOSAFE_AT(statx, stx_rdev_major, 128);
IOSAFE_AT(statx, stx_dev_minor, 140);

/* struct open_how, struct iovec. */
_Static_assert(sizeof(struct open_how) == 24, "struct open_how size");
IOSAFE_AT(open_how, flags, 0);
IOSAFE_AT(open_how, mode, 8);
IOSAFE_AT(open_how, resolve, 16);
_Static_assert(sizeof(struct iovec) == 16, "struct iovec size");
IOSAFE_AT(iovec, iov_base, 0);
IOSAFE_AT(iovec, iov_len, 8);

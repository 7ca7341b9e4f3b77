/* SPDX-License-Identifier: MIT */
/*
 * iosafe_posix_fs.h: the TRUSTED BASE of the proofs of src/fs.c and
 * src/zerocopy.c: the file and zero-copy calls they make, declared with
 * contracts in the descriptor-table model (iosafe_acsl.h).  Assumed, not
 * proved; each clause cites the man page it follows.  Linux x86_64 / glibc
 * 2.36 semantics.  It extends acsl/iosafe_posix.h (included first) and is
 * read through the shims acsl/libc/sys/stat.h, sys/mman.h, sys/file.h,
 * sys/uio.h, sys/sendfile.h, sys/syscall.h, linux/openat2.h.
 *
 * Why this file is long (over 600 lines would need a reason; it is not):
 * one contract per call.
 *
 * "No stronger than Linux": where a call can fail with any errno (every
 * file call passes the LSM hooks and the filesystem's own methods, which may
 * return their own codes), a failure is `\result == -1 && iosafe_errno_set`,
 * never a list.  Results are bounded only where the man page bounds them.
 *
 * Two forms differ from the system's, not the calls made:
 *   - fcntl(fd, cmd, arg) is variadic in <fcntl.h> and modelled in
 *     iosafe_posix.h for the descriptor-flag commands.  src/fs.c and
 *     src/zerocopy.c pass a constant command each time; the macro below
 *     names a separate trusted function per command
 *     (iosafe_posix_fcntl_F_ADD_SEALS, ...), so that each command has its
 *     own contract and none weakens another's.  The operand of ## is not
 *     macro-expanded, so the command's name, not its value, is pasted.
 *   - syscall(SYS_openat2, ...) (glibc 2.36 has no openat2 wrapper) is read
 *     the same way, as iosafe_posix_syscall_SYS_openat2(...).
 * Every type and constant below is checked against the real headers by
 * `make prove` (proofs.mk prove-shim-fs, proofs/shim_types_fs.c).
 */
#ifndef IOSAFE_POSIX_FS_H
#define IOSAFE_POSIX_FS_H

#include "iosafe_posix.h"
/* dev_t, ino_t, uid_t, gid_t, struct timespec, struct stat and fstat(2)
 * are the descriptor operations' (struct stat checked by prove-shim). */
#include "iosafe_posix_fdops.h"

/* ---- Types (x86_64 LP64; checked by prove-shim-fs) ------------------------ */
typedef long time_t;
typedef long loff_t;

struct statx_timestamp {
	long tv_sec;
	unsigned int tv_nsec;
	int __statx_timestamp_pad1[1];
};

/* statx(2) (bits/types/struct_statx.h). */
struct statx {
	unsigned int stx_mask;
	unsigned int stx_blksize;
	unsigned long stx_attributes;
	unsigned int stx_nlink;
	unsigned int stx_uid;
	unsigned int stx_gid;
	unsigned short stx_mode;
	unsigned short __statx_pad1[1];
	unsigned long stx_ino;
	unsigned long stx_size;
	unsigned long stx_blocks;
	unsigned long stx_attributes_mask;
	struct statx_timestamp stx_atime;
	struct statx_timestamp stx_btime;
	struct statx_timestamp stx_ctime;
	struct statx_timestamp stx_mtime;
	unsigned int stx_rdev_major;
	unsigned int stx_rdev_minor;
	unsigned int stx_dev_major;
	unsigned int stx_dev_minor;
	unsigned long __statx_pad2[14];
};

/* openat2(2) (linux/openat2.h). */
struct open_how {
	unsigned long flags;
	unsigned long mode;
	unsigned long resolve;
};

/* readv(2) (bits/types/struct_iovec.h). */
struct iovec {
	void *iov_base;
	size_t iov_len;
};

/* ---- Constants (checked by prove-shim-fs) -------------------------------- */
#define ENXIO 6
#define E2BIG 7
#define EXDEV 18
#define ENODEV 19
#define EFBIG 27
#define ESPIPE 29
#define ERANGE 34
#define ENAMETOOLONG 36
#define ENOSYS 38
#define ENOTEMPTY 39
#define ELOOP 40
#define EOVERFLOW 75

#define O_NOCTTY 0400
#define O_NOFOLLOW 0400000
#define O_PATH 010000000
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_REMOVEDIR 0x200
#define AT_EACCESS 0x200
#define AT_SYMLINK_FOLLOW 0x400
#define AT_EMPTY_PATH 0x1000
#define F_OK 0
#define R_OK 4
#define W_OK 2
#define X_OK 1
#define F_SETPIPE_SZ 1031
#define F_GETPIPE_SZ 1032
#define F_ADD_SEALS 1033
#define F_GET_SEALS 1034
#define F_SEAL_SEAL 0x0001
#define F_SEAL_SHRINK 0x0002
#define F_SEAL_GROW 0x0004
#define F_SEAL_WRITE 0x0008
#define S_IFMT 0170000
#define S_IFIFO 0010000
#define S_IFCHR 0020000
#define S_IFDIR 0040000
#define S_IFREG 0100000
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define MFD_CLOEXEC 0x0001U
#define MFD_ALLOW_SEALING 0x0002U
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define LOCK_SH 1
#define LOCK_EX 2
#define LOCK_NB 4
#define LOCK_UN 8
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#define SPLICE_F_MOVE 1
#define SPLICE_F_NONBLOCK 2
#define SPLICE_F_MORE 4
#define STATX_BASIC_STATS 0x07ffU
#define SYS_openat2 437
#define RESOLVE_BENEATH 0x08

/* One trusted function per fcntl command and per syscall number (see the
 * head of this file).  The commands iosafe_posix.h models go back to its
 * fcntl, by name in parentheses (not a macro call); a command or syscall
 * number with neither stops the proof run (implicit declarations abort),
 * so none escapes a contract. */
#define fcntl(fd, cmd, arg) iosafe_posix_fcntl_##cmd(fd, arg)
#define syscall(nr, ...) iosafe_posix_syscall_##nr(__VA_ARGS__)
/* kcmp(2) is iosafe_posix_fdops.h's syscall() contract. */
#define iosafe_posix_syscall_SYS_kcmp(...) (syscall)(SYS_kcmp, __VA_ARGS__)
#define iosafe_posix_fcntl_F_DUPFD(fd, arg) (fcntl)(fd, F_DUPFD, arg)
#define iosafe_posix_fcntl_F_DUPFD_CLOEXEC(fd, arg) (fcntl)(fd, F_DUPFD_CLOEXEC, arg)
#define iosafe_posix_fcntl_F_GETFD(fd, arg) (fcntl)(fd, F_GETFD, arg)
#define iosafe_posix_fcntl_F_SETFD(fd, arg) (fcntl)(fd, F_SETFD, arg)
#define iosafe_posix_fcntl_F_GETFL(fd, arg) (fcntl)(fd, F_GETFL, arg)
#define iosafe_posix_fcntl_F_SETFL(fd, arg) (fcntl)(fd, F_SETFL, arg)

/* ---- Acquisitions ----------------------------------------------------------
 * The shape of iosafe_posix.h's: -1 with errno set and the table unchanged,
 * or a number that was closed and is now owned by the caller. */

/*@
  requires openat2_path: \valid_read(path);
  requires openat2_how: \valid_read(how);
  // openat2(2): dirfd as openat(2): used when path is relative.
  requires openat2_dir: iosafe_fd_borrow_ok(dirfd);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // openat2(2) RETURN VALUE: "a new file descriptor", or -1 with errno set.
  ensures openat2_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // openat2(2): how->flags "has the same meaning as for open(2)"; open(2)
  // O_CLOEXEC sets the close-on-exec flag.
  ensures openat2_cloexec: \result != -1 ==>
    ((how->flags & O_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  ensures openat2_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
long iosafe_posix_syscall_SYS_openat2(int dirfd, const char *path,
				      const struct open_how *how, size_t size);

/*@
  requires memfd_name: \valid_read(name);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // memfd_create(2) RETURN VALUE: "a new file descriptor", or -1, errno set.
  ensures memfd_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // memfd_create(2) MFD_CLOEXEC: "Set the close-on-exec (FD_CLOEXEC) flag
  // on the new file descriptor."
  ensures memfd_cloexec: \result != -1 ==>
    ((flags & MFD_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  ensures memfd_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int memfd_create(const char *name, unsigned int flags);

/*@
  requires shm_name: \valid_read(name);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // shm_open(3) RETURN VALUE: "a file descriptor (a nonnegative integer)",
  // or -1 with errno set.
  ensures shm_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // shm_open(3): "The FD_CLOEXEC flag (see fcntl(2)) is set for the file
  // descriptor."
  ensures shm_cloexec: \result != -1 ==> iosafe_fd_is_cloexec(\result);
  ensures shm_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int shm_open(const char *name, int oflag, mode_t mode);

/* ---- Calls that use a descriptor or a path, and make or close none -------
 * Each: 0 (or a count) or -1 with errno set; the table unchanged. */

/*@
  requires shm_unlink_name: \valid_read(name);
  assigns errno;
  // shm_unlink(3) RETURN VALUE: 0, or -1 with errno set.
  ensures shm_unlink_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int shm_unlink(const char *name);

/*@
  requires statx_path: \valid_read(path);
  requires statx_dir: iosafe_fd_borrow_ok(dirfd);
  requires statx_buf: \valid(buf);
  assigns *buf, errno;
  // statx(2) RETURN VALUE: 0, or -1 with errno set.
  ensures statx_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf);

/*@
  requires fsync_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fsync(2) RETURN VALUE: 0, or -1 with errno set.
  ensures fsync_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int fsync(int fd);

/*@
  requires fdatasync_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fdatasync(2) (fsync(2) page) RETURN VALUE: 0, or -1 with errno set.
  ensures fdatasync_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int fdatasync(int fd);

/*@
  requires ftruncate_open: iosafe_fd_is_open(fd);
  assigns errno;
  // ftruncate(2) RETURN VALUE: 0, or -1 with errno set.
  ensures ftruncate_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int ftruncate(int fd, off_t length);

/*@
  requires fallocate_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fallocate(2) RETURN VALUE: 0, or -1 with errno set.
  ensures fallocate_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int fallocate(int fd, int mode, off_t offset, off_t len);

/*@
  requires flock_open: iosafe_fd_is_open(fd);
  assigns errno;
  // flock(2) RETURN VALUE: 0, or -1 with errno set.
  ensures flock_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int flock(int fd, int operation);

/*@
  requires lseek_open: iosafe_fd_is_open(fd);
  assigns errno;
  // lseek(2) RETURN VALUE: "the resulting offset location as measured in
  // bytes from the beginning of the file", or (off_t) -1 with errno set.
  ensures lseek_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
off_t lseek(int fd, off_t offset, int whence);

/*@
  requires pread_open: iosafe_fd_is_open(fd);
  requires pread_buf: \valid((char *)buf + (0 .. count - 1));
  assigns ((char *)buf)[0 .. count - 1], errno;
  // pread(2) RETURN VALUE: the number of bytes read (0 at end of file; at
  // most count), or -1 with errno set.
  ensures pread_result: (0 <= \result <= count) || (\result == -1 && iosafe_errno_set);
*/
ssize_t pread(int fd, void *buf, size_t count, off_t offset);

/*@
  requires pwrite_open: iosafe_fd_is_open(fd);
  requires pwrite_buf: \valid_read((char *)buf + (0 .. count - 1));
  assigns errno;
  // pwrite(2) RETURN VALUE: the number of bytes written (at most count), or
  // -1 with errno set.
  ensures pwrite_result: (0 <= \result <= count) || (\result == -1 && iosafe_errno_set);
*/
ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset);

/*@
  requires mkfifoat_path: \valid_read(path);
  requires mkfifoat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // mkfifoat(3) (mkfifo(3) page) RETURN VALUE: 0, or -1 with errno set.
  ensures mkfifoat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int mkfifoat(int dirfd, const char *path, mode_t mode);

/*@
  requires mkdirat_path: \valid_read(path);
  requires mkdirat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // mkdirat(2) (mkdir(2) page) RETURN VALUE: 0, or -1 with errno set.
  ensures mkdirat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int mkdirat(int dirfd, const char *path, mode_t mode);

/*@
  requires unlinkat_path: \valid_read(path);
  requires unlinkat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // unlinkat(2) (unlink(2) page) RETURN VALUE: 0, or -1 with errno set.
  ensures unlinkat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int unlinkat(int dirfd, const char *path, int flags);

/*@
  requires renameat2_paths: \valid_read(oldpath) && \valid_read(newpath);
  requires renameat2_dirs: iosafe_fd_borrow_ok(olddirfd) && iosafe_fd_borrow_ok(newdirfd);
  assigns errno;
  // renameat2(2) (rename(2) page) RETURN VALUE: 0, or -1 with errno set.
  ensures renameat2_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
	      unsigned int flags);

/*@
  requires linkat_paths: \valid_read(oldpath) && \valid_read(newpath);
  requires linkat_dirs: iosafe_fd_borrow_ok(olddirfd) && iosafe_fd_borrow_ok(newdirfd);
  assigns errno;
  // linkat(2) (link(2) page) RETURN VALUE: 0, or -1 with errno set.
  ensures linkat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags);

/*@
  requires symlinkat_paths: \valid_read(target) && \valid_read(linkpath);
  requires symlinkat_dir: iosafe_fd_borrow_ok(newdirfd);
  assigns errno;
  // symlinkat(2) (symlink(2) page) RETURN VALUE: 0, or -1 with errno set.
  ensures symlinkat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int symlinkat(const char *target, int newdirfd, const char *linkpath);

/*@
  requires readlinkat_path: \valid_read(path);
  requires readlinkat_dir: iosafe_fd_borrow_ok(dirfd);
  requires readlinkat_buf: \valid(buf + (0 .. bufsiz - 1));
  assigns buf[0 .. bufsiz - 1], errno;
  // readlinkat(2) (readlink(2) page) RETURN VALUE: "the number of bytes
  // placed in buf" (at most bufsiz: "it will (silently) truncate"), or -1
  // with errno set.
  ensures readlinkat_result: (0 <= \result <= bufsiz) ||
    (\result == -1 && iosafe_errno_set);
*/
ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t bufsiz);

/*@
  requires fchmodat_path: \valid_read(path);
  requires fchmodat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // fchmodat(2) (chmod(2) page) RETURN VALUE: 0, or -1 with errno set.
  ensures fchmodat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int fchmodat(int dirfd, const char *path, mode_t mode, int flags);

/*@
  requires fchownat_path: \valid_read(path);
  requires fchownat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // fchownat(2) (chown(2) page) RETURN VALUE: 0, or -1 with errno set.
  ensures fchownat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int fchownat(int dirfd, const char *path, uid_t owner, gid_t group, int flags);

/*@
  requires faccessat_path: \valid_read(path);
  requires faccessat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // faccessat(2) (access(2) page) RETURN VALUE: 0 (all requested
  // permissions granted), or -1 with errno set.
  ensures faccessat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int faccessat(int dirfd, const char *path, int mode, int flags);

/* ---- fcntl(2), one command each ------------------------------------------- */

/*@
  requires add_seals_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fcntl(2) "File Sealing", F_ADD_SEALS: 0 on success, -1 with errno set.
  ensures add_seals_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_fcntl_F_ADD_SEALS(int fd, int arg);

/*@
  requires get_seals_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fcntl(2) F_GET_SEALS: "Return (as the function result) the current set
  // of seals" (a bit mask, so not negative), or -1 with errno set.
  ensures get_seals_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_fcntl_F_GET_SEALS(int fd, int arg);

/*@
  requires getpipe_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fcntl(2) F_GETPIPE_SZ: "Return (as the function result) the capacity of
  // the pipe referred to by fd", or -1 with errno set.
  ensures getpipe_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_fcntl_F_GETPIPE_SZ(int fd, int arg);

/*@
  requires setpipe_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fcntl(2) F_SETPIPE_SZ: "the actual capacity allocated" is returned (the
  // kernel may round it up), or -1 with errno set.
  ensures setpipe_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_fcntl_F_SETPIPE_SZ(int fd, int arg);

/* ---- Zero-copy (splice(2) and neighbours) -------------------------------- */

/*@
  requires splice_open: iosafe_fd_is_open(fd_in) && iosafe_fd_is_open(fd_out);
  requires splice_offsets: (off_in == \null || \valid(off_in)) &&
    (off_out == \null || \valid(off_out));
  requires splice_separated: off_in != \null && off_out != \null ==>
    \separated(off_in, off_out);
  assigns *off_in, *off_out, errno;
  // splice(2) RETURN VALUE: "the number of bytes spliced to or from the
  // pipe" (at most len; 0 at end of input), or -1 with errno set.
  ensures splice_result: (0 <= \result <= len) || (\result == -1 && iosafe_errno_set);
*/
ssize_t splice(int fd_in, loff_t *off_in, int fd_out, loff_t *off_out, size_t len,
	       unsigned int flags);

/*@
  requires tee_open: iosafe_fd_is_open(fd_in) && iosafe_fd_is_open(fd_out);
  assigns errno;
  // tee(2) RETURN VALUE: "the number of bytes that were duplicated between
  // the input and output" (at most len), or -1 with errno set.
  ensures tee_result: (0 <= \result <= len) || (\result == -1 && iosafe_errno_set);
*/
ssize_t tee(int fd_in, int fd_out, size_t len, unsigned int flags);

/*@
  requires sendfile_open: iosafe_fd_is_open(out_fd) && iosafe_fd_is_open(in_fd);
  requires sendfile_offset: offset == \null || \valid(offset);
  assigns *offset, errno;
  // sendfile(2) RETURN VALUE: "the number of bytes written to out_fd" (at
  // most count), or -1 with errno set.
  ensures sendfile_result: (0 <= \result <= count) || (\result == -1 && iosafe_errno_set);
*/
ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count);

/*@
  requires cfr_open: iosafe_fd_is_open(fd_in) && iosafe_fd_is_open(fd_out);
  requires cfr_offsets: (off_in == \null || \valid(off_in)) &&
    (off_out == \null || \valid(off_out));
  requires cfr_separated: off_in != \null && off_out != \null ==>
    \separated(off_in, off_out);
  assigns *off_in, *off_out, errno;
  // copy_file_range(2) RETURN VALUE: "the number of bytes copied between
  // files" (at most len; 0 at end of input), or -1 with errno set.
  ensures cfr_result: (0 <= \result <= len) || (\result == -1 && iosafe_errno_set);
*/
ssize_t copy_file_range(int fd_in, loff_t *off_in, int fd_out, loff_t *off_out, size_t len,
			unsigned int flags);

/*@
  // readv(2): fd is used; iov holds iovcnt entries, each a writable buffer.
  requires readv_open: iosafe_fd_is_open(fd);
  requires readv_iov: \valid_read(iov + (0 .. iovcnt - 1));
  requires readv_bufs: \forall integer i; 0 <= i < iovcnt ==>
    \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
  assigns errno, { ((char *)iov[i].iov_base)[j] | integer i, j;
    0 <= i < iovcnt && 0 <= j < iov[i].iov_len };
  // readv(2) RETURN VALUE: "the number of bytes read", or -1 with errno set.
  ensures readv_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
ssize_t readv(int fd, const struct iovec *iov, int iovcnt);

/*@
  requires writev_open: iosafe_fd_is_open(fd);
  requires writev_iov: \valid_read(iov + (0 .. iovcnt - 1));
  requires writev_bufs: \forall integer i; 0 <= i < iovcnt ==>
    \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
  assigns errno;
  // writev(2) RETURN VALUE: "the number of bytes written", or -1, errno set.
  ensures writev_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

/*@
  requires vmsplice_open: iosafe_fd_is_open(fd);
  requires vmsplice_iov: \valid_read(iov + (0 .. nr_segs - 1));
  requires vmsplice_bufs: \forall integer i; 0 <= i < nr_segs ==>
    \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
  // vmsplice(2) maps the ranges into a pipe's write end; on a read end
  // Linux copies the pipe's data into them (fs/splice.c, vmsplice_to_user),
  // which the man page does not say: the buffers may be written.
  assigns errno, { ((char *)iov[i].iov_base)[j] | integer i, j;
    0 <= i < nr_segs && 0 <= j < iov[i].iov_len };
  // vmsplice(2) RETURN VALUE: "the number of bytes transferred to the
  // pipe", or -1 with errno set.
  ensures vmsplice_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
ssize_t vmsplice(int fd, const struct iovec *iov, size_t nr_segs, unsigned int flags);

#endif /* IOSAFE_POSIX_FS_H */

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
 * Why this file is over 600 lines: one contract per call, each clause with
 * its citation and a line on why it is no stronger than Linux
 * (proofs/wp_check.py copies both into REPORT.md); the calls share their
 * types and constants, which a split would scatter.
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
  // openat2(2): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires openat2_path: \valid_read(path);
  // openat2(2): how points to a struct open_how of size bytes (EFAULT
  // otherwise).
  // No stronger: a precondition on iosafe, which passes its own copy and
  // sizeof(struct open_how) (src/fs.c).
  requires openat2_how: \valid_read(how);
  // openat2(2): dirfd as openat(2): used when path is relative.
  // No stronger: a precondition on iosafe (no use after close); a negative
  // dirfd (AT_FDCWD) is no descriptor.
  requires openat2_dir: iosafe_fd_borrow_ok(dirfd);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // openat2(2) RETURN VALUE: "a new file descriptor", or -1 with errno set.
  // No stronger: do_sys_openat2() (fs/open.c) installs exactly one new file at
  // a free number, or none; glibc's syscall(2) turns a negative return into -1
  // and errno.
  ensures openat2_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // openat2(2): how->flags "has the same meaning as for open(2)"; open(2)
  // O_CLOEXEC sets the close-on-exec flag.
  // No stronger: the flag is set at allocation
  // (get_unused_fd_flags(how->flags)); the clause claims only that direction.
  ensures openat2_cloexec: \result != -1 ==>
    ((how->flags & O_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  // openat2(2) ERRORS: open(2)'s, plus E2BIG and EINVAL for how and size,
  // EAGAIN, ELOOP and EXDEV for how->resolve; ENOSYS before Linux 5.6; seccomp
  // can add any errno.
  // No stronger: errno set, no list; nothing installed on failure (the file is
  // installed only after do_filp_open() succeeded).
  ensures openat2_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
long iosafe_posix_syscall_SYS_openat2(int dirfd, const char *path,
				      const struct open_how *how, size_t size);

/*@
  // memfd_create(2): name is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires memfd_name: \valid_read(name);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // memfd_create(2) RETURN VALUE: "a new file descriptor", or -1, errno set.
  // No stronger: memfd_create() (mm/memfd.c) installs one new file or none;
  // the system call returns its number or a negative error.
  ensures memfd_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // memfd_create(2) MFD_CLOEXEC: "Set the close-on-exec (FD_CLOEXEC) flag
  // on the new file descriptor."
  // No stronger: MFD_CLOEXEC becomes O_CLOEXEC for get_unused_fd_flags(),
  // which sets the flag at allocation.
  ensures memfd_cloexec: \result != -1 ==>
    ((flags & MFD_CLOEXEC) != 0 ==> iosafe_fd_is_cloexec(\result));
  // memfd_create(2) ERRORS: EFAULT, EINVAL, EMFILE, ENFILE, ENOMEM, EPERM;
  // seccomp can add any errno.
  // No stronger: errno set, no list; a failure puts the unused number back
  // (put_unused_fd()) and installs nothing.
  ensures memfd_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int memfd_create(const char *name, unsigned int flags);

/*@
  // shm_open(3): name is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires shm_name: \valid_read(name);
  assigns iosafe_fd_state[0 .. IOSAFE_FD_BOUND - 1],
    iosafe_fd_cloexec[0 .. IOSAFE_FD_BOUND - 1], errno;
  // shm_open(3) RETURN VALUE: "a file descriptor (a nonnegative integer)",
  // or -1 with errno set.
  // No stronger: glibc's shm_open() (rt/shm_open.c) is one open(2) of a file
  // under /dev/shm, which installs one new file or none.
  ensures shm_result: \result == -1 || iosafe_fd_acquired{Pre, Post}(\result);
  // shm_open(3): "The FD_CLOEXEC flag (see fcntl(2)) is set for the file
  // descriptor."
  // No stronger: glibc adds O_CLOEXEC (and O_NOFOLLOW) to oflag in that
  // open(2).
  ensures shm_cloexec: \result != -1 ==> iosafe_fd_is_cloexec(\result);
  // shm_open(3) ERRORS: EACCES, EEXIST, EINVAL, EMFILE, ENAMETOOLONG, ENFILE,
  // ENOENT, and open(2)'s, which file systems and LSMs extend.
  // No stronger: errno set, no list (glibc's name check sets EINVAL or
  // ENAMETOOLONG itself); a failed open(2) installs nothing.
  ensures shm_failed: \result == -1 ==>
    iosafe_fd_table_same{Pre, Post} && iosafe_errno_set;
*/
int shm_open(const char *name, int oflag, mode_t mode);

/* ---- Calls that use a descriptor or a path, and make or close none -------
 * Each: 0 (or a count) or -1 with errno set; the table unchanged. */

/*@
  // shm_unlink(3) (shm_open(3) page): name is a string (readable; termination
  // not modelled).
  // No stronger: a precondition on iosafe.
  requires shm_unlink_name: \valid_read(name);
  assigns errno;
  // shm_unlink(3) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: glibc's shm_unlink() is one unlink(2) of a file under
  // /dev/shm, which returns 0 or a negative error (its name check sets errno
  // itself); errno set, no list.
  ensures shm_unlink_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int shm_unlink(const char *name);

/*@
  // statx(2): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires statx_path: \valid_read(path);
  // statx(2): dirfd is used (a borrow) when pathname is relative or empty
  // (AT_EMPTY_PATH); a negative dirfd (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires statx_dir: iosafe_fd_borrow_ok(dirfd);
  // statx(2): statxbuf is writable (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires statx_buf: \valid(buf);
  assigns *buf, errno;
  // statx(2) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error (as does
  // glibc's fstatat(2) fallback for kernels without statx); errno set, no
  // list.
  ensures statx_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf);

/*@
  // fsync(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires fsync_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fsync(2) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error
  // (vfs_fsync_range() passes the file system's own code); errno set, no list.
  ensures fsync_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int fsync(int fd);

/*@
  // fdatasync(2) (fsync(2) page): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires fdatasync_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fdatasync(2) (fsync(2) page) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: as fsync_result (the same do_fsync()).
  ensures fdatasync_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int fdatasync(int fd);

/*@
  // ftruncate(2) (truncate(2) page): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires ftruncate_open: iosafe_fd_is_open(fd);
  assigns errno;
  // ftruncate(2) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error (the file
  // system's setattr code passed on); errno set, no list.
  ensures ftruncate_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int ftruncate(int fd, off_t length);

/*@
  // fallocate(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires fallocate_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fallocate(2) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: vfs_fallocate() returns 0 or a negative error (the file
  // system's own code passed on); errno set, no list.
  ensures fallocate_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int fallocate(int fd, int mode, off_t offset, off_t len);

/*@
  // flock(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires flock_open: iosafe_fd_is_open(fd);
  assigns errno;
  // flock(2) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error (EWOULDBLOCK,
  // EINTR, ENOLCK, or the file system's lock method's code); errno set, no
  // list.
  ensures flock_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int flock(int fd, int operation);

/*@
  // lseek(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires lseek_open: iosafe_fd_is_open(fd);
  assigns errno;
  // lseek(2) RETURN VALUE: "the resulting offset location as measured in
  // bytes from the beginning of the file", or (off_t) -1 with errno set.
  // No stronger: ksys_lseek() (fs/read_write.c) returns the new position
  // or a negative error, which glibc turns into -1 and errno; a file opened
  // with FMODE_UNSIGNED_OFFSET (/proc/<pid>/mem, /dev/mem) takes positions
  // of 2^63 and above, which come back as other negative values with errno
  // untouched (glibc 2.36, Linux 6.18: lseek(/proc/self/mem,
  // 0xffffffffff600000, SEEK_SET) returned -10485760, errno 0): hence
  // `\result < -1` with nothing said of errno.
  ensures lseek_result: \result >= 0 || \result < -1 ||
    (\result == -1 && iosafe_errno_set);
*/
off_t lseek(int fd, off_t offset, int whence);

/*@
  // pread(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires pread_open: iosafe_fd_is_open(fd);
  // pread(2): buf has room for count bytes (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires pread_buf: \valid((char *)buf + (0 .. count - 1));
  assigns ((char *)buf)[0 .. count - 1], errno;
  // pread(2) RETURN VALUE: the number of bytes read (0 at end of file; at
  // most count), or -1 with errno set.
  // No stronger: ksys_pread64() refuses a negative offset (EINVAL) and
  // vfs_read() never returns more than count (rw_verify_area() clamps it to
  // MAX_RW_COUNT); errno set, no list.
  ensures pread_result: (0 <= \result <= count) || (\result == -1 && iosafe_errno_set);
*/
ssize_t pread(int fd, void *buf, size_t count, off_t offset);

/*@
  // pwrite(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires pwrite_open: iosafe_fd_is_open(fd);
  // pwrite(2): buf holds count readable bytes (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires pwrite_buf: \valid_read((char *)buf + (0 .. count - 1));
  assigns errno;
  // pwrite(2) RETURN VALUE: the number of bytes written (at most count), or
  // -1 with errno set.
  // No stronger: ksys_pwrite64() refuses a negative offset (EINVAL) and
  // vfs_write() never returns more than count (rw_verify_area()); errno set,
  // no list.
  ensures pwrite_result: (0 <= \result <= count) || (\result == -1 && iosafe_errno_set);
*/
ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset);

/*@
  // mkfifoat(3): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires mkfifoat_path: \valid_read(path);
  // mkfifoat(3): dirfd is used (a borrow) when the path is relative; a
  // negative value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires mkfifoat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // mkfifoat(3) (mkfifo(3) page) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: glibc's mkfifoat() is mknodat(2) with S_IFIFO, a system call
  // that returns 0 or a negative error; errno set, no list.
  ensures mkfifoat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int mkfifoat(int dirfd, const char *path, mode_t mode);

/*@
  // mkdirat(2): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires mkdirat_path: \valid_read(path);
  // mkdirat(2): dirfd is used (a borrow) when the path is relative; a negative
  // value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires mkdirat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // mkdirat(2) (mkdir(2) page) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error (the file
  // system's mkdir method's code passed on); errno set, no list.
  ensures mkdirat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int mkdirat(int dirfd, const char *path, mode_t mode);

/*@
  // unlinkat(2): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires unlinkat_path: \valid_read(path);
  // unlinkat(2): dirfd is used (a borrow) when the path is relative; a
  // negative value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires unlinkat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // unlinkat(2) (unlink(2) page) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error (the file
  // system's unlink or rmdir method's code passed on); errno set, no list.
  ensures unlinkat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int unlinkat(int dirfd, const char *path, int flags);

/*@
  // renameat2(2): oldpath and newpath are strings (readable; termination not
  // modelled).
  // No stronger: a precondition on iosafe.
  requires renameat2_paths: \valid_read(oldpath) && \valid_read(newpath);
  // renameat2(2): olddirfd and newdirfd are used (borrows) when the matching
  // path is relative; a negative value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires renameat2_dirs: iosafe_fd_borrow_ok(olddirfd) && iosafe_fd_borrow_ok(newdirfd);
  assigns errno;
  // renameat2(2) (rename(2) page) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: glibc 2.36's renameat2() is the system call (ENOSYS before
  // Linux 3.15, or for flags a file system does not support: EINVAL), which
  // returns 0 or a negative error; errno set, no list.
  ensures renameat2_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
	      unsigned int flags);

/*@
  // linkat(2): oldpath and newpath are strings (readable; termination not
  // modelled).
  // No stronger: a precondition on iosafe.
  requires linkat_paths: \valid_read(oldpath) && \valid_read(newpath);
  // linkat(2): olddirfd and newdirfd are used (borrows) when the matching path
  // is relative; a negative value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires linkat_dirs: iosafe_fd_borrow_ok(olddirfd) && iosafe_fd_borrow_ok(newdirfd);
  assigns errno;
  // linkat(2) (link(2) page) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error (the file
  // system's link method's code passed on); errno set, no list.
  ensures linkat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags);

/*@
  // symlinkat(2): target and linkpath are strings (readable; termination not
  // modelled).
  // No stronger: a precondition on iosafe.
  requires symlinkat_paths: \valid_read(target) && \valid_read(linkpath);
  // symlinkat(2): newdirfd is used (a borrow) when linkpath is relative; a
  // negative value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires symlinkat_dir: iosafe_fd_borrow_ok(newdirfd);
  assigns errno;
  // symlinkat(2) (symlink(2) page) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error (the file
  // system's symlink method's code passed on); errno set, no list.
  ensures symlinkat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int symlinkat(const char *target, int newdirfd, const char *linkpath);

/*@
  // readlinkat(2): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires readlinkat_path: \valid_read(path);
  // readlinkat(2): dirfd is used (a borrow) when the path is relative; a
  // negative value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires readlinkat_dir: iosafe_fd_borrow_ok(dirfd);
  // readlinkat(2): buf has room for bufsiz bytes (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires readlinkat_buf: \valid(buf + (0 .. bufsiz - 1));
  assigns buf[0 .. bufsiz - 1], errno;
  // readlinkat(2) (readlink(2) page) RETURN VALUE: "the number of bytes
  // placed in buf" (at most bufsiz: "it will (silently) truncate"), or -1
  // with errno set.
  // No stronger: do_readlinkat() (fs/stat.c) copies at most bufsiz bytes (it
  // takes bufsiz as an int: one that is not positive there is EINVAL, a larger
  // size_t is cut to fewer bytes, never more); errno set, no list.
  ensures readlinkat_result: (0 <= \result <= bufsiz) ||
    (\result == -1 && iosafe_errno_set);
*/
ssize_t readlinkat(int dirfd, const char *path, char *buf, size_t bufsiz);

/*@
  // fchmodat(2): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires fchmodat_path: \valid_read(path);
  // fchmodat(2): dirfd is used (a borrow) when the path is relative; a
  // negative value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires fchmodat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // fchmodat(2) (chmod(2) page) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error; glibc 2.36's
  // AT_SYMLINK_NOFOLLOW path (an O_PATH descriptor it closes again before
  // returning) returns 0 or -1 with errno set too; errno set, no list.
  ensures fchmodat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int fchmodat(int dirfd, const char *path, mode_t mode, int flags);

/*@
  // fchownat(2): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires fchownat_path: \valid_read(path);
  // fchownat(2): dirfd is used (a borrow) when the path is relative; a
  // negative value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires fchownat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // fchownat(2) (chown(2) page) RETURN VALUE: 0, or -1 with errno set.
  // No stronger: the system call returns 0 or a negative error (the file
  // system's setattr code passed on); errno set, no list.
  ensures fchownat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int fchownat(int dirfd, const char *path, uid_t owner, gid_t group, int flags);

/*@
  // faccessat(2): pathname is a string (readable; termination not modelled).
  // No stronger: a precondition on iosafe.
  requires faccessat_path: \valid_read(path);
  // faccessat(2): dirfd is used (a borrow) when the path is relative; a
  // negative value (AT_FDCWD) is no descriptor.
  // No stronger: a precondition on iosafe (no use after close).
  requires faccessat_dir: iosafe_fd_borrow_ok(dirfd);
  assigns errno;
  // faccessat(2) (access(2) page) RETURN VALUE: 0 (all requested
  // permissions granted), or -1 with errno set.
  // No stronger: glibc 2.36 calls faccessat2(2), and for kernels without it
  // faccessat(2) and an fstatat(2) check, each 0 or a negative error; errno
  // set, no list.
  ensures faccessat_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int faccessat(int dirfd, const char *path, int mode, int flags);

/* ---- fcntl(2), one command each ------------------------------------------- */

/*@
  // fcntl(2) F_ADD_SEALS: fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires add_seals_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fcntl(2) "File Sealing", F_ADD_SEALS: 0 on success, -1 with errno set.
  // No stronger: memfd_fcntl() (mm/memfd.c) returns memfd_add_seals()'s 0 or a
  // negative error (EINVAL for a file that cannot be sealed, EPERM when
  // F_SEAL_SEAL is set, EBUSY for F_SEAL_WRITE on writably mapped pages);
  // errno set, no list.
  ensures add_seals_result: \result == 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_fcntl_F_ADD_SEALS(int fd, int arg);

/*@
  // fcntl(2) F_GET_SEALS: fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires get_seals_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fcntl(2) F_GET_SEALS: "Return (as the function result) the current set
  // of seals" (a bit mask, so not negative), or -1 with errno set.
  // No stronger: memfd_get_seals() returns the file's seals, an unsigned int
  // of F_SEAL_* bits (the highest F_SEAL_EXEC, 0x20), or -EINVAL for a file
  // that cannot be sealed; glibc's int keeps them positive.
  ensures get_seals_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_fcntl_F_GET_SEALS(int fd, int arg);

/*@
  // fcntl(2) F_GETPIPE_SZ: fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires getpipe_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fcntl(2) F_GETPIPE_SZ: "Return (as the function result) the capacity of
  // the pipe referred to by fd", or -1 with errno set.
  // No stronger: pipe_fcntl() (fs/pipe.c) returns pipe->max_usage * PAGE_SIZE,
  // or -EBADF for a file that is not a pipe. The capacity is a power of two at
  // most 2^31 (round_pipe_size()); 2^31 itself, which glibc's int would make
  // negative, needs CAP_SYS_RESOURCE or a pipe-max-size of 2^31, and a ring of
  // 2^19 struct pipe_buffer, which pipe_resize_ring()'s kcalloc() cannot
  // allocate on x86_64 (over KMALLOC_MAX_SIZE); so kept on x86_64 through that
  // allocation limit only.
  ensures getpipe_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_fcntl_F_GETPIPE_SZ(int fd, int arg);

/*@
  // fcntl(2) F_SETPIPE_SZ: fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires setpipe_open: iosafe_fd_is_open(fd);
  assigns errno;
  // fcntl(2) F_SETPIPE_SZ: "the actual capacity allocated" is returned (the
  // kernel may round it up), or -1 with errno set.
  // No stronger: pipe_set_size() returns the new capacity (as getpipe_result:
  // below 2^31 on x86_64) or a negative error (EINVAL, EPERM, EBUSY, ENOMEM);
  // errno set, no list.
  ensures setpipe_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
int iosafe_posix_fcntl_F_SETPIPE_SZ(int fd, int arg);

/* ---- Zero-copy (splice(2) and neighbours) -------------------------------- */

/*@
  // splice(2): fd_in and fd_out are used (borrows).
  // No stronger: a precondition on iosafe (no use after close).
  requires splice_open: iosafe_fd_is_open(fd_in) && iosafe_fd_is_open(fd_out);
  // splice(2): off_in and off_out are NULL or point to a readable and writable
  // loff_t (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires splice_offsets: (off_in == \null || \valid(off_in)) &&
    (off_out == \null || \valid(off_out));
  // splice(2): the two offsets are separate objects (the kernel copies each in
  // and out on its own).
  // No stronger: a precondition on iosafe, stricter than splice(2).
  requires splice_separated: off_in != \null && off_out != \null ==>
    \separated(off_in, off_out);
  assigns *off_in, *off_out, errno;
  // splice(2) RETURN VALUE: "the number of bytes spliced to or from the
  // pipe" (at most len; 0 at end of input), or -1 with errno set.
  // No stronger: do_splice() (fs/splice.c) moves at most len bytes and returns
  // their count or a negative error; errno set, no list.
  ensures splice_result: (0 <= \result <= len) || (\result == -1 && iosafe_errno_set);
*/
ssize_t splice(int fd_in, loff_t *off_in, int fd_out, loff_t *off_out, size_t len,
	       unsigned int flags);

/*@
  // tee(2): fd_in and fd_out are used (borrows).
  // No stronger: a precondition on iosafe (no use after close).
  requires tee_open: iosafe_fd_is_open(fd_in) && iosafe_fd_is_open(fd_out);
  assigns errno;
  // tee(2) RETURN VALUE: "the number of bytes that were duplicated between
  // the input and output" (at most len), or -1 with errno set.
  // No stronger: do_tee() (fs/splice.c) duplicates at most len bytes and
  // returns their count or a negative error; errno set, no list.
  ensures tee_result: (0 <= \result <= len) || (\result == -1 && iosafe_errno_set);
*/
ssize_t tee(int fd_in, int fd_out, size_t len, unsigned int flags);

/*@
  // sendfile(2): out_fd and in_fd are used (borrows).
  // No stronger: a precondition on iosafe (no use after close).
  requires sendfile_open: iosafe_fd_is_open(out_fd) && iosafe_fd_is_open(in_fd);
  // sendfile(2): offset is NULL or points to a readable and writable off_t
  // (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires sendfile_offset: offset == \null || \valid(offset);
  assigns *offset, errno;
  // sendfile(2) RETURN VALUE: "the number of bytes written to out_fd" (at
  // most count), or -1 with errno set.
  // No stronger: do_sendfile() (fs/read_write.c) only ever lowers count
  // (rw_verify_area(), the file systems' maximum size) and returns at most
  // that many bytes or a negative error; errno set, no list.
  ensures sendfile_result: (0 <= \result <= count) || (\result == -1 && iosafe_errno_set);
*/
ssize_t sendfile(int out_fd, int in_fd, off_t *offset, size_t count);

/*@
  // copy_file_range(2): fd_in and fd_out are used (borrows).
  // No stronger: a precondition on iosafe (no use after close).
  requires cfr_open: iosafe_fd_is_open(fd_in) && iosafe_fd_is_open(fd_out);
  // copy_file_range(2): off_in and off_out are NULL or point to a readable and
  // writable loff_t (EFAULT otherwise).
  // No stronger: a precondition on iosafe.
  requires cfr_offsets: (off_in == \null || \valid(off_in)) &&
    (off_out == \null || \valid(off_out));
  // copy_file_range(2): the two offsets are separate objects.
  // No stronger: a precondition on iosafe, stricter than copy_file_range(2).
  requires cfr_separated: off_in != \null && off_out != \null ==>
    \separated(off_in, off_out);
  assigns *off_in, *off_out, errno;
  // copy_file_range(2) RETURN VALUE: "the number of bytes copied between
  // files" (at most len; 0 at end of input), or -1 with errno set.
  // No stronger: vfs_copy_file_range() (fs/read_write.c) only shortens len
  // (generic_copy_file_checks() cuts it at the end of the input) and copies at
  // most that many bytes; glibc 2.36's copy_file_range() is the system call
  // (no emulation); errno set, no list.
  ensures cfr_result: (0 <= \result <= len) || (\result == -1 && iosafe_errno_set);
*/
ssize_t copy_file_range(int fd_in, loff_t *off_in, int fd_out, loff_t *off_out, size_t len,
			unsigned int flags);

/*@
  // readv(2): fd is used; iov holds iovcnt entries, each a writable buffer.
  // No stronger: a precondition on iosafe (no use after close).
  requires readv_open: iosafe_fd_is_open(fd);
  // readv(2): iov holds iovcnt readable struct iovec entries (EFAULT
  // otherwise).
  // No stronger: a precondition on iosafe.
  requires readv_iov: \valid_read(iov + (0 .. iovcnt - 1));
  // readv(2): each iov[i].iov_base has room for iov[i].iov_len bytes.
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires readv_bufs: \forall integer i; 0 <= i < iovcnt ==>
    \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
  assigns errno, { ((char *)iov[i].iov_base)[j] | integer i, j;
    0 <= i < iovcnt && 0 <= j < iov[i].iov_len };
  // readv(2) RETURN VALUE: "the number of bytes read", or -1 with errno set.
  // No stronger: do_readv() (fs/read_write.c) returns the count vfs_readv()
  // read or a negative error; the clause does not even bound the count; errno
  // set, no list.
  ensures readv_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
ssize_t readv(int fd, const struct iovec *iov, int iovcnt);

/*@
  // writev(2): fd is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires writev_open: iosafe_fd_is_open(fd);
  // writev(2): iov holds iovcnt readable struct iovec entries (EFAULT
  // otherwise).
  // No stronger: a precondition on iosafe.
  requires writev_iov: \valid_read(iov + (0 .. iovcnt - 1));
  // writev(2): each iov[i].iov_base holds iov[i].iov_len readable bytes.
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires writev_bufs: \forall integer i; 0 <= i < iovcnt ==>
    \valid_read((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
  assigns errno;
  // writev(2) RETURN VALUE: "the number of bytes written", or -1, errno set.
  // No stronger: do_writev() returns the count vfs_writev() wrote or a
  // negative error; errno set, no list.
  ensures writev_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

/*@
  // vmsplice(2): fd, a pipe's end, is used (a borrow).
  // No stronger: a precondition on iosafe (no use after close).
  requires vmsplice_open: iosafe_fd_is_open(fd);
  // vmsplice(2): iov holds nr_segs readable struct iovec entries (EFAULT
  // otherwise).
  // No stronger: a precondition on iosafe.
  requires vmsplice_iov: \valid_read(iov + (0 .. nr_segs - 1));
  // vmsplice(2): each iov[i].iov_base has room for iov[i].iov_len bytes (read,
  // or on a pipe's read end written, as the assigns clause says).
  // No stronger: a precondition on iosafe (EFAULT otherwise).
  requires vmsplice_bufs: \forall integer i; 0 <= i < nr_segs ==>
    \valid((char *)iov[i].iov_base + (0 .. iov[i].iov_len - 1));
  // vmsplice(2) maps the ranges into a pipe's write end; on a read end
  // Linux copies the pipe's data into them (fs/splice.c, vmsplice_to_user),
  // which the man page does not say: the buffers may be written.
  assigns errno, { ((char *)iov[i].iov_base)[j] | integer i, j;
    0 <= i < nr_segs && 0 <= j < iov[i].iov_len };
  // vmsplice(2) RETURN VALUE: "the number of bytes transferred to the
  // pipe", or -1 with errno set.
  // No stronger: vmsplice_to_pipe() and vmsplice_to_user() (fs/splice.c)
  // return the count moved or a negative error; the clause does not even bound
  // the count; errno set, no list.
  ensures vmsplice_result: \result >= 0 || (\result == -1 && iosafe_errno_set);
*/
ssize_t vmsplice(int fd, const struct iovec *iov, size_t nr_segs, unsigned int flags);

#endif /* IOSAFE_POSIX_FS_H */

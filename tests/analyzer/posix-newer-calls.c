// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: newer Linux fd calls of the table
// (analyzer-plugin/PosixFdModel.cpp): the mount API (fsopen(2),
// fsmount(2), open_tree(2), fspick(2)), openat2(2), shm_open(3),
// memfd_create(2) acquire; tee(2), vmsplice(2), copy_file_range(2) use;
// close_range(2) closes every fd of its range.
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <unistd.h>

struct open_how;
int openat2(int dirfd, const char *path, struct open_how *how, size_t size);

void pos_fsopen_leaks(void) {
  int fs = fsopen("tmpfs", 0);
  if (fs < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'fsopen' is not closed or handed on}}

int neg_mount_api_closed(void) {
  int fs = fsopen("tmpfs", 0);
  if (fs < 0)
    return -1;
  int mnt = fsmount(fs, 0, 0);
  close(fs);
  if (mnt < 0)
    return -1;
  return close(mnt);
}

void pos_fsmount_leaks(int fs) {
  int mnt = fsmount(fs, 0, 0);
  if (mnt < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'fsmount' is not closed or handed on}}

void pos_fsmount_of_closed_context(void) {
  int fs = fsopen("tmpfs", 0);
  if (fs < 0)
    return;
  close(fs);
  int mnt = fsmount(fs, 0, 0); // expected-warning{{use after close}}
  if (mnt >= 0)
    close(mnt);
}

void pos_open_tree_leaks(const char *p) {
  int t = open_tree(AT_FDCWD, p, 0);
  if (t < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'open_tree' is not closed or handed on}}

void pos_fspick_leaks(const char *p) {
  int t = fspick(AT_FDCWD, p, 0);
  if (t < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'fspick' is not closed or handed on}}

void pos_openat2_leaks(int dir, const char *p, struct open_how *how) {
  int fd = openat2(dir, p, how, 24);
  if (fd < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'openat2' is not closed or handed on}}

void pos_shm_open_leaks(void) {
  int fd = shm_open("/x", O_RDWR | O_CREAT, 0600);
  if (fd < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'shm_open' is not closed or handed on}}

void pos_shm_open_read_only_written(void) {
  int fd = shm_open("/x", O_RDONLY, 0);
  if (fd < 0)
    return;
  write(fd, "x", 1); // expected-warning{{access mode mismatch: 'write' writes to an fd opened read-only}}
  close(fd);
}

void pos_memfd_leaks(void) {
  int fd = memfd_create("x", MFD_CLOEXEC);
  if (fd < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'memfd_create' is not closed or handed on}}

void pos_tee_after_close(int out) {
  int p[2];
  if (pipe(p) != 0)
    return;
  close(p[0]);
  tee(p[0], out, 1, 0); // expected-warning{{use after close}}
  close(p[1]);
}

void pos_copy_file_range_after_close(const char *a, int out) {
  int fd = open(a, O_RDONLY);
  if (fd < 0)
    return;
  close(fd);
  copy_file_range(fd, 0, out, 0, 1, 0); // expected-warning{{use after close}}
}

void neg_close_range_closes(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 3)
    return;
  close_range(3, ~0U, 0); // closes fd: no leak
}

void pos_close_range_then_close(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 3)
    return;
  close_range(3, ~0U, 0);
  close(fd); // expected-warning{{double close: the fd was already closed}}
}

void pos_close_range_cloexec_closes_nothing(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 3)
    return;
  close_range(3, ~0U, CLOSE_RANGE_CLOEXEC); // expected-warning{{fd leak: the fd acquired by 'open' is not closed or handed on}}
}

void neg_close_range_may_cover(const char *p, unsigned lo) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  close_range(lo, ~0U, 0); // may close fd: handed on, nothing claimed
}

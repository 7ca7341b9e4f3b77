// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: "access mode mismatch".  The mode comes from open's,
// openat's and posix_openpt's constant flags (& O_ACCMODE), creat (write-only,
// open(2)), mkstemp and memfd_create (read-write), the ends of a pipe
// (pipe(2): [0] reads, [1] writes), and is inherited by dup, dup2, dup3 and
// fcntl(F_DUPFD*) (dup(2): the same open file description).  An unknown mode
// (flags not constant, an fd from a parameter) is never reported.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <unistd.h>

int pos_write_on_read_only(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  write(fd, "x", 1); // expected-warning{{access mode mismatch: 'write' writes to an fd opened read-only}}
  return close(fd);
}

int pos_read_on_write_only(const char *path, char *buf) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0)
    return -1;
  read(fd, buf, 16); // expected-warning{{access mode mismatch: 'read' reads from an fd opened write-only}}
  return close(fd);
}

int pos_read_on_creat(const char *path, char *buf) {
  int fd = creat(path, 0600);
  if (fd == -1)
    return -1;
  pread(fd, buf, 4, 0); // expected-warning{{access mode mismatch: 'pread' reads from an fd opened write-only}}
  return close(fd);
}

int pos_pwrite_on_openat_read_only(int dir, const char *name) {
  int fd = openat(dir, name, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  pwrite(fd, "abc", 3, 10); // expected-warning{{access mode mismatch}}
  return close(fd);
}

int pos_writev_on_read_only(const char *path, const struct iovec *iov) {
  int fd = open(path, O_RDONLY | O_NOFOLLOW);
  if (fd < 0)
    return -1;
  writev(fd, iov, 2); // expected-warning{{access mode mismatch: 'writev'}}
  return close(fd);
}

int pos_readv_on_write_only(const char *path, const struct iovec *iov) {
  int fd = open(path, O_WRONLY | O_APPEND);
  if (fd < 0)
    return -1;
  readv(fd, iov, 2); // expected-warning{{access mode mismatch: 'readv'}}
  return close(fd);
}

int pos_ftruncate_on_read_only(const char *path) {
  // ftruncate(2): EBADF or EINVAL "fd is not open for writing".
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  ftruncate(fd, 0); // expected-warning{{access mode mismatch: 'ftruncate'}}
  return close(fd);
}

int pos_write_to_read_end_of_pipe(void) {
  int p[2];
  if (pipe(p) != 0)
    return -1;
  write(p[0], "x", 1); // expected-warning{{access mode mismatch: 'write' writes to the read end of a pipe}}
  close(p[0]);
  return close(p[1]);
}

int pos_read_from_write_end_of_pipe2(char *buf) {
  int p[2];
  if (pipe2(p, O_CLOEXEC) < 0)
    return -1;
  read(p[1], buf, 1); // expected-warning{{access mode mismatch: 'read' reads from the write end of a pipe}}
  close(p[0]);
  return close(p[1]);
}

int pos_dup_inherits_read_only(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  int copy = dup(fd);
  close(fd);
  if (copy < 0)
    return -1;
  write(copy, "x", 1); // expected-warning{{access mode mismatch}}
  return close(copy);
}

int pos_fcntl_dupfd_inherits_write_only(const char *path, char *buf) {
  int fd = open(path, O_WRONLY);
  if (fd < 0)
    return -1;
  int hi = fcntl(fd, F_DUPFD_CLOEXEC, 100);
  close(fd);
  if (hi < 0)
    return -1;
  read(hi, buf, 1); // expected-warning{{access mode mismatch}}
  return close(hi);
}

int pos_dup2_target_inherits_mode(const char *a, const char *b) {
  int ro = open(a, O_RDONLY);
  if (ro < 0)
    return -1;
  int rw = open(b, O_RDWR);
  if (rw < 0) {
    close(ro);
    return -1;
  }
  // rw now names a copy of ro: read-only.
  if (dup2(ro, rw) < 0) {
    close(ro);
    close(rw);
    return -1;
  }
  close(ro);
  write(rw, "x", 1); // expected-warning{{access mode mismatch}}
  return close(rw);
}

int pos_fcntl_setfl_does_not_change_mode(const char *path) {
  // fcntl(2): F_SETFL ignores the access mode bits.
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  fcntl(fd, F_SETFL, O_RDWR | O_NONBLOCK);
  write(fd, "x", 1); // expected-warning{{access mode mismatch}}
  return close(fd);
}

int pos_o_path_cannot_read(const char *path, char *buf) {
  // open(2): with O_PATH "read(2), write(2) ... fail with the error EBADF".
  int fd = open(path, O_PATH | O_DIRECTORY);
  if (fd < 0)
    return -1;
  read(fd, buf, 1); // expected-warning{{access mode mismatch: 'read' reads from an fd opened with O_PATH}}
  return close(fd);
}

int pos_write_only_pty_read(char *buf) {
  int m = posix_openpt(O_WRONLY | O_NOCTTY);
  if (m < 0)
    return -1;
  read(m, buf, 1); // expected-warning{{access mode mismatch}}
  return close(m);
}

int pos_mismatch_in_a_loop(const char *path, int n) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  for (int i = 0; i < n; i++)
    write(fd, "x", 1); // expected-warning{{access mode mismatch}}
  return close(fd);
}

int pos_mismatch_then_leak(const char *path) {
  // The mismatch does not end the path: the leak after it is found too.
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  write(fd, "x", 1); // expected-warning{{access mode mismatch}}
  return 0;          // expected-warning{{fd leak}}
}

// --- negatives ---

int neg_read_on_read_only(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  read(fd, buf, 16);
  return close(fd); // no warning
}

int neg_both_on_read_write(const char *path, char *buf) {
  int fd = open(path, O_RDWR | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  read(fd, buf, 16);
  write(fd, buf, 16);
  ftruncate(fd, 16);
  return close(fd); // no warning
}

int neg_unknown_flags(const char *path, int flags, char *buf) {
  // flags not a constant: the mode is unknown, nothing is reported.
  int fd = open(path, flags);
  if (fd < 0)
    return -1;
  write(fd, buf, 1);
  read(fd, buf, 1);
  return close(fd); // no warning
}

int neg_fd_from_parameter(int fd, char *buf) {
  write(fd, buf, 1);
  return (int)read(fd, buf, 1); // no warning: nothing known of fd
}

int neg_pipe_ends_used_right(char *buf) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  write(p[1], "x", 1);
  read(p[0], buf, 1);
  close(p[0]);
  return close(p[1]); // no warning
}

int neg_mkstemp_read_write(char *tmpl, char *buf) {
  // mkstemp(3): "opened for reading and writing".
  int fd = mkstemp(tmpl);
  if (fd < 0)
    return -1;
  write(fd, "x", 1);
  pread(fd, buf, 1, 0);
  return close(fd); // no warning
}

int neg_memfd_read_write(char *buf) {
  int fd = memfd_create("scratch", MFD_CLOEXEC);
  if (fd < 0)
    return -1;
  write(fd, "x", 1);
  pread(fd, buf, 1, 0);
  return close(fd); // no warning
}

int neg_creat_written(const char *path) {
  int fd = creat(path, 0600);
  if (fd < 0)
    return -1;
  write(fd, "x", 1);
  return close(fd); // no warning
}

int neg_fstat_and_lseek_on_read_only(const char *path) {
  // Uses that need no mode are not checked against it.
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  lseek(fd, 0, SEEK_END);
  fsync(fd);
  return close(fd); // no warning
}

int neg_dup_of_read_write(const char *path) {
  int fd = open(path, O_RDWR);
  if (fd < 0)
    return -1;
  int copy = dup(fd);
  close(fd);
  if (copy < 0)
    return -1;
  write(copy, "x", 1);
  return close(copy); // no warning
}

int neg_dup2_onto_stdout_of_write_end(void) {
  // The target is a constant (a standard stream): nothing tracked there.
  int p[2];
  if (pipe(p) < 0)
    return -1;
  dup2(p[1], STDOUT_FILENO);
  write(STDOUT_FILENO, "x", 1);
  close(p[0]);
  return close(p[1]); // no warning
}

int neg_mode_per_path(const char *path, int wr, char *buf) {
  int fd = open(path, wr ? O_WRONLY : O_RDONLY);
  if (fd < 0)
    return -1;
  if (wr)
    write(fd, buf, 1);
  else
    read(fd, buf, 1);
  return close(fd); // no warning: the mode follows the path
}

// fdopen(3) with a constant mode: EINVAL "the mode ... is not compatible
// with the file descriptor".

int pos_fdopen_write_stream_on_read_only(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "w"); // expected-warning{{access mode mismatch: 'fdopen'}}
  if (!f) {
    close(fd);
    return -1;
  }
  return fclose(f);
}

int pos_fdopen_update_stream_on_write_end(void) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  close(p[0]);
  FILE *f = fdopen(p[1], "r+"); // expected-warning{{access mode mismatch}}
  if (!f) {
    close(p[1]);
    return -1;
  }
  return fclose(f);
}

int neg_fdopen_modes_that_fit(const char *path) {
  int r = open(path, O_RDONLY);
  if (r < 0)
    return -1;
  FILE *fr = fdopen(r, "re");
  if (!fr) {
    close(r);
    return -1;
  }
  int w = open(path, O_WRONLY | O_APPEND);
  if (w < 0) {
    fclose(fr);
    return -1;
  }
  FILE *fw = fdopen(w, "a");
  if (!fw) {
    close(w);
    fclose(fr);
    return -1;
  }
  fclose(fw);
  return fclose(fr); // no warning
}

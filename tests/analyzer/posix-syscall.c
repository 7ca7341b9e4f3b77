// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: the fd system calls made through syscall(2) (Linux
// x86-64 numbers, <asm/unistd_64.h>) are the table's rows of the same
// name, their arguments one place later: syscall(SYS_close, fd) closes
// (libuv's core.c closes this way), syscall(SYS_dup3, ...) duplicates.
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

void neg_syscall_close(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  syscall(SYS_close, fd); // no leak
}

void pos_syscall_close_twice(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  syscall(SYS_close, fd);
  close(fd); // expected-warning{{double close: the fd was already closed}}
}

void pos_syscall_close_then_read(const char *p, char *b) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  syscall(SYS_close, fd);
  read(fd, b, 1); // expected-warning{{use after close: the fd is used after it was closed}}
}

void pos_syscall_open_leaks(const char *p) {
  long fd = syscall(SYS_open, p, O_RDONLY);
  if (fd < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'syscall' is not closed or handed on}}

void neg_syscall_openat_closed(int dir, const char *p) {
  long fd = syscall(SYS_openat, dir, p, O_RDONLY);
  if (fd < 0)
    return;
  close((int)fd);
}

void pos_syscall_dup_leaks(int fd) {
  long d = syscall(SYS_dup, fd);
  if (d < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'syscall' is not closed or handed on}}

void pos_syscall_pipe2_leaks_one_end(void) {
  int p[2];
  if (syscall(SYS_pipe2, p, O_CLOEXEC) != 0)
    return;
  close(p[0]); // expected-warning{{fd leak: the fd acquired by 'syscall' is not closed or handed on}}
}

void pos_syscall_dup3_source_closed(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  close(fd);
  syscall(SYS_dup3, fd, 1, 0); // expected-warning{{use after close: the fd is used after it was closed}}
}

void pos_syscall_memfd_leaks(void) {
  long fd = syscall(SYS_memfd_create, "x", 0);
  if (fd < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'syscall' is not closed or handed on}}

void neg_syscall_unknown_number(int fd) {
  syscall(SYS_getpid);
  syscall(12345, fd); // an unknown call: nothing claimed
}

void neg_syscall_write_read_closed(const char *p, char *b) {
  int fd = open(p, O_RDWR);
  if (fd < 0)
    return;
  syscall(SYS_write, fd, "x", 1);
  syscall(SYS_read, fd, b, 1);
  close(fd);
}

// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -O2 -fgnuc-version=4.2.1 -D_FORTIFY_SOURCE=2 -D_FILE_OFFSET_BITS=64 -Wno-unused-result -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -O2 -fgnuc-version=4.2.1 -D_FORTIFY_SOURCE=2 -D_FILE_OFFSET_BITS=64 -Wno-unused-result -verify %s
// iosafe.PosixFd under Debian's hardening flags: with _FORTIFY_SOURCE=2 and
// -O2, glibc 2.36 turns read, pread, recv, recvfrom, open and openat into
// extern inline wrappers (bits/unistd.h, bits/socket2.h, bits/fcntl2.h) that
// call __read_chk/__read_alias, __recv_chk, __open_2/__open_alias...; with
// _FILE_OFFSET_BITS=64, open is redirected to the symbol open64.  The model
// must still apply exactly once per call.
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

int pos_fortified_open_leaks(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  if (read(fd, buf, 8) < 0)
    return -1; // expected-warning{{fd leak}}
  return close(fd);
}

int neg_fortified_clean(const char *path, char *buf) {
  int fd = open(path, O_RDWR | O_CREAT, 0600); // the 3-argument __open_alias form
  if (fd < 0)
    return -1;
  char small[4];
  read(fd, small, sizeof small);  // __read_alias (size known)
  read(fd, buf, 16);              // __read_chk (size unknown)
  pread(fd, small, sizeof small, 0);
  return close(fd); // no warning
}

int pos_fortified_recv_after_close(int listener) {
  int c = accept(listener, NULL, NULL);
  if (c < 0)
    return -1;
  close(c);
  char b[8];
  return (int)recv(c, b, sizeof b, 0); // expected-warning{{use after close}}
}

int pos_fortified_openat_mode(int dir, const char *name) {
  int fd = openat(dir, name, O_RDONLY);
  if (fd < 0)
    return -1;
  write(fd, "x", 1); // expected-warning{{access mode mismatch}}
  return close(fd);
}

int pos_fortified_unchecked(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  ssize_t n = read(fd, buf, 4); // expected-warning{{unchecked fd}}
  if (fd >= 0)
    close(fd);
  return (int)n;
}

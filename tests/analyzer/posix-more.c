// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.Ownership,iosafe.PosixFd -verify=expected,stdc %s
// iosafe.PosixFd: more acquirers, uses after close, and annotations on
// plain-int APIs checked against POSIX bodies.
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <iosafe/annotations.h>

int flag(void);

void pos_inotify_leaked(void) {
  int in = inotify_init1(IN_CLOEXEC);
  if (in < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'inotify_init1'}}

void pos_memfd_leaked(void) {
  int m = memfd_create("x", MFD_CLOEXEC);
  if (m < 0)
    return;
  if (ftruncate(m, 4096) < 0)
    return; // expected-warning{{fd leak}}
  close(m);
}

void pos_creat_leaked(const char *p) {
  int fd = creat(p, 0600);
  if (fd < 0)
    return;
  write(fd, "x", 1);
} // expected-warning{{fd leak}}

void pos_openat_leaked(int dir) {
  int fd = openat(dir, "f", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return;
} // expected-warning{{fd leak: the fd acquired by 'openat'}}

void pos_pipe2_read_end_leaked(void) {
  int p[2];
  if (pipe2(p, O_CLOEXEC) != 0)
    return;
  close(p[1]); // expected-warning{{fd leak}}
}

void pos_dup_both_closed_twice(int fd) {
  int d = dup(fd);
  if (d < 0)
    return;
  close(d);
  close(d); // expected-warning{{double close}}
}

void pos_accept_on_closed_listener(int listener) {
  close(listener);
  int c = accept(listener, 0, 0); // expected-warning{{use after close}}
  if (c >= 0)
    close(c);
}

void pos_fchmod_after_close(const char *p) {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return;
  close(fd);
  fchmod(fd, 0600); // expected-warning{{use after close}}
}

void pos_isatty_after_close(int fd) {
  close(fd);
  isatty(fd); // expected-warning{{use after close}}
}

void pos_lseek_unchecked(const char *p) {
  int fd = open(p, O_RDONLY);
  lseek(fd, 0, SEEK_END); // expected-warning{{unchecked fd}} stdc-warning{{The 1st argument to 'lseek' is -1}}
  close(fd);
}

void pos_fstat_unchecked_dup(int fd) {
  struct stat st;
  int d = dup(fd);
  fstat(d, &st); // expected-warning{{unchecked fd}} stdc-warning{{The 1st argument to 'fstat' is -1}}
  close(d);
}

void pos_closedir_then_close(const char *p) {
  int fd = open(p, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return;
  }
  closedir(d);
  close(fd); // expected-warning{{double close}}
}

void pos_uses_param_closed_by_close(int fd IOSAFE_USES) {
  close(fd); // expected-warning{{annotation mismatch: IOSAFE_USES parameter 'fd' is closed}}
}

int pos_acquires_returns_closed_fd(const char *p) IOSAFE_ACQUIRES {
  int fd = open(p, O_RDONLY);
  if (fd < 0)
    return -1;
  close(fd);
  return fd; // expected-warning{{annotation mismatch: an IOSAFE_ACQUIRES function returns an fd it does not own}}
}

void pos_releases_param_leaked(int fd IOSAFE_RELEASES) {
  if (flag())
    close(fd);
} // expected-warning{{annotation mismatch: IOSAFE_RELEASES parameter 'fd' is not released on this path}}

void neg_releases_param_closed(int fd IOSAFE_RELEASES) {
  if (fd >= 0)
    close(fd);
}

int neg_acquires_returns_open(const char *p) IOSAFE_ACQUIRES {
  return open(p, O_RDONLY | O_CLOEXEC);
}

void neg_acquired_via_annotated_then_posix_close(const char *p) {
  int fd = neg_acquires_returns_open(p);
  if (fd < 0)
    return;
  close(fd);
}

void neg_fdopendir_owns(const char *p) {
  int fd = open(p, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return;
  }
  closedir(d);
}

void neg_posix_openpt(void) {
  int m = posix_openpt(O_RDWR | O_NOCTTY);
  if (m < 0)
    return;
  close(m);
}

void neg_mkostemp(char *tmpl) {
  int fd = mkostemp(tmpl, O_CLOEXEC);
  if (fd < 0)
    return;
  unlink(tmpl);
  close(fd);
}

void neg_stdio_untouched(void) {
  write(1, "x\n", 2);
  close(0);
}

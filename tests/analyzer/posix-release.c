// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: close (which releases the fd even when it fails, close(2)),
// dup2/dup3 onto a target, and ownership handed to a stream (fdopen(3)) or a
// directory stream (fdopendir(3)).
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

int pos_double_close(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  close(fd);
  return close(fd); // expected-warning{{double close}}
}

int pos_failed_close_still_closes(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  if (close(fd) != 0)      // Linux releases the number even on EINTR/EIO:
    return close(fd);      // expected-warning{{double close}}
  return 0;
}

int pos_use_after_close(const char *path, char *buf) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  close(fd);
  return (int)read(fd, buf, 1); // expected-warning{{use after close}}
}

int neg_close_on_each_branch(const char *path, int flag) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  if (flag) {
    close(fd);
    return 1;
  }
  close(fd);
  return 0; // no warning: one close per path
}

int neg_dup2_closes_tracked_target(const char *a, const char *b) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return -1;
  int y = open(b, O_RDONLY);
  if (y < 0) {
    close(x);
    return -1;
  }
  // y's old file is closed by dup2 and y now names a copy of x.
  if (dup2(x, y) < 0) {
    close(x);
    close(y);
    return -1;
  }
  close(x);
  return close(y); // no warning: neither a leak of b nor a double close
}

int pos_dup2_result_is_owned(const char *a, const char *b) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return -1;
  int y = open(b, O_RDONLY);
  if (y < 0) {
    close(x);
    return -1;
  }
  if (dup2(x, y) < 0) {
    close(x);
    close(y);
    return -1;
  }
  close(x); // expected-warning{{fd leak}}
  return 0;
}

int pos_dup2_failure_keeps_target(const char *a, const char *b) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return -1;
  int y = open(b, O_RDONLY);
  if (y < 0) {
    close(x);
    return -1;
  }
  if (dup2(x, y) < 0) {
    close(x); // expected-warning{{fd leak}}
    return -1;
  }
  close(x);
  return close(y);
}

int neg_dup2_onto_closed_number_is_not_double_close(const char *a, const char *b) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return -1;
  int y = open(b, O_RDONLY);
  if (y < 0) {
    close(x);
    return -1;
  }
  close(y);
  if (dup2(x, y) < 0) { // no warning: dup2 onto a free number is its use
    close(x);
    return -1;
  }
  close(x);
  return close(y); // no warning
}

int neg_dup2_same_fd_is_noop(const char *a) {
  int x = open(a, O_RDONLY);
  if (x < 0)
    return -1;
  if (dup2(x, x) < 0) {
    close(x);
    return -1;
  }
  return close(x); // no warning: dup(2) "does nothing, and returns newfd"
}

int pos_dup3_then_double_close(int src, const char *b) {
  int y = open(b, O_RDONLY);
  if (y < 0)
    return -1;
  if (dup3(src, y, O_CLOEXEC) < 0) {
    close(y);
    return -1;
  }
  close(y);
  return close(y); // expected-warning{{double close}}
}

FILE *neg_fdopen_hands_over(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return NULL;
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return NULL;
  }
  return f; // no warning: the stream owns fd now
}

int pos_fdopen_failure_leaks(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "r"); // expected-warning{{fd leak}}
  if (!f)
    return -1;
  return fclose(f);
}

int pos_fdopen_then_close_after_fclose(const char *path) {
  int fd = open(path, O_WRONLY);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    return -1;
  }
  fputs("x\n", f);
  fclose(f);
  return close(fd); // expected-warning{{double close}}
}

int pos_fdopen_raw_use_after_fclose(const char *path) {
  int fd = open(path, O_WRONLY);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    return -1;
  }
  fclose(f);
  return fsync(fd); // expected-warning{{use after close}}
}

int neg_fdopendir_then_closedir(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return -1;
  }
  while (readdir(d))
    ;
  return closedir(d); // no warning
}

int pos_fdopendir_closedir_then_close(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return -1;
  }
  closedir(d);
  return close(fd); // expected-warning{{double close}}
}

// fdopendir(3p): after it succeeds, any use of the fd "other than by means
// of closedir(), readdir(), readdir_r(), rewinddir(), or seekdir()" is
// undefined: the number belongs to the directory stream.  Reads, writes
// and seeks change the description (its offset); fstat or fchdir do not.

int pos_fdopendir_then_raw_read(const char *path, char *b) {
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return -1;
  }
  read(fd, b, 1); // expected-warning{{use after move}}
  return closedir(d);
}

int pos_fdopendir_then_lseek(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return -1;
  }
  lseek(fd, 0, SEEK_SET); // expected-warning{{use after move}}
  return closedir(d);
}

int neg_fdopendir_fd_through_dirfd(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return -1;
  }
  fchdir(fd);       // no warning: fchdir does not change the description
  fchdir(dirfd(d)); // no warning: dirfd(3) is the stream's own way
  return closedir(d);
}

int neg_fdopendir_failure_leaves_fd_usable(const char *path, char *b) {
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d) {
    read(fd, b, 1); // no warning: a failed fdopendir leaves the fd alone
    return close(fd);
  }
  return closedir(d);
}

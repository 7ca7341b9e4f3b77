// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: "mismatched release" (an fd given to fclose, closedir,
// pclose or free, cast to their pointer type), and the release functions
// that do fit an fd handed to a stream: fdopen(3) "The file descriptor is not
// dup'ed, and will be closed when the stream created by fdopen() is closed".
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/stat.h>
#include <unistd.h>

int pos_fclose_on_an_int(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  return fclose((FILE *)(intptr_t)fd); // expected-warning{{mismatched release: an fd is released with 'fclose'}}
}

int pos_closedir_on_an_int(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  return closedir((DIR *)(intptr_t)fd); // expected-warning{{mismatched release: an fd is released with 'closedir'}}
}

void pos_free_on_an_int(void) {
  int s = eventfd(0, 0);
  if (s < 0)
    return;
  free((void *)(intptr_t)s); // expected-warning{{mismatched release: an fd is released with 'free'}}
}

int pos_pclose_on_pipe_end(void) {
  int p[2];
  if (pipe(p) < 0)
    return -1;
  close(p[1]);
  return pclose((FILE *)(long)p[0]); // expected-warning{{mismatched release}}
}

int pos_mismatched_then_close_is_double(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  fclose((FILE *)(intptr_t)fd); // expected-warning{{mismatched release}}
  return close(fd);             // expected-warning{{double close}}
}

int pos_fdopen_then_close_raw(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return -1;
  }
  fclose(f);
  return close(fd); // expected-warning{{double close}}
}

int pos_fdopendir_then_close_raw(const char *path) {
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

int pos_fdopen_failure_leaks(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  // The fd is last live at the call: the leak is reported there.
  FILE *f = fdopen(fd, "r"); // expected-warning{{fd leak}}
  if (!f)
    return -1;
  return fclose(f);
}

// --- negatives ---

int neg_fdopen_fclose(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return -1;
  }
  return fclose(f); // no warning: the stream closes the fd
}

int neg_fdopendir_closedir(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return -1;
  }
  return closedir(d); // no warning
}

int neg_fclose_of_a_real_stream(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f)
    return -1;
  return fclose(f); // no warning: not an fd
}

void neg_free_of_heap(void) {
  int *p = malloc(sizeof *p);
  free(p); // no warning
}

int neg_fclose_on_an_untracked_int(int fd) {
  // Nothing is known of fd: not reported.
  return fclose((FILE *)(intptr_t)fd);
}

void neg_free_through_void_pointer(void) {
  int fd = open("/dev/null", O_RDONLY);
  if (fd < 0)
    return;
  void *p = (void *)(intptr_t)fd;
  free(p); // no report: the int is lost in a pointer variable (handed on)
}

int pos_fclose_on_int_through_implicit_conversion(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  return fclose((void *)(long)fd); // expected-warning{{mismatched release}}
}

int neg_close_then_fclose_of_other_stream(const char *a, const char *b) {
  int fd = open(a, O_RDONLY);
  if (fd < 0)
    return -1;
  FILE *f = fopen(b, "r");
  close(fd);
  if (f)
    fclose(f);
  return 0; // no warning
}

// Until its stream is closed, an fd given to fdopen is still open (fdopen(3)
// "will be closed when the stream created by fdopen() is closed"): uses are
// fine, close(2) of it is a close of an fd the stream owns.

int neg_fsync_raw_fd_while_stream_open(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT, 0600);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    return -1;
  }
  fputs("data\n", f);
  fflush(f);
  fsync(fd); // no warning
  return fclose(f);
}

int neg_fstat_dir_fd_while_dir_open(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return -1;
  }
  struct stat st;
  fstat(fd, &st); // no warning
  return closedir(d);
}

int pos_close_raw_while_stream_open(const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return -1;
  }
  close(fd); // expected-warning{{close of borrowed fd: the fd belongs to the stream}}
  return fclose(f);
}

int pos_fsync_after_fclose(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT, 0600);
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

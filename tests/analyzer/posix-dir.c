// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.PosixFd -verify %s
// RUN: %clang_analyze_cc1 -analyzer-checker=core,unix.StdCLibraryFunctions,iosafe.PosixFd -verify %s
// iosafe.PosixFd: a directory stream (DIR *) from opendir(3) or
// fdopendir(3) is owned: it holds an open fd until closedir(3)
// (analyzer-plugin/DirStreams.cpp).  A DIR * left unclosed is an fd leak.
#include <dirent.h>
#include <fcntl.h>
#include <stddef.h>
#include <unistd.h>

void keep(DIR *d);
int flag(void);

int pos_opendir_leaks(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  if (!readdir(d))
    return -1; // expected-warning{{fd leak: the directory stream opened by 'opendir' is not closed with closedir or handed on}}
  closedir(d);
  return 0;
}

int neg_opendir_closed(const char *p) {
  DIR *d = opendir(p);
  if (d == NULL)
    return -1;
  while (readdir(d))
    ;
  return closedir(d);
}

void neg_opendir_failure_nothing_to_close(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return;
  closedir(d);
}

int pos_closedir_twice(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  closedir(d);
  return closedir(d); // expected-warning{{double close: the directory stream was already closed}}
}

void pos_readdir_after_closedir(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return;
  closedir(d);
  readdir(d); // expected-warning{{use after close: the directory stream is used after closedir closed it}}
}

int pos_fdopendir_stream_leaks(const char *p) {
  int fd = open(p, O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return -1;
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return -1;
  }
  return 0; // expected-warning{{fd leak: the directory stream opened by 'fdopendir' is not closed with closedir or handed on}}
}

void neg_opendir_handed_on(const char *p) {
  DIR *d = opendir(p);
  if (d)
    keep(d);
}

DIR *neg_opendir_returned(const char *p) { return opendir(p); }

void pos_close_of_dirfd(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return;
  int fd = dirfd(d);
  close(fd); // expected-warning{{close of borrowed fd}}
  closedir(d);
}

int neg_dirfd_used(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return -1;
  int r = fchdir(dirfd(d));
  closedir(d);
  return r;
}

void pos_opendir_leaks_on_one_path(const char *p) {
  DIR *d = opendir(p);
  if (!d)
    return;
  if (flag())
    return; // expected-warning{{fd leak: the directory stream opened by 'opendir'}}
  closedir(d);
}

// RUN: %clang_analyze_cc1 -analyzer-checker=core,iosafe.Ownership,iosafe.PosixFd -verify %s
// The FILE * and DIR * hand-offs of include/iosafe/stdio.h, from the
// library table (analyzer-plugin/StreamHandOffs.cpp): iosafe_file_from_fd
// and iosafe_dir_from_fd move the fd into the stream only when they return
// 0 (the owner is none then); on failure the caller still owns it.
// iosafe_fd_from_file closes the stream, and with it its fd.
#include <dirent.h>
#include <fcntl.h>
#include <iosafe/iosafe.h>
#include <stdio.h>
#include <unistd.h>

static int open_a(iosafe_owned_fd *fd) { return iosafe_open(fd, "/a", O_RDONLY, 0); }

// The keyimport.c leak: the fd is dropped when the hand-off fails.
int pos_file_from_fd_failure_leaks(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  FILE *f;
  if (open_a(&fd) != 0)
    return -1;
  if (iosafe_file_from_fd(&f, &fd, "r") != 0)
    return -1; // expected-warning{{fd leak: the fd acquired by 'iosafe_open' is not closed or handed on}}
  return fclose(f);
}

int neg_file_from_fd_failure_closed(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  FILE *f;
  if (open_a(&fd) != 0)
    return -1;
  if (iosafe_file_from_fd(&f, &fd, "r") != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  // The owner is none now: closing it again is a no-op, not a double close.
  iosafe_fd_close(&fd);
  return fclose(f);
}

int pos_owner_used_after_hand_off(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  FILE *f;
  char b[4];
  if (open_a(&fd) != 0)
    return -1;
  if (iosafe_file_from_fd(&f, &fd, "r") != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  iosafe_read(iosafe_fd_borrow(&fd), b, sizeof b); // expected-warning{{use after move: the fd was moved out of this owner before this use}}
  return fclose(f);
}

int pos_close_of_streamed_fd(void) {
  FILE *f;
  int raw = open("/a", O_RDONLY);
  if (raw < 0)
    return -1;
  iosafe_owned_fd fd = iosafe_fd_from_raw(raw);
  if (iosafe_file_from_fd(&f, &fd, "r") != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  close(raw); // expected-warning{{close of borrowed fd: the fd belongs to the stream}}
  return fclose(f);
}

int pos_file_from_fd_of_closed_owner(void) {
  FILE *f;
  int raw = open("/a", O_RDONLY);
  if (raw < 0)
    return -1;
  iosafe_owned_fd fd = iosafe_fd_from_raw(raw);
  close(raw);
  if (iosafe_file_from_fd(&f, &fd, "r") != 0) // expected-warning{{double close}}
    return -1;
  return fclose(f);
}

int pos_dir_from_fd_failure_leaks(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  DIR *d;
  if (iosafe_open(&fd, "/tmp", O_RDONLY | O_DIRECTORY, 0) != 0)
    return -1;
  if (iosafe_dir_from_fd(&d, &fd) != 0)
    return -1; // expected-warning{{fd leak}}
  return closedir(d);
}

int pos_dir_stream_leaks(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  DIR *d;
  if (iosafe_open(&fd, "/tmp", O_RDONLY | O_DIRECTORY, 0) != 0)
    return -1;
  if (iosafe_dir_from_fd(&d, &fd) != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  if (!readdir(d))
    return -1; // expected-warning{{fd leak: the directory stream}}
  return closedir(d);
}

int pos_dir_closed_twice(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  DIR *d;
  if (iosafe_open(&fd, "/tmp", O_RDONLY | O_DIRECTORY, 0) != 0)
    return -1;
  if (iosafe_dir_from_fd(&d, &fd) != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  closedir(d);
  return closedir(d); // expected-warning{{double close: the directory stream was already closed}}
}

int neg_dir_from_fd_closedir(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  DIR *d;
  if (iosafe_open(&fd, "/tmp", O_RDONLY | O_DIRECTORY, 0) != 0)
    return -1;
  if (iosafe_dir_from_fd(&d, &fd) != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  while (readdir(d))
    ;
  return closedir(d);
}

// fd_from_file: a new owned fd; the stream (and the fd it held) is closed.
int pos_fd_from_file_leaks(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE, back = IOSAFE_FD_NONE;
  FILE *f;
  if (open_a(&fd) != 0)
    return -1;
  if (iosafe_file_from_fd(&f, &fd, "r") != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  if (iosafe_fd_from_file(&back, f) != 0)
    return -1;
  return 0; // expected-warning{{fd leak: the fd acquired by 'iosafe_fd_from_file' is not closed or handed on}}
}

int pos_stream_fd_closed_after_fd_from_file(void) {
  iosafe_owned_fd back = IOSAFE_FD_NONE;
  FILE *f;
  int raw = open("/a", O_RDONLY);
  if (raw < 0)
    return -1;
  iosafe_owned_fd fd = iosafe_fd_from_raw(raw);
  if (iosafe_file_from_fd(&f, &fd, "r") != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  if (iosafe_fd_from_file(&back, f) == 0)
    iosafe_fd_close(&back);
  return close(raw); // expected-warning{{double close}}
}

int neg_round_trip(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE, back = IOSAFE_FD_NONE;
  FILE *f;
  if (open_a(&fd) != 0)
    return -1;
  if (iosafe_file_from_fd(&f, &fd, "r") != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  if (iosafe_fd_from_file(&back, f) != 0)
    return -1;
  iosafe_fd_close(&back);
  return 0;
}

// Views (iosafe_file_view_begin): a FILE * over a borrowed fd, which the
// view never closes; its owner must outlive it.
int pos_view_outlives_owner(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  iosafe_file_view v;
  if (iosafe_open(&fd, "/a", O_WRONLY, 0) != 0)
    return -1;
  if (iosafe_file_view_begin(&v, iosafe_fd_borrow(&fd), "w") != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  fputs("x", v.file);
  iosafe_fd_close(&fd);
  return iosafe_file_view_end(&v); // expected-warning{{borrow outlives owner: the borrowed fd is used after its owner was closed}}
}

int pos_fclose_of_a_view(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  iosafe_file_view v;
  if (iosafe_open(&fd, "/a", O_WRONLY, 0) != 0)
    return -1;
  if (iosafe_file_view_begin(&v, iosafe_fd_borrow(&fd), "w") != 0) {
    iosafe_fd_close(&fd);
    return -1;
  }
  fclose(v.file); // expected-warning{{close of borrowed fd: a borrowed fd is released; only its owner may close it}}
  return iosafe_fd_close(&fd);
}

int neg_view_ended_then_owner_closed(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  iosafe_file_view v;
  if (iosafe_open(&fd, "/a", O_WRONLY, 0) != 0)
    return -1;
  if (iosafe_file_view_begin(&v, iosafe_fd_borrow(&fd), "w") == 0) {
    fprintf(v.file, "%d\n", 42);
    (void)iosafe_file_view_end(&v);
  }
  return iosafe_fd_close(&fd);
}

int pos_view_owner_leaks(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  iosafe_file_view v;
  if (iosafe_open(&fd, "/a", O_WRONLY, 0) != 0)
    return -1;
  if (iosafe_file_view_begin(&v, iosafe_fd_borrow(&fd), "w") != 0)
    return -1; // expected-warning{{fd leak}}
  (void)iosafe_file_view_end(&v);
  return iosafe_fd_close(&fd);
}

int neg_view_of_stdout(void) {
  iosafe_file_view v;
  if (iosafe_file_view_begin(&v, iosafe_stdout(), "w") != 0)
    return -1;
  fputs("hello\n", v.file);
  return iosafe_file_view_end(&v);
}

int pos_view_of_closed_owner(void) {
  iosafe_owned_fd fd = IOSAFE_FD_NONE;
  iosafe_file_view v;
  if (iosafe_open(&fd, "/a", O_WRONLY, 0) != 0)
    return -1;
  iosafe_borrowed_fd b = iosafe_fd_borrow(&fd);
  iosafe_fd_close(&fd);
  if (iosafe_file_view_begin(&v, b, "w") != 0) // expected-warning{{borrow outlives owner}}
    return -1;
  return iosafe_file_view_end(&v);
}
